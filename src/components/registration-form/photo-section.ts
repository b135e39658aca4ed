/**
 * The photo part of the form. The page (or `rk-portal`) puts `<rk-photo-checker slot="photo">`
 * in the `photo` slot; the form learns that the photo is uploaded from its `rk-photo-accepted`
 * event. A photo the backend already has counts as accepted and is shown. With nothing slotted,
 * a plain file input uploads a JPEG the candidate already checked elsewhere.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { RegistrationBackend } from '../../services/backend.js';
import { BusinessError } from '../../services/errors.js';
import type { Photo } from '../../services/schemas.js';
import { describedBy } from '../base/field.js';

export interface PhotoView {
  photo: Photo | null;
  /** Something is in the `photo` slot (the checker). */
  slotted: boolean;
  /** The candidate asked to replace the photo shown. */
  replacing: boolean;
  uploading: boolean;
  /** Upload progress, 0–1. */
  progress: number;
  /** Why the last upload failed. */
  uploadError: string | undefined;
  /** The field's problem (no photo yet). */
  error: string | undefined;
  errorPrefix: string;
  disabled: boolean;
  t: (key: string, params?: Record<string, string | number>) => string;
  onSlotChange: (event: Event) => void;
  onFile: (file: File) => void;
  replace: () => void;
  keep: () => void;
}

export function renderPhoto(v: PhotoView): TemplateResult {
  const id = 'photo';
  const hint = v.t('form.photo.hint');
  const showPicker = !v.photo || v.replacing;
  return html`<div
    class="field photo ${v.error ? 'has-error' : ''}"
    part="field photo"
    id=${id}
    role="group"
    tabindex="-1"
    aria-labelledby="section-photo"
    aria-describedby=${ifDefined(describedBy({ id, hint, error: v.error }))}
  >
    <div class="hint" part="hint" id="photo-hint">${hint}</div>
    ${v.error
      ? html`<span class="error-message" part="error-message" id="photo-error"
          ><span class="visually-hidden">${v.errorPrefix}</span>${v.error}</span
        >`
      : nothing}
    ${v.photo
      ? html`<figure class="photo-current" part="photo-current">
          <img src=${v.photo.url} alt=${v.t('form.photo.alt')} width="118" height="165" />
          <figcaption>
            <span class="ok-message">${v.t('form.photo.uploaded')}</span>
            <span class="photo-meta"
              >${v.t('form.photo.meta', { width: v.photo.width, height: v.photo.height, kb: Math.max(1, Math.round(v.photo.bytes / 1024)) })}</span
            >
            ${v.replacing
              ? html`<button type="button" class="link" @click=${v.keep}>${v.t('form.photo.keep')}</button>`
              : html`<button type="button" part="photo-replace" ?disabled=${v.disabled} @click=${v.replace}>
                  ${v.t('form.photo.replace')}
                </button>`}
          </figcaption>
        </figure>`
      : nothing}
    <div class="photo-picker ${showPicker ? '' : 'is-hidden'}">
      <slot name="photo" @slotchange=${v.onSlotChange}></slot>
      ${v.slotted ? nothing : fallback(v)}
    </div>
  </div>`;
}

/** Until the checker is slotted: a file input that uploads an already checked JPEG. */
function fallback(v: PhotoView): TemplateResult {
  return html`<div class="photo-fallback" part="photo-fallback">
    <label for="photo-file">${v.t('form.photo.choose')}</label>
    <input
      id="photo-file"
      class="file-input"
      type="file"
      accept="image/jpeg,.jpg,.jpeg"
      ?disabled=${v.disabled || v.uploading}
      aria-describedby="photo-file-hint${v.uploadError ? ' photo-upload-error' : ''}"
      @change=${(event: Event) => {
        const input = event.target as HTMLInputElement;
        const file = input.files?.[0];
        if (file) v.onFile(file);
        input.value = '';
      }}
    />
    <p class="hint" id="photo-file-hint">${v.t('form.photo.fallbackHint')}</p>
    <div aria-live="polite">
      ${v.uploading
        ? html`<p class="photo-progress">
            ${v.t('form.photo.uploading', { percent: Math.round(v.progress * 100) })}
            <progress max="100" value=${Math.round(v.progress * 100)}></progress>
          </p>`
        : nothing}
    </div>
    ${v.uploadError ? html`<p class="error-message" id="photo-upload-error" role="alert">${v.uploadError}</p>` : nothing}
  </div>`;
}

export interface PhotoUploadOptions {
  backend: () => RegistrationBackend | undefined;
  t: (key: string, params?: Record<string, string | number>) => string;
  /** An error as the candidate reads it. */
  errorText: (error: unknown) => string;
  /** Whether the error says the session ended (the element then tells the page). */
  sessionEnded: (error: unknown) => boolean;
  /** The backend refused the upload (other than a signed-out session); called after the error is shown. */
  refused: (error: unknown) => void;
  /** A photo is the accepted one now (uploaded here, or reported by the checker). */
  used: (photo: Photo) => void;
  /** Tells screen readers (the form's status line). */
  say: (text: string) => void;
}

/**
 * Where the photo field stands: the photo the slotted checker reported (or the fallback input
 * uploaded), whether a checker is slotted, the candidate replacing the photo, and the fallback's
 * upload with its progress and error. The upload is aborted when the form leaves the page.
 */
export class PhotoUpload implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: PhotoUploadOptions;
  #request: AbortController | undefined;
  accepted: Photo | undefined;
  slotted = false;
  replacing = false;
  uploading = false;
  /** Upload progress, 0–1. */
  progress = 0;
  error: string | undefined;

  constructor(host: ReactiveControllerHost, options: PhotoUploadOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The photo field, with `photo` the one counted as accepted (this one, else the application's). */
  render(field: Pick<PhotoView, 'photo' | 'error' | 'errorPrefix' | 'disabled'>): TemplateResult {
    return renderPhoto({
      ...field,
      slotted: this.slotted,
      replacing: this.replacing,
      uploading: this.uploading,
      progress: this.progress,
      uploadError: this.error,
      t: this.#options.t,
      onSlotChange: (event) => this.onSlotChange(event),
      onFile: (file) => void this.upload(file),
      replace: () => this.replace(true),
      keep: () => this.replace(false),
    });
  }

  hostDisconnected(): void {
    this.#request?.abort();
  }

  /** The checker's `rk-photo-accepted`: its uploaded photo, or (`upload="false"`) its file to send. */
  fromChecker(detail: unknown): void {
    if (typeof detail !== 'object' || detail === null) return;
    const { photo, file } = detail as { photo?: Photo; file?: File };
    if (photo && typeof photo.url === 'string') {
      this.#use(photo);
    } else if (file instanceof Blob) {
      void this.upload(file); // the checker only checked (upload="false"): the form sends it
    }
  }

  /** Shows the picker again (replace), or keeps the photo shown. */
  replace(replacing: boolean): void {
    this.#set({ replacing });
  }

  #use(photo: Photo): void {
    if (this.accepted !== photo) this.#host.requestUpdate();
    this.accepted = photo;
    this.#set({ replacing: false, error: undefined });
    this.#options.used(photo);
  }

  async upload(file: Blob): Promise<void> {
    const { backend: backendOf, t } = this.#options;
    const backend = backendOf();
    if (!backend || this.uploading) return;
    if (file.type && file.type !== 'image/jpeg') {
      this.#set({ error: t('form.photo.notJpeg') });
      return;
    }
    this.#request?.abort();
    const request = new AbortController();
    this.#request = request;
    this.#set({ uploading: true, progress: 0, error: undefined });
    try {
      const photo = await backend.uploadPhoto(file, {
        signal: request.signal,
        onProgress: (fraction) => this.#set({ progress: fraction }),
      });
      if (request.signal.aborted) return;
      this.#use(photo);
    } catch (error) {
      if (request.signal.aborted || this.#options.sessionEnded(error)) return;
      this.#set({
        error:
          error instanceof BusinessError && error.code === 'PHOTO_REJECTED' && error.backendMessage
            ? error.backendMessage
            : this.#options.errorText(error),
      });
      this.#options.say(this.error!);
      this.#options.refused(error);
    } finally {
      if (this.#request === request) this.#request = undefined;
      this.#set({ uploading: false });
    }
  }

  onSlotChange(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    const elements = slot.assignedElements();
    this.#set({ slotted: elements.length > 0 });
    // The checker's heading goes under the 证件照片 section's (h3), unless the page set its level.
    for (const element of elements) {
      if (element.localName === 'rk-photo-checker' && !element.hasAttribute('heading-level')) (element as HTMLElement & { headingLevel: number }).headingLevel = 4;
    }
  }

  /** Changes what is shown (an update only when something changed, as for a Lit state). */
  #set(changes: Partial<Pick<PhotoUpload, 'slotted' | 'replacing' | 'uploading' | 'progress' | 'error'>>): void {
    const changed = (Object.keys(changes) as (keyof typeof changes)[]).some((key) => this[key] !== changes[key]);
    Object.assign(this, changes);
    if (changed) this.#host.requestUpdate();
  }
}
