/**
 * rk-login, rk-realname and rk-registration-form fetch their checks (with zod and the schemas)
 * when they connect, not before their first paint, rk-photo-checker its photo engine, and
 * rk-portal the elements of its views. When they cannot be fetched (offline), a submit (or a
 * chosen photo, or a view) says so with a retry and keeps what was typed (or chosen); the retry,
 * once the network is back, goes through. In a file of its own: no other test may have loaded
 * these modules before this page starts.
 */
import { expect, fixture, html, waitUntil } from './helpers/testing.js';
import '../src/components/login/rk-login.js';
import '../src/components/photo-checker/rk-photo-checker.js';
import '../src/components/portal/rk-portal.js';
import '../src/components/provider/rk-provider.js';
import '../src/components/realname/rk-realname.js';
import '../src/components/registration-form/rk-registration-form.js';
import type { RkLogin } from '../src/components/login/rk-login.js';
import type { RkPhotoChecker } from '../src/components/photo-checker/rk-photo-checker.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import type { RkRealname } from '../src/components/realname/rk-realname.js';
import { HttpBackend } from '../src/services/http-backend.js';
import { SEED_ACCOUNT, SEED_ID_NUMBER } from '../src/mocks/index.js';
import { asFile, portraitJpeg } from './fixtures/photo-fixtures.js';
import { $, maybe, stateIs, submit, textOf, type, waitFor } from './helpers/form-driver.js';
import { freshOffice, offlineFor } from './helpers/mock-office.js';

/**
 * Every wait here may include a module graph's first load (the dev server transforms each module
 * on its first request): in a full run's Firefox that once took over 5 s.
 */
const FIRST_LOAD_MS = 20_000;

/** A backend signed in as a freshly seeded candidate at `stage`. */
async function signedIn(stage: 'registered' | 'verified'): Promise<HttpBackend> {
  const { token } = (await freshOffice()).seedCandidate({ stage });
  return new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
}

/** The summary's retry button. */
function retryButton(el: HTMLElement): HTMLButtonElement | undefined {
  return Array.from(el.shadowRoot!.querySelectorAll('button')).find((button) => button.textContent!.trim() === '重试');
}

describe('rk-login: the checks fetched on demand', () => {
  it('says the network failed when its checks cannot be fetched, keeps the typing, and signs in on retry', async () => {
    await signedIn('registered'); // the account exists; rk-login signs in by itself
    const network = await offlineFor(/\/login-checks\.ts/);
    const el = await fixture<RkLogin>(html`<rk-login .backend=${new HttpBackend({ baseUrl: '/api' })}></rk-login>`);
    await waitUntil(() => maybe(el, '[part="captcha-image"] img'), 'captcha never shown', { timeout: FIRST_LOAD_MS });
    await type(el, 'account', SEED_ACCOUNT.account);
    await type(el, 'password', SEED_ACCOUNT.password);
    await type(el, 'captcha', '0000');
    await submit(el);
    await waitUntil(() => textOf(el).includes('网络连接失败'), 'no network message', { timeout: FIRST_LOAD_MS });
    expect(network.requests()).to.be.greaterThan(0);
    expect($<HTMLInputElement>(el, '#account').value).to.equal(SEED_ACCOUNT.account);
    expect($<HTMLInputElement>(el, '#password').value).to.equal(SEED_ACCOUNT.password);
    const retry = retryButton(el);
    expect(retry, 'a retry button').to.not.equal(undefined);

    network.online();
    retry!.click();
    await waitFor(() => el.getAttribute('state') === 'success', () => `not signed in (state ${el.getAttribute('state')}; requests for the checks: ${network.seen()}; shows “${textOf(el).slice(0, 120)}”)`, FIRST_LOAD_MS);
  });

  it('rk-realname: says the network failed when its checks cannot be fetched, keeps the typing, and verifies on retry', async () => {
    const backend = await signedIn('registered');
    const network = await offlineFor(/\/realname-checks\.ts/);
    const el = await fixture<RkRealname>(html`<rk-realname .backend=${backend}></rk-realname>`);
    await stateIs(el, 'idle', undefined, FIRST_LOAD_MS);
    await type(el, 'name', '张三');
    await type(el, 'document-number', SEED_ID_NUMBER);
    await type(el, 'valid-from', '2020.06.01');
    await type(el, 'valid-to', '20400601');
    await submit(el);
    await waitUntil(() => textOf(el).includes('网络连接失败'), 'no network message', { timeout: FIRST_LOAD_MS });
    expect($<HTMLInputElement>(el, '#document-number').value).to.equal(SEED_ID_NUMBER);
    const retry = retryButton(el);
    expect(retry, 'a retry button').to.not.equal(undefined);

    network.online();
    retry!.click();
    await waitFor(() => el.getAttribute('state') === 'verified', () => `not verified (state ${el.getAttribute('state')}; requests for the checks: ${network.seen()}; shows “${textOf(el).slice(0, 120)}”)`, FIRST_LOAD_MS);
  });

  it('rk-registration-form: marks the required fields before its checks come, says when they cannot, and checks once they are there', async () => {
    const backend = await signedIn('verified');
    const network = await offlineFor(/\/form-checks\.ts/);
    const provider = await fixture<RkProvider>(html`<rk-provider .backend=${backend}><rk-registration-form></rk-registration-form></rk-provider>`);
    const el = provider.querySelector('rk-registration-form')!;
    await stateIs(el, 'editing', undefined, FIRST_LOAD_MS);
    // The red * comes from the contract without zod.
    expect(el.shadowRoot!.querySelector('label[for="education"]')?.textContent).to.contain('*');
    expect(el.shadowRoot!.querySelector('label[for="degree"]')?.textContent).to.not.contain('*');
    $<HTMLButtonElement>(el, '[part="continue"]').click();
    await waitUntil(() => textOf(el).includes('网络连接失败'), 'no network message', { timeout: FIRST_LOAD_MS });
    expect(el.getAttribute('state')).to.equal('editing');

    network.online();
    $<HTMLButtonElement>(el, '[part="continue"]').click();
    await waitUntil(() => textOf(el).includes('请选择学历'), 'the required fields were not checked', { timeout: FIRST_LOAD_MS });
    expect(el.getAttribute('state')).to.equal('editing');
  });

  it('rk-photo-checker: paints before its photo engine comes, says when it cannot, and checks the same photo once back online', async () => {
    const network = await offlineFor(/\/photo-engine\.ts/);
    const el = await fixture<RkPhotoChecker>(html`<rk-photo-checker upload="false"></rk-photo-checker>`);
    expect(el.state).to.equal('empty');
    expect($(el, '[part="choose"]').textContent).to.contain('选择照片');
    await waitUntil(() => network.requests() > 0, 'the engine was not fetched when the element connected', { timeout: FIRST_LOAD_MS });

    const photo = asFile(await portraitJpeg(600, 840), 'my-photo.jpg');
    await el.checkFile(photo);
    expect(el.state).to.equal('unavailable');
    expect(textOf(el)).to.contain('网络连接失败');
    expect(textOf(el), 'the chosen file is still named').to.contain('my-photo.jpg');

    // 重试 while still offline: the same message again.
    const before = network.requests();
    retryButton(el)!.click();
    await waitUntil(() => network.requests() > before, 'the retry did not fetch again', { timeout: FIRST_LOAD_MS });
    await stateIs(el, 'unavailable', undefined, FIRST_LOAD_MS);

    // Back online: the element checks the chosen photo by itself.
    network.online();
    window.dispatchEvent(new Event('online'));
    await stateIs(el, 'ready', undefined, FIRST_LOAD_MS);
    expect(el.measurements?.source.width).to.equal(600);
  });

  it('rk-portal: tries the element of a view again by itself when the browser is back online', async () => {
    // The notice too: the idle prefetch must not load it before the next test.
    const network = await offlineFor(/\/rk-exam-(plan|notice)\.ts/);
    const provider = await fixture<RkProvider>(html`<rk-provider api-base="/api"><rk-portal view="plan"></rk-portal></rk-provider>`);
    const portal = provider.querySelector('rk-portal')!;
    await waitUntil(() => textOf(portal).includes('这一页未能加载'), 'no message for the view that could not be loaded', { timeout: FIRST_LOAD_MS });
    await waitUntil(() => network.requests() >= 2, 'the idle prefetch never tried the notice', { timeout: FIRST_LOAD_MS });

    network.online();
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => maybe(portal, '[part="content"] rk-exam-plan'), 'the plan never shown', { timeout: FIRST_LOAD_MS });
  });

  it('rk-portal: paints its header and navigation before the element of a view comes, says when it cannot, and shows it on retry', async () => {
    const network = await offlineFor(/\/rk-exam-notice\.ts/);
    const provider = await fixture<RkProvider>(html`<rk-provider api-base="/api"><rk-portal view="notice"></rk-portal></rk-provider>`);
    const portal = provider.querySelector('rk-portal')!;
    await waitUntil(() => textOf(portal).includes('这一页未能加载'), 'no message for the view that could not be loaded', { timeout: FIRST_LOAD_MS });
    expect(textOf(portal)).to.contain('网络连接失败');
    expect(maybe(portal, '[part="nav"]'), 'the navigation').to.not.equal(null);
    expect(customElements.get('rk-exam-notice')).to.equal(undefined);

    network.online();
    retryButton(portal)!.click();
    await waitUntil(() => maybe(portal, '[part="content"] rk-exam-notice'), 'the notice never shown', { timeout: FIRST_LOAD_MS });
    expect(typeof customElements.get('rk-exam-notice')).to.equal('function');
  });

});
