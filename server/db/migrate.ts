/**
 * Versioned migrations: `server/db/migrations/NNN_name.sql`, applied in order, each in its own
 * transaction, recorded in `schema_migrations`. Instances starting at once take turns (a table
 * lock), so each migration runs once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Database, pgCode, PG } from './database.js';

const MIGRATIONS = fileURLToPath(new URL('./migrations/', import.meta.url));

/** The migrations in the folder, in order. */
export function migrationFiles(): Array<{ version: number; name: string; sql: string }> {
  return readdirSync(MIGRATIONS)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 3)), name: file, sql: readFileSync(MIGRATIONS + file, 'utf8') }));
}

/** Applies the migrations not applied yet; returns their names. */
export async function migrate(db: Database): Promise<string[]> {
  for (let tries = 0; ; tries++) {
    try {
      await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      break;
    } catch (error) {
      // Instances creating the table at once: one wins, the others see it next time (PostgreSQL
      // says so as a duplicate key, table or type, depending on where they met).
      const lost = [PG.uniqueViolation, PG.duplicateTable, PG.duplicateObject] as string[];
      if (tries > 5 || !lost.includes(pgCode(error) ?? '')) throw error;
    }
  }
  const applied: string[] = [];
  for (const migration of migrationFiles()) {
    const done = await db.transaction(async (tx) => {
      // Another instance may be migrating: wait for it (longer than a request's lock wait).
      await tx.query("SET LOCAL lock_timeout = '120s'");
      await tx.query('LOCK TABLE schema_migrations IN EXCLUSIVE MODE');
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (seen.rowCount > 0) return false;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (done) applied.push(migration.name);
  }
  return applied;
}

/** The statements of a migration file (split at `;` ending a line; comments dropped). */
export function splitStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !/^\s*--/.test(line))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter(Boolean);
}
