/**
 * The conformance kit passes against the reference server, in cookie mode and in bearer mode,
 * each on a fresh database, and again on a database it has run against before (a backend whose
 * round has its tickets published already gives a paying candidate the ticket at once, so
 * publishing finds none left to publish).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runConformance, type ConformanceReport } from '../../conformance/index.js';
import { databaseKind, freshDatabase, OFFICE_KEY, rows, startTestServer } from './helpers.js';

function assertPassed(report: ConformanceReport): void {
  assert.deepEqual(report.mismatches, [], 'no mismatch');
  assert.deepEqual(report.skipped, [], 'no step skipped');
  assert.equal(report.passed, true);
  const notCalled = report.operations.filter((row) => row.calls === 0).map((row) => row.operation);
  assert.deepEqual(notCalled, [], 'every operation of the document was called');
}

describe(`the conformance kit against the reference server (${databaseKind})`, () => {
  for (const mode of ['cookie', 'bearer'] as const) {
    it(`passes in ${mode} mode, and the journey is in the database`, async () => {
      const database = await freshDatabase();
      // The kit's limits are the server's defaults: it must pass with them.
      const server = await startTestServer(database, { authModes: mode, rateLimitAddress: 1200, rateLimitAccount: 300, rateLimitSensitive: 300 });
      try {
        const report = await runConformance({ baseUrl: server.apiUrl, officeKey: OFFICE_KEY });
        assertPassed(report);
        assert.deepEqual(report.authModes, [mode]);
        const certified = await rows<{ n: number }>(server, "SELECT count(*)::integer AS n FROM applications WHERE status = 'certified'");
        assert.ok(certified[0]!.n >= 1, 'the kit\'s candidate ended certified');
        const staffActions = await rows<{ n: number }>(server, "SELECT count(*)::integer AS n FROM audit_log WHERE actor_type = 'staff' AND actor_id = 'test'");
        assert.ok(staffActions[0]!.n >= 5, 'the office\'s part is audited with the staff member');
        const clock = await rows<{ value: number }>(server, "SELECT value FROM settings WHERE key = 'clock_offset_ms'");
        assert.equal(Number(clock[0]?.value ?? 0), 0, 'the kit put the clock back');
        console.log(`kit in ${mode} mode: ${report.operations.reduce((sum, row) => sum + row.calls, 0)} calls in ${(report.durationMs / 1000).toFixed(1)} s`);
      } finally {
        await server.close();
        await database.drop();
      }
    });
  }

  it('passes again on the same database (a backend that keeps its data between runs)', async () => {
    const database = await freshDatabase();
    const server = await startTestServer(database, { authModes: 'cookie', rateLimitAddress: 1200, rateLimitAccount: 300, rateLimitSensitive: 300 });
    try {
      assertPassed(await runConformance({ baseUrl: server.apiUrl, officeKey: OFFICE_KEY }));
      assertPassed(await runConformance({ baseUrl: server.apiUrl, officeKey: OFFICE_KEY }));
      const certified = await rows<{ n: number }>(server, "SELECT count(*)::integer AS n FROM applications WHERE status = 'certified'");
      assert.equal(certified[0]!.n, 2, 'both runs\' candidates ended certified');
    } finally {
      await server.close();
      await database.drop();
    }
  });
});
