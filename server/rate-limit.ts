/**
 * Rate limits in the database (so every instance counts together): hits per bucket (an address,
 * an account) in fixed one-minute windows, counted with one atomic upsert.
 */
import type { Queryable } from './db/database.js';
import { OfficeError } from '../src/services/rules/office-error.js';

export const RATE_WINDOW_MS = 60_000;

/** Counts a hit; throws RATE_LIMITED (with the seconds left of the window) past `limit`. */
export async function hit(db: Queryable, bucket: string, limit: number, realNowMs: number): Promise<void> {
  const start = Math.floor(realNowMs / RATE_WINDOW_MS) * RATE_WINDOW_MS;
  const { rows } = await db.query<{ hits: number }>(
    `INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1)
     ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1
     RETURNING hits`,
    [bucket, new Date(start)],
  );
  if (Number(rows[0]!.hits) > limit) {
    const retryAfterSeconds = Math.max(1, Math.ceil((start + RATE_WINDOW_MS - realNowMs) / 1000));
    throw new OfficeError('RATE_LIMITED', `请求过于频繁，请${retryAfterSeconds}秒后再试。`, { retryAfterSeconds });
  }
}

/** Forgets windows that ended (the janitor calls it). */
export async function purgeRateLimits(db: Queryable, realNowMs: number): Promise<void> {
  await db.query('DELETE FROM rate_limits WHERE window_start < $1', [new Date(realNowMs - 2 * RATE_WINDOW_MS)]);
}
