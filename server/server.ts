/**
 * Starts the reference server: opens the database (PGlite in the data folder, or PostgreSQL at
 * DATABASE_URL), applies the migrations, seeds the round once, wires the outside world (code
 * sender, gateway, photo storage, real-name verifier, captcha speaker) and serves the app.
 * `close()` shuts down gracefully: /readyz turns 503, no new connections, requests in flight
 * finish (up to the grace period), then the database closes.
 */
import { createAdaptorServer } from '@hono/node-server';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { pino, type Logger } from 'pino';
import { seedExamSession } from '../src/mocks/seed.js';
import { createApp } from './app.js';
import { findEspeak, type CaptchaSpeaker } from './captcha/speaker.js';
import { OfficeClock } from './clock.js';
import { type Config, pgliteDirOf, photoDirOf, publicUrlOf } from './config.js';
import { type Database, openPglite, openPostgres } from './db/database.js';
import { migrate } from './db/migrate.js';
import type { PaymentGateway } from './gateway/gateway.js';
import { SimulatedGateway } from './gateway/simulated.js';
import { SimulatedGatewayClient } from './gateway/simulated-client.js';
import { purgeIdempotencyKeys } from './idempotency.js';
import { ensureStaff } from './office/staff.js';
import { DiskPhotoStorage } from './photos/storage.js';
import { purgeRateLimits } from './rate-limit.js';
import { IdRulesVerifier } from './realname/verifier.js';
import { serverSecret } from './secrets.js';
import { LogSender } from './senders/log-sender.js';
import { ChannelSender, type CodeSender } from './senders/sender.js';
import { SmtpSender } from './senders/smtp-sender.js';
import type { Services } from './services.js';
import type { Hono } from 'hono';

export interface RunningServer {
  /** The server's origin, e.g. `http://127.0.0.1:4200`. */
  origin: string;
  /** The API base URL, e.g. `http://127.0.0.1:4200/api`. */
  apiUrl: string;
  port: number;
  services: Services;
  /** The simulated gateway the server runs itself (when no gateway URL is configured). */
  simulatedGateway: SimulatedGateway | null;
  /** Graceful shutdown. */
  close(): Promise<void>;
}

export interface StartOptions {
  /** An open database (tests share one between two app instances); else opened from the config. */
  db?: Database;
  logger?: Logger;
  /** Extra routes (the demo page). */
  mount?: (app: Hono, services: Services) => void;
}

/** Opens the database the configuration names and migrates it. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl) {
    return openPostgres(config.databaseUrl, {
      poolSize: config.dbPoolSize,
      connectTimeoutMs: config.dbConnectTimeoutMs,
      lockTimeoutMs: config.dbLockTimeoutMs,
      statementTimeoutMs: config.dbStatementTimeoutMs,
      commitDelayMs: config.commitDelayMs,
    });
  }
  mkdirSync(config.dataDir, { recursive: true });
  return openPglite(pgliteDirOf(config), { waitTimeoutMs: config.dbConnectTimeoutMs });
}

/** Seeds the current round once (the mock's seed: registration open from 3 days ago to 10 days ahead). */
export async function seedRound(db: Database, nowMs = Date.now()): Promise<void> {
  const session = seedExamSession(new Date(nowMs));
  const { serverTime: _serverTime, ...data } = session;
  await db.transaction(async (tx) => {
    const current = await tx.query('SELECT id FROM rounds WHERE is_current FOR UPDATE');
    if (current.rowCount > 0) return;
    await tx.query('INSERT INTO rounds (id, data, is_current, created_at) VALUES ($1, $2::jsonb, true, $3) ON CONFLICT DO NOTHING', [session.id, JSON.stringify(data), new Date(nowMs)]);
  });
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.logger ?? pino({ level: config.logLevel, base: { service: 'ruankao-server' } });
  const ownDb = !options.db;
  const db = options.db ?? (await openConfiguredDatabase(config));
  const applied = await migrate(db);
  if (applied.length > 0) log.info({ applied }, 'migrations applied');
  await seedRound(db);
  const secret = await serverSecret(db);
  if (config.devStaff) {
    const [name, key] = [config.devStaff.slice(0, config.devStaff.indexOf(':')), config.devStaff.slice(config.devStaff.indexOf(':') + 1)];
    await ensureStaff(db, name, key);
  }

  const sender: CodeSender =
    config.sender === 'smtp'
      ? new ChannelSender(null, new SmtpSender({ url: config.smtpUrl ?? '', from: config.smtpFrom }))
      : new LogSender(log);
  const speaker: CaptchaSpeaker | null = config.captchaSpeaker === 'none' ? null : findEspeak();
  if (config.captchaSpeaker === 'espeak-ng' && !speaker) throw new Error('captchaSpeaker=espeak-ng but /usr/bin/espeak-ng is not installed');

  let draining = false;
  let inFlight = 0;
  let idle: (() => void) | null = null;
  let simulatedGateway: SimulatedGateway | null = null;
  let app: Hono | null = null;
  const server = createAdaptorServer({
    // Slow clients (slowloris): headers within headersTimeoutMs, the whole request within
    // requestTimeoutMs, checked every second (Node's default checks every 30 s), else 408 and closed.
    serverOptions: {
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: Math.max(config.requestTimeoutMs, config.headersTimeoutMs),
      connectionsCheckingInterval: Math.min(1000, Math.floor(config.headersTimeoutMs / 2)),
    },
    fetch: async (request: Request, env: unknown) => {
      inFlight += 1;
      try {
        if (!app) return new Response('{"code":"SERVICE_UNAVAILABLE","message":"系统启动中，请稍后再试。"}', { status: 503, headers: { 'Content-Type': 'application/json', 'Retry-After': '2' } });
        const response = await app.fetch(request, env as never);
        // Draining: the client opens its next request elsewhere (behind a load balancer, another instance).
        if (draining) {
          try {
            response.headers.set('Connection', 'close');
          } catch {
            // an immutable response: the connection closes when the server does
          }
        }
        return response;
      } finally {
        inFlight -= 1;
        if (inFlight === 0) idle?.();
      }
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = publicUrlOf(config, port);

  let gateway: PaymentGateway;
  if (config.gatewayUrl) {
    if (!config.gatewayPublicKey) throw new Error('gatewayUrl needs gatewayPublicKey (the PEM that signs its notifications)');
    gateway = new SimulatedGatewayClient({ url: config.gatewayUrl, publicKey: config.gatewayPublicKey });
  } else {
    simulatedGateway = new SimulatedGateway({
      keyFile: config.databaseUrl ? undefined : `${config.dataDir}/sim-gateway/key.pem`,
      stateFile: config.databaseUrl ? undefined : `${config.dataDir}/sim-gateway/trades.json`,
      publicUrl: `${origin}/sim-gateway`,
      onDelivery: (event) => log.debug(event, 'simulated gateway delivery'),
    });
    gateway = new SimulatedGatewayClient({ url: `http://127.0.0.1:${port}/sim-gateway`, publicKey: simulatedGateway.publicKeyPem });
  }
  const base = config.basePath === '/' ? '' : config.basePath.replace(/\/$/, '');
  const services: Services = {
    config,
    db,
    log,
    clock: new OfficeClock(config.testApi),
    secret,
    sender,
    gateway,
    notifyUrl: `${config.databaseUrl || config.gatewayUrl ? origin : `http://127.0.0.1:${port}`}${base}/gateway/${gateway.id}/notify`,
    photos: new DiskPhotoStorage(photoDirOf(config)),
    verifier: new IdRulesVerifier(new Set(config.manualReview)),
    speaker,
  };

  app = createApp(services, {
    draining: () => draining,
    mount: (hono) => {
      if (simulatedGateway) hono.route('/sim-gateway', simulatedGateway.routes());
      options.mount?.(hono, services);
    },
  });

  const janitor = setInterval(() => {
    const now = Date.now();
    void Promise.all([
      purgeRateLimits(db, now),
      purgeIdempotencyKeys(db, now),
      db.query('DELETE FROM sessions WHERE expires_at < $1', [new Date(now - 24 * 60 * 60 * 1000)]),
      db.query('DELETE FROM captchas WHERE expires_at < $1', [new Date(now - 24 * 60 * 60 * 1000)]),
    ]).catch((error: unknown) => log.warn({ err: error }, 'janitor failed'));
  }, 60_000);
  janitor.unref();

  log.info({ origin, api: `${origin}${base}`, database: db.kind, authModes: config.authModes, testApi: config.testApi, gateway: gateway.id, sender: sender.name, speaker: speaker?.name ?? 'none' }, 'ruankao reference server listening');

  let closing: Promise<void> | null = null;
  return {
    origin,
    apiUrl: `${origin}${base}`,
    port,
    services,
    simulatedGateway,
    close: () =>
      (closing ??= (async () => {
        draining = true;
        clearInterval(janitor);
        simulatedGateway?.close();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        const deadline = Date.now() + config.shutdownGraceMs;
        if (inFlight > 0) await Promise.race([new Promise<void>((resolve) => (idle = resolve)), new Promise((resolve) => setTimeout(resolve, config.shutdownGraceMs))]);
        // The last answers are being written: connections close as they become idle, until the grace period ends.
        let ended = false;
        void closed.then(() => (ended = true));
        while (!ended && Date.now() < deadline) {
          (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        await closed;
        if (ownDb) await db.close();
        log.info('ruankao reference server stopped');
      })()),
  };
}
