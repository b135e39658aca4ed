/**
 * The WebKit launcher of the test runner (scripts/wtr/webkit-launcher.mjs) against a driver that
 * refuses: a refused navigation must not become an unhandled rejection (which stopped whole
 * WebKit runs with exit code 1 and no word), and a page that cannot be closed must not fail a
 * file whose results are in. The driver here is a stand-in for WebKitWebDriver's refusals, which
 * cannot be had on demand.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRequire } from 'node:module';
import path from 'node:path';
// @ts-expect-error: a plain JavaScript module of the test scripts, without types
import { webkitLauncher } from '../../scripts/wtr/webkit-launcher.mjs';

// The runner's own session manager, which the launcher drives (not among the package's exports).
const require = createRequire(import.meta.url);
const { SessionManager } = require(path.join(path.dirname(require.resolve('@web/test-runner-webdriver')), 'SessionManager.js')) as {
  SessionManager: new (config: unknown, driver: unknown, isIE: boolean) => SessionManager;
};
interface SessionManager {
  isActive(id: string): boolean;
}

interface Launcher {
  driver: unknown;
  driverManager: unknown;
  restart(reason: string): Promise<void>;
  startSession(id: string, url: string): Promise<void>;
  stopSession(id: string): Promise<unknown>;
}

/**
 * A stand-in driver whose first `refusals` navigations are refused, as WebKitWebDriver can, and
 * whose scripts fail with `scriptsFail`.
 */
function refusingDriver(refusals: number, scriptsFail = false) {
  const visited: string[] = [];
  let left = refusals;
  return {
    visited,
    /** Where the browser is: the last navigation that was not refused. */
    at: '',
    getUrl() {
      return Promise.resolve(this.at);
    },
    execute() {
      return scriptsFail ? Promise.reject(new Error('unknown error: the page did not answer')) : Promise.resolve({});
    },
    navigateTo(url: string) {
      visited.push(url);
      if (left > 0) {
        left -= 1;
        return Promise.reject(new Error('unknown error: the navigation was refused'));
      }
      this.at = url;
      return Promise.resolve();
    },
  };
}

/** The launcher with the runner's own session manager (one page at a time), on `driver`. */
function launcherWith(driver: unknown): Launcher & { driverManager: SessionManager } {
  const launcher: Launcher & { driverManager: SessionManager } = webkitLauncher({ driver: '/nonexistent', browser: '/nonexistent', xvfb: '/nonexistent' });
  launcher.driver = driver;
  launcher.driverManager = new SessionManager({ coverage: false }, driver, false);
  return launcher;
}

/** Lets the launcher's pending promises settle, and hears any unhandled rejection meanwhile. */
async function settled(): Promise<unknown[]> {
  const unhandled: unknown[] = [];
  const hear = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', hear);
  try {
    for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  } finally {
    process.off('unhandledRejection', hear);
  }
  return unhandled;
}

describe('the WebKit launcher, when WebKitWebDriver refuses', () => {
  it('opens the page once more from a blank one when its navigation is refused, without an unhandled rejection', async () => {
    const driver = refusingDriver(1);
    const launcher = launcherWith(driver);
    await launcher.startSession('s1', 'http://localhost/test.html');
    assert.deepEqual(await settled(), []);
    assert.deepEqual(driver.visited, ['http://localhost/test.html', 'about:blank', 'http://localhost/test.html']);
  });

  it('leaves a page that is there to run its tests when its navigation fails late (an answer that timed out), without opening it again', async () => {
    const driver = refusingDriver(0);
    const navigateTo = driver.navigateTo.bind(driver);
    // The page opens, but the driver's answer never comes in time.
    driver.navigateTo = (url: string) => navigateTo(url).then(() => Promise.reject(new Error('Request failed with error code UND_ERR_HEADERS_TIMEOUT')));
    const launcher = launcherWith(driver);
    await launcher.startSession('s1', 'http://localhost/test.html');
    assert.deepEqual(await settled(), []);
    assert.deepEqual(driver.visited, ['http://localhost/test.html']);
  });

  it('leaves the page unopened, still without an unhandled rejection, when the second try is refused too (the runner then fails the file by name)', async () => {
    const driver = refusingDriver(3);
    const launcher = launcherWith(driver);
    await launcher.startSession('s1', 'http://localhost/test.html');
    assert.deepEqual(await settled(), []);
    assert.equal(driver.visited.length, 3);
  });

  it('opens a blank page when closing a page whose results are in fails, and the runner hears no error', async () => {
    const driver = refusingDriver(0, true);
    const launcher = launcherWith(driver);
    await launcher.startSession('s1', 'http://localhost/test.html');
    assert.equal(launcher.driverManager.isActive('s1'), true);
    assert.deepEqual(await launcher.stopSession('s1'), {});
    assert.deepEqual(driver.visited, ['http://localhost/test.html', 'about:blank']);
    assert.equal(launcher.driverManager.isActive('s1'), false);
  });

  /** Stands in for starting a new WebKit (real processes): the launcher gets `fresh`, and the reasons are kept. */
  const restartsOn = (launcher: Launcher, fresh: ReturnType<typeof refusingDriver>) => {
    const reasons: string[] = [];
    launcher.restart = async (reason: string) => {
      reasons.push(reason);
      launcher.driver = fresh;
      launcher.driverManager = new SessionManager({ coverage: false }, fresh, false);
    };
    return reasons;
  };

  it('starts a new browser for the next file once the browser no longer answers a navigation, and opens the file there', async () => {
    const driver = refusingDriver(3);
    const launcher = launcherWith(driver);
    const fresh = refusingDriver(0);
    const reasons = restartsOn(launcher, fresh);
    await launcher.startSession('s1', 'http://localhost/one.html');
    assert.deepEqual(await settled(), []);
    assert.deepEqual(reasons, []);
    await launcher.startSession('s2', 'http://localhost/two.html');
    assert.deepEqual(await settled(), []);
    assert.deepEqual(reasons, ['unknown error: the navigation was refused']);
    assert.deepEqual(fresh.visited, ['http://localhost/two.html']);
    assert.equal(driver.visited.length, 3);
  });

  it('starts a new browser for the next file when a page can be neither closed nor left for a blank one', async () => {
    const driver = refusingDriver(0, true);
    const launcher = launcherWith(driver);
    const fresh = refusingDriver(0);
    const reasons = restartsOn(launcher, fresh);
    await launcher.startSession('s1', 'http://localhost/one.html');
    await settled();
    // The blank page is refused too: the browser no longer answers.
    driver.navigateTo = () => Promise.reject(new Error('Request timed out!'));
    assert.deepEqual(await launcher.stopSession('s1'), {});
    await launcher.startSession('s2', 'http://localhost/two.html');
    assert.deepEqual(await settled(), []);
    assert.deepEqual(reasons, ['Request timed out!']);
    assert.deepEqual(fresh.visited, ['http://localhost/two.html']);
  });

  it('keeps the browser when only closing a page failed and a blank page opened', async () => {
    const driver = refusingDriver(0, true);
    const launcher = launcherWith(driver);
    const reasons = restartsOn(launcher, refusingDriver(0));
    await launcher.startSession('s1', 'http://localhost/one.html');
    await launcher.stopSession('s1');
    await launcher.startSession('s2', 'http://localhost/two.html');
    assert.deepEqual(await settled(), []);
    assert.deepEqual(reasons, []);
    assert.deepEqual(driver.visited, ['http://localhost/one.html', 'about:blank', 'http://localhost/two.html']);
  });
});
