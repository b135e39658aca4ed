import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RegistrationBackend } from '../services/backend.js';
import type { Captcha } from '../services/schemas.js';

/**
 * Loads the backend's captcha image and replaces it on demand (a click on the picture, a
 * failed attempt, a used answer). Only the newest request counts: an older answer arriving late
 * is dropped, and leaving the page aborts the request.
 */
export class CaptchaController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #backend: () => RegistrationBackend | undefined;
  #request: AbortController | undefined;

  /** The captcha shown, or undefined before the first one arrived (or after a failure). */
  captcha: Captcha | undefined;
  loading = false;
  /** Why the last load failed (an adapter error), if it did. */
  error: unknown;
  /** How many captchas were loaded: a change tells the host to announce a new picture. */
  generation = 0;

  constructor(host: ReactiveControllerHost, backend: () => RegistrationBackend | undefined) {
    this.#host = host;
    this.#backend = backend;
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#request?.abort();
    this.#request = undefined;
    this.loading = false;
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
    this.loading = true;
    this.error = undefined;
    this.#host.requestUpdate();
    try {
      const captcha = await backend.getCaptcha({ signal: request.signal });
      if (request.signal.aborted) return;
      this.captcha = captcha;
      this.generation += 1;
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
