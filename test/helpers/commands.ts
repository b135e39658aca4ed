/**
 * Keys, viewports and the engine, the same in every browser the suite runs in (Chromium, Firefox,
 * WebKit). The runner's own `sendKeys` and `setViewport` do not work over WebDriver (WebKit), so
 * tests use these; the server side is scripts/wtr/engine-commands.mjs.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { deepActiveElement } from './form-driver.js';

export type SendKeysPayload = { type: string } | { press: string } | { down: string } | { up: string };

/**
 * Types text, presses a key, or holds (`down`) and releases (`up`) one, as a user's keyboard does.
 *
 * In Firefox, Tab past the page's last control (or Shift+Tab before its first) takes focus out of
 * the page into the browser's toolbar, where a person's next Tabs would bring it back. The keys
 * the runner sends keep reaching the page, and move its focus, but the page no longer has the
 * window's focus, and Firefox then activates nothing on Enter or Space: a later step would fail
 * without a word. So a key that takes focus out of the page fails here, saying so; a test reaches a
 * control above the focus with Shift+Tab, as a person would.
 */
export async function sendKeys(payload: SendKeysPayload): Promise<void> {
  if (engine === 'firefox' && !document.hasFocus()) await focusPage(JSON.stringify(payload));
  const hadFocus = document.hasFocus();
  await executeServerCommand('rk-send-keys', payload);
  if (engine === 'firefox' && hadFocus && !document.hasFocus()) {
    throw new Error(`${JSON.stringify(payload)} took focus out of the page, into the browser's toolbar (Firefox then activates nothing in the page): reach a control above the focus with Shift+Tab`);
  }
}

/**
 * Firefox: gives the page the window's focus when it has not got it, as a person does, by Tab
 * through the browser's toolbar until the page has it (an earlier test file in the same tab may
 * have left it in the toolbar); then focus goes back to the control that had it in the page.
 */
export async function focusPage(before = 'the first key'): Promise<void> {
  if (engine !== 'firefox' || document.hasFocus()) return;
  const active = deepActiveElement();
  for (let presses = 0; presses < 20 && !document.hasFocus(); presses += 1) await executeServerCommand('rk-send-keys', { press: 'Tab' });
  if (!document.hasFocus()) throw new Error(`the page had no focus before ${before}, and 20 Tabs through the browser's toolbar did not bring it back`);
  if (active instanceof HTMLElement && active !== document.body) active.focus({ focusVisible: true } as FocusOptions);
}

/** Sizes the page's viewport (the layout width media queries see). */
export async function setViewport(viewport: { width: number; height: number }): Promise<void> {
  await executeServerCommand('rk-set-viewport', viewport);
}

export type Engine = 'chromium' | 'firefox' | 'webkit';

/** The engine this test page runs in. */
export const engine: Engine = /\bFirefox\//.test(navigator.userAgent)
  ? 'firefox'
  : /\b(Chrome|Chromium|HeadlessChrome)\//.test(navigator.userAgent)
    ? 'chromium'
    : 'webkit';
