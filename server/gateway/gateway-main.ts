/**
 * `npm run server:gateway`: the simulated payment gateway as a service of its own (service.ts),
 * for several server instances on one database. Configuration from the environment or the same
 * names as flags (`--port 4300`):
 *
 *   RK_SIM_GATEWAY_HOST        127.0.0.1
 *   RK_SIM_GATEWAY_PORT        4300
 *   RK_SIM_GATEWAY_PUBLIC_URL  the URL phones reach its cashier page at (default http://host:port)
 *   RK_SIM_GATEWAY_DATA_DIR    server-data/sim-gateway: its key (key.pem), its public key
 *                              (public-key.pem) and its trades (trades.json), kept across restarts
 *
 * It is a simulation for development and tests: no money moves.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod/mini';
import { startGatewayService } from './service.js';

const Options = z.object({
  host: z._default(z.string().check(z.minLength(1)), '127.0.0.1'),
  port: z._default(z.pipe(z.string().check(z.regex(/^\d{1,5}$/)), z.transform(Number)).check(z.lte(65535)), 4300),
  publicUrl: z.optional(z.url()),
  dataDir: z._default(z.string().check(z.minLength(1)), 'server-data/sim-gateway'),
});

const given: Record<string, string | undefined> = {
  host: process.env.RK_SIM_GATEWAY_HOST,
  port: process.env.RK_SIM_GATEWAY_PORT,
  publicUrl: process.env.RK_SIM_GATEWAY_PUBLIC_URL,
  dataDir: process.env.RK_SIM_GATEWAY_DATA_DIR,
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i += 1) {
  const flag = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]!);
  const key = flag?.[1]?.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
  if (!flag || !key || !(key in given)) {
    console.error(`unknown argument ${argv[i]}: use --host, --port, --public-url, --data-dir`);
    process.exit(2);
  }
  given[key] = flag[2] ?? argv[++i];
}
const parsed = Options.safeParse(Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)));
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`simulated gateway: ${issue.path.join('.') || 'options'}: ${issue.message}`);
  process.exit(2);
}
const { host, port, publicUrl, dataDir } = parsed.data;
const dir = resolve(dataDir);
const service = await startGatewayService({ host, port, publicUrl, keyFile: join(dir, 'key.pem'), stateFile: join(dir, 'trades.json') });
const publicKeyFile = join(dir, 'public-key.pem');
writeFileSync(publicKeyFile, service.publicKeyPem);
console.log(`\n  simulated payment gateway (no money moves): ${service.url}`);
console.log(`  cashier pages at ${service.gateway.publicUrl}/pay/<order>; trades kept in ${join(dir, 'trades.json')}`);
console.log(`  each server instance: RK_GATEWAY_URL=${service.url} RK_GATEWAY_PUBLIC_KEY="$(cat ${publicKeyFile})"\n`);

let stopping = false;
const stop = () => {
  if (stopping) process.exit(1);
  stopping = true;
  void service.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
