/**
 * Cookie mode, as a backend that keeps sessions in an httpOnly cookie answers (the mock office
 * in `auth: 'cookie'`): the candidate stays signed in when the page is loaded again, POST and
 * PUT carry the session's CSRF token, and logging out ends it. MSW keeps the mocked cookie in its
 * own jar (persisted like the browser's), which is what survives here in place of a reload: a
 * new provider with a new adapter, nothing carried over in the page's memory.
 */
import { expect, fixture, html, oneEvent, waitUntil } from './helpers/testing.js';
import '../src/components/login/rk-login.js';
import '../src/components/provider/rk-provider.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import { HttpBackend } from '../src/services/http-backend.js';
import { SEED_ACCOUNT, startMockOffice, type ExamOffice } from '../src/mocks/index.js';
import { submit, type } from './helpers/form-driver.js';
import { freshOffice } from './helpers/mock-office.js';

/** MSW's jar of mocked cookies, kept in localStorage like a browser keeps its cookies. */
const MSW_COOKIE_STORE = '__msw-cookie-store__';

let office: ExamOffice;

beforeEach(async () => {
  office = await freshOffice();
  office.authMode = 'cookie';
});

/**
 * Nothing of this file's sessions may reach the files after it (they run in the same browser
 * profile): log out while the office still hands out cookies, then forget MSW's jar and every
 * cookie the origin still has. In Firefox, what this file left behind made the keyboard journey
 * and the form's keyboard test fail whenever they ran after it (their last Enter led nowhere).
 */
after(async () => {
  await new HttpBackend({ baseUrl: '/api' }).logout().catch(() => undefined);
  office.authMode = 'bearer';
  localStorage.removeItem(MSW_COOKIE_STORE);
  for (const cookie of document.cookie.split(';')) {
    const name = cookie.split('=')[0]!.trim();
    if (name) document.cookie = `${name}=; Max-Age=0; Path=/`;
  }
});

/** A page's provider with the login form, built from `api-base` as a site embeds it. */
async function page(): Promise<RkProvider> {
  const provider = await fixture<RkProvider>(html`<rk-provider api-base="/api"><rk-login></rk-login></rk-provider>`);
  await waitUntil(() => provider.sessionState === 'ready', 'the session was never loaded', { timeout: 5000 });
  return provider;
}

async function login(provider: RkProvider): Promise<void> {
  const el = provider.querySelector('rk-login')!;
  await waitUntil(() => el.shadowRoot?.querySelector('[part="captcha-image"] img'), 'no captcha', { timeout: 5000 });
  await type(el, 'account', SEED_ACCOUNT.account);
  await type(el, 'password', SEED_ACCOUNT.password);
  await type(el, 'captcha', '0000');
  const loggedIn = oneEvent(el, 'rk-login');
  await submit(el);
  expect((await loggedIn).detail).to.not.have.property('token');
}

describe('cookie sessions', () => {
  it('a candidate who logs in is still signed in when the page is loaded again, and can act there', async () => {
    office.seedCandidate({ stage: 'verified' });
    const first = await page();
    expect(first.session).to.equal(null);
    await login(first);
    expect(first.session?.user.account).to.equal(SEED_ACCOUNT.account);
    first.remove();

    const again = await page();
    expect(again.session?.user.account).to.equal(SEED_ACCOUNT.account);
    // A PUT through the new page's adapter carries the CSRF token that came with the session.
    const draft = await again.effectiveBackend!.saveApplicationDraft({ address: '云南省丽江市古城区' });
    expect(draft.fields.address).to.equal('云南省丽江市古城区');
    again.remove();

    const backend = new HttpBackend({ baseUrl: '/api' });
    await backend.getSession();
    await backend.logout();
    const afterLogout = await page();
    expect(afterLogout.session).to.equal(null);
  });

  it('a POST or PUT with the cookie but without the CSRF token is refused; a GET is not', async () => {
    office.seedCandidate({ stage: 'verified' });
    const backend = new HttpBackend({ baseUrl: '/api' });
    const captcha = await backend.getCaptcha();
    const signedIn = await backend.login({ account: SEED_ACCOUNT.account, password: SEED_ACCOUNT.password, captchaId: captcha.id, captchaAnswer: '0000' });
    expect(signedIn.csrfToken).to.be.a('string');

    const read = await fetch('/api/application');
    expect(read.status).to.equal(200);
    const put = (headers: Record<string, string>) =>
      fetch('/api/application/draft', { method: 'PUT', headers: { 'Content-Type': 'application/json', ...headers }, body: '{"mobile":"13800138000"}' });
    const forged = await put({});
    expect(forged.status).to.equal(403);
    expect((await forged.json()).code).to.equal('CSRF_FAILED');
    expect((await put({ 'X-CSRF-Token': 'not-the-token' })).status).to.equal(403);
    expect((await put({ 'X-CSRF-Token': signedIn.csrfToken! })).status).to.equal(200);
    await backend.logout();
    expect((await fetch('/api/application')).status).to.equal(401);
  });

  it('signed in again in another tab (a new session, a new CSRF token): the page\'s next action still goes through', async () => {
    office.seedCandidate({ stage: 'verified' });
    const login = async (backend: HttpBackend) => {
      const captcha = await backend.getCaptcha();
      return backend.login({ account: SEED_ACCOUNT.account, password: SEED_ACCOUNT.password, captchaId: captcha.id, captchaAnswer: '0000' });
    };
    const thisTab = new HttpBackend({ baseUrl: '/api' });
    const first = await login(thisTab);
    // The other tab's login replaces the session cookie; this tab still holds the old CSRF token.
    const second = await login(new HttpBackend({ baseUrl: '/api' }));
    expect(second.csrfToken).to.not.equal(first.csrfToken);
    const csrfSent: (string | null)[] = [];
    const { worker } = await startMockOffice();
    const listen = ({ request }: { request: Request }) => {
      if (new URL(request.url).pathname === '/api/application/draft') csrfSent.push(request.headers.get('X-CSRF-Token'));
    };
    worker.events.on('request:start', listen);
    try {
      const draft = await thisTab.saveApplicationDraft({ address: '云南省丽江市古城区' });
      expect(draft.fields.address).to.equal('云南省丽江市古城区');
    } finally {
      worker.events.removeListener('request:start', listen);
    }
    expect(csrfSent).to.deep.equal([first.csrfToken, second.csrfToken]);
  });

  it('bearer mode hands out a token and no cookie: a new page is signed out', async () => {
    office.authMode = 'bearer';
    office.seedCandidate({ stage: 'verified' });
    const first = await page();
    const el = first.querySelector('rk-login')!;
    await waitUntil(() => el.shadowRoot?.querySelector('[part="captcha-image"] img'), 'no captcha', { timeout: 5000 });
    await type(el, 'account', SEED_ACCOUNT.account);
    await type(el, 'password', SEED_ACCOUNT.password);
    await type(el, 'captcha', '0000');
    const loggedIn = oneEvent(el, 'rk-login');
    await submit(el);
    await loggedIn;
    expect(first.session?.user.account).to.equal(SEED_ACCOUNT.account);
    first.remove();
    const again = await page();
    expect(again.session).to.equal(null);
  });
});
