import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface PollOptions {
  /** One check; rejects on failure (the next check then backs off). Aborted when the host leaves the page. */
  task: (signal: AbortSignal) => Promise<void>;
  /** Time between checks while they succeed, in ms (read before each wait, so it may change). */
  intervalMs: () => number;
  /** The longest wait after repeated failures, in ms. Default 30 s. */
  maxIntervalMs?: number;
}

/**
 * Polls while it makes sense and no more: every `intervalMs` while the page is visible, doubling
 * the wait after each failure (up to `maxIntervalMs`) and back to normal after a success; paused
 * while the tab is hidden and checked at once when it is visible again; stopped when the host
 * leaves the page (the request in flight is aborted). One check at a time: `checkNow()` while a
 * check runs waits for that one.
 */
export class PollController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: PollOptions;
  #active = false;
  #connected = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: Promise<void> | undefined;
  #abort: AbortController | undefined;
  /** Failures in a row. */
  failures = 0;

  constructor(host: ReactiveControllerHost, options: PollOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Whether polling is wanted (it may still be paused: hidden tab, host not on the page). */
  get active(): boolean {
    return this.#active;
  }

  /** The wait before the next check, given the failures so far. */
  get nextDelayMs(): number {
    const max = this.#options.maxIntervalMs ?? 30_000;
    return Math.min(max, this.#options.intervalMs() * 2 ** this.failures);
  }

  /** Starts polling: the first check after one interval. */
  start(): void {
    if (this.#active) return;
    this.#active = true;
    this.failures = 0;
    this.#schedule();
  }

  /** Stops polling and aborts a check in flight. */
  stop(): void {
    this.#active = false;
    this.#clear();
    this.#abort?.abort();
  }

  /** Checks now (also when not polling) and, when polling, waits a full interval after it. */
  checkNow(): Promise<void> {
    this.#clear();
    this.#inFlight ??= this.#run();
    return this.#inFlight;
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#schedule();
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#clear();
    this.#abort?.abort();
  }

  readonly #onVisibility = (): void => {
    if (!this.#active || !this.#connected) return;
    if (document.visibilityState === 'hidden') this.#clear();
    else void this.checkNow();
  };

  async #run(): Promise<void> {
    const abort = new AbortController();
    this.#abort = abort;
    try {
      await this.#options.task(abort.signal);
      this.failures = 0;
    } catch {
      if (!abort.signal.aborted) this.failures += 1;
    } finally {
      this.#inFlight = undefined;
      if (this.#abort === abort) this.#abort = undefined;
      this.#host.requestUpdate();
      this.#schedule();
    }
  }

  #schedule(): void {
    this.#clear();
    if (!this.#active || !this.#connected || this.#inFlight) return;
    if (document.visibilityState === 'hidden') return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.checkNow();
    }, this.nextDelayMs);
  }

  #clear(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
