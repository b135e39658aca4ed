/**
 * The views of `rk-payment-panel`: the notices (loading, no backend, signed out, load error, not
 * approved yet, outside the payment window), the fee summary, the channels, the code with its
 * countdown and status, the help with the office's phones, and the receipt. The element keeps the
 * state, the orders, the polling and the events; it gives the views a `PaymentView` of what they
 * show and what their buttons do.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isRkError } from '../../services/errors.js';
import type { Locale } from '../../services/i18n/index.js';
import type { Application, ExamSession, PaymentChannel, Receipt, Window } from '../../services/schemas.js';
import { fenToYuan, formatDateTime } from '../base/exam-format.js';
import { isOpenStatus, type OrderEntry } from './payment-orders.js';
import { qrSvg, type QrPath } from './qr-code.js';

/**
 * `loading`, `error` (with retry), `no-backend`, `signed-out`, `not-eligible` (not approved yet),
 * `window-not-open`, `window-closed`, `choose` (no order yet), `creating`, `unpaid` (QR shown),
 * `paying`, `paid` (the receipt), `failed` (reason, pay again), `expired` (QR covered, refresh).
 */
export type PaymentPanelState =
  | 'loading'
  | 'error'
  | 'no-backend'
  | 'signed-out'
  | 'not-eligible'
  | 'window-not-open'
  | 'window-closed'
  | 'choose'
  | 'creating'
  | 'unpaid'
  | 'paying'
  | 'paid'
  | 'failed'
  | 'expired';

const CHANNELS: PaymentChannel[] = ['alipay', 'wechat'];

export interface PaymentView {
  state: PaymentPanelState;
  t: (key: string, params?: Record<string, string | number>) => string;
  lang: Locale;
  /** An error as the candidate reads it. */
  errorText: (error: unknown) => string;
  /** Why the application or the round could not be loaded. */
  loadError: unknown;
  /** The round, once loaded. */
  exam: ExamSession | undefined;
  application: Application | null | undefined;
  receipt: Receipt | null;
  /** The order of the chosen channel, if any. */
  currentOrder: OrderEntry | undefined;
  channel: PaymentChannel | '';
  createError: unknown;
  qr: { payload: string; path: QrPath } | undefined;
  qrError: boolean;
  checking: boolean;
  checkedUnpaid: boolean;
  /** The status checks keep failing. */
  pollTrouble: boolean;
  /** Seconds left on the code's countdown. */
  remaining: number;
  /** The office's help lines: the site's (`config.contactPhones`), else the round's. */
  phones: readonly string[];
  /** The candidate said they paid long enough ago without a result: the help text shows. */
  showHelp: boolean;
  announcement: string;
  on: {
    retryLoad: () => void;
    choose: (channel: PaymentChannel) => void;
    /** A fresh code for the chosen channel. */
    refresh: () => void;
    /** Draws the code again. */
    redraw: (payload: string) => void;
    checkNow: () => void;
  };
}

/** The panel: its heading, the view of its state, the live announcement. */
export function renderPanel(v: PaymentView): TemplateResult {
  return html`<section part="panel" aria-labelledby="title">
    <h2 id="title" part="title" tabindex="-1">${v.t('payment.title')}</h2>
    ${renderBody(v)}
    <p class="visually-hidden" role="status" aria-live="polite">${v.announcement}</p>
    <slot name="footer"></slot>
  </section>`;
}

function renderBody(v: PaymentView) {
  switch (v.state) {
    case 'loading':
      return html`<p role="status" class="loading">${v.t('payment.loading')}</p>`;
    case 'no-backend':
      return html`<div class="notice">${v.t('payment.noBackend')}</div>`;
    case 'signed-out':
      return html`<div class="notice">${v.t('payment.signedOut')}</div>`;
    case 'error':
      return renderLoadError(v);
    case 'not-eligible':
      return renderNotEligible(v);
    case 'paid':
      return html`${renderSummary(v)} ${renderReceipt(v)}`;
    case 'window-not-open':
    case 'window-closed':
      return html`${renderSummary(v)} ${renderWindowNotice(v)}`;
    default:
      return html`${renderSummary(v)} ${renderChannels(v)} ${renderPayment(v)}`;
  }
}

function renderLoadError(v: PaymentView) {
  const error = v.loadError;
  return html`<div class="notice danger" role="alert">
    <p>${v.t('payment.loadError', { reason: v.errorText(error) })}</p>
    ${isRkError(error) && !error.retryable
      ? nothing
      : html`<button type="button" @click=${() => v.on.retryLoad()}>${v.t('common.retry')}</button>`}
  </div>`;
}

function renderNotEligible(v: PaymentView) {
  const application = v.application;
  const status = application?.status ?? 'none';
  const key = status === 'draft' || status === 'submitted' || status === 'rejected' ? status : 'none';
  const reason = status === 'rejected' ? application?.review?.reason : undefined;
  return html`<div class="notice ${status === 'rejected' ? 'danger' : ''}">
    <p>${v.t(`payment.notEligible.${key}`)}</p>
    ${reason ? html`<p>${v.t('payment.notEligible.reason', { reason })}</p>` : nothing}
  </div>`;
}

function windowText(v: PaymentView, range: Window) {
  const lang = v.lang;
  return { opensAt: formatDateTime(lang, range.opensAt), closesAt: formatDateTime(lang, range.closesAt) };
}

function renderWindowNotice(v: PaymentView) {
  const payWindow = v.exam!.paymentWindow;
  const key = v.state === 'window-not-open' ? 'payment.windowNotOpen' : 'payment.windowClosed';
  return html`<div class="notice ${v.state === 'window-closed' ? 'danger' : ''}" role="status">
    ${v.t(key, windowText(v, payWindow))}
  </div>`;
}

function renderSummary(v: PaymentView) {
  const exam = v.exam!;
  const fields = v.application?.fields ?? {};
  const level = exam.plan.levels.find((candidate) => candidate.id === fields.levelId);
  const qualification = level?.qualifications.find((candidate) => candidate.id === fields.qualificationId);
  const subjectIds = Array.isArray(fields.subjectIds) ? fields.subjectIds : [];
  const subjects = qualification?.subjects.filter((subject) => subjectIds.includes(subject.id)) ?? [];
  const payWindow = v.currentOrder?.order.paymentWindow ?? exam.paymentWindow;
  const amountFen = v.receipt?.amountFen ?? v.currentOrder?.order.amountFen ?? v.application?.feeFen ?? null;
  const row = (label: string, value: unknown) =>
    value === undefined || value === null || value === '' ? nothing : html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`;
  return html`<section class="summary" part="summary" aria-labelledby="summary-title">
    <h3 id="summary-title">${v.t('payment.summary')}</h3>
    <dl>
      ${row(v.t('payment.exam'), exam.name)} ${row(v.t('payment.registrationNumber'), v.application?.registrationNumber)}
      ${row(v.t('payment.level'), level?.name)} ${row(v.t('payment.qualification'), qualification?.name)}
      ${row(v.t('payment.subjects'), subjects.map((subject) => subject.name).join('、'))}
      ${row(v.t('payment.window'), html`<span class="dates">${v.t('payment.windowRange', windowText(v, payWindow))}</span>`)}
      ${amountFen === null
        ? nothing
        : html`<div class="row amount-row">
            <dt>${v.t('payment.amount')}</dt>
            <dd part="amount" class="amount">${v.t('common.yuan', { amount: fenToYuan(amountFen) })}</dd>
          </div>`}
    </dl>
  </section>`;
}

function renderChannels(v: PaymentView) {
  return html`<fieldset class="channels" part="channels">
    <legend>${v.t('payment.channel.legend')}</legend>
    <div class="channel-list">
      ${CHANNELS.map(
        (channel) => html`<label class="channel ${channel}">
          <input
            type="radio"
            name="channel"
            value=${channel}
            .checked=${v.channel === channel}
            aria-describedby="qr-status"
            @change=${() => v.on.choose(channel)}
          /><span class="channel-face"><span class="channel-mark" aria-hidden="true"></span>${v.t(`payment.channel.${channel}`)}</span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}

function renderPayment(v: PaymentView) {
  const entry = v.currentOrder;
  const channelName = v.channel ? v.t(`payment.channelName.${v.channel}`) : '';
  return html`<div class="pay" aria-live="polite">
    <div class="qr" part="qr">${renderCode(v, entry, channelName)}</div>
    <div class="pay-side">
      ${renderStatus(v, entry, channelName)}
      <div class="tip" part="tip">
        <p>${v.t('payment.tip')}</p>
        ${renderPhones(v)}
      </div>
      ${renderHelp(v)}
    </div>
  </div>`;
}

function renderCode(v: PaymentView, entry: OrderEntry | undefined, channelName: string) {
  if (v.createError) {
    return html`<div class="qr-message danger" role="alert">
      <p>${v.errorText(v.createError)}</p>
      <button type="button" class="primary" @click=${() => v.on.refresh()}>${v.t('common.retry')}</button>
    </div>`;
  }
  switch (v.state) {
    case 'choose':
      return v.channel
        ? html`<div class="qr-message">
            <button type="button" class="primary" @click=${() => v.on.refresh()}>${v.t('payment.qr.scan', { channel: channelName })}</button>
          </div>`
        : html`<p class="qr-message">${v.t('payment.chooseHint')}</p>`;
    case 'creating':
      return html`<p class="qr-message" role="status"><span class="spinner" aria-hidden="true"></span>${v.t('payment.creating')}</p>`;
    case 'expired':
      return html`<button type="button" class="qr-cover" part="refresh" @click=${() => v.on.refresh()}>
        ${v.t(entry?.status === 'closed' ? 'payment.qr.closed' : 'payment.qr.expired')}
      </button>`;
    case 'failed':
      return html`<div class="qr-message danger">
        <button type="button" class="primary" @click=${() => v.on.refresh()}>${v.t('payment.retry')}</button>
      </div>`;
    default:
      break;
  }
  if (!entry) return nothing;
  if (v.qrError) {
    return html`<div class="qr-message danger" role="alert">
      <p>${v.t('payment.qr.loadError')}</p>
      <button type="button" @click=${() => v.on.redraw(entry.order.qrPayload)}>${v.t('common.retry')}</button>
    </div>`;
  }
  const amount = v.t('common.yuan', { amount: fenToYuan(entry.order.amountFen) });
  return v.qr?.payload === entry.order.qrPayload
    ? qrSvg(v.qr.path, v.t('payment.qr.label', { channel: channelName, amount }))
    : html`<p class="qr-message" role="status"><span class="spinner" aria-hidden="true"></span>${v.t('payment.creating')}</p>`;
}

function renderStatus(v: PaymentView, entry: OrderEntry | undefined, channelName: string) {
  const open = entry && isOpenStatus(entry.status) && (v.state === 'unpaid' || v.state === 'paying');
  // Never more than the code's lifetime: the backend's clock is known only to a request's latency.
  const lifetime = entry ? Math.floor((Date.parse(entry.order.expiresAt) - Date.parse(entry.order.createdAt)) / 1000) : 0;
  const remaining = Math.min(v.remaining, Math.max(0, lifetime));
  const time = `${Math.floor(remaining / 60)}:${String(remaining % 60).padStart(2, '0')}`;
  return html`<div class="status" part="status" id="qr-status">
    ${open
      ? html`<p class="scan">${v.t('payment.qr.scan', { channel: channelName })}</p>
          <p class="status-line ${entry.status}">
            <strong>${v.t(`payment.status.${entry.status}`)}</strong>
          </p>
          <p class="countdown" part="countdown" aria-live="off">${v.t('payment.qr.expiresIn', { time })}</p>
          <p class="hint">${v.t('payment.qr.refreshHint')}</p>
          <p class="order-id">${v.t('payment.orderNumber', { id: entry.order.id })}</p>
          <button type="button" part="check" class="primary" aria-disabled=${v.checking ? 'true' : 'false'} @click=${() => v.on.checkNow()}>
            ${v.checking ? v.t('payment.checking') : v.t('payment.checkNow')}
          </button>
          ${v.checkedUnpaid ? html`<p class="hint" role="status">${v.t('payment.stillUnpaid')}</p>` : nothing}
          ${v.pollTrouble ? html`<p class="hint warning" role="status">${v.t('payment.pollTrouble')}</p>` : nothing}`
      : nothing}
    ${v.state === 'failed'
      ? html`<div class="notice danger" role="alert">
          <p><strong>${v.t('payment.status.failed')}</strong></p>
          ${entry?.failureReason ? html`<p>${v.t('payment.failedReason', { reason: entry.failureReason })}</p>` : nothing}
        </div>`
      : nothing}
    ${v.state === 'expired'
      ? html`<p class="status-line expired"><strong>${v.t(entry?.status === 'closed' ? 'payment.status.closed' : 'payment.status.expired')}</strong></p>
          <p class="hint">${v.t('payment.qr.refreshHint')}</p>`
      : nothing}
  </div>`;
}

/**
 * The seed's 特别提示 gives the office's phones beside the code, where a payment that does not
 * arrive is noticed, separated by ；(a number may hold 、: 转 835、836); each part of a number
 * (0871-64312910, 转, 835、836) kept on one line, so that large text can still wrap between them.
 */
function renderPhones(v: PaymentView) {
  const phones = v.phones;
  if (!phones.length) return nothing;
  const [before, after] = v.t('payment.help.phones', { phones: '\u0000' }).split('\u0000');
  return html`<p>
    ${before}${phones.map(
      (phone, i) => html`${i ? '；' : ''}${phone.split(' ').map((part, j) => html`${j ? ' ' : ''}<span class="phone">${part}</span>`)}`,
    )}${after}
  </p>`;
}

function renderHelp(v: PaymentView) {
  if (!v.showHelp) return nothing;
  return html`<div class="notice help" part="help" role="note">
    <p>${v.t('payment.help')}</p>
    ${renderPhones(v)}
  </div>`;
}

function renderReceipt(v: PaymentView) {
  const receipt = v.receipt;
  const lang = v.lang;
  if (!receipt) {
    return html`<div class="receipt" part="receipt">
      <h3 id="receipt-title" tabindex="-1">${v.t('payment.receipt.title')}</h3>
      <p class="result">${v.t('payment.status.paid')}</p>
      <p>${v.t('payment.receipt.none')}</p>
    </div>`;
  }
  return html`<section class="receipt" part="receipt" aria-labelledby="receipt-title">
    <h3 id="receipt-title" tabindex="-1">${v.t('payment.receipt.title')}</h3>
    <dl>
      <div class="row"><dt>${v.t('payment.receipt.tradeNo')}</dt><dd class="trade-no">${receipt.tradeNo}</dd></div>
      <div class="row"><dt>${v.t('payment.receipt.gateway')}</dt><dd>${receipt.gateway}</dd></div>
      <div class="row"><dt>${v.t('payment.receipt.channel')}</dt><dd>${v.t(`payment.channelName.${receipt.channel}`)}</dd></div>
      <div class="row"><dt>${v.t('payment.receipt.paidAt')}</dt><dd>${formatDateTime(lang, receipt.paidAt)}</dd></div>
      <div class="row">
        <dt>${v.t('payment.receipt.amount')}</dt>
        <dd>${v.t('common.yuan', { amount: fenToYuan(receipt.amountFen) })}</dd>
      </div>
      <div class="row"><dt>${v.t('payment.receipt.result')}</dt><dd class="result">${v.t('payment.status.paid')}</dd></div>
    </dl>
  </section>`;
}
