/**
 * Development only (the configuration refuses it in production): the demo page served by the
 * server itself, so it talks to the API on the same origin with the session cookie. `npm run
 * server` builds the page first (Vite, VITE_RK_DEMO_BACKEND=server) into `demoDir`;
 * `/demo-config.json` gives the page's QA panel the development staff key for the office API.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import type { Hono } from 'hono';
import type { Services } from './services.js';

export function mountDemo(app: Hono, services: Services): void {
  const { config } = services;
  const root = config.demoDir;
  const officeKey = config.devStaff ? config.devStaff.slice(config.devStaff.indexOf(':') + 1) : '';
  app.get('/demo-config.json', (c) =>
    c.json({ apiBase: config.basePath, officeKey, gateway: config.gatewayUrl ? null : '/sim-gateway' }, 200, { 'Cache-Control': 'no-store' }),
  );
  if (!root || !existsSync(`${root}/demo/index.html`)) {
    app.get('/', (c) => c.text('The demo page is not built: run `npm run server` (it builds demo/ first), or set RK_DEMO_DIR.', 404));
    return;
  }
  app.get('/', (c) => c.redirect('/demo/index.html'));
  // serveStatic takes a root relative to the working directory.
  app.use('/*', serveStatic({ root: relative(process.cwd(), root) || '.' }));
}
