/**
 * The server's configuration, from environment variables (RK_*, DATABASE_URL, PORT) and command
 * line flags (the same names in kebab case: `--port 4200`). Checked with zod at start: a wrong
 * value stops the server with a message naming it.
 */
import { resolve } from 'node:path';
import * as z from 'zod/mini';

const bool = z.pipe(
  z.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])]),
  z.transform((value) => value === true || value === 'true' || value === '1' || value === 'yes' || value === 'on'),
);
const int = (min: number, max: number) =>
  z.pipe(z.union([z.number(), z.string().check(z.regex(/^\d+$/))]), z.transform(Number)).check(z.gte(min), z.lte(max));
const list = z.pipe(z.union([z.array(z.string()), z.string()]), z.transform((value) => (Array.isArray(value) ? value : value.split(',')).map((item) => item.trim()).filter(Boolean)));

export const ConfigSchema = z.object({
  /** `development` (the default of `npm run server`): test API, demo, log sender, simulated gateway allowed. `production` refuses them. */
  env: z._default(z.enum(['development', 'production', 'test']), 'development'),
  host: z._default(z.string(), '127.0.0.1'),
  port: z._default(int(0, 65535), 4200),
  /** The API's base path (the session cookie's Path). */
  basePath: z._default(z.string().check(z.regex(/^\/[A-Za-z0-9/_-]*$/)), '/api'),
  /** The URL the server is reached at from outside (behind a proxy); used for gateway notification URLs. Default: http://host:port. */
  publicUrl: z.optional(z.url()),
  /** PostgreSQL; unset: PGlite in `dataDir`. */
  databaseUrl: z._default(z.nullable(z.string().check(z.minLength(1))), null),
  /** PGlite's data and the photos (unless `photoDir` is set). */
  dataDir: z._default(z.string(), 'server-data'),
  photoDir: z.optional(z.string()),
  dbPoolSize: z._default(int(1, 200), 10),
  /** How long a request waits for a database connection (PGlite: for its one connection), ms; then 503. */
  dbConnectTimeoutMs: z._default(int(100, 60_000), 3000),
  /** How long a statement waits for a lock held by another (PostgreSQL's lock_timeout), ms; then 503. */
  dbLockTimeoutMs: z._default(int(100, 600_000), 3000),
  /** Longest statement (PostgreSQL's statement_timeout), ms; then 503. */
  dbStatementTimeoutMs: z._default(int(100, 600_000), 10_000),
  /** How long a client may take to send a request's headers, and the whole request, ms (slow clients: slowloris). */
  headersTimeoutMs: z._default(int(500, 600_000), 10_000),
  requestTimeoutMs: z._default(int(500, 600_000), 30_000),
  /** Which session carriers login hands out: `cookie`, `bearer` or `both`. */
  authModes: z._default(z.enum(['cookie', 'bearer', 'both']), 'both'),
  /** Mark the session cookie Secure (default: when publicUrl is https). */
  secureCookies: z.optional(bool),
  /** Origins allowed to call with credentials (CORS). */
  corsOrigins: z._default(list, []),
  /** Trust X-Forwarded-For / X-Forwarded-Proto from the reverse proxy in front. */
  trustProxy: z._default(bool, false),
  /** The office API's test part (captcha answers, codes sent, the clock). Never in production. */
  testApi: z._default(bool, false),
  /** Serve the demo page (with the QA panel's office key) at `/`. Never in production. */
  demo: z._default(bool, false),
  /** Where the built demo page is (`npm run server` builds it there). */
  demoDir: z.optional(z.string()),
  /** A staff key created at start (development and tests): `name:key`. */
  devStaff: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,40}:[\x21-\x7e]{16,128}$/))),
  /** Verification code sender: `log` (development) or `smtp` (e-mail; SMS needs a provider's sender). */
  sender: z._default(z.enum(['log', 'smtp']), 'log'),
  smtpUrl: z.optional(z.string()),
  smtpFrom: z._default(z.string(), 'noreply@example.gov.cn'),
  /** Payment gateway: `simulated` (development and tests). */
  gateway: z._default(z.enum(['simulated']), 'simulated'),
  /** The simulated gateway's URL; unset: the server runs one itself under /sim-gateway. */
  gatewayUrl: z.optional(z.url()),
  /** How long after an order's creation (or the last query) a status check asks the gateway again, ms. */
  gatewayQueryIntervalMs: z._default(int(1000, 86_400_000), 15_000),
  /** The gateway's public key (PEM) that signs notifications. */
  gatewayPublicKey: z.optional(z.string()),
  /** The captcha's spoken alternative: `auto` (espeak-ng when installed), `espeak-ng`, or `none`. */
  captchaSpeaker: z._default(z.enum(['auto', 'espeak-ng', 'none']), 'auto'),
  /** Document numbers the real-name verifier puts to manual review (comma-separated). */
  manualReview: z._default(list, []),
  /** Requests per minute from one address, and one account; logins, codes and captchas per minute from one address. */
  rateLimitAddress: z._default(int(1, 1_000_000), 1200),
  rateLimitAccount: z._default(int(1, 1_000_000), 300),
  rateLimitSensitive: z._default(int(1, 1_000_000), 300),
  /** scrypt cost (N); 16384 by default. */
  scryptCost: z._default(int(1024, 1 << 20), 16384),
  logLevel: z._default(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  /** Development and tests: wait this long after an operation before answering (a slow network; the kill -9 test). */
  responseDelayMs: z._default(int(0, 60_000), 0),
  /** Tests on PostgreSQL: wait this long before each COMMIT, so racing requests surely overlap. */
  commitDelayMs: z._default(int(0, 10_000), 0),
  /** How long a graceful shutdown waits for requests in flight, ms. */
  shutdownGraceMs: z._default(int(0, 600_000), 10_000),
});

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;

const ENV_NAMES: Record<string, keyof Config> = {
  PORT: 'port',
  DATABASE_URL: 'databaseUrl',
};

/** `RK_AUTH_MODES` → `authModes`. */
const camel = (name: string) => name.toLowerCase().replace(/_([a-z])/g, (_, char: string) => char.toUpperCase());
/** `--auth-modes` → `authModes`. */
const fromFlag = (flag: string) => flag.replace(/^--/, '').replace(/-([a-z])/g, (_, char: string) => char.toUpperCase());

/** Reads the configuration from the environment and flags (flags win); throws with every problem named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = []): Config {
  const input: Record<string, unknown> = {};
  const keys = new Set(Object.keys(ConfigSchema.shape));
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || value === '') continue;
    const key = ENV_NAMES[name] ?? (name.startsWith('RK_') ? camel(name.slice(3)) : undefined);
    if (key && keys.has(key)) input[key] = value;
  }
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const [flag, inline] = arg.split(/=(.*)/s) as [string, string | undefined];
    const key = fromFlag(flag.startsWith('--no-') ? `--${flag.slice(5)}` : flag);
    if (!keys.has(key)) throw new Error(`unknown option ${flag}`);
    if (flag.startsWith('--no-')) input[key] = false;
    else if (inline !== undefined) input[key] = inline;
    else if (argv[index + 1] !== undefined && !argv[index + 1]!.startsWith('--')) input[key] = argv[++index];
    else input[key] = true;
  }
  return parseConfig(input);
}

/** Checks a configuration object; throws with every problem named. */
export function parseConfig(input: ConfigInput | Record<string, unknown>): Config {
  const parsed = ConfigSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`);
    throw new Error(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const config = parsed.data;
  if (config.env === 'production') {
    const refused = [
      config.testApi && 'testApi (the office API\'s test part)',
      config.demo && 'demo',
      config.devStaff && 'devStaff (create staff with `npm run server:staff`)',
      config.sender === 'log' && 'sender=log (codes would only reach the log)',
      config.gateway === 'simulated' && 'gateway=simulated',
      config.responseDelayMs > 0 && 'responseDelayMs',
      config.commitDelayMs > 0 && 'commitDelayMs',
    ].filter(Boolean);
    if (refused.length > 0) throw new Error(`invalid configuration for production: ${refused.join(', ')}`);
  }
  config.dataDir = resolve(config.dataDir);
  if (config.demoDir) config.demoDir = resolve(config.demoDir);
  return config;
}

/** Where photos are kept. */
export const photoDirOf = (config: Config) => resolve(config.photoDir ?? `${config.dataDir}/photos`);
/** Where PGlite keeps its data. */
export const pgliteDirOf = (config: Config) => `${config.dataDir}/pglite`;
/** The URL the server is reached at. */
export const publicUrlOf = (config: Config, port: number) => (config.publicUrl ?? `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`).replace(/\/$/, '');
