/**
 * Failures of the server and its database: a server process killed with SIGKILL while requests
 * are in flight loses nothing it acknowledged and duplicates nothing when the requests are sent
 * again after a restart (submissions and orders); a graceful shutdown finishes the requests in
 * flight; a database out of reach answers 503 SERVICE_UNAVAILABLE with Retry-After at once (no
 * hang) and the server recovers when it is back.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { Application, PaymentOrder } from '../../src/services/schemas.js';
import { openPglite } from '../../server/db/database.js';
import { type Api, type Candidate, databaseKind, freshDatabase, type FreshDatabase, newKey, spawnServer, startTestServer, usingPostgres } from './helpers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Counts rows once the server is down (PGlite's folder is one process's), or on PostgreSQL. */
async function countRows(database: FreshDatabase, query: string, params: unknown[] = []): Promise<Array<Record<string, unknown>>> {
  if (database.databaseUrl) {
    const client = new pg.Client({ connectionString: database.databaseUrl });
    await client.connect();
    try {
      return (await client.query(query, params)).rows;
    } finally {
      await client.end();
    }
  }
  const db = await openPglite(join(database.dataDir, 'pglite'));
  try {
    return (await db.query<Record<string, unknown>>(query, params)).rows;
  } finally {
    await db.close();
  }
}

describe(`kill -9 mid-request, then a restart (${databaseKind})`, () => {
  let database: FreshDatabase;
  before(async () => {
    database = await freshDatabase();
  });
  after(async () => {
    await database?.drop();
  });

  /**
   * Sends one request per candidate at once to a server that answers slowly (the work is done and
   * committed, the answer waits), kills the server with SIGKILL when `killAfter` answers have
   * come, restarts it and sends every request again with the same idempotency key.
   */
  async function crashAndRetry(
    prepare: (api: Api) => Promise<Candidate[]>,
    send: (api: Api, candidate: Candidate, key: string) => Promise<{ status: number; text: string }>,
  ): Promise<{ api: Api; candidates: Candidate[]; acknowledged: Map<number, string>; retried: string[]; stop: () => Promise<void> }> {
    const server = await spawnServer(database, { RK_RESPONSE_DELAY_MS: '400' });
    const candidates = await prepare(server.api);
    const keys = candidates.map(() => newKey());
    const acknowledged = new Map<number, string>();
    // Staggered, so that at the kill some answers came, some requests are done but not answered, some not sent.
    const sent = candidates.map(async (candidate, index) => {
      await sleep(index * 120);
      if (acknowledged.size >= 2) return;
      return send(server.api, candidate, keys[index]!).then(
        (answer) => {
          if (answer.status === 200) acknowledged.set(index, answer.text);
        },
        () => undefined,
      );
    });
    for (let waited = 0; acknowledged.size < 2 && waited < 60_000; waited += 20) await sleep(20);
    server.child.kill('SIGKILL');
    await server.exited;
    await Promise.allSettled(sent);
    assert.ok(acknowledged.size >= 1, 'some answers came before the kill');
    assert.ok(acknowledged.size < candidates.length, `some requests were in flight at the kill (${acknowledged.size} of ${candidates.length} answered)`);
    const restarted = await spawnServer(database);
    const stop = async () => {
      restarted.child.kill('SIGTERM');
      await restarted.exited;
    };
    const retried: string[] = [];
    try {
      for (const [index, candidate] of candidates.entries()) {
        const answer = await send(restarted.api, candidate, keys[index]!);
        assert.equal(answer.status, 200, `retry ${index}: ${answer.text}`);
        if (acknowledged.has(index)) assert.equal(answer.text, acknowledged.get(index), `the acknowledged answer ${index} is answered again, byte for byte`);
        retried.push(answer.text);
      }
    } catch (error) {
      await stop();
      throw error;
    }
    return { api: restarted.api, candidates, acknowledged, retried, stop };
  }

  it('submissions: every acknowledged one is there, every retried one is there once', async () => {
    const run = await crashAndRetry(
      async (api) => Promise.all(Array.from({ length: 8 }, () => api.readyToSubmit('bearer'))),
      (api, candidate, key) => api.submit(candidate, key),
    );
    try {
      for (const [index, candidate] of run.candidates.entries()) {
        // The bearer token outlived the kill: sessions are in the database.
        const { application } = await run.api.ok<{ application: Application }>('GET', '/application', { as: candidate });
        assert.equal(application.status, 'submitted');
        assert.equal(application.registrationNumber, (JSON.parse(run.retried[index]!) as Application).registrationNumber);
      }
    } finally {
      await run.stop();
    }
    const counted = await countRows(
      database,
      "SELECT a.account, count(p.id)::integer AS applications, count(DISTINCT p.registration_number)::integer AS numbers FROM accounts a LEFT JOIN applications p ON p.account_id = a.id WHERE a.account = ANY($1) GROUP BY a.account",
      [run.candidates.map((candidate) => candidate.account)],
    );
    assert.equal(counted.length, run.candidates.length);
    for (const row of counted) assert.deepEqual([row.applications, row.numbers], [1, 1], `${row.account}: one application, one registration number`);
    const submits = await countRows(database, "SELECT count(*)::integer AS n FROM audit_log WHERE action = 'application.submit'");
    assert.equal(submits[0]!.n, run.candidates.length, 'one audited submission per candidate');
  });

  it('payment orders: every acknowledged order is there, one order per candidate', async () => {
    const run = await crashAndRetry(
      async (api) => Promise.all(Array.from({ length: 8 }, async () => (await api.approved('bearer')).candidate)),
      (api, candidate, key) => api.request('POST', '/payment/orders', { as: candidate, json: { channel: 'wechat' }, idempotencyKey: key }),
    );
    try {
      for (const [index, candidate] of run.candidates.entries()) {
        const order = JSON.parse(run.retried[index]!) as PaymentOrder;
        // A new key for the same channel finds the same open order.
        const again = await run.api.ok<PaymentOrder>('POST', '/payment/orders', { as: candidate, json: { channel: 'wechat' }, idempotencyKey: newKey() });
        assert.equal(again.id, order.id);
      }
    } finally {
      await run.stop();
    }
    const counted = await countRows(
      database,
      'SELECT a.account, count(o.id)::integer AS orders FROM accounts a JOIN payment_orders o ON o.account_id = a.id WHERE a.account = ANY($1) GROUP BY a.account',
      [run.candidates.map((candidate) => candidate.account)],
    );
    assert.equal(counted.length, run.candidates.length);
    for (const row of counted) assert.equal(row.orders, 1, `${row.account}: one order`);
  });
});

describe(`graceful shutdown (${databaseKind})`, () => {
  it('finishes the requests in flight, then stops', async () => {
    const database = await freshDatabase();
    const server = await startTestServer(database, { responseDelayMs: 700 });
    try {
      const candidate = await server.api.verified('bearer');
      const slow = server.api.request('PUT', '/application/draft', { as: candidate, json: { employer: '关闭前提交' } });
      await sleep(200);
      const closing = server.close();
      const answer = await slow;
      assert.equal(answer.status, 200);
      assert.equal((answer.body as Application).fields.employer, '关闭前提交');
      await closing;
      await assert.rejects(fetch(`${server.origin}/healthz`), 'no new connections after the shutdown');
    } finally {
      await server.close();
      await database.drop();
    }
  });
});

describe(`the database out of reach (${databaseKind})`, () => {
  it('answers 503 SERVICE_UNAVAILABLE with Retry-After at once, /readyz 503, and recovers', async () => {
    const database = await freshDatabase();
    let proxy: { cut(): Promise<void>; restore(): Promise<void>; url: string; close(): Promise<void> } | null = null;
    if (usingPostgres) proxy = await socketProxy(database.databaseUrl!);
    const server = await startTestServer(proxy ? { ...database, databaseUrl: proxy.url } : database);
    try {
      const candidate = await server.api.verified('bearer');
      assert.equal((await server.api.request('GET', '/application', { as: candidate })).status, 200);
      if (proxy) await proxy.cut();
      else await server.services.db.close();
      for (const [method, path] of [['GET', '/application'], ['GET', '/exam-session'], ['PUT', '/application/draft']] as const) {
        const started = performance.now();
        const answer = await server.api.request(method, path, { as: candidate, ...(method === 'PUT' ? { json: { employer: 'x' } } : {}) });
        const took = performance.now() - started;
        assert.equal(answer.status, 503, `${method} ${path}: ${answer.text}`);
        assert.equal((answer.body as { code: string }).code, 'SERVICE_UNAVAILABLE');
        assert.match(answer.headers.get('retry-after') ?? '', /^\d+$/);
        assert.ok(took < 8000, `${method} ${path} answered in ${Math.round(took)} ms (no hang)`);
      }
      assert.equal((await fetch(`${server.origin}/readyz`)).status, 503);
      assert.equal((await fetch(`${server.origin}/healthz`)).status, 200);
      if (proxy) {
        await proxy.restore();
        let status = 0;
        for (let tries = 0; tries < 20 && status !== 200; tries++) {
          status = (await server.api.request('GET', '/application', { as: candidate })).status;
          if (status !== 200) await sleep(250);
        }
        assert.equal(status, 200, 'back once the database is');
        assert.equal((await fetch(`${server.origin}/readyz`)).status, 200);
      }
    } finally {
      await server.close();
      await proxy?.close();
      await database.drop();
    }
  });
});

/**
 * A Unix-socket proxy in front of PostgreSQL (peer authentication still sees this user): `cut()`
 * closes it and every connection through it, as a network failure or a database restart would;
 * `restore()` opens it again.
 */
async function socketProxy(databaseUrl: string) {
  const hostDir = /[?&]host=([^&]+)/.exec(databaseUrl)?.[1];
  if (!hostDir) throw new Error('the proxy needs DATABASE_URL with ?host=<socket folder>');
  const target = `${decodeURIComponent(hostDir)}/.s.PGSQL.5432`;
  const dir = mkdtempSync(join(tmpdir(), 'rk-pg-proxy-'));
  const path = `${dir}/.s.PGSQL.5432`;
  const sockets = new Set<Socket>();
  let listener: Server | null = null;
  const open = () =>
    new Promise<void>((resolve) => {
      listener = createServer((client) => {
        const upstream = createConnection(target);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      listener.listen(path, resolve);
    });
  const cut = async () => {
    const closed = new Promise<void>((resolve) => (listener ? listener.close(() => resolve()) : resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
    listener = null;
  };
  await open();
  return {
    url: databaseUrl.replace(/([?&]host=)[^&]+/, `$1${encodeURIComponent(dir)}`),
    cut,
    restore: open,
    close: async () => {
      await cut();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
