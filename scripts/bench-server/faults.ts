/**
 * `npm run bench:server -- --faults`: the long versions of the fault tests, under the journey mix
 * at 200 connections. What they print is what they found: answers by status while the fault
 * lasted, 500s and hangs (there must be none), how long recovery took, and every acknowledged
 * submission, order, payment and draft looked up in the database afterwards (nothing lost,
 * nothing doubled).
 *
 * - kill -9 of the server in the middle of the load, then a restart on the same port;
 * - PostgreSQL stopped (fast shutdown: every connection cut) and started again under the load,
 *   on the bench's own cluster only (never a server DATABASE_URL names).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPglite } from '../../server/db/database.js';
import { journey, newAcknowledged, type Acknowledged } from './journey.js';
import { freePort, startBenchServer, type BenchServer, type Postgres } from './processes.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Timeline {
  /** Answers by phase (before, during, after the fault) and status. */
  phases: Record<string, Record<string, number>>;
  /** 503s without Retry-After (must be none). */
  unavailableWithoutRetryAfter: number;
  /** Refusals by phase, operation and status. */
  refusals: Record<string, number>;
  /** ms from the fault's end to the first 200 of an authenticated operation. */
  recoveryMs: number | null;
}

/**
 * Runs the journey mix with `candidates` virtual candidates for `durationS` (fetch, one request at
 * a time each: autocannon's answers lose their requests when connections break), calling `fault`
 * at a third of it. A request that finds no server, or a 503, is sent again as the elements send
 * it (the same request, the same idempotency key) after Retry-After (at most 1 s), up to 30 times.
 */
async function loadWithFault(origin: string, candidates: number, durationS: number, ack: Acknowledged, fault: () => Promise<void>): Promise<{ timeline: Timeline; errors: number; timeouts: number; journeys: number }> {
  let phase = 'before';
  let faultEnded = 0;
  let errors = 0;
  let timeouts = 0;
  let journeys = 0;
  const timeline: Timeline = { phases: { before: {}, during: {}, after: {} }, refusals: {}, unavailableWithoutRetryAfter: 0, recoveryMs: null };
  const steps = journey('/api', ack);
  const stopAt = performance.now() + durationS * 1000;
  const record = (op: string, status: number, body: string, retryAfter: string | null) => {
    const counts = timeline.phases[phase]!;
    counts[status] = (counts[status] ?? 0) + 1;
    if (status >= 400) {
      const name = `${phase} ${op} ${status} ${(/"code":"(\w+)"/.exec(body) ?? [])[1] ?? ''}`;
      timeline.refusals[name] = (timeline.refusals[name] ?? 0) + 1;
    }
    if (status === 503 && retryAfter === null) timeline.unavailableWithoutRetryAfter += 1;
    if (phase === 'after' && status === 200 && timeline.recoveryMs === null && op !== 'round') timeline.recoveryMs = Math.round(performance.now() - faultEnded);
  };
  const candidate = async () => {
    const context: Record<string, unknown> = {};
    while (performance.now() < stopAt) {
      journeys += 1;
      for (const step of steps) {
        if (performance.now() >= stopAt) return;
        const built = (step.setupRequest as (request: object, context: object) => { method: string; path: string; headers: Record<string, string>; body?: string | Buffer } | null)({}, context);
        if (!built) break;
        let answered: { status: number; body: string; headers: Record<string, string> } | null = null;
        for (let attempt = 0; attempt < 30 && !answered; attempt++) {
          try {
            const response = await fetch(`${origin}${built.path}`, { method: built.method, headers: built.headers, body: built.body as BodyInit | undefined, signal: AbortSignal.timeout(15_000) });
            const body = await response.text();
            record(step.op, response.status, body, response.headers.get('retry-after'));
            if (response.status === 503 && attempt < 29) {
              await sleep(Math.min(1000, 1000 * Number(response.headers.get('retry-after') ?? 1)));
              continue;
            }
            answered = { status: response.status, body, headers: Object.fromEntries(response.headers) };
          } catch (error) {
            if ((error as Error).name === 'TimeoutError') timeouts += 1;
            else errors += 1;
            await sleep(500);
          }
        }
        if (!answered) break;
        (step.onResponse as (status: number, body: string, context: object, headers: Record<string, string>) => void | undefined)?.(answered.status, answered.body, context, answered.headers);
      }
    }
  };
  const running = Promise.all(Array.from({ length: candidates }, candidate));
  await sleep((durationS * 1000) / 3);
  phase = 'during';
  await fault();
  faultEnded = performance.now();
  phase = 'after';
  await running;
  return { timeline, errors, timeouts, journeys };
}

/** Every acknowledged submission, order, payment and draft, looked up in the database; doubles counted. */
async function checkAcknowledged(query: (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>, ack: Acknowledged) {
  const applications = await query('SELECT id, status, data FROM applications');
  const byId = new Map(applications.map((row) => [String(row.id), row]));
  const lostSubmissions = [...ack.submissions.keys()].filter((id) => !byId.has(id) || byId.get(id)!.status === 'draft').length;
  const orders = new Map((await query('SELECT id, status FROM payment_orders')).map((row) => [String(row.id), String(row.status)]));
  const lostOrders = [...ack.orders.keys()].filter((id) => !orders.has(id)).length;
  const lostPayments = [...ack.payments].filter((id) => orders.get(id) !== 'paid').length;
  const doubledApplications = Number((await query('SELECT count(*)::integer AS n FROM (SELECT account_id FROM applications GROUP BY account_id, round_id HAVING count(*) > 1) d'))[0]!.n);
  const doubledOrders = Number((await query("SELECT count(*)::integer AS n FROM (SELECT application_id FROM payment_orders WHERE status IN ('unpaid', 'paying') GROUP BY application_id, channel HAVING count(*) > 1) d"))[0]!.n);
  const doubledReceipts = Number((await query('SELECT count(*)::integer AS n FROM (SELECT order_id FROM payment_receipts GROUP BY order_id HAVING count(*) > 1) d'))[0]!.n);
  // A draft acknowledged is in the application (the journey's saves only add fields), unless it went on to be submitted.
  const accounts = new Map((await query('SELECT a.account, p.status, p.data FROM accounts a JOIN applications p ON p.account_id = a.id')).map((row) => [String(row.account), row]));
  let lostDrafts = 0;
  let lostDraftExample: unknown = null;
  for (const [account, fields] of ack.drafts) {
    const row = accounts.get(account);
    if (row && row.status !== 'draft') continue;
    const stored = ((row?.data as { fields?: Record<string, unknown> } | undefined)?.fields ?? {}) as Record<string, unknown>;
    if (!row || Object.entries(JSON.parse(fields) as Record<string, string>).some(([name, value]) => stored[name] !== value)) {
      lostDrafts += 1;
      lostDraftExample ??= { account, acknowledged: fields, stored: row ? stored : null };
    }
  }
  if (lostDraftExample) console.log(`  a draft acknowledged and not found: ${JSON.stringify(lostDraftExample)}`);
  return {
    acknowledged: { submissions: ack.submissions.size, orders: ack.orders.size, payments: ack.payments.size, drafts: ack.drafts.size },
    lost: { submissions: lostSubmissions, orders: lostOrders, payments: lostPayments, drafts: lostDrafts },
    doubled: { applications: doubledApplications, openOrders: doubledOrders, receipts: doubledReceipts },
  };
}

function print(name: string, found: { timeline: Timeline; errors: number; timeouts: number; journeys: number; check: Awaited<ReturnType<typeof checkAcknowledged>> }) {
  const { timeline, check } = found;
  const fivehundreds = Object.values(timeline.phases).reduce((sum, counts) => sum + (counts['500'] ?? 0), 0);
  const lost = Object.values(check.lost).reduce((sum, n) => sum + n, 0);
  const doubled = Object.values(check.doubled).reduce((sum, n) => sum + n, 0);
  console.log(`\n${name}`);
  for (const [phase, counts] of Object.entries(timeline.phases)) console.log(`  ${phase.padEnd(7)} ${JSON.stringify(counts)}`);
  console.log(`  refusals: ${JSON.stringify(timeline.refusals)}`);
  console.log(`  ${found.journeys} journeys begun; requests without an answer (no server): ${found.errors}, timeouts (no answer in 15 s) ${found.timeouts}, 500s ${fivehundreds}, 503 without Retry-After ${timeline.unavailableWithoutRetryAfter}, recovered ${timeline.recoveryMs ?? '—'} ms after the fault ended`);
  console.log(`  acknowledged ${JSON.stringify(check.acknowledged)}; lost ${JSON.stringify(check.lost)}; doubled ${JSON.stringify(check.doubled)} → ${lost === 0 && doubled === 0 ? 'nothing acknowledged lost, nothing doubled' : 'LOST OR DOUBLED'}`);
}

export async function runFaults(options: { postgres: Postgres | null; durationS: number }): Promise<unknown> {
  const report: Record<string, unknown> = {};
  const connections = 50;
  console.log(`\nfault scenarios (journey mix, ${connections} virtual candidates with fetch, retrying as the elements do, ${options.durationS} s each)`);

  for (const database of ['pglite', 'postgres'] as const) {
    if (database === 'postgres' && !options.postgres) continue;
    const dataDir = mkdtempSync(join(tmpdir(), 'rk-bench-faults-'));
    const databaseUrl = database === 'postgres' ? await options.postgres!.createDatabase(`rk_faults_${process.pid}_kill`) : null;
    const port = await freePort();
    let server: BenchServer = await startBenchServer({ databaseUrl, dataDir, port });
    const ack = newAcknowledged();
    try {
      const found = await loadWithFault(server.origin, connections, options.durationS, ack, async () => {
        await server.stop('SIGKILL');
        server = await startBenchServer({ databaseUrl, dataDir, port });
      });
      await sleep(1500);
      await server.stop();
      const query = await queryOf(databaseUrl, dataDir);
      const check = await checkAcknowledged(query.run, ack);
      await query.close();
      const result = { ...found, check };
      print(`kill -9 of the server mid-load, restarted (${database})`, result);
      report[`kill-9 (${database})`] = result;
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }

  if (options.postgres?.stop && options.postgres.start) {
    const dataDir = mkdtempSync(join(tmpdir(), 'rk-bench-faults-'));
    const databaseUrl = await options.postgres.createDatabase(`rk_faults_${process.pid}_pgstop`);
    const server = await startBenchServer({ databaseUrl, dataDir });
    const ack = newAcknowledged();
    try {
      const found = await loadWithFault(server.origin, connections, options.durationS, ack, async () => {
        await options.postgres!.stop!();
        await sleep(3000);
        await options.postgres!.start!();
      });
      await sleep(1500);
      const serverSurvived = server.alive();
      if (!serverSurvived) console.log(`  the server exited: ${server.stderr().slice(-2000)}`);
      const query = await queryOf(databaseUrl, dataDir);
      const check = await checkAcknowledged(query.run, ack);
      await query.close();
      const result = { ...found, serverSurvived, check };
      print('PostgreSQL stopped for 3 s and started again under the load (the server not restarted)', result);
      report['postgres stopped and started'] = result;
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  } else {
    console.log('\nPostgreSQL stopped and started: needs the bench\'s own cluster (no DATABASE_URL, PostgreSQL 15 installed): skipped');
  }
  return report;
}

async function queryOf(databaseUrl: string | null, dataDir: string) {
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return { run: async (sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Array<Record<string, unknown>>, close: () => client.end() };
  }
  const db = await openPglite(join(dataDir, 'pglite'));
  return { run: async (sql: string, params: unknown[] = []) => (await db.query<Record<string, unknown>>(sql, params)).rows, close: () => db.close() };
}
