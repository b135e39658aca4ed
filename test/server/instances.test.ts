/**
 * Two server instances on one database behave as one: a session started on one works on the
 * other (and ends on both); the same submission and the same order raced on both make one
 * application and one order; first saves and different keys racing make one application too;
 * the test clock moved on one is the other's. On PostgreSQL the instances are two processes;
 * on PGlite (one process owns its folder) two apps in this process share the database.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { Application, ExamSession, LoginResult, PaymentOrder, SessionState } from '../../src/services/schemas.js';
import { Api, databaseKind, freshDatabase, type FreshDatabase, newKey, spawnServer, startTestServer, usingPostgres } from './helpers.js';

let database: FreshDatabase;
let a: Api;
let b: Api;
let sql: <T>(query: string, params?: unknown[]) => Promise<T[]>;
const stops: Array<() => Promise<unknown>> = [];

before(async () => {
  database = await freshDatabase();
  if (usingPostgres) {
    // Two processes; the first migrates and seeds, the second finds it done.
    // Every transaction waits before its commit, so the raced requests surely overlap (duplicates
    // of one key then take their turns on its row: 25 ms each, not more, with a hundred of them).
    // A hundred raced requests queue for the pool's ten connections: longer than the 3 s a request
    // waits for a connection in production (then 503), which is not what these tests are about.
    const env = { RK_COMMIT_DELAY_MS: '25', RK_DB_CONNECT_TIMEOUT_MS: '30000' };
    const first = await spawnServer(database, env);
    const second = await spawnServer(database, env);
    const stop = (server: { child: ChildProcess; exited: Promise<number | null> }) => async () => {
      server.child.kill('SIGTERM');
      await server.exited;
    };
    stops.push(stop(first), stop(second));
    a = first.api;
    b = second.api;
    const client = new pg.Client({ connectionString: database.databaseUrl! });
    await client.connect();
    stops.push(() => client.end());
    sql = async <T>(query: string, params: unknown[] = []) => (await client.query(query, params)).rows as T[];
  } else {
    // A hundred raced requests queue for PGlite's one connection: let them wait (not load shedding under test).
    const first = await startTestServer(database, { dbConnectTimeoutMs: 30_000 });
    const second = await startTestServer(database, { dbConnectTimeoutMs: 30_000 }, { db: first.services.db });
    stops.push(() => second.close(), () => first.close());
    a = first.api;
    b = second.api;
    sql = async <T>(query: string, params: unknown[] = []) => (await first.services.db.query<T>(query, params)).rows;
  }
});
after(async () => {
  for (const stop of stops) await stop();
  await database?.drop();
});

const count = async (query: string, params: unknown[] = []) => Number((await sql<{ n: number }>(query, params))[0]!.n);
const accountId = async (account: string) => (await sql<{ id: string }>('SELECT id FROM accounts WHERE account = $1', [account]))[0]!.id;

describe(`two instances on one database (${databaseKind})`, () => {
  it('are two instances (two ports)', () => {
    assert.notEqual(a.base, b.base);
  });

  it('a cookie session started on one works on the other, with its CSRF token; logout on one ends it on both', async () => {
    const candidate = await a.register('cookie');
    const state = await b.ok<SessionState>('GET', '/account/session', { as: candidate });
    assert.equal(state.session?.user.account, candidate.account);
    assert.equal(state.csrfToken, candidate.csrfToken);
    const { identity } = candidate;
    await b.ok('POST', '/account/real-name', { as: candidate, json: { name: candidate.name, documentType: 'resident-id', documentNumber: identity.number, validFrom: identity.validFrom, validTo: identity.validTo } });
    await a.ok('PUT', '/application/draft', { as: candidate, json: { employer: '甲实例' } });
    const draft = await b.ok<Application>('PUT', '/application/draft', { as: candidate, json: { school: '乙实例' } });
    assert.equal(draft.fields.employer, '甲实例');
    assert.equal(draft.fields.school, '乙实例');
    await b.ok('POST', '/account/logout', { as: candidate });
    assert.equal((await a.request('GET', '/application', { as: candidate })).status, 401);
    assert.equal((await b.request('GET', '/application', { as: candidate })).status, 401);
  });

  it('a bearer token from one works on the other; a password reset on one ends it on both', async () => {
    const candidate = await a.register('bearer');
    assert.equal((await b.ok<SessionState>('GET', '/account/session', { as: candidate })).session?.user.account, candidate.account);
    // The registration code went out a moment ago: past its resend wait (the clock moved on the other instance).
    await b.ok('PUT', '/office/test/clock', { office: true, json: { now: new Date(Date.now() + 2 * 60_000).toISOString() } });
    await a.ok('POST', '/account/verification-code', { json: { channel: 'sms', target: candidate.account, purpose: 'reset-password', ...(await b.captcha()) } });
    const { code } = await b.ok<{ code: string }>('GET', `/office/test/verification-codes/${candidate.account}`, { office: true });
    await b.ok('POST', '/account/password-reset', { json: { account: candidate.account, code, newPassword: 'Xinmima2027' } });
    await a.ok('PUT', '/office/test/clock', { office: true, json: { now: null } });
    assert.equal((await a.request('GET', '/application', { as: candidate })).status, 401);
    const login = await a.ok<LoginResult>('POST', '/account/login', { json: { account: candidate.account, password: 'Xinmima2027', ...(await b.captcha()) } });
    assert.ok(login.token);
  });

  it('the same submission raced 100 times on both (one key): one application, one answer', async () => {
    const candidate = await a.readyToSubmit('bearer');
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 100 }, (_, index) => (index % 2 ? a : b).submit(candidate, key)));
    const statuses = answers.map((answer) => answer.status);
    assert.ok(statuses.every((status) => status === 200 || status === 409), `statuses ${statuses}`);
    const ok = answers.filter((answer) => answer.status === 200);
    assert.ok(ok.length >= 1);
    for (const answer of answers.filter((answer) => answer.status === 409)) assert.equal((answer.body as unknown as { code: string }).code, 'IDEMPOTENCY_IN_PROGRESS');
    assert.equal(new Set(ok.map((answer) => answer.text)).size, 1, 'every answer is the same resource, byte for byte');
    const again = await a.submit(candidate, key);
    assert.equal(again.text, ok[0]!.text);
    const id = await accountId(candidate.account);
    assert.equal(await count('SELECT count(*)::integer AS n FROM applications WHERE account_id = $1', [id]), 1);
    assert.equal(await count("SELECT count(*)::integer AS n FROM audit_log WHERE actor_id = $1 AND action = 'application.submit'", [id]), 1);
  });

  it('submissions with different keys raced on both: one is taken, the others find it submitted', async () => {
    const candidate = await a.readyToSubmit('bearer');
    const answers = await Promise.all(Array.from({ length: 8 }, (_, index) => (index % 2 ? a : b).submit(candidate, newKey())));
    assert.equal(answers.filter((answer) => answer.status === 200).length, 1, `statuses ${answers.map((answer) => answer.status)}`);
    for (const answer of answers.filter((answer) => answer.status !== 200)) assert.equal((answer.body as unknown as { code: string }).code, 'INVALID_STATE');
    const id = await accountId(candidate.account);
    assert.equal(await count('SELECT count(*)::integer AS n FROM applications WHERE account_id = $1', [id]), 1);
    assert.equal(await count('SELECT count(DISTINCT registration_number)::integer AS n FROM applications WHERE account_id = $1', [id]), 1);
  });

  it('first saves raced on both: one application (the unique constraint on candidate and round)', async () => {
    const candidate = await a.verified('bearer');
    const answers = await Promise.all(Array.from({ length: 8 }, (_, index) => (index % 2 ? a : b).request<Application>('PUT', '/application/draft', { as: candidate, json: { employer: `单位${index}` } })));
    assert.deepEqual(answers.map((answer) => answer.status), Array(8).fill(200));
    assert.equal(new Set(answers.map((answer) => answer.body.id)).size, 1);
    assert.equal(await count('SELECT count(*)::integer AS n FROM applications WHERE account_id = $1', [await accountId(candidate.account)]), 1);
  });

  it('the same order raced 100 times on both (one key): one order; other keys for the same channel: the same open order', async () => {
    const { candidate } = await a.approved('bearer');
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 100 }, (_, index) => (index % 2 ? a : b).request<PaymentOrder>('POST', '/payment/orders', { as: candidate, json: { channel: 'alipay' }, idempotencyKey: key })));
    const ok = answers.filter((answer) => answer.status === 200);
    assert.ok(answers.every((answer) => answer.status === 200 || (answer.body as { code?: string }).code === 'IDEMPOTENCY_IN_PROGRESS'), `statuses ${answers.map((answer) => answer.status)}`);
    assert.equal(new Set(ok.map((answer) => answer.text)).size, 1);
    const others = await Promise.all(Array.from({ length: 6 }, (_, index) => (index % 2 ? a : b).request<PaymentOrder>('POST', '/payment/orders', { as: candidate, json: { channel: 'alipay' }, idempotencyKey: newKey() })));
    assert.deepEqual(new Set(others.map((answer) => answer.body.id)), new Set([ok[0]!.body.id]));
    const id = await accountId(candidate.account);
    assert.equal(await count("SELECT count(*)::integer AS n FROM payment_orders WHERE account_id = $1 AND channel = 'alipay'", [id]), 1);
  });

  it('the round changed anywhere is every instance\'s at once (an instance keeps its parsed round only while the row is unchanged)', async () => {
    const before = await b.ok<ExamSession>('GET', '/exam-session');
    assert.deepEqual({ ...(await b.ok<ExamSession>('GET', '/exam-session')), serverTime: '' }, { ...before, serverTime: '' }, 'the same round twice');
    const renamed = `${before.name}（更正）`;
    try {
      // As an operator's correction would: straight into the database, no instance told.
      await sql("UPDATE rounds SET data = jsonb_set(data, '{name}', to_jsonb($1::text)) WHERE is_current", [renamed]);
      for (const api of [a, b]) {
        const after = await api.ok<ExamSession>('GET', '/exam-session');
        assert.equal(after.name, renamed);
        assert.deepEqual({ ...after, name: '', serverTime: '' }, { ...before, name: '', serverTime: '' });
        assert.ok(Math.abs(Date.parse(after.serverTime) - Date.now()) < 60_000, after.serverTime);
      }
    } finally {
      await sql("UPDATE rounds SET data = jsonb_set(data, '{name}', to_jsonb($1::text)) WHERE is_current", [before.name]);
    }
    assert.equal((await a.ok<ExamSession>('GET', '/exam-session')).name, before.name);
  });

  it('the clock moved on one is the other\'s', async () => {
    const later = '2031-01-01T00:00:00+08:00';
    try {
      await a.ok('PUT', '/office/test/clock', { office: true, json: { now: later } });
      const round = await b.ok<{ serverTime: string }>('GET', '/exam-session');
      assert.ok(Math.abs(Date.parse(round.serverTime) - Date.parse(later)) < 60_000, round.serverTime);
    } finally {
      await b.ok('PUT', '/office/test/clock', { office: true, json: { now: null } });
    }
  });
});
