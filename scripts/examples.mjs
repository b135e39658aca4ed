// Builds the examples (React 19 and Vue 3 with Vite, against the built package in dist/) and
// smoke-tests them and the plain-HTML ones (the CDN file; the autoloader of dist/cdn/elements/,
// which must fetch no element the page does not show) in headless Chromium: each page must
// render the exam plan from the mock office and hand the choice of a qualification back to the
// page's own code. Run after `npm run build`. `--keep` leaves the builds in examples/*/dist.
import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { build, createServer, preview } from 'vite';
import { launchChromium } from './browser.mjs';

const root = resolve(import.meta.dirname, '..');
/** A site's bundler resolves the package to its build; here the package is this repository. */
const alias = [
  { find: /^ruankao-elements\/mocks$/, replacement: resolve(root, 'dist/mocks.js') },
  { find: /^ruankao-elements$/, replacement: resolve(root, 'dist/index.js') },
];

async function buildExample(name, plugins = []) {
  const exampleRoot = resolve(root, 'examples', name);
  await build({
    root: exampleRoot,
    configFile: false,
    logLevel: 'warn',
    // MSW's worker script, which the mock office needs at the site root.
    publicDir: resolve(root, 'public'),
    resolve: { alias },
    plugins,
    // The mock office (MSW) makes the example bundles large; a real app leaves it out.
    build: { outDir: resolve(exampleRoot, 'dist'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  });
  return exampleRoot;
}

/**
 * Opens `url`, waits for the plan, chooses the first qualification, expects the page to say so;
 * `forbidden`: URLs the page must not fetch.
 */
async function smoke(browser, label, url, forbidden = undefined) {
  const page = await browser.newPage();
  const problems = [];
  page.on('request', (request) => {
    if (forbidden?.test(request.url())) problems.push(`fetched ${request.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // Failed loads are reported with their URL below.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('rk-exam-plan')?.getAttribute('state') === 'ready', { timeout: 30000 });
  await page.evaluate(() => document.querySelector('rk-exam-plan').shadowRoot.querySelector('[part="select"]').click());
  await page.waitForFunction(() => document.querySelector('#chosen')?.textContent.includes('已选择：初级'), { timeout: 10000 });
  const said = await page.evaluate(() => document.querySelector('#chosen').textContent.trim());
  await page.close();
  if (problems.length) throw new Error(`${label}: ${problems.join('; ')}`);
  console.log(`example ${label} OK: ${said}`);
}

const browser = await launchChromium();
const servers = [];
try {
  const dev = await createServer({ root, configFile: false, logLevel: 'error', server: { port: 0 }, publicDir: resolve(root, 'public') });
  await dev.listen();
  servers.push(dev);
  await smoke(browser, 'plain-html (CDN file)', new URL('/examples/plain-html/index.html', dev.resolvedUrls.local[0]).href);
  await smoke(
    browser,
    'plain-html (autoloader)',
    new URL('/examples/plain-html/autoloader.html', dev.resolvedUrls.local[0]).href,
    // Only rk-provider and rk-exam-plan are on the page.
    /\/dist\/cdn\/(ruankao-elements\.js|elements\/rk-(?!provider|exam-plan)[a-z-]+\.js)/,
  );

  for (const [name, plugins] of [
    ['react', []],
    ['vue', [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('rk-') } } })]],
  ]) {
    const exampleRoot = await buildExample(name, plugins);
    const server = await preview({ root: exampleRoot, configFile: false, logLevel: 'error', preview: { port: 0 }, build: { outDir: resolve(exampleRoot, 'dist') } });
    servers.push(server);
    await smoke(browser, name, server.resolvedUrls.local[0]);
  }
} finally {
  await browser.close();
  for (const server of servers) await (server.close?.() ?? server.httpServer?.close());
}
