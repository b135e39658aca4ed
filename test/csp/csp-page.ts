/**
 * The strict-CSP page (scripts/csp-smoke.mjs serves it with `default-src 'self'; script-src
 * 'self'; style-src 'self'; img-src 'self' data: blob:`): every element on the mock office,
 * each driven to the state that needs the most (captcha picture, photo preview and result, QR
 * code, barcode, printing through a frame). `window.cspReport` tells what happened.
 */
import type { RkPaymentPanel } from '../../src/components/payment-panel/rk-payment-panel.js';
import type { RkPhotoChecker } from '../../src/components/photo-checker/rk-photo-checker.js';
import type { RkTicketPrinter } from '../../src/components/ticket-printer/rk-ticket-printer.js';
import { startMockOffice, type CandidateStage } from '../../src/mocks/index.js';
import { HttpBackend } from '../../src/services/http-backend.js';
import { asFile, portraitJpeg } from '../fixtures/photo-fixtures.js';
import '../../src/index.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(what: string, condition: () => boolean, timeout = 10_000): Promise<void> {
  const end = performance.now() + timeout;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`${what}: timed out`);
    await sleep(20);
  }
}

const { office } = await startMockOffice({ baseUrl: '/api', quiet: true });
office.faults = { ...office.faults, latencyMs: 0 };
const stage = document.getElementById('stage')!;

/** An element inside its own provider, signed in at `stage` (or nobody). */
function mount<T extends HTMLElement>(tag: string, candidate: CandidateStage | { token: string } | null, attributes: Record<string, string> = {}): T {
  const token = candidate === null ? 'nobody' : typeof candidate === 'string' ? office.seedCandidate({ stage: candidate }).token : candidate.token;
  const provider = document.createElement('rk-provider');
  provider.backend = new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
  const element = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  provider.append(element);
  stage.append(provider);
  return element;
}
const state = (element: Element) => element.getAttribute('state');

const results: Record<string, string> = {};
async function check(name: string, run: () => Promise<string>): Promise<void> {
  try {
    results[name] = await run();
  } catch (error) {
    results[name] = `FAILED: ${error instanceof Error ? error.message : String(error)}`;
  }
}

await check('rk-login (captcha picture)', async () => {
  const login = mount('rk-login', null);
  await until('captcha', () => (login.shadowRoot?.querySelector<HTMLImageElement>('[part="captcha-image"] img')?.naturalWidth ?? 0) > 0);
  return 'captcha drawn';
});
await check('rk-exam-notice', async () => {
  const notice = mount('rk-exam-notice', null);
  await until('notice', () => ['reading', 'ready'].includes(state(notice) ?? ''));
  return state(notice)!;
});
await check('rk-exam-plan', async () => {
  const plan = mount('rk-exam-plan', null);
  await until('plan', () => state(plan) === 'ready');
  return 'ready';
});
await check('rk-realname', async () => {
  const realname = mount('rk-realname', 'registered');
  await until('realname', () => state(realname) === 'idle');
  return 'idle';
});
await check('rk-registration-form', async () => {
  const form = mount('rk-registration-form', 'draft');
  await until('form', () => state(form) === 'editing');
  return 'editing';
});
await check('rk-photo-checker (preview, crop frame, ~10 KB result)', async () => {
  const checker = mount<RkPhotoChecker>('rk-photo-checker', 'verified', { upload: 'false' });
  await checker.checkFile(asFile(await portraitJpeg(600, 840), 'me.jpg'));
  await until('photo', () => state(checker) === 'ready');
  // The photo is drawn into canvases (no blob: or data: URL needed).
  await until('preview', () => (checker.shadowRoot!.querySelector<HTMLCanvasElement>('canvas')?.width ?? 0) > 0);
  return `ready, ${checker.measurements?.result?.bytes ?? '?'} bytes`;
});
await check('rk-payment-panel (QR code)', async () => {
  const panel = mount<RkPaymentPanel>('rk-payment-panel', 'approved');
  await until('panel', () => state(panel) === 'choose');
  await panel.choose('alipay');
  await until('QR', () => panel.shadowRoot!.querySelector('svg[part="qr-code"]') !== null);
  return 'QR drawn';
});
await check('rk-status-timeline', async () => {
  const timeline = mount('rk-status-timeline', 'approved');
  await until('timeline', () => state(timeline) === 'ready');
  return `current ${timeline.getAttribute('current')}`;
});
await check('rk-ticket-printer (barcode, printing through a frame)', async () => {
  const printer = mount<RkTicketPrinter>('rk-ticket-printer', 'paid');
  await until('slip', () => state(printer) === 'ready');
  await until('barcode', () => printer.shadowRoot!.querySelector('svg.barcode') !== null);
  let printed = '';
  printer.printer = (win) => {
    const sheet = win.document.adoptedStyleSheets[0];
    printed = `${win.document.querySelectorAll('svg.barcode').length} barcode, ${sheet?.cssRules.length ?? 0} print rules`;
  };
  await printer.print();
  return printed || 'not printed';
});
await check('rk-exam-arrangement, rk-score-query, rk-certificate-query', async () => {
  const candidate = { token: office.seedCandidate({ stage: 'certified' }).token };
  const elements = [mount('rk-exam-arrangement', candidate), mount('rk-score-query', candidate), mount('rk-certificate-query', candidate)];
  await until('queries', () => elements.every((element) => state(element) === 'ready'));
  return 'ready';
});
await check('rk-portal', async () => {
  const portal = mount('rk-portal', 'approved');
  await until('portal', () => portal.shadowRoot?.querySelector('rk-status-timeline')?.getAttribute('state') === 'ready');
  await until('portal payment', () => portal.shadowRoot?.querySelector('rk-payment-panel')?.getAttribute('state') === 'choose');
  return 'payment shown';
});

(window as unknown as { cspReport: unknown }).cspReport = results;
