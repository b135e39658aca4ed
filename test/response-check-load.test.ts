/**
 * HttpBackend fetches its response check (the contract, zod and the schemas) on demand. When that
 * fetch fails (offline), a call fails with a NetworkError, a retryable error every element shows
 * with its retry, and the next call fetches the check again. In a file of its own: nothing else
 * may have loaded the check before this page starts.
 */
import { expect } from './helpers/testing.js';
import { http, HttpResponse } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { HttpBackend } from '../src/services/http-backend.js';
import { NetworkError } from '../src/services/errors.js';
import { captcha } from './fixtures/responses.js';
import { testWorker } from './helpers/msw.js';

let worker: SetupWorker;
before(async () => {
  worker = await testWorker();
});
after(() => worker.resetHandlers());

describe('HttpBackend: the response check loaded on demand', () => {
  it('fails a call with a NetworkError while the check cannot be fetched, and loads it on the next call', async () => {
    let checkRequests = 0;
    worker.use(
      http.get(/\/response-check\.ts/, () => {
        checkRequests += 1;
        return HttpResponse.error();
      }),
      http.get('/api-lazy/captcha', () => HttpResponse.json(captcha)),
    );
    const backend = new HttpBackend({ baseUrl: '/api-lazy' });
    const error = await backend.getCaptcha().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).to.be.instanceOf(NetworkError);
    expect((error as NetworkError).retryable).to.equal(true);
    expect(checkRequests).to.be.greaterThan(0);

    worker.resetHandlers(http.get('/api-lazy/captcha', () => HttpResponse.json(captcha)));
    const answer = await backend.getCaptcha();
    expect(answer.id).to.equal(captcha.id);
  });
});
