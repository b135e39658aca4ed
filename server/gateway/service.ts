/**
 * The simulated gateway as a service of its own process, as Alipay, WeChat Pay or a 非税 platform
 * is: one gateway for every instance of the server. Several instances behind a load balancer each
 * running their own gateway (the default, under /sim-gateway) would each know only the trades
 * they created: an instance asked about an order another created would find no trade to query.
 * `npm run server:gateway` runs it (main: gateway-main.ts); the instances are given its URL and
 * public key (RK_GATEWAY_URL, RK_GATEWAY_PUBLIC_KEY).
 */
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { SimulatedGateway, type SimulatedGatewayOptions } from './simulated.js';

export interface GatewayServiceOptions extends Omit<SimulatedGatewayOptions, 'publicUrl'> {
  host?: string;
  /** 0: any free port. */
  port?: number;
  /** The URL phones reach it at (the QR codes' cashier page); default: http://host:port. */
  publicUrl?: string;
}

export interface GatewayService {
  /** Its base URL (RK_GATEWAY_URL of the server instances). */
  url: string;
  gateway: SimulatedGateway;
  /** The PEM of the key that signs its notifications and answers (RK_GATEWAY_PUBLIC_KEY). */
  publicKeyPem: string;
  close(): Promise<void>;
}

export async function startGatewayService(options: GatewayServiceOptions = {}): Promise<GatewayService> {
  const host = options.host ?? '127.0.0.1';
  const gateway = new SimulatedGateway(options);
  const server = createAdaptorServer({ fetch: gateway.routes().fetch });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4300, host, () => resolve());
  });
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${(server.address() as AddressInfo).port}`;
  gateway.publicUrl = options.publicUrl?.replace(/\/$/, '') ?? url;
  let closing: Promise<void> | null = null;
  return {
    url,
    gateway,
    publicKeyPem: gateway.publicKeyPem,
    close: () =>
      (closing ??= (async () => {
        // Notifications under way get their chance; then no more retries.
        await Promise.race([gateway.settled(), new Promise((resolve) => setTimeout(resolve, 2000))]);
        gateway.close();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })()),
  };
}
