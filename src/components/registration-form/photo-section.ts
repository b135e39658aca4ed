/**
 * The photo part of the form. The page (or `rk-portal`) puts `<rk-photo-checker slot="photo">`
 * in the `photo` slot; the form learns that the photo is uploaded from its `rk-photo-accepted`
 * event. A photo the backend already has counts as accepted and is shown. With nothing slotted,
 * a plain file input uploads a JPEG the candidate already checked elsewhere.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
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
