/**
 * Helpers of the server tests: a fresh database per test file (a PostgreSQL database of its own
 * when DATABASE_URL is set, else a PGlite data folder), the server in this process or in a child
 * process, and a small HTTP client that plays candidates and the office.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { portraitJpeg } from '../../conformance/data/photos.js';
import { mobileNumber, personName, residentId, type ResidentId } from '../../conformance/data/people.js';
import { SEED_APPLICATION } from '../../src/mocks/candidate.js';
import type { Application, ApplicationInput, Captcha, LoginResult } from '../../src/services/schemas.js';
import { parseConfig, type Config, type ConfigInput } from '../../server/config.js';
import { startServer, type RunningServer, type StartOptions } from '../../server/server.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const OFFICE_KEY = 'test-office-key-0123456789';
export const usingPostgres = Boolean(process.env.DATABASE_URL);
export const databaseKind = usingPostgres ? 'PostgreSQL' : 'PGlite';

let databases = 0;

/** An empty database for a test file, and where its files go. */
export interface FreshDatabase {
  databaseUrl: string | null;
  dataDir: string;
  drop(): Promise<void>;
}

/** A new empty database: on PostgreSQL one of its own (dropped after), else a new PGlite folder. */
export async function freshDatabase(): Promise<FreshDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rk-server-test-'));
  if (!usingPostgres) return { databaseUrl: null, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  const name = `rk_test_${process.pid}_${++databases}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  // postgres://user@/db?host=/var/run/postgresql is no WHATWG URL: replace the database's name as text.
  const databaseUrl = process.env.DATABASE_URL!.replace(/^(postgres(?:ql)?:\/\/[^/]*\/)([^?]*)/, `$1${name}`);
  return {
    databaseUrl,
    dataDir,
    drop: async () => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The configuration of a test server (fast scrypt, the test API, generous limits, quiet). */
export function testConfig(database: Pick<FreshDatabase, 'databaseUrl' | 'dataDir'>, overrides: Partial<ConfigInput> = {}): Config {
  return parseConfig({
    env: 'test',
    port: 0,
    testApi: true,
    devStaff: `test:${OFFICE_KEY}`,
    logLevel: process.env.RK_TEST_LOG ?? 'silent',
    authModes: 'both',
    captchaSpeaker: 'none',
    scryptCost: 1024,
    gatewayQueryIntervalMs: 86_400_000,
    rateLimitAddress: 100_000,
    rateLimitAccount: 100_000,
    rateLimitSensitive: 100_000,
    databaseUrl: database.databaseUrl,
    dataDir: database.dataDir,
    ...overrides,
  });
}

/** The server in this process on a fresh (or given) database. */
export async function startTestServer(database: FreshDatabase, overrides: Partial<ConfigInput> = {}, options: StartOptions = {}): Promise<RunningServer & { api: Api }> {
  const running = await startServer(testConfig(database, overrides), options);
  return Object.assign(running, { api: new Api(running.apiUrl) });
}

/** The server in a child process (kill -9 tests, instances of their own); resolves once it listens. */
export async function spawnServer(database: Pick<FreshDatabase, 'databaseUrl' | 'dataDir'>, env: Record<string, string> = {}): Promise<{ child: ChildProcess; origin: string; api: Api; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      RK_ENV: 'test',
      RK_PORT: '0',
      RK_TEST_API: 'true',
      RK_DEV_STAFF: `test:${OFFICE_KEY}`,
      RK_AUTH_MODES: 'both',
      RK_CAPTCHA_SPEAKER: 'none',
      RK_SCRYPT_COST: '1024',
      RK_GATEWAY_QUERY_INTERVAL_MS: '86400000',
      RK_RATE_LIMIT_ADDRESS: '100000',
      RK_RATE_LIMIT_ACCOUNT: '100000',
      RK_RATE_LIMIT_SENSITIVE: '100000',
      RK_LOG_LEVEL: 'info',
      RK_DATA_DIR: database.dataDir,
      ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : { DATABASE_URL: '' }),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const origin = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.includes('ruankao reference server listening')) return;
      resolve((JSON.parse(line) as { origin: string }).origin);
    });
    void exited.then((code) => reject(new Error(`the server exited (${code}) before it listened:\n${stderr}`)));
  });
  return { child, origin, api: new Api(`${origin}/api`), exited };
}

/** An HTTP answer. */
export interface Answered<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  body: T;
}

/** How a request carries a candidate's session. */
export interface Candidate {
  account: string;
  password: string;
  identity: ResidentId;
  name: string;
  /** Bearer mode. */
  token?: string;
  /** Cookie mode: the session cookie's value and its CSRF token. */
  cookie?: string;
  csrfToken?: string;
}

export interface RequestOptions {
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
  as?: Candidate | null;
  /** Cookie mode: send the CSRF header (default) or not. */
  csrf?: boolean | string;
  office?: boolean | string;
  idempotencyKey?: string;
  headers?: Record<string, string>;
  /** Streamed bodies. */
  duplex?: 'half';
}

/** A client of one server's API. */
export class Api {
  constructor(readonly base: string) {}

  async request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<Answered<T>> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['Content-Type'] = 'application/json';
    }
    if (options.contentType) headers['Content-Type'] = options.contentType;
    const who = options.as;
    if (who?.token) headers.Authorization = `Bearer ${who.token}`;
    if (who?.cookie) {
      headers.Cookie = `rk_session=${who.cookie}`;
      if (options.csrf !== false && method !== 'GET') headers['X-CSRF-Token'] = typeof options.csrf === 'string' ? options.csrf : (who.csrfToken ?? '');
    }
    if (options.office) headers['X-Office-Key'] = typeof options.office === 'string' ? options.office : OFFICE_KEY;
    if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
    const response = await fetch(`${this.base}${path}`, { method, headers, body, ...(options.duplex ? { duplex: options.duplex } : {}) } as RequestInit);
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
    return { status: response.status, headers: response.headers, text, body: parsed as T };
  }

  /** A request that must answer 200; its body. */
  async ok<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const answer = await this.request<T>(method, path, options);
    if (answer.status !== 200) throw new Error(`${method} ${path}: ${answer.status} ${answer.text.slice(0, 500)}`);
    return answer.body;
  }

  /** A captcha and its answer (the test API). */
  async captcha(): Promise<{ captchaId: string; captchaAnswer: string }> {
    const captcha = await this.ok<Captcha>('GET', '/captcha');
    const { answer } = await this.ok<{ answer: string }>('GET', `/office/test/captchas/${captcha.id}`, { office: true });
    return { captchaId: captcha.id, captchaAnswer: answer };
  }

  /** A new candidate, registered (with the code the test API tells) and signed in by bearer token or cookie. */
  async register(mode: 'bearer' | 'cookie' = 'bearer'): Promise<Candidate> {
    const account = mobileNumber();
    await this.ok('POST', '/account/verification-code', { json: { channel: 'sms', target: account, purpose: 'register', ...(await this.captcha()) } });
    const { code } = await this.ok<{ code: string }>('GET', `/office/test/verification-codes/${account}`, { office: true });
    const password = 'Kaoshi2026ok';
    const answer = await this.request<LoginResult>('POST', '/account/register', { json: { accountType: 'phone', account, password, code } });
    if (answer.status !== 200) throw new Error(`register: ${answer.status} ${answer.text}`);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    let identity = residentId(today);
    while (identity.validTo === null) identity = residentId(today);
    const candidate: Candidate = { account, password, identity, name: personName() };
    if (mode === 'bearer') candidate.token = answer.body.token;
    else {
      candidate.cookie = /rk_session=([^;]+)/.exec(answer.headers.get('set-cookie') ?? '')?.[1];
      candidate.csrfToken = answer.body.csrfToken;
    }
    return candidate;
  }

  /** Registered and real-name verified. */
  async verified(mode: 'bearer' | 'cookie' = 'bearer'): Promise<Candidate> {
    const candidate = await this.register(mode);
    const { identity } = candidate;
    await this.ok('POST', '/account/real-name', {
      as: candidate,
      json: { name: candidate.name, documentType: 'resident-id', documentNumber: identity.number, validFrom: identity.validFrom, validTo: identity.validTo },
    });
    return candidate;
  }

  /** The complete form of a verified candidate: 中级 软件设计师 in 丽江, their name and ID. */
  inputOf(candidate: Candidate): ApplicationInput {
    return {
      ...SEED_APPLICATION,
      name: candidate.name,
      documentNumber: candidate.identity.number,
      gender: candidate.identity.gender,
      birthDate: candidate.identity.birthDate,
      mobile: candidate.account,
    };
  }

  /** Uploads the checked photo (a 295×413 JPEG). */
  uploadPhoto(candidate: Candidate, bytes: Uint8Array = portraitJpeg(), type = 'image/jpeg') {
    const form = new FormData();
    form.append('photo', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), 'photo.jpg');
    return this.request<{ id: string; url: string }>('POST', '/application/photo', { as: candidate, body: form });
  }

  /** Verified, with a draft and the photo: ready to submit. */
  async readyToSubmit(mode: 'bearer' | 'cookie' = 'bearer'): Promise<Candidate> {
    const candidate = await this.verified(mode);
    await this.ok('PUT', '/application/draft', { as: candidate, json: { employer: '测试单位' } });
    const photo = await this.uploadPhoto(candidate);
    if (photo.status !== 200) throw new Error(`photo: ${photo.status} ${photo.text}`);
    return candidate;
  }

  submit(candidate: Candidate, key: string) {
    return this.request<Application>('POST', '/application/submit', { as: candidate, json: this.inputOf(candidate), idempotencyKey: key });
  }

  /** Submitted and approved by the office: ready to pay. */
  async approved(mode: 'bearer' | 'cookie' = 'bearer'): Promise<{ candidate: Candidate; application: Application }> {
    const candidate = await this.readyToSubmit(mode);
    const submitted = await this.submit(candidate, `key-${mobileNumber()}`);
    if (submitted.status !== 200) throw new Error(`submit: ${submitted.status} ${submitted.text}`);
    const application = await this.ok<Application>('POST', `/office/applications/${submitted.body.id}/review`, { office: true, json: { result: 'approved' } });
    return { candidate, application };
  }
}

/** A random idempotency key. */
export const newKey = () => `k${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;

/** Rows of a query on the test database (the server's own, through its Database). */
export async function rows<T = Record<string, unknown>>(running: RunningServer, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await running.services.db.query<T>(sql, params)).rows;
}
