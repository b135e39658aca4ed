import { expect } from './helpers/testing.js';
import { delay, http, HttpResponse } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { HttpBackend } from '../src/services/http-backend.js';
import {
  BusinessError,
  HttpError,
  InvalidResponseError,
  NetworkError,
  RkError,
  TimeoutError,
} from '../src/services/errors.js';
import { newIdempotencyKey } from '../src/services/backend.js';
import { application, captcha, jpegBlob, loginResult, photo } from './fixtures/responses.js';
import { testWorker } from './helpers/msw.js';
import type { ApplicationInput } from '../src/services/schemas.js';

const BASE = '/api-test';
let worker: SetupWorker;

before(async () => {
  worker = await testWorker();
});
afterEach(() => worker.resetHandlers());

const loginInput = { account: '13800138000', password: 'Ruankao2026', captchaId: 'c-1', captchaAnswer: 'abcd' };
const submitInput = { name: '张三' } as unknown as ApplicationInput;

/** One call of each kind: a read, a write, an upload; `path`/`method` are where it goes. */
const calls = [
  { kind: 'read', method: 'get', path: '/captcha', ok: captcha, run: (b: HttpBackend) => b.getCaptcha() },
  { kind: 'write', method: 'post', path: '/account/login', ok: loginResult, run: (b: HttpBackend) => b.login(loginInput) },
  { kind: 'upload', method: 'post', path: '/application/photo', ok: photo, run: (b: HttpBackend) => b.uploadPhoto(jpegBlob()) },
] as const;

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

for (const call of calls) {
  describe(`HttpBackend ${call.kind} (${call.path})`, () => {
    const answer = (resolver: Parameters<typeof http.get>[1]) => worker.use(http[call.method](BASE + call.path, resolver));

    it('returns the parsed response (relative image URLs resolved against the API base)', async () => {
      answer(() => HttpResponse.json(call.ok));
      const result = await call.run(new HttpBackend({ baseUrl: BASE }));
      const expected = call.kind === 'upload' ? { ...photo, url: new URL(photo.url, location.href).href } : call.ok;
      expect(result).to.deep.equal(expected);
    });

    it('maps a network failure to NetworkError', async () => {
      answer(() => HttpResponse.error());
      const error = await failure(call.run(new HttpBackend({ baseUrl: BASE })));
      expect(error).to.be.instanceOf(NetworkError);
      expect((error as RkError).retryable).to.equal(true);
      expect((error as RkError).operation).to.be.a('string').and.not.empty;
    });

    it('maps no answer within the timeout to TimeoutError', async () => {
      answer(async () => {
        await delay(2000);
        return HttpResponse.json(call.ok);
      });
      const started = performance.now();
      const error = await failure(call.run(new HttpBackend({ baseUrl: BASE, timeoutMs: 150, uploadTimeoutMs: 150 })));
      expect(error).to.be.instanceOf(TimeoutError);
      expect(performance.now() - started).to.be.lessThan(1500);
    });

    it('maps HTTP 500 to HttpError with the status', async () => {
      answer(() => new HttpResponse('Internal Server Error', { status: 500 }));
      const error = await failure(call.run(new HttpBackend({ baseUrl: BASE })));
      expect(error).to.be.instanceOf(HttpError);
      expect((error as HttpError).status).to.equal(500);
      expect((error as HttpError).retryable).to.equal(true);
    });

    it('maps a response of the wrong shape to InvalidResponseError with the zod issues', async () => {
      answer(() => HttpResponse.json({ ...call.ok, id: 42, session: 'x', width: -1 }));
      const error = await failure(call.run(new HttpBackend({ baseUrl: BASE })));
      expect(error).to.be.instanceOf(InvalidResponseError);
      expect((error as InvalidResponseError).issues.length).to.be.greaterThan(0);
      expect((error as InvalidResponseError).issues[0]).to.have.property('path');
    });

    it('maps malformed JSON to InvalidResponseError', async () => {
      answer(() => new HttpResponse('{not json', { status: 200, headers: { 'Content-Type': 'application/json' } }));
      const error = await failure(call.run(new HttpBackend({ baseUrl: BASE })));
      expect(error).to.be.instanceOf(InvalidResponseError);
      expect((error as InvalidResponseError).message).to.contain('not JSON');
    });

    it('maps a 4xx error body to BusinessError with code, message and details', async () => {
      answer(() =>
        HttpResponse.json(
          { code: 'RATE_LIMITED', message: '请求过于频繁', details: { retryAfterSeconds: 30 } },
          { status: 429, headers: { 'Retry-After': '30' } },
        ),
      );
      const error = await failure(call.run(new HttpBackend({ baseUrl: BASE })));
      expect(error).to.be.instanceOf(BusinessError);
      const business = error as BusinessError;
      expect(business.code).to.equal('RATE_LIMITED');
      expect(business.backendMessage).to.equal('请求过于频繁');
      expect(business.details).to.deep.equal({ retryAfterSeconds: 30 });
      expect(business.status).to.equal(429);
      // A rate limit passes: the same call may be tried again after the wait.
      expect(business.retryable).to.equal(true);
      expect(business.retryAfterSeconds).to.equal(30);
    });

    it('maps an error body that breaks the contract (a code the operation does not answer) to InvalidResponseError', async () => {
      answer(() => HttpResponse.json({ code: 'ALREADY_PAID', message: '已缴费' }, { status: 409 }));
      const error = await failure(call.run(new HttpBackend({ baseUrl: BASE })));
      expect(error).to.be.instanceOf(InvalidResponseError);
      expect((error as InvalidResponseError).issues[0]).to.include({ message: `ALREADY_PAID is not a code of ${(error as InvalidResponseError).operation}` });
    });
  });
}

describe('HttpBackend requests', () => {
  it('rejects an unsafe image URL in a response (javascript: is not an image)', async () => {
    worker.use(http.get(`${BASE}/captcha`, () => HttpResponse.json({ ...captcha, image: 'javascript:alert(1)' })));
    const error = await failure(new HttpBackend({ baseUrl: BASE }).getCaptcha());
    expect(error).to.be.instanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).issues[0].path).to.deep.equal(['image']);
  });

  it('a 4xx without an error body is an HttpError, not a BusinessError', async () => {
    worker.use(http.get(`${BASE}/captcha`, () => new HttpResponse('nope', { status: 404 })));
    const error = await failure(new HttpBackend({ baseUrl: BASE }).getCaptcha());
    expect(error).to.be.instanceOf(HttpError);
    expect((error as HttpError).retryable).to.equal(false);
  });

  it('sends the same Idempotency-Key on a retried submit, and refuses to submit without one', async () => {
    const keys: (string | null)[] = [];
    let attempts = 0;
    worker.use(
      http.post(`${BASE}/application/submit`, ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        attempts += 1;
        return attempts === 1 ? HttpResponse.error() : HttpResponse.json(application);
      }),
    );
    const backend = new HttpBackend({ baseUrl: BASE });
    const idempotencyKey = newIdempotencyKey();
    const first = await failure(backend.submitApplication(submitInput, { idempotencyKey }));
    expect(first).to.be.instanceOf(NetworkError);
    const second = await backend.submitApplication(submitInput, { idempotencyKey });
    expect(second.registrationNumber).to.equal('5321010000144410001');
    expect(keys).to.deep.equal([idempotencyKey, idempotencyKey]);
    expect(idempotencyKey).to.match(/^[0-9a-f]{32}$/);
    expect(newIdempotencyKey()).to.not.equal(idempotencyKey);

    const missing = await failure(
      backend.submitApplication(submitInput, {} as unknown as { idempotencyKey: string }),
    );
    expect(missing).to.be.instanceOf(TypeError);
    expect(attempts).to.equal(2);
  });

  it('sends an Idempotency-Key when creating a payment order', async () => {
    let key: string | null = null;
    worker.use(
      http.post(`${BASE}/payment/orders`, ({ request }) => {
        key = request.headers.get('Idempotency-Key');
        return HttpResponse.json({ code: 'ALREADY_PAID', message: '已缴费' }, { status: 409 });
      }),
    );
    const error = await failure(
      new HttpBackend({ baseUrl: BASE }).createPaymentOrder({ channel: 'alipay' }, { idempotencyKey: 'k-1' }),
    );
    expect(key).to.equal('k-1');
    expect((error as BusinessError).code).to.equal('ALREADY_PAID');
  });

  it('keeps the login token in memory, sends it as a bearer token, forgets it on logout', async () => {
    const seen: (string | null)[] = [];
    worker.use(
      http.post(`${BASE}/account/login`, () => HttpResponse.json(loginResult)),
      http.get(`${BASE}/account/session`, ({ request }) => {
        seen.push(request.headers.get('Authorization'));
        return HttpResponse.json({ session: loginResult.session });
      }),
      http.post(`${BASE}/account/logout`, () => HttpResponse.json({ ok: true })),
    );
    const backend = new HttpBackend({ baseUrl: BASE });
    localStorage.clear();
    sessionStorage.clear();
    await backend.login(loginInput);
    const session = await backend.getSession();
    expect(session?.user.account).to.equal('13800138000');
    await backend.logout();
    await backend.getSession();
    expect(seen).to.deep.equal(['Bearer token-abc', null]);
    expect(localStorage.length).to.equal(0);
    expect(sessionStorage.length).to.equal(0);
  });

  it('adds the site auth headers and the credentials mode', async () => {
    let csrf: string | null = null;
    worker.use(
      http.get(`${BASE}/captcha`, ({ request }) => {
        csrf = request.headers.get('X-CSRF-Token');
        return HttpResponse.json(captcha);
      }),
    );
    const backend = new HttpBackend({
      baseUrl: `${BASE}/`,
      credentials: 'include',
      authHeaders: async () => ({ 'X-CSRF-Token': 'csrf-1' }),
    });
    await backend.getCaptcha();
    expect(csrf).to.equal('csrf-1');
    expect(backend.credentials).to.equal('include');
    expect(backend.baseUrl).to.equal(BASE);
  });

  it('fills and encodes path parameters', async () => {
    let orderId: string | undefined;
    worker.use(
      http.get(`${BASE}/payment/orders/:orderId`, ({ params }) => {
        orderId = params.orderId as string;
        return HttpResponse.json({ code: 'NOT_FOUND', message: '无此订单' }, { status: 404 });
      }),
    );
    const error = await failure(new HttpBackend({ baseUrl: BASE }).getPaymentStatus('a/b c'));
    expect(orderId).to.equal('a/b c');
    expect((error as BusinessError).code).to.equal('NOT_FOUND');
  });

  it("rethrows the caller's abort as is, not as a network error", async () => {
    worker.use(
      http.get(`${BASE}/captcha`, async () => {
        await delay(1000);
        return HttpResponse.json(captcha);
      }),
    );
    const controller = new AbortController();
    const pending = new HttpBackend({ baseUrl: BASE }).getCaptcha({ signal: controller.signal });
    controller.abort(new DOMException('left the page', 'AbortError'));
    const error = await failure(pending);
    expect(error).to.not.be.instanceOf(RkError);
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('reports upload progress up to 1', async () => {
    worker.use(http.post(`${BASE}/application/photo`, () => HttpResponse.json(photo)));
    const progress: number[] = [];
    await new HttpBackend({ baseUrl: BASE }).uploadPhoto(jpegBlob(50_000), { onProgress: (f) => progress.push(f) });
    expect(progress.at(-1)).to.equal(1);
    expect(progress.every((value, i) => i === 0 || value >= progress[i - 1])).to.equal(true);
  });
});
