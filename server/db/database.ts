/**
 * The database: PostgreSQL through `pg` when DATABASE_URL is set, else PGlite (PostgreSQL in
 * WebAssembly, data in a folder). Both behind one small interface: `query`, and `transaction`,
 * which runs a function in BEGIN … COMMIT (ROLLBACK when it throws) and retries it on a
 * serialization failure or deadlock. PGlite has one connection: its calls are serialised here.
 */
import pg from 'pg';

/** What a query answers. */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

/** Something queries run on: the database, or a transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
}

/** The database. */
export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction; retried (from the start) on serialization failures and deadlocks. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Throws unless the database answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The database cannot be reached (the server answers 503 SERVICE_UNAVAILABLE). */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** PostgreSQL error codes the server acts on. */
export const PG = {
  uniqueViolation: '23505',
  serializationFailure: '40001',
  deadlock: '40P01',
  duplicateTable: '42P07',
  duplicateObject: '42710',
} as const;

/** The PostgreSQL error code of an error, if it has one. */
export function pgCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/**
 * Whether an error means the database is too slow to answer now: a statement past
 * statement_timeout (57014) or a lock not granted within lock_timeout (55P03). The connection is
 * fine; the request is refused as overloaded (503) and its transaction rolled back.
 */
export function isTooSlow(error: unknown): boolean {
  const code = pgCode(error);
  return code === '57014' || code === '55P03';
}

/** Whether an error means the database is out of reach (connection refused, timed out, terminated). */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN', 'ENOENT'].includes(code)) return true;
  // 57P01..03: admin shutdown, crash shutdown, cannot connect now; 08xxx: connection exceptions; 53300: too many connections.
  if (typeof code === 'string' && (/^08/.test(code) || /^57P0[1-3]$/.test(code) || code === '53300')) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED/i.test(message);
}

const RETRIES = 5;

async function withRetries<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const code = pgCode(error);
      if (tries >= RETRIES || (code !== PG.serializationFailure && code !== PG.deadlock)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * tries + Math.random() * 20));
    }
  }
}

/** Options of {@link openPostgres}. */
export interface PostgresOptions {
  /** Connections in the pool. Default 10. */
  poolSize?: number;
  /** How long to wait for a connection, ms (then 503). Default 3000. */
  connectTimeoutMs?: number;
  /** Longest statement, ms. Default 10000. */
  statementTimeoutMs?: number;
  /** Longest wait for a lock another connection holds, ms. Default 3000. */
  lockTimeoutMs?: number;
  /** Tests: wait this long before each COMMIT, so concurrent transactions surely overlap. */
  commitDelayMs?: number;
}

/** PostgreSQL through a `pg` pool. */
export function openPostgres(url: string, options: PostgresOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
    statement_timeout: options.statementTimeoutMs ?? 10_000,
    // A lock held for long elsewhere: the request ends (503) instead of holding a connection of the pool.
    lock_timeout: options.lockTimeoutMs ?? 3000,
    // Fails a query whose connection never answers instead of hanging.
    query_timeout: (options.statementTimeoutMs ?? 10_000) + 2000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection that breaks (the server restarted) must not crash the process.
  pool.on('error', () => undefined);
  // Nor one in any other state (connecting, between a query's end and its release): PostgreSQL
  // ending connections on a fast shutdown emits 'error' on each client; the query in flight, if
  // any, fails on its own and the pool drops the client.
  pool.on('connect', (client) => client.on('error', () => undefined));
  const wrap = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (isUnavailable(error) || isTooSlow(error)) throw new DatabaseUnavailableError(error instanceof Error ? error.message : String(error), { cause: error });
      throw error;
    }
  };
  const query = <T>(sql: string, params: readonly unknown[] = []) =>
    wrap(async () => {
      const result = await pool.query(sql, params as unknown[]);
      return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
    });
  return {
    kind: 'postgres',
    query,
    transaction: <T>(work: (tx: Queryable) => Promise<T>) =>
      wrap(() =>
        withRetries(async () => {
          const client = await pool.connect();
          let broken = false;
          // A checked-out client has no listener of the pool's: PostgreSQL ending the connection
          // (a fast shutdown or restart: FATAL 57P01) would be an unhandled 'error' and end the process.
          const onError = () => (broken = true);
          client.on('error', onError);
          try {
            await client.query('BEGIN');
            const tx: Queryable = {
              query: async <R>(sql: string, params: readonly unknown[] = []) => {
                const result = await client.query(sql, params as unknown[]);
                return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
              },
            };
            const result = await work(tx);
            if (options.commitDelayMs) await new Promise((resolve) => setTimeout(resolve, options.commitDelayMs));
            await client.query('COMMIT');
            return result;
          } catch (error) {
            broken = isUnavailable(error);
            if (!broken) await client.query('ROLLBACK').catch(() => (broken = true));
            throw error;
          } finally {
            client.removeListener('error', onError);
            client.release(broken);
          }
        }),
      ),
    ping: async () => {
      await query('SELECT 1');
    },
    close: () => pool.end(),
  };
}

/** Options of {@link openPglite}. */
export interface PgliteOptions {
  /** How long a call waits for the one connection, ms (then DatabaseUnavailableError: 503). Default 3000. */
  waitTimeoutMs?: number;
}

/** PGlite in a data folder (or in memory with `memory://`). */
export async function openPglite(dataDir: string, options: PgliteOptions = {}): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir);
  const waitTimeoutMs = options.waitTimeoutMs ?? 3000;
  // One connection: every call waits for the one before (a transaction holds it to its end). A
  // call that waited waitTimeoutMs gives up (as a pool's connection timeout) and never runs.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const before = queue;
    let gaveUp = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        gaveUp = true;
        reject(new DatabaseUnavailableError(`waited ${waitTimeoutMs} ms for the database`));
      }, waitTimeoutMs);
    });
    const ran = before.then(() => {
      clearTimeout(timer);
      return gaveUp ? undefined : run();
    });
    queue = ran.catch(() => undefined);
    return Promise.race([ran as Promise<T>, waited]);
  };
  // PGlite's affectedRows counts INSERT/UPDATE/DELETE only: a query with columns counts its rows.
  const toResult = <T>(result: { rows: unknown[]; fields: unknown[]; affectedRows?: number }): QueryResult<T> => ({
    rows: result.rows as T[],
    rowCount: result.fields.length > 0 ? result.rows.length : (result.affectedRows ?? 0),
  });
  let closed = false;
  return {
    kind: 'pglite',
    query: <T>(sql: string, params: readonly unknown[] = []) =>
      serial(async () => {
        if (closed) throw new DatabaseUnavailableError('the database is closed');
        return toResult<T>(await db.query(sql, params as unknown[]));
      }),
    transaction: <T>(work: (tx: Queryable) => Promise<T>) =>
      serial(async () => {
        if (closed) throw new DatabaseUnavailableError('the database is closed');
        await db.exec('BEGIN');
        try {
          const tx: Queryable = { query: async <R>(sql: string, params: readonly unknown[] = []) => toResult<R>(await db.query(sql, params as unknown[])) };
          const result = await work(tx);
          await db.exec('COMMIT');
          return result;
        } catch (error) {
          await db.exec('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    ping: () =>
      serial(async () => {
        if (closed) throw new DatabaseUnavailableError('the database is closed');
        await db.query('SELECT 1');
      }),
    close: () =>
      serial(async () => {
        if (closed) return;
        closed = true;
        await db.close();
      }),
  };
}

/** The database the configuration names. */
export async function openDatabase(config: { databaseUrl: string | null; dataDir: string }, options: PostgresOptions = {}): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl, options) : openPglite(config.dataDir);
}
