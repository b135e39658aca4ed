/**
 * Idempotent operations (submitting an application, creating an order): the key belongs to the
 * candidate and the operation. The key's row is inserted in the same transaction as the work and
 * its answer: a concurrent request with the same key waits on the primary key until the first
 * commits, then replays its stored answer (byte for byte); a refusal rolls the row back with the
 * work, so a retry may succeed. The same key with another body is IDEMPOTENCY_KEY_REUSED.
 */
import { IDEMPOTENCY_RETENTION_HOURS } from '../src/services/contract.js';
import { OfficeError } from '../src/services/rules/office-error.js';
import type { Database, Queryable } from './db/database.js';

export const RETENTION_MS = IDEMPOTENCY_RETENTION_HOURS * 60 * 60 * 1000;

/** What an idempotent call answers: the JSON text of the answer. */
export async function idempotent(
  db: Database,
  key: { accountId: string; operation: string; key: string; fingerprint: string },
  realNowMs: number,
  work: (tx: Queryable) => Promise<unknown>,
): Promise<string> {
  return db.transaction(async (tx) => {
    const ids = [key.accountId, key.operation, key.key];
    const inserted = await tx.query(
      `INSERT INTO idempotency_keys (account_id, operation, key, fingerprint, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (account_id, operation, key) DO NOTHING RETURNING key`,
      [...ids, key.fingerprint, new Date(realNowMs)],
    );
    if (inserted.rowCount === 0) {
      const { rows } = await tx.query<{ fingerprint: string; answer: string | null; created_at: Date }>(
        'SELECT fingerprint, answer, created_at FROM idempotency_keys WHERE account_id = $1 AND operation = $2 AND key = $3 FOR UPDATE',
        ids,
      );
      const stored = rows[0]!;
      if (new Date(stored.created_at).getTime() + RETENTION_MS <= realNowMs) {
        // Past its retention: the key is new again.
        await tx.query('UPDATE idempotency_keys SET fingerprint = $4, answer = NULL, created_at = $5 WHERE account_id = $1 AND operation = $2 AND key = $3', [
          ...ids,
          key.fingerprint,
          new Date(realNowMs),
        ]);
      } else if (stored.fingerprint !== key.fingerprint) {
        throw new OfficeError('IDEMPOTENCY_KEY_REUSED', '该请求标识已用于内容不同的请求，请刷新页面后重试。', { operation: key.operation });
      } else if (stored.answer !== null) {
        return stored.answer;
      } else {
        throw new OfficeError('IDEMPOTENCY_IN_PROGRESS', '相同的请求正在处理中，请稍候。', { retryAfterSeconds: 1 });
      }
    }
    const answer = JSON.stringify(await work(tx));
    await tx.query('UPDATE idempotency_keys SET answer = $4 WHERE account_id = $1 AND operation = $2 AND key = $3', [...ids, answer]);
    return answer;
  });
}

/** Forgets keys past their retention (the janitor calls it). */
export async function purgeIdempotencyKeys(db: Queryable, realNowMs: number): Promise<void> {
  await db.query('DELETE FROM idempotency_keys WHERE created_at < $1', [new Date(realNowMs - RETENTION_MS)]);
}
