import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RegistrationBackend } from '../services/backend.js';
import type { ExamSession } from '../services/schemas.js';
import { noteServerOffset } from './server-clock.js';

/** How long an answer is shared by the elements of one page (notice, plan, form) before asking again. */
const SHARE_MS = 60_000;

interface Answer {
  session: ExamSession;
  /** Local time when the answer arrived (for the server clock offset). */
  receivedAt: number;
}
interface Shared {
  promise: Promise<Answer>;
  askedAt: number;
}

/** One request per backend for the elements of a page that all need the round. */
const shared = new WeakMap<RegistrationBackend, Shared>();

/**
 * Loads the exam round (`getExamSession`) for an element: loading and error state, retry, and
 * the backend's clock (`now()` follows the server's time, not the candidate's). Elements of one
 * page with the same backend share one request.
 */
export class ExamSessionController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #backend: () => RegistrationBackend | undefined;
  #loadedFrom: RegistrationBackend | undefined;
  #generation = 0;
  /** Server time minus local time, in ms. */
  #offset = 0;

  session: ExamSession | undefined;
  loading = false;
  /** Why the last load failed, if it did. */
  error: unknown;

  constructor(host: ReactiveControllerHost, backend: () => RegistrationBackend | undefined) {
    this.#host = host;
    this.#backend = backend;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Loads the round unless it is loaded (or loading) from the current backend. */
  ensure(): void {
    const backend = this.#backend();
    if (!backend || backend === this.#loadedFrom) return;
    void this.reload({ fresh: false });
  }

  /** The backend's clock now (ms). */
  now(): number {
    return Date.now() + this.#offset;
  }

  /** Asks again; `fresh: false` takes another element's recent answer when there is one. */
  async reload({ fresh = true }: { fresh?: boolean } = {}): Promise<void> {
    const backend = this.#backend();
    if (!backend) return;
    this.#loadedFrom = backend;
    const generation = ++this.#generation;
    this.loading = true;
    this.error = undefined;
    this.#host.requestUpdate();
    let entry = shared.get(backend);
    if (fresh || !entry || Date.now() - entry.askedAt > SHARE_MS) {
      const promise = backend.getExamSession().then((session) => ({ session, receivedAt: Date.now() }));
      const created: Shared = { promise, askedAt: Date.now() };
      entry = created;
      shared.set(backend, created);
      promise.catch(() => {
        if (shared.get(backend) === created) shared.delete(backend);
      });
    }
    try {
      const { session, receivedAt } = await entry.promise;
      if (generation !== this.#generation) return;
      this.session = session;
      this.#offset = Date.parse(session.serverTime) - receivedAt;
      noteServerOffset(backend, this.#offset);
    } catch (error) {
      if (generation !== this.#generation) return;
      this.error = error;
    } finally {
      if (generation === this.#generation) {
        this.loading = false;
        this.#host.requestUpdate();
      }
    }
  }
}
