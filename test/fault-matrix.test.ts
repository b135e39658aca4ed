/**
 * Faults: each element's loading calls × {network down, timeout, HTTP 500, malformed JSON, an
 * answer of the wrong shape, a rate limit (429 RATE_LIMITED, which every operation may answer)}.
 * For each cell the element says what happened in plain words (role="alert"), offers a retry, and
 * the retry succeeds once the fault clears. Failures of the elements' actions (submit, create order, upload, change request)
 * are tested with each element: the typed or uploaded data is kept and the retry succeeds.
 */
import { expect, fixture, html, waitUntil } from './helpers/testing.js';
import '../src/index.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import { startMockOffice, type CandidateStage, type ExamOffice } from '../src/mocks/index.js';
import type { OperationName } from '../src/services/contract.js';
import { HttpBackend } from '../src/services/http-backend.js';
import { alertOf, breakCalls, clearFaults, countRequests, FAULTS, QUICK_TIMEOUT_MS, SAYS, showsBusy } from './helpers/faults.js';
import { freshOffice } from './helpers/mock-office.js';

let office: ExamOffice;
beforeEach(async () => {
  office = await freshOffice();
  sessionStorage.clear();
});
afterEach(async () => {
  (await startMockOffice()).worker.resetHandlers();
});

interface Case {
  tag: string;
  /** Attributes of the element (e.g. which document the printer shows). */
  attrs?: Record<string, string>;
  stage: CandidateStage | null;
  /** The calls the element loads with (the fault hits these only). */
  calls: OperationName[];
  ready: (el: Element) => boolean;
}

const stateIs = (...states: string[]) => (el: Element) => states.includes(el.getAttribute('state') ?? '');
const CASES: Case[] = [
  { tag: 'rk-exam-notice', stage: null, calls: ['getExamSession'], ready: stateIs('reading', 'ready') },
  { tag: 'rk-exam-plan', stage: null, calls: ['getExamSession'], ready: stateIs('ready') },
  { tag: 'rk-registration-form', stage: 'draft', calls: ['getApplication'], ready: stateIs('editing') },
  { tag: 'rk-payment-panel', stage: 'approved', calls: ['getApplication', 'getCurrentPayment'], ready: stateIs('choose') },
  { tag: 'rk-status-timeline', stage: 'approved', calls: ['getApplication'], ready: stateIs('ready') },
  { tag: 'rk-ticket-printer', stage: 'paid', calls: ['getRegistrationSlip'], ready: stateIs('ready') },
  { tag: 'rk-exam-arrangement', stage: 'ticket', calls: ['getExamArrangement'], ready: stateIs('ready') },
  { tag: 'rk-score-query', stage: 'scored', calls: ['getScores'], ready: stateIs('ready') },
  { tag: 'rk-certificate-query', stage: 'certified', calls: ['getCertificates'], ready: stateIs('ready') },
  { tag: 'rk-ticket-printer', attrs: { document: 'ticket' }, stage: 'ticket', calls: ['getAdmissionTicket'], ready: stateIs('ready') },
  { tag: 'rk-login', stage: null, calls: ['getCaptcha'], ready: (el) => el.shadowRoot!.querySelector('[part="captcha-image"] img') !== null },
  // The provider itself: who is signed in.
  { tag: 'rk-provider', stage: 'registered', calls: ['getSession'], ready: (el) => el.getAttribute('session-state') === 'ready' },
];

const nameOf = (testCase: Case) =>
  testCase.attrs ? `${testCase.tag}[${Object.entries(testCase.attrs).map(([k, v]) => `${k}=${v}`).join(' ')}]` : testCase.tag;

/** The case's element in a provider signed in with `token` (the provider itself for its own case). */
async function mount(testCase: Case, token: string, timeoutMs: number): Promise<Element> {
  const backend = new HttpBackend({ baseUrl: '/api', timeoutMs, authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
  const provider = await fixture<RkProvider>(html`<rk-provider .backend=${backend}></rk-provider>`);
  if (testCase.tag === 'rk-provider') return provider;
  const el = document.createElement(testCase.tag);
  for (const [attribute, value] of Object.entries(testCase.attrs ?? {})) el.setAttribute(attribute, value);
  provider.append(el);
  return el;
}

describe('fault matrix', () => {
  for (const testCase of CASES) {
    for (const fault of FAULTS) {
      const name = nameOf(testCase);
      it(`${name} × ${fault}: says so, offers a retry where it helps, and recovers`, async function () {
        this.timeout(20_000);
        const token = testCase.stage ? office.seedCandidate({ stage: testCase.stage }).token : 'nobody';
        await breakCalls(office, testCase.calls, fault);
        const el = await mount(testCase, token, QUICK_TIMEOUT_MS);
        await waitUntil(() => alertOf(el.shadowRoot!) !== null, `${testCase.tag}: no alert for ${fault} (state ${el.getAttribute('state')})`, {
          timeout: 8000,
        });
        const alert = alertOf(el.shadowRoot!)!;
        expect(alert.textContent).to.match(SAYS[fault]);
        const retry = Array.from(alert.querySelectorAll('button')).find((button) => /重试/.test(button.textContent ?? ''));
        await clearFaults(office);
        expect(retry !== undefined, 'no retry button').to.equal(true);
        retry!.click();
        await waitUntil(() => testCase.ready(el), `${testCase.tag}: did not recover from ${fault} (state ${el.getAttribute('state')})`, {
          timeout: 8000,
        });
      });
    }
  }
});

describe('slow network: 3 s for every answer', () => {
  for (const testCase of CASES) {
    const name = nameOf(testCase);
    it(`${name}: shows that it is working, asks each question once, and gets there`, async function () {
      this.timeout(40_000);
      const token = testCase.stage ? office.seedCandidate({ stage: testCase.stage }).token : 'nobody';
      office.faults = { ...office.faults, latencyMs: 3000 };
      const requests = await countRequests();
      try {
        const el = await mount(testCase, token, 15_000);
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(showsBusy(el.shadowRoot!) || el.getAttribute('session-state') === 'loading', `${name} shows nothing while waiting`).to.equal(true);
        await waitUntil(() => testCase.ready(el), `${name} never got there (state ${el.getAttribute('state')})`, { timeout: 30_000 });
        expect(requests.twice(), 'asked twice').to.deep.equal([]);
      } finally {
        requests.stop();
      }
    });
  }
});

