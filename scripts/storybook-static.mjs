// Serving the static Storybook build (storybook-static/) without a Storybook server, and waiting
// until a story has rendered and run its play function: shared by the screenshot and axe scripts.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(fileURLToPath(new URL('../storybook-static/', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export function serve() {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404).end('not found');
      return;
    }
    const headers = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
    // MSW's worker must be allowed to control the whole origin.
    if (file.endsWith('mockServiceWorker.js')) headers['Service-Worker-Allowed'] = '/';
    response.writeHead(200, headers);
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/** Waits until Storybook has rendered the story and finished its play function. */
export async function waitForStory(page) {
  await page.waitForFunction(
    () => {
      const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
      if (phase === 'errored' || phase === 'aborted') return true;
      if (phase !== 'completed' && phase !== 'finished' && phase !== 'played') return false;
      // The story's elements have drawn their shadow roots.
      const elements = [...document.querySelectorAll('#storybook-root *')].filter(
        (el) => el.localName.includes('-') && el.localName !== 'rk-provider',
      );
      return elements.length > 0 && elements.every((el) => el.shadowRoot && el.shadowRoot.childElementCount > 0);
    },
    { timeout: 20_000, polling: 100 },
  );
  const phase = await page.evaluate(() => window.__STORYBOOK_PREVIEW__?.currentRender?.phase);
  if (phase === 'errored') {
    const error = await page.evaluate(() => document.querySelector('#error-message, .sb-errordisplay')?.textContent ?? '');
    throw new Error(`story errored: ${error.trim().slice(0, 500)}`);
  }
  // Let images (captcha) decode and transitions settle.
  await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode().catch(() => undefined))));
  await new Promise((done) => setTimeout(done, 300));
}

