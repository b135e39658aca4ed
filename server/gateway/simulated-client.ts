/**
 * The server's adapter for the simulated gateway (`simulated.ts`): what an Alipay, WeChat Pay or
 * 非税 adapter does against its gateway. It creates QR trades over HTTP, verifies notifications
 * and query answers with the gateway's public key (SHA256withRSA over `timestamp\nnonce\nbody\n`,
 * at most 5 minutes old), and acknowledges the way the gateway expects.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import * as z from 'zod/mini';
import { NotificationRejected, type PaymentGateway, type QrOrderRequest, type TradeQuery, type TradeReport } from './gateway.js';
import { SIM_HEADERS, signedMessage } from './simulated.js';

/** How old a notification may be (its timestamp against the real clock). */
export const NOTIFICATION_MAX_AGE_MS = 5 * 60 * 1000;

const Resource = z.object({
  out_trade_no: z.string().check(z.minLength(1), z.maxLength(128)),
  transaction_id: z.optional(z.string().check(z.maxLength(128))),
  trade_state: z.enum(['NOTPAY', 'USERPAYING', 'SUCCESS', 'PAYERROR', 'CLOSED', 'NOTEXIST']),
  trade_state_desc: z.optional(z.string().check(z.maxLength(500))),
  amount: z.optional(z.object({ total: z.int().check(z.nonnegative()) })),
  success_time: z.optional(z.nullable(z.string())),
});
const Notification = z.object({ id: z.string().check(z.maxLength(64)), event_type: z.string(), resource: Resource });

const STATUS = { NOTPAY: 'unpaid', USERPAYING: 'paying', SUCCESS: 'paid', PAYERROR: 'failed', CLOSED: 'closed' } as const;

function report(resource: z.infer<typeof Resource>, notifyId?: string): TradeReport | { status: 'unknown'; reason: string } {
  if (resource.trade_state === 'NOTEXIST') return { status: 'unknown', reason: 'the gateway has no such trade' };
  const result: TradeReport = {
    outTradeNo: resource.out_trade_no,
    tradeNo: resource.transaction_id ?? null,
    status: STATUS[resource.trade_state],
    amountFen: resource.amount?.total ?? null,
    paidAt: resource.success_time ? new Date(resource.success_time) : null,
  };
  if (resource.trade_state_desc) result.failureReason = resource.trade_state_desc;
  if (notifyId) result.notifyId = notifyId;
  return result;
}

export interface SimulatedGatewayClientOptions {
  /** The gateway's base URL, e.g. `http://127.0.0.1:4200/sim-gateway`. */
  url: string;
  /** The gateway's public key (PEM). */
  publicKey: string;
  /** Time limit of a call to the gateway, ms. Default 5000. */
  timeoutMs?: number;
}

export class SimulatedGatewayClient implements PaymentGateway {
  readonly id = 'simulated';
  readonly label = '非税支付（模拟网关）';
  readonly #key: KeyObject;
  readonly #url: string;

  constructor(private readonly options: SimulatedGatewayClientOptions) {
    this.#key = createPublicKey(options.publicKey);
    this.#url = options.url.replace(/\/$/, '');
  }

  async createQrOrder(request: QrOrderRequest): Promise<{ qrPayload: string }> {
    const response = await fetch(`${this.#url}/trades`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...request, expiresAt: request.expiresAt.toISOString() }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
    });
    if (!response.ok) throw new Error(`the gateway refused the trade: HTTP ${response.status}`);
    const body = (await response.json()) as { qrPayload?: unknown };
    if (typeof body.qrPayload !== 'string' || body.qrPayload.length === 0 || body.qrPayload.length > 2048) throw new Error('the gateway answered no QR payload');
    return { qrPayload: body.qrPayload };
  }

  #verify(headers: Headers, body: string, realNowMs: number): void {
    const timestamp = headers.get(SIM_HEADERS.timestamp) ?? '';
    const nonce = headers.get(SIM_HEADERS.nonce) ?? '';
    const signature = headers.get(SIM_HEADERS.signature) ?? '';
    if (!/^\d{9,11}$/.test(timestamp) || !/^[0-9a-f]{16,64}$/.test(nonce) || !signature) throw new NotificationRejected('unsigned');
    if (Math.abs(realNowMs - Number(timestamp) * 1000) > NOTIFICATION_MAX_AGE_MS) throw new NotificationRejected('stale timestamp');
    const ok = verify('sha256', Buffer.from(signedMessage(timestamp, nonce, body)), this.#key, Buffer.from(signature, 'base64'));
    if (!ok) throw new NotificationRejected('bad signature');
  }

  verifyNotification(request: { headers: Headers; body: string; realNowMs: number }): TradeReport {
    this.#verify(request.headers, request.body, request.realNowMs);
    let parsed: z.infer<typeof Notification>;
    try {
      parsed = Notification.parse(JSON.parse(request.body));
    } catch {
      throw new NotificationRejected('malformed body');
    }
    const result = report(parsed.resource, parsed.id);
    if (result.status === 'unknown') throw new NotificationRejected('notification of no trade');
    return result;
  }

  acknowledgement() {
    return { status: 200, contentType: 'application/json', body: '{"code":"SUCCESS","message":"成功"}' };
  }

  async queryTrade(outTradeNo: string): Promise<TradeQuery> {
    try {
      const response = await fetch(`${this.#url}/trades/${encodeURIComponent(outTradeNo)}`, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000) });
      const body = await response.text();
      if (!response.ok) return { status: 'unknown', reason: `HTTP ${response.status}` };
      this.#verify(response.headers, body, Date.now());
      return report(Resource.parse(JSON.parse(body)));
    } catch (error) {
      return { status: 'unknown', reason: error instanceof Error ? error.message : String(error) };
    }
  }
}
