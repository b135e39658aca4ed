/**
 * The mock exam office over real HTTP (Node, `@hono/node-server`): the same office and answers as
 * the MSW handlers, with real cookies, CORS and concurrent requests. For the conformance kit's
 * own tests, and for QA who want a backend on a port:
 *
 *   npm run mock-server -- --port 4100 --auth cookie --allow-origin http://localhost:5173
 *
 * Options: --port (4100), --host (127.0.0.1), --base (/api), --auth bearer|cookie|both (both),
 * --latency ms (0), --office-key (mock-office-key), --no-test-api, --allow-origin <origin>
 * (repeatable; `*` echoes any origin, for development only).
 */
import { createAdaptorServer } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createFetchHandler } from '../src/mocks/fetch-handler.js';
import { ExamOffice, type ExamOfficeOptions } from '../src/mocks/office.js';
import type { AuthMode } from '../src/mocks/state.js';

export interface MockOfficeServerOptions extends ExamOfficeOptions {
  port?: number;
  host?: string;
  /** The API base path. Default `/api`. */
  basePath?: string;
  /** Origins allowed to call with credentials (CORS); `*` echoes any. Default none. */
  allowOrigins?: string[];
  /** Wraps the office's fetch handler (the kit's tests break the office this way). */
  wrap?: (handler: (request: Request) => Promise<Response>, office: ExamOffice) => (request: Request) => Promise<Response>;
}

export interface RunningMockOffice {
  /** The API base URL, e.g. `http://127.0.0.1:4100/api`. */
  url: string;
  office: ExamOffice;
  close(): Promise<void>;
}

const ALLOWED_HEADERS = 'Content-Type, Accept, Authorization, Idempotency-Key, X-CSRF-Token, X-Office-Key';

/** Adds CORS with credentials for the allowed origins, and answers preflights. */
function withCors(handler: (request: Request) => Promise<Response>, allowOrigins: string[]) {
  const allowed = (origin: string | null) => origin !== null && (allowOrigins.includes('*') || allowOrigins.includes(origin));
  return async (request: Request): Promise<Response> => {
    const origin = request.headers.get('Origin');
    if (!allowed(origin)) return handler(request);
    const cors: Record<string, string> = {
      'Access-Control-Allow-Origin': origin!,
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Expose-Headers': 'Retry-After',
      Vary: 'Origin',
    };
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: { ...cors, 'Access-Control-Allow-Methods': 'GET, POST, PUT', 'Access-Control-Allow-Headers': ALLOWED_HEADERS, 'Access-Control-Max-Age': '600' },
      });
    }
    const response = await handler(request);
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(cors)) headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

/** Starts the mock office on a port (0: any free one). */
export async function startMockOfficeServer(options: MockOfficeServerOptions = {}): Promise<RunningMockOffice> {
  const { port = 0, host = '127.0.0.1', basePath = '/api', allowOrigins = [], wrap, ...officeOptions } = options;
  const office = new ExamOffice({ latencyMs: 0, auth: 'both', ...officeOptions });
  let handler = createFetchHandler(office, { basePath });
  if (wrap) handler = wrap(handler, office);
  const server = createAdaptorServer({ fetch: withCors(handler, allowOrigins) });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}${basePath}`,
    office,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4100' },
      host: { type: 'string', default: '127.0.0.1' },
      base: { type: 'string', default: '/api' },
      auth: { type: 'string', default: 'both' },
      latency: { type: 'string', default: '0' },
      'office-key': { type: 'string' },
      'no-test-api': { type: 'boolean', default: false },
      'allow-origin': { type: 'string', multiple: true, default: [] },
    },
  });
  if (!['bearer', 'cookie', 'both'].includes(values.auth)) throw new Error('--auth must be bearer, cookie or both');
  const running = await startMockOfficeServer({
    port: Number(values.port),
    host: values.host,
    basePath: values.base,
    auth: values.auth as AuthMode,
    latencyMs: Number(values.latency),
    testApi: !values['no-test-api'],
    allowOrigins: values['allow-origin'],
    ...(values['office-key'] ? { officeKey: values['office-key'] } : {}),
  });
  console.log(`mock exam office: ${running.url} (auth ${values.auth}, office key ${running.office.officeKey})`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
