/**
 * The payment gateway interface, modelled on the QR payments provinces use: Alipay 当面付
 * (alipay.trade.precreate → qr_code; async notify; alipay.trade.query), WeChat Pay Native
 * (/v3/pay/transactions/native → code_url; notify with a signed, encrypted resource;
 * /v3/pay/transactions/out-trade-no/{no}) and a provincial 非税 platform (缴款码 → notice of
 * payment → query). One adapter per gateway implements it; the server never trusts a
 * notification it cannot verify, and treats the trade number as the receipt's identity.
 */
import type { PaymentChannel } from '../../src/services/schemas.js';

/** A QR order to create at the gateway. */
export interface QrOrderRequest {
  /** The server's order id (商户订单号 out_trade_no). */
  outTradeNo: string;
  amountFen: number;
  channel: PaymentChannel;
  /** What the candidate sees in the wallet, e.g. 2027年上半年软考报名费. */
  subject: string;
  /** When the QR code stops working (time_expire). */
  expiresAt: Date;
  /** Where the gateway sends its notification (notify_url). */
  notifyUrl: string;
}

/** A verified notification (or query answer) about a trade. */
export interface TradeReport {
  /** The server's order id. */
  outTradeNo: string;
  /** The gateway's trade number (支付宝交易号 trade_no, 微信支付订单号 transaction_id, 非税 缴款流水号). */
  tradeNo: string | null;
  /** paid: money received; failed: the payment failed (may still be paid later with another card); closed: the trade ended unpaid. */
  status: 'paid' | 'failed' | 'closed' | 'paying' | 'unpaid';
  amountFen: number | null;
  paidAt: Date | null;
  failureReason?: string;
  /** The gateway's notification id, for the log. */
  notifyId?: string;
}

/** What a gateway says about a trade when asked: a report, or `unknown` (no answer, or the gateway does not know yet: never "failed"). */
export type TradeQuery = TradeReport | { status: 'unknown'; reason: string };

export interface PaymentGateway {
  /** A short name (in the notification URL and the database). */
  readonly id: string;
  /** The name printed on receipts (支付网关). */
  readonly label: string;
  /** Creates the QR order; answers the payload drawn as the QR code. */
  createQrOrder(request: QrOrderRequest): Promise<{ qrPayload: string }>;
  /** Verifies a notification's signature (and freshness) and reads it; throws `NotificationRejected` otherwise. */
  verifyNotification(request: { headers: Headers; body: string; realNowMs: number }): TradeReport;
  /** The answer the gateway expects once a notification is taken (it sends again until it gets it). */
  acknowledgement(): { status: number; contentType: string; body: string };
  /** Asks the gateway about a trade (a late or lost notification). */
  queryTrade(outTradeNo: string): Promise<TradeQuery>;
}

/** A notification the server does not believe: bad signature, stale, malformed. */
export class NotificationRejected extends Error {
  override name = 'NotificationRejected';
}
