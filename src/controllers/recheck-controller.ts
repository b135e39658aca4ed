import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface RecheckOptions {
  /**
   * Asks the backend again, quietly: what is shown stays until the answer. Its failure is the
   * element's to show or not; the controller only ignores it.
   */
  check: (signal: AbortSignal) => Promise<unknown>;
  /**
   * Whether the element waits for something the office or the calendar will change (review,
   * payment, tickets, scores, certificates): only then does the tab coming back ask again.
   * Default: always.
   */
  waiting?: () => boolean;
  /** When the awaited moment comes, if the backend said (ISO date-time, or ms on the backend's clock). */
  due?: () => string | number | null | undefined;
  /** The backend's clock in ms (default `Date.now`): a due moment is the backend's time, not the candidate's. */
  now?: () => number;
  /** Least time between two checks the controller starts by itself (the tab shown and the window focused come together), in ms. Default 2 s. */
  minGapMs?: number;
}

/** Longest single wait of the timer: timers drift while a computer sleeps, so it looks again at least this often. */
const MAX_WAIT_MS = 60 * 60_000;
/** Asked this long after the due moment, so that the backend's clock has passed it too. */
const DUE_SLACK_MS = 2_000;

/**
 * Keeps a view that waits for something current, for candidates who keep a tab open for days:
 * it checks again when the awaited moment comes (a timer to the backend's time, e.g. the ticket
 * window's `opensAt`), when the tab becomes visible again or the window gets the focus back, when
 * the browser is back online, and when the candidate asks (`recheck()`). Never while the tab is
 * hidden: a moment that comes then is checked when the tab is shown. One check at a time: asking
 * while one is under way makes one more after it (the first may have left before what the new
 * question is about happened), however often it is asked meanwhile. Stops, and aborts the check
 * under way, when the host leaves the page.
 */
export class RecheckController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: RecheckOptions;
  #connected = false;
  #running: Promise<void> | undefined;
  #next: Promise<void> | undefined;
  #abort: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The due moment the timer is set for (ms on the backend's clock). */
  #armedFor: number | undefined;
  /** When the last check ended (local ms), for `minGapMs`. */
  #lastAt = Number.NEGATIVE_INFINITY;

  constructor(host: ReactiveControllerHost, options: RecheckOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** An answer arrived by another way (the element's first load): the tab returning soon after need not ask again. */
  answered(): void {
    this.#lastAt = performance.now();
  }

  /** Checks now, or once more after the check under way; resolves when that check is done. */
  recheck(): Promise<void> {
    if (!this.#running) {
      this.#running = this.#run();
      return this.#running;
    }
    this.#next ??= this.#running.then(() => {
      this.#next = undefined;
      return this.recheck();
    });
    return this.#next;
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onReturn);
    window.addEventListener('focus', this.#onReturn);
    window.addEventListener('online', this.#onReturn);
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onReturn);
    window.removeEventListener('focus', this.#onReturn);
    window.removeEventListener('online', this.#onReturn);
    this.#clearTimer();
    this.#abort?.abort();
  }

  /** After each render the due moment may have changed: set the timer for it. */
  hostUpdated(): void {
    this.#arm();
  }

  readonly #onReturn = (): void => {
    if (!this.#connected || document.visibilityState === 'hidden' || this.#running) return;
    if (!(this.#options.waiting?.() ?? true)) return;
    if (performance.now() - this.#lastAt < (this.#options.minGapMs ?? 2_000)) return;
    void this.recheck();
  };

  async #run(): Promise<void> {
    const abort = new AbortController();
    this.#abort = abort;
    try {
      await this.#options.check(abort.signal);
    } catch {
      // The element shows its own failures; a quiet check that failed leaves the view as it was.
    } finally {
      this.#lastAt = performance.now();
      if (this.#abort === abort) this.#abort = undefined;
      this.#running = undefined;
      this.#host.requestUpdate();
    }
  }

  #arm(): void {
    const raw = this.#connected ? this.#options.due?.() : undefined;
    const due = typeof raw === 'string' ? Date.parse(raw) : (raw ?? undefined);
    const now = (this.#options.now ?? Date.now)();
    // Only a moment still ahead (its slack included): one already past that the answer still names would loop.
    const ahead = due !== undefined && Number.isFinite(due) && due + DUE_SLACK_MS > now ? due : undefined;
    if (ahead === this.#armedFor && (ahead === undefined || this.#timer !== undefined)) return;
    this.#clearTimer();
    this.#armedFor = ahead;
    if (ahead === undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if ((this.#options.now ?? Date.now)() < ahead + DUE_SLACK_MS) {
        // A wait cut short by MAX_WAIT_MS (or a clock that moved): wait the rest.
        this.#armedFor = undefined;
        this.#arm();
        return;
      }
      this.#armedFor = undefined;
      // Hidden: nothing now; the tab shown again asks (a moment came while it was away).
      if (document.visibilityState === 'hidden') this.#lastAt = Number.NEGATIVE_INFINITY;
      else void this.recheck();
    }, Math.min(MAX_WAIT_MS, ahead + DUE_SLACK_MS - now));
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
