/**
 * rk-login, rk-realname and rk-registration-form fetch their checks (with zod and the schemas)
 * when they connect, not before their first paint. When the checks cannot be fetched (offline), a submit says so with a
 * retry and keeps what was typed; the retry, once the network is back, goes through. In a file
 * of its own: no other test may have loaded the checks before this page starts.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import '../src/components/login/rk-login.js';
import '../src/components/provider/rk-provider.js';
import '../src/components/realname/rk-realname.js';
import '../src/components/registration-form/rk-registration-form.js';
import type { RkLogin } from '../src/components/login/rk-login.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import type { RkRealname } from '../src/components/realname/rk-realname.js';
import { HttpBackend } from '../src/services/http-backend.js';
import { SEED_ACCOUNT, SEED_ID_NUMBER, startMockOffice } from '../src/mocks/index.js';
import { $, maybe, stateIs, submit, textOf, type } from './helpers/form-driver.js';
import { freshOffice } from './helpers/mock-office.js';

describe('rk-login: the checks fetched on demand', () => {
  it('says the network failed when its checks cannot be fetched, keeps the typing, and signs in on retry', async () => {
    const office = await freshOffice();
    office.seedCandidate({ stage: 'registered' });
    const { worker } = await startMockOffice();
    let offline = true;
    let checkRequests = 0;
    worker.use(
      http.get(/\/login-checks\.ts/, () => {
        checkRequests += 1;
        return offline ? HttpResponse.error() : passthrough();
      }),
    );
    const el = await fixture<RkLogin>(html`<rk-login .backend=${new HttpBackend({ baseUrl: '/api' })}></rk-login>`);
    await waitUntil(() => maybe(el, '[part="captcha-image"] img'), 'captcha never shown', { timeout: 5000 });
    await type(el, 'account', SEED_ACCOUNT.account);
    await type(el, 'password', SEED_ACCOUNT.password);
    await type(el, 'captcha', '0000');
    await submit(el);
    await waitUntil(() => textOf(el).includes('网络连接失败'), 'no network message', { timeout: 5000 });
    expect(checkRequests).to.be.greaterThan(0);
    expect($<HTMLInputElement>(el, '#account').value).to.equal(SEED_ACCOUNT.account);
    expect($<HTMLInputElement>(el, '#password').value).to.equal(SEED_ACCOUNT.password);
    const retry = Array.from(el.shadowRoot!.querySelectorAll('button')).find((button) => button.textContent!.trim() === '重试');
    expect(retry, 'a retry button').to.not.equal(undefined);

    offline = false;
    retry!.click();
    await stateIs(el, 'success');
  });

  it('rk-realname: says the network failed when its checks cannot be fetched, keeps the typing, and verifies on retry', async () => {
    const office = await freshOffice();
    const { token } = office.seedCandidate({ stage: 'registered' });
    const { worker } = await startMockOffice();
    let offline = true;
    worker.use(http.get(/\/realname-checks\.ts/, () => (offline ? HttpResponse.error() : passthrough())));
    const backend = new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
    const el = await fixture<RkRealname>(html`<rk-realname .backend=${backend}></rk-realname>`);
    await stateIs(el, 'idle');
    await type(el, 'name', '张三');
    await type(el, 'document-number', SEED_ID_NUMBER);
    await type(el, 'valid-from', '2020.06.01');
    await type(el, 'valid-to', '20400601');
    await submit(el);
    await waitUntil(() => textOf(el).includes('网络连接失败'), 'no network message', { timeout: 5000 });
    expect($<HTMLInputElement>(el, '#document-number').value).to.equal(SEED_ID_NUMBER);
    const retry = Array.from(el.shadowRoot!.querySelectorAll('button')).find((button) => button.textContent!.trim() === '重试');
    expect(retry, 'a retry button').to.not.equal(undefined);

    offline = false;
    retry!.click();
    await stateIs(el, 'verified');
  });

  it('rk-registration-form: marks the required fields before its checks come, says when they cannot, and checks once they are there', async () => {
    const office = await freshOffice();
    const { token } = office.seedCandidate({ stage: 'verified' });
    const { worker } = await startMockOffice();
    let offline = true;
    worker.use(http.get(/\/form-checks\.ts/, () => (offline ? HttpResponse.error() : passthrough())));
    const backend = new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
    const provider = await fixture<RkProvider>(html`<rk-provider .backend=${backend}><rk-registration-form></rk-registration-form></rk-provider>`);
    const el = provider.querySelector('rk-registration-form')!;
    await stateIs(el, 'editing');
    // The red * comes from the contract without zod.
    expect(el.shadowRoot!.querySelector('label[for="education"]')?.textContent).to.contain('*');
    expect(el.shadowRoot!.querySelector('label[for="degree"]')?.textContent).to.not.contain('*');
    $<HTMLButtonElement>(el, '[part="continue"]').click();
    await waitUntil(() => textOf(el).includes('网络连接失败'), 'no network message', { timeout: 5000 });
    expect(el.getAttribute('state')).to.equal('editing');

    offline = false;
    $<HTMLButtonElement>(el, '[part="continue"]').click();
    await waitUntil(() => textOf(el).includes('请选择学历'), 'the required fields were not checked', { timeout: 5000 });
    expect(el.getAttribute('state')).to.equal('editing');
  });
});
