/**
 * @open-wc/testing as the tests use it, with one change: `waitUntil` waits 5 s unless told
 * otherwise (its own default is 1 s). What a test waits for is often a module's first load or a
 * mock answer through the service worker, which in a full run's Firefox or WebKit on a busy
 * 2-core machine took over a second. The wait still fails when the condition never comes.
 */
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';
import { focusPage } from './commands.js';

export * from '@open-wc/testing';

export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 5000, ...options });
}

// Every file starts as in a tab of its own, though the runner loads the files one after the other
// in one tab: nothing in sessionStorage (an earlier file's drafts, an accepted photo), and the
// window's focus on the page, before anything is on it (a Tab then moves nothing of a test's; see
// focusPage).
before(() => {
  sessionStorage.clear();
  return focusPage();
});
