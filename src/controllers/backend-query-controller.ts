import type { RegistrationBackend } from '../services/backend.js';
import { isSignedOutError } from '../services/errors.js';
import { BackendConsumer, type ConsumerHost } from './backend-consumer.js';
import { backendNow } from './server-clock.js';
import { LazyRecheck } from './lazy-recheck.js';

/** `no-backend`, `signed-out` (no session, or the backend said UNAUTHENTICATED), `loading`, `error`, `ready`. */
export type QueryState = 'no-backend' | 'signed-out' | 'loading' | 'error' | 'ready';

type Host = ConsumerHost;

/** What an answer waits for, so that the view keeps up (see RecheckController). */
export interface Awaited<T> {
  /** Whether the answer waits for the office or the calendar (not yet published, …). */
  waiting: (value: T) => boolean;
  /** When it says it changes (e.g. the `opensAt` of `not-yet`). */
  due?: (value: T) => string | null | undefined;
}

/**
 * A paper released later (`TicketAvailability`, scores, …) waits while it is `not-yet` (until its
 * `opensAt`) or `not-applicable` (nothing paid yet); `available` and `closed` are final.
 */
export const awaitsRelease: Awaited<{ status: string; opensAt?: string | null }> = {
  waiting: (answer) => answer.status === 'not-yet' || answer.status === 'not-applicable',
  due: (answer) => answer.opensAt,
};

/**
 * Loads one answer of the adapter for an element (the queries: 考试安排, 成绩, 证书): the backend
 * from the element's `backend` property or the provider's, asked again when the backend or the
 * signed-in candidate changes; loading and error state, `reload()` for 重试, the request aborted
 * when the element leaves the page. Tells `rk-session-expired` when the backend says the
 * candidate is signed out. An answer that waits for something (`awaited`) is asked again quietly
 * when its moment comes, when the tab returns and on `recheck()` (RecheckController). It is a
 * `BackendConsumer` (the backend, the session, what the answer was asked for, the request).
 */
export class BackendQueryController<T> extends BackendConsumer {
  readonly #host: Host;
  readonly #load: (backend: RegistrationBackend, signal: AbortSignal) => Promise<T>;
  readonly #recheck: LazyRecheck;
  /** From now on the view keeps up by itself, when the answer waits for something. */
  readonly #keepUp: () => void;
  #signedOut = false;
  /** The signal of the latest request. */
  #signal: AbortSignal | undefined;

  value: T | undefined;
  error: unknown;
  loading = false;

  constructor(host: Host, load: (backend: RegistrationBackend, signal: AbortSignal) => Promise<T>, awaited?: Awaited<T>) {
    super(host);
    this.#host = host;
    this.#load = load;
    const value = () => (this.state === 'ready' ? this.value : undefined);
    const waits = (answer: T | undefined) => answer !== undefined && (awaited?.waiting(answer) ?? false);
    this.#keepUp = () => {
      if (waits(this.value)) this.#recheck.start().catch(() => undefined);
    };
    this.#recheck = new LazyRecheck(host, {
      check: () => this.#fetch(true),
      waiting: () => waits(value()),
      due: () => (value() !== undefined ? awaited?.due?.(value()!) : undefined),
      now: () => backendNow(this.backend),
    });
  }

  get state(): QueryState {
    if (!this.backend) return 'no-backend';
    if (this.#signedOut || this.signedOut) return 'signed-out';
    if (this.value !== undefined && !this.loading) return 'ready';
    if (this.error !== undefined && !this.loading) return 'error';
    return 'loading';
  }

  hostConnected(): void {
    this.asked = undefined;
  }

  hostUpdate(): void {
    // Signed out: nothing to ask, but whoever signs in next is asked for.
    if (!this.due()) return;
    const asked = this.asking()!;
    const { backend, session } = asked;
    // Lit calls hostUpdate after the element's willUpdate has read `state`, and swallows a
    // requestUpdate made now: a load started here would leave this frame showing an error whose
    // reason is already cleared. Start it once this update is done; it asks for its own.
    queueMicrotask(() => {
      const now = this.asked;
      if (this.#host.isConnected && now?.backend === backend && now.session === session) void this.reload();
    });
  }

  override hostDisconnected(): void {
    // Aborts the request under way.
    super.hostDisconnected();
    this.#loading(false);
  }

  /** Asks the backend again. */
  reload(): Promise<void> {
    return this.#fetch(false);
  }

  /**
   * Asks again quietly (the answer shown stays until the new one; a failure keeps it): the
   * candidate asked, or the page knows something changed. One at a time, coalesced.
   */
  recheck(): Promise<void> {
    return this.#recheck.recheck();
  }

  async #fetch(quiet: boolean): Promise<void> {
    const backend = this.backend;
    if (!backend) return;
    const signal = (this.#signal = this.request());
    if (!quiet) {
      this.#signedOut = false;
      this.error = undefined;
      this.#loading(true);
    }
    try {
      const value = await this.#load(backend, signal);
      if (signal.aborted) return;
      this.value = value;
      this.error = undefined;
      this.#keepUp();
    } catch (error) {
      if (signal.aborted) return;
      if (isSignedOutError(error)) {
        this.#signedOut = true;
        this.value = undefined;
        this.#host.dispatchEvent(new CustomEvent('rk-session-expired', { bubbles: true, composed: true }));
      }
      if (!quiet || this.value === undefined) this.error = error;
    } finally {
      if (this.#signal === signal) {
        this.#recheck.answered();
        this.#loading(false);
      }
    }
  }

  #loading(loading: boolean): void {
    this.loading = loading;
    this.#host.requestUpdate();
  }
}
