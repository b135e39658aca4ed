/**
 * The autoloader of the per-element CDN build (`dist/cdn/elements/autoloader.js`, built before the
 * tests) on a page as a CMS would write it: tags first, one script. It loads the files of the
 * elements the page shows, and of those added later, and no others; the elements then work on
 * the mock office, even when an element is defined before the rk-provider around it (here the
 * provider's file arrives 0.8 s after the plan's).
 */
import { expect, waitUntil } from './helpers/testing.js';
import { delay, http, passthrough } from 'msw';
import { startMockOffice } from '../src/mocks/index.js';
import { freshOffice, offlineFor } from './helpers/mock-office.js';

const DIR = '/dist/cdn/elements/';
performance.setResourceTimingBufferSize(5000);

/** The element files (not chunks) of dist/cdn/elements/ the page has fetched. */
function elementFilesFetched(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith(DIR) && !path.includes('/chunks/'))
    .map((path) => path.slice(DIR.length))
    .sort();
}

type Loaded = HTMLElement & { state: string; updateComplete: Promise<boolean> };

describe('dist/cdn/elements/autoloader.js', () => {
  let provider: HTMLElement;

  const defined: string[] = [];

  before(async () => {
    await freshOffice();
    const { worker } = await startMockOffice();
    worker.use(
      http.get(/\/dist\/cdn\/elements\/rk-provider\.js$/, async () => {
        await delay(800);
        return passthrough();
      }),
    );
    for (const tag of ['rk-provider', 'rk-exam-plan']) void customElements.whenDefined(tag).then(() => defined.push(tag));
    // The page's markup is there before the script, as in a CMS page.
    provider = document.createElement('rk-provider');
    provider.setAttribute('api-base', '/api');
    provider.append(document.createElement('rk-exam-plan'));
    document.body.append(provider);
    const response = await fetch(`${DIR}autoloader.js`);
    expect(response.ok, `${DIR}autoloader.js missing: run npm run build`).to.equal(true);
    await import(/* @vite-ignore */ `${DIR}autoloader.js`);
  });

  after(() => provider.remove());

  it('loads the elements the page shows, and they work', async () => {
    await waitUntil(() => customElements.get('rk-exam-plan') && customElements.get('rk-provider'), 'never defined', { timeout: 5000 });
    const plan = provider.querySelector<Loaded>('rk-exam-plan')!;
    await waitUntil(() => plan.state === 'ready', 'the plan never loaded', { timeout: 5000 });
    await plan.updateComplete;
    expect(plan.shadowRoot!.textContent).to.contain('考试计划');
    expect(defined, 'the plan was defined first').to.deep.equal(['rk-exam-plan', 'rk-provider']);
    expect([...new Set(elementFilesFetched())]).to.deep.equal(['autoloader.js', 'rk-exam-plan.js', 'rk-provider.js']);
    expect(customElements.get('rk-login')).to.equal(undefined);
  });

  it('loads an element added later, once, and leaves unknown rk- tags alone', async () => {
    const errors: unknown[] = [];
    const onError = (event: PromiseRejectionEvent) => errors.push(event.reason);
    window.addEventListener('unhandledrejection', onError);
    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<rk-score-query></rk-score-query><rk-score-query></rk-score-query><rk-not-an-element></rk-not-an-element>';
    provider.append(wrapper);
    await waitUntil(() => customElements.get('rk-score-query'), 'rk-score-query never defined', { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    window.removeEventListener('unhandledrejection', onError);
    expect(errors).to.deep.equal([]);
    const files = elementFilesFetched();
    expect(files.filter((file) => file === 'rk-score-query.js')).to.have.length(1);
    expect(files.some((file) => file.includes('not-an-element'))).to.equal(false);
    const query = wrapper.querySelector<Loaded>('rk-score-query')!;
    await query.updateComplete;
    expect(query.shadowRoot!.textContent!.trim()).to.not.equal('');
  });

  it('tries a file that failed offline again when the browser is back online', async () => {
    const network = await offlineFor(/\/dist\/cdn\/elements\/rk-certificate-query\.js$/);
    const errors: unknown[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args[0]);
    try {
      const query = document.createElement('rk-certificate-query');
      provider.append(query);
      await waitUntil(() => errors.length > 0, 'the failed load was not reported', { timeout: 5000 });
      expect(String(errors[0])).to.contain('<rk-certificate-query>');
      expect(customElements.get('rk-certificate-query')).to.equal(undefined);

      network.online();
      window.dispatchEvent(new Event('online'));
      await waitUntil(() => customElements.get('rk-certificate-query'), 'not loaded again once online', { timeout: 5000 });
    } finally {
      console.error = consoleError;
    }
  });
});
