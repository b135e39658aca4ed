/**
 * Payment notifications: the simulated gateway signs them (SHA256withRSA); the server verifies
 * the signature and its freshness, takes each trade number once, and never lets a late or out-of-
 * order notification undo a payment. Forged, tampered, stale and replayed notifications change
 * nothing; duplicates and late ones make one receipt; a lost one is found by querying the gateway.
 */
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { PaymentOrder, PaymentStatus } from '../../src/services/schemas.js';
import { SIM_HEADERS, signedMessage, type SignedNotification } from '../../server/gateway/simulated.js';
import { type Api, type Candidate, databaseKind, freshDatabase, type FreshDatabase, newKey, rows, startTestServer } from './helpers.js';

let database: FreshDatabase;
let server: Awaited<ReturnType<typeof startTestServer>>;
let api: Api;

before(async () => {
  database = await freshDatabase();
  server = await startTestServer(database);
  api = server.api;
});
after(async () => {
  await server?.close();
  await database?.drop();
});

const gateway = () => server.simulatedGateway!;
const notifyUrl = () => server.services.notifyUrl;

async function orderFor(channel: 'alipay' | 'wechat' = 'wechat'): Promise<{ candidate: Candidate; order: PaymentOrder }> {
  const { candidate } = await api.approved('bearer');
  const order = await api.ok<PaymentOrder>('POST', '/payment/orders', { as: candidate, json: { channel }, idempotencyKey: newKey() });
  return { candidate, order };
}

const statusOf = (candidate: Candidate, order: PaymentOrder) => api.ok<PaymentStatus>('GET', `/payment/orders/${order.id}`, { as: candidate });
const applicationStatus = async (candidate: Candidate) => (await api.ok<{ application: { status: string } }>('GET', '/application', { as: candidate })).application.status;
const receipts = async (order: PaymentOrder) => rows<{ trade_no: string }>(server, 'SELECT trade_no FROM payment_receipts WHERE order_id = $1', [order.id]);
const paidAudits = async (order: PaymentOrder) => Number((await rows<{ n: number }>(server, "SELECT count(*)::integer AS n FROM audit_log WHERE entity_id = $1 AND action = 'order.paid'", [order.id]))[0]!.n);
const deliver = (notification: SignedNotification) => gateway().deliver(notifyUrl(), notification);

/** A trade's notification signed by the gateway, with the body changed by `edit`. */
function notificationOf(order: PaymentOrder, state: 'SUCCESS' | 'PAYERROR' | 'CLOSED', edit: (body: Record<string, any>) => void = () => undefined): string {
  const trade = gateway().trade(order.id)!;
  const body: Record<string, any> = {
    id: `n${Math.random().toString(16).slice(2)}`,
    event_type: state === 'SUCCESS' ? 'TRANSACTION.SUCCESS' : 'TRANSACTION.FAILED',
    create_time: new Date().toISOString(),
    resource: { out_trade_no: order.id, transaction_id: trade.tradeNo, trade_state: state, trade_state_desc: state === 'PAYERROR' ? '余额不足' : '', amount: { total: order.amountFen, currency: 'CNY' }, success_time: state === 'SUCCESS' ? new Date().toISOString() : null },
  };
  edit(body);
  return JSON.stringify(body);
}

describe(`gateway notifications (${databaseKind})`, () => {
  it('the QR payload comes from the gateway, and a real payment notification marks the order and the application paid', async () => {
    const { candidate, order } = await orderFor();
    assert.match(order.qrPayload, /\/sim-gateway\/pay\/RK\d+/);
    assert.equal(gateway().trade(order.id)?.amountFen, order.amountFen);
    gateway().pay(order.id);
    await gateway().settled();
    const status = await statusOf(candidate, order);
    assert.equal(status.status, 'paid');
    assert.equal(status.receipt?.tradeNo, gateway().trade(order.id)!.tradeNo);
    assert.equal(status.receipt?.amountFen, order.amountFen);
    assert.equal(await applicationStatus(candidate), 'paid');
    const audit = await rows<{ actor_type: string; actor_id: string; after: { status: string } }>(server, "SELECT actor_type, actor_id, after FROM audit_log WHERE entity_id = $1 AND action = 'order.paid'", [order.id]);
    assert.deepEqual(audit.map((row) => [row.actor_type, row.actor_id, row.after.status]), [['gateway', 'simulated', 'paid']]);
  });

  it('a forged notification (another key) is refused and changes nothing', async () => {
    const { candidate, order } = await orderFor();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const body = notificationOf(order, 'SUCCESS');
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = 'aabbccddeeff00112233445566778899';
    const forged: SignedNotification = {
      body,
      headers: { [SIM_HEADERS.timestamp]: timestamp, [SIM_HEADERS.nonce]: nonce, [SIM_HEADERS.signature]: sign('sha256', Buffer.from(signedMessage(timestamp, nonce, body)), privateKey).toString('base64') },
    };
    assert.equal(await deliver(forged), 400);
    assert.equal(await deliver({ body, headers: {} }), 400, 'unsigned');
    assert.equal((await statusOf(candidate, order)).status, 'unpaid');
    assert.equal(await applicationStatus(candidate), 'approved');
    assert.deepEqual(await receipts(order), []);
    const logged = await rows<{ signature_valid: boolean; outcome: string }>(server, 'SELECT signature_valid, outcome FROM gateway_notifications WHERE body = $1', [body]);
    assert.deepEqual(logged.map((row) => row.signature_valid), [false, false]);
  });

  it('a tampered notification (the gateway\'s signature, another amount) is refused', async () => {
    const { candidate, order } = await orderFor();
    const genuine = gateway().sign(notificationOf(order, 'SUCCESS'));
    const tampered = { ...genuine, body: genuine.body.replace(`"total":${order.amountFen}`, '"total":1') };
    assert.notEqual(tampered.body, genuine.body);
    assert.equal(await deliver(tampered), 400);
    assert.equal((await statusOf(candidate, order)).status, 'unpaid');
  });

  it('a stale notification (older than five minutes) is refused, even with a good signature', async () => {
    const { candidate, order } = await orderFor();
    const stale = gateway().sign(notificationOf(order, 'SUCCESS'), Date.now() - 10 * 60 * 1000);
    assert.equal(await deliver(stale), 400);
    assert.equal((await statusOf(candidate, order)).status, 'unpaid');
  });

  it('a notification signed by the gateway but of another amount changes nothing (and is audited)', async () => {
    const { candidate, order } = await orderFor();
    const wrong = gateway().sign(notificationOf(order, 'SUCCESS', (body) => (body.resource.amount.total = order.amountFen - 1)));
    assert.equal(await deliver(wrong), 200, 'acknowledged, so the gateway stops sending it');
    assert.equal((await statusOf(candidate, order)).status, 'unpaid');
    assert.equal((await rows(server, "SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'order.amount-mismatch'", [order.id])).length, 1);
  });

  it('a replayed notification (the same bytes again, and again later) makes one receipt and one change', async () => {
    const { candidate, order } = await orderFor();
    const notification = gateway().pay(order.id, { hold: true });
    assert.equal(await deliver(notification), 200);
    assert.equal(await deliver(notification), 200);
    await Promise.all([deliver(notification), deliver(notification), deliver(notification)]);
    assert.equal((await statusOf(candidate, order)).status, 'paid');
    assert.equal((await receipts(order)).length, 1);
    assert.equal(await paidAudits(order), 1);
    const outcomes = (await rows<{ outcome: string }>(server, 'SELECT outcome FROM gateway_notifications WHERE out_trade_no = $1 ORDER BY id', [order.id])).map((row) => row.outcome);
    assert.deepEqual(outcomes.sort(), ['duplicate', 'duplicate', 'duplicate', 'duplicate', 'paid']);
  });

  it('sent twice by the gateway, and late: one receipt', async () => {
    const { candidate, order } = await orderFor();
    gateway().pay(order.id, { delayMs: 300, times: 2 });
    assert.equal((await statusOf(candidate, order)).status, 'unpaid', 'not before the late notification arrives');
    await gateway().settled();
    assert.equal((await statusOf(candidate, order)).status, 'paid');
    assert.equal((await receipts(order)).length, 1);
    assert.equal(await paidAudits(order), 1);
  });

  it('out of order: a "failed" that arrives after "paid" does not undo the payment', async () => {
    const { candidate, order } = await orderFor();
    const failed = gateway().fail(order.id, '支付失败：余额不足', { hold: true });
    const paid = gateway().pay(order.id, { hold: true });
    assert.equal(await deliver(paid), 200);
    assert.equal(await deliver(failed), 200);
    const status = await statusOf(candidate, order);
    assert.equal(status.status, 'paid');
    assert.equal(status.failureReason, undefined);
    assert.equal(await applicationStatus(candidate), 'paid');
  });

  it('in order: "failed" then "paid" (another card) ends paid; a failure alone shows its reason', async () => {
    const { candidate, order } = await orderFor();
    const failed = gateway().fail(order.id, '支付失败：余额不足', { hold: true });
    assert.equal(await deliver(failed), 200);
    const status = await statusOf(candidate, order);
    assert.equal(status.status, 'failed');
    assert.equal(status.failureReason, '支付失败：余额不足');
    assert.equal(await applicationStatus(candidate), 'approved');
    assert.equal(await deliver(gateway().pay(order.id, { hold: true })), 200);
    assert.equal((await statusOf(candidate, order)).status, 'paid');
    assert.equal(await applicationStatus(candidate), 'paid');
  });

  it('a payment the gateway took after the order expired here is still recorded (money received is never lost)', async () => {
    const { candidate, order } = await orderFor();
    const notification = gateway().pay(order.id, { hold: true });
    await api.ok('PUT', '/office/test/clock', { office: true, json: { now: new Date(Date.parse(order.expiresAt) + 60_000).toISOString() } });
    try {
      assert.equal((await statusOf(candidate, order)).status, 'expired');
      assert.equal(await deliver(notification), 200);
      assert.equal((await statusOf(candidate, order)).status, 'paid');
    } finally {
      await api.ok('PUT', '/office/test/clock', { office: true, json: { now: null } });
    }
  });

  it('a lost notification: the status check asks the gateway (signed answer) and finds the payment', async () => {
    const querying = await startTestServer(database, { gatewayQueryIntervalMs: 1000 }, { db: server.services.db });
    try {
      const { candidate } = await querying.api.approved('bearer');
      const order = await querying.api.ok<PaymentOrder>('POST', '/payment/orders', { as: candidate, json: { channel: 'alipay' }, idempotencyKey: newKey() });
      querying.simulatedGateway!.pay(order.id, { hold: true });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const status = await querying.api.ok<PaymentStatus>('GET', `/payment/orders/${order.id}`, { as: candidate });
      assert.equal(status.status, 'paid');
      assert.equal(status.receipt?.tradeNo, querying.simulatedGateway!.trade(order.id)!.tradeNo);
      // The held notification arrives after all: nothing changes twice.
      for (const late of querying.simulatedGateway!.takeHeld(order.id)) await querying.simulatedGateway!.deliver(querying.services.notifyUrl, late);
      const paidRows = await querying.services.db.query("SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'order.paid'", [order.id]);
      assert.equal(paidRows.rowCount, 1);
    } finally {
      await querying.close();
    }
  });

  it('the office\'s manual confirmation and a late gateway notification: one payment, the notification recorded as another receipt is refused', async () => {
    const { candidate, order } = await orderFor();
    const notification = gateway().pay(order.id, { hold: true });
    const confirmed = await api.ok<PaymentStatus>('POST', `/office/payments/${order.id}/mark-paid`, { office: true });
    assert.equal(confirmed.status, 'paid');
    assert.match(confirmed.receipt!.gateway, /人工确认/);
    assert.equal(await deliver(notification), 200);
    assert.equal((await receipts(order)).length, 1, 'one receipt per order');
    assert.equal(await paidAudits(order), 1);
    assert.equal(await applicationStatus(candidate), 'paid');
    const again = await api.request('POST', `/office/payments/${order.id}/mark-paid`, { office: true });
    assert.equal(again.status, 409);
  });
});
