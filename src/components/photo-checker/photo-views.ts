/**
 * The views of `rk-photo-checker`: choosing (the drop zone, the file and camera inputs), the
 * photo checked (the crop with its frame and zoom, the checklist, the result with the advisory
 * confirmation and the upload's progress) and the accepted photo. The element keeps the state,
 * the events and the form value; the views read it (a `CheckerHost`) and call it back. Nothing
 * here needs the photo engine: the crop's gestures and zoom limits come from the element, once a
 * photo was read (which needed it).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PhotoRefusal } from '../../services/photo/pipeline.js';
import { DEFAULT_PHOTO_RULES, type PhotoRules } from '../../services/photo/rules.js';
import type { RkPhotoChecker } from './rk-photo-checker.js';
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

/**
 * @internal What the views read and call on the element: its own members, those it has for
 * them alone marked `@internal` too (no part of its API: out of the manifest and the types).
 * They read the element itself rather than a copy of its state, which would cost every render
 * an object and the page the names of its fields twice over.
 */
export type CheckerHost = Pick<
  RkPhotoChecker,
  | 'state'
  | 'headingLevel'
  | 'disabled'
  | 'upload'
  | 'rules'
  | 'dragging'
  | 'fileName'
  | 'status'
  | 'engineError'
  | 'refusal'
  | 'analysis'
  | 'checks'
  | 'frame'
  | 'result'
  | 'source'
  | 'restored'
  | 'confirmed'
  | 'confirmError'
  | 'progress'
  | 'uploadError'
  | 'uploadRetry'
  | 'uploaded'
  | 'locked'
  | 'text'
  | 'cropControls'
  | 'checkFile'
  | 'openChooser'
  | 'checkWaiting'
  | 'accept'
  | 'startOver'
>;

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
function subLevel(h: CheckerHost) {
  return h.headingLevel === 2 ? nothing : Math.min(6, h.headingLevel + 1);
}

/** @internal The whole element: its heading, the view of its state, the status line. */
export function renderChecker(h: CheckerHost): TemplateResult {
  // A group, not a region: inside rk-registration-form's 证件照片 section it would repeat that landmark.
  return html`<div part="panel" role="group" aria-labelledby="title" aria-busy=${h.state === 'reading' || h.state === 'compressing' ? 'true' : 'false'}>
    <h2 id="title" part="title" aria-level=${h.headingLevel === 2 ? nothing : h.headingLevel}>${h.text('photo.title')}</h2>
    ${h.state === 'accepted' ? renderAccepted(h) : renderWork(h)}
    <p class="visually-hidden" role="status">${h.status()}</p>
    <slot name="footer"></slot>
  </div>`;
}

function renderWork(h: CheckerHost) {
  const rules = { ...DEFAULT_PHOTO_RULES, ...h.rules };
  const hasPhoto = Boolean(h.analysis || h.result);
  return html`${hasPhoto || h.state === 'reading'
      ? nothing
      : html`<p class="intro" id="intro">
          ${h.text('photo.intro', {
            minSize: formatBytes(rules.minSourceBytes),
            minWidth: rules.minSourceWidth,
            minHeight: rules.minSourceHeight,
            outWidth: rules.outputWidth,
            outHeight: rules.outputHeight,
            target: formatBytes(rules.targetBytes),
          })}
        </p>`}
    ${renderDropzone(h, hasPhoto)} ${h.state === 'reading' ? html`<p class="busy" part="busy">${h.text('photo.reading')}</p>` : nothing}
    ${h.state === 'unavailable'
      ? html`<div class="notice danger" part="problem" role="alert">
          <p>${h.engineError()}</p>
          <button type="button" @click=${() => h.checkWaiting()}>${h.text('common.retry')}</button>
        </div>`
      : nothing}
    ${h.refusal
      ? html`<div class="notice danger" part="problem" role="alert">
          <h3 aria-level=${subLevel(h)}>${h.text('photo.refused.title')}</h3>
          <p>${problemText(h.refusal, rules, h.text)}</p>
        </div>`
      : nothing}
    ${hasPhoto ? renderChecked(h) : nothing}`;
}

function renderDropzone(h: CheckerHost, hasPhoto: boolean) {
  const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
  const chooseLabel = hasPhoto || h.refusal ? h.text('photo.chooseAnother') : h.text('photo.choose');
  return html`<div
    class="dropzone ${h.dragging ? 'dragging' : ''} ${hasPhoto ? 'compact' : ''}"
    part="dropzone"
    @dragenter=${(e: DragEvent) => dragOver(h, e)}
    @dragover=${(e: DragEvent) => dragOver(h, e)}
    @dragleave=${() => (h.dragging = false)}
    @drop=${(e: DragEvent) => drop(h, e)}
  >
    <input id="file-input" hidden type="file" accept="image/jpeg,.jpg,.jpeg" @change=${(e: Event) => chosen(h, e)} />
    <input id="capture-input" hidden type="file" accept="image/jpeg" capture="environment" @change=${(e: Event) => chosen(h, e)} />
    <div class="actions">
      <button type="button" class=${hasPhoto ? '' : 'primary'} part="choose" aria-describedby=${hasPhoto ? nothing : 'intro drop-hint'} ?disabled=${h.disabled} aria-disabled=${h.locked || h.state === 'reading' ? 'true' : 'false'} @click=${() => !h.locked && h.openChooser(false)}>
        ${chooseLabel}
      </button>
      ${coarse
        ? html`<button type="button" part="capture" ?disabled=${h.disabled} @click=${() => !h.locked && h.openChooser(true)}>${h.text('photo.capture')}</button>`
        : nothing}
    </div>
    ${hasPhoto ? nothing : html`<p class="hint" id="drop-hint">${h.dragging ? h.text('photo.dropHere') : h.text('photo.dropHint')}</p>`}
    ${h.fileName ? html`<p class="file-name">${h.text('photo.fileName', { name: h.fileName })}</p>` : nothing}
  </div>`;
}

function chosen(h: CheckerHost, event: Event): void {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = ''; // choosing the same file again must fire again
  if (file) void h.checkFile(file);
}

function dragOver(h: CheckerHost, event: DragEvent): void {
  if (h.disabled || h.locked) return;
  event.preventDefault();
  if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  h.dragging = true;
}

function drop(h: CheckerHost, event: DragEvent): void {
  event.preventDefault();
  h.dragging = false;
  if (h.disabled || h.locked) return;
  const file = event.dataTransfer?.files[0];
  if (file) void h.checkFile(file);
}

function renderChecklist(h: CheckerHost) {
  if (h.checks.length === 0) return nothing;
  return html`<h3 aria-level=${subLevel(h)} class="checklist-title">${h.text('photo.checklist.title')}</h3>
    <ul class="checklist" part="checklist">
      ${h.checks.map(
        (check) => html`<li class="check ${check.status}" data-check=${check.id}>
          <span class="mark" aria-hidden="true">${check.status === 'pass' ? '✓' : check.status === 'warn' ? '!' : '✗'}</span>
          <span class="check-text"><span class="check-status">${h.text(`photo.status.${check.status}`)}${h.text('photo.status.separator')}</span>${checkText(check, h.text)}</span>
        </li>`,
      )}
    </ul>`;
}

function renderChecked(h: CheckerHost) {
  const failed = h.state === 'failed';
  return html`<div class="workspace">
    ${h.analysis ? renderCrop(h) : nothing}
    <div class="side">
      ${h.restored ? html`<p class="notice">${h.text('photo.restored')}</p>` : nothing} ${renderChecklist(h)}
      ${failed
        ? html`<div class="notice danger" part="problem" role="alert">
            <h3 aria-level=${subLevel(h)}>${h.text('photo.failed.title')}</h3>
            <p>${h.text('photo.failed.next')}</p>
          </div>`
        : renderResult(h)}
    </div>
  </div>`;
}

function renderCrop(h: CheckerHost) {
  const frame = h.frame;
  if (!frame) return nothing;
  const { canShrink, canGrow, step, gestures } = h.cropControls();
  const locked = h.locked;
  return html`<div class="crop" part="crop">
    <h3 aria-level=${subLevel(h)} id="crop-title">${h.text('photo.crop.title')}</h3>
    <p class="hint" id="crop-hint">${h.text('photo.crop.hint')}</p>
    <div class="stage" @wheel=${(e: WheelEvent) => !locked && gestures.wheel(e)}>
      <canvas class="photo" role="img" aria-label=${h.text('photo.crop.photo')}></canvas>
      <div
        class="frame"
        part="crop-frame"
        tabindex="0"
        role="group"
        aria-roledescription=${h.text('photo.crop.frame')}
        aria-label=${h.text('photo.crop.frame')}
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
      ${h.text('photo.crop.status', {
        width: Math.round(frame.width),
        height: Math.round(frame.height),
        x: Math.round(frame.x),
        y: Math.round(frame.y),
      })}
    </p>
    <div class="zoom actions" part="zoom">
      <button type="button" aria-disabled=${!canShrink || locked ? 'true' : 'false'} @click=${() => canShrink && !locked && gestures.zoom(1 / step)}>
        ＋ ${h.text('photo.crop.closer')}
      </button>
      <button type="button" aria-disabled=${!canGrow || locked ? 'true' : 'false'} @click=${() => canGrow && !locked && gestures.zoom(step)}>
        − ${h.text('photo.crop.wider')}
      </button>
      <button type="button" aria-disabled=${locked ? 'true' : 'false'} @click=${() => !locked && gestures.reset()}>${h.text('photo.crop.reset')}</button>
    </div>
  </div>`;
}

/** The candidate ticks (or unticks) that the advisory checks' photo is theirs to use. */
function confirm(h: CheckerHost, checked: boolean): void {
  h.confirmed = checked;
  if (checked) h.confirmError = false;
}

function renderPreview(h: CheckerHost) {
  const result = h.result;
  return html`<figure class="preview" part="result">
    <canvas class="result" width="295" height="413" role="img" aria-label=${h.text('photo.result.alt')}></canvas>
    <figcaption>
      ${result
        ? html`<strong>${h.text('photo.result.title')}</strong><br />${h.text('photo.result.size', { width: result.width, height: result.height, size: formatBytes(result.bytes) })}`
        : h.text('photo.compressing')}
    </figcaption>
  </figure>`;
}

function renderResult(h: CheckerHost) {
  const uploading = h.state === 'uploading';
  const busy = h.state === 'compressing' || uploading;
  const warn = h.checks.some((check) => check.status === 'warn');
  return html`<div class="result-block">
    ${warn
      ? html`<div class="notice warning">
          <h3 aria-level=${subLevel(h)}>${h.text('photo.advisory.title')}</h3>
          <p>${h.text('photo.advisory.body')}</p>
          <label class="choice confirm">
            <input
              id="confirm"
              type="checkbox"
              .checked=${h.confirmed}
              aria-invalid=${h.confirmError ? 'true' : 'false'}
              aria-describedby=${h.confirmError ? 'confirm-error' : nothing}
              @change=${(e: Event) => confirm(h, (e.target as HTMLInputElement).checked)}
            />
            ${h.text('photo.advisory.confirm')}
          </label>
          ${h.confirmError ? html`<span class="error-message" id="confirm-error">${h.text('photo.validity.unconfirmed')}</span>` : nothing}
        </div>`
      : nothing}
    ${renderPreview(h)}
    ${uploading
      ? html`<div class="upload-progress">
          <label for="progress">${h.text('photo.uploading')}</label>
          ${h.progress > 0
            ? html`<progress id="progress" part="progress" max="100" .value=${h.progress}>${h.progress}%</progress>
                <span>${h.text('photo.progress', { percent: h.progress })}</span>`
            : html`<progress id="progress" part="progress"></progress>`}
        </div>`
      : nothing}
    ${h.state === 'upload-failed' ? html`<div class="notice danger" role="alert"><p>${h.uploadError()}</p></div>` : nothing}
    <div class="actions">
      <button type="button" class="primary" part="action" aria-disabled=${busy || !h.result ? 'true' : 'false'} @click=${() => !busy && h.result && h.accept()}>
        ${h.state === 'upload-failed' && h.uploadRetry
          ? h.text('common.retry')
          : uploading
            ? h.text('photo.uploading')
            : h.text(h.upload ? 'photo.upload' : 'photo.use')}
      </button>
    </div>
  </div>`;
}

function renderAccepted(h: CheckerHost) {
  const result = h.result!;
  const source = h.source!;
  return html`<div class="notice success" part="accepted">
      <h3 aria-level=${subLevel(h)} tabindex="-1">${h.text(h.uploaded ? 'photo.uploaded.title' : 'photo.accepted.title')}</h3>
      <p>
        ${h.text('photo.accepted.body', {
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
      ${renderPreview(h)}
      <div class="actions">
        <button type="button" part="choose" ?disabled=${h.disabled} @click=${() => h.startOver()}>${h.text('photo.chooseAnother')}</button>
      </div>
    </div>`;
}
