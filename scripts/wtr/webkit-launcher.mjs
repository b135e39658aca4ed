// A @web/test-runner launcher for WebKit (the engine of Safari and of every browser on iOS):
// WebKitGTK's MiniBrowser driven by WebKitWebDriver on a private Xvfb display, both started
// when the run starts and ended when it ends (scripts/webkit-driver.mjs).
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { startWebKitDriver, webkitOptions } from '../webkit-driver.mjs';

class WebKitLauncher extends WebdriverLauncher {
  /** @param {{ driver: string, browser: string, xvfb: string }} paths */
  constructor(paths) {
    super(webkitOptions(paths, 0)); // the port is set once the driver listens
    this.paths = paths;
  }

  async initialize(config, testFiles) {
    this.webkit = await startWebKitDriver(this.paths);
    this.options.port = this.webkit.port;
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
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
