import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface CountdownOptions {
  /**
   * Names the countdown so it survives re-rendering, the element leaving and re-entering the
   * page, and a reload in the same tab: its deadline (a timestamp, nothing else) is kept in
   * sessionStorage under `rk-countdown:<key>`. Without a key it lives as long as the controller.
   */
  key?: string;
  /** The clock in milliseconds (default `Date.now`); give the server's clock for server deadlines. */
  now?: () => number;
  /** Called once when a running countdown reaches zero. */
  onEnd?: () => void;
}

const STORAGE_PREFIX = 'rk-countdown:';

/** Deadlines by key, for when sessionStorage is unavailable (sandboxed frames, privacy modes). */
const memory = new Map<string, number>();

function readDeadline(key: string): number | null {
  let stored: string | null = null;
  try {
    stored = sessionStorage.getItem(STORAGE_PREFIX + key);
  } catch {
    // storage unavailable: fall back to memory
  }
  const value = stored === null ? memory.get(key) : Number(stored);
  return value !== undefined && Number.isFinite(value) ? value : null;
}

function writeDeadline(key: string, deadline: number | null): void {
  if (deadline === null) memory.delete(key);
  else memory.set(key, deadline);
  try {
    if (deadline === null) sessionStorage.removeItem(STORAGE_PREFIX + key);
    else sessionStorage.setItem(STORAGE_PREFIX + key, String(deadline));
  } catch {
    // storage unavailable: memory has it
  }
}

/**
 * A countdown to a deadline, for the verification-code resend button and the payment QR
 * expiry. It keeps the deadline as a timestamp, not a counter, so it is right after
 * re-rendering, a disconnection, a sleeping tab or a throttled timer; the host re-renders once
 * a second while it runs.
 *
 * ```ts
 * #resend = new CountdownController(this, { key: 'register:138…' });
 * this.#resend.start(60);
 * html`<button ?disabled=${this.#resend.running}>${this.#resend.remaining}</button>`;
 * ```
 */
export class CountdownController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #now: () => number;
  #key: string | undefined;
  #deadline: number | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #connected = false;
  onEnd: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, options: CountdownOptions = {}) {
    this.#host = host;
    this.#now = options.now ?? Date.now;
    this.onEnd = options.onEnd;
    this.#key = options.key;
    if (this.#key !== undefined) this.#deadline = readDeadline(this.#key);
    host.addController(this);
  }

  /** The name the deadline is kept under; changing it picks up that key's countdown, if any. */
  get key(): string | undefined {
    return this.#key;
  }
  set key(key: string | undefined) {
    if (key === this.#key) return;
    this.#key = key;
    this.#deadline = key === undefined ? null : readDeadline(key);
    this.#schedule();
    this.#host.requestUpdate();
  }

  /** The deadline as a timestamp (ms), or null when not running. */
  get deadline(): number | null {
    return this.running ? this.#deadline : null;
  }

  /** Whole seconds left, rounded up (0 when not running). */
  get remaining(): number {
    if (this.#deadline === null) return 0;
    return Math.max(0, Math.ceil((this.#deadline - this.#now()) / 1000));
  }

  get running(): boolean {
    return this.remaining > 0;
  }

  /** Starts (or restarts) a countdown of `seconds`. */
  start(seconds: number): void {
    this.startUntil(this.#now() + Math.max(0, seconds) * 1000);
  }

  /** Starts a countdown to `deadline` (ms on this controller's clock). */
  startUntil(deadline: number): void {
    this.#deadline = deadline;
    if (this.#key !== undefined) writeDeadline(this.#key, deadline);
    this.#schedule();
    this.#host.requestUpdate();
  }

  /** Stops and forgets the countdown. */
  stop(): void {
    this.#clearTimer();
    this.#deadline = null;
    if (this.#key !== undefined) writeDeadline(this.#key, null);
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#connected = true;
    if (this.#key !== undefined) this.#deadline = readDeadline(this.#key);
    this.#schedule();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#clearTimer();
  }

  /** Ticks at each whole second of the remaining time, so the display never skips or lags. */
  #schedule(ticking = false): void {
    this.#clearTimer();
    if (!this.#connected || this.#deadline === null) return;
    const left = this.#deadline - this.#now();
    if (left <= 0) {
      this.#end(ticking);
      return;
    }
    const delay = left % 1000 || 1000;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#host.requestUpdate();
      this.#schedule(true);
    }, delay);
  }

  /** Forgets the deadline; tells `onEnd` only when the countdown was seen running to zero. */
  #end(observed: boolean): void {
    this.#deadline = null;
    if (this.#key !== undefined) writeDeadline(this.#key, null);
    this.#host.requestUpdate();
    if (observed) this.onEnd?.();
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
