/** Breaking chosen adapter calls of the mock office in each way the fault matrices try. */
import { http, HttpResponse } from 'msw';
import { startMockOffice, type ExamOffice, type FaultMode } from '../../src/mocks/index.js';
import { operations, type OperationName } from '../../src/services/contract.js';
import { engine } from './commands.js';

/**
 * The HttpBackend timeout of the fault matrices: short, so a timeout cell is quick. WebKit (its
 * MiniBrowser beside Xvfb and the driver) answers more slowly on a busy 2-core machine, where 2 s
 * made ordinary answers time out now and then (and 4 s once, at a load of 10).
 */
export const QUICK_TIMEOUT_MS = engine === 'webkit' ? 6000 : 2000;

export type Fault = Exclude<FaultMode, 'none' | 'http-503'> | 'rate-limited';
export const FAULTS: Fault[] = ['network', 'timeout', 'http-500', 'malformed-json', 'invalid-schema', 'rate-limited'];

/** The refusal every operation of the contract may answer: 429 RATE_LIMITED, with when to try again. */
export const RATE_LIMIT = { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试。', details: { retryAfterSeconds: 1 } };

/** What the candidate should read for each fault. */
export const SAYS: Record<Fault, RegExp> = {
  network: /网络连接失败/,
  timeout: /长时间没有响应/,
  'http-500': /错误 500/,
  'malformed-json': /返回的数据有误/,
  'invalid-schema': /返回的数据有误/,
  'rate-limited': /操作过于频繁/,
};

/** Makes `calls` fail with `fault` until `clearFaults()`. */
export async function breakCalls(office: ExamOffice, calls: OperationName[], fault: Fault): Promise<void> {
  if (fault !== 'rate-limited') {
    office.faults = { ...office.faults, down: fault, only: calls };
    return;
  }
  // A rate limit of the backend: 429 with the contract's error body and Retry-After.
  const { worker } = await startMockOffice();
  worker.use(
    ...calls.map((call) => {
      const { method, path } = operations[call];
      const url = `/api${path.replace(/\{(\w+)\}/g, ':$1')}`;
      const answer = () => HttpResponse.json(RATE_LIMIT, { status: 429, headers: { 'Retry-After': '1' } });
      return { GET: http.get, POST: http.post, PUT: http.put }[method](url, answer);
    }),
  );
}

export async function clearFaults(office: ExamOffice): Promise<void> {
  office.faults = { ...office.faults, down: 'none' };
  (await startMockOffice()).worker.resetHandlers();
}

/** Every element of a shadow tree, looking into nested shadow roots. */
export function* deepElements(root: ShadowRoot | Element): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* deepElements(element.shadowRoot);
  }
}

/** The alert of the element or of an element inside it. */
export function alertOf(root: ShadowRoot): HTMLElement | null {
  for (const element of deepElements(root)) {
    if (element.getAttribute('role') === 'alert' && element.textContent?.trim()) return element as HTMLElement;
  }
  return null;
}

/** The texts of everything the element announces: alerts, status lines, error summaries. */
export function messagesOf(root: ShadowRoot): string {
  return Array.from(deepElements(root))
    .filter((element) => ['alert', 'status'].includes(element.getAttribute('role') ?? '') || element.classList.contains('error-summary'))
    .map((element) => element.textContent!.replace(/\s+/g, ' ').trim())
    .join(' | ');
}

/** Counts the requests the page sends to the mock office, by method and path. */
export async function countRequests(): Promise<{ counts: Map<string, number>; twice: () => string[]; stop: () => void }> {
  const { worker } = await startMockOffice();
  const counts = new Map<string, number>();
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    if (!url.pathname.startsWith('/api/')) return;
    const key = `${request.method} ${url.pathname}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  worker.events.on('request:start', listener);
  return {
    counts,
    twice: () => Array.from(counts).filter(([, count]) => count > 1).map(([key, count]) => `${key} ×${count}`),
    stop: () => worker.events.removeListener('request:start', listener),
  };
}

/** Whether the element shows that it is working: aria-busy, or a status that says 正在…. */
export function showsBusy(root: ShadowRoot): boolean {
  return Array.from(deepElements(root)).some(
    (element) =>
      element.getAttribute('aria-busy') === 'true' ||
      (element.getAttribute('role') === 'status' && /正在|…/.test(element.textContent ?? '')),
  );
}
