/**
 * Instances starting at once on a new database (a deployment rolling out several at the same
 * moment): the migrations run once, one round is seeded, one server secret is kept. Two rounds
 * once raced here (a duplicate of the one current round ended the second instance at start).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openPostgres } from '../../server/db/database.js';
import { migrate } from '../../server/db/migrate.js';
import { serverSecret } from '../../server/secrets.js';
import { seedRound } from '../../server/server.js';
import { databaseKind, freshDatabase, usingPostgres } from './helpers.js';

describe(`starting (${databaseKind})`, () => {
  it('six instances at once on a new database: one set of tables, one round, one secret', { skip: usingPostgres ? false : 'PostgreSQL only (PGlite\'s folder is one process\'s)' }, async () => {
    const fresh = await freshDatabase();
    const handles = Array.from({ length: 6 }, () => openPostgres(fresh.databaseUrl!));
    try {
      // What startServer does first, in six instances at the same moment.
      const secrets = await Promise.all(
        handles.map(async (db) => {
          await migrate(db);
          await seedRound(db);
          return serverSecret(db);
        }),
      );
      assert.equal(new Set(secrets).size, 1);
      const rounds = await handles[0]!.query<{ n: number }>('SELECT count(*)::integer AS n FROM rounds');
      assert.equal(Number(rounds.rows[0]!.n), 1);
      const migrations = await handles[0]!.query<{ n: number }>('SELECT count(*)::integer AS n FROM schema_migrations');
      assert.equal(Number(migrations.rows[0]!.n), 2);
    } finally {
      await Promise.all(handles.map((db) => db.close()));
      await fresh.drop();
    }
  });
});
