/**
 * rk-portal fetches the other views' elements when the browser is idle, except when the browser
 * asks to save data (Save-Data, or a 2G connection): then only the view opened is fetched. In a
 * file of its own: each element is fetched once per page, and no other test may have loaded them.
 */
import { expect, fixture, html, waitUntil } from './helpers/testing.js';
import '../src/components/portal/rk-portal.js';
import '../src/components/provider/rk-provider.js';
import type { RkPortal } from '../src/components/portal/rk-portal.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import { maybe } from './helpers/form-driver.js';
import { watchRequests } from './helpers/mock-office.js';

/** The element files fetched (by tag) among the portal's views. */
const ELEMENT_FILE = /\/src\/components\/[a-z-]+\/rk-[a-z-]+\.ts$/;
/** The views' elements fetched (the status timeline is the portal's own, fetched with the application). */
const tagsOf = (paths: string[]) => paths.map((path) => /(rk-[a-z-]+)\.ts$/.exec(path)![1]).filter((tag) => tag !== 'rk-status-timeline');

/** `navigator.connection` as the browser would report it, for `body`. */
async function withConnection(connection: { saveData: boolean; effectiveType: string }, body: () => Promise<void>): Promise<void> {
  Object.defineProperty(navigator, 'connection', { value: connection, configurable: true });
  try {
    await body();
  } finally {
    delete (navigator as { connection?: unknown }).connection;
  }
}

/**
 * After the portal's idle prefetch would have run (it waits at most 3 s for an idle moment; in
 * WebKit, which has no requestIdleCallback, 200 ms).
 */
async function afterIdlePrefetch(): Promise<void> {
  if (typeof requestIdleCallback === 'function') await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 }));
  else await new Promise((resolve) => setTimeout(resolve, 200));
  await new Promise((resolve) => setTimeout(resolve, 500));
}

async function portalShowing(view: string, tag: string): Promise<RkPortal> {
  const provider = await fixture<RkProvider>(html`<rk-provider api-base="/api"><rk-portal view=${view}></rk-portal></rk-provider>`);
  const portal = provider.querySelector('rk-portal')!;
  // The view's element is the page's first fetch of its module and what it imports: WebKit took
  // over 5 s for it in a CI run (the test is about which modules are fetched, not how fast).
  await waitUntil(() => maybe(portal, `[part="content"] ${tag}`), `${tag} never shown`, { timeout: 15000 });
  return portal;
}

describe('rk-portal: fetching the other views when saving data', () => {
  it('with Save-Data, fetches only the view opened, and the next one when it is opened', async function () {
    this.timeout(30000);
    const requests = await watchRequests(ELEMENT_FILE);
    await withConnection({ saveData: true, effectiveType: '4g' }, async () => {
      const portal = await portalShowing('plan', 'rk-exam-plan');
      await afterIdlePrefetch();
      expect(tagsOf(requests.paths())).to.deep.equal(['rk-exam-plan']);

      portal.view = 'notice';
      await waitUntil(() => maybe(portal, '[part="content"] rk-exam-notice'), 'the notice never shown', { timeout: 15000 });
      expect(tagsOf(requests.paths())).to.deep.equal(['rk-exam-plan', 'rk-exam-notice']);
    });
  });

  it('on a 2G connection, fetches only the view opened (signed out: the sign-in)', async function () {
    this.timeout(30000);
    const requests = await watchRequests(ELEMENT_FILE);
    await withConnection({ saveData: false, effectiveType: '2g' }, async () => {
      await portalShowing('score', 'rk-login');
      await afterIdlePrefetch();
      expect(tagsOf(requests.paths())).to.deep.equal(['rk-login']);
    });
  });

  it('otherwise, fetches the other views when the browser is idle', async function () {
    this.timeout(30000);
    const requests = await watchRequests(ELEMENT_FILE);
    await withConnection({ saveData: false, effectiveType: '4g' }, async () => {
      await portalShowing('payment', 'rk-login');
      // Every view's element, in whatever order the browser asks for them (a busy WebKit was seen
      // fetching rk-score-query well after rk-realname).
      const views = ['rk-realname', 'rk-registration-form', 'rk-payment-panel', 'rk-score-query', 'rk-certificate-query'];
      await waitUntil(() => views.every((tag) => tagsOf(requests.paths()).includes(tag)), `the idle prefetch did not fetch all of ${views.join(', ')}`, { timeout: 15000 });
    });
  });
});
