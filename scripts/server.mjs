// `npm run server`: the reference exam-office server on PGlite (data in server-data/, kept across
// restarts) with a seeded round, serving the demo page against itself over real HTTP with a
// cookie session; the page's QA panel plays the office through the office API. The demo page is
// built first (Vite, VITE_RK_DEMO_BACKEND=server). Development settings unless the environment
// says otherwise (RK_* variables, DATABASE_URL; flags after `--` go to the server):
//   RK_AUTH_MODES=cookie RK_TEST_API=true RK_DEMO=true RK_DEV_STAFF=dev:ruankao-dev-office-key
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildServerDemo } from './server-demo.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const demoDir = `${root}server-data/demo-dist`;

const started = Date.now();
await buildServerDemo(demoDir);
console.log(`demo page built for the server in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const env = {
  RK_AUTH_MODES: 'cookie',
  RK_TEST_API: 'true',
  RK_DEMO: 'true',
  RK_DEV_STAFF: 'dev:ruankao-dev-office-key',
  RK_DATA_DIR: `${root}server-data`,
  ...process.env,
  RK_DEMO_DIR: demoDir,
};
const child = spawn(process.execPath, ['--import', 'tsx', `${root}server/main.ts`, ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
