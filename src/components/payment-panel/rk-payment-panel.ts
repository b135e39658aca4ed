import { ContextConsumer } from '@lit/context';
import { property, state } from 'lit/decorators.js';
import { CountdownController } from '../../controllers/countdown-controller.js';
import { ExamSessionController } from '../../controllers/exam-session-controller.js';
import { BackendConsumer } from '../../controllers/backend-consumer.js';
import { PollController } from '../../controllers/poll-controller.js';
import { LazyRecheck } from '../../controllers/lazy-recheck.js';
import type { RegistrationBackend } from '../../services/backend.js';
import { configContext } from '../../services/context.js';
import { BusinessError, isSignedOutError } from '../../services/errors.js';
import type { Application, ExamSession, PaymentChannel, PaymentStatus, Receipt } from '../../services/schemas.js';
import { PAID_APPLICATION_STATUSES } from '../../services/application-status.js';
import { paymentZhCN } from '../../services/i18n/parts/payment.js';
import { define } from '../base/define.js';
import { fenToYuan } from '../base/exam-format.js';
import type { LocalizeController } from '../../controllers/localize-controller.js';
import { RkElement } from '../base/rk-element.js';
import { dropOrderKey, isOpenStatus, orderKey, type OrderEntry } from './payment-orders.js';
import { styles } from './payment-panel.styles.js';
import { renderPanel, type PaymentPanelState } from './payment-views.js';
import { qrPath, type QrPath } from './qr-code.js';

export type { PaymentPanelState } from './payment-views.js';

/** What `rk-paid` tells: the paid order and its receipt (支付单号, 网关, 时间, 金额). */
export interface PaidDetail {
  orderId: string;
  receipt: Receipt;
}

declare global {
  interface RkEventDetails {
    'rk-paid': PaidDetail;
  }
  interface HTMLElementEventMap {
    'rk-paid': CustomEvent<PaidDetail>;
  }
  interface HTMLElementTagNameMap {
    'rk-payment-panel': RkPaymentPanel;
  }
}

/**
 * 网上缴费: the fee of the approved application (exam, level, qualification, subjects, payment
 * window, amount) and payment by scanning an Alipay or WeChat QR code drawn in the page. One
 * order per channel whatever the clicks (idempotency keys kept for the tab); a countdown to the
 * code's expiry, then "二维码已过期，点击刷新"; the status polled every few seconds while the page
 * is visible (backing off on errors, paused while hidden, stopped when the element leaves);
 * "我已完成支付" checks at once; the receipt (支付单号, 支付网关, 支付时间, 实付金额, 缴费成功) when
 * paid. Outside the payment window it shows the dates and no code; an application already paid
 * shows its receipt and can create no order. While an order is open, leaving the page asks first.
 *
 * @tagname rk-payment-panel
 * @summary Pay the exam fee by Alipay or WeChat QR code, with expiry, refresh, status polling and receipt.
 *
 * @fires rk-paid - A payment made in this element succeeded. `detail`: `PaidDetail` (`{ orderId, receipt }`). Not fired for an application that was already paid when loaded.
 * @fires rk-session-expired - The backend said the candidate is no longer signed in.
 *
 * @slot footer - Below the panel's content.
 *
 * @csspart panel - The box around everything.
 * @csspart title - The heading.
 * @csspart summary - What is paid for, the window and the amount.
 * @csspart amount - The amount due.
 * @csspart channels - The choice of Alipay or WeChat.
 * @csspart qr - The box of the QR code (also while creating or expired).
 * @csspart qr-code - The QR code's `<svg>`.
 * @csspart refresh - The "二维码已过期，点击刷新" button over an expired code.
 * @csspart countdown - The time left before the code expires.
 * @csspart status - The payment status line.
 * @csspart check - The "我已完成支付" button.
 * @csspart tip - The 特别提示 beside the code: do not close the page, the office's phone numbers.
 * @csspart help - The help text with the office's phone numbers.
 * @csspart receipt - The receipt block after payment.
 *
 * @cssprop --rk-color-primary - Buttons and the chosen channel.
 * @cssprop --rk-color-success - The paid result.
 * @cssprop --rk-color-danger - Failures.
 * @cssprop --rk-color-focus - The focus ring.
 * @cssprop --rk-target-size - Minimum size of buttons and channel choices (44px).
 * @cssprop --rk-qr-size - Width of the QR code (default 14rem).
 */
export class RkPaymentPanel extends RkElement {
  static override styles = styles;

  @property({ reflect: true }) state: PaymentPanelState = 'loading';

  /** The chosen channel, `alipay` or `wechat` (reflected; a page may preselect one). */
  @property({ reflect: true }) channel: PaymentChannel | '' = '';

  /** Milliseconds between status checks while the code is shown (default 2500). */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = 2500;

  /** Seconds after "我已完成支付" without a result before the help text with phone numbers shows (default 60). */
  @property({ type: Number, attribute: 'help-after' }) helpAfter = 60;

  /** Any adapter; wins over the provider's. */
  @property({ attribute: false }) backend: RegistrationBackend | undefined;

  // The state below, and the members marked `@internal` further on, are the views' (payment-views.ts
  // reads the element itself): no part of the element's API.
  /** @internal */
  @state() application: Application | null | undefined;
  @state() private loadError: unknown;
  /** @internal */
  @state() receipt: Receipt | null = null;
  /** @internal Why the order could not be created. */
  @state() createError: unknown;
  /** @internal The code drawn, for its payload. */
  @state() qr: { payload: string; path: QrPath } | undefined;
  /** @internal */
  @state() qrError = false;
  /** @internal */
  @state() checking = false;
  /** @internal The candidate asked, and the order was not paid yet. */
  @state() checkedUnpaid = false;
  /** @internal */
  @state() announcement = '';

  /** The backend and the session, what the application was loaded for, the load under way. */
  readonly #consumer = new BackendConsumer(this);
  readonly #configContext = new ContextConsumer(this, { context: configContext, subscribe: true });
  readonly #exam = new ExamSessionController(this, () => this.effectiveBackend);
  readonly #countdown = new CountdownController(this, { now: () => this.#exam.now(), onEnd: () => this.#codeRanOut() });
  readonly #poll = new PollController(this, {
    task: (signal) => this.#checkStatus(signal),
    intervalMs: () => Math.max(500, this.pollInterval),
  });
  /** Before approval, or before the payment window: asks again when it opens, the tab returns, or on `recheck()`. */
  readonly #recheck = new LazyRecheck(this, {
    check: () => this.#load(true),
    waiting: () => this.state === 'not-eligible' || this.state === 'window-not-open',
    due: () => (this.state === 'window-not-open' ? this.#exam.session?.paymentWindow.opensAt : undefined),
    now: () => this.#exam.now(),
  });
  /** The orders of this application, by channel. */
  readonly #orders = new Map<PaymentChannel, OrderEntry>();
  /** Orders being created, by channel: a second click waits for the first. */
  readonly #creating = new Map<PaymentChannel, Promise<void>>();
  /** When the candidate said they paid (the backend's clock), for the help text. */
  #saidPaidAt: number | undefined;

  get effectiveBackend(): RegistrationBackend | undefined {
    return this.#consumer.backend;
  }

  /** The order whose code is shown (of the chosen channel), if any. */
  get currentOrder(): OrderEntry | undefined {
    return this.channel ? this.#orders.get(this.channel) : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeunload', this.#beforeUnload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.#beforeUnload);
  }

  /** Loads the application and its payment again (what "重试" does). */
  reload(): Promise<void> {
    return this.#load(false);
  }

  /**
   * Asks again quietly, keeping what is shown until the answer: the payment's status while a
   * code is shown, else the application (approved yet?). One request at a time.
   */
  recheck(): Promise<void> {
    return this.state === 'unpaid' || this.state === 'paying' ? this.#poll.checkNow() : this.#recheck.recheck();
  }

  /** `quiet`: what is shown stays until the answer, and when it fails. */
  async #load(quiet: boolean): Promise<void> {
    const backend = this.effectiveBackend;
    if (!backend) return;
    this.#consumer.asking();
    const signal = this.#consumer.request();
    if (!quiet) {
      this.loadError = undefined;
      this.application = undefined;
    }
    try {
      const [application, current] = await Promise.all([
        backend.getApplication({ signal }),
        backend.getCurrentPayment({ signal }),
      ]);
      if (signal.aborted) return;
      this.application = application;
      this.#orders.clear();
      if (current.order && current.status) {
        const entry: OrderEntry = { order: current.order, status: current.status.status };
        if (current.status.failureReason) entry.failureReason = current.status.failureReason;
        if (current.status.status === 'paid') {
          this.receipt = current.status.receipt;
        } else if (application?.status === 'approved' && (isOpenStatus(entry.status) || entry.status === 'failed')) {
          this.#orders.set(current.order.channel, entry);
          this.channel = current.order.channel;
          this.#show(entry);
        }
      }
      this.loadError = undefined;
    } catch (error) {
      if (signal.aborted) return;
      if (this.#signedOut(error)) return;
      if (!quiet || this.application === undefined) this.loadError = error;
    } finally {
      this.#recheck.answered();
    }
  }

  /** Chooses a channel: shows its open order, or creates one (once, whatever the clicks). */
  async choose(channel: PaymentChannel): Promise<void> {
    this.channel = channel;
    this.createError = undefined;
    const entry = this.#orders.get(channel);
    if (entry && isOpenStatus(entry.status) && !this.#expired(entry)) {
      this.#show(entry);
      return;
    }
    if (entry && !isOpenStatus(entry.status)) {
      // Expired, failed or closed: this click asks for a new order.
      this.#orders.delete(channel);
    }
    await this.#create(channel);
  }

  /** Checks the payment at once (what "我已完成支付" does). */
  async checkNow(): Promise<void> {
    const entry = this.currentOrder;
    if (!entry || !isOpenStatus(entry.status) || this.checking) return;
    this.#saidPaidAt ??= this.#exam.now();
    this.checking = true;
    this.checkedUnpaid = false;
    this.announcement = this.t('payment.checking');
    await this.#poll.checkNow();
    this.checking = false;
    this.checkedUnpaid = this.currentOrder?.status === 'unpaid';
  }

  // --- orders ------------------------------------------------------------------------------------

  #create(channel: PaymentChannel): Promise<void> {
    let running = this.#creating.get(channel);
    if (!running) {
      running = this.#createOnce(channel).finally(() => {
        this.#creating.delete(channel);
        this.requestUpdate();
      });
      this.#creating.set(channel, running);
      this.requestUpdate();
    }
    return running;
  }

  async #createOnce(channel: PaymentChannel): Promise<void> {
    const backend = this.effectiveBackend;
    const application = this.application;
    if (!backend || !application || PAID_APPLICATION_STATUSES.has(application.status)) return;
    try {
      const order = await backend.createPaymentOrder(
        { channel },
        { idempotencyKey: orderKey(application.id, channel) },
      );
      const entry: OrderEntry = { order, status: 'unpaid' };
      this.#orders.set(channel, entry);
      if (this.#expired(entry)) {
        // The answer to a key of an order that has run out: the next click gets a fresh one.
        entry.status = 'expired';
        dropOrderKey(application.id, channel);
      }
      if (this.channel === channel) {
        this.#show(entry);
        this.announcement = this.t('payment.announce.qr', { channel: this.t(`payment.channelName.${channel}`) });
      }
    } catch (error) {
      if (this.#signedOut(error)) return;
      if (error instanceof BusinessError && ['ALREADY_PAID', 'INVALID_STATE', 'WINDOW_CLOSED', 'WINDOW_NOT_OPEN'].includes(error.code)) {
        // The application or the window changed: show what is true now.
        void this.reload();
        void this.#exam.reload();
        return;
      }
      if (this.channel === channel) this.createError = error;
    }
  }

  /** Shows an order: its code, its countdown, and polling while it can be paid. */
  #show(entry: OrderEntry): void {
    this.checkedUnpaid = false;
    if (isOpenStatus(entry.status) && !this.#expired(entry)) {
      this.#countdown.startUntil(Date.parse(entry.order.expiresAt));
      this.#poll.start();
      void this.drawCode(entry.order.qrPayload);
    } else {
      this.#countdown.stop();
      this.#poll.stop();
    }
  }

  /** @internal Draws the code for `payload` (again, after it failed). */
  async drawCode(payload: string): Promise<void> {
    if (this.qr?.payload === payload) return;
    this.qrError = false;
    try {
      const path = await qrPath(payload);
      this.qr = { payload, path };
    } catch {
      this.qrError = true;
    }
  }

  #expired(entry: OrderEntry): boolean {
    return Date.parse(entry.order.expiresAt) <= this.#exam.now();
  }

  /** The countdown reached zero: the code is covered; one last check in case it was paid just now. */
  #codeRanOut(): void {
    const entry = this.currentOrder;
    if (!entry || !isOpenStatus(entry.status)) return;
    void this.#poll.checkNow().then(() => {
      if (isOpenStatus(entry.status)) this.#finish(entry, 'expired');
    });
  }

  /** Gets a fresh code for the chosen channel (the expired cover and "重新支付"). */
  async refresh(): Promise<void> {
    if (!this.channel) return;
    await this.choose(this.channel);
  }

  // --- status ------------------------------------------------------------------------------------

  async #checkStatus(signal: AbortSignal): Promise<void> {
    const entry = this.currentOrder;
    const backend = this.effectiveBackend;
    if (!entry || !backend || !isOpenStatus(entry.status)) {
      this.#poll.stop();
      return;
    }
    let status: PaymentStatus;
    try {
      status = await backend.getPaymentStatus(entry.order.id, { signal });
    } catch (error) {
      if (signal.aborted) throw error;
      if (this.#signedOut(error)) {
        // Signed in again, the panel loads the application and the open order anew.
        this.#poll.stop();
        this.#countdown.stop();
        return;
      }
      if (error instanceof BusinessError && error.code === 'NOT_FOUND') {
        // The office no longer knows the order: what the application's payment is now, it tells.
        this.#poll.stop();
        void this.reload();
        return;
      }
      throw error;
    }
    this.#apply(entry, status);
  }

  #apply(entry: OrderEntry, status: PaymentStatus): void {
    if (status.status === 'paid') {
      this.#finish(entry, 'paid');
      this.receipt = status.receipt;
      if (this.application) this.application = { ...this.application, status: 'paid' };
      const amount = this.t('common.yuan', { amount: fenToYuan(status.receipt?.amountFen ?? entry.order.amountFen) });
      this.announcement = this.t('payment.announce.paid', { amount });
      if (status.receipt) this.emit('rk-paid', { orderId: entry.order.id, receipt: status.receipt });
      void this.#focusReceipt();
      return;
    }
    if (status.status === 'unpaid' || status.status === 'paying') {
      entry.status = status.status;
      this.requestUpdate();
      return;
    }
    if (status.failureReason) entry.failureReason = status.failureReason;
    this.#finish(entry, status.status);
    // Closed: perhaps paid through the other channel's code; the current payment tells.
    if (status.status === 'closed') void this.reload();
  }

  /** The order is over: no more polling or countdown, and its key is spent. */
  #finish(entry: OrderEntry, status: OrderEntry['status']): void {
    entry.status = status;
    this.#poll.stop();
    this.#countdown.stop();
    this.#saidPaidAt = undefined;
    if (status !== 'paid' && this.application) dropOrderKey(this.application.id, entry.order.channel);
    // The live status says what became of the code (it still said the code was generated).
    if (status === 'expired' || status === 'failed' || status === 'closed') this.announcement = this.t(`payment.announce.${status}`);
    this.requestUpdate();
  }

  async #focusReceipt(): Promise<void> {
    if (!this.matches(':focus-within')) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#receipt-title')?.focus();
  }

  #signedOut(error: unknown): boolean {
    if (isSignedOutError(error)) {
      this.application = null;
      this.loadError = error;
      this.emit('rk-session-expired', undefined);
      return true;
    }
    return false;
  }

  readonly #beforeUnload = (event: BeforeUnloadEvent): void => {
    if (this.state !== 'unpaid' && this.state !== 'paying') return;
    event.preventDefault();
    // Older browsers show the dialog only when returnValue is set.
    event.returnValue = this.t('payment.leaveWarning');
  };

  // --- state -------------------------------------------------------------------------------------

  protected override willUpdate(): void {
    this.#exam.ensure();
    const backend = this.effectiveBackend;
    // Signed out: nothing asked, but whoever signs in next is asked for.
    if (this.#consumer.due()) void this.reload();
    this.state = this.#computeState(backend, this.#consumer.signedOut);
    if (this.state === 'not-eligible' || this.state === 'window-not-open') this.#recheck.start().catch(() => undefined);
  }

  #computeState(backend: RegistrationBackend | undefined, sessionGone: boolean): PaymentPanelState {
    if (!backend) return 'no-backend';
    if (sessionGone || isSignedOutError(this.loadError)) return 'signed-out';
    if (this.loadError || (this.#exam.error && !this.#exam.session)) return 'error';
    const exam = this.#exam.session;
    const application = this.application;
    if (!exam || application === undefined) return 'loading';
    if (this.receipt || (application && PAID_APPLICATION_STATUSES.has(application.status))) return 'paid';
    if (!application || application.status !== 'approved') return 'not-eligible';
    const entry = this.currentOrder;
    if (entry && isOpenStatus(entry.status)) return entry.status;
    const payWindow = exam.paymentWindow;
    const now = this.#exam.now();
    if (now < Date.parse(payWindow.opensAt)) return 'window-not-open';
    if (now >= Date.parse(payWindow.closesAt)) return 'window-closed';
    if (this.channel && this.#creating.has(this.channel)) return 'creating';
    if (entry?.status === 'failed') return 'failed';
    if (entry && (entry.status === 'expired' || entry.status === 'closed')) return 'expired';
    return 'choose';
  }

  // --- rendering ---------------------------------------------------------------------------------

  /** The views render from payment-views.ts, which reads the element. */
  protected override render() {
    return renderPanel(this);
  }

  /** @internal The element's texts (public for the views; the base class's, no code of their own). */
  declare t: (...args: Parameters<LocalizeController['t']>) => string;
  /** @internal */
  declare readonly localize: LocalizeController;

  /** @internal Why the application or the round could not be loaded. */
  get failure(): unknown {
    return this.loadError ?? this.#exam.error;
  }

  /** @internal The round, once loaded. */
  get examSession(): ExamSession | undefined {
    return this.#exam.session;
  }

  /** @internal The status checks keep failing. */
  get pollTrouble(): boolean {
    return this.#poll.failures > 0;
  }

  /** @internal Seconds left on the code's countdown. */
  get remaining(): number {
    return this.#countdown.remaining;
  }

  /** @internal The office's help lines: the site's (`config.contactPhones`), else the round's. */
  get phones(): readonly string[] {
    return this.#configContext.value?.contactPhones ?? this.#exam.session?.contactPhones ?? [];
  }

  /** @internal The candidate said they paid long enough ago without a result: the help text shows. */
  get showHelp(): boolean {
    const saidAt = this.#saidPaidAt;
    return saidAt !== undefined && this.#exam.now() - saidAt >= this.helpAfter * 1000;
  }

  /** @internal 重试 after a failed load (the round's too, unless it is there). */
  retryLoad(): void {
    // Not only when it failed: the round may still be on its way, to fail after this click.
    if (!this.#exam.session) void this.#exam.reload();
    void this.reload();
  }
}

define('rk-payment-panel', RkPaymentPanel, paymentZhCN);
