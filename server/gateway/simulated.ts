/**
 * A simulated payment gateway, a service of its own (as Alipay, WeChat Pay or a 非税 platform is):
 * it creates QR trades, lets a tester "pay" or "fail" them (its cashier page, or its test API),
 * and sends the server asynchronous notifications signed with its RSA key (SHA256withRSA, as
 * Alipay's RSA2 and WeChat Pay v3 do) over `timestamp\nnonce\nbody\n`. It retries until the
 * server acknowledges, and can deliver late, several times, or hold notifications so a test
 * sends them out of order. It answers trade queries, signed the same way.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Hono } from 'hono';
import type { PaymentChannel } from '../../src/services/schemas.js';

/** A trade at the simulated gateway. */
export interface SimTrade {
  outTradeNo: string;
  tradeNo: string;
  amountFen: number;
  channel: PaymentChannel;
  subject: string;
  expiresAt: string;
  notifyUrl: string;
  status: 'unpaid' | 'paying' | 'paid' | 'failed' | 'closed';
  paidAt: string | null;
  failureReason: string | null;
}

/** A notification as sent: its body and the headers that sign it. */
export interface SignedNotification {
  body: string;
  headers: Record<string, string>;
}

/** How a notification is delivered. */
export interface Delivery {
  /** Wait before the first delivery, ms. */
  delayMs?: number;
  /** Deliver it this many times (a duplicate), each after the one before is acknowledged. Default 1. */
  times?: number;
  /** Keep it: `release()` delivers it later (to send notifications out of order). */
  hold?: boolean;
}

export const SIM_HEADERS = { timestamp: 'X-Sim-Timestamp', nonce: 'X-Sim-Nonce', signature: 'X-Sim-Signature' } as const;

/** The message a signature covers. */
export const signedMessage = (timestamp: string, nonce: string, body: string) => `${timestamp}\n${nonce}\n${body}\n`;

export interface SimulatedGatewayOptions {
  /** Where its key (PEM) is kept across restarts; unset: a new key each start. */
  keyFile?: string;
  /** Where its trades are kept across restarts (JSON); unset: in memory. */
  stateFile?: string;
  /** The public base URL of the gateway's cashier page (the QR payload points there). */
  publicUrl?: string;
  /** Retries of an unacknowledged notification (1 s, 2 s, 4 s, …). Default 5. */
  retries?: number;
  /** Called on every delivery attempt (for the log). */
  onDelivery?: (event: { outTradeNo: string; status: number | null; error?: string }) => void;
}

export class SimulatedGateway {
  readonly privateKey: KeyObject;
  readonly publicKeyPem: string;
  readonly #trades = new Map<string, SimTrade>();
  readonly #held = new Map<string, SignedNotification[]>();
  readonly #pending = new Set<Promise<void>>();
  #serial = 0;
  #closed = false;
  publicUrl: string;

  constructor(private readonly options: SimulatedGatewayOptions = {}) {
    this.privateKey = loadOrCreateKey(options.keyFile);
    this.publicKeyPem = createPublicKey(this.privateKey).export({ type: 'spki', format: 'pem' }).toString();
    this.publicUrl = options.publicUrl ?? 'http://127.0.0.1/sim-gateway';
    if (options.stateFile && existsSync(options.stateFile)) {
      for (const trade of JSON.parse(readFileSync(options.stateFile, 'utf8')) as SimTrade[]) this.#trades.set(trade.outTradeNo, trade);
    }
  }

  /** A trade, or undefined. */
  trade(outTradeNo: string): SimTrade | undefined {
    const trade = this.#trades.get(outTradeNo);
    return trade ? { ...trade } : undefined;
  }

  /** Creates a QR trade (the merchant's precreate call). */
  createTrade(input: Omit<SimTrade, 'tradeNo' | 'status' | 'paidAt' | 'failureReason'>): SimTrade {
    const existing = this.#trades.get(input.outTradeNo);
    if (existing) return existing;
    const trade: SimTrade = {
      ...input,
      tradeNo: `SIM${Date.now()}${String(++this.#serial).padStart(6, '0')}${randomBytes(2).toString('hex')}`,
      status: 'unpaid',
      paidAt: null,
      failureReason: null,
    };
    this.#trades.set(trade.outTradeNo, trade);
    this.#save();
    return trade;
  }

  /** The candidate scanned: `paying` (no notification: the wallet is asking for the password). */
  scan(outTradeNo: string): SimTrade {
    const trade = this.#open(outTradeNo);
    trade.status = 'paying';
    this.#save();
    return { ...trade };
  }

  /** The candidate paid: `paid`, and the notification is sent (as `delivery` says). */
  pay(outTradeNo: string, delivery: Delivery = {}): SignedNotification {
    const trade = this.#open(outTradeNo);
    trade.status = 'paid';
    trade.paidAt = new Date().toISOString();
    trade.failureReason = null;
    this.#save();
    return this.notify(trade, delivery);
  }

  /** The payment failed (a card declined): `failed`, and a notification is sent. */
  fail(outTradeNo: string, reason: string, delivery: Delivery = {}): SignedNotification {
    const trade = this.#open(outTradeNo);
    trade.status = 'failed';
    trade.failureReason = reason;
    this.#save();
    return this.notify(trade, delivery);
  }

  /** A notification of the trade as it is now, signed, delivered as `delivery` says. */
  notify(trade: SimTrade, delivery: Delivery = {}): SignedNotification {
    const notification = this.sign(notificationBody(trade));
    if (delivery.hold) {
      const held = this.#held.get(trade.outTradeNo) ?? [];
      held.push(notification);
      this.#held.set(trade.outTradeNo, held);
    } else {
      this.#deliverLater(trade.notifyUrl, trade.outTradeNo, notification, delivery.delayMs ?? 0, delivery.times ?? 1);
    }
    return notification;
  }

  /** The held notifications of a trade, oldest first (and forgets them). */
  takeHeld(outTradeNo: string): SignedNotification[] {
    const held = this.#held.get(outTradeNo) ?? [];
    this.#held.delete(outTradeNo);
    return held;
  }

  /** Delivers a notification now (a held one, or a replay); resolves with the server's status. */
  async deliver(notifyUrl: string, notification: SignedNotification): Promise<number> {
    const response = await fetch(notifyUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...notification.headers },
      body: notification.body,
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    return response.status;
  }

  /** Signs a body as the gateway does (tests forge with another key instead). */
  sign(body: string, nowMs = Date.now()): SignedNotification {
    const timestamp = String(Math.floor(nowMs / 1000));
    const nonce = randomBytes(16).toString('hex');
    const signature = sign('sha256', Buffer.from(signedMessage(timestamp, nonce, body)), this.privateKey).toString('base64');
    return { body, headers: { [SIM_HEADERS.timestamp]: timestamp, [SIM_HEADERS.nonce]: nonce, [SIM_HEADERS.signature]: signature } };
  }

  /** Waits for every delivery in flight (tests), or stops retrying (`close`). */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }

  close(): void {
    this.#closed = true;
  }

  /** The gateway's HTTP interface: merchant calls, its cashier page, its test controls. */
  routes(): Hono {
    const app = new Hono();
    app.get('/public-key', (c) => c.text(this.publicKeyPem));
    app.post('/trades', async (c) => {
      const input = (await c.req.json()) as Omit<SimTrade, 'tradeNo' | 'status' | 'paidAt' | 'failureReason'>;
      if (!input?.outTradeNo || !Number.isInteger(input.amountFen) || input.amountFen <= 0 || !input.notifyUrl) return c.json({ code: 'INVALID_REQUEST' }, 400);
      const trade = this.createTrade(input);
      return c.json({ qrPayload: `${this.publicUrl}/pay/${encodeURIComponent(trade.outTradeNo)}` });
    });
    app.get('/trades/:outTradeNo', (c) => {
      const trade = this.#trades.get(c.req.param('outTradeNo'));
      const body = JSON.stringify(trade ? queryBody(trade) : { out_trade_no: c.req.param('outTradeNo'), trade_state: 'NOTEXIST' });
      const signed = this.sign(body);
      return c.body(body, 200, { 'Content-Type': 'application/json', ...signed.headers });
    });
    const control = (action: (no: string, body: Record<string, unknown>) => unknown) => async (c: import('hono').Context) => {
      const body = (await c.req.json().catch(() => ({}))) as Record<string, unknown>;
      try {
        action(c.req.param('outTradeNo') ?? '', body);
        return c.json(this.trade(c.req.param('outTradeNo') ?? '') ?? null);
      } catch (error) {
        return c.json({ code: 'TRADE_NOT_PAYABLE', message: error instanceof Error ? error.message : String(error) }, 409);
      }
    };
    const delivery = (body: Record<string, unknown>): Delivery => ({
      delayMs: typeof body.delayMs === 'number' ? body.delayMs : 0,
      times: typeof body.times === 'number' ? body.times : 1,
    });
    app.post('/trades/:outTradeNo/scan', control((no) => this.scan(no)));
    app.post('/trades/:outTradeNo/pay', control((no, body) => this.pay(no, delivery(body))));
    app.post('/trades/:outTradeNo/fail', control((no, body) => this.fail(no, typeof body.reason === 'string' ? body.reason : '支付失败：银行卡余额不足。', delivery(body))));
    // The cashier page the QR code opens (scan it with a phone on the same network).
    app.get('/pay/:outTradeNo', (c) => {
      const trade = this.#trades.get(c.req.param('outTradeNo'));
      if (!trade) return c.text('交易不存在', 404);
      const yuan = (trade.amountFen / 100).toFixed(2);
      return c.html(
        `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>模拟收银台</title>` +
          `<h1>模拟收银台</h1><p>${escapeHtml(trade.subject)}</p><p>金额：${yuan} 元</p><p>状态：${trade.status}</p>` +
          `<form method="post" action="${escapeHtml(encodeURIComponent(trade.outTradeNo))}/confirm"><button>确认支付</button></form>`,
      );
    });
    app.post('/pay/:outTradeNo/confirm', (c) => {
      try {
        this.pay(c.req.param('outTradeNo'));
        return c.html('<!doctype html><meta charset="utf-8"><p>支付成功，请回到报名页面。</p>');
      } catch (error) {
        return c.html(`<!doctype html><meta charset="utf-8"><p>${escapeHtml(error instanceof Error ? error.message : String(error))}</p>`, 409);
      }
    });
    return app;
  }

  #open(outTradeNo: string): SimTrade {
    const trade = this.#trades.get(outTradeNo);
    if (!trade) throw new Error(`交易 ${outTradeNo} 不存在`);
    if (trade.status === 'paid' || trade.status === 'closed') throw new Error(`交易 ${outTradeNo} 已${trade.status === 'paid' ? '支付' : '关闭'}`);
    if (Date.parse(trade.expiresAt) <= Date.now()) {
      trade.status = 'closed';
      this.#save();
      throw new Error(`交易 ${outTradeNo} 已过期`);
    }
    return trade;
  }

  #deliverLater(url: string, outTradeNo: string, notification: SignedNotification, delayMs: number, times: number): void {
    const retries = this.options.retries ?? 5;
    const run = (async () => {
      if (delayMs > 0) await sleep(delayMs);
      for (let copy = 0; copy < times; copy++) {
        for (let attempt = 0; attempt <= retries && !this.#closed; attempt++) {
          let status: number | null = null;
          try {
            status = await this.deliver(url, notification);
            this.options.onDelivery?.({ outTradeNo, status });
          } catch (error) {
            this.options.onDelivery?.({ outTradeNo, status: null, error: error instanceof Error ? error.message : String(error) });
          }
          if (status !== null && status >= 200 && status < 300) break;
          await sleep(1000 * 2 ** attempt);
        }
      }
    })();
    this.#pending.add(run);
    void run.finally(() => this.#pending.delete(run));
  }

  #save(): void {
    if (!this.options.stateFile) return;
    mkdirSync(dirname(this.options.stateFile), { recursive: true });
    writeFileSync(this.options.stateFile, JSON.stringify([...this.#trades.values()]));
  }
}

/** The notification body, in the shape of WeChat Pay v3's decrypted resource. */
export function notificationBody(trade: SimTrade): string {
  return JSON.stringify({
    id: randomBytes(8).toString('hex'),
    event_type: trade.status === 'paid' ? 'TRANSACTION.SUCCESS' : 'TRANSACTION.FAILED',
    create_time: new Date().toISOString(),
    resource: queryBody(trade),
  });
}

function queryBody(trade: SimTrade) {
  return {
    out_trade_no: trade.outTradeNo,
    transaction_id: trade.tradeNo,
    trade_state: { unpaid: 'NOTPAY', paying: 'USERPAYING', paid: 'SUCCESS', failed: 'PAYERROR', closed: 'CLOSED' }[trade.status],
    trade_state_desc: trade.failureReason ?? '',
    amount: { total: trade.amountFen, currency: 'CNY' },
    success_time: trade.paidAt,
    channel: trade.channel,
  };
}

function loadOrCreateKey(file: string | undefined): KeyObject {
  if (file && existsSync(file)) return createPrivateKey(readFileSync(file, 'utf8'));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  if (file) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  }
  return privateKey;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
