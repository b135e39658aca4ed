/**
 * `npm run server`: the reference exam-office server. Configuration from RK_* environment
 * variables, DATABASE_URL and PORT, or the same names as flags (`--port 4200 --auth-modes cookie`);
 * see config.ts and the README's "The reference server". SIGTERM and SIGINT shut it down
 * gracefully (a second signal ends it at once).
 */
import { loadConfig } from './config.js';
import { mountDemo } from './demo.js';
import { startServer } from './server.js';

const config = loadConfig(process.env, process.argv.slice(2));
const running = await startServer(config, { mount: config.demo ? mountDemo : undefined });
if (config.demo) {
  console.log(`\n  ruankao reference server: ${running.origin}/  (demo page, cookie sessions, data in ${config.databaseUrl ? 'PostgreSQL' : config.dataDir})`);
  console.log(`  API: ${running.apiUrl}   office key: ${config.devStaff?.split(':').slice(1).join(':') ?? '(none)'}\n`);
}
let stopping = false;
const stop = (signal: string) => {
  if (stopping) process.exit(1);
  stopping = true;
  running.services.log.info({ signal }, 'shutting down');
  void running.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
