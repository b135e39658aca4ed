/**
 * Loads the built, self-contained CDN file (`npm test` builds it first) as a CMS page would, and
 * checks the elements really work: a build can "succeed" and still ship untranslated decorators.
 */
import { expect, waitUntil } from './helpers/testing.js';

const CDN_FILE = '/dist/cdn/ruankao-elements.js';

describe('dist/cdn build', () => {
  let source = '';

  before(async () => {
    const response = await fetch(CDN_FILE);
    expect(response.ok, `${CDN_FILE} missing: run npm run build`).to.equal(true);
    source = await response.text();
    await import(/* @vite-ignore */ CDN_FILE);
  });

  it('defines every element the package exports', async () => {
    const pkg = await (await fetch('/package.json')).json();
    const tags = Object.keys(pkg.exports as Record<string, unknown>)
      .filter((key) => key.startsWith('./rk-'))
      .map((key) => key.slice(2));
    expect(tags).to.include('rk-provider');
    const undefinedTags = tags.filter((tag) => typeof customElements.get(tag) !== 'function');
    expect(undefinedTags).to.deep.equal([]);
  });

  it('contains no untranslated decorator syntax and no bare imports', () => {
    expect(source).to.not.match(/^\s*@(property|state|customElement)\(/m);
    expect(source).to.not.match(/\bfrom\s*["'](lit|@lit\/|zod)/);
    expect(source).to.not.match(/import\s*["'](lit|@lit\/|zod)/);
  });

  it('is fully minified: no module comments, no indented lines outside templates', () => {
    expect(source).to.not.match(/^\/\/ (src|node_modules)\//m);
    expect(source.split('\n').filter((line) => /^\t/.test(line)).length).to.equal(0);
  });

  it('has the licences of the packages it bundles beside it (minified away from the code)', async () => {
    for (const folder of ['/dist/cdn/', '/dist/cdn/elements/']) {
      const response = await fetch(`${folder}THIRD-PARTY-LICENSES.md`);
      expect(response.ok, `${folder}THIRD-PARTY-LICENSES.md missing`).to.equal(true);
      const sections = (await response.text()).split(/^## /m).slice(1);
      const names = sections.map((section) => section.split(' ')[0]);
      for (const name of ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context', 'zod', 'uqr', 'jsbarcode', 'browser-image-compression']) {
        expect(names, folder).to.include(name);
      }
      for (const section of sections) expect(section, `${folder}: ${section.split('\n')[0]}`).to.match(/Copyright \(c\) \d{4}/i);
    }
  });

  it('reflects reactive properties, so the decorators ran', async () => {
    const provider = document.createElement('rk-provider') as HTMLElement & { lang: string; updateComplete: Promise<boolean> };
    document.body.append(provider);
    provider.lang = 'en';
    await provider.updateComplete;
    expect(provider.getAttribute('lang')).to.equal('en');
    expect(provider.shadowRoot).to.not.equal(null);
    provider.remove();
  });

  it('loads the session from api-base and shows a retry when the backend is unreachable', async () => {
    const provider = document.createElement('rk-provider') as HTMLElement & { updateComplete: Promise<boolean> };
    // Nothing listens on port 9 here: the connection is refused, as when the backend is down.
    provider.setAttribute('api-base', 'http://127.0.0.1:9/api');
    document.body.append(provider);
    await waitUntil(() => provider.getAttribute('session-state') === 'error', 'the session request did not fail', {
      timeout: 5000,
    });
    await provider.updateComplete;
    expect(provider.shadowRoot!.querySelector('[part="session-error"]')!.textContent).to.contain('网络连接失败');
    expect(provider.shadowRoot!.querySelector('[part="session-error"] button')).to.not.equal(null);
    provider.remove();
  });

  it('offers no retry when api-base points at nothing (HTTP 404: a setting to fix, not a glitch)', async () => {
    const provider = document.createElement('rk-provider') as HTMLElement & { updateComplete: Promise<boolean> };
    provider.setAttribute('api-base', '/no-such-api');
    document.body.append(provider);
    await waitUntil(() => provider.getAttribute('session-state') === 'error', 'the session request did not fail', {
      timeout: 5000,
    });
    await provider.updateComplete;
    expect(provider.shadowRoot!.querySelector('[part="session-error"]')!.textContent).to.contain('404');
    expect(provider.shadowRoot!.querySelector('[part="session-error"] button')).to.equal(null);
    provider.remove();
  });
});
