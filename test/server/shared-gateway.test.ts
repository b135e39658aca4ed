/**
 * Several instances on one database with one payment gateway (`npm run server:gateway`,
 * server/gateway/service.ts), as a real gateway is one service for all of them: an order made on
 * one instance is paid at the gateway, and the other instance, asked about it with the
 * notification lost, asks the gateway and finds the payment; the notification, when it comes,
 * changes nothing twice. With a gateway inside each instance (the default), the other instance
 * finds no trade to ask about and can only say "still waiting".
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PaymentOrder, PaymentStatus } from '../../src/services/schemas.js';
import { startGatewayService, type GatewayService } from '../../server/gateway/service.js';
import { databaseKind, freshDatabase, type FreshDatabase, newKey, rows, startTestServer } from './helpers.js';

type Running = Awaited<ReturnType<typeof startTestServer>>;

let database: FreshDatabase;
let service: GatewayService;
const stops: Array<() => Promise<unknown>> = [];

/** Two instances on the test database (PGlite: one connection, shared in this process). */
async function twoInstances(overrides: Parameters<typeof startTestServer>[1]): Promise<[Running, Running]> {
  const a = await startTestServer(database, overrides);
  const b = await startTestServer(database, overrides, database.databaseUrl ? {} : { db: a.services.db });
  stops.push(() => b.close(), () => a.close());
  return [a, b];
}

before(async () => {
  database = await freshDatabase();
  service = await startGatewayService({ port: 0 });
});
after(async () => {
  for (const stop of stops) await stop();
  await service?.close();
  await database?.drop();
});

const paidAudits = async (on: Running, order: PaymentOrder) =>
  Number((await rows<{ n: number }>(on, "SELECT count(*)::integer AS n FROM audit_log WHERE entity_id = $1 AND action = 'order.paid'", [order.id]))[0]!.n);

describe(`several instances, one gateway (${databaseKind})`, () => {
  it('an order made on one instance, its notification lost: the other instance asks the shared gateway and finds the payment; the late notification changes nothing twice', async () => {
    const [a, b] = await twoInstances({ gatewayUrl: service.url, gatewayPublicKey: service.publicKeyPem, gatewayQueryIntervalMs: 1000 });
    assert.ok(!a.simulatedGateway, 'the instance runs no gateway of its own');
    const { candidate } = await a.api.approved('bearer');
    const order = await a.api.ok<PaymentOrder>('POST', '/payment/orders', { as: candidate, json: { channel: 'alipay' }, idempotencyKey: newKey() });
    assert.ok(order.qrPayload.startsWith(`${service.url}/pay/`), `the QR code opens the gateway's cashier (${order.qrPayload})`);

    service.gateway.pay(order.id, { hold: true });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const status = await b.api.ok<PaymentStatus>('GET', `/payment/orders/${order.id}`, { as: candidate });
    assert.equal(status.status, 'paid');
    assert.equal(status.receipt?.tradeNo, service.gateway.trade(order.id)!.tradeNo);
    assert.equal((await a.api.ok<PaymentStatus>('GET', `/payment/orders/${order.id}`, { as: candidate })).status, 'paid');

    // The held notification arrives at the instance that made the order, after all.
    for (const late of service.gateway.takeHeld(order.id)) assert.equal(await service.gateway.deliver(a.services.notifyUrl, late), 200);
    assert.equal(await paidAudits(a, order), 1);
  });

  it('a payment at the shared gateway is notified to the instance that made the order, and both show it', async () => {
    const [a, b] = await twoInstances({ gatewayUrl: service.url, gatewayPublicKey: service.publicKeyPem });
    const { candidate } = await b.api.approved('bearer');
    const order = await b.api.ok<PaymentOrder>('POST', '/payment/orders', { as: candidate, json: { channel: 'wechat' }, idempotencyKey: newKey() });
    service.gateway.pay(order.id);
    await service.gateway.settled();
    for (const instance of [a, b]) assert.equal((await instance.api.ok<PaymentStatus>('GET', `/payment/orders/${order.id}`, { as: candidate })).status, 'paid');
  });

  it('with a gateway inside each instance (the default), the other instance finds no trade to ask about: still waiting, never failed', async () => {
    const [a, b] = await twoInstances({ gatewayQueryIntervalMs: 1000 });
    const { candidate } = await a.api.approved('bearer');
    const order = await a.api.ok<PaymentOrder>('POST', '/payment/orders', { as: candidate, json: { channel: 'alipay' }, idempotencyKey: newKey() });
    a.simulatedGateway!.pay(order.id, { hold: true });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const status = await b.api.ok<PaymentStatus>('GET', `/payment/orders/${order.id}`, { as: candidate });
    assert.equal(status.status, 'unpaid');
    assert.equal(b.simulatedGateway!.trade(order.id), undefined);
  });
});
