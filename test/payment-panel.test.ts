/**
 * rk-payment-panel against the mock exam office (MSW), with fake timers where time matters: one
 * order whatever the clicks, the QR code decoded back to the order's payload, expiry and refresh,
 * polling (paid arrives, paused while hidden, stopped on removal, backing off on errors), the
 * states outside the window, a paid application, failures and the help text.
 */
import { expect, fixture, html } from './helpers/testing.js';
// CommonJS: the runner's conversion gives it as the default export only.
import FakeTimers from '@sinonjs/fake-timers';
import jsQR from 'jsqr';
import '../src/components/payment-panel/rk-payment-panel.js';
import '../src/components/provider/rk-provider.js';
import type { PaidDetail, RkPaymentPanel } from '../src/components/payment-panel/rk-payment-panel.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import type { CallOptions, IdempotentCallOptions } from '../src/services/backend.js';
import { BusinessError, HttpError } from '../src/services/errors.js';
import { HttpBackend } from '../src/services/http-backend.js';
import type { CreateOrderInput, ExamSession } from '../src/services/schemas.js';
import { PAYMENT_FAILURE_REASON, REJECTION_REASON, type CandidateStage, type ExamOffice } from '../src/mocks/index.js';
import { $, maybe, textOf } from './helpers/form-driver.js';
import { linesOf } from './helpers/lines.js';
import { freshOffice } from './helpers/mock-office.js';

const realSetTimeout = window.setTimeout.bind(window);
const sleep = (ms: number) => new Promise((resolve) => realSetTimeout(resolve, ms));

let office: ExamOffice;
type InstalledClock = ReturnType<ReturnType<typeof FakeTimers.withGlobal>['install']>;
let clock: InstalledClock | undefined;
/** The backend of the panel under test (its calls in flight are awaited by `advance`). */
let watched: WatchedBackend | undefined;

/** Counts the calls the panel makes, with the idempotency keys of order creations. */
class WatchedBackend extends HttpBackend {
  creates: { channel: string; key: string }[] = [];
  /** When each status check was sent (the page's clock, fake or not). */
  statusTimes: number[] = [];
  pending = 0;
  paymentWindow: ExamSession['paymentWindow'] | undefined;
  get statusChecks(): number {
    return this.statusTimes.length;
  }
  async #track<T>(call: Promise<T>): Promise<T> {
    this.pending += 1;
    try {
      return await call;
    } finally {
      this.pending -= 1;
    }
  }
  override createPaymentOrder(input: CreateOrderInput, options: IdempotentCallOptions) {
    this.creates.push({ channel: input.channel, key: options.idempotencyKey });
    return this.#track(super.createPaymentOrder(input, options));
  }
  override getPaymentStatus(orderId: string, options?: CallOptions) {
    this.statusTimes.push(Date.now());
    return this.#track(super.getPaymentStatus(orderId, options));
  }
  override async getExamSession(options?: CallOptions) {
    const session = await super.getExamSession(options);
    return this.paymentWindow ? { ...session, paymentWindow: this.paymentWindow } : session;
  }
}

beforeEach(async () => {
  office = await freshOffice();
  office.faults = { ...office.faults, latencyMs: 0 };
  sessionStorage.clear();
});

afterEach(() => {
  clock?.uninstall();
  clock = undefined;
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
});

/** Fake timers and clock for the page (the office's clock follows them too). */
function fakeTime(): InstalledClock {
  clock = FakeTimers.withGlobal(window).install({
    now: Date.now(),
    // Not setInterval: MSW keeps its service worker alive with one.
    toFake: ['setTimeout', 'clearTimeout', 'Date'],
  });
  return clock;
}

/** Waits (real time) until `condition` holds, letting due fake timers run meanwhile. */
async function until(condition: () => boolean, message: string): Promise<void> {
  // 20 s of real time (performance.now: the fake clock leaves it alone): a panel that reloads
  // asks the mock several questions, which took over 10 s in a full run's WebKit.
  const end = performance.now() + 20_000;
  while (performance.now() < end) {
    if (condition()) return;
    if (clock) await clock.tickAsync(0);
    await sleep(10);
  }
  throw new Error(message);
}

/** Advances the fake clock by `ms` in steps; time stands still while a request is answered. */
async function advance(ms: number, step = 250): Promise<void> {
  // This test's clock and backend, even if the test has timed out and another one runs.
  const [ownClock, backend] = [clock!, watched];
  for (let passed = 0; passed < ms; passed += step) {
    if (ownClock !== clock) throw new Error('the test ended');
    await ownClock.tickAsync(Math.min(step, ms - passed));
    await sleep(1);
    for (let i = 0; i < 500 && backend && backend.pending > 0; i += 1) await sleep(2);
    await ownClock.tickAsync(0);
  }
}

async function stateIs(el: RkPaymentPanel, state: string): Promise<void> {
  await until(() => el.getAttribute('state') === state, `state never became ${state} (is ${el.getAttribute('state')})`);
  await el.updateComplete;
}

interface Mounted {
  provider: RkProvider;
  el: RkPaymentPanel;
  backend: WatchedBackend;
}

async function panelAt(stage: CandidateStage, options: { state?: string; backend?: WatchedBackend; token?: string } = {}): Promise<Mounted> {
  const token = options.token ?? office.seedCandidate({ stage }).token;
  const backend = options.backend ?? new WatchedBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
  watched = backend;
  const provider = await fixture<RkProvider>(
    html`<rk-provider .backend=${backend} .config=${{ contactPhones: ['0871-64312910', '0871-63626248'] }}>
      <rk-payment-panel help-after="30"></rk-payment-panel>
    </rk-provider>`,
  );
  const el = provider.querySelector('rk-payment-panel')!;
  await stateIs(el, options.state ?? 'choose');
  return { provider, el, backend };
}

/** What the panel's live status says (read by screen readers as it changes). */
function liveStatus(el: RkPaymentPanel): string {
  return $(el, 'p.visually-hidden[role="status"]').textContent!.trim();
}

function channelInput(el: RkPaymentPanel, channel: 'alipay' | 'wechat'): HTMLInputElement {
  return $<HTMLInputElement>(el, `input[value="${channel}"]`);
}

async function showCode(el: RkPaymentPanel, channel: 'alipay' | 'wechat'): Promise<void> {
  channelInput(el, channel).click();
  await stateIs(el, 'unpaid');
  await until(() => maybe(el, 'svg[part="qr-code"]') !== null, 'the QR code was never drawn');
}

/** The orders the office holds for the candidate. */
function officeOrders(): { id: string; channel: string; status: string; qrPayload: string }[] {
  const { state } = JSON.parse(office.snapshot()) as {
    state: { orders: { order: { id: string; channel: string; qrPayload: string }; status: string }[] };
  };
  return state.orders.map((record) => ({ ...record.order, status: record.status }));
}

/** Renders the panel's QR `<svg>` into pixels and reads it with jsQR. */
async function decodeQr(el: RkPaymentPanel): Promise<string | null> {
  const svg = $<SVGSVGElement>(el, 'svg[part="qr-code"]');
  const markup = new XMLSerializer().serializeToString(svg);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  const image = new Image();
  image.src = url;
  await image.decode();
  URL.revokeObjectURL(url);
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 400;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0, 400, 400);
  const pixels = context.getImageData(0, 0, 400, 400);
  return jsQR(pixels.data, 400, 400)?.data ?? null;
}

describe('rk-payment-panel', () => {
  it('shows what is paid for and draws a QR code that decodes to the order’s payload', async () => {
    const { el } = await panelAt('approved');
    const text = textOf(el);
    expect(text).to.contain('软件设计师');
    expect(text).to.contain('基础知识、应用技术');
    expect(text).to.contain('100.00 元');
    expect(text).to.contain(office.getExamSession().name);
    expect(maybe(el, 'svg[part="qr-code"]')).to.equal(null);
    await showCode(el, 'alipay');
    const [order] = officeOrders();
    expect(order!.channel).to.equal('alipay');
    expect(order!.qrPayload).to.match(/^https:\/\/qr\.alipay\.com\//);
    expect(await decodeQr(el)).to.equal(order!.qrPayload);
    expect(textOf(el)).to.contain('请使用支付宝扫描二维码付款');
    expect(textOf(el)).to.contain('若二维码过期请刷新重新获取');
    await expect(el).to.be.accessible();
  });

  it('speaks the seed’s words: 考试费用, the office’s phones in the 特别提示 beside the code, 缴费状态 on the receipt', async () => {
    const { el } = await panelAt('approved');
    const amountRow = $(el, '.amount-row');
    expect(amountRow.querySelector('dt')!.textContent!.trim()).to.equal('考试费用');
    await showCode(el, 'alipay');
    // The payment window's dates stay whole at a phone's width.
    el.style.width = '300px';
    const dates = $(el, '.dates');
    const lines = linesOf(dates);
    expect(lines.slice(1).some((text, i) => /[0-9年月:]$/.test(lines[i]!) && /^[0-9年月日:]/.test(text)), lines.join(' / ')).to.equal(false);
    el.style.width = '';
    const tip = $(el, '[part="tip"]');
    expect(tip.textContent).to.contain('支付完成后请不要立即关闭浏览器');
    expect(tip.textContent).to.contain('咨询电话：0871-64312910；0871-63626248');
    expect(Array.from(tip.querySelectorAll('.phone'), (phone) => [phone.textContent, getComputedStyle(phone).whiteSpace])).to.deep.equal([
      ['0871-64312910', 'nowrap'],
      ['0871-63626248', 'nowrap'],
    ]);
    office.markPaid();
    await el.checkNow();
    await stateIs(el, 'paid');
    expect($(el, '#receipt-title').textContent!.trim()).to.equal('缴费状态');
  });

  it('creates one order for any number of clicks, re-renders and channel switches', async () => {
    office.faults = { ...office.faults, latencyMs: 200 };
    const token = office.seedCandidate({ stage: 'approved' }).token;
    const { el, backend } = await panelAt('approved', { token });
    const clicks = [el.choose('alipay'), el.choose('alipay'), el.choose('alipay')];
    channelInput(el, 'alipay').click();
    el.requestUpdate();
    await Promise.all(clicks);
    await stateIs(el, 'unpaid');
    channelInput(el, 'wechat').click();
    await stateIs(el, 'creating');
    channelInput(el, 'alipay').click();
    channelInput(el, 'wechat').click();
    await until(() => el.currentOrder?.order.channel === 'wechat', 'no wechat order');
    channelInput(el, 'alipay').click();
    await stateIs(el, 'unpaid');
    expect(backend.creates.map((create) => create.channel)).to.deep.equal(['alipay', 'wechat']);
    expect(officeOrders().map((order) => order.channel)).to.deep.equal(['alipay', 'wechat']);

    // A reload of the page picks the open order up again instead of making another.
    el.remove();
    const again = await panelAt('approved', { backend, token, state: 'unpaid' });
    expect(again.el.channel).to.be.oneOf(['alipay', 'wechat']);
    expect(backend.creates).to.have.length(2);
    expect(officeOrders()).to.have.length(2);
  });

  it('covers an expired code with “二维码已过期，点击刷新” and a click gets a fresh order', async function () {
    // Five minutes of the page's clock. A status check every 2.5 s of it, each a real request,
    // took over 40 s in a full CI run's WebKit: here the panel checks once a minute (expiry does
    // not depend on the checks; polling has its own tests).
    this.timeout(90_000);
    fakeTime();
    const { el, backend } = await panelAt('approved');
    el.pollInterval = 60_000;
    await showCode(el, 'wechat');
    const first = el.currentOrder!.order;
    expect(textOf(el)).to.contain('5:00');
    await advance(60_000, 1000);
    expect(textOf(el)).to.contain('4:00');
    expect(liveStatus(el)).to.equal('已生成微信支付付款二维码。');
    await advance(4 * 60_000 + 500, 2500);
    await stateIs(el, 'expired');
    expect(liveStatus(el), 'the live status after expiry').to.equal('二维码已过期，请点击刷新重新获取。');
    expect(maybe(el, 'svg[part="qr-code"]')).to.equal(null);
    const cover = $<HTMLButtonElement>(el, '[part="refresh"]');
    expect(cover.textContent!.trim()).to.equal('二维码已过期，点击刷新');
    cover.click();
    await stateIs(el, 'unpaid');
    const second = el.currentOrder!.order;
    expect(second.id).to.not.equal(first.id);
    expect(second.qrPayload).to.not.equal(first.qrPayload);
    expect(new Set(backend.creates.map((create) => create.key)).size).to.equal(2);
    expect(officeOrders().map((order) => order.status)).to.deep.equal(['expired', 'unpaid']);
  });

  it('says so in its live status when the office lets the code expire or the payment fails', async () => {
    fakeTime();
    const { el } = await panelAt('approved');
    await showCode(el, 'alipay');
    office.expireOrders();
    await advance(2_500);
    await stateIs(el, 'expired');
    expect(liveStatus(el)).to.equal('二维码已过期，请点击刷新重新获取。');
    $<HTMLButtonElement>(el, '[part="refresh"]').click();
    await stateIs(el, 'unpaid');
    office.failPayment('银行卡余额不足');
    await advance(2_500);
    await stateIs(el, 'failed');
    expect(liveStatus(el)).to.equal('支付失败，请查看原因后重新支付。');
  });

  it('covers a code that arrives already expired (scenario payment-expired) and does not poll it', async () => {
    office.setScenario('payment-expired');
    office.faults = { ...office.faults, latencyMs: 0 };
    const { el, backend } = await panelAt('approved');
    channelInput(el, 'alipay').click();
    await stateIs(el, 'expired');
    expect($(el, '[part="refresh"]').textContent!.trim()).to.equal('二维码已过期，点击刷新');
    expect(maybe(el, 'svg[part="qr-code"]')).to.equal(null);
    await sleep(3000);
    expect(backend.statusChecks).to.equal(0);
    $<HTMLButtonElement>(el, '[part="refresh"]').click();
    await until(() => backend.creates.length === 2, 'no second order');
    await stateIs(el, 'expired');
    expect(new Set(backend.creates.map((create) => create.key)).size).to.equal(2);
  });

  it('turns to the receipt when the payment arrives while polling, and fires rk-paid', async () => {
    fakeTime();
    const { el, backend } = await panelAt('approved');
    await showCode(el, 'alipay');
    const paid = new Promise<PaidDetail>((resolve) => el.addEventListener('rk-paid', (event) => resolve(event.detail)));
    await advance(5_000);
    expect(el.state).to.equal('unpaid');
    const checksBefore = backend.statusChecks;
    expect(checksBefore).to.equal(2);
    const status = office.markPaid();
    await advance(2_500);
    await stateIs(el, 'paid');
    const detail = await paid;
    expect(detail.orderId).to.equal(status.orderId);
    expect(detail.receipt.tradeNo).to.equal(status.receipt!.tradeNo);
    const text = textOf(el);
    for (const part of [status.receipt!.tradeNo, '非税支付', '100.00 元', '缴费成功', '支付宝']) expect(text).to.contain(part);
    await advance(20_000);
    expect(backend.statusChecks).to.equal(checksBefore + 1);
  });

  it('checks at once on “我已完成支付”, and shows the help with the office’s phones when nothing arrives', async () => {
    fakeTime();
    const { el, backend } = await panelAt('approved');
    await showCode(el, 'alipay');
    const before = backend.statusChecks;
    $<HTMLButtonElement>(el, '[part="check"]').click();
    await until(() => backend.statusChecks === before + 1, 'no check');
    await until(() => textOf(el).includes('暂未查询到支付结果'), 'no “still unpaid” note');
    expect(maybe(el, '[part="help"]')).to.equal(null);
    await advance(31_000);
    await el.updateComplete;
    const help = $(el, '[part="help"]');
    expect(help.textContent).to.contain('0871-64312910；0871-63626248');
    expect(help.textContent).to.contain('不要重复付款');
  });

  it('pauses polling while the tab is hidden, checks at once when visible, stops when removed', async () => {
    fakeTime();
    const { el, backend } = await panelAt('approved');
    await showCode(el, 'alipay');
    await advance(10_000);
    expect(backend.statusChecks).to.equal(4);

    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    await advance(30_000);
    expect(backend.statusChecks).to.equal(4);

    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
    await until(() => backend.statusChecks === 5, 'no check on becoming visible');

    el.remove();
    await advance(30_000);
    expect(backend.statusChecks).to.equal(5);
  });

  it('backs off while status checks fail and recovers when they succeed', async function () {
    this.timeout(30_000);
    fakeTime();
    const { el, backend } = await panelAt('approved');
    await showCode(el, 'wechat');
    office.faults = { ...office.faults, down: 'http-500', only: ['getPaymentStatus'] };
    const start = Date.now();
    const first = backend.statusChecks;
    await advance(40_000);
    // 2.5 s, then 5, 10, 20 s after each failure.
    const times = backend.statusTimes.slice(first);
    const gaps = times.map((time, i) => (time - (times[i - 1] ?? start)) / 1000);
    expect(gaps.slice(0, 4)).to.deep.equal([2.5, 5, 10, 20]);
    expect(textOf(el)).to.contain('网络不稳定');
    expect(el.state).to.equal('unpaid');

    office.faults = { ...office.faults, down: 'none' };
    const checks = backend.statusChecks;
    await advance(30_000);
    expect(backend.statusChecks).to.be.greaterThan(checks + 1);
    expect(textOf(el)).to.not.contain('网络不稳定');
    office.markPaid();
    await advance(3_000);
    await stateIs(el, 'paid');
  });

  it('creates no order for an application already paid, and shows its receipt', async () => {
    const { el, backend } = await panelAt('paid', { state: 'paid' });
    expect(maybe(el, '[part="channels"]')).to.equal(null);
    expect(maybe(el, '[part="qr"]')).to.equal(null);
    await el.choose('alipay');
    expect(backend.creates).to.have.length(0);
    const text = textOf(el);
    expect(text).to.contain('缴费成功');
    expect(text).to.contain('非税支付');
    expect(officeOrders().filter((order) => order.status !== 'paid')).to.have.length(0);
  });

  it('shows the dates and no QR code outside the payment window', async () => {
    const token = office.seedCandidate({ stage: 'approved' }).token;
    const now = Date.now();
    const closed = new WatchedBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
    closed.paymentWindow = { opensAt: '2026-01-01T09:00:00+08:00', closesAt: new Date(now - 3_600_000).toISOString() };
    const { el } = await panelAt('approved', { backend: closed, token, state: 'window-closed' });
    expect(maybe(el, '[part="channels"]')).to.equal(null);
    expect(maybe(el, 'svg')).to.equal(null);
    expect(textOf(el)).to.contain('缴费时间已结束');
    expect(textOf(el)).to.contain('2026年1月1日');
    expect(closed.creates).to.have.length(0);
    el.remove();

    const early = new WatchedBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
    early.paymentWindow = { opensAt: new Date(now + 86_400_000).toISOString(), closesAt: new Date(now + 9 * 86_400_000).toISOString() };
    const second = await panelAt('approved', { backend: early, token, state: 'window-not-open' });
    expect(textOf(second.el)).to.contain('缴费尚未开始');
    expect(maybe(second.el, '[part="channels"]')).to.equal(null);
  });

  it('says why there is nothing to pay before approval', async () => {
    const waiting = await panelAt('submitted', { state: 'not-eligible' });
    expect(textOf(waiting.el)).to.contain('待审核');
    waiting.provider.remove();
    const rejected = await panelAt('rejected', { state: 'not-eligible' });
    expect(textOf(rejected.el)).to.contain(REJECTION_REASON);
    expect(maybe(rejected.el, '[part="channels"]')).to.equal(null);
  });

  it('before approval, asks again when the tab is shown again (not while hidden) and on recheck(): the code can be paid once approved', async function () {
    this.timeout(15_000);
    const { el, backend } = await panelAt('submitted', { state: 'not-eligible' });
    let asked = 0;
    const getApplication = backend.getApplication.bind(backend);
    backend.getApplication = (options) => {
      asked += 1;
      return getApplication(options);
    };
    await sleep(2_100);
    office.approve();
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    await sleep(300);
    expect(asked, 'nothing asked while hidden').to.equal(0);
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
    await stateIs(el, 'choose');
    expect(asked).to.equal(1);

    // Rejected after all: recheck() (what rk-portal calls when the candidate asks) shows it.
    office.reject('照片不合格');
    await el.recheck();
    await stateIs(el, 'not-eligible');
    expect(textOf(el)).to.contain('照片不合格');
  });

  it('shows a failed payment with its reason, and 重新支付 makes a new order', async () => {
    office.setScenario('payment-failed');
    office.faults = { ...office.faults, latencyMs: 0 };
    const { el, backend } = await panelAt('approved');
    await showCode(el, 'alipay');
    await el.checkNow();
    await stateIs(el, 'paying');
    expect(textOf(el)).to.contain('支付处理中');
    await el.checkNow();
    await stateIs(el, 'failed');
    expect(textOf(el)).to.contain(PAYMENT_FAILURE_REASON);
    Array.from(el.shadowRoot!.querySelectorAll('button')).find((button) => button.textContent!.includes('重新支付'))!.click();
    await stateIs(el, 'unpaid');
    expect(new Set(backend.creates.map((create) => create.key)).size).to.equal(2);
  });

  it('asks before the page is left while an order is open, not after paying', async () => {
    // The panel's own beforeunload listener, called directly: a real beforeunload on the test
    // page would also tell MSW's worker that the page is closing.
    const listeners: EventListener[] = [];
    const add = window.addEventListener;
    window.addEventListener = function (this: Window, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) {
      if (type === 'beforeunload' && typeof listener === 'function') listeners.push(listener);
      else add.call(this, type, listener, options);
    } as typeof window.addEventListener;
    let mounted: Mounted;
    try {
      mounted = await panelAt('approved');
    } finally {
      window.addEventListener = add;
    }
    const { el } = mounted;
    expect(listeners).to.have.length(1);
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      listeners[0]!(event);
      return event.defaultPrevented;
    };
    expect(leave()).to.equal(false);
    await showCode(el, 'alipay');
    expect(leave()).to.equal(true);
    office.markPaid();
    await el.checkNow();
    await stateIs(el, 'paid');
    expect(leave()).to.equal(false);
  });

  it('shows a load failure with 重试, which recovers once the backend answers', async () => {
    office.faults = { ...office.faults, down: 'http-503' };
    const { el } = await panelAt('approved', { state: 'error' });
    expect(textOf(el)).to.contain('503');
    office.faults = { ...office.faults, down: 'none' };
    Array.from(el.shadowRoot!.querySelectorAll('button')).find((button) => button.textContent!.includes('重试'))!.click();
    await stateIs(el, 'choose');
  });

  it('重试 also asks for the round again when its first answer comes after the click, and fails', async () => {
    // The round's first answer (a 503) arrives only after the candidate pressed 重试 on the
    // application's failure: a retry that asked only for what had failed so far stayed in error.
    let release!: () => void;
    const late = new Promise<void>((resolve) => (release = resolve));
    class LateRound extends WatchedBackend {
      rounds = 0;
      override async getExamSession(options?: CallOptions) {
        this.rounds += 1;
        if (this.rounds > 1) return super.getExamSession(options);
        await late;
        throw new HttpError('getExamSession', 503);
      }
    }
    office.faults = { ...office.faults, down: 'http-503', only: ['getApplication', 'getCurrentPayment'] };
    const token = office.seedCandidate({ stage: 'approved' }).token;
    const backend = new LateRound({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
    const { el } = await panelAt('approved', { state: 'error', backend, token });
    office.faults = { ...office.faults, down: 'none' };
    Array.from(el.shadowRoot!.querySelectorAll('button')).find((button) => button.textContent!.includes('重试'))!.click();
    release();
    await stateIs(el, 'choose');
    expect(backend.rounds).to.equal(2);
  });

  it('keeps the code shown when creating an order fails, and offers 重试', async () => {
    const { el, backend } = await panelAt('approved');
    office.faults = { ...office.faults, down: 'network', only: ['createPaymentOrder'] };
    channelInput(el, 'wechat').click();
    await until(() => textOf(el).includes('网络连接失败'), 'no network message');
    office.faults = { ...office.faults, down: 'none' };
    Array.from(el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="qr"] button')).find((button) => button.textContent!.includes('重试'))!.click();
    await stateIs(el, 'unpaid');
    // The retry sent the same key: the office could not have made two orders of one attempt.
    expect(backend.creates.map((create) => create.key)).to.have.length(2);
    expect(new Set(backend.creates.map((create) => create.key)).size).to.equal(1);
    expect(officeOrders()).to.have.length(1);
  });

  it('a status check told the session has ended: rk-session-expired, no more checks, and the same code once signed in again', async () => {
    const seeded = office.seedCandidate({ stage: 'approved' });
    let token = seeded.token;
    const backend = new WatchedBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
    const { provider, el } = await panelAt('approved', { backend, token });
    await showCode(el, 'alipay');
    const payload = officeOrders()[0]!.qrPayload;
    token = 'ended';
    const expired = new Promise<void>((resolve) => el.addEventListener('rk-session-expired', () => resolve(), { once: true }));
    const checks = backend.statusChecks;
    $<HTMLButtonElement>(el, '[part="check"]').click();
    await expired;
    await stateIs(el, 'signed-out');
    expect(provider.session).to.equal(null);
    expect(textOf(el)).to.not.contain('网络不稳定');
    await sleep(3_000);
    expect(backend.statusChecks, 'no checks while signed out').to.equal(checks + 1);

    token = seeded.token;
    provider.session = office.getSession(token).session;
    await stateIs(el, 'unpaid');
    await until(() => maybe(el, 'svg[part="qr-code"]') !== null, 'the QR code was never drawn');
    expect(officeOrders().map((order) => order.qrPayload)).to.deep.equal([payload]);
  });

  it('an order the office no longer knows (NOT_FOUND) is not checked again: the payment is loaded anew', async () => {
    let forget = false;
    let loads = 0;
    class ForgetfulBackend extends WatchedBackend {
      override getPaymentStatus(orderId: string, options?: CallOptions) {
        if (!forget) return super.getPaymentStatus(orderId, options);
        forget = false;
        this.statusTimes.push(Date.now());
        return Promise.reject(new BusinessError('getPaymentStatus', 'NOT_FOUND', '订单不存在。', {}, 404));
      }
      override getCurrentPayment(options?: CallOptions) {
        loads += 1;
        return super.getCurrentPayment(options);
      }
    }
    const token = office.seedCandidate({ stage: 'approved' }).token;
    const backend = new ForgetfulBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
    const { el } = await panelAt('approved', { backend, token });
    await showCode(el, 'wechat');
    const before = loads;
    forget = true;
    $<HTMLButtonElement>(el, '[part="check"]').click();
    await until(() => loads > before, 'the payment was not loaded again');
    await stateIs(el, 'unpaid');
    expect(textOf(el)).to.not.contain('网络不稳定');
    // The office's current order is shown again, and checked as before.
    office.markPaid();
    $<HTMLButtonElement>(el, '[part="check"]').click();
    await stateIs(el, 'paid');
  });

  it('asks again when the candidate signs in after the page opened signed out', async () => {
    let token = 'nobody';
    const backend = new WatchedBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
    watched = backend;
    const provider = await fixture<RkProvider>(html`<rk-provider .backend=${backend}><rk-payment-panel></rk-payment-panel></rk-provider>`);
    const el = provider.querySelector('rk-payment-panel')!;
    await until(() => provider.session === null && el.getAttribute('state') === 'signed-out', 'not signed out');
    token = office.seedCandidate({ stage: 'approved' }).token;
    provider.session = office.getSession(token).session;
    await stateIs(el, 'choose');
    expect(textOf(el)).to.contain('软件设计师');
  });
});

