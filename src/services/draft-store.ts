/**
 * Form drafts kept across reloads and failures: every change is written to sessionStorage at
 * once (so a reload, a restored tab or a crashed request never loses what was typed) and sent to
 * the backend shortly after the candidate stops typing (debounced). Only the fields changed since
 * the last successful save are sent: the backend merges drafts, and `null` clears a field.
 *
 * A failed save keeps the fields pending and tries again later (with back-off when the error is
 * retryable); the local copy is never touched by a failure. Drafts are keyed by account and exam
 * round, so another candidate on a shared computer, or the next round, starts afresh.
 */
import type { CallOptions } from './backend.js';
import { isRkError } from './errors.js';
import type { Application, ApplicationDraft, ApplicationFieldName } from './schemas.js';

/** A form value as typed: text, or a list (subjects). */
export type DraftFieldValue = string | string[];
export type DraftValues = Partial<Record<ApplicationFieldName, DraftFieldValue>>;

/** Where saving to the backend stands. */
export type DraftSaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface DraftKey {
  /** The signed-in account (its id). */
  account: string;
  /** The exam round's id. */
  examSession: string;
}

export interface DraftStoreOptions {
  key: DraftKey;
  /** Sends changed fields to the backend (`backend.saveApplicationDraft`). */
  save: (draft: ApplicationDraft, options: CallOptions) => Promise<Application>;
  /** Quiet time after the last change before saving, in ms. Default 1000. */
  delayMs?: number;
  /** Waits before retrying a failed, retryable save; the last one repeats. Default 3 s, 10 s, 30 s. */
  retryDelaysMs?: number[];
  /** The value the backend gets for a typed value (default: `''` → `null`, else as typed). */
  toDraftValue?: (field: ApplicationFieldName, value: DraftFieldValue) => ApplicationDraft[ApplicationFieldName];
  /** Where the local copy lives (default `sessionStorage`; `null`: memory only). */
  storage?: Storage | null;
  /** Called after every change of values or save state. */
  onChange?: () => void;
  /** Called with the backend's answer after each successful save. */
  onSaved?: (application: Application) => void;
  /** Called when a save fails by a rule that a retry will not fix (window closed, signed out). */
  onFatal?: (error: unknown) => void;
}

/** What a reload finds in storage. */
export interface StoredDraft {
  values: DraftValues;
  /** Fields not yet confirmed by the backend. */
  pending: ApplicationFieldName[];
  /** When the local copy was last written (ms). */
  updatedAt: number;
}

const PREFIX = 'rk-draft:';
/** Copies by key when sessionStorage is unavailable (sandboxed frames, privacy modes). */
const memory = new Map<string, string>();

/** The storage key of a draft. */
export function draftStorageKey(key: DraftKey): string {
  return `${PREFIX}${encodeURIComponent(key.account)}:${encodeURIComponent(key.examSession)}`;
}

function defaultStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

function defaultDraftValue(_field: ApplicationFieldName, value: DraftFieldValue): ApplicationDraft[ApplicationFieldName] {
  if (Array.isArray(value)) return [...value];
  return value.trim() === '' ? null : value;
}

function sameValue(a: DraftFieldValue | undefined, b: DraftFieldValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i]);
  return (a ?? '') === (b ?? '');
}

export class DraftStore {
  readonly storageKey: string;
  readonly #options: DraftStoreOptions;
  readonly #storage: Storage | null;
  readonly #delayMs: number;
  readonly #retryDelaysMs: number[];
  #values: DraftValues = {};
  /** Field → the version of its value not yet confirmed by the backend. */
  #pending = new Map<ApplicationFieldName, number>();
  #version = 0;
  #state: DraftSaveState = 'idle';
  #error: unknown;
  #savedAt: number | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  #inFlight: Promise<Application | undefined> | undefined;
  #request: AbortController | undefined;
  #stopped = false;

  constructor(options: DraftStoreOptions) {
    this.#options = options;
    this.storageKey = draftStorageKey(options.key);
    this.#storage = options.storage === undefined ? defaultStorage() : options.storage;
    this.#delayMs = options.delayMs ?? 1000;
    this.#retryDelaysMs = options.retryDelaysMs?.length ? options.retryDelaysMs : [3000, 10_000, 30_000];
  }

  /** The values as typed (local copy). */
  get values(): DraftValues {
    return this.#values;
  }
  get state(): DraftSaveState {
    return this.#state;
  }
  /** Why the last save failed, while `state` is `error`. */
  get error(): unknown {
    return this.#error;
  }
  /** When the backend last confirmed a save (ms). */
  get savedAt(): number | undefined {
    return this.#savedAt;
  }
  /** Fields typed but not yet saved to the backend. */
  get pendingFields(): ApplicationFieldName[] {
    return [...this.#pending.keys()];
  }
  get hasPending(): boolean {
    return this.#pending.size > 0;
  }

  /** The local copy of an earlier visit (reload, restored tab), or null. */
  read(): StoredDraft | null {
    const text = this.#readText();
    if (!text) return null;
    try {
      const parsed = JSON.parse(text) as Partial<StoredDraft>;
      if (typeof parsed !== 'object' || parsed === null || typeof parsed.values !== 'object' || parsed.values === null) return null;
      const values: DraftValues = {};
      for (const [field, value] of Object.entries(parsed.values)) {
        if (typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string'))) {
          values[field as ApplicationFieldName] = value;
        }
      }
      const pending = Array.isArray(parsed.pending)
        ? parsed.pending.filter((field): field is ApplicationFieldName => typeof field === 'string' && field in values)
        : [];
      return { values, pending, updatedAt: Number(parsed.updatedAt) || 0 };
    } catch {
      return null;
    }
  }

  /**
   * Starts from the backend's saved values with the local copy laid over them (what this tab
   * typed last wins). Fields where the two differ are sent to the backend again. Returns the
   * values to show.
   */
  start(saved: DraftValues, local: StoredDraft | null = this.read()): DraftValues {
    this.#values = { ...saved };
    this.#pending.clear();
    if (local) {
      for (const [field, value] of Object.entries(local.values) as [ApplicationFieldName, DraftFieldValue][]) {
        if (!sameValue(value, saved[field])) this.#pending.set(field, ++this.#version);
        this.#values[field] = value;
      }
      // Typed here but never confirmed: send again even if the backend happens to have it.
      for (const field of local.pending) if (!this.#pending.has(field)) this.#pending.set(field, ++this.#version);
    }
    this.#stopped = false;
    this.#write();
    this.#setState(this.#pending.size ? 'pending' : 'idle');
    if (this.#pending.size) this.#schedule(this.#delayMs);
    return this.#values;
  }

  /** Records a change: kept locally at once, sent to the backend after `delayMs` of quiet. */
  set(field: ApplicationFieldName, value: DraftFieldValue): void {
    if (sameValue(this.#values[field], value)) return;
    this.setMany({ [field]: value });
  }

  /** Records several changes at once (a cascade: level → qualification → subjects). */
  setMany(changes: DraftValues): void {
    let changed = false;
    for (const [field, value] of Object.entries(changes) as [ApplicationFieldName, DraftFieldValue][]) {
      if (sameValue(this.#values[field], value)) continue;
      this.#values = { ...this.#values, [field]: Array.isArray(value) ? [...value] : value };
      this.#pending.set(field, ++this.#version);
      changed = true;
    }
    if (!changed) return;
    this.#write();
    this.#stopped = false;
    this.#failures = 0;
    if (this.#state !== 'saving') this.#setState('pending');
    else this.#options.onChange?.();
    this.#schedule(this.#delayMs);
  }

  /**
   * Saves the pending fields now (waiting for a save in flight first). Resolves with the
   * backend's answer, or undefined when there was nothing to save; rejects when the save failed
   * (the fields stay pending and the local copy keeps them).
   */
  async flush(): Promise<Application | undefined> {
    this.#clearTimer();
    if (this.#inFlight) {
      try {
        await this.#inFlight;
      } catch {
        // a new attempt follows
      }
    }
    if (!this.#pending.size) return undefined;
    return this.#save();
  }

  /** Forgets the local copy and anything pending (after a successful submission). */
  clear(): void {
    this.#clearTimer();
    this.#request?.abort();
    this.#pending.clear();
    this.#values = {};
    this.#stopped = true;
    try {
      this.#storage?.removeItem(this.storageKey);
    } catch {
      // storage unavailable
    }
    memory.delete(this.storageKey);
    this.#setState('idle');
  }

  /** Stops timers (the element left the page); the local copy stays. */
  dispose(): void {
    this.#clearTimer();
    this.#stopped = true;
  }

  // --- saving ----------------------------------------------------------------------------------

  #save(): Promise<Application | undefined> {
    const versions = new Map(this.#pending);
    const draft: ApplicationDraft = {};
    const toValue = this.#options.toDraftValue ?? defaultDraftValue;
    for (const field of versions.keys()) {
      const value = this.#values[field];
      draft[field] = value === undefined ? null : toValue(field, value);
    }
    const request = new AbortController();
    this.#request = request;
    this.#error = undefined;
    this.#setState('saving');
    const attempt = (async () => {
      try {
        const application = await this.#options.save(draft, { signal: request.signal });
        // Fields changed again while saving stay pending with their newer value.
        for (const [field, version] of versions) {
          if (this.#pending.get(field) === version) this.#pending.delete(field);
        }
        this.#failures = 0;
        this.#savedAt = Date.now();
        this.#write();
        this.#setState(this.#pending.size ? 'pending' : 'saved');
        this.#options.onSaved?.(application);
        if (this.#pending.size && !this.#stopped) this.#schedule(this.#delayMs);
        return application;
      } catch (error) {
        if (request.signal.aborted && this.#stopped) throw error;
        this.#error = error;
        this.#failures += 1;
        this.#setState('error');
        if (isRkError(error) && error.retryable) {
          const wait = this.#retryDelaysMs[Math.min(this.#failures - 1, this.#retryDelaysMs.length - 1)]!;
          if (!this.#stopped) this.#schedule(wait);
        } else {
          this.#options.onFatal?.(error);
        }
        throw error;
      } finally {
        if (this.#request === request) this.#request = undefined;
      }
    })();
    this.#inFlight = attempt;
    void attempt.then(
      () => this.#settle(attempt),
      () => this.#settle(attempt),
    );
    return attempt;
  }

  #settle(attempt: Promise<unknown>): void {
    if (this.#inFlight === attempt) this.#inFlight = undefined;
  }

  #schedule(delay: number): void {
    this.#clearTimer();
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.flush().catch(() => {
        // reported through state and error; retried by the schedule
      });
    }, delay);
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #setState(state: DraftSaveState): void {
    this.#state = state;
    this.#options.onChange?.();
  }

  // --- local copy --------------------------------------------------------------------------------

  #readText(): string | null {
    if (this.#storage) {
      try {
        return this.#storage.getItem(this.storageKey);
      } catch {
        // storage unavailable: memory has it
      }
    }
    return memory.get(this.storageKey) ?? null;
  }

  #write(): void {
    const stored: StoredDraft = { values: this.#values, pending: this.pendingFields, updatedAt: Date.now() };
    const text = JSON.stringify(stored);
    try {
      if (this.#storage) {
        this.#storage.setItem(this.storageKey, text);
        return;
      }
    } catch {
      // storage full or unavailable: memory keeps it for this page
    }
    memory.set(this.storageKey, text);
  }
}
