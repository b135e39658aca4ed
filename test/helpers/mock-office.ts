/** The mock exam office for element tests: one MSW worker per test page, on `/api`. */
import { http, HttpResponse, passthrough } from 'msw';
import { startMockOffice, type ExamOffice } from '../../src/mocks/index.js';

let started: Promise<ExamOffice> | undefined;

/** Starts the office once per page and returns it (call `setScenario()` in `beforeEach`). */
export function mockOffice(): Promise<ExamOffice> {
  started ??= startMockOffice({ baseUrl: '/api', quiet: true }).then(({ office }) => office);
  return started;
}

/** Resets the office to a scenario with a short latency (requests still go through MSW). */
export async function freshOffice(scenario: Parameters<ExamOffice['setScenario']>[0] = 'happy-path'): Promise<ExamOffice> {
  const office = await mockOffice();
  office.setScenario(scenario);
  office.faults = { ...office.faults, latencyMs: 20 };
  return office;
}

/** Fetches of `file` fail until `online()`; `requests()` counts them. */
export async function offlineFor(file: RegExp): Promise<{ online: () => void; requests: () => number; seen: () => string }> {
  await mockOffice(); // started quietly, if this is the first use
  const { worker } = await startMockOffice();
  let offline = true;
  const seen: string[] = [];
  worker.use(
    http.get(file, ({ request }) => {
      const url = new URL(request.url);
      seen.push(`${url.pathname}${url.search} ${offline ? 'failed' : 'passed'}`);
      return offline ? HttpResponse.error() : passthrough();
    }),
  );
  // `seen`: the requests, for a failure message.
  return { online: () => (offline = false), requests: () => seen.length, seen: () => seen.join(', ') || 'none' };
}

/** Counts the requests for files matching `file` (letting them through), with their paths. */
export async function watchRequests(file: RegExp): Promise<{ paths: () => string[] }> {
  await mockOffice(); // started quietly, if this is the first use
  const { worker } = await startMockOffice();
  const paths: string[] = [];
  worker.use(
    http.get(file, ({ request }) => {
      paths.push(new URL(request.url).pathname);
      return passthrough();
    }),
  );
  return { paths: () => [...paths] };
}
