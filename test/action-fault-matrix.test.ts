/**
 * Faults of the actions: every call a candidate makes by pressing a button (log in, register,
 * send a code, reset the password, log out, verify the real name, save a draft, submit, upload
 * the photo, create a payment order, check the payment, request a change) × {network down,
 * timeout, HTTP 500, malformed JSON, an answer of the wrong shape, a rate limit (429)}. For each
 * cell: the element says what happened in plain words, keeps everything the candidate typed or
 * uploaded, and the same action succeeds once the fault clears (by the message's 重试 where there
 * is one, else by doing it again). The loading calls are in fault-matrix.test.ts.
 */
import { expect, fixture, html, waitUntil } from './helpers/testing.js';
import type { LitElement } from 'lit';
import '../src/index.js';
import type { RkLogin } from '../src/components/login/rk-login.js';
import type { RkPaymentPanel } from '../src/components/payment-panel/rk-payment-panel.js';
import type { RkPhotoChecker } from '../src/components/photo-checker/rk-photo-checker.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import type { RkRealname } from '../src/components/realname/rk-realname.js';
import type { RkRegistrationForm } from '../src/components/registration-form/rk-registration-form.js';
import type { RkTicketPrinter } from '../src/components/ticket-printer/rk-ticket-printer.js';
import { SEED_ACCOUNT, SEED_ID_NUMBER, startMockOffice, type CandidateStage, type ExamOffice } from '../src/mocks/index.js';
import { operations, type OperationName } from '../src/services/contract.js';
import { HttpBackend } from '../src/services/http-backend.js';
import { asFile, portraitJpeg } from './fixtures/photo-fixtures.js';
import { breakCalls, clearFaults, countRequests, deepElements, FAULTS, messagesOf, QUICK_TIMEOUT_MS, SAYS, showsBusy } from './helpers/faults.js';
import { $, maybe, type } from './helpers/form-driver.js';
import { freshOffice } from './helpers/mock-office.js';

let office: ExamOffice;
let photo: File;

before(async () => {
  photo = asFile(await portraitJpeg(600, 840), 'my-photo.jpg');
});
beforeEach(async () => {
  office = await freshOffice();
  office.faults = { ...office.faults, latencyMs: 0 };
  // A form of the previous test may still write its last draft (debounced) after it left.
  await new Promise((resolve) => setTimeout(resolve, 100));
  sessionStorage.clear();
});
afterEach(async () => {
  (await startMockOffice()).worker.resetHandlers();
});

/** Short, so a timeout cell is quick; long under the slow network. */
let timeoutMs = QUICK_TIMEOUT_MS;

/** The adapter of the element under test (its timeout is short only while a fault is on). */
let backend: HttpBackend | undefined;

function backendAs(token: string | null): HttpBackend {
  backend = new HttpBackend({ baseUrl: '/api', timeoutMs, uploadTimeoutMs: timeoutMs, authHeaders: (): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {}) });
  return backend;
}

async function inProvider<T extends LitElement>(stage: CandidateStage | null, tag: string, attrs = ''): Promise<T> {
  const token = stage ? office.seedCandidate({ stage }).token : null;
  const provider = await fixture<RkProvider>(html`<rk-provider .backend=${backendAs(token)}></rk-provider>`);
  provider.innerHTML = `<${tag} ${attrs}></${tag}>`;
  return provider.firstElementChild as T;
}

const until = (condition: () => unknown, message: string) => waitUntil(condition, message, { timeout: 15_000 });
const stateOf = (el: Element) => el.getAttribute('state');
const value = (el: LitElement, id: string) => $<HTMLInputElement>(el, `#${id}`).value;
const click = (el: LitElement, selector: string) => $<HTMLButtonElement>(el, selector).click();

/** A retry button inside the element's messages, if there is one. */
function retryButton(el: LitElement): HTMLButtonElement | undefined {
  return Array.from(deepElements(el.shadowRoot!)).find(
    (element): element is HTMLButtonElement =>
      element instanceof HTMLButtonElement && /^\s*重试\s*$/.test(element.textContent ?? '') && element.closest('[role="alert"], .error-summary, .notice') !== null,
  );
}

/** Types the captcha again when a failure replaced the picture (the old one is used up). */
async function captchaAgain(el: RkLogin): Promise<void> {
  await until(() => maybe(el, '[part="captcha-image"] img'), 'no new captcha');
  if (!value(el, 'captcha')) await type(el, 'captcha', '0000');
}

async function codeSent(el: RkLogin): Promise<void> {
  await until(() => $(el, '[part="send-code"]').textContent!.includes('秒后'), 'no code sent');
}

/** rk-login in `mode`, with the account and the captcha typed. */
async function loginWith(mode: 'login' | 'register' | 'reset', accountTyped: string): Promise<RkLogin> {
  const el = await inProvider<RkLogin>(null, 'rk-login', `mode="${mode}"`);
  await until(() => maybe(el, '[part="captcha-image"] img'), 'no captcha');
  await type(el, 'account', accountTyped);
  await type(el, 'captcha', '0000');
  return el;
}

/** Sends the code, then types it and a new password twice. */
async function codeAndPassword(el: RkLogin, password: string): Promise<RkLogin> {
  click(el, '[part="send-code"]');
  await codeSent(el);
  await type(el, 'code', '123456');
  await type(el, 'password', password);
  await type(el, 'confirm', password);
  return el;
}

/** What the candidate typed in the register or reset form is still there. */
function codeFormKept(el: LitElement, password: string): void {
  expect(value(el, 'account')).to.equal(account);
  expect(value(el, 'code')).to.equal('123456');
  expect(value(el, 'password')).to.equal(password);
  expect(value(el, 'confirm')).to.equal(password);
}

interface ActionCase {
  call: OperationName;
  tag: string;
  /** The element with what the candidate typed or chose, ready for the action. */
  setUp: () => Promise<LitElement>;
  act: (el: LitElement) => Promise<void> | void;
  /** Asserts that what the candidate typed or uploaded is still there. */
  kept: (el: LitElement) => void;
  /** Before doing it again (a used captcha replaced, …). */
  again?: (el: LitElement) => Promise<void>;
  succeeded: (el: LitElement) => Promise<void>;
  /** What the candidate reads instead of the fault's own sentence (a check that keeps trying). */
  says?: RegExp;
}

const loginEl = (el: LitElement) => el as RkLogin;

// The resend countdown follows an account for the page's life: each test its own number.
let accounts = 0;
let account = '';
function nextAccount(): string {
  accounts += 1;
  account = `1370000${String(1000 + accounts)}`;
  return account;
}

/** An account of its own at the office (for the password reset), with a password to replace. */
function registeredAccount(): string {
  const target = nextAccount();
  const captcha = office.getCaptcha();
  office.sendVerificationCode({ channel: 'sms', target, purpose: 'register', captchaId: captcha.id, captchaAnswer: '0000' });
  office.register({ accountType: 'phone', account: target, password: 'OldPass2026', code: '123456' });
  return target;
}

const CASES: ActionCase[] = [
  {
    call: 'login',
    tag: 'rk-login',
    setUp: async () => {
      office.seedCandidate({ stage: 'registered' });
      const el = await loginWith('login', SEED_ACCOUNT.account);
      await type(el, 'password', SEED_ACCOUNT.password);
      return el;
    },
    act: (el) => click(el, 'button[type="submit"]'),
    kept: (el) => {
      expect(value(el, 'account')).to.equal(SEED_ACCOUNT.account);
      expect(value(el, 'password')).to.equal(SEED_ACCOUNT.password);
    },
    again: (el) => captchaAgain(loginEl(el)),
    succeeded: (el) => until(() => stateOf(el) === 'success', 'not logged in'),
  },
  {
    call: 'sendVerificationCode',
    tag: 'rk-login',
    setUp: () => loginWith('register', nextAccount()),
    act: (el) => click(el, '[part="send-code"]'),
    kept: (el) => expect(value(el, 'account')).to.equal(account),
    again: (el) => captchaAgain(loginEl(el)),
    succeeded: (el) => codeSent(loginEl(el)),
  },
  {
    call: 'register',
    tag: 'rk-login',
    setUp: async () => codeAndPassword(await loginWith('register', nextAccount()), 'Kaoshi2026'),
    act: (el) => click(el, 'button[type="submit"]'),
    kept: (el) => codeFormKept(el, 'Kaoshi2026'),
    again: (el) => captchaAgain(loginEl(el)),
    succeeded: (el) => until(() => stateOf(el) === 'success', 'not registered'),
  },
  {
    call: 'resetPassword',
    tag: 'rk-login',
    setUp: async () => codeAndPassword(await loginWith('reset', registeredAccount()), 'NewPass2026'),
    act: (el) => click(el, 'button[type="submit"]'),
    kept: (el) => codeFormKept(el, 'NewPass2026'),
    again: (el) => captchaAgain(loginEl(el)),
    succeeded: (el) => until(() => loginEl(el).mode === 'login' && el.shadowRoot!.textContent!.includes('密码已重置'), 'not reset'),
  },
  {
    call: 'logout',
    tag: 'rk-login',
    setUp: async () => {
      const el = await inProvider<RkLogin>('registered', 'rk-login');
      await until(() => stateOf(el) === 'success', 'not signed in');
      return el;
    },
    act: (el) => click(el, '[part="logout"]'),
    kept: (el) => expect(stateOf(el), 'still shown as signed in').to.equal('success'),
    succeeded: (el) => until(() => stateOf(el) === 'idle' && (el.parentElement as RkProvider).session === null, 'not signed out'),
  },
  {
    call: 'verifyRealName',
    tag: 'rk-realname',
    setUp: async () => {
      const el = await inProvider<RkRealname>('registered', 'rk-realname');
      await until(() => stateOf(el) === 'idle', 'no form');
      await type(el, 'name', '张三');
      await type(el, 'document-number', SEED_ID_NUMBER);
      await type(el, 'valid-from', '2020.06.01');
      await type(el, 'valid-to', '20400601');
      return el;
    },
    act: (el) => click(el, 'button[type="submit"]'),
    kept: (el) => {
      expect(value(el, 'name')).to.equal('张三');
      expect(value(el, 'document-number')).to.equal(SEED_ID_NUMBER);
    },
    succeeded: (el) => until(() => stateOf(el) === 'verified', 'not verified'),
  },
  {
    call: 'saveApplicationDraft',
    tag: 'rk-registration-form',
    setUp: async () => {
      const el = await inProvider<RkRegistrationForm>('draft', 'rk-registration-form', 'draft-delay="20"');
      await until(() => stateOf(el) === 'editing', 'no form');
      return el;
    },
    act: (el) => type(el, 'address', '云南省丽江市古城区福慧路8号'),
    kept: (el) => {
      expect(value(el, 'address')).to.equal('云南省丽江市古城区福慧路8号');
      const local = Object.keys(sessionStorage).filter((key) => key.startsWith('rk-draft:'));
      expect(local.map((key) => sessionStorage.getItem(key)).join()).to.contain('福慧路8号');
    },
    // Saving is retried by itself after a glitch; a refusal is tried again with the next change.
    again: (el) => type(el, 'address', '云南省丽江市古城区福慧路9号'),
    succeeded: (el) =>
      until(
        () => /福慧路(8|9)号/.test(String(office.applicationOf(SEED_ACCOUNT.account)?.fields.address ?? '')) && el.shadowRoot!.textContent!.includes('草稿已于'),
        'not saved at the office',
      ),
  },
  {
    call: 'submitApplication',
    tag: 'rk-registration-form',
    setUp: async () => {
      // Sent back by the reviewer: the whole form and the photo are there, ready to submit again.
      const el = await inProvider<RkRegistrationForm>('rejected', 'rk-registration-form', 'draft-delay="20"');
      await until(() => stateOf(el) === 'editing', 'no form');
      await type(el, 'employer', '丽江市古城区信息技术服务中心');
      click(el, '[part="continue"]');
      await until(() => stateOf(el) === 'review', 'no review');
      return el;
    },
    act: (el) => click(el, '[part="submit"]'),
    kept: (el) => expect(el.shadowRoot!.textContent).to.contain('丽江市古城区信息技术服务中心'),
    succeeded: (el) => until(() => stateOf(el) === 'submitted', 'not submitted'),
  },
  {
    call: 'uploadPhoto',
    tag: 'rk-photo-checker',
    setUp: async () => {
      const el = await inProvider<RkPhotoChecker>('verified', 'rk-photo-checker');
      await el.checkFile(photo);
      await until(() => stateOf(el) === 'ready', 'photo not checked');
      return el;
    },
    act: (el) => click(el, '[part="action"]'),
    kept: (el) => expect((el as RkPhotoChecker).measurements?.result).to.include({ width: 295, height: 413 }),
    succeeded: (el) => until(() => stateOf(el) === 'accepted', 'not uploaded'),
  },
  {
    call: 'createPaymentOrder',
    tag: 'rk-payment-panel',
    setUp: async () => {
      const el = await inProvider<RkPaymentPanel>('approved', 'rk-payment-panel');
      await until(() => stateOf(el) === 'choose', 'no panel');
      return el;
    },
    act: (el) => click(el, 'input[value="wechat"]'),
    kept: (el) => expect($<HTMLInputElement>(el, 'input[value="wechat"]').checked).to.equal(true),
    succeeded: (el) => until(() => stateOf(el) === 'unpaid' && maybe(el, 'svg[part="qr-code"]'), 'no code'),
  },
  {
    call: 'getPaymentStatus',
    tag: 'rk-payment-panel',
    setUp: async () => {
      const el = await inProvider<RkPaymentPanel>('approved', 'rk-payment-panel');
      await until(() => stateOf(el) === 'choose', 'no panel');
      click(el, 'input[value="alipay"]');
      await until(() => stateOf(el) === 'unpaid' && maybe(el, 'svg[part="qr-code"]'), 'no code');
      office.markPaid();
      return el;
    },
    act: (el) => click(el, '[part="check"]'),
    kept: (el) => expect(maybe(el, 'svg[part="qr-code"]'), 'the code is still shown').not.to.equal(null),
    // A check that keeps trying says the connection is unstable, whatever the fault.
    says: /网络不稳定，正在重新查询支付结果/,
    succeeded: (el) => until(() => stateOf(el) === 'paid', 'not paid'),
  },
  {
    call: 'requestChange',
    tag: 'rk-ticket-printer',
    setUp: async () => {
      const el = await inProvider<RkTicketPrinter>('paid', 'rk-ticket-printer');
      await until(() => stateOf(el) === 'ready', 'no slip');
      Array.from(el.shadowRoot!.querySelectorAll('button')).find((button) => button.textContent!.includes('申请变更'))!.click();
      await el.updateComplete;
      const textarea = $<HTMLTextAreaElement>(el, '#change-reason');
      textarea.value = '考区选错，申请由丽江改为昆明考区。';
      textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      return el;
    },
    act: (el) => click(el, 'form.change button[type="submit"]'),
    kept: (el) => expect($<HTMLTextAreaElement>(el, '#change-reason').value).to.equal('考区选错，申请由丽江改为昆明考区。'),
    succeeded: (el) => until(() => el.shadowRoot!.textContent!.includes('变更申请：审核中'), 'not sent'),
  },
];

describe('action fault matrix', () => {
  for (const testCase of CASES) {
    for (const fault of FAULTS) {
      it(`${testCase.tag} ${testCase.call} × ${fault}: says so, keeps the input, and succeeds once the fault clears`, async function () {
        this.timeout(25_000);
        const el = await testCase.setUp();
        await breakCalls(office, [testCase.call], fault);
        await testCase.act(el);
        const says = testCase.says ?? SAYS[fault];
        await until(() => says.test(messagesOf(el.shadowRoot!)), `${testCase.call}: nothing says ${says} for ${fault} (says: ${messagesOf(el.shadowRoot!)}; shows: ${el.shadowRoot!.textContent!.replace(/\s+/g, ' ').slice(0, 400)})`);
        expect(messagesOf(el.shadowRoot!)).not.to.match(/未知错误/);
        testCase.kept(el);
        await clearFaults(office);
        // Once the fault is gone, answers come in the adapter's usual time (its short timeout made
        // the timeout cell quick; a busy machine's answer can take longer than that).
        if (backend) Object.assign(backend, { timeoutMs: 15_000, uploadTimeoutMs: 15_000 });
        await testCase.again?.(el);
        const retry = retryButton(el);
        if (retry) retry.click();
        else await testCase.act(el);
        await testCase.succeeded(el);
      });
    }
  }
});

describe('slow network: 3 s for every answer', () => {
  beforeEach(() => {
    timeoutMs = 15_000;
  });
  afterEach(() => {
    timeoutMs = 2000;
  });
  // The draft is saved in the background while typing (one save at a time, by the draft store).
  for (const testCase of CASES.filter((c) => c.call !== 'saveApplicationDraft')) {
    it(`${testCase.tag} ${testCase.call}: shows that it is working, and sends one request however often it is pressed`, async function () {
      this.timeout(40_000);
      const el = await testCase.setUp();
      office.faults = { ...office.faults, latencyMs: 3000 };
      const requests = await countRequests();
      try {
        await testCase.act(el);
        await waitUntil(() => showsBusy(el.shadowRoot!), 'shows nothing while waiting', { timeout: 1000 });
        // Impatient presses while the answer is on its way (the button may be gone by now).
        for (let press = 0; press < 2; press += 1) {
          try {
            await testCase.act(el);
          } catch {
            // nothing left to press
          }
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        await testCase.succeeded(el);
        const { method, path } = operations[testCase.call];
        const pattern = new RegExp(`^${method} /api${path.replace(/\{\w+\}/g, '[^/]+')}$`);
        const sent = Array.from(requests.counts).filter(([key]) => pattern.test(key)).reduce((sum, [, count]) => sum + count, 0);
        expect(sent, `${testCase.call} requests`).to.equal(1);
      } finally {
        requests.stop();
      }
    });
  }
});

