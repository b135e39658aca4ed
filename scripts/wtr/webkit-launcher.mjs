// A @web/test-runner launcher for WebKit (the engine of Safari and of every browser on iOS):
// WebKitGTK's MiniBrowser driven by WebKitWebDriver on a private Xvfb display, both started
// when the run starts and ended when it ends (scripts/webkit-driver.mjs).
import fs from 'node:fs';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { startWebKitDriver, webkitOptions } from '../webkit-driver.mjs';

/** Says on stderr (the runner's console is its own, and an early exit does not flush it). */
const say = (text) => fs.writeSync(2, `\n(WebKit launcher) ${text}\n`);
const message = (error) => String(error?.message ?? error).split('\n')[0].slice(0, 300);

class WebKitLauncher extends WebdriverLauncher {
  /** @param {{ driver: string, browser: string, xvfb: string }} paths */
  constructor(paths) {
    const options = webkitOptions(paths, 0); // the port is set once the driver listens
    // Opening a test page returns once its document is parsed, not when it has loaded: with the
    // default ("normal"), WebKitWebDriver answered only when the page's load ended, which a long
    // test file (the fault matrix, over 2 minutes) kept from happening until the request timed out
    // (UND_ERR_HEADERS_TIMEOUT) with the page running its tests. The runner waits for the page to
    // report, not for the navigation.
    options.capabilities.pageLoadStrategy = 'eager';
    super(options);
    this.paths = paths;
  }

  async initialize(config, testFiles) {
    this.webkit = await startWebKitDriver(this.paths);
    this.options.port = this.webkit.port;
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  /**
   * Opens a test file's page. The stock launcher starts the navigation without waiting for it
   * and without a catch: a navigation WebKitWebDriver refuses becomes an unhandled rejection,
   * which stops the whole run with exit code 1 and no word. Here a failed navigation is said; if
   * the page is not there it is tried once more from a blank page (a page that is there is
   * running its tests: opening it again would cut them off), and if that fails too the page
   * never reports and the runner fails the file for it ("did not start"), naming it. As before,
   * the runner waits for the page to report, not for the navigation.
   */
  async startSession(id, url) {
    if (this.unanswered) await this.restart(this.unanswered);
    await this.ensureManagerInitialized();
    const manager = this.driverManager;
    manager.urlMap.set(id, url);
    const driver = this.driver;
    driver.navigateTo(url).catch(async (error) => {
      const at = await driver.getUrl().catch(() => '');
      if (at === url) {
        say(`opening ${url} failed (${message(error)}), but the page is there: left to run`);
        return;
      }
      say(`opening ${url} failed (${message(error)}); trying once more`);
      try {
        await driver.navigateTo('about:blank').catch(() => undefined);
        await driver.navigateTo(url);
      } catch (again) {
        say(`opening ${url} failed again (${message(again)})`);
        // The browser no longer answers (WebKit's page has hung so in CI, and every file after it
        // then failed): the next file gets a new one.
        if (driver === this.driver) this.unanswered = message(again);
      }
    });
  }

  /**
   * Ends the browser that no longer answers (with its driver and display) and starts a new one,
   * as at the start of the run. The file it hung on has no result (npm test runs it once more).
   */
  async restart(reason) {
    say(`WebKit no longer answers (${reason}): starting a new browser for the next file`);
    this.unanswered = undefined;
    if (this.pendingHeartbeat != null) clearInterval(this.pendingHeartbeat);
    this.driver = undefined;
    this.driverManager = undefined;
    await this.webkit?.stop().catch((error) => say(`ending it failed (${message(error)})`));
    this.webkit = await startWebKitDriver(this.paths);
    this.options.port = this.webkit.port;
  }

  /**
   * Closes a test file's page once its results are in (the stock launcher asks the page for
   * coverage, which this project does not collect, then opens a blank page). A failure there is
   * no test result, yet it failed a run whose every test had passed ("Error while running
   * tests"): it is said, and the blank page tried once more; the next file's page replaces it
   * anyway. A browser that no longer answers fails the next file, by name.
   */
  async stopSession(id) {
    try {
      return await super.stopSession(id);
    } catch (error) {
      say(`closing a test page failed (${message(error)}); opening a blank page instead`);
      this.driverManager?.urlMap.delete(id);
      await this.driver?.navigateTo('about:blank').catch((again) => {
        say(`that failed too (${message(again)})`);
        this.unanswered = message(again);
      });
      return {};
    }
  }

  async stop() {
    await super.stop();
    await this.webkit?.stop();
    this.webkit = undefined;
  }
}

/** @param {{ driver: string, browser: string, xvfb: string }} paths */
export function webkitLauncher(paths) {
  return new WebKitLauncher(paths);
}
