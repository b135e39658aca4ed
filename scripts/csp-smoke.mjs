// Every element under a strict Content-Security-Policy: builds test/csp/ for production, serves
// it with the header below, runs the page in headless Chromium and fails on any CSP violation,
// page error or element that did not reach its state. No eval, no inline script, no inline style.
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { build } from 'vite';
import { launchChromium } from './browser.mjs';

export const POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:";
const root = resolve(import.meta.dirname, '..');
const outDir = mkdtempSync(join(tmpdir(), 'rk-csp-'));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml' };

await build({
  root,
  configFile: false,
  logLevel: 'warn',
  publicDir: resolve(root, 'public'),
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000, rolldownOptions: { input: resolve(root, 'test/csp/index.html') } },
});

const server = createServer((request, response) => {
  let file = normalize(join(outDir, decodeURIComponent(new URL(request.url, 'http://x').pathname)));
  if (!file.startsWith(outDir)) return response.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) return response.writeHead(404).end();
  const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Security-Policy': POLICY };
  if (file.endsWith('mockServiceWorker.js')) headers['Service-Worker-Allowed'] = '/';
  response.writeHead(200, headers);
  createReadStream(file).pipe(response);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const browser = await launchChromium();
const problems = [];
try {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
  });
  const response = await page.goto(`http://127.0.0.1:${server.address().port}/test/csp/index.html`, { waitUntil: 'load' });
  if (response.headers()['content-security-policy'] !== POLICY) problems.push('the page was not served with the policy');
  await page.waitForFunction(() => window.cspReport, { timeout: 90_000 });
  // Let late work (fonts, frames, images) report too.
  await new Promise((done) => setTimeout(done, 1500));
  const report = await page.evaluate(() => window.cspReport);
  const violations = await page.evaluate(() => window.cspViolations);
  for (const [name, outcome] of Object.entries(report)) {
    console.log(`  ${name}: ${outcome}`);
    if (outcome.startsWith('FAILED')) problems.push(`${name}: ${outcome}`);
  }
  for (const violation of violations) problems.push(`CSP violation: ${violation}`);
} finally {
  await browser.close();
  server.close();
  rmSync(outDir, { recursive: true, force: true });
}
if (problems.length) {
  console.error(`strict CSP: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`strict CSP (${POLICY}): every element works, no violation`);
