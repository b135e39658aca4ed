/**
 * `npm run bench:server`: the reference server on registration day. autocannon drives virtual
 * candidates through the journey mix (captcha → register → login → session → round → draft saves
 * → photo → submit → order → payment-status polling → 报名表) and the read-only mix (the round
 * with its notice and plan, the anonymous session) at 50, 200 and 1,000 connections, on PGlite
 * and on PostgreSQL (DATABASE_URL, else a cluster of the bench's own when PostgreSQL 15 is
 * installed). Prints per operation requests/s, p50/p95/p99, errors; the server's CPU and memory
 * (and PostgreSQL's); the share of scrypt; the goals (met / not met, never asserted); the paper
 * estimate of instances for a national opening hour. Writes bench/server-results.json.
 *
 *   npm run bench:server -- --duration 5 --concurrency 50,200      a quick run
 *   npm run bench:server -- --databases postgres --mixes journey    one part
 *   npm run bench:server -- --faults                                the long fault scenarios too
 *   npm run bench:server -- --faults-only --fault-duration 20       the fault scenarios alone (30 s each by default)
 *   npm run bench:server -- --cpu-prof                              the server's CPU profiles in bench/server-profiles/
 *
 * RK_BENCH_PG_OPTIONS adds settings to the bench's own PostgreSQL cluster (`-c synchronous_commit=off`).
 */
import autocannon from 'autocannon';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { hashPassword, verifyPassword } from '../server/passwords.js';
import { BENCH_ONLY, journey, newAcknowledged, readOnly, type Acknowledged } from './bench-server/journey.js';
import { childrenOf, cpuSeconds, openPostgresForBench, root, rssMiB, startBenchServer, type Postgres } from './bench-server/processes.js';
import { runFaults } from './bench-server/faults.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] && !args[index + 1]!.startsWith('--') ? args[index + 1]! : fallback;
};
const durationS = Number(option('duration', '15'));
const concurrencies = option('concurrency', '50,200,1000').split(',').map(Number);
const wantedDatabases = option('databases', 'pglite,postgres').split(',');
const mixes = option('mixes', 'journey,read').split(',') as Array<'journey' | 'read'>;
const faultsOnly = args.includes('--faults-only');
const faults = faultsOnly || args.includes('--faults');
const out = option('out', join(root, 'bench/server-results.json'));

const GOALS = { journeyRps: 1000, journeyP99Ms: 250, readRps: 5000 };

interface OperationFigures {
  op: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  statuses: Record<string, number>;
}
interface Cell {
  database: 'pglite' | 'postgres';
  mix: 'journey' | 'read';
  connections: number;
  durationS: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  timeouts: number;
  serverCpuCores: number;
  serverRssMiB: number;
  postgresCpuCores: number | null;
  journeysPerS: number;
  scryptPerS: number;
  operations: OperationFigures[];
}

const percentile = (sorted: number[], p: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!) : 0);
const round1 = (value: number) => Math.round(value * 10) / 10;

/** One cell: a mix at a number of connections for the duration, on a running server. */
async function runCell(database: Cell['database'], mix: Cell['mix'], connections: number, server: { origin: string; pid: number }, postgres: Postgres | null, ack: Acknowledged): Promise<Cell> {
  const requests = mix === 'journey' ? journey('/api', ack) : readOnly('/api');
  const samples = new Map<string, { times: number[]; statuses: Record<string, number> }>();
  const pgPid = database === 'postgres' ? postgres?.postmasterPid() ?? null : null;
  const pgCpu = () => (pgPid ? [pgPid, ...childrenOf(pgPid)].reduce((sum, pid) => sum + cpuSeconds(pid), 0) : 0);
  const cpuBefore = cpuSeconds(server.pid);
  const pgBefore = pgCpu();
  let rss = rssMiB(server.pid);
  const sampler = setInterval(() => (rss = Math.max(rss, rssMiB(server.pid))), 250);
  const started = performance.now();
  let finished!: (result: autocannon.Result) => void;
  let failed!: (error: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finished = resolve), (failed = reject)));
  const instance = autocannon({ url: server.origin, connections, duration: durationS, timeout: 30, requests }, (error, result) => (error ? failed(error) : finished(result)));
  instance.on('response', (client: unknown, status: number, _bytes: number, time: number) => {
    const op = (client as { requestIterator: { currentRequest: { op?: string } } }).requestIterator.currentRequest.op ?? '?';
    let sample = samples.get(op);
    if (!sample) samples.set(op, (sample = { times: [], statuses: {} }));
    sample.times.push(time);
    sample.statuses[status] = (sample.statuses[status] ?? 0) + 1;
  });
  const result = await done;
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const serverCpu = cpuSeconds(server.pid) - cpuBefore;
  const pgUsed = pgPid ? pgCpu() - pgBefore : null;
  const operations: OperationFigures[] = [...samples.entries()].map(([op, { times, statuses }]) => {
    const sorted = times.sort((a, b) => a - b);
    const errors = Object.entries(statuses).reduce((sum, [status, n]) => sum + (Number(status) >= 400 ? n : 0), 0);
    return { op, requests: times.length, rps: round1(times.length / elapsed), p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), errors, statuses };
  });
  const all = [...samples.values()].flatMap((sample) => sample.times).sort((a, b) => a - b);
  const count = (op: string) => samples.get(op)?.times.length ?? 0;
  return {
    database,
    mix,
    connections,
    durationS: round1(elapsed),
    rps: round1(all.length / elapsed),
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    errors: operations.reduce((sum, op) => sum + op.errors, 0) + result.errors,
    timeouts: result.timeouts,
    serverCpuCores: round1(serverCpu / elapsed),
    serverRssMiB: Math.round(rss),
    postgresCpuCores: pgUsed === null ? null : round1(pgUsed / elapsed),
    journeysPerS: round1(count('round') / elapsed),
    scryptPerS: round1((count('register (scrypt)') + count('login (scrypt)')) / elapsed),
    operations,
  };
}

/** Waits until the server is idle again (the previous cell's answers in flight, its scrypt queue), at most 15 s. */
async function settle(pid: number) {
  for (let tries = 0; tries < 30; tries++) {
    const before = cpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (cpuSeconds(pid) - before < 0.05) return;
  }
}

/** What one scrypt costs on one core (N = 16384, r = 8, p = 1: the server's default). */
async function scryptCost(): Promise<{ hashMs: number; verifyMs: number }> {
  const hash = await hashPassword('Kaoshi2026ok');
  const time = async (run: () => Promise<unknown>, n = 12) => {
    const started = performance.now();
    for (let index = 0; index < n; index++) await run();
    return round1((performance.now() - started) / n);
  };
  return { hashMs: await time(() => hashPassword('Kaoshi2026ok')), verifyMs: await time(() => verifyPassword('Kaoshi2026ok', hash)) };
}

const pad = (value: unknown, width: number) => String(value).padStart(width);
function printCell(cell: Cell) {
  console.log(
    `\n${cell.database} · ${cell.mix} mix · ${cell.connections} connections · ${cell.durationS} s: ${cell.rps} req/s, p50 ${cell.p50} ms, p95 ${cell.p95} ms, p99 ${cell.p99} ms, ${cell.errors} errors, ${cell.timeouts} timeouts; ` +
      `server ${cell.serverCpuCores} cores, ${cell.serverRssMiB} MiB${cell.postgresCpuCores === null ? '' : `; PostgreSQL ${cell.postgresCpuCores} cores`}` +
      (cell.mix === 'journey' ? `; ${cell.journeysPerS} journeys/s, ${cell.scryptPerS} scrypt/s` : ''),
  );
  if (cell.errors > 0 || cell.timeouts > 0) console.log('  (connections broke: autocannon may then pair answers with the wrong request, so the split by operation is approximate)');
  console.log(`  ${'operation'.padEnd(22)}${pad('req/s', 8)}${pad('p50', 7)}${pad('p95', 7)}${pad('p99', 7)}${pad('errors', 8)}  statuses`);
  for (const op of cell.operations) {
    const mark = BENCH_ONLY.has(op.op) ? ' (bench only)' : '';
    console.log(`  ${op.op.padEnd(22)}${pad(op.rps, 8)}${pad(op.p50, 7)}${pad(op.p95, 7)}${pad(op.p99, 7)}${pad(op.errors, 8)}  ${JSON.stringify(op.statuses)}${mark}`);
  }
}

/**
 * The paper estimate: how many instances (of this machine's measured capacity) a national
 * opening hour needs. The assumptions are printed with it.
 */
function estimate(cells: Cell[], scrypt: { hashMs: number; verifyMs: number }) {
  const assumptions = {
    candidatesPerRound: 1_000_000,
    shareInFirstHour: 0.3,
    peakMinuteOverHourAverage: 3,
    journeyRequestsPerCandidate: 31,
    readRequestsPerCandidate: 10,
  };
  const perSecond = (assumptions.candidatesPerRound * assumptions.shareInFirstHour * assumptions.peakMinuteOverHourAverage) / 3600;
  const journeyRps = perSecond * assumptions.journeyRequestsPerCandidate;
  const readRps = perSecond * assumptions.readRequestsPerCandidate;
  // One registration (a hash) and one login (a verify) per candidate.
  const scryptCoreS = (perSecond * (scrypt.hashMs + scrypt.verifyMs)) / 1000;
  const best = (mix: Cell['mix']) => {
    const pg = cells.filter((cell) => cell.mix === mix && cell.database === 'postgres');
    const pool = pg.length ? pg : cells.filter((cell) => cell.mix === mix);
    const within = pool.filter((cell) => cell.p99 <= GOALS.journeyP99Ms && cell.errors === 0);
    return (within.length ? within : pool).reduce<Cell | null>((top, cell) => (!top || cell.rps > top.rps ? cell : top), null);
  };
  const journeyCell = best('journey');
  const readCell = best('read');
  const instances = journeyCell && readCell ? Math.ceil(journeyRps / journeyCell.rps + readRps / readCell.rps) : null;
  return { assumptions, candidatesPerSecondAtPeak: round1(perSecond), journeyRps: Math.round(journeyRps), readRps: Math.round(readRps), scryptCores: round1(scryptCoreS), perInstance: { journeyRps: journeyCell?.rps ?? null, readRps: readCell?.rps ?? null, from: journeyCell ? `${journeyCell.database}, ${journeyCell.connections} connections` : null }, instances };
}

async function main() {
  const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? '?', memGiB: Math.round(totalmem() / 2 ** 30), node: process.version, loadBefore: loadavg().map(round1) };
  console.log(`server bench: ${machine.cpus} × ${machine.model}, ${machine.memGiB} GiB, Node ${machine.node}, load ${machine.loadBefore.join(' ')}; ${durationS} s per cell, connections ${concurrencies.join(', ')}`);
  const scrypt = await scryptCost();
  console.log(`scrypt (N = 16384, r = 8, p = 1) on one core: hash ${scrypt.hashMs} ms (register), verify ${scrypt.verifyMs} ms (login)`);
  const cells: Cell[] = [];
  const postgres = wantedDatabases.includes('postgres') ? await openPostgresForBench() : null;
  if (wantedDatabases.includes('postgres') && !postgres) console.log('PostgreSQL: neither DATABASE_URL nor PostgreSQL 15 here: skipped');
  let faultReport: unknown = null;
  try {
    for (const database of faultsOnly ? [] : (wantedDatabases as Array<'pglite' | 'postgres'>)) {
      if (database === 'postgres' && !postgres) continue;
      const dataDir = mkdtempSync(join(tmpdir(), 'rk-bench-server-'));
      const databaseUrl = database === 'postgres' ? await postgres!.createDatabase(`rk_bench_${process.pid}_${cells.length}`) : null;
      // --cpu-prof: the server's CPU profile of every cell on this database (open it in Chrome's DevTools).
      const nodeArgs = args.includes('--cpu-prof') ? ['--cpu-prof', `--cpu-prof-dir=${join(root, 'bench/server-profiles')}`] : [];
      const server = await startBenchServer({ databaseUrl, dataDir, nodeArgs });
      try {
        for (const mix of mixes) {
          for (const connections of concurrencies) {
            await settle(server.pid);
            const cell = await runCell(database, mix, connections, server, postgres, newAcknowledged());
            cells.push(cell);
            printCell(cell);
          }
        }
      } finally {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    if (faults) faultReport = await runFaults({ postgres, durationS: Number(option('fault-duration', '30')) });
  } finally {
    await postgres?.close();
  }

  console.log('\nsummary (all operations of the mix; errors = answers ≥ 400 and connection errors)');
  console.log(`  ${'database'.padEnd(9)}${'mix'.padEnd(9)}${pad('conns', 6)}${pad('req/s', 8)}${pad('p50', 6)}${pad('p95', 6)}${pad('p99', 6)}${pad('errors', 7)}${pad('cpu', 5)}${pad('MiB', 5)}${pad('pg cpu', 7)}`);
  for (const cell of cells) {
    console.log(`  ${cell.database.padEnd(9)}${cell.mix.padEnd(9)}${pad(cell.connections, 6)}${pad(cell.rps, 8)}${pad(cell.p50, 6)}${pad(cell.p95, 6)}${pad(cell.p99, 6)}${pad(cell.errors + cell.timeouts, 7)}${pad(cell.serverCpuCores, 5)}${pad(cell.serverRssMiB, 5)}${pad(cell.postgresCpuCores ?? '–', 7)}`);
  }
  const goals = [
    { goal: `journey mix on PostgreSQL ≥ ${GOALS.journeyRps} req/s with p99 ≤ ${GOALS.journeyP99Ms} ms`, cells: cells.filter((cell) => cell.database === 'postgres' && cell.mix === 'journey'), met: (cell: Cell) => cell.rps >= GOALS.journeyRps && cell.p99 <= GOALS.journeyP99Ms },
    { goal: `read-only mix on PostgreSQL ≥ ${GOALS.readRps} req/s`, cells: cells.filter((cell) => cell.database === 'postgres' && cell.mix === 'read'), met: (cell: Cell) => cell.rps >= GOALS.readRps },
  ].map(({ goal, cells: measured, met }) => ({ goal, measured: measured.length > 0, met: measured.some(met), best: measured.reduce((top, cell) => Math.max(top, cell.rps), 0) }));
  console.log('\ngoals (printed, never asserted)');
  for (const goal of goals) console.log(`  ${goal.goal}: ${goal.measured ? `${goal.met ? 'met' : 'not met'} (best ${goal.best} req/s)` : 'not measured'}`);
  const journeyCells = cells.filter((cell) => cell.mix === 'journey' && cell.serverCpuCores > 0);
  const scryptShare = journeyCells.map((cell) => ({ database: cell.database, connections: cell.connections, scryptPerS: cell.scryptPerS, shareOfServerCpu: round1((100 * (cell.scryptPerS * (scrypt.hashMs + scrypt.verifyMs)) / 2 / 1000) / cell.serverCpuCores) }));
  if (scryptShare.length) {
    console.log(`\npassword hashing: a login costs one scrypt verify (${scrypt.verifyMs} ms of one core), a registration one hash (${scrypt.hashMs} ms); share of the server's CPU in the journey mix:`);
    for (const share of scryptShare) console.log(`  ${share.database} ${share.connections} connections: ${share.scryptPerS} scrypt/s ≈ ${share.shareOfServerCpu} % of the server's CPU`);
  }
  const paper = estimate(cells, scrypt);
  console.log('\npaper estimate of a national opening hour');
  console.log(`  assumptions: ${JSON.stringify(paper.assumptions)}`);
  console.log(`  at the peak: ${paper.candidatesPerSecondAtPeak} candidates/s → ${paper.journeyRps} journey req/s + ${paper.readRps} read req/s, scrypt alone ${paper.scryptCores} cores`);
  console.log(`  one instance as measured here (${paper.perInstance.from ?? '—'}): ${paper.perInstance.journeyRps ?? '—'} journey req/s, ${paper.perInstance.readRps ?? '—'} read req/s → about ${paper.instances ?? '—'} such instances (2 cores each, the database apart)`);
  writeFileSync(out, `${JSON.stringify({ date: new Date().toISOString(), machine: { ...machine, loadAfter: loadavg().map(round1) }, durationS, concurrencies, scrypt, goals, scryptShare, paper, cells, faults: faultReport }, null, 2)}\n`);
  console.log(`\nwritten to ${out}`);
}

await main();
