/**
 * Payment orders of the mock office: one open order per channel, QR payloads that expire after 5
 * minutes, receipts, and the `payment-expired` / `payment-failed` scenarios.
 */
import type { CurrentPayment, PaymentChannel, PaymentOrder, PaymentStatus } from '../services/schemas.js';
import * as rules from '../services/rules/payment.js';
import { copy, type OfficeContext } from './context.js';
import { randomHex } from './encoding.js';
import type { AccountRecord, ApplicationRecord, OrderRecord } from './state.js';
import { chinaIso, MINUTE_MS } from './time.js';

export { ORDER_LIFETIME_MS, GATEWAY } from '../services/rules/payment.js';
const { ORDER_LIFETIME_MS, GATEWAY } = rules;

/** `https://qr.alipay.com/mock-…` or `weixin://wxpay/bizpayurl?pr=mock…`. */
export function qrPayload(channel: PaymentChannel, token: string): string {
  return channel === 'alipay' ? `https://qr.alipay.com/mock-${token}` : `weixin://wxpay/bizpayurl?pr=mock${token}`;
}

/** Marks an unpaid order whose QR code has run out as `expired`. */
function refreshExpiry(record: OrderRecord, nowMs: number): void {
  record.status = rules.effectiveStatus(record.status, Date.parse(record.order.expiresAt), nowMs);
}

/** Whether an order can still be paid: unpaid or paying, and not expired. */
export function isOpen(record: OrderRecord, nowMs: number): boolean {
  refreshExpiry(record, nowMs);
  return rules.isOpenStatus(record.status, Date.parse(record.order.expiresAt), nowMs);
}

function orderView(record: OrderRecord, nowMs: number): PaymentOrder {
  return { ...copy(record.order), serverTime: chinaIso(nowMs) };
}

/** The order's status as answered, with the office's clock. */
export function statusView(record: OrderRecord, nowMs: number): PaymentStatus {
  refreshExpiry(record, nowMs);
  return rules.paymentStatusOf(record.order.id, record.status, record.receipt, record.failureReason, nowMs);
}

/**
 * A new order for the application's fee, valid 5 minutes (never past the payment window). In the
 * `payment-expired` scenario it is created already expired, unless `neverExpired`.
 */
export function createOrder(
  ctx: OfficeContext,
  record: ApplicationRecord,
  channel: PaymentChannel,
  options: { neverExpired?: boolean } = {},
): OrderRecord {
  const nowMs = ctx.nowMs();
  const expired = ctx.behaviour.ordersExpired && !options.neverExpired;
  const createdAt = expired ? nowMs - ORDER_LIFETIME_MS - MINUTE_MS : nowMs;
  const expiresAt = expired ? nowMs - MINUTE_MS : rules.orderExpiry(nowMs, ctx.state.examSession);
  const order: OrderRecord = {
    accountId: record.accountId,
    order: {
      id: rules.orderIdOf(nowMs, ctx.next()),
      applicationId: record.application.id,
      channel,
      amountFen: record.application.feeFen ?? 0,
      qrPayload: qrPayload(channel, randomHex(12)),
      createdAt: chinaIso(createdAt),
      expiresAt: chinaIso(expiresAt),
      paymentWindow: copy(ctx.state.examSession.paymentWindow),
      serverTime: chinaIso(nowMs),
    },
    status: expired ? 'expired' : 'unpaid',
    receipt: null,
    failureReason: null,
  };
  ctx.state.orders.push(order);
  return order;
}

/**
 * The candidate's order for a channel: the open one of that channel if there is one, else a new
 * one. ALREADY_PAID once paid, INVALID_STATE before approval, WINDOW_* outside the payment window.
 */
export function orderFor(ctx: OfficeContext, account: AccountRecord, channel: PaymentChannel): PaymentOrder {
  const record = ctx.state.applications[account.id];
  const nowMs = ctx.nowMs();
  rules.requireOrderable(ctx.state.examSession, record?.application.status, nowMs);
  const open = ctx.state.orders
    .filter((order) => order.accountId === account.id && order.order.channel === channel && isOpen(order, nowMs))
    .at(-1);
  return orderView(open ?? createOrder(ctx, record!, channel), nowMs);
}

/** The status of one of the candidate's orders (NOT_FOUND for anyone else's). `payment-failed`: paying, then failed. */
export function paymentStatus(ctx: OfficeContext, account: AccountRecord, orderId: string): PaymentStatus {
  const record = ctx.state.orders.find((order) => order.order.id === orderId && order.accountId === account.id);
  if (!record) throw rules.ORDER_NOT_FOUND();
  const nowMs = ctx.nowMs();
  refreshExpiry(record, nowMs);
  const failure = ctx.behaviour.paymentFailureReason;
  if (failure && record.status === 'paying') markFailed(record, failure);
  else if (failure && record.status === 'unpaid') record.status = 'paying';
  return statusView(record, nowMs);
}

/** The candidate's paid order, else the latest open one, else the last one, and its status. */
export function currentPayment(ctx: OfficeContext, account: AccountRecord): CurrentPayment {
  const nowMs = ctx.nowMs();
  const mine = ctx.state.orders.filter((order) => order.accountId === account.id);
  const record = mine.find((order) => order.status === 'paid') ?? mine.filter((order) => isOpen(order, nowMs)).at(-1) ?? mine.at(-1);
  return record ? { order: orderView(record, nowMs), status: statusView(record, nowMs) } : { order: null, status: null };
}

/** The open order `orderId`, or the latest open order; throws a plain Error for QA otherwise. */
export function pickOpenOrder(ctx: OfficeContext, orderId: string | undefined): OrderRecord {
  const nowMs = ctx.nowMs();
  if (orderId !== undefined) {
    const record = ctx.state.orders.find((order) => order.order.id === orderId);
    if (!record) throw new Error(`订单 ${orderId} 不存在`);
    if (!isOpen(record, nowMs)) throw new Error(`订单 ${orderId} 的状态为 ${record.status}，不能再支付`);
    return record;
  }
  const record = ctx.state.orders.filter((order) => isOpen(order, nowMs)).at(-1);
  if (!record) throw new Error('没有待支付的订单');
  return record;
}

/** Paid: a receipt, the application `paid`, the candidate's other open orders `closed`. */
export function markPaid(ctx: OfficeContext, record: OrderRecord): void {
  const nowMs = ctx.nowMs();
  record.status = 'paid';
  record.failureReason = null;
  record.receipt = {
    tradeNo: rules.tradeNumberOf(nowMs, ctx.next()),
    gateway: GATEWAY,
    paidAt: chinaIso(nowMs),
    amountFen: record.order.amountFen,
    channel: record.order.channel,
  };
  for (const other of ctx.state.orders) {
    if (other !== record && other.accountId === record.accountId && isOpen(other, nowMs)) other.status = 'closed';
  }
  const application = ctx.state.applications[record.accountId]?.application;
  if (application?.status === 'approved') {
    application.status = 'paid';
    application.updatedAt = chinaIso(nowMs);
  }
}

/** The payment failed with a reason. */
export function markFailed(record: OrderRecord, reason: string): void {
  record.status = 'failed';
  record.failureReason = reason;
}

/** Every open order's QR code expires now. Returns how many. */
export function expireOpenOrders(ctx: OfficeContext): number {
  const nowMs = ctx.nowMs();
  let count = 0;
  for (const record of ctx.state.orders) {
    if (!isOpen(record, nowMs)) continue;
    record.status = 'expired';
    if (Date.parse(record.order.expiresAt) > nowMs - 1000) record.order.expiresAt = chinaIso(nowMs - 1000);
    count += 1;
  }
  return count;
}
