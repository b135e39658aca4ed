/**
 * Accounts on the server: passwords and codes are never stored in the clear; codes expire, work
 * once and die after five wrong tries; captchas answer once and carry no answer in their markup
 * (with a spoken alternative); the account locks after five wrong passwords; rate limits per
 * address and per account (429 RATE_LIMITED with Retry-After); the session cookie's attributes;
 * CORS with credentials for configured origins only; sessions expire; the real-name verifier may
 * put a case to manual review; every change is audited with who did it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Application, Captcha, LoginResult, RealNameResult } from '../../src/services/schemas.js';
import { type Api, type Candidate, databaseKind, freshDatabase, type FreshDatabase, newKey, rows, startTestServer } from './helpers.js';

let database: FreshDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let api: Api;

before(async () => {
  database = await freshDatabase();
  server = await startTestServer(database, { captchaSpeaker: 'auto' });
  api = server.api;
});
after(async () => {
  await server?.close();
  await database?.drop();
});

const code = (answer: { body: unknown }) => (answer.body as { code?: string }).code;
const moveClock = (now: string | null) => api.ok('PUT', '/office/test/clock', { office: true, json: { now } });
const sendCode = async (target: string, purpose: 'register' | 'reset-password') =>
  api.request('POST', '/account/verification-code', { json: { channel: 'sms', target, purpose, ...(await api.captcha()) } });
const sentCode = async (target: string) => (await api.ok<{ code: string }>('GET', `/office/test/verification-codes/${target}`, { office: true })).code;
const login = async (candidate: Candidate, password = candidate.password, headers: Record<string, string> = {}) =>
  api.request<LoginResult>('POST', '/account/login', { json: { account: candidate.account, password, ...(await api.captcha()) }, headers });

describe(`accounts (${databaseKind})`, () => {
  it('stores passwords as scrypt hashes and codes as hashes only', async () => {
    const candidate = await api.register('bearer');
    const [account] = await rows<{ password_hash: string; id: string }>(server, 'SELECT id, password_hash FROM accounts WHERE account = $1', [candidate.account]);
    assert.match(account!.password_hash, /^scrypt\$\d+\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    assert.ok(!account!.password_hash.includes(candidate.password));
    await moveClock(new Date(Date.now() + 2 * 60_000).toISOString());
    try {
      assert.equal((await sendCode(candidate.account, 'reset-password')).status, 200);
      const sent = await sentCode(candidate.account);
      const [stored] = await rows<{ code_hash: string }>(server, 'SELECT code_hash FROM verification_codes WHERE target = $1', [candidate.account]);
      assert.ok(stored!.code_hash.length >= 40 && !stored!.code_hash.includes(sent));
      // Nothing in the database holds the code except the test API's outbox (off in production).
      const leaks = await rows(server, "SELECT 1 FROM verification_codes WHERE code_hash LIKE '%' || $1 || '%'", [sent]);
      assert.equal(leaks.length, 0);
    } finally {
      await moveClock(null);
    }
  });

  it('a code works once, expires after 10 minutes, and dies after five wrong tries; another only after 60 s', async () => {
    const candidate = await api.register('bearer');
    const clock = Date.now();
    const at = (minutes: number) => moveClock(new Date(clock + minutes * 60_000).toISOString());
    try {
      await at(2);
      assert.equal((await sendCode(candidate.account, 'reset-password')).status, 200);
      const tooSoon = await sendCode(candidate.account, 'reset-password');
      assert.equal(tooSoon.status, 429);
      assert.equal(code(tooSoon), 'TOO_MANY_ATTEMPTS');
      assert.match(tooSoon.headers.get('retry-after') ?? '', /^[1-9]\d?$/);
      const once = await sentCode(candidate.account);
      assert.equal((await api.request('POST', '/account/password-reset', { json: { account: candidate.account, code: once, newPassword: 'Xinmima2027' } })).status, 200);
      const twice = await api.request('POST', '/account/password-reset', { json: { account: candidate.account, code: once, newPassword: 'Xinmima2028' } });
      assert.equal(code(twice), 'CODE_WRONG', 'used once');

      await at(4);
      assert.equal((await sendCode(candidate.account, 'reset-password')).status, 200);
      const expiring = await sentCode(candidate.account);
      await at(15);
      assert.equal(code(await api.request('POST', '/account/password-reset', { json: { account: candidate.account, code: expiring, newPassword: 'Xinmima2029' } })), 'CODE_WRONG', 'expired');

      await at(17);
      assert.equal((await sendCode(candidate.account, 'reset-password')).status, 200);
      const guessed = await sentCode(candidate.account);
      const wrong = guessed === '000000' ? '111111' : '000000';
      for (let tries = 0; tries < 5; tries++) {
        assert.equal(code(await api.request('POST', '/account/password-reset', { json: { account: candidate.account, code: wrong, newPassword: 'Xinmima2030' } })), 'CODE_WRONG');
      }
      assert.equal(code(await api.request('POST', '/account/password-reset', { json: { account: candidate.account, code: guessed, newPassword: 'Xinmima2030' } })), 'CODE_WRONG', 'five wrong tries spoil it');
    } finally {
      await moveClock(null);
    }
  });

  it('a captcha answers once (right or wrong), expires, and its picture holds no answer', async () => {
    const candidate = await api.register('bearer');
    const captcha = await api.ok<Captcha>('GET', '/captcha');
    const { answer } = await api.ok<{ answer: string }>('GET', `/office/test/captchas/${captcha.id}`, { office: true });
    assert.match(answer, /^[2-9]{5}$/);
    const svg = Buffer.from(captcha.image.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString();
    assert.match(svg, /^<svg /);
    assert.ok(!/<text/i.test(svg), 'drawn as strokes, not text');
    assert.ok(!svg.includes(answer), 'the answer is not in the markup');
    const wrong = answer.replace(/./, (digit) => (digit === '2' ? '3' : '2'));
    const first = await api.request('POST', '/account/login', { json: { account: candidate.account, password: candidate.password, captchaId: captcha.id, captchaAnswer: wrong } });
    assert.equal(code(first), 'CAPTCHA_WRONG');
    const again = await api.request('POST', '/account/login', { json: { account: candidate.account, password: candidate.password, captchaId: captcha.id, captchaAnswer: answer } });
    assert.equal(code(again), 'CAPTCHA_WRONG', 'used up by the wrong answer');
    const late = await api.captcha();
    await moveClock(new Date(Date.now() + 6 * 60_000).toISOString());
    try {
      assert.equal(code(await api.request('POST', '/account/login', { json: { account: candidate.account, password: candidate.password, ...late } })), 'CAPTCHA_WRONG', 'expired');
    } finally {
      await moveClock(null);
    }
  });

  it('the captcha\'s spoken alternative (适老化): a WAV of the digits while the captcha is unused', async (t) => {
    const captcha = await api.ok<Captcha>('GET', '/captcha');
    if (!server.services.speaker) return t.skip('espeak-ng is not installed (CI installs it)');
    assert.equal(captcha.audio, `captcha/${captcha.id}/audio`);
    const audio = await fetch(new URL(captcha.audio!, `${api.base}/`));
    assert.equal(audio.status, 200);
    assert.equal(audio.headers.get('content-type'), 'audio/wav');
    const bytes = Buffer.from(await audio.arrayBuffer());
    assert.equal(bytes.toString('ascii', 0, 4), 'RIFF');
    assert.equal(bytes.toString('ascii', 8, 12), 'WAVE');
    assert.ok(bytes.length > 20_000 && bytes.length < 400_000, `${bytes.length} bytes`);
    const { answer } = await api.ok<{ answer: string }>('GET', `/office/test/captchas/${captcha.id}`, { office: true });
    await api.request('POST', '/account/login', { json: { account: '13900000000', password: 'x', captchaId: captcha.id, captchaAnswer: answer } });
    assert.equal((await fetch(new URL(captcha.audio!, `${api.base}/`))).status, 404, 'gone once the captcha is used');
  });

  it('locks the account after five wrong passwords (TOO_MANY_ATTEMPTS with Retry-After), for five minutes', async () => {
    const candidate = await api.register('bearer');
    const remaining: number[] = [];
    for (let tries = 0; tries < 4; tries++) {
      const answer = await login(candidate, 'WrongPass1');
      assert.equal(code(answer), 'PASSWORD_WRONG');
      remaining.push((answer.body as unknown as { details: { remainingAttempts: number } }).details.remainingAttempts);
    }
    assert.deepEqual(remaining, [4, 3, 2, 1]);
    const locked = await login(candidate, 'WrongPass1');
    assert.equal(locked.status, 429);
    assert.equal(code(locked), 'TOO_MANY_ATTEMPTS');
    assert.equal(locked.headers.get('retry-after'), '300');
    assert.equal(code(await login(candidate)), 'TOO_MANY_ATTEMPTS', 'even the right password while locked');
    await moveClock(new Date(Date.now() + 6 * 60_000).toISOString());
    try {
      assert.equal((await login(candidate)).status, 200);
    } finally {
      await moveClock(null);
    }
    assert.equal((await rows(server, "SELECT 1 FROM audit_log WHERE action = 'account.lock'")).length >= 1, true);
  });

  it('sessions end after 8 hours', async () => {
    const candidate = await api.register('bearer');
    await moveClock(new Date(Date.now() + 8 * 3600_000 + 60_000).toISOString());
    try {
      assert.equal((await api.request('GET', '/application', { as: candidate })).status, 401);
    } finally {
      await moveClock(null);
    }
  });

  it('the session cookie: HttpOnly, SameSite=Lax, Path, Max-Age; Secure under https; cleared at logout', async () => {
    const answer = await login(await api.register('bearer'));
    const cookie = answer.headers.get('set-cookie')!;
    assert.match(cookie, /^rk_session=[\w-]{43}; Path=\/api; Max-Age=28800; HttpOnly; SameSite=Lax$/);
    const https = await startTestServer(database, { trustProxy: true }, { db: server.services.db });
    try {
      const secure = await https.api.request<LoginResult>('POST', '/account/login', { json: { account: (await api.register()).account, password: 'Kaoshi2026ok', ...(await api.captcha()) }, headers: { 'X-Forwarded-Proto': 'https' } });
      assert.match(secure.headers.get('set-cookie') ?? '', /; Secure$/);
      const value = /rk_session=([^;]+)/.exec(secure.headers.get('set-cookie')!)![1];
      const logout = await https.api.request('POST', '/account/logout', { as: { account: '', password: '', identity: null as never, name: '', cookie: value, csrfToken: secure.body.csrfToken }, headers: { 'X-Forwarded-Proto': 'https' } });
      assert.equal(logout.status, 200);
      assert.match(logout.headers.get('set-cookie') ?? '', /^rk_session=; Path=\/api; Max-Age=0; HttpOnly; SameSite=Lax; Secure$/);
    } finally {
      await https.close();
    }
  });

  it('CORS: credentials for configured origins only', async () => {
    const cors = await startTestServer(database, { corsOrigins: ['https://exam.example.gov.cn'] }, { db: server.services.db });
    try {
      const preflight = await fetch(`${cors.apiUrl}/application/draft`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://exam.example.gov.cn', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type, x-csrf-token' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://exam.example.gov.cn');
      assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true');
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /X-CSRF-Token/);
      const get = await fetch(`${cors.apiUrl}/exam-session`, { headers: { Origin: 'https://exam.example.gov.cn' } });
      assert.equal(get.headers.get('access-control-allow-origin'), 'https://exam.example.gov.cn');
      assert.match(get.headers.get('access-control-expose-headers') ?? '', /Retry-After/);
      const other = await fetch(`${cors.apiUrl}/exam-session`, { headers: { Origin: 'https://evil.example.com' } });
      assert.equal(other.headers.get('access-control-allow-origin'), null);
    } finally {
      await cors.close();
    }
  });

  it('rate limits per address and per account: 429 RATE_LIMITED with Retry-After, shared by every instance', async () => {
    const limited = await startTestServer(database, { trustProxy: true, rateLimitAddress: 6, rateLimitAccount: 4, rateLimitSensitive: 3 }, { db: server.services.db });
    const twin = await startTestServer(database, { trustProxy: true, rateLimitAddress: 6, rateLimitAccount: 4, rateLimitSensitive: 3 }, { db: server.services.db });
    try {
      const from = (address: string) => ({ headers: { 'X-Forwarded-For': `${address}, 10.0.0.1` } });
      // Limits count per minute: a sequence must not cross into the next minute.
      const sameMinute = async () => {
        const left = 60_000 - (Date.now() % 60_000);
        if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 200));
      };
      await sameMinute();
      const statuses: number[] = [];
      for (let index = 0; index < 7; index++) statuses.push((await (index % 2 ? twin : limited).api.request('GET', '/exam-session', from('203.0.113.7'))).status);
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 429]);
      const refused = await limited.api.request('GET', '/exam-session', from('203.0.113.7'));
      assert.equal(code(refused), 'RATE_LIMITED');
      const seconds = Number(refused.headers.get('retry-after'));
      assert.ok(seconds >= 1 && seconds <= 60);
      assert.equal((refused.body as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds, seconds);
      assert.equal((await limited.api.request('GET', '/exam-session', from('203.0.113.8'))).status, 200, 'another address is not limited');
      // Captchas, codes and logins: a tighter limit per address.
      await sameMinute();
      const sensitive = [];
      for (let index = 0; index < 4; index++) sensitive.push((await limited.api.request('GET', '/captcha', from('203.0.113.9'))).status);
      assert.deepEqual(sensitive, [200, 200, 200, 429]);
      // One account from many addresses.
      const candidate = await api.register('bearer');
      await sameMinute();
      const perAccount = [];
      for (let index = 0; index < 5; index++) perAccount.push((await limited.api.request('GET', '/application', { as: candidate, ...from(`198.51.100.${index}`) })).status);
      assert.deepEqual(perAccount, [200, 200, 200, 200, 429]);
    } finally {
      await twin.close();
      await limited.close();
    }
  });

  it('the verifier may put a case to manual review: pending with the reason, no application before it is verified', async () => {
    const candidate = await api.register('bearer');
    const reviewing = await startTestServer(database, { manualReview: [candidate.identity.number] }, { db: server.services.db });
    try {
      const result = await reviewing.api.ok<RealNameResult>('POST', '/account/real-name', {
        as: candidate,
        json: { name: candidate.name, documentType: 'resident-id', documentNumber: candidate.identity.number, validFrom: candidate.identity.validFrom, validTo: candidate.identity.validTo },
      });
      assert.equal(result.status, 'pending');
      assert.match(result.reason ?? '', /人工核验/);
      assert.equal(result.verifiedAt, null);
      const draft = await reviewing.api.request('PUT', '/application/draft', { as: candidate, json: { employer: 'x' } });
      assert.equal(code(draft), 'REALNAME_REQUIRED');
    } finally {
      await reviewing.close();
    }
  });

  it('every change is audited: who, when, what, before and after', async () => {
    const candidate = await api.readyToSubmit('bearer');
    const submitted = await api.submit(candidate, newKey());
    const application = submitted.body as Application;
    await api.ok('POST', `/office/applications/${application.id}/review`, { office: true, json: { result: 'rejected', reason: '照片不清晰' } });
    const audit = await rows<{ actor_type: string; actor_id: string; action: string; before: Application | null; after: Application; at: Date; request_id: string | null; address: string | null }>(
      server,
      "SELECT actor_type, actor_id, action, before, after, at, request_id, address FROM audit_log WHERE entity_type = 'application' AND entity_id = $1 ORDER BY id",
      [application.id],
    );
    assert.deepEqual(audit.map((row) => row.action), ['application.draft', 'application.photo', 'application.submit', 'application.review.rejected']);
    const review = audit.at(-1)!;
    assert.deepEqual([review.actor_type, review.actor_id], ['staff', 'test']);
    assert.equal(review.before?.status, 'submitted');
    assert.equal(review.after.status, 'rejected');
    assert.equal(review.after.review?.reason, '照片不清晰');
    assert.ok(review.request_id && review.address);
    const submit = audit[2]!;
    assert.equal(submit.actor_type, 'candidate');
    assert.equal(submit.before?.status, 'draft');
  });
});
