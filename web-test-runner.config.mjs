import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, CHROMIUM_HELP, findChromium } from './scripts/find-chromium.mjs';

const executablePath = findChromium();
if (!executablePath) throw new Error(CHROMIUM_HELP);

/** Serves MSW's worker at the root, where the browser must find it to control the page. */
function mswWorkerAtRoot() {
  return (context, next) => {
    if (context.path === '/mockServiceWorker.js') context.path = '/public/mockServiceWorker.js';
    return next();
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  middleware: [mswWorkerAtRoot()],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS } })],
  concurrency: 1,
  testsFinishTimeout: 180000,
  testFramework: { config: { timeout: 10000 } },
};
