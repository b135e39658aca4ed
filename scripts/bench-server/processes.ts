/**
 * The processes the server bench runs: the reference server (a child process of its own, so its
 * CPU and memory are its own), and a PostgreSQL 15 cluster of the bench's own (a temporary folder
 * and socket: stopping it under load disturbs nobody else's database).
 */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { OFFICE_KEY } from './journey.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** CPU time of a process and its threads, seconds (/proc/<pid>/stat: utime + stime). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Resident memory of a process, MiB. */
export function rssMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The processes whose parent is `pid` (a PostgreSQL postmaster's backends). */
export function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // gone
    }
  }
  return children;
}

export interface BenchServer {
  origin: string;
  pid: number;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Whether the process still runs, and what it wrote to stderr. */
  alive(): boolean;
  stderr(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * The server as `npm run server` runs it, with production limits and costs (rate limits, scrypt
 * N = 16384, pool of 10, logs at info), plus the test API (the bench reads captchas and codes as
 * the tests do) and a trusted proxy (each virtual candidate's address in X-Forwarded-For).
 */
export async function startBenchServer(options: { databaseUrl: string | null; dataDir: string; port?: number; env?: Record<string, string>; nodeArgs?: string[] }): Promise<BenchServer> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', join(root, 'server/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      RK_ENV: 'test',
      PORT: String(port),
      RK_TEST_API: 'true',
      RK_TRUST_PROXY: 'true',
      RK_DEV_STAFF: `bench:${OFFICE_KEY}`,
      RK_CAPTCHA_SPEAKER: 'none',
      RK_LOG_LEVEL: 'info',
      RK_DATA_DIR: options.dataDir,
      DATABASE_URL: options.databaseUrl ?? '',
      ...options.env,
    },
    // The logs go where a deployment's would, at the same cost: here nowhere.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));
  const origin = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    if (done) throw new Error(`the server exited before it was ready:\n${stderr}`);
    try {
      if ((await fetch(`${origin}/readyz`)).status === 200) break;
    } catch {
      // not yet listening
    }
    if (tries > 600) throw new Error('the server did not become ready in 60 s');
    await sleep(100);
  }
  return {
    origin,
    pid: child.pid!,
    child,
    exited,
    alive: () => !done,
    stderr: () => stderr,
    stop: async (signal = 'SIGTERM') => {
      if (done) return;
      child.kill(signal);
      await exited;
    },
  };
}

export interface Postgres {
  /** Where the bench's databases are created. */
  adminUrl: string;
  /** The postmaster, when the bench runs its own cluster (CPU of the database; stop and start). */
  postmasterPid(): number | null;
  /** A new empty database; its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the cluster (fast: connections end) and starts it again; only a cluster of the bench's own. */
  stop?(): Promise<void>;
  start?(): Promise<void>;
  close(): Promise<void>;
}

const PG_BIN = '/usr/lib/postgresql/15/bin';

/** PostgreSQL: DATABASE_URL's server, else a cluster of the bench's own when PostgreSQL 15 is installed; null when neither. */
export async function openPostgresForBench(): Promise<Postgres | null> {
  const admin = async (url: string, sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const databaseUrlOf = (url: string, name: string) => url.replace(/^(postgres(?:ql)?:\/\/[^/]*\/)([^?]*)/, `$1${name}`);
  const created: string[] = [];
  if (process.env.DATABASE_URL) {
    const adminUrl = process.env.DATABASE_URL;
    return {
      adminUrl,
      postmasterPid: () => null,
      createDatabase: async (name) => {
        await admin(adminUrl, `CREATE DATABASE ${name}`);
        created.push(name);
        return databaseUrlOf(adminUrl, name);
      },
      close: async () => {
        for (const name of created) await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      },
    };
  }
  if (!existsSync(`${PG_BIN}/initdb`)) return null;
  // initdb refuses root: as root the cluster belongs to the postgres user.
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', `${PG_BIN}/${command}`, ...args], { stdio: 'pipe' }) : execFileSync(`${PG_BIN}/${command}`, args, { stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'rk-bench-pg-'));
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const options = `-k ${dir} -c listen_addresses='' -c max_connections=200${process.env.RK_BENCH_PG_OPTIONS ? ` ${process.env.RK_BENCH_PG_OPTIONS}` : ''}`;
  // Asynchronous: the load generator in this process keeps running while the cluster stops and starts.
  const runAsync = (command: string, args: string[]) =>
    promisify(execFile)(asRoot ? 'runuser' : `${PG_BIN}/${command}`, asRoot ? ['-u', 'postgres', '--', `${PG_BIN}/${command}`, ...args] : args).then(() => undefined);
  const start = () => runAsync('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
  const stop = () => runAsync('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  await start();
  const adminUrl = `postgres://postgres@/postgres?host=${encodeURIComponent(dir)}`;
  return {
    adminUrl,
    postmasterPid: () => {
      try {
        return Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      } catch {
        return null;
      }
    },
    createDatabase: async (name) => {
      await admin(adminUrl, `CREATE DATABASE ${name}`);
      return databaseUrlOf(adminUrl, name);
    },
    stop,
    start,
    close: async () => {
      await stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
