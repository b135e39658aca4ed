/**
 * The conformance kit fails, with a precise report, against deliberately broken variants of the
 * mock office: each breaker wraps the office's fetch handler (the `wrap` option of
 * startMockOfficeServer) and breaks one rule of the contract; each test asserts the kit names
 * the operation and the place (status, body path, header, cookie) where the rule is broken.
 * The breakers live here, never in the shipped mock.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runConformance, type ConformanceReport, type Mismatch } from '../../conformance/index.js';
import { startMockOfficeServer } from '../../scripts/mock-office-server.js';
import type { ExamOffice } from '../../src/mocks/office.js';
import type { AuthMode } from '../../src/mocks/state.js';

type Handler = (request: Request) => Promise<Response>;
type Breaker = (handler: Handler, office: ExamOffice) => Handler;

const pathOf = (request: Request) => new URL(request.url).pathname.replace(/^\/api/, '');

/** The answer with its JSON body changed (and, optionally, another status). */
async function rewrite(response: Response, change: (body: Record<string, unknown>) => unknown, status = response.status): Promise<Response> {
  const body = (await response.json()) as Record<string, unknown>;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(change(body)), { status, headers });
}

/** The request with its headers changed (the body read and sent again). */
async function withHeaders(request: Request, change: (headers: Headers) => void): Promise<Request> {
  const headers = new Headers(request.headers);
  change(headers);
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  return new Request(request.url, { method: request.method, headers, body });
}

/** Runs the kit against the mock office broken by `breaker`. */
async function judge(breaker: Breaker, auth: AuthMode = 'both'): Promise<{ report: ConformanceReport; office: ExamOffice }> {
  const server = await startMockOfficeServer({ auth, wrap: breaker });
  try {
    const report = await runConformance({ baseUrl: server.url });
    return { report, office: server.office };
  } finally {
    await server.close();
  }
}

/** The mismatches of an operation at a place (`where` equal, or matching a pattern). */
function at(report: ConformanceReport, operation: string, where: string | RegExp): Mismatch[] {
  return report.mismatches.filter((mismatch) => mismatch.operation === operation && (typeof where === 'string' ? mismatch.where === where : where.test(mismatch.where)));
}

function assertFailed(report: ConformanceReport): void {
  assert.equal(report.passed, false);
  assert.ok(report.mismatches.length > 0);
}

describe('the conformance kit against broken variants of the mock office', () => {
  it('wrong shape: an exam session without its plan → getExamSession, body/plan', async () => {
    const { report } = await judge((handler) => async (request) => {
      const response = await handler(request);
      return pathOf(request) === '/exam-session' ? rewrite(response, ({ plan: _plan, ...rest }) => rest) : response;
    });
    assertFailed(report);
    const [mismatch] = at(report, 'getExamSession', 'body/plan');
    assert.ok(mismatch, JSON.stringify(report.mismatches.slice(0, 3)));
    assert.equal(mismatch.status, 200);
    assert.match(mismatch.message, /required/);
    // What needs the round is reported as skipped because of it, not as a crash.
    assert.ok(report.skipped.some((entry) => entry.cause === 'failure' && /the round \(exam session\)/.test(entry.because)));
    assert.equal(report.notes.filter((note) => /could not use/.test(note)).length, 0, 'no step stopped on an answer it could not use');
  });

  it('missing code: error bodies without `code` → body/code at each operation that refused (401, 422, 409, …)', async () => {
    const { report } = await judge((handler) => async (request) => {
      const response = await handler(request);
      return response.status >= 400 ? rewrite(response, ({ code: _code, ...rest }) => rest) : response;
    });
    assertFailed(report);
    for (const operation of ['getApplication', 'verifyRealName', 'sendVerificationCode', 'login']) {
      const found = at(report, operation, 'body/code');
      assert.ok(found.length > 0, operation);
      assert.match(found[0]!.message, /is required but missing/);
    }
    const unauthenticated = at(report, 'getApplication', 'body/code').find((mismatch) => mismatch.status === 401);
    assert.ok(unauthenticated, 'the 401 without its code');
  });

  it('an undocumented status: PASSWORD_WRONG answered with 400 → login, status and body/code (documented with 422)', async () => {
    const { report } = await judge((handler) => async (request) => {
      const response = await handler(request);
      if (response.status !== 422) return response;
      const body = (await response.clone().json()) as { code?: string };
      return body.code === 'PASSWORD_WRONG' ? rewrite(response, (same) => same, 400) : response;
    });
    assertFailed(report);
    const status = at(report, 'login', 'status');
    assert.ok(status.some((mismatch) => mismatch.status === 400 && mismatch.expected === '422 PASSWORD_WRONG' && mismatch.got === '400 PASSWORD_WRONG'), JSON.stringify(status));
    const code = at(report, 'login', 'body/code');
    assert.ok(code.some((mismatch) => /PASSWORD_WRONG is not documented for login with 400 .*answers PASSWORD_WRONG with 422/.test(mismatch.message)), JSON.stringify(code));
    assert.deepEqual([...new Set(report.mismatches.map((mismatch) => mismatch.operation))], ['login'], 'nothing else is blamed');
  });

  it('an undocumented code: a 401 answered as FORBIDDEN → body/code', async () => {
    const { report } = await judge((handler) => async (request) => {
      const response = await handler(request);
      return response.status === 401 ? rewrite(response, (body) => ({ ...body, code: 'NOT_LOGGED_IN' })) : response;
    });
    assertFailed(report);
    const found = at(report, 'getCertificates', 'body/code');
    assert.ok(found.some((mismatch) => mismatch.status === 401 && /NOT_LOGGED_IN is not a code of the contract/.test(mismatch.message)), JSON.stringify(found));
  });

  it('a bad image URL: the captcha image a javascript: URL → getCaptcha, body/image (the journey still runs)', async () => {
    const { report } = await judge((handler) => async (request) => {
      const response = await handler(request);
      return pathOf(request) === '/captcha' ? rewrite(response, (body) => ({ ...body, image: 'javascript:alert(document.cookie)' })) : response;
    });
    assertFailed(report);
    const found = at(report, 'getCaptcha', 'body/image');
    assert.ok(found.length > 0);
    assert.match(found[0]!.message, /ImageUrl/);
    assert.deepEqual([...new Set(report.mismatches.map((mismatch) => `${mismatch.operation} ${mismatch.where}`))], ['getCaptcha body/image']);
    assert.deepEqual(report.skipped, [], 'the captcha id was usable: nothing skipped');
  });

  it('error details of the wrong shape: VALIDATION without details.fields → body/details/fields', async () => {
    const { report } = await judge((handler) => async (request) => {
      const response = await handler(request);
      return response.status === 422 ? rewrite(response, (body) => (body.code === 'VALIDATION' ? { ...body, details: { errors: ['invalid'] } } : body)) : response;
    });
    assertFailed(report);
    const found = at(report, 'login', 'body/details/fields');
    assert.ok(found.length > 0, JSON.stringify(report.mismatches.slice(0, 3)));
    assert.match(found[0]!.message, /required/);
  });

  it('no idempotency: the key ignored, each request a new order → submitApplication and createPaymentOrder', async () => {
    const { report } = await judge((handler, office) => async (request) => {
      if (!request.headers.has('idempotency-key')) return handler(request);
      // As a backend without a key store: every request is new (and makes a new order).
      if (pathOf(request) === '/payment/orders') office.expireOrders();
      return handler(await withHeaders(request, (headers) => headers.set('idempotency-key', crypto.randomUUID())));
    });
    assertFailed(report);
    // 8 submissions at once: the first is answered, the others refused as already submitted.
    const submissions = at(report, 'submitApplication', 'body/code').filter((mismatch) => /8 at once/.test(mismatch.step));
    assert.ok(submissions.some((mismatch) => mismatch.got === '409 INVALID_STATE'), JSON.stringify(submissions));
    // 8 orders at once: 8 orders, the answers differ at the id.
    const orders = at(report, 'createPaymentOrder', 'body/id');
    assert.ok(orders.length > 0 && /one Idempotency-Key must answer one resource/.test(orders[0]!.message), JSON.stringify(report.mismatches.filter((mismatch) => mismatch.operation === 'createPaymentOrder')));
    // The same key with another body is not refused.
    assert.ok(at(report, 'createPaymentOrder', 'status').some((mismatch) => mismatch.expected === '422 IDEMPOTENCY_KEY_REUSED' && mismatch.got === '200'));
  });

  it('cookie not honoured: the Cookie header ignored (cookie mode) → getSession body/session, getApplication status 401', async () => {
    const { report } = await judge((handler) => async (request) => handler(await withHeaders(request, (headers) => headers.delete('cookie'))), 'cookie');
    assertFailed(report);
    assert.deepEqual(report.authModes, ['cookie']);
    const session = at(report, 'getSession', 'body/session');
    assert.ok(session.some((mismatch) => /rk_session cookie alone/.test(mismatch.message) || /must be the signed-in candidate/.test(mismatch.message)), JSON.stringify(session));
    assert.ok(at(report, 'getApplication', 'status').some((mismatch) => mismatch.expected === '200' && mismatch.got === '401 UNAUTHENTICATED'));
  });

  it('CSRF not enforced: a cookie session\'s POST and PUT accepted without X-CSRF-Token → each operation, status (expected 403 CSRF_FAILED)', async () => {
    const { report } = await judge((handler, office) => async (request) => {
      const session = /(?:^|;\s*)rk_session=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
      const csrf = session ? office.csrfTokenOf(session) : undefined;
      if (!csrf || request.headers.has('x-csrf-token')) return handler(request);
      return handler(await withHeaders(request, (headers) => headers.set('x-csrf-token', csrf)));
    }, 'cookie');
    assertFailed(report);
    for (const operation of ['verifyRealName', 'saveApplicationDraft', 'submitApplication', 'uploadPhoto', 'createPaymentOrder', 'requestChange', 'logout']) {
      const found = at(report, operation, 'status').filter((mismatch) => mismatch.expected === '403 CSRF_FAILED');
      assert.ok(found.length > 0, `${operation}: ${JSON.stringify(report.mismatches.filter((mismatch) => mismatch.operation === operation))}`);
    }
  });

  it('the session cookie without HttpOnly and SameSite, not cleared at logout → register and logout, cookie rk_session', async () => {
    const { report } = await judge((handler) => async (request) => {
      const response = await handler(request);
      const cookie = response.headers.get('set-cookie');
      if (!cookie) return response;
      const headers = new Headers(response.headers);
      if (/Max-Age=0/.test(cookie)) headers.delete('set-cookie');
      else headers.set('set-cookie', cookie.replace(/; HttpOnly/, '').replace(/; SameSite=\w+/, ''));
      return new Response(response.body, { status: response.status, headers });
    }, 'cookie');
    assertFailed(report);
    const attributes = at(report, 'register', 'cookie rk_session').map((mismatch) => mismatch.message);
    assert.ok(attributes.some((message) => /lacks HttpOnly/.test(message)), JSON.stringify(attributes));
    assert.ok(attributes.some((message) => /lacks SameSite/.test(message)), JSON.stringify(attributes));
    assert.ok(at(report, 'logout', 'cookie rk_session').some((mismatch) => /must clear the session cookie/.test(mismatch.message)));
  });

  it('429 without Retry-After → sendVerificationCode and login, header Retry-After', async () => {
    const { report } = await judge((handler) => async (request) => {
      const response = await handler(request);
      if (response.status !== 429) return response;
      const headers = new Headers(response.headers);
      headers.delete('retry-after');
      return new Response(response.body, { status: 429, headers });
    });
    assertFailed(report);
    for (const operation of ['sendVerificationCode', 'login']) {
      const found = at(report, operation, 'header Retry-After');
      assert.ok(found.length > 0 && found.every((mismatch) => mismatch.status === 429 && /required with 429/.test(mismatch.message)), operation);
    }
  });

  it('the clock is put back when the kit fails while it is moved (logins refused once the clock moved)', async () => {
    const { report, office } = await judge((handler, office) => async (request) => {
      if (pathOf(request) === '/account/login' && office.clock().moved) {
        return new Response('<html><body>503 Service Temporarily Unavailable</body></html>', { status: 503, headers: { 'Content-Type': 'text/html' } });
      }
      return handler(request);
    });
    assertFailed(report);
    const found = at(report, 'login', 'header Content-Type');
    assert.ok(found.some((mismatch) => mismatch.status === 503 && /text\/html/.test(mismatch.message)));
    assert.ok(at(report, 'login', 'body').some((mismatch) => /is not JSON: "<html>/.test(mismatch.message)));
    assert.equal(office.clock().moved, false, 'the kit put the clock back');
    assert.ok(report.operations.find((row) => row.operation === 'setClock')!.calls >= 2);
  });
});
