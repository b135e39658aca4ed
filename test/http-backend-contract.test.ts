/**
 * HttpBackend holds backends to the contract's error half, image-URL rule and session modes:
 * what docs/openapi.json allows is accepted, what it does not is an InvalidResponseError that
 * says where; cookie sessions carry their CSRF token, and a new page's adapter finds it again.
 */
import { expect } from './helpers/testing.js';
import { http, HttpResponse } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { HttpBackend } from '../src/services/http-backend.js';
import { BusinessError, HttpError, InvalidResponseError } from '../src/services/errors.js';
import { captcha, loginResult, photo } from './fixtures/responses.js';
import { testWorker } from './helpers/msw.js';

const BASE = '/api-contract';
let worker: SetupWorker;

before(async () => {
  worker = await testWorker();
});
afterEach(() => worker.resetHandlers());

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

const loginInput = { account: '13800138000', password: 'Ruankao2026', captchaId: 'c-1', captchaAnswer: 'abcd' };
const answerLogin = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  worker.use(http.post(`${BASE}/account/login`, () => HttpResponse.json(body as never, { status, headers })));

describe('HttpBackend: error answers held to the contract', () => {
  it('a code of the operation, at its status, with its details: a BusinessError', async () => {
    answerLogin(422, { code: 'PASSWORD_WRONG', message: '密码错误，还可尝试4次。', details: { remainingAttempts: 4 } });
    const error = (await failure(new HttpBackend({ baseUrl: BASE }).login(loginInput))) as BusinessError;
    expect(error).to.be.instanceOf(BusinessError);
    expect(error.code).to.equal('PASSWORD_WRONG');
    expect(error.details).to.deep.equal({ remainingAttempts: 4 });
    expect(error.retryable).to.equal(false);
  });

  it('a code answered with another status than the contract gives it: InvalidResponseError', async () => {
    answerLogin(400, { code: 'PASSWORD_WRONG', message: '密码错误' });
    const error = (await failure(new HttpBackend({ baseUrl: BASE }).login(loginInput))) as InvalidResponseError;
    expect(error).to.be.instanceOf(InvalidResponseError);
    expect(error.issues[0]!.message).to.equal('PASSWORD_WRONG is answered with status 422, not 400');
  });

  it('a code the operation does not answer: InvalidResponseError at `code`', async () => {
    answerLogin(422, { code: 'WRONG_PASSWORD', message: '密码错误' });
    const error = (await failure(new HttpBackend({ baseUrl: BASE }).login(loginInput))) as InvalidResponseError;
    expect(error).to.be.instanceOf(InvalidResponseError);
    expect(error.issues[0]).to.deep.include({ path: ['code'], message: 'WRONG_PASSWORD is not a code of login' });
  });

  it('details of the wrong shape: InvalidResponseError at the detail', async () => {
    answerLogin(429, { code: 'TOO_MANY_ATTEMPTS', message: '请稍后再试', details: { retryAfterSeconds: 'soon' } });
    const error = (await failure(new HttpBackend({ baseUrl: BASE }).login(loginInput))) as InvalidResponseError;
    expect(error).to.be.instanceOf(InvalidResponseError);
    expect(error.issues[0]!.path).to.deep.equal(['details', 'retryAfterSeconds']);
  });

  it('details a code must carry, missing: InvalidResponseError', async () => {
    answerLogin(422, { code: 'VALIDATION', message: '提交的信息有误' });
    const error = (await failure(new HttpBackend({ baseUrl: BASE }).login(loginInput))) as InvalidResponseError;
    expect(error).to.be.instanceOf(InvalidResponseError);
    expect(error.issues[0]!.path).to.deep.equal(['details']);
  });

  it('a 5xx with the error body: a retryable HttpError with the code and the Retry-After', async () => {
    answerLogin(503, { code: 'SERVICE_UNAVAILABLE', message: '系统维护中' }, { 'Retry-After': '120' });
    const error = (await failure(new HttpBackend({ baseUrl: BASE }).login(loginInput))) as HttpError;
    expect(error).to.be.instanceOf(HttpError);
    expect([error.status, error.code, error.retryAfterSeconds, error.retryable]).to.deep.equal([503, 'SERVICE_UNAVAILABLE', 120, true]);
  });

  it("a gateway's HTML page (no error body): an HttpError, not an invalid response", async () => {
    worker.use(
      http.post(`${BASE}/account/login`, () => new HttpResponse('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } })),
    );
    const error = (await failure(new HttpBackend({ baseUrl: BASE }).login(loginInput))) as HttpError;
    expect(error).to.be.instanceOf(HttpError);
    expect(error.status).to.equal(502);
  });

  it('a success answered with 201 instead of 200: InvalidResponseError', async () => {
    answerLogin(201, loginResult);
    const error = (await failure(new HttpBackend({ baseUrl: BASE }).login(loginInput))) as InvalidResponseError;
    expect(error).to.be.instanceOf(InvalidResponseError);
    expect(error.message).to.contain('status 201');
  });
});

describe('HttpBackend: image URLs', () => {
  const captchaWith = (image: string, baseUrl = BASE) => {
    worker.use(http.get(`${baseUrl}/captcha`, () => HttpResponse.json({ ...captcha, image })));
    return new HttpBackend({ baseUrl }).getCaptcha();
  };

  it('resolves a relative URL against the API base (with a trailing slash), wherever the page is', async () => {
    expect((await captchaWith('captcha/1.png')).image).to.equal(new URL(`${BASE}/captcha/1.png`, location.href).href);
    expect((await captchaWith('/files/1.png')).image).to.equal(new URL('/files/1.png', location.href).href);
    const absolute = 'https://exam.example.gov.cn/api';
    expect((await captchaWith('captcha/1.png', absolute)).image).to.equal('https://exam.example.gov.cn/api/captcha/1.png');
  });

  it('takes protocol-relative and data:image/jpg URLs as they come', async () => {
    expect((await captchaWith('//cdn.example.gov.cn/c/1.png')).image).to.equal(`${location.protocol}//cdn.example.gov.cn/c/1.png`);
    expect((await captchaWith('data:image/jpg;base64,/9j/4AAQ')).image).to.equal('data:image/jpg;base64,/9j/4AAQ');
  });

  it('resolves the URL of an uploaded photo', async () => {
    worker.use(http.post(`${BASE}/application/photo`, () => HttpResponse.json({ ...photo, url: 'photos/p-1.jpg' })));
    const uploaded = await new HttpBackend({ baseUrl: BASE }).uploadPhoto(new Blob([new Uint8Array(100)], { type: 'image/jpeg' }));
    expect(uploaded.url).to.equal(new URL(`${BASE}/photos/p-1.jpg`, location.href).href);
  });
});

describe('HttpBackend: sessions', () => {
  it('logout sends no body', async () => {
    let seen: { body: string; type: string | null } | undefined;
    worker.use(
      http.post(`${BASE}/account/logout`, async ({ request }) => {
        seen = { body: await request.text(), type: request.headers.get('Content-Type') };
        return HttpResponse.json({ ok: true });
      }),
    );
    await new HttpBackend({ baseUrl: BASE }).logout();
    expect(seen).to.deep.equal({ body: '', type: null });
  });

  it('cookie mode: sends the CSRF token of the login on POST and PUT, never on GET, and forgets it on logout', async () => {
    const seen: string[] = [];
    const note = (request: Request) => seen.push(`${request.method} ${request.headers.get('X-CSRF-Token')} ${request.headers.get('Authorization')}`);
    worker.use(
      http.post(`${BASE}/account/login`, () => HttpResponse.json({ session: loginResult.session, csrfToken: 'csrf-1' })),
      http.get(`${BASE}/application`, ({ request }) => (note(request), HttpResponse.json({ application: null }))),
      http.post(`${BASE}/payment/orders`, ({ request }) => (note(request), HttpResponse.json({ code: 'INVALID_STATE', message: '未审核' }, { status: 409 }))),
      http.post(`${BASE}/account/logout`, ({ request }) => (note(request), HttpResponse.json({ ok: true }))),
    );
    const backend = new HttpBackend({ baseUrl: BASE });
    await backend.login(loginInput);
    await backend.getApplication();
    await failure(backend.createPaymentOrder({ channel: 'alipay' }, { idempotencyKey: 'key-00000001' }));
    await backend.logout();
    await failure(backend.createPaymentOrder({ channel: 'alipay' }, { idempotencyKey: 'key-00000002' }));
    expect(seen).to.deep.equal(['GET null null', 'POST csrf-1 null', 'POST csrf-1 null', 'POST null null']);
  });

  it("cookie mode, a reloaded page: a new adapter gets the session's CSRF token from GET /account/session", async () => {
    let csrf: string | null = null;
    worker.use(
      http.get(`${BASE}/account/session`, () => HttpResponse.json({ session: loginResult.session, csrfToken: 'csrf-after-reload' })),
      http.put(`${BASE}/application/draft`, ({ request }) => {
        csrf = request.headers.get('X-CSRF-Token');
        return HttpResponse.json({ code: 'REALNAME_REQUIRED', message: '请先完成实名认证。' }, { status: 422 });
      }),
    );
    const fresh = new HttpBackend({ baseUrl: BASE });
    expect((await fresh.getSession())?.user.id).to.equal('u-1');
    await failure(fresh.saveApplicationDraft({ mobile: '13800138000' }));
    expect(csrf).to.equal('csrf-after-reload');
  });

  it('forgets the bearer token when the backend says the session has ended (401 UNAUTHENTICATED)', async () => {
    const authorization: (string | null)[] = [];
    worker.use(
      http.post(`${BASE}/account/login`, () => HttpResponse.json(loginResult)),
      http.get(`${BASE}/application`, ({ request }) => {
        authorization.push(request.headers.get('Authorization'));
        return HttpResponse.json({ code: 'UNAUTHENTICATED', message: '登录已失效' }, { status: 401 });
      }),
    );
    const backend = new HttpBackend({ baseUrl: BASE });
    await backend.login(loginInput);
    expect(((await failure(backend.getApplication())) as BusinessError).code).to.equal('UNAUTHENTICATED');
    await failure(backend.getApplication());
    expect(authorization).to.deep.equal(['Bearer token-abc', null]);
  });
});
