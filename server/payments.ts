/**
 * Payment on the server: QR orders at the gateway, their status, the gateway's notifications and
 * queries, and the office's manual confirmation. A receipt is keyed by the gateway's trade number
 * (and one per order): a notification sent twice, late, or after a query already confirmed the
 * payment changes nothing twice; one that contradicts a paid order (a late "failed" or "closed")
 * is recorded and ignored. "Unknown" (the gateway does not answer) is never "failed".
 */
import * as rules from '../src/services/rules/payment.js';
import { OfficeError } from '../src/services/rules/office-error.js';
import { chinaIso } from '../src/services/rules/time.js';
import type { CurrentPayment, PaymentChannel, PaymentOrder, PaymentStatus, PaymentStatusValue, Receipt, Window } from '../src/services/schemas.js';
import type { AccountRow } from './accounts.js';
import { type ApplicationRow, lockApplication, lockApplicationById, saveApplication } from './applications.js';
import { audit, type Actor } from './audit.js';
import type { Queryable } from './db/database.js';
import type { TradeReport } from './gateway/gateway.js';
import { currentRound, ms, nextCounter, type Call } from './services.js';

/** An order row, with its receipt when paid. */
interface OrderRow {
  id: string;
  account_id: string;
  application_id: string;
  channel: PaymentChannel;
  amount_fen: number;
  gateway: string;
  qr_payload: string;
  status: PaymentStatusValue;
  failure_reason: string | null;
  payment_window: Window;
  created_at: Date;
  expires_at: Date;
  last_query_at: Date | null;
  trade_no: string | null;
  receipt_gateway: string | null;
  paid_at: Date | null;
  receipt_amount_fen: number | null;
}

const SELECT_ORDER = `SELECT o.*, r.trade_no, r.gateway AS receipt_gateway, r.paid_at, r.amount_fen AS receipt_amount_fen
  FROM payment_orders o LEFT JOIN payment_receipts r ON r.order_id = o.id`;

function orderView(row: OrderRow, nowMs: number): PaymentOrder {
  return {
    id: row.id,
    applicationId: row.application_id,
    channel: row.channel,
    amountFen: row.amount_fen,
    qrPayload: row.qr_payload,
    createdAt: chinaIso(ms(row.created_at)!),
    expiresAt: chinaIso(ms(row.expires_at)!),
    paymentWindow: row.payment_window,
    serverTime: chinaIso(nowMs),
  };
}

function receiptOf(row: OrderRow): Receipt | null {
  if (!row.trade_no) return null;
  return { tradeNo: row.trade_no, gateway: row.receipt_gateway!, paidAt: chinaIso(ms(row.paid_at)!), amountFen: row.receipt_amount_fen!, channel: row.channel };
}

function statusView(row: OrderRow, nowMs: number): PaymentStatus {
  const status = rules.effectiveStatus(row.status, ms(row.expires_at)!, nowMs);
  return rules.paymentStatusOf(row.id, status, receiptOf(row), row.failure_reason, nowMs);
}

const isOpen = (row: OrderRow, nowMs: number) => rules.isOpenStatus(row.status, ms(row.expires_at)!, nowMs);

async function orderById(q: Queryable, orderId: string, lock = false): Promise<OrderRow | null> {
  const { rows } = await q.query<OrderRow>(`${SELECT_ORDER} WHERE o.id = $1${lock ? ' FOR UPDATE OF o' : ''}`, [orderId]);
  return rows[0] ?? null;
}

/**
 * The candidate's order for a channel (inside the idempotency wrapper's transaction): the open
 * one of that channel, else a new QR order at the gateway. The application row is locked first,
 * so orders racing on two instances take turns; a partial unique index keeps one open order per
 * application and channel whatever happens.
 */
export async function createOrder(call: Call, tx: Queryable, account: AccountRow, channel: PaymentChannel): Promise<PaymentOrder> {
  const round = await currentRound(call, tx);
  const application = await lockApplication(tx, account.id, round.id);
  rules.requireOrderable(round.session, application?.status, call.nowMs);
  const now = new Date(call.nowMs);
  await tx.query("UPDATE payment_orders SET status = 'expired' WHERE application_id = $1 AND status = 'unpaid' AND expires_at <= $2", [application!.id, now]);
  const open = await tx.query<OrderRow>(
    `${SELECT_ORDER} WHERE o.application_id = $1 AND o.channel = $2 AND o.status IN ('unpaid', 'paying') ORDER BY o.created_at DESC LIMIT 1`,
    [application!.id, channel],
  );
  if (open.rows[0]) return orderView(open.rows[0], call.nowMs);
  const amountFen = application!.data.feeFen ?? 0;
  if (amountFen <= 0) throw new OfficeError('INVALID_STATE', '该报名无需缴费，请联系考区。', { status: application!.status });
  const id = rules.orderIdOf(call.nowMs, await nextCounter(tx));
  const expiresAt = rules.orderExpiry(call.nowMs, round.session);
  let qrPayload: string;
  try {
    ({ qrPayload } = await call.s.gateway.createQrOrder({
      outTradeNo: id,
      amountFen,
      channel,
      subject: `${round.session.name}报名费`,
      expiresAt: new Date(expiresAt),
      notifyUrl: call.s.notifyUrl,
    }));
  } catch (error) {
    call.s.log.error({ err: error, orderId: id }, 'the payment gateway did not create the order');
    throw new OfficeError('SERVICE_UNAVAILABLE', '支付服务暂时不可用，请稍后重试。', { retryAfterSeconds: 30 });
  }
  await tx.query(
    `INSERT INTO payment_orders (id, account_id, application_id, channel, amount_fen, gateway, qr_payload, status, payment_window, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'unpaid', $8::jsonb, $9, $10)`,
    [id, account.id, application!.id, channel, amountFen, call.s.gateway.id, qrPayload, JSON.stringify(round.session.paymentWindow), now, new Date(expiresAt)],
  );
  const row = (await orderById(tx, id))!;
  await audit(tx, call.actor, call.nowMs, { action: 'order.create', entityType: 'order', entityId: id, after: orderView(row, call.nowMs) });
  return orderView(row, call.nowMs);
}

/** The status of one of the candidate's orders (NOT_FOUND for anyone else's); asks the gateway when an open order has had no news for a while. */
export async function paymentStatus(call: Call, account: AccountRow, orderId: string): Promise<PaymentStatus> {
  const { db } = call.s;
  let row = await orderById(db, orderId);
  if (!row || row.account_id !== account.id) throw rules.ORDER_NOT_FOUND();
  if (isOpen(row, call.nowMs) && (await claimQuery(call, row.id))) {
    const answer = await call.s.gateway.queryTrade(row.id);
    if (answer.status !== 'unknown') await applyTradeReport(call, answer, 'query');
    row = (await orderById(db, orderId))!;
  }
  return statusView(row, call.nowMs);
}

/** Whether this request may ask the gateway now (one atomic update: one query per interval across instances). */
async function claimQuery(call: Call, orderId: string): Promise<boolean> {
  const interval = call.s.config.gatewayQueryIntervalMs;
  const claimed = await call.s.db.query(
    'UPDATE payment_orders SET last_query_at = $2 WHERE id = $1 AND created_at <= $3 AND (last_query_at IS NULL OR last_query_at <= $3) RETURNING id',
    [orderId, new Date(call.realNowMs), new Date(call.realNowMs - interval)],
  );
  return claimed.rowCount > 0;
}

/** The candidate's paid order, else the latest open one, else the last one, and its status. */
export async function currentPayment(call: Call, account: AccountRow): Promise<CurrentPayment> {
  const { rows } = await call.s.db.query<OrderRow>(`${SELECT_ORDER} WHERE o.account_id = $1 ORDER BY o.created_at, o.id`, [account.id]);
  const row = rows.find((order) => order.status === 'paid') ?? rows.filter((order) => isOpen(order, call.nowMs)).at(-1) ?? rows.at(-1);
  return row ? { order: orderView(row, call.nowMs), status: statusView(row, call.nowMs) } : { order: null, status: null };
}

/**
 * Records a payment (inside the caller's transaction, the order locked): the receipt (unique per
 * gateway trade number and per order: a second one changes nothing), the order `paid`, the
 * candidate's other open orders `closed`, the application `paid` when it was approved (else the
 * office must refund: audited).
 */
async function confirmPayment(call: Call, tx: Queryable, order: OrderRow, receipt: { tradeNo: string; gateway: string; paidAtMs: number; confirmedBy: string }, actor: Actor): Promise<'paid' | 'duplicate'> {
  const inserted = await tx.query(
    `INSERT INTO payment_receipts (trade_no, gateway, order_id, amount_fen, channel, paid_at, confirmed_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT DO NOTHING RETURNING trade_no`,
    [receipt.tradeNo, receipt.gateway, order.id, order.amount_fen, order.channel, new Date(receipt.paidAtMs), receipt.confirmedBy],
  );
  if (inserted.rowCount === 0) return 'duplicate';
  const before = statusView(order, call.nowMs);
  await tx.query("UPDATE payment_orders SET status = 'paid', failure_reason = NULL WHERE id = $1", [order.id]);
  const closed = await tx.query<{ id: string }>(
    `UPDATE payment_orders SET status = 'closed' WHERE account_id = $1 AND id <> $2 AND (status = 'paying' OR (status = 'unpaid' AND expires_at > $3)) RETURNING id`,
    [order.account_id, order.id, new Date(call.nowMs)],
  );
  const after = statusView((await orderById(tx, order.id))!, call.nowMs);
  await audit(tx, actor, call.nowMs, { action: 'order.paid', entityType: 'order', entityId: order.id, before, after: { ...after, closedOrders: closed.rows.map((row) => row.id) } });
  const application = (await lockApplicationById(tx, order.application_id)) as ApplicationRow;
  if (application.status === 'approved') {
    const beforeApplication = structuredClone(application.data);
    application.data.status = 'paid';
    application.data.updatedAt = chinaIso(call.nowMs);
    await saveApplication({ ...call, actor }, tx, application, beforeApplication, 'application.paid');
  } else {
    await audit(tx, actor, call.nowMs, { action: 'order.paid-needs-refund', entityType: 'order', entityId: order.id, after: { applicationStatus: application.status } });
  }
  return 'paid';
}

/** The office confirms an open order as paid (its own receipt number; the gateway's notification does the same). */
export async function markOrderPaid(call: Call, orderId: string): Promise<PaymentStatus> {
  return call.s.db.transaction(async (tx) => {
    const order = await orderById(tx, orderId, true);
    if (!order) throw rules.ORDER_NOT_FOUND();
    rules.requireConfirmable(order.status, ms(order.expires_at)!, call.nowMs);
    const tradeNo = rules.tradeNumberOf(call.nowMs, await nextCounter(tx));
    await confirmPayment(call, tx, order, { tradeNo, gateway: `${rules.GATEWAY}（人工确认）`, paidAtMs: call.nowMs, confirmedBy: `staff:${call.actor.id}` }, call.actor);
    return statusView((await orderById(tx, orderId))!, call.nowMs);
  });
}

/** What a verified report from the gateway did. */
export type ReportOutcome = 'paid' | 'duplicate' | 'failed' | 'closed' | 'paying' | 'ignored' | 'unknown-order' | 'amount-mismatch';

/** Applies a verified notification or query answer to its order, once. */
export async function applyTradeReport(call: Call, report: TradeReport, source: 'notify' | 'query'): Promise<ReportOutcome> {
  const actor: Actor = { ...call.actor, type: 'gateway', id: call.s.gateway.id };
  return call.s.db.transaction(async (tx) => {
    const order = await orderById(tx, report.outTradeNo, true);
    if (!order) return 'unknown-order';
    if (report.amountFen !== null && report.amountFen !== order.amount_fen) {
      await audit(tx, actor, call.nowMs, { action: 'order.amount-mismatch', entityType: 'order', entityId: order.id, after: { source, reported: report.amountFen, expected: order.amount_fen } });
      return 'amount-mismatch';
    }
    if (report.status === 'paid') {
      if (!report.tradeNo) return 'ignored';
      return confirmPayment(call, tx, order, { tradeNo: report.tradeNo, gateway: call.s.gateway.label, paidAtMs: report.paidAt?.getTime() ?? call.nowMs, confirmedBy: `gateway:${source}` }, actor);
    }
    // Only an order not paid yet changes; a late "failed" or "closed" after "paid" is out of order.
    const next = report.status === 'failed' ? 'failed' : report.status === 'closed' ? 'closed' : report.status === 'paying' ? 'paying' : null;
    const movable = next === 'paying' ? order.status === 'unpaid' : order.status === 'unpaid' || order.status === 'paying' || (next === 'closed' && order.status === 'expired');
    if (!next || !movable) return 'ignored';
    const before = statusView(order, call.nowMs);
    await tx.query('UPDATE payment_orders SET status = $2, failure_reason = $3 WHERE id = $1', [order.id, next, next === 'failed' ? (report.failureReason ?? '支付失败，请重新支付。') : null]);
    await audit(tx, actor, call.nowMs, { action: `order.${next}`, entityType: 'order', entityId: order.id, before, after: statusView((await orderById(tx, order.id))!, call.nowMs) });
    return next;
  });
}
