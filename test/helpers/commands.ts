/**
 * Keys, viewports and the engine, the same in every browser the suite runs in (Chromium, Firefox,
 * WebKit). The runner's own `sendKeys` and `setViewport` do not work over WebDriver (WebKit), so
 * tests use these; the server side is scripts/wtr/engine-commands.mjs.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export type SendKeysPayload = { type: string } | { press: string } | { down: string } | { up: string };

/** Types text, presses a key, or holds (`down`) and releases (`up`) one, as a user's keyboard does. */
export async function sendKeys(payload: SendKeysPayload): Promise<void> {
  await executeServerCommand('rk-send-keys', payload);
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
