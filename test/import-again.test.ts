/**
 * importAgain (src/services/import-again.ts): a module whose download failed is fetched again on
 * the next call, in every engine. Firefox answers a second `import()` of a URL that failed with
 * the first failure, without a request: without the retry URL the second call fails there. The
 * elements' own uses (forms' checks, the photo engine, the portal's views, the autoloader on the
 * built files) are tested in lazy-checks.test.ts and cdn-autoloader.test.ts.
 */
import { expect } from './helpers/testing.js';
import { failedModuleUrl, importAgain } from '../src/services/import-again.js';
import { engine } from './helpers/commands.js';
import { offlineFor, watchRequests } from './helpers/mock-office.js';

describe('importAgain', () => {
  it('fetches a module whose download failed again once the network is back', async () => {
    const network = await offlineFor(/\/fixtures\/modules\/lazy-a\.ts/);
    const load = importAgain(() => import('./fixtures/modules/lazy-a.js'));
    let error: unknown;
    await load().catch((e: unknown) => (error = e));
    expect(error, 'the first import fails offline').to.be.instanceOf(TypeError);
    const before = network.requests();
    expect(before).to.be.greaterThan(0);

    network.online();
    const module = await load();
    expect(module.name).to.equal('lazy-a');
    expect(network.requests(), 'fetched again, not answered from the first failure').to.be.greaterThan(before);
    // Once there, it stays: the next call asks for nothing more.
    expect((await load()).name).to.equal('lazy-a');
  });

  it('shares what the module imports with the rest of the page (nothing loaded twice)', async () => {
    const network = await offlineFor(/\/fixtures\/modules\/lazy-b\.ts/);
    const parts = await watchRequests(/\/fixtures\/modules\/lazy-b-part\.ts/);
    const load = importAgain(() => import('./fixtures/modules/lazy-b.js'));
    await load().catch(() => undefined);
    network.online();
    const module = await load();
    expect(module.name).to.equal('lazy-b with lazy-b-part');
    const part = await import('./fixtures/modules/lazy-b-part.js');
    expect(module.partModule, 'one instance of the imported module').to.equal(part);
    expect(parts.paths()).to.have.length(1);
  });

  it('never answers with another module when a module it imports failed', async () => {
    const network = await offlineFor(/\/fixtures\/modules\/lazy-c-part\.ts/);
    const load = importAgain(() => import('./fixtures/modules/lazy-c.js'));
    await load().catch(() => undefined);
    network.online();
    const retry = await load().then(
      (module) => ({ module }),
      (error: unknown) => ({ error }),
    );
    if (engine === 'firefox') {
      // Firefox keeps the failure of a static import for the page's life (see import-again.ts):
      // the retry fails again, as a network failure, instead of answering with lazy-c-part.
      expect(retry).to.have.property('error').that.is.instanceOf(TypeError);
    } else {
      expect(retry).to.have.nested.property('module.name', 'lazy-c with lazy-c-part');
    }
  });
});

describe('failedModuleUrl', () => {
  const load = () => import('./fixtures/modules/lazy-a.js');
  const named = (loader: () => unknown, message: string) => failedModuleUrl(loader, new TypeError(message))?.href;

  it('reads the URL of the module from Firefox’s and Chromium’s failures', () => {
    const url = 'https://example.org/static/elements/chunks/login-checks-BZ4i.js?v=2';
    // A loader as a minifier writes it.
    const minified = new Function('return ()=>import(`./login-checks-BZ4i.js`)')() as () => Promise<unknown>;
    expect(named(minified, `error loading dynamically imported module: ${url}`)).to.equal(url);
    expect(named(minified, `Failed to fetch dynamically imported module: ${url}`)).to.equal(url);
  });

  it('names nothing for a failure that names another module, or none (WebKit), or a loader without import()', () => {
    const other = new URL('./fixtures/modules/lazy-a-part.ts', location.href).href;
    expect(named(load, `error loading dynamically imported module: ${other}`)).to.equal(undefined);
    expect(named(load, 'Importing a module script failed.')).to.equal(undefined);
    const bundled = new Function('return () => __webpack_require__.e(7).then(() => __webpack_require__(8))')() as () => Promise<unknown>;
    expect(named(bundled, 'Loading chunk 7 failed. (error: https://example.org/7.js)')).to.equal(undefined);
  });
});
