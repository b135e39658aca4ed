// Test commands that work the same in every engine the suite runs in: puppeteer drives Chromium
// (CDP) and Firefox (WebDriver BiDi), webdriverio drives WebKit (classic WebDriver). The runner's
// own `sendKeys` and `setViewport` support neither key holds nor viewports over WebDriver, and
// they come before a config's plugins, so these commands have names of their own; tests call
// them through test/helpers/commands.ts.
import path from 'node:path';

/** Puppeteer's key names (what the tests use) as WebDriver's key codes. */
const WEBDRIVER_KEYS = {
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Meta: '\uE03D',
  Enter: '\uE007',
  Tab: '\uE004',
  Escape: '\uE00C',
  Backspace: '\uE003',
  Delete: '\uE017',
  Space: ' ',
  Home: '\uE011',
  End: '\uE010',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
};

/** @param {string} key */
function webdriverKey(key) {
  if (key in WEBDRIVER_KEYS) return WEBDRIVER_KEYS[key];
  if ([...key].length === 1) return key;
  throw new Error(`rk-send-keys: no WebDriver code for the key ${key}`);
}

/** The absolute path of a file named relative to the test file. */
function resolvePath(session, file) {
  return path.resolve(path.dirname(session.testFile), file);
}

/** Puppeteer's name of a key for both its protocols: over BiDi (Firefox) it knows no `Space`. */
const puppeteerKey = (key) => (key === 'Space' ? ' ' : key);

/** Puppeteer (Chromium, Firefox). */
const puppeteer = {
  async keys(page, payload) {
    if ('type' in payload) await page.keyboard.type(payload.type);
    else if ('press' in payload) await page.keyboard.press(puppeteerKey(payload.press));
    else if ('down' in payload) await page.keyboard.down(puppeteerKey(payload.down));
    else if ('up' in payload) await page.keyboard.up(puppeteerKey(payload.up));
  },
  async chooseFile(page, session, payload) {
    const input = await page.$(payload.input);
    if (!input) throw new Error(`choose-file: nothing matches ${payload.input}`);
    await input.uploadFile(resolvePath(session, payload.path));
  },
  async pressAndChooseFile(page, session, payload) {
    // A key opens the page's file dialog (as a keyboard user does); the dialog takes the file.
    const chooser = page.waitForFileChooser({ timeout: 5000 });
    // Let the interception of the dialog be switched on before the key opens it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await page.keyboard.press(payload.key ?? 'Enter');
    await (await chooser).accept([resolvePath(session, payload.path)]);
  },
};

/** webdriverio over classic WebDriver (WebKit). */
const webdriver = {
  /** One key at a time, down then up (webdriverio's `keys` presses all of them, then releases). */
  async keys(driver, payload) {
    const actions = [];
    if ('type' in payload) for (const char of payload.type) actions.push({ type: 'keyDown', value: char }, { type: 'keyUp', value: char });
    else if ('press' in payload) {
      const value = webdriverKey(payload.press);
      actions.push({ type: 'keyDown', value }, { type: 'keyUp', value });
    } else if ('down' in payload) actions.push({ type: 'keyDown', value: webdriverKey(payload.down) });
    else if ('up' in payload) actions.push({ type: 'keyUp', value: webdriverKey(payload.up) });
    // The same input source id: a key held down by one call stays down for the next ones.
    await driver.performActions([{ type: 'key', id: 'rk-keyboard', actions }]);
  },
  /** The window is sized so that the page's viewport gets the size asked for. */
  async setViewport(driver, { width, height }) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const [innerWidth, innerHeight] = await driver.execute('return [innerWidth, innerHeight]');
      if (innerWidth === width && innerHeight === height) return;
      // The window's own size (the driver's, not the page's outerWidth, which may say 0) less the viewport.
      const window = await driver.getWindowRect();
      const chrome = { width: Math.max(0, window.width - innerWidth), height: Math.max(0, window.height - innerHeight) };
      await driver.setWindowRect(null, null, Math.round(width + chrome.width), Math.round(height + chrome.height));
    }
    const [innerWidth, innerHeight] = await driver.execute('return [innerWidth, innerHeight]');
    if (innerWidth !== width || innerHeight !== height) throw new Error(`rk-set-viewport: asked for ${width}×${height}, the window gives ${innerWidth}×${innerHeight}`);
  },
  /** WebDriver's Element Send Keys on a file input is the file dialog's choice. */
  async setFile(driver, element, file) {
    const id = Object.values(element ?? {})[0];
    if (!id) throw new Error('choose-file: no file input');
    await driver.elementSendKeys(id, file);
  },
  async chooseFile(driver, session, payload) {
    const element = await driver.execute('return document.querySelector(arguments[0])', payload.input);
    await webdriver.setFile(driver, element, resolvePath(session, payload.path));
  },
  /**
   * WebDriver cannot answer a file dialog the page opened. So the page notes which file input the
   * key opened a dialog for (the click that opens it), and the file is given to that input as the
   * dialog would.
   */
  async pressAndChooseFile(driver, session, payload) {
    await driver.execute(`
      window.__rkOpenedFileInput = undefined;
      const note = (event) => {
        const target = event.composedPath()[0];
        if (!(target instanceof HTMLInputElement) || target.type !== 'file') return; // e.g. the button pressed
        window.__rkOpenedFileInput = target;
        document.removeEventListener('click', note, true);
      };
      document.addEventListener('click', note, true);
    `);
    await webdriver.keys(driver, { press: payload.key ?? 'Enter' });
    // The page may open the dialog a moment after the key (after its own awaits).
    let element = null;
    for (let waited = 0; !element && waited < 5000; waited += 100) {
      element = await driver.execute('return window.__rkOpenedFileInput ?? null');
      if (!element) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!element) throw new Error(`press-and-choose-file: ${payload.key ?? 'Enter'} opened no file dialog`);
    await webdriver.setFile(driver, element, resolvePath(session, payload.path));
  },
};

/**
 * `rk-send-keys` {type | press | down | up}: keys as the runner's sendKeys takes them, a held key
 * (`down`) included. `rk-set-viewport` {width, height}. `choose-file` {path, input}: puts a file
 * from disk (path relative to the test file) into an `<input type="file">` of the page (a CSS
 * selector), as the browser's file dialog would. A File chosen this way is backed by the disk, so
 * the browser notices when the file changes after it was chosen, which a File made in the page
 * never does. `press-and-choose-file` {path, key}: presses a key that opens the page's file
 * dialog, and picks the file in it.
 */
export function engineCommandsPlugin() {
  return {
    name: 'rk-engine-commands',
    async executeCommand({ command, payload, session }) {
      if (!['rk-send-keys', 'rk-set-viewport', 'choose-file', 'press-and-choose-file'].includes(command)) return undefined;
      const { browser } = session;
      if (browser.type === 'puppeteer') {
        const page = browser.getPage(session.id);
        if (command === 'rk-send-keys') await puppeteer.keys(page, payload);
        else if (command === 'rk-set-viewport') await page.setViewport({ width: payload.width, height: payload.height });
        else if (command === 'choose-file') await puppeteer.chooseFile(page, session, payload);
        else await puppeteer.pressAndChooseFile(page, session, payload);
        return true;
      }
      if (browser.type === 'webdriver') {
        // With concurrency 1 the launcher runs every test file in its one window.
        const driver = browser.driver;
        if (command === 'rk-send-keys') await webdriver.keys(driver, payload);
        else if (command === 'rk-set-viewport') await webdriver.setViewport(driver, payload);
        else if (command === 'choose-file') await webdriver.chooseFile(driver, session, payload);
        else await webdriver.pressAndChooseFile(driver, session, payload);
        return true;
      }
      throw new Error(`${command}: not supported for browser type ${browser.type}`);
    },
  };
}
