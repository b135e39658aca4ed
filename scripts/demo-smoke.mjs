// Opens the demo page (what `npm start` serves) in headless Chromium and checks that it runs on
// the mock exam office: the portal shows the round, the provider has a session state, no page
// errors; on the main demo (cookie sessions, as a backend in cookie mode), a candidate signed in
// through the QA panel is still signed in after a reload of the page.
// `--path /demo/elements.html` checks the page of single elements instead.
// `node scripts/demo-smoke.mjs --screenshot out.png [--width 390]` also saves a picture.
// The dev server starts from a clean state (its own empty dependency cache, as on a fresh clone),
// and any warning or error it prints fails the check: `npm start` must greet a newcomer cleanly.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createServer } from 'vite';
import { launchChromium } from './browser.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const path = option('--path') ?? '/demo/index.html';
const screenshot = option('--screenshot');
const width = Number(option('--width') ?? 1280);

const problems = [];
const logger = createLogger('warn');
for (const level of ['warn', 'warnOnce', 'error']) {
  const log = logger[level].bind(logger);
  logger[level] = (message, options) => {
    problems.push(`dev server ${level === 'error' ? 'error' : 'warning'}: ${message}`);
    log(message, options);
  };
}
const cacheDir = mkdtempSync(join(tmpdir(), 'rk-demo-vite-'));
const server = await createServer({ customLogger: logger, cacheDir, server: { port: 0, open: false } });
await server.listen();
const url = new URL(path, server.resolvedUrls.local[0]).href;
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()} ${message.location()?.url ?? ''}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  await ready(page);
  if (path === '/demo/index.html') {
    // Sign 张三 in through the QA panel, then load the page again: the session cookie keeps him signed in.
    await page.evaluate(() => {
      const select = document.querySelector('demo-qa-panel').shadowRoot.querySelector('#stage');
      select.value = 'verified';
      select.dispatchEvent(new Event('change'));
    });
    const signedIn = () => document.querySelector('rk-provider').session?.user?.account === '13800138000';
    await page.waitForFunction(signedIn, { timeout: 15000 });
    await page.reload({ waitUntil: 'load' });
    await ready(page);
    if (!(await page.evaluate(signedIn))) problems.push('after a reload, the candidate is no longer signed in');
    else console.log('signed in through the QA panel, still signed in after a reload');
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true });
  const title = await page.evaluate(() => {
    const portal = document.querySelector('rk-portal');
    return portal ? portal.shadowRoot.querySelector('[part="round"] h2')?.textContent : document.title;
  });
  console.log(`demo OK at ${url}: ${title}`);
} catch (error) {
  problems.push(String(error));
} finally {
  await browser.close();
  await server.close();
  rmSync(cacheDir, { recursive: true, force: true });
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}

/** Every rk-* element on the page is defined and has rendered; the portal (if any) shows the round. */
async function ready(page) {
  await page.waitForFunction(
    () => {
      const elements = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('rk-'));
      const portal = document.querySelector('rk-portal');
      const providersReady = [...document.querySelectorAll('rk-provider')].every((p) => p.getAttribute('session-state') === 'ready');
      return (
        elements.length > 0 &&
        elements.every((el) => customElements.get(el.localName) && el.shadowRoot?.childElementCount) &&
        providersReady &&
        (!portal || portal.shadowRoot.querySelector('[part="round"] h2'))
      );
    },
    { timeout: 30000 },
  );
}
