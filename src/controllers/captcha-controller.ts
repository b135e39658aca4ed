import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RegistrationBackend } from '../services/backend.js';
import type { Captcha } from '../services/schemas.js';

/** Longest wait a timer takes (setTimeout overflows past 2^31 − 1 ms). */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Loads the backend's captcha image and replaces it on demand (a click on the picture, a
 * failed attempt, a used answer). Only the newest request counts: an older answer arriving late
 * is dropped, and leaving the page aborts the request. When the captcha says when it runs out
 * (`expiresAt`), `onExpired` is called then, so the host can show a new one before the candidate
 * types an answer the backend would refuse.
 */
export class CaptchaController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #backend: () => RegistrationBackend | undefined;
  readonly #onExpired: (() => void) | undefined;
  #request: AbortController | undefined;
  #expiry: ReturnType<typeof setTimeout> | undefined;

  /** The captcha shown, or undefined before the first one arrived (or after a failure). */
  captcha: Captcha | undefined;
  loading = false;
  /** Why the last load failed (an adapter error), if it did. */
  error: unknown;
  /** How many captchas were loaded: a change tells the host to announce a new picture. */
  generation = 0;

  constructor(host: ReactiveControllerHost, backend: () => RegistrationBackend | undefined, onExpired?: () => void) {
    this.#host = host;
    this.#backend = backend;
    this.#onExpired = onExpired;
    host.addController(this);
  }

  hostConnected(): void {
    if (this.captcha) this.#watchExpiry(this.captcha);
  }

  hostDisconnected(): void {
    this.#request?.abort();
    this.#request = undefined;
    this.loading = false;
    clearTimeout(this.#expiry);
  }

  /**
   * Calls `onExpired` when the captcha runs out, as far as the page's clock can tell (a captcha
   * that already seems expired on arrival is left alone: the page's clock is off, and a refused
   * answer brings a new captcha anyway).
   */
  #watchExpiry(captcha: Captcha): void {
    clearTimeout(this.#expiry);
    const left = captcha.expiresAt ? Date.parse(captcha.expiresAt) - Date.now() : NaN;
    if (!this.#onExpired || !(left > 0)) return;
    this.#expiry = setTimeout(() => {
      if (this.captcha === captcha) this.#onExpired?.();
    }, Math.min(left, MAX_TIMER_MS));
  }

  /** Loads a captcha unless one is shown or on its way. */
  ensure(): void {
    if (!this.captcha && !this.loading) void this.reload();
  }

  /** Loads a new captcha (the old one is forgotten at once: its answer is no use any more). */
  async reload(): Promise<void> {
    const backend = this.#backend();
    if (!backend) return;
    this.#request?.abort();
    const request = new AbortController();
    this.#request = request;
    this.captcha = undefined;
    clearTimeout(this.#expiry);
    this.loading = true;
    this.error = undefined;
    this.#host.requestUpdate();
    try {
      const captcha = await backend.getCaptcha({ signal: request.signal });
      if (request.signal.aborted) return;
      this.captcha = captcha;
      this.generation += 1;
      this.#watchExpiry(captcha);
    } catch (error) {
      if (request.signal.aborted) return;
      this.captcha = undefined;
      this.error = error;
    } finally {
      if (this.#request === request) {
        this.loading = false;
        this.#request = undefined;
        this.#host.requestUpdate();
      }
    }
  }
}
