/**
 * The views of `rk-photo-checker`: choosing (the drop zone, the file and camera inputs), the
 * photo checked (the crop with its frame and zoom, the checklist, the result with the advisory
 * confirmation and the upload's progress) and the accepted photo. The element keeps the state,
 * the events and the form value; it gives the views a `CheckerView` of what they show and what
 * their controls do. Nothing here needs the photo engine: the crop's gestures and zoom limits
 * come in the view, once a photo was read (which needed it).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PhotoCheck, PhotoRefusal } from '../../services/photo/pipeline.js';
import type { Box } from '../../services/photo/measures.js';
import type { PhotoRules } from '../../services/photo/rules.js';
import type { CropGestures } from './crop-gestures.js';
import { checkText, formatBytes } from './photo-format.js';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * `empty` (no photo yet), `reading` (checking a file), `unavailable` (the photo checks could not
 * be fetched, e.g. offline: a retry checks the same file again), `refused` (the file itself
 * cannot be used: empty, too large, not a JPEG, damaged), `failed` (a rule failed),
 * `compressing` (making the checked photo), `ready` (the checked photo can be used or
 * uploaded), `uploading`, `upload-failed`, `accepted` (uploaded, or accepted without upload).
 */
export type PhotoCheckerState =
  | 'empty'
  | 'reading'
  | 'unavailable'
  | 'refused'
  | 'failed'
  | 'compressing'
  | 'ready'
  | 'uploading'
  | 'upload-failed'
  | 'accepted';

export interface CheckerView {
  state: PhotoCheckerState;
  t: Translate;
  rules: PhotoRules;
  headingLevel: number;
  disabled: boolean;
  /** Uploads (else only checks). */
  upload: boolean;
  dragging: boolean;
  fileName: string;
  /** What the status line says. */
  status: string;
  /** Why the photo checks could not be fetched. */
  engineError: string;
  refusal: PhotoRefusal | undefined;
  /** A photo was read (the crop can show). */
  read: boolean;
  checks: readonly PhotoCheck[];
  frame: Box | undefined;
  result: { width: number; height: number; bytes: number } | undefined;
  source: { width: number; height: number; bytes: number } | undefined;
  restored: boolean;
  confirmed: boolean;
  confirmError: boolean;
  /** Upload progress in %. */
  progress: number;
  uploadError: string;
  uploadRetry: boolean;
  /** The backend has the photo (else it was accepted without upload). */
  uploaded: boolean;
  /** The photo can no longer be changed (being uploaded or accepted). */
  locked: boolean;
  /** The crop's zoom limits and gestures, once a photo was read. */
  crop: () => { canShrink: boolean; canGrow: boolean; step: number; gestures: CropGestures };
  /** Whether a file may be taken now (not disabled, the photo not locked). */
  canTake: () => boolean;
  on: {
    /** Checks a file chosen or dropped. */
    take: (file: File) => void;
    dragging: (dragging: boolean) => void;
    /** Opens the file (or, `capture`, the camera) chooser, unless the photo is locked. */
    choose: (capture: boolean) => void;
    /** Fetches the photo checks again and checks the waiting file. */
    retryEngine: () => void;
    /** Uploads or uses the checked photo. */
    accept: () => void;
    confirm: (checked: boolean) => void;
    startOver: () => void;
  };
}

/** Why a file cannot be used, with its measures. */
export function problemText(refusal: PhotoRefusal, rules: PhotoRules, t: Translate): string {
  switch (refusal.problem) {
    case 'too-large':
      return t('photo.problem.too-large', { size: formatBytes(refusal.bytes), limit: formatBytes(rules.maxFileBytes) });
    case 'not-jpeg':
      if (refusal.kind === 'heic') return t('photo.problem.heic');
      return t('photo.problem.not-jpeg', { kind: t(`photo.kind.${refusal.kind ?? 'unknown'}`) });
    case 'too-many-pixels':
      return t('photo.problem.too-many-pixels', {
        width: refusal.width ?? 0,
        height: refusal.height ?? 0,
        mp: Math.round(((refusal.width ?? 0) * (refusal.height ?? 0)) / 1e6),
        limit: Math.round(rules.maxPixels / 1e6),
      });
    default:
      return t(`photo.problem.${refusal.problem}`);
  }
}

/** Its sub-headings' level, when not the default (3). */
function subLevel(v: CheckerView) {
  return v.headingLevel === 2 ? nothing : Math.min(6, v.headingLevel + 1);
}

/** The whole element: its heading, the view of its state, the status line. */
export function renderChecker(v: CheckerView): TemplateResult {
  // A group, not a region: inside rk-registration-form's 证件照片 section it would repeat that landmark.
  return html`<div part="panel" role="group" aria-labelledby="title" aria-busy=${v.state === 'reading' || v.state === 'compressing' ? 'true' : 'false'}>
    <h2 id="title" part="title" aria-level=${v.headingLevel === 2 ? nothing : v.headingLevel}>${v.t('photo.title')}</h2>
    ${v.state === 'accepted' ? renderAccepted(v) : renderWork(v)}
    <p class="visually-hidden" role="status">${v.status}</p>
    <slot name="footer"></slot>
  </div>`;
}

function renderWork(v: CheckerView) {
  const rules = v.rules;
  const hasPhoto = Boolean(v.read || v.result);
  return html`${hasPhoto || v.state === 'reading'
      ? nothing
      : html`<p class="intro" id="intro">
          ${v.t('photo.intro', {
            minSize: formatBytes(rules.minSourceBytes),
            minWidth: rules.minSourceWidth,
            minHeight: rules.minSourceHeight,
            outWidth: rules.outputWidth,
            outHeight: rules.outputHeight,
            target: formatBytes(rules.targetBytes),
          })}
        </p>`}
    ${renderDropzone(v, hasPhoto)} ${v.state === 'reading' ? html`<p class="busy" part="busy">${v.t('photo.reading')}</p>` : nothing}
    ${v.state === 'unavailable'
      ? html`<div class="notice danger" part="problem" role="alert">
          <p>${v.engineError}</p>
          <button type="button" @click=${() => v.on.retryEngine()}>${v.t('common.retry')}</button>
        </div>`
      : nothing}
    ${v.refusal
      ? html`<div class="notice danger" part="problem" role="alert">
          <h3 aria-level=${subLevel(v)}>${v.t('photo.refused.title')}</h3>
          <p>${problemText(v.refusal, v.rules, v.t)}</p>
        </div>`
      : nothing}
    ${v.read || v.result ? renderChecked(v) : nothing}`;
}

function renderDropzone(v: CheckerView, hasPhoto: boolean) {
  const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
  const chooseLabel = hasPhoto || v.refusal ? v.t('photo.chooseAnother') : v.t('photo.choose');
  return html`<div
    class="dropzone ${v.dragging ? 'dragging' : ''} ${hasPhoto ? 'compact' : ''}"
    part="dropzone"
    @dragenter=${(e: DragEvent) => dragOver(v, e)}
    @dragover=${(e: DragEvent) => dragOver(v, e)}
    @dragleave=${() => v.on.dragging(false)}
    @drop=${(e: DragEvent) => drop(v, e)}
  >
    <input id="file-input" hidden type="file" accept="image/jpeg,.jpg,.jpeg" @change=${(e: Event) => chosen(v, e)} />
    <input id="capture-input" hidden type="file" accept="image/jpeg" capture="environment" @change=${(e: Event) => chosen(v, e)} />
    <div class="actions">
      <button type="button" class=${hasPhoto ? '' : 'primary'} part="choose" aria-describedby=${hasPhoto ? nothing : 'intro drop-hint'} ?disabled=${v.disabled} aria-disabled=${v.locked || v.state === 'reading' ? 'true' : 'false'} @click=${() => v.on.choose(false)}>
        ${chooseLabel}
      </button>
      ${coarse
        ? html`<button type="button" part="capture" ?disabled=${v.disabled} @click=${() => v.on.choose(true)}>${v.t('photo.capture')}</button>`
        : nothing}
    </div>
    ${hasPhoto ? nothing : html`<p class="hint" id="drop-hint">${v.dragging ? v.t('photo.dropHere') : v.t('photo.dropHint')}</p>`}
    ${v.fileName ? html`<p class="file-name">${v.t('photo.fileName', { name: v.fileName })}</p>` : nothing}
  </div>`;
}

function chosen(v: CheckerView, event: Event): void {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = ''; // choosing the same file again must fire again
  if (file) v.on.take(file);
}

function dragOver(v: CheckerView, event: DragEvent): void {
  if (!v.canTake()) return;
  event.preventDefault();
  if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  v.on.dragging(true);
}

function drop(v: CheckerView, event: DragEvent): void {
  event.preventDefault();
  v.on.dragging(false);
  if (!v.canTake()) return;
  const file = event.dataTransfer?.files[0];
  if (file) v.on.take(file);
}

function renderChecklist(v: CheckerView) {
  if (v.checks.length === 0) return nothing;
  return html`<h3 aria-level=${subLevel(v)} class="checklist-title">${v.t('photo.checklist.title')}</h3>
    <ul class="checklist" part="checklist">
      ${v.checks.map(
        (check) => html`<li class="check ${check.status}" data-check=${check.id}>
          <span class="mark" aria-hidden="true">${check.status === 'pass' ? '✓' : check.status === 'warn' ? '!' : '✗'}</span>
          <span class="check-text"><span class="check-status">${v.t(`photo.status.${check.status}`)}：</span>${checkText(check, v.t)}</span>
        </li>`,
      )}
    </ul>`;
}

function renderChecked(v: CheckerView) {
  const failed = v.state === 'failed';
  return html`<div class="workspace">
    ${v.read ? renderCrop(v) : nothing}
    <div class="side">
      ${v.restored ? html`<p class="notice">${v.t('photo.restored')}</p>` : nothing} ${renderChecklist(v)}
      ${failed
        ? html`<div class="notice danger" part="problem" role="alert">
            <h3 aria-level=${subLevel(v)}>${v.t('photo.failed.title')}</h3>
            <p>${v.t('photo.failed.next')}</p>
          </div>`
        : renderResult(v)}
    </div>
  </div>`;
}

function renderCrop(v: CheckerView) {
  const frame = v.frame;
  if (!frame) return nothing;
  const { canShrink, canGrow, step, gestures } = v.crop();
  const locked = v.locked;
  return html`<div class="crop" part="crop">
    <h3 aria-level=${subLevel(v)} id="crop-title">${v.t('photo.crop.title')}</h3>
    <p class="hint" id="crop-hint">${v.t('photo.crop.hint')}</p>
    <div class="stage" @wheel=${(e: WheelEvent) => !locked && gestures.wheel(e)}>
      <canvas class="photo" role="img" aria-label=${v.t('photo.crop.photo')}></canvas>
      <div
        class="frame"
        part="crop-frame"
        tabindex="0"
        role="group"
        aria-roledescription=${v.t('photo.crop.frame')}
        aria-label=${v.t('photo.crop.frame')}
        aria-describedby="crop-hint crop-status"
        @pointerdown=${(e: PointerEvent) => !locked && gestures.pointerDown(e, 'move')}
        @pointermove=${(e: PointerEvent) => gestures.pointerMove(e)}
        @pointerup=${(e: PointerEvent) => gestures.pointerUp(e)}
        @pointercancel=${(e: PointerEvent) => gestures.pointerUp(e)}
        @keydown=${(e: KeyboardEvent) => !locked && gestures.keyDown(e)}
      >
        <span class="guide" aria-hidden="true"></span>
        <span
          class="handle"
          aria-hidden="true"
          @pointerdown=${(e: PointerEvent) => !locked && gestures.pointerDown(e, 'resize')}
          @pointermove=${(e: PointerEvent) => gestures.pointerMove(e)}
          @pointerup=${(e: PointerEvent) => gestures.pointerUp(e)}
          @pointercancel=${(e: PointerEvent) => gestures.pointerUp(e)}
        ></span>
      </div>
    </div>
    <p class="crop-status" id="crop-status">
      ${v.t('photo.crop.status', {
        width: Math.round(frame.width),
        height: Math.round(frame.height),
        x: Math.round(frame.x),
        y: Math.round(frame.y),
      })}
    </p>
    <div class="zoom actions" part="zoom">
      <button type="button" aria-disabled=${!canShrink || locked ? 'true' : 'false'} @click=${() => canShrink && !locked && gestures.zoom(1 / step)}>
        ＋ ${v.t('photo.crop.closer')}
      </button>
      <button type="button" aria-disabled=${!canGrow || locked ? 'true' : 'false'} @click=${() => canGrow && !locked && gestures.zoom(step)}>
        − ${v.t('photo.crop.wider')}
      </button>
      <button type="button" aria-disabled=${locked ? 'true' : 'false'} @click=${() => !locked && gestures.reset()}>${v.t('photo.crop.reset')}</button>
    </div>
  </div>`;
}

function renderPreview(v: CheckerView) {
  const result = v.result;
  return html`<figure class="preview" part="result">
    <canvas class="result" width="295" height="413" role="img" aria-label=${v.t('photo.result.alt')}></canvas>
    <figcaption>
      ${result
        ? html`<strong>${v.t('photo.result.title')}</strong><br />${v.t('photo.result.size', { width: result.width, height: result.height, size: formatBytes(result.bytes) })}`
        : v.t('photo.compressing')}
    </figcaption>
  </figure>`;
}

function renderResult(v: CheckerView) {
  const uploading = v.state === 'uploading';
  const busy = v.state === 'compressing' || uploading;
  const warn = v.checks.some((check) => check.status === 'warn');
  return html`<div class="result-block">
    ${warn
      ? html`<div class="notice warning">
          <h3 aria-level=${subLevel(v)}>${v.t('photo.advisory.title')}</h3>
          <p>${v.t('photo.advisory.body')}</p>
          <label class="choice confirm">
            <input
              id="confirm"
              type="checkbox"
              .checked=${v.confirmed}
              aria-invalid=${v.confirmError ? 'true' : 'false'}
              aria-describedby=${v.confirmError ? 'confirm-error' : nothing}
              @change=${(e: Event) => v.on.confirm((e.target as HTMLInputElement).checked)}
            />
            ${v.t('photo.advisory.confirm')}
          </label>
          ${v.confirmError ? html`<span class="error-message" id="confirm-error">${v.t('photo.validity.unconfirmed')}</span>` : nothing}
        </div>`
      : nothing}
    ${renderPreview(v)}
    ${uploading
      ? html`<div class="upload-progress">
          <label for="progress">${v.t('photo.uploading')}</label>
          ${v.progress > 0
            ? html`<progress id="progress" part="progress" max="100" .value=${v.progress}>${v.progress}%</progress>
                <span>${v.t('photo.progress', { percent: v.progress })}</span>`
            : html`<progress id="progress" part="progress"></progress>`}
        </div>`
      : nothing}
    ${v.state === 'upload-failed' ? html`<div class="notice danger" role="alert"><p>${v.uploadError}</p></div>` : nothing}
    <div class="actions">
      <button type="button" class="primary" part="action" aria-disabled=${busy || !v.result ? 'true' : 'false'} @click=${() => !busy && v.on.accept()}>
        ${v.state === 'upload-failed' && v.uploadRetry
          ? v.t('common.retry')
          : uploading
            ? v.t('photo.uploading')
            : v.t(v.upload ? 'photo.upload' : 'photo.use')}
      </button>
    </div>
  </div>`;
}

function renderAccepted(v: CheckerView) {
  const result = v.result!;
  const source = v.source!;
  return html`<div class="notice success" part="accepted">
      <h3 aria-level=${subLevel(v)} tabindex="-1">${v.t(v.uploaded ? 'photo.uploaded.title' : 'photo.accepted.title')}</h3>
      <p>
        ${v.t('photo.accepted.body', {
          width: result.width,
          height: result.height,
          size: formatBytes(result.bytes),
          sourceWidth: source.width,
          sourceHeight: source.height,
          sourceSize: formatBytes(source.bytes),
        })}
      </p>
    </div>
    <div class="accepted-body">
      ${renderPreview(v)}
      <div class="actions">
        <button type="button" part="choose" ?disabled=${v.disabled} @click=${() => v.on.startOver()}>${v.t('photo.chooseAnother')}</button>
      </div>
    </div>`;
}
