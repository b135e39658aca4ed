import type { ReactiveController } from 'lit';
import type { BackendConsumer, ConsumerHost, SessionValue } from './backend-consumer.js';

/**
 * The session of an element that must know who is signed in (`rk-realname`,
 * `rk-registration-form`): the page's (`session` property), else the provider's, else — without
 * a provider — the one it asks the backend for itself, once. The request is aborted when the
 * element leaves the page.
 */
export class OwnSession implements ReactiveController {
  readonly #host: ConsumerHost;
  readonly #consumer: BackendConsumer;
  #request: AbortController | undefined;
  /** The session this element asked for itself (no provider, no `session` property). */
  #asked: SessionValue;

  constructor(host: ConsumerHost, consumer: BackendConsumer) {
    this.#host = host;
    this.#consumer = consumer;
    host.addController(this);
  }

  /** The session in use: `given` (the `session` property), the provider's, or the one asked for; null without any backend to ask. */
  of(given: SessionValue): SessionValue {
    if (given !== undefined) return given;
    if (this.#consumer.sessionProvided) return this.#consumer.session;
    // No provider, no session given, no backend to ask: nobody can be signed in.
    if (this.#asked === undefined && !this.#consumer.backend) return null;
    return this.#asked;
  }

  /**
   * Without provider or `given` session, asks the backend who is signed in (once; `failed` hears
   * why it could not say, and the element counts as signed out).
   */
  async ask(given: SessionValue, failed?: (error: unknown) => void): Promise<void> {
    const backend = this.#consumer.backend;
    if (this.#consumer.sessionProvided || given !== undefined || this.#asked !== undefined) return;
    if (!backend || this.#request || !this.#host.isConnected) return;
    const { signal } = (this.#request = new AbortController());
    let session: SessionValue = null;
    try {
      session = await backend.getSession({ signal });
    } catch (error) {
      if (!signal.aborted) failed?.(error);
    }
    if (signal.aborted) return;
    this.#request = undefined;
    this.#set(session);
  }

  /** The backend contradicted the session asked for (REALNAME_REQUIRED): ask it again. */
  outdated(): void {
    // A refusal that comes after the answer (a save sent before it) changes nothing more.
    if (this.#consumer.sessionProvided || this.#request || this.#asked?.realName?.status !== 'verified') return;
    this.#asked = undefined;
    this.#host.requestUpdate();
  }

  /** The backend said the session ended: the session asked for is gone too. */
  ended(): void {
    this.#set(null);
  }

  #set(session: SessionValue): void {
    this.#asked = session;
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#request?.abort();
    this.#request = undefined;
  }
}
