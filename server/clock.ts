/**
 * The office's clock: the real time, moved by the office API's test part (`PUT /office/test/clock`).
 * The offset lives in the database, so every instance keeps the same time. Windows, expiries and
 * sessions follow this clock; rate limits and idempotency retention follow the real one.
 */
import type { Queryable } from './db/database.js';

/** Reads (and, for the test API, moves) the office's clock. */
export class OfficeClock {
  constructor(
    /** Whether the clock can be moved (the test API is on); else it is the real time, no query. */
    private readonly movable: boolean,
    private readonly realNow: () => number = Date.now,
  ) {}

  /** The real time, ms. */
  real(): number {
    return this.realNow();
  }

  /** The office's time, ms. */
  async now(db: Queryable): Promise<number> {
    return this.realNow() + (this.movable ? await this.offset(db) : 0);
  }

  /** How far the clock is moved, ms (0: real time). */
  async offset(db: Queryable): Promise<number> {
    const { rows } = await db.query<{ value: number }>("SELECT value FROM settings WHERE key = 'clock_offset_ms'");
    return rows[0] ? Number(rows[0].value) : 0;
  }

  /** Moves the clock to `nowMs` (null: back to real time). */
  async set(db: Queryable, nowMs: number | null): Promise<number> {
    const offset = nowMs === null ? 0 : nowMs - this.realNow();
    await db.query(
      "INSERT INTO settings (key, value) VALUES ('clock_offset_ms', $1::jsonb) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
      [JSON.stringify(offset)],
    );
    return this.realNow() + offset;
  }
}
