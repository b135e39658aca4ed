import path from 'node:path';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { defaultReporter } from '@web/test-runner';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, CHROMIUM_HELP, findChromium } from './scripts/find-chromium.mjs';

/**
 * The few CommonJS packages the elements or tests load (Vite converts them in builds; the runner
 * does not). @rollup/plugin-commonjs stays on 18: later versions rely on Rollup hooks the runner's
 * adapter does not provide, and their output lacks the default export.
 */
const commonjs = fromRollup(rollupCommonjs);

const executablePath = findChromium();
if (!executablePath) throw new Error(CHROMIUM_HELP);

/** Serves MSW's worker at the root, where the browser must find it to control the page. */
function mswWorkerAtRoot() {
  return (context, next) => {
    if (context.path === '/mockServiceWorker.js') context.path = '/public/mockServiceWorker.js';
    return next();
  };
}

/**
 * `choose-file` {path, input}: puts a file from disk (path relative to the test file) into an
 * `<input type="file">` of the page (a CSS selector), as the browser's file dialog would. A File
 * chosen this way is backed by the disk, so the browser notices when the file changes after it
 * was chosen, which a File made in the page never does. `press-and-choose-file` {path, key}:
 * presses a key that opens the page's file dialog, and picks the file in it.
 */
function chooseFilePlugin() {
  return {
    name: 'choose-file',
    async executeCommand({ command, payload, session }) {
      const page = session.browser.getPage(session.id);
      if (command === 'press-and-choose-file') {
        // A key opens the page's file dialog (as a keyboard user does); the dialog takes the file.
        const chooser = page.waitForFileChooser({ timeout: 5000 });
        // Let the interception of the dialog be switched on before the key opens it.
        await new Promise((resolve) => setTimeout(resolve, 200));
        await page.keyboard.press(payload.key ?? 'Enter');
        await (await chooser).accept([path.resolve(path.dirname(session.testFile), payload.path)]);
        return true;
      }
      if (command !== 'choose-file') return undefined;
      const input = await page.$(payload.input);
      if (!input) throw new Error(`choose-file: nothing matches ${payload.input}`);
      await input.uploadFile(path.resolve(path.dirname(session.testFile), payload.path));
      return true;
    },
  };
}

/**
 * `emulate-timezone` {zone}: the page's time zone, as a browser set to another zone has it (a
 * candidate abroad, a computer left on UTC); `null` goes back to the machine's.
 */
function timezonePlugin() {
  return {
    name: 'emulate-timezone',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-timezone') return undefined;
      await session.browser.getPage(session.id).emulateTimezone(payload.zone ?? undefined);
      return true;
    },
  };
}

/** Ends the run with one plain line, `tests: N passed, N failed`, that CI logs can read. */
function summaryReporter() {
  const count = (suite, totals) => {
    for (const test of suite?.tests ?? []) {
      if (test.skipped) totals.skipped += 1;
      else if (test.passed) totals.passed += 1;
      else totals.failed += 1;
    }
    for (const child of suite?.suites ?? []) count(child, totals);
    return totals;
  };
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load has no results but must count as a failure.
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) totals.failed += 1;
      }
      setTimeout(() => console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`));
    },
  };
}

export default {
  reporters: [defaultReporter(), summaryReporter()],
  // test/node: Node tests (npm run test:node), not for the browser.
  files: ['test/**/*.test.ts', '!test/node/**', '!test/server/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  middleware: [mswWorkerAtRoot()],
  plugins: [
    chooseFilePlugin(),
    timezonePlugin(),
    // The browser's accessibility tree (names and roles as screen readers get them).
    a11ySnapshotPlugin(),
    commonjs({
      include: ['**/node_modules/jsbarcode/**', '**/node_modules/jsqr/**', '**/node_modules/@sinonjs/**', '**/node_modules/type-detect/**'],
      // Node modules fake-timers asks for inside try/catch; in the browser they stay unresolved.
      ignore: ['timers', 'timers/promises', 'perf_hooks', 'util'],
    }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS } })],
  concurrency: 1,
  testsFinishTimeout: 600000,
  testFramework: { config: { timeout: 10000 } },
};
