/**
 * Loads two files of the per-element CDN build (`dist/cdn/elements/`, built before the tests) as
 * a CMS page that embeds only the exam plan would: only those elements are defined, every file
 * the page fetched is minified, self-contained code, and the plan works on the mock office.
 */
import { expect, waitUntil } from './helpers/testing.js';
import { freshOffice } from './helpers/mock-office.js';

const DIR = '/dist/cdn/elements/';
// The test page itself loads hundreds of files: room for the built ones in the resource timings.
performance.setResourceTimingBufferSize(5000);

describe('dist/cdn/elements build', () => {
  before(async () => {
    await freshOffice();
    for (const tag of ['rk-provider', 'rk-exam-plan']) {
      const response = await fetch(`${DIR}${tag}.js`);
      expect(response.ok, `${DIR}${tag}.js missing: run npm run build`).to.equal(true);
      await import(/* @vite-ignore */ `${DIR}${tag}.js`);
    }
  });

  it('defines the elements the page loaded and no others', () => {
    expect(typeof customElements.get('rk-provider')).to.equal('function');
    expect(typeof customElements.get('rk-exam-plan')).to.equal('function');
    expect(customElements.get('rk-login')).to.equal(undefined);
    expect(customElements.get('rk-registration-form')).to.equal(undefined);
  });

  it('shows the plan in Chinese from the office, through the built files only', async () => {
    const provider = document.createElement('rk-provider');
    provider.setAttribute('api-base', '/api');
    const plan = document.createElement('rk-exam-plan') as HTMLElement & { state: string; updateComplete: Promise<boolean> };
    provider.append(plan);
    document.body.append(provider);
    await waitUntil(() => plan.state === 'ready', 'the plan never loaded', { timeout: 5000 });
    await plan.updateComplete;
    const text = plan.shadowRoot!.textContent!;
    expect(text).to.contain('考试计划');
    expect(text).to.contain('元');
    expect(text).to.not.match(/\bplan\.[a-zA-Z]/); // a message key shown instead of its text
    provider.remove();
  });

  it('fetched only minified files with no bare imports and no decorator syntax', async () => {
    const urls = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith(DIR) && path.endsWith('.js'));
    expect(urls.length).to.be.greaterThan(2);
    expect(urls.some((path) => path.includes('/chunks/response-check-'))).to.equal(true);
    for (const url of new Set(urls)) {
      const source = await (await fetch(url)).text();
      expect(source, url).to.not.match(/^\s*@(property|state|customElement)\(/m);
      expect(source, url).to.not.match(/\bfrom\s*["'](lit|@lit\/|zod)/);
      expect(source, url).to.not.match(/import\s*["'](lit|@lit\/|zod)/);
      expect(source, `${url} is minified`).to.not.match(/^\/\/ (src|node_modules)\//m);
    }
  });
});
