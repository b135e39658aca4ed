/** The demo page served by the server (development): placeholder until the demo build is wired. */
import type { Hono } from 'hono';
import type { Services } from './services.js';

export function mountDemo(app: Hono, services: Services): void {
  void services;
  app.get('/', (c) => c.text('demo'));
}
