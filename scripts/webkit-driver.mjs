// WebKit for the tests and the bench: WebKitGTK's WebDriver (WebKitWebDriver) with its MiniBrowser,
// on a private Xvfb display (MiniBrowser has no headless mode) and a private profile.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * MiniBrowser's toolbar keeps its window at least 447 px wide; tests need phone widths (320 px).
 * GTK reads this style sheet from the private profile and shrinks the toolbar to nothing (it only
 * styles the window around the page, never the page).
 */
const GTK_CSS = 'toolbar, toolbar *, entry, image, button { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 1px; -gtk-icon-transform: scale(0.05); }\n';

/** Signals a detached child's process group (nothing if it is gone). */
function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** A TCP port nobody listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on a display it picks itself (-displayfd) and resolves that display's name. */
function startXvfb(xvfb) {
  return new Promise((resolve, reject) => {
    const child = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      detached: true, // a group of its own (see the driver below)
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Xvfb ended (${code}): ${stderr.trim()}`)));
    let out = '';
    child.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve({ child, display: `:${out.trim()}` });
    });
  });
}

async function waitForDriver(port, child) {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver ended (${child.exitCode})`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('WebKitWebDriver did not answer within 30 s');
}

/**
 * Starts Xvfb and WebKitWebDriver; `stop()` ends both and removes the profile.
 * @param {{ driver: string, browser: string, xvfb: string }} paths (scripts/engines.mjs findWebKit)
 */
export async function startWebKitDriver(paths) {
  const profile = mkdtempSync(path.join(tmpdir(), 'rk-webkit-'));
  const children = [];
  // The runner may end by process.exit (it did, mid-run) without calling stop(): the groups are
  // detached, so they would outlive it and keep a core busy; end them with it.
  const endWithRunner = () => children.forEach((child) => killGroup(child, 'SIGKILL'));
  process.once('exit', endWithRunner);
  /** Ends the driver (and its browser) and Xvfb, then removes the profile. */
  const stop = async () => {
    process.removeListener('exit', endWithRunner);
    const exits = children.reverse().map((child) => {
      const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
      // The whole group: MiniBrowser and its web and network processes outlive a driver ended alone.
      killGroup(child, 'SIGTERM');
      return Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]).then(() => killGroup(child, 'SIGKILL'));
    });
    await Promise.all(exits);
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch (error) {
      console.warn(`could not remove the WebKit profile ${profile}: ${error.message}`);
    }
  };
  try {
    mkdirSync(path.join(profile, '.config', 'gtk-3.0'), { recursive: true });
    writeFileSync(path.join(profile, '.config', 'gtk-3.0', 'gtk.css'), GTK_CSS);
    const xvfb = await startXvfb(paths.xvfb);
    children.push(xvfb.child);
    const port = await freePort();
    const driver = spawn(paths.driver, [`--port=${port}`], {
      stdio: 'ignore',
      // A process group of its own, with the browser it starts: a signal the browser's processes
      // send to their group never reaches the test runner, and stop() ends them all.
      detached: true,
      env: {
        ...process.env,
        DISPLAY: xvfb.display,
        HOME: profile,
        XDG_CONFIG_HOME: path.join(profile, '.config'),
        XDG_CACHE_HOME: path.join(profile, '.cache'),
        XDG_DATA_HOME: path.join(profile, '.local', 'share'),
      },
    });
    children.push(driver);
    await waitForDriver(port, driver);
    return { port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * webdriverio's options for a MiniBrowser session on the driver at `port`.
 * @param {{ browser: string }} paths
 * @param {number} port
 */
export function webkitOptions(paths, port) {
  return {
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      // WebKitWebDriver speaks classic WebDriver only; webdriverio would ask for BiDi.
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: paths.browser, args: ['--automation'] },
    },
  };
}
