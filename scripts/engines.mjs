// The three browser engines candidates use, as the tests and the bench drive them: Chromium
// (Chrome, Edge, Android WebView, WeChat on Android), Firefox (Gecko) and WebKit (Safari, and
// every browser on iOS, WeChat's included). Finds each one's binaries on this machine.
import { existsSync } from 'node:fs';
import { CHROMIUM_HELP, findChromium } from './find-chromium.mjs';

/** @typedef {'chromium' | 'firefox' | 'webkit'} Engine */

/** @type {Engine[]} */
export const ENGINES = ['chromium', 'firefox', 'webkit'];

const FIREFOX_CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
];

/** WebKitGTK's WebDriver (Debian: webkit2gtk-driver) drives its MiniBrowser (Debian: libwebkit2gtk-4.1-0). */
const WEBKIT_DRIVER_CANDIDATES = ['/usr/bin/WebKitWebDriver', '/usr/local/bin/WebKitWebDriver'];
const MINIBROWSER_CANDIDATES = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
];
const XVFB_CANDIDATES = ['/usr/bin/Xvfb'];

/** @param {string | undefined} fromEnv @param {string[]} candidates */
function pick(fromEnv, candidates) {
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return candidates.find((path) => existsSync(path));
}

/** @returns {string | undefined} */
export function findFirefox() {
  return pick(process.env.FIREFOX_PATH, FIREFOX_CANDIDATES);
}

/**
 * WebKitWebDriver, the MiniBrowser it starts, and Xvfb (MiniBrowser has no headless mode; a
 * machine with a display of its own still gets a private Xvfb, so no window shows up).
 * @returns {{ driver: string, browser: string, xvfb: string } | undefined}
 */
export function findWebKit() {
  const driver = pick(process.env.WEBKIT_DRIVER_PATH, WEBKIT_DRIVER_CANDIDATES);
  const browser = pick(process.env.WEBKIT_BROWSER_PATH, MINIBROWSER_CANDIDATES);
  const xvfb = pick(process.env.XVFB_PATH, XVFB_CANDIDATES);
  return driver && browser && xvfb ? { driver, browser, xvfb } : undefined;
}

export const ENGINE_HELP = {
  chromium: CHROMIUM_HELP,
  firefox:
    'Firefox not found: install it (Debian/Ubuntu: sudo apt-get install -y firefox-esr) or set FIREFOX_PATH to a Firefox binary.',
  webkit:
    'WebKit not found: install WebKitGTK\'s WebDriver and Xvfb (Debian/Ubuntu: sudo apt-get install -y webkit2gtk-driver xvfb) or set WEBKIT_DRIVER_PATH, WEBKIT_BROWSER_PATH (MiniBrowser) and XVFB_PATH.',
};

/** @param {Engine} engine @returns {boolean} */
export function engineInstalled(engine) {
  if (engine === 'chromium') return Boolean(findChromium());
  if (engine === 'firefox') return Boolean(findFirefox());
  return Boolean(findWebKit());
}

/**
 * The engines named in a comma-separated list (`chromium,firefox,webkit`; `all` for every one).
 * @param {string} list
 * @returns {Engine[]}
 */
export function parseEngines(list) {
  const names = list.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  if (names.includes('all')) return [...ENGINES];
  const unknown = names.filter((name) => !ENGINES.includes(/** @type {Engine} */ (name)));
  if (unknown.length > 0) throw new Error(`unknown engine ${unknown.join(', ')}: use ${ENGINES.join(', ')} or all`);
  return /** @type {Engine[]} */ (names);
}
