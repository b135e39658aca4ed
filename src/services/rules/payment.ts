/**
 * The payment's rules, the same for the mock office and the reference server: when an order may
 * be created, how long its QR code lasts, when an unpaid order counts as expired, the order's
 * number and the answer of its status. Pure functions; the caller keeps the orders.
 */
import type { ApplicationStatus, ExamSession, PaymentStatus, PaymentStatusValue, Receipt } from '../schemas.js';
import { PAID_STATUSES, requireWindow } from './application.js';
import { OfficeError } from './office-error.js';
import { chinaDate, chinaIso, MINUTE_MS } from './time.js';

/** How long a QR code stays valid. */
export const ORDER_LIFETIME_MS = 5 * MINUTE_MS;

/** The gateway printed on receipts of the mock (and of the server's manual confirmation). */
export const GATEWAY = '非税支付';

/**
 * Throws unless the application may get an order now: ALREADY_PAID once paid, INVALID_STATE
 * before approval, WINDOW_* outside the payment window.
 */
export function requireOrderable(session: ExamSession, status: ApplicationStatus | undefined, nowMs: number): void {
  if (status && PAID_STATUSES.has(status)) throw new OfficeError('ALREADY_PAID', '报名费已缴纳，请勿重复缴费。');
  if (status !== 'approved') throw new OfficeError('INVALID_STATE', '报名信息尚未审核通过，暂不能缴费。');
  requireWindow(session, 'payment', nowMs);
}

/** When a new order's QR code expires: 5 minutes, never past the payment window (but at least a minute). */
export function orderExpiry(nowMs: number, session: ExamSession): number {
  const windowCloses = Date.parse(session.paymentWindow.closesAt);
  return Math.min(nowMs + ORDER_LIFETIME_MS, Math.max(windowCloses, nowMs + MINUTE_MS));
}

/** An order's status as answered: an unpaid order whose QR code has run out is `expired`. */
export function effectiveStatus(status: PaymentStatusValue, expiresAtMs: number, nowMs: number): PaymentStatusValue {
  return status === 'unpaid' && expiresAtMs <= nowMs ? 'expired' : status;
}

/** Whether an order can still be paid: unpaid or paying, and not expired. */
export function isOpenStatus(status: PaymentStatusValue, expiresAtMs: number, nowMs: number): boolean {
  const current = effectiveStatus(status, expiresAtMs, nowMs);
  return current === 'unpaid' || current === 'paying';
}

/** The order number: `RK`, the Beijing date and a 6-digit serial. */
export function orderIdOf(nowMs: number, counter: number): string {
  return `RK${chinaDate(nowMs).replace(/-/g, '')}${String(counter).padStart(6, '0')}`;
}

/** A 28-digit 支付单号: the Beijing time of payment and a serial. */
export function tradeNumberOf(nowMs: number, serial: number): string {
  return `${chinaIso(nowMs).slice(0, 19).replace(/\D/g, '')}${String(serial).padStart(14, '0')}`;
}

/** The answer of an order's status, with the office's clock. */
export function paymentStatusOf(
  orderId: string,
  status: PaymentStatusValue,
  receipt: Receipt | null,
  failureReason: string | null,
  nowMs: number,
): PaymentStatus {
  const answer: PaymentStatus = { orderId, status, receipt: receipt ? { ...receipt } : null, serverTime: chinaIso(nowMs) };
  if (failureReason) answer.failureReason = failureReason;
  return answer;
}

/** NOT_FOUND of an order that does not exist or is someone else's (the same answer for both). */
export const ORDER_NOT_FOUND = () => new OfficeError('NOT_FOUND', '订单不存在。');

/** Throws INVALID_STATE unless the order may still be confirmed as paid. */
export function requireConfirmable(status: PaymentStatusValue, expiresAtMs: number, nowMs: number): void {
  if (!isOpenStatus(status, expiresAtMs, nowMs)) {
    throw new OfficeError('INVALID_STATE', `订单状态为${effectiveStatus(status, expiresAtMs, nowMs)}，不能确认缴费。`);
  }
}
