/** One MSW worker per test page, started once; tests add handlers with `worker.use()`. */
import { setupWorker, type SetupWorker } from 'msw/browser';

let started: Promise<SetupWorker> | undefined;

export function testWorker(): Promise<SetupWorker> {
  started ??= (async () => {
    const worker = setupWorker();
    await worker.start({ quiet: true, onUnhandledRequest: 'error' });
    return worker;
  })();
  return started;
}
