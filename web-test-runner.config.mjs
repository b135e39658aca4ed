import fs from 'node:fs';
import path from 'node:path';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { defaultReporter } from '@web/test-runner';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { ENGINE_HELP, ENGINES, findFirefox, findWebKit, parseEngines } from './scripts/engines.mjs';
import { summaryLines } from './scripts/wtr/test-summary.mjs';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-chromium.mjs';
import { engineCommandsPlugin } from './scripts/wtr/engine-commands.mjs';
import { webkitLauncher } from './scripts/wtr/webkit-launcher.mjs';

/**
 * The few CommonJS packages the elements or tests load (Vite converts them in builds; the runner
 * does not). @rollup/plugin-commonjs stays on 18: later versions rely on Rollup hooks the runner's
 * adapter does not provide, and their output lacks the default export.
 */
const commonjs = fromRollup(rollupCommonjs);

/**
 * Cross-browser (issue 21): the engines to run in, from RK_ENGINES (`chromium,firefox,webkit`;
 * `npm test` sets it from its `--engines` option, default every engine). Chromium through
 * puppeteer over CDP; Firefox through puppeteer over WebDriver BiDi (Debian's firefox-esr);
 * WebKit through WebKitWebDriver and its MiniBrowser under a private Xvfb.
 */
const engines = parseEngines(process.env.RK_ENGINES ?? ENGINES.join(','));

/** @param {import('./scripts/engines.mjs').Engine} engine */
function launcherFor(engine) {
  if (engine === 'chromium') {
    const executablePath = findChromium();
    if (!executablePath) throw new Error(ENGINE_HELP.chromium);
    return chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS } });
  }
  if (engine === 'firefox') {
    const executablePath = findFirefox();
    if (!executablePath) throw new Error(ENGINE_HELP.firefox);
    return chromeLauncher({ puppeteer: puppeteerCore, launchOptions: { browser: 'firefox', executablePath, headless: true } });
  }
  const webkit = findWebKit();
  if (!webkit) throw new Error(ENGINE_HELP.webkit);
  return webkitLauncher(webkit);
}

/** Serves MSW's worker at the root, where the browser must find it to control the page. */
function mswWorkerAtRoot() {
  return (context, next) => {
    if (context.path === '/mockServiceWorker.js') context.path = '/public/mockServiceWorker.js';
    return next();
  };
}

/**
 * `emulate-timezone` {zone}: the page's time zone, as a browser set to another zone has it (a
 * candidate abroad, a computer left on UTC); `null` goes back to the machine's. Chromium only
 * (CDP): the tests that use it run there alone.
 */
function timezonePlugin() {
  return {
    name: 'emulate-timezone',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-timezone') return undefined;
      if (session.browser.type !== 'puppeteer') throw new Error('emulate-timezone: Chromium only');
      await session.browser.getPage(session.id).emulateTimezone(payload.zone ?? undefined);
      return true;
    },
  };
}

/**
 * Ends the run with one plain line, `tests: N passed, N failed`, that CI logs can read, then the
 * failed tests by name and the slowest ones (a test near its timeout is the next flaky one). With
 * RK_TEST_SUMMARY set, writes the same as JSON there: `npm test` repeats it after every engine.
 */
function summaryReporter() {
  const walk = (suite, file, path, totals) => {
    for (const test of suite?.tests ?? []) {
      const name = [...path, test.name].join(' > ');
      if (test.skipped) totals.skipped += 1;
      else if (test.passed) totals.passed += 1;
      else {
        totals.failed += 1;
        totals.failures.push({ file, name, error: (test.error?.message ?? '').split('\n')[0].slice(0, 200) });
      }
      if (typeof test.duration === 'number') totals.durations.push({ file, name, ms: test.duration });
    }
    for (const child of suite?.suites ?? []) walk(child, file, [...path, child.name], totals);
    return totals;
  };
  // RK_TEST_PROGRESS: every file the run has, the ones finished, whether one failed (written as
  // each file ends, so `npm test` knows where a runner that died stopped).
  const progress = { files: [], done: [], failed: false };
  const writeProgress = () => process.env.RK_TEST_PROGRESS && fs.writeFileSync(process.env.RK_TEST_PROGRESS, JSON.stringify(progress));
  return {
    start({ testFiles }) {
      progress.files = testFiles.map((file) => path.relative(process.cwd(), file));
      writeProgress();
    },
    reportTestFileResults({ sessionsForTestFile, testFile }) {
      progress.done.push(path.relative(process.cwd(), testFile));
      if (sessionsForTestFile.some((session) => !session.passed)) progress.failed = true;
      writeProgress();
    },
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, failures: [], durations: [] };
      for (const session of sessions) {
        const file = path.relative(process.cwd(), session.testFile);
        // A file that failed to load has no results but must count as a failure; a file whose
        // tests all passed can still fail the run by an error outside any test (an uncaught error
        // or rejection after a test ended, a file that timed out): the summary names it too, or
        // a log that keeps only its end says "Error while running tests" and nothing more.
        const before = totals.failures.length;
        walk(session.testResults, file, [], totals);
        if (!session.passed && totals.failures.length === before) {
          const loaded = session.testResults?.tests?.length || session.testResults?.suites?.length;
          const errors = (session.errors ?? []).map((error) => (error?.message ?? String(error)).split('\n')[0].slice(0, 200));
          totals.failed += 1;
          totals.failures.push({
            file,
            name: loaded ? '(an error outside any test)' : '(the file did not load)',
            error: errors.join(' | ') || '(the runner gave no message)',
          });
        }
      }
      const slowest = totals.durations.sort((a, b) => b.ms - a.ms).slice(0, 5);
      const summary = { ...totals, durations: undefined, slowest };
      if (process.env.RK_TEST_SUMMARY) fs.writeFileSync(process.env.RK_TEST_SUMMARY, JSON.stringify(summary));
      setTimeout(() => {
        console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
        for (const line of summaryLines(summary)) console.log(line);
      });
    },
  };
}

// An uncaught error or unhandled rejection stops the runner (exit code 1), and the runner's own
// words about it go through a console it has taken over, which the exit does not flush: WebKit's
// runner ended that way in the middle of runs without a word. Written straight to stderr (a
// monitor changes nothing in how the runner handles the error).
process.on('uncaughtExceptionMonitor', (error, origin) => {
  fs.writeSync(2, `\nthe test runner stops on an ${origin === 'unhandledRejection' ? 'unhandled rejection' : 'uncaught exception'}: ${error?.stack ?? error}\n`);
});

// A run that ends by a signal says so (the runner's own SIGINT handler ends it without a word).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.log(`\nthe test runner got ${signal}`);
    if (signal !== 'SIGINT') process.exit(1);
  });
}

export default {
  reporters: [defaultReporter(), summaryReporter()],
  // test/node: Node tests (npm run test:node), not for the browser.
  files: ['test/**/*.test.ts', '!test/node/**', '!test/server/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  middleware: [mswWorkerAtRoot()],
  plugins: [
    // Keys, viewports and file dialogs in every engine (test/helpers/commands.ts, disk.ts).
    engineCommandsPlugin(),
    timezonePlugin(),
    // The browser's accessibility tree (names and roles as screen readers get them; Chromium).
    a11ySnapshotPlugin(),
    commonjs({
      include: ['**/node_modules/jsbarcode/**', '**/node_modules/jsqr/**', '**/node_modules/@sinonjs/**', '**/node_modules/type-detect/**'],
      // Node modules fake-timers asks for inside try/catch; in the browser they stay unresolved.
      ignore: ['timers', 'timers/promises', 'perf_hooks', 'util'],
    }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
  ],
  browsers: engines.map(launcherFor),
  concurrency: 1,
  // Firefox and MiniBrowser take longer than Chromium to start, more so on a busy 2-core machine.
  browserStartTimeout: 120000,
  // A test page's first report: 20 s by default, which a WebKit page missed once in a long CI run
  // (it started later, and the runner then failed the file for being "reloaded" too). A page
  // that never starts still fails its file, after a minute.
  testsStartTimeout: 60000,
  testsFinishTimeout: 600000,
  // A test's own waits (5–30 s where a first module load or a busy engine needs them) end it
  // first, with their message; this is for a test that hangs.
  testFramework: { config: { timeout: 60000 } },
};
