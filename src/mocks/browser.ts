/**
 * Starts the mock exam office in the browser: an MSW service worker answering the REST contract
 * under `baseUrl`. Memoised per page: a second call reuses the running worker (and swaps in
 * the handlers of another office or base URL).
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createHandlers } from './handlers.js';
import { ExamOffice } from './office.js';
import type { ScenarioName } from './scenarios.js';
import type { AuthMode } from './state.js';

/** Options of {@link startMockOffice}. */
export interface StartMockOfficeOptions {
  /** The office to serve; default: the running one, or a new `ExamOffice`. */
  office?: ExamOffice;
  /** The API base. Default: the running worker's, else `/api`. */
  baseUrl?: string;
  /** Applies this scenario (which resets the office's state). */
  scenario?: ScenarioName;
  /** How the office hands out sessions at login: `bearer` (default for a new office), `cookie` (httpOnly cookie and CSRF token) or `both`. */
  auth?: AuthMode;
  /** Don't log intercepted requests. Default false. */
  quiet?: boolean;
  /** Where MSW's worker script is served. Default `/mockServiceWorker.js`. */
  serviceWorkerUrl?: string;
}

/** The running mock office. */
export interface MockOffice {
  office: ExamOffice;
  worker: SetupWorker;
  /** Stops the worker; the next `startMockOffice()` starts a new one. */
  stop(): void;
}

interface Running {
  office: ExamOffice;
  baseUrl: string;
  worker: SetupWorker;
  ready: Promise<void>;
}

let running: Running | undefined;

/** Starts (once per page) the MSW worker serving an `ExamOffice`. */
export async function startMockOffice(options: StartMockOfficeOptions = {}): Promise<MockOffice> {
  let current = running;
  const baseUrl = options.baseUrl ?? current?.baseUrl ?? '/api';
  if (!current) {
    const office = options.office ?? new ExamOffice(options.scenario ? { scenario: options.scenario } : {});
    if (options.office && options.scenario) office.setScenario(options.scenario);
    if (options.auth) office.authMode = options.auth;
    const worker = setupWorker(...createHandlers(office, { baseUrl }));
    const ready = worker
      .start({
        onUnhandledRequest: 'bypass',
        quiet: options.quiet ?? false,
        serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
      })
      .then(() => undefined);
    current = running = { office, baseUrl, worker, ready };
    try {
      await ready;
    } catch (error) {
      if (running === current) running = undefined;
      throw error;
    }
    return handle(current);
  }
  await current.ready;
  const office = options.office ?? current.office;
  if (office !== current.office || baseUrl !== current.baseUrl) {
    current.office = office;
    current.baseUrl = baseUrl;
    current.worker.resetHandlers(...createHandlers(office, { baseUrl }));
  }
  if (options.scenario) office.setScenario(options.scenario);
  if (options.auth) office.authMode = options.auth;
  return handle(current);
}

function handle(current: Running): MockOffice {
  return {
    office: current.office,
    worker: current.worker,
    stop() {
      if (running !== current) return;
      running = undefined;
      current.worker.stop();
    },
  };
}
