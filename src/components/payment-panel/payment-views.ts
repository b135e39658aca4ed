/**
 * The views of `rk-payment-panel`: the notices (loading, no backend, signed out, load error, not
 * approved yet, outside the payment window), the fee summary, the channels, the code with its
 * countdown and status, the help with the office's phones, and the receipt. The element keeps the
 * state, the orders, the polling and the events; the views read it (a `PaymentHost`) and call
 * it back.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isRkError } from '../../services/errors.js';
import type { PaymentChannel, Window } from '../../services/schemas.js';
import { fenToYuan, formatDateTime } from '../base/exam-format.js';
import { isOpenStatus, type OrderEntry } from './payment-orders.js';
import { qrSvg } from './qr-code.js';
import type { RkPaymentPanel } from './rk-payment-panel.js';

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

/**
 * @internal What the views read and call on the element: its own members, those it has for
 * them alone marked `@internal` too (no part of its API: out of the manifest and the types).
 * They read the element itself rather than a copy of its state, which would cost every render
 * an object and the page the names of its fields twice over.
 */
export type PaymentHost = Pick<
  RkPaymentPanel,
  | 'state'
  | 't'
  | 'localize'
  | 'failure'
  | 'examSession'
  | 'application'
  | 'receipt'
  | 'currentOrder'
  | 'channel'
  | 'createError'
  | 'qr'
  | 'qrError'
  | 'checking'
  | 'checkedUnpaid'
  | 'pollTrouble'
  | 'remaining'
  | 'phones'
  | 'showHelp'
  | 'announcement'
  | 'retryLoad'
  | 'choose'
  | 'refresh'
  | 'drawCode'
  | 'checkNow'
>;

/** @internal The panel: its heading, the view of its state, the live announcement. */
export function renderPanel(h: PaymentHost): TemplateResult {
  return html`<section part="panel" aria-labelledby="title">
    <h2 id="title" part="title" tabindex="-1">${h.t('payment.title')}</h2>
    ${renderBody(h)}
    <p class="visually-hidden" role="status" aria-live="polite">${h.announcement}</p>
    <slot name="footer"></slot>
  </section>`;
}

function renderBody(h: PaymentHost) {
  switch (h.state) {
    case 'loading':
      return html`<p role="status" class="loading">${h.t('payment.loading')}</p>`;
    case 'no-backend':
      return html`<div class="notice">${h.t('payment.noBackend')}</div>`;
    case 'signed-out':
      return html`<div class="notice">${h.t('payment.signedOut')}</div>`;
    case 'error':
      return renderLoadError(h);
    case 'not-eligible':
      return renderNotEligible(h);
    case 'paid':
      return html`${renderSummary(h)} ${renderReceipt(h)}`;
    case 'window-not-open':
    case 'window-closed':
      return html`${renderSummary(h)} ${renderWindowNotice(h)}`;
    default:
      return html`${renderSummary(h)} ${renderChannels(h)} ${renderPayment(h)}`;
  }
}

function renderLoadError(h: PaymentHost) {
  const error = h.failure;
  return html`<div class="notice danger" role="alert">
    <p>${h.t('payment.loadError', { reason: h.localize.error(error) })}</p>
    ${isRkError(error) && !error.retryable
      ? nothing
      : html`<button type="button" @click=${() => h.retryLoad()}>${h.t('common.retry')}</button>`}
  </div>`;
}

function renderNotEligible(h: PaymentHost) {
  const application = h.application;
  const status = application?.status ?? 'none';
  const key = status === 'draft' || status === 'submitted' || status === 'rejected' ? status : 'none';
  const reason = status === 'rejected' ? application?.review?.reason : undefined;
  return html`<div class="notice ${status === 'rejected' ? 'danger' : ''}">
    <p>${h.t(`payment.notEligible.${key}`)}</p>
    ${reason ? html`<p>${h.t('payment.notEligible.reason', { reason })}</p>` : nothing}
  </div>`;
}

function windowText(h: PaymentHost, range: Window) {
  const lang = h.localize.lang;
  return { opensAt: formatDateTime(lang, range.opensAt), closesAt: formatDateTime(lang, range.closesAt) };
}

function renderWindowNotice(h: PaymentHost) {
  const payWindow = h.examSession!.paymentWindow;
  const key = h.state === 'window-not-open' ? 'payment.windowNotOpen' : 'payment.windowClosed';
  return html`<div class="notice ${h.state === 'window-closed' ? 'danger' : ''}" role="status">
    ${h.t(key, windowText(h, payWindow))}
  </div>`;
}

function renderSummary(h: PaymentHost) {
  const exam = h.examSession!;
  const fields = h.application?.fields ?? {};
  const level = exam.plan.levels.find((candidate) => candidate.id === fields.levelId);
  const qualification = level?.qualifications.find((candidate) => candidate.id === fields.qualificationId);
  const subjectIds = Array.isArray(fields.subjectIds) ? fields.subjectIds : [];
  const subjects = qualification?.subjects.filter((subject) => subjectIds.includes(subject.id)) ?? [];
  const payWindow = h.currentOrder?.order.paymentWindow ?? exam.paymentWindow;
  const amountFen = h.receipt?.amountFen ?? h.currentOrder?.order.amountFen ?? h.application?.feeFen ?? null;
  const row = (label: string, value: unknown) =>
    value === undefined || value === null || value === '' ? nothing : html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`;
  return html`<section class="summary" part="summary" aria-labelledby="summary-title">
    <h3 id="summary-title">${h.t('payment.summary')}</h3>
    <dl>
      ${row(h.t('payment.exam'), exam.name)} ${row(h.t('payment.registrationNumber'), h.application?.registrationNumber)}
      ${row(h.t('payment.level'), level?.name)} ${row(h.t('payment.qualification'), qualification?.name)}
      ${row(h.t('payment.subjects'), subjects.map((subject) => subject.name).join('、'))}
      ${row(h.t('payment.window'), html`<span class="dates">${h.t('payment.windowRange', windowText(h, payWindow))}</span>`)}
      ${amountFen === null
        ? nothing
        : html`<div class="row amount-row">
            <dt>${h.t('payment.amount')}</dt>
            <dd part="amount" class="amount">${h.t('common.yuan', { amount: fenToYuan(amountFen) })}</dd>
          </div>`}
    </dl>
  </section>`;
}

function renderChannels(h: PaymentHost) {
  return html`<fieldset class="channels" part="channels">
    <legend>${h.t('payment.channel.legend')}</legend>
    <div class="channel-list">
      ${CHANNELS.map(
        (channel) => html`<label class="channel ${channel}">
          <input
            type="radio"
            name="channel"
            value=${channel}
            .checked=${h.channel === channel}
            aria-describedby="qr-status"
            @change=${() => void h.choose(channel)}
          /><span class="channel-face"><span class="channel-mark" aria-hidden="true"></span>${h.t(`payment.channel.${channel}`)}</span>
        </label>`,
      )}
    </div>
  </fieldset>`;
}

function renderPayment(h: PaymentHost) {
  const entry = h.currentOrder;
  const channelName = h.channel ? h.t(`payment.channelName.${h.channel}`) : '';
  return html`<div class="pay" aria-live="polite">
    <div class="qr" part="qr">${renderCode(h, entry, channelName)}</div>
    <div class="pay-side">
      ${renderStatus(h, entry, channelName)}
      <div class="tip" part="tip">
        <p>${h.t('payment.tip')}</p>
        ${renderPhones(h)}
      </div>
      ${renderHelp(h)}
    </div>
  </div>`;
}

function renderCode(h: PaymentHost, entry: OrderEntry | undefined, channelName: string) {
  if (h.createError) {
    return html`<div class="qr-message danger" role="alert">
      <p>${h.localize.error(h.createError)}</p>
      <button type="button" class="primary" @click=${() => void h.refresh()}>${h.t('common.retry')}</button>
    </div>`;
  }
  switch (h.state) {
    case 'choose':
      return h.channel
        ? html`<div class="qr-message">
            <button type="button" class="primary" @click=${() => void h.refresh()}>${h.t('payment.qr.scan', { channel: channelName })}</button>
          </div>`
        : html`<p class="qr-message">${h.t('payment.chooseHint')}</p>`;
    case 'creating':
      return html`<p class="qr-message" role="status"><span class="spinner" aria-hidden="true"></span>${h.t('payment.creating')}</p>`;
    case 'expired':
      return html`<button type="button" class="qr-cover" part="refresh" @click=${() => void h.refresh()}>
        ${h.t(entry?.status === 'closed' ? 'payment.qr.closed' : 'payment.qr.expired')}
      </button>`;
    case 'failed':
      return html`<div class="qr-message danger">
        <button type="button" class="primary" @click=${() => void h.refresh()}>${h.t('payment.retry')}</button>
      </div>`;
    default:
      break;
  }
  if (!entry) return nothing;
  if (h.qrError) {
    return html`<div class="qr-message danger" role="alert">
      <p>${h.t('payment.qr.loadError')}</p>
      <button type="button" @click=${() => void h.drawCode(entry.order.qrPayload)}>${h.t('common.retry')}</button>
    </div>`;
  }
  const amount = h.t('common.yuan', { amount: fenToYuan(entry.order.amountFen) });
  return h.qr?.payload === entry.order.qrPayload
    ? qrSvg(h.qr.path, h.t('payment.qr.label', { channel: channelName, amount }))
    : html`<p class="qr-message" role="status"><span class="spinner" aria-hidden="true"></span>${h.t('payment.creating')}</p>`;
}

function renderStatus(h: PaymentHost, entry: OrderEntry | undefined, channelName: string) {
  const open = entry && isOpenStatus(entry.status) && (h.state === 'unpaid' || h.state === 'paying');
  // Never more than the code's lifetime: the backend's clock is known only to a request's latency.
  const lifetime = entry ? Math.floor((Date.parse(entry.order.expiresAt) - Date.parse(entry.order.createdAt)) / 1000) : 0;
  const remaining = Math.min(h.remaining, Math.max(0, lifetime));
  const time = `${Math.floor(remaining / 60)}:${String(remaining % 60).padStart(2, '0')}`;
  return html`<div class="status" part="status" id="qr-status">
    ${open
      ? html`<p class="scan">${h.t('payment.qr.scan', { channel: channelName })}</p>
          <p class="status-line ${entry.status}">
            <strong>${h.t(`payment.status.${entry.status}`)}</strong>
          </p>
          <p class="countdown" part="countdown" aria-live="off">${h.t('payment.qr.expiresIn', { time })}</p>
          <p class="hint">${h.t('payment.qr.refreshHint')}</p>
          <p class="order-id">${h.t('payment.orderNumber', { id: entry.order.id })}</p>
          <button type="button" part="check" class="primary" aria-disabled=${h.checking ? 'true' : 'false'} @click=${() => void h.checkNow()}>
            ${h.checking ? h.t('payment.checking') : h.t('payment.checkNow')}
          </button>
          ${h.checkedUnpaid ? html`<p class="hint" role="status">${h.t('payment.stillUnpaid')}</p>` : nothing}
          ${h.pollTrouble ? html`<p class="hint warning" role="status">${h.t('payment.pollTrouble')}</p>` : nothing}`
      : nothing}
    ${h.state === 'failed'
      ? html`<div class="notice danger" role="alert">
          <p><strong>${h.t('payment.status.failed')}</strong></p>
          ${entry?.failureReason ? html`<p>${h.t('payment.failedReason', { reason: entry.failureReason })}</p>` : nothing}
        </div>`
      : nothing}
    ${h.state === 'expired'
      ? html`<p class="status-line expired"><strong>${h.t(entry?.status === 'closed' ? 'payment.status.closed' : 'payment.status.expired')}</strong></p>
          <p class="hint">${h.t('payment.qr.refreshHint')}</p>`
      : nothing}
  </div>`;
}

/**
 * The seed's 特别提示 gives the office's phones beside the code, where a payment that does not
 * arrive is noticed, separated by ；(a number may hold 、: 转 835、836); each part of a number
 * (0871-64312910, 转, 835、836) kept on one line, so that large text can still wrap between them.
 */
function renderPhones(h: PaymentHost) {
  const phones = h.phones;
  if (!phones.length) return nothing;
  const [before, after] = h.t('payment.help.phones', { phones: '\u0000' }).split('\u0000');
  return html`<p>
    ${before}${phones.map(
      (phone, i) => html`${i ? '；' : ''}${phone.split(' ').map((part, j) => html`${j ? ' ' : ''}<span class="phone">${part}</span>`)}`,
    )}${after}
  </p>`;
}

function renderHelp(h: PaymentHost) {
  if (!h.showHelp) return nothing;
  return html`<div class="notice help" part="help" role="note">
    <p>${h.t('payment.help')}</p>
    ${renderPhones(h)}
  </div>`;
}

function renderReceipt(h: PaymentHost) {
  const receipt = h.receipt;
  const lang = h.localize.lang;
  if (!receipt) {
    return html`<div class="receipt" part="receipt">
      <h3 id="receipt-title" tabindex="-1">${h.t('payment.receipt.title')}</h3>
      <p class="result">${h.t('payment.status.paid')}</p>
      <p>${h.t('payment.receipt.none')}</p>
    </div>`;
  }
  return html`<section class="receipt" part="receipt" aria-labelledby="receipt-title">
    <h3 id="receipt-title" tabindex="-1">${h.t('payment.receipt.title')}</h3>
    <dl>
      <div class="row"><dt>${h.t('payment.receipt.tradeNo')}</dt><dd class="trade-no">${receipt.tradeNo}</dd></div>
      <div class="row"><dt>${h.t('payment.receipt.gateway')}</dt><dd>${receipt.gateway}</dd></div>
      <div class="row"><dt>${h.t('payment.receipt.channel')}</dt><dd>${h.t(`payment.channelName.${receipt.channel}`)}</dd></div>
      <div class="row"><dt>${h.t('payment.receipt.paidAt')}</dt><dd>${formatDateTime(lang, receipt.paidAt)}</dd></div>
      <div class="row">
        <dt>${h.t('payment.receipt.amount')}</dt>
        <dd>${h.t('common.yuan', { amount: fenToYuan(receipt.amountFen) })}</dd>
      </div>
      <div class="row"><dt>${h.t('payment.receipt.result')}</dt><dd class="result">${h.t('payment.status.paid')}</dd></div>
    </dl>
  </section>`;
}
