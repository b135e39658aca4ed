import { importAgain } from './import-again.js';

/**
 * A module of the library fetched once, when first asked for (`() => import('./x.js')`): the
 * checks of a form, the response check of the HTTP adapter. `load()` starts the fetch or joins
 * the one under way; `value` is the module once it is there. A failed fetch (offline) is tried
 * again on the next `load()`, in every browser (see import-again.ts: Firefox needs a new URL).
 */
export class OnDemand<T> {
  value: T | undefined;
  #pending: Promise<T> | undefined;
  #failed = false;
  readonly #fetch: () => Promise<T>;

  constructor(fetch: () => Promise<T>) {
    this.#fetch = importAgain(fetch);
  }

  load(): Promise<T> {
    const start = () =>
      (this.#pending ??= this.#fetch().then(
        (value) => (this.value = value),
        (error: unknown) => {
          this.#pending = undefined;
          this.#failed = true;
          throw error;
        },
      ));
    // A fetch under way may have started before the connection came back (a field's check while
    // offline): a caller who joins it and sees it fail tries once more, so that a retry pressed
    // once online does not inherit that failure.
    return this.#pending?.catch(start) ?? start();
  }

  /**
   * Starts the fetch early, so the first use finds it there; a failure waits for that use. After a
   * failed fetch it does nothing: the next use (a retry) fetches, rather than joining a prefetch
   * that started while still offline.
   */
  prefetch(): void {
    if (!this.#failed) this.load().catch(() => undefined);
  }
}
