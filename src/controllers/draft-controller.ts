import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DraftStore, draftStorageKey, type DraftStoreOptions } from '../services/draft-store.js';

/**
 * Keeps a form's draft with a `DraftStore` for the host: re-renders the host when the values or
 * the save state change, saves at once when the page is hidden or left (a phone switching apps, a
 * closed tab), and stops its timers when the host leaves the page (the local copy stays).
 *
 * ```ts
 * #draft = new DraftController(this);
 * this.#draft.open({ key: { account, examSession }, save: (d, o) => backend.saveApplicationDraft(d, o) });
 * this.#draft.store?.set('mobile', value);
 * ```
 */
export class DraftController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #store: DraftStore | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The open draft, if any. */
  get store(): DraftStore | undefined {
    return this.#store;
  }

  /** Opens the draft of an account and round (the same key keeps the open store). */
  open(options: Omit<DraftStoreOptions, 'onChange'> & { onChange?: () => void }): DraftStore {
    if (this.#store?.storageKey === draftStorageKey(options.key)) return this.#store;
    this.#store?.dispose();
    const onChange = options.onChange;
    this.#store = new DraftStore({
      ...options,
      onChange: () => {
        onChange?.();
        this.#host.requestUpdate();
      },
    });
    this.#host.requestUpdate();
    return this.#store;
  }

  /** Forgets the open store (another candidate signed in); its local copy stays. */
  close(): void {
    this.#store?.dispose();
    this.#store = undefined;
  }

  hostConnected(): void {
    window.addEventListener('pagehide', this.#saveNow);
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  hostDisconnected(): void {
    window.removeEventListener('pagehide', this.#saveNow);
    document.removeEventListener('visibilitychange', this.#onVisibility);
    if (this.#store?.hasPending) this.#saveNow();
    this.#store?.dispose();
  }

  readonly #onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.#saveNow();
  };

  readonly #saveNow = (): void => {
    if (!this.#store?.hasPending) return;
    this.#store.flush().catch(() => {
      // kept locally; reported through the store's state
    });
  };
}
