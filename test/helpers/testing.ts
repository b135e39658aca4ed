/**
 * @open-wc/testing as the tests use it, with one change: `waitUntil` waits 5 s unless told
 * otherwise (its own default is 1 s). What a test waits for is often a module's first load or a
 * mock answer through the service worker, which in a full run's Firefox or WebKit on a busy
 * 2-core machine took over a second. The wait still fails when the condition never comes.
 */
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

export * from '@open-wc/testing';

export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 5000, ...options });
}
