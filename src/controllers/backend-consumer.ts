import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RegistrationBackend } from '../services/backend.js';
import { backendContext, sessionContext } from '../services/context.js';
import type { Session } from '../services/schemas.js';
import { sessionMoved } from './session-change.js';

/** An element that talks to the backend: its own `backend` property wins over the provider's. */
export type ConsumerHost = ReactiveControllerHost & HTMLElement & { backend?: RegistrationBackend | undefined };

export type SessionValue = Session | null | undefined;

/**
 * Whether an answer asked for while the session was `before` is asked again now that it is `now`
 * (see BackendConsumer's constructor).
 */
export type SessionMoved = (before: SessionValue, now: SessionValue) => boolean;

/** Any other session (the default of the elements that show the session themselves). */
export const changed = (before: SessionValue, now: SessionValue): boolean => before !== now;

/** What an answer was asked for. */
export interface AskedFor {
  backend: RegistrationBackend;
  session: SessionValue;
  /** Anything else the answer depends on (the account, the application given by the page). */
  key: unknown;
}

/**
 * What every element that talks to the backend shares: the backend (the element's `backend`
 * property, else the provider's) and the signed-in candidate (the provider's session), both
 * followed as they change; what the answer shown was asked for, so that it is asked again when
 * the backend, the session (see `moved`) or a key of the element's changes; one request at a
 * time, the one before aborted, and the request aborted when the element leaves the page.
 *
 * Without a provider, an element that must know who is signed in asks the backend itself
 * (`OwnSession`, own-session.ts: a module apart, which the elements without it do not carry).
 */
export class BackendConsumer implements ReactiveController {
  readonly #host: ConsumerHost;
  /** Given: asked again on its own test, and a sign-out is asked for too (see the constructor). */
  readonly #moved: SessionMoved | undefined;
  readonly #backend: ContextConsumer<typeof backendContext, ConsumerHost>;
  readonly #session: ContextConsumer<typeof sessionContext, ConsumerHost>;
  #provided = false;
  #request: AbortController | undefined;
  /** What the answer shown was asked for (`asking`); `undefined` asks again on the next update. */
  asked: AskedFor | undefined;

  /**
   * `moved`: whether an answer asked for while the session was `before` is asked again now that it
   * is `now`. By default `sessionMoved` (a session that only became known is not a reason), and a
   * sign-out is not asked for (nothing is asked, but whoever signs in next is). An element that
   * shows the session itself gives its own (`changed`: any other value) and is asked for when
   * signed out too: it shows its empty answer itself.
   */
  constructor(host: ConsumerHost, moved?: SessionMoved) {
    this.#host = host;
    this.#moved = moved;
    // The context consumers ask the host to update on every new value themselves.
    this.#backend = new ContextConsumer(host, { context: backendContext, subscribe: true });
    this.#session = new ContextConsumer(host, { context: sessionContext, subscribe: true, callback: () => (this.#provided = true) });
    host.addController(this);
  }

  /** The backend in use: the element's `backend` property, else the provider's. */
  get backend(): RegistrationBackend | undefined {
    return this.#host.backend ?? this.#backend.value;
  }

  /** The provider's session (`undefined` while not known, or without a provider). */
  get session(): SessionValue {
    return this.#session.value;
  }

  /** Whether a provider gives the session. */
  get sessionProvided(): boolean {
    return this.#provided;
  }

  /** The provider says nobody is signed in. */
  get signedOut(): boolean {
    return this.#provided && this.session === null;
  }

  /**
   * Whether the answer must be asked for (again) now: a backend, and never asked, or asked from
   * another backend, for another `key`, or the session moved since. A session that did not move
   * is remembered as it is now; a sign-out (unless `moved` was given) is remembered without asking,
   * so that whoever signs in next is asked for.
   */
  due(key?: unknown): boolean {
    const backend = this.backend;
    const asked = this.asked;
    const session = this.session;
    if (!backend) return false;
    if (asked?.backend === backend && asked.key === key && !(this.#moved ?? sessionMoved)(asked.session, session)) {
      asked.session = session;
      return false;
    }
    if (this.#moved || !this.signedOut) return true;
    if (asked) asked.session = null;
    return false;
  }

  /** Remembers that the answer is asked for from the backend and session of now (and `key`). */
  asking(key?: unknown): AskedFor | undefined {
    const backend = this.backend;
    return (this.asked = backend && { backend, session: this.session, key });
  }

  /** A new request; the one before is aborted (also what a load that needs none does). */
  request(): AbortSignal {
    this.#request?.abort();
    return (this.#request = new AbortController()).signal;
  }

  hostDisconnected(): void {
    this.#request?.abort();
  }
}
