/**
 * Hostile input. Backend strings carrying HTML/JS payloads (a corpus of 25) in every field the
 * elements display: nothing executes, nothing becomes markup, the text is shown as text. User
 * input: full-width digits, spaces, control characters, emoji, over-long values.
 */
import { expect, fixture, html, waitUntil } from './helpers/testing.js';
import '../src/index.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import type { CandidateStage, ExamOffice } from '../src/mocks/index.js';
import { SEED_ID_NUMBER } from '../src/mocks/index.js';
import type { CallOptions } from '../src/services/backend.js';
import { HttpBackend } from '../src/services/http-backend.js';
import { ApplicationInput, ChangeRequestInput, Mobile, RealNameInput } from '../src/services/schemas.js';
import { checkInput } from '../src/services/validation.js';
import { freshOffice } from './helpers/mock-office.js';

declare global {
  interface Window {
    __xss?: number;
  }
}

const HIT = 'window.__xss=(window.__xss||0)+1';
export const PAYLOADS = [
  `<script>${HIT}</script>`,
  `<img src=x onerror="${HIT}">`,
  `<svg onload="${HIT}">`,
  `<svg><script>${HIT}</script></svg>`,
  `"><img src=x onerror=${HIT}>`,
  `'><script>${HIT}</script>`,
  `javascript:${HIT}`,
  `<a href="javascript:${HIT}">点我</a>`,
  `<iframe src="javascript:${HIT}"></iframe>`,
  `<body onload=${HIT}>`,
  `<details open ontoggle=${HIT}>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${HIT}>`,
  '{{constructor.constructor("window.__xss=1")()}}',
  '${window.__xss=1}',
  '<style>*{display:none!important}</style>',
  `<input autofocus onfocus=${HIT}>`,
  `<object data="javascript:${HIT}"></object>`,
  `<embed src="data:text/html,<script>parent.__xss=1</script>">`,
  `<marquee onstart=${HIT}>`,
  `<video><source onerror=${HIT}></video>`,
  `<!--<img src="--><img src=x onerror=${HIT}//">`,
  '<base href="javascript:/">',
  `<svg><animate onbegin=${HIT} attributeName=x dur=1s>`,
  `<form><button formaction="javascript:${HIT}">X</button></form>`,
  '\u202e<b>反转</b>&lt;script&gt;',
];

/** Keys whose strings the elements display (never ids, dates, codes or URLs). */
const SHOWN = new Set([
  'name', 'title', 'paragraphs', 'reason', 'gateway', 'label', 'value', 'statusText', 'systemCode', 'examSessionName',
  'level', 'qualification', 'subject', 'address', 'room', 'seat', 'rules', 'issuer', 'response', 'contactPhones', 'number',
]);

/** Puts a payload (in turn) into every displayed string of an answer. */
function poison<T>(value: T, next: () => string, key = ''): T {
  if (typeof value === 'string') return (SHOWN.has(key) ? `${next()}${value}` : value) as T;
  if (Array.isArray(value)) return value.map((item) => poison(item, next, key)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, next, k)])) as T;
  }
  return value;
}

/** An adapter whose every answer carries the corpus in its displayed strings. */
class HostileBackend extends HttpBackend {
  #index = 0;
  #next = () => PAYLOADS[this.#index++ % PAYLOADS.length]!;
  override async getExamSession(options?: CallOptions) {
    return poison(await super.getExamSession(options), this.#next);
  }
  override async getApplication(options?: CallOptions) {
    return poison(await super.getApplication(options), this.#next);
  }
  override async getCurrentPayment(options?: CallOptions) {
    return poison(await super.getCurrentPayment(options), this.#next);
  }
  override async getRegistrationSlip(options?: CallOptions) {
    return poison(await super.getRegistrationSlip(options), this.#next);
  }
  override async getAdmissionTicket(options?: CallOptions) {
    return poison(await super.getAdmissionTicket(options), this.#next);
  }
  override async getExamArrangement(options?: CallOptions) {
    return poison(await super.getExamArrangement(options), this.#next);
  }
  override async getScores(options?: CallOptions) {
    return poison(await super.getScores(options), this.#next);
  }
  override async getCertificates(options?: CallOptions) {
    return poison(await super.getCertificates(options), this.#next);
  }
  override async getSession(options?: CallOptions) {
    return poison(await super.getSession(options), this.#next);
  }
}

/** Every element in the element's shadow tree, through nested shadow roots and slots. */
function deepElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...deepElements(element.shadowRoot));
  }
  return found;
}
function deepText(root: ParentNode): string {
  return deepElements(root)
    .flatMap((element) => Array.from(element.childNodes).filter((node) => node.nodeType === Node.TEXT_NODE))
    .map((node) => node.textContent)
    .join(' ');
}

let office: ExamOffice;
beforeEach(async () => {
  office = await freshOffice();
  sessionStorage.clear();
  delete window.__xss;
});

const CASES: { tag: string; stage: CandidateStage | null; attrs?: string; ready: (el: Element) => boolean }[] = [
  { tag: 'rk-exam-notice', stage: null, ready: (el) => ['reading', 'ready'].includes(el.getAttribute('state') ?? '') },
  { tag: 'rk-exam-plan', stage: null, ready: (el) => el.getAttribute('state') === 'ready' },
  { tag: 'rk-registration-form', stage: 'rejected', ready: (el) => el.getAttribute('state') === 'editing' },
  { tag: 'rk-payment-panel', stage: 'paid', ready: (el) => el.getAttribute('state') === 'paid' },
  { tag: 'rk-ticket-printer', stage: 'paid', ready: (el) => el.getAttribute('state') === 'ready' },
  { tag: 'rk-ticket-printer', stage: 'ticket', attrs: 'ticket', ready: (el) => el.getAttribute('state') === 'ready' },
  { tag: 'rk-exam-arrangement', stage: 'ticket', ready: (el) => el.getAttribute('state') === 'ready' },
  { tag: 'rk-score-query', stage: 'scored', ready: (el) => el.getAttribute('state') === 'ready' },
  { tag: 'rk-certificate-query', stage: 'certified', ready: (el) => el.getAttribute('state') === 'ready' },
  { tag: 'rk-status-timeline', stage: 'rejected', ready: (el) => el.getAttribute('state') === 'ready' },
  { tag: 'rk-portal', stage: 'rejected', ready: (el) => el.shadowRoot?.querySelector('rk-registration-form[state="editing"]') !== null },
];

describe('hostile input: backend strings', () => {
  it('has a corpus of at least 20 payloads', () => {
    expect(PAYLOADS.length).to.be.at.least(20);
  });

  for (const { tag, stage, attrs, ready } of CASES) {
    it(`${tag}${attrs ? ` (${attrs})` : ''}: payloads in every shown field stay text`, async () => {
      const token = stage ? office.seedCandidate({ stage }).token : 'nobody';
      const backend = new HostileBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
      const provider = await fixture<RkProvider>(html`<rk-provider .backend=${backend}></rk-provider>`);
      const el = document.createElement(tag);
      if (attrs) el.setAttribute('document', attrs);
      provider.append(el);
      await waitUntil(() => ready(el), `${tag} never ready (state ${el.getAttribute('state')})`, { timeout: 8000 });
      await new Promise((resolve) => setTimeout(resolve, 300)); // onerror, onload, animations
      expect(window.__xss, 'a payload ran').to.equal(undefined);
      const elements = deepElements(el.shadowRoot!);
      const injected = elements.filter(
        (element) =>
          ['script', 'iframe', 'object', 'embed', 'base', 'marquee', 'math', 'details', 'video'].includes(element.localName) ||
          Array.from(element.attributes).some((attribute) => attribute.name.startsWith('on') || /^\s*javascript:/i.test(attribute.value)),
      );
      expect(injected.map((element) => element.outerHTML.slice(0, 80))).to.deep.equal([]);
      // The payloads are there, as text.
      const text = deepText(el.shadowRoot!);
      expect(PAYLOADS.filter((payload) => text.includes(payload)).length, 'payloads shown as text').to.be.at.least(1);
    });
  }
});

describe('hostile input: what candidates type', () => {
  it('normalises a full-width ID number instead of rejecting it', () => {
    const fullWidth = SEED_ID_NUMBER.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const checked = checkInput(RealNameInput, { name: '张三', documentType: 'resident-id', documentNumber: ` ${fullWidth} `, validFrom: '2020-06-01', validTo: null });
    expect(checked.ok, JSON.stringify(checked)).to.equal(true);
  });

  it('trims spaces, and accepts a full-width mobile number', () => {
    expect(checkInput(Mobile, ' １３８００１３８０００ ').ok).to.equal(true);
    const reason = checkInput(ChangeRequestInput, { reason: '   考区选错，申请改为昆明。   ' });
    expect(reason.ok && reason.data.reason).to.equal('考区选错，申请改为昆明。');
  });

  it('refuses over-long values with a message, not a crash', () => {
    const checked = checkInput(ChangeRequestInput, { reason: '长'.repeat(501) });
    expect(checked.ok).to.equal(false);
    expect(!checked.ok && checked.errors.reason).to.equal('内容过长');
    const address = checkInput(ApplicationInput, { address: '路'.repeat(5000) });
    expect(!address.ok && address.errors.address).to.equal('内容过长');
  });

  it('takes emoji and control characters in free text without breaking, and names with them are refused', () => {
    expect(checkInput(ChangeRequestInput, { reason: '照片😀需要更换\u0007，谢谢' }).ok).to.equal(true);
    const name = checkInput(RealNameInput, { name: '张三😀', documentType: 'resident-id', documentNumber: SEED_ID_NUMBER, validFrom: '2020-06-01', validTo: null });
    expect(!name.ok && name.errors.name).to.contain('姓名');
  });
});
