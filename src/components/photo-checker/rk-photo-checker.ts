import { ContextConsumer } from '@lit/context';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RegistrationBackend } from '../../services/backend.js';
import { backendContext } from '../../services/context.js';
import { isRkError, isSignedOutError, NetworkError } from '../../services/errors.js';
import { photoZhCN } from '../../services/i18n/parts/photo.js';
import type { PhotoEncoder } from '../../services/photo/compress.js';
import type { Box } from '../../services/photo/measures.js';
import { OnDemand } from '../../services/on-demand.js';
import type { PhotoAnalysis, PhotoCheck, PhotoRefusal } from '../../services/photo/pipeline.js';
import { DEFAULT_PHOTO_RULES, JUDGEMENT_CHECKS, type JudgementCheck, type PhotoRules } from '../../services/photo/rules.js';
import type { Photo } from '../../services/schemas.js';
import { define } from '../base/define.js';
import { RkElement } from '../base/rk-element.js';
import type { CropGestures, CropHost } from './crop-gestures.js';
import { base64ToFile, blobToBase64, loadDraft, saveDraft } from './photo-draft.js';
import { PhotoCanvases } from './photo-canvas.js';
import { formatBytes } from './photo-format.js';
import { styles } from './photo-checker.styles.js';
import { problemText, renderChecker, type PhotoCheckerState } from './photo-views.js';

/** A text in the element's language at the time it is shown: switching language mid-check changes it too. */
type Message = () => string;
const silent: Message = () => '';

export type { PhotoCheckerState } from './photo-views.js';

/** What `rk-photo-accepted` tells: the checked photo, its measurements, and the backend's record. */
export interface PhotoAcceptedDetail {
  /** The checked JPEG (295×413 by default). */
  file: File;
  width: number;
  height: number;
  bytes: number;
  /** The photo the candidate chose. */
  source: { width: number; height: number; bytes: number };
  /** The backend's record of the upload (absent when the element does not upload). */
  photo?: Photo;
}

/** What `rk-photo-upload-failed` tells: the adapter's error (a BusinessError carries the contract's `code`). */
export interface PhotoUploadFailedDetail {
  error: unknown;
}

/** Everything measured about the current photo (`measurements` property). */
export interface PhotoMeasurements {
  source: { width: number; height: number; bytes: number; orientation: number };
  /** Each rule with its status and the measured values beside the limits. */
  checks: PhotoCheck[];
  /** The crop, in pixels of the photo as shown. */
  frame: Box | null;
  /** The checked photo, once made. */
  result: { width: number; height: number; bytes: number; quality: number | null } | null;
}

declare global {
  interface RkEventDetails {
    'rk-photo-accepted': PhotoAcceptedDetail;
    'rk-photo-upload-failed': PhotoUploadFailedDetail;
    'rk-session-expired': undefined;
  }
  interface HTMLElementEventMap {
    'rk-photo-accepted': CustomEvent<PhotoAcceptedDetail>;
    'rk-photo-upload-failed': CustomEvent<PhotoUploadFailedDetail>;
    'rk-session-expired': CustomEvent<undefined>;
  }
  interface HTMLElementTagNameMap {
    'rk-photo-checker': RkPhotoChecker;
  }
}

/** How long the frame must rest before the checked photo is made again (ms). */
const RENDER_DELAY = 200;

/** `upload="false"` turns uploading off; the attribute absent (or any other value) leaves it on. */
const uploadConverter = {
  fromAttribute: (value: string | null) => value !== 'false',
  toAttribute: (value: boolean) => (value ? null : 'false'),
};

/**
 * The ID-photo tool, in the page: the candidate chooses, drops, pastes or takes a photo; it is
 * checked at once against the rules (a real JPEG by its bytes, file size, pixels after EXIF
 * orientation, colour, white background, not an enlarged small photo, sharp), with a checklist that
 * gives each measured value beside its limit; a 5:7 frame crops it (pointer, touch, wheel,
 * keyboard); it is compressed to a 295×413 JPEG of about 10 KB, previewed, and uploaded through
 * the adapter (`backend.uploadPhoto(blob, { onProgress, signal })`) with progress and retry.
 *
 * Files that would hurt the page (over 20 MB, over 50 MP by the header, empty, truncated,
 * corrupt, PNG/GIF/HEIC renamed to .jpg, changed on disk after it was chosen) are refused before
 * decoding, each with its own message.
 * Large photos are decoded once at reduced size off the main thread; measuring and encoding run
 * in short steps, so the page stays responsive on a 12-megapixel photo. Nothing is fetched from
 * a third-party server (works under a strict CSP: no inline styles, no blob: or data: images).
 *
 * **Contract for forms.** The element is form-associated: inside a `<form>` its value (under
 * `name`) is the checked photo `File`, and the form cannot submit while no photo passed
 * (validity `valueMissing` without a photo, `customError` while the chosen one fails or is not
 * confirmed yet). `value` is the checked `File` (or null), `measurements` what was measured.
 * After a successful upload (or, with `upload="false"`, when the candidate confirms the photo)
 * it fires `rk-photo-accepted` with `{ file, width, height, bytes, source: { width, height,
 * bytes }, photo? }` (`photo`: the backend's `Photo`, when uploaded). The checked photo is kept
 * in sessionStorage, so a reload does not lose it.
 *
 * @tagname rk-photo-checker
 * @summary Checks, crops and compresses an ID photo in the browser, then uploads it.
 *
 * @fires rk-photo-accepted - The checked photo was uploaded (or accepted, with `upload="false"`). `detail`: `PhotoAcceptedDetail`.
 * @fires rk-photo-upload-failed - The backend refused the upload or could not be reached (the checker shows why,
 *   with 重试 where a retry can help). `detail`: `PhotoUploadFailedDetail`, the adapter's error: `rk-registration-form`
 *   shows what is true now when it says the registration window or the application changed (WINDOW_CLOSED, …).
 * @fires rk-session-expired - The backend said the session has ended during the upload. `detail`: undefined.
 * @fires change - The value changed (a photo was accepted or cleared), as for native inputs.
 *
 * @slot footer - Below the element, e.g. the office's help line.
 *
 * @csspart panel - The box around everything.
 * @csspart title - The heading.
 * @csspart dropzone - The area to choose, drop or paste a photo.
 * @csspart choose - The "choose a photo" button.
 * @csspart capture - The "take a photo" button (phones and tablets).
 * @csspart problem - The notice of a file that cannot be used.
 * @csspart checklist - The list of rules with their results.
 * @csspart crop - The photo with the crop frame.
 * @csspart crop-frame - The 5:7 frame.
 * @csspart zoom - The zoom buttons.
 * @csspart result - The preview of the checked photo with its size.
 * @csspart action - The upload / use button.
 * @csspart progress - The upload progress bar.
 * @csspart accepted - The notice of the accepted photo.
 *
 * @cssprop --rk-color-primary - Buttons and the crop frame.
 * @cssprop --rk-color-danger - Failed checks and refusals.
 * @cssprop --rk-color-warning - Advisory checks.
 * @cssprop --rk-color-success - Passed checks and the accepted notice.
 * @cssprop --rk-color-focus - The focus ring.
 * @cssprop --rk-target-size - Minimum size of buttons (44px).
 * @cssprop --rk-font-size - Base text size.
 */
export class RkPhotoChecker extends RkElement {
  static override styles = styles;
  static formAssociated = true;

  /** Where the photo stands, reflected for styling (see `PhotoCheckerState`). */
  @property({ reflect: true }) state: PhotoCheckerState = 'empty';

  /** Upload the checked photo through the backend (default). `upload="false"`: only check it (the page or its form sends it). */
  @property({ converter: uploadConverter }) upload = true;

  /** Judgement checks that warn instead of blocking, space-separated: `background`, `enlargement`, `sharpness`. */
  @property() advisory = '';

  /** The rules (defaults: see `DEFAULT_PHOTO_RULES`); give only what changes, e.g. `{ targetBytes: 12 * 1024 }`. */
  @property({ attribute: false }) rules: Partial<PhotoRules> = {};

  /** The encoder: `native` (the browser's, default) or `browser-image-compression` (loaded on demand). */
  @property() encoder: PhotoEncoder = 'native';

  /** The form field name of the photo. Also names the sessionStorage entry. */
  @property({ reflect: true }) name = '';

  @property({ type: Boolean, reflect: true }) disabled = false;

  /**
   * The level of its heading (default 2; its sub-headings one deeper), for the page's outline:
   * `rk-registration-form` makes it 4, under its 证件照片 section (3).
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Any adapter; wins over the provider's. */
  @property({ attribute: false }) backend: RegistrationBackend | undefined;

  // The state below, and the members marked `@internal` further on, are the views' (photo-views.ts
  // reads the element itself): no part of the element's API.
  /** @internal The photo read, while it is checked and cropped. */
  @state() analysis: PhotoAnalysis | undefined;
  /** @internal Why the file cannot be used. */
  @state() refusal: PhotoRefusal | undefined;
  /** @internal */
  @state() checks: PhotoCheck[] = [];
  /** @internal The crop, in pixels of the photo as shown. */
  @state() frame: Box | undefined;
  /** @internal The checked photo, once made (or restored). */
  @state() result: { file: File; width: number; height: number; bytes: number; quality: number | null } | undefined;
  /** @internal The photo chosen, as measured. */
  @state() source: { width: number; height: number; bytes: number } | undefined;
  /** @internal */
  @state() fileName = '';
  /** @internal The candidate confirmed the photo the advisory checks warn about. */
  @state() confirmed = false;
  /** @internal */
  @state() confirmError = false;
  /** @internal Upload progress in %. */
  @state() progress = 0;
  /** @internal */
  @state() uploadError: Message = silent;
  /** @internal */
  @state() uploadRetry = false;
  /** @internal The backend's record of the upload (none: accepted without upload). */
  @state() uploaded: Photo | undefined;
  /** @internal The photo came back from sessionStorage after a reload. */
  @state() restored = false;
  /** @internal A file is dragged over the drop zone. */
  @state() dragging = false;
  /** @internal What the status line says (read out by screen readers). */
  @state() status: Message = silent;
  /** @internal Why the photo checks could not be fetched (state `unavailable`). */
  @state() engineError: Message = silent;

  /** Its value (the checked photo, once accepted) and validity in a form. */
  readonly #internals: ElementInternals;
  #value: File | null = null;
  readonly #backendContext = new ContextConsumer(this, { context: backendContext, subscribe: true });
  #run = 0;
  #renderTimer: ReturnType<typeof setTimeout> | undefined;
  #upload: AbortController | undefined;
  #analysisAbort: AbortController | undefined;
  readonly #canvases = new PhotoCanvases();
  readonly #cropHost: CropHost;
  /** Created with the photo engine, which it comes with. */
  #gestures: CropGestures | undefined;
  /** The file chosen while the photo engine could not be fetched: what a retry checks. */
  #waiting: File | undefined;
  /** Reading, judging and encoding a photo, and the crop gestures (photo-engine.ts): fetched when the element connects. */
  readonly #engine = new OnDemand(() => import('./photo-engine.js'));

  constructor() {
    super();
    this.#internals = this.attachInternals();
    const host = this;
    this.#cropHost = {
      get frame() {
        return host.frame!;
      },
      get image() {
        return host.#imageSize();
      },
      get output() {
        return host.#outputSize();
      },
      setFrame: (frame, settled) => this.#setFrame(frame, settled),
      stage: () => this.renderRoot.querySelector<HTMLElement>('.stage'),
      startFrame: () => this.#loaded.startFrame(this.analysis!, this.#rules()),
    };
    this.addEventListener('paste', (event) => this.#paste(event));
  }

  // --- public API ------------------------------------------------------------------------------

  /** The checked photo (a JPEG `File`), or null while none has been accepted. */
  get value(): File | null {
    return this.#value;
  }
  /** Setting null clears the photo (like `reset()`). */
  set value(value: File | null) {
    if (value === null) this.reset();
  }

  /** What was measured about the current photo, or null before one is checked. */
  get measurements(): PhotoMeasurements | null {
    const source = this.analysis?.header;
    if (!source && !this.source) return null;
    return {
      source: source
        ? { width: source.width, height: source.height, bytes: this.analysis!.bytes, orientation: source.orientation }
        : { ...this.source!, orientation: 1 },
      checks: this.checks,
      frame: this.frame ?? null,
      result: this.result
        ? { width: this.result.width, height: this.result.height, bytes: this.result.bytes, quality: this.result.quality }
        : null,
    };
  }

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }
  get validity(): ValidityState {
    return this.#internals.validity;
  }
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.#internals.willValidate;
  }
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  /** Checks a photo file as if the candidate had chosen it. Resolves when the checks are done. */
  async checkFile(file: File): Promise<void> {
    if (this.disabled) return;
    const run = ++this.#run;
    this.#analysisAbort?.abort();
    this.#upload?.abort();
    clearTimeout(this.#renderTimer);
    this.#releaseAnalysis();
    this.#clearPhoto();
    this.fileName = file.name;
    this.state = 'reading';
    this.status = () => this.t('photo.reading');
    const abort = new AbortController();
    this.#analysisAbort = abort;
    let engine: typeof import('./photo-engine.js');
    try {
      engine = await this.#engine.load();
    } catch (error) {
      if (run !== this.#run) return;
      this.#waiting = file;
      const failure = new NetworkError('photo', 'the photo checks could not be loaded', { cause: error });
      this.engineError = () => this.t('photo.unavailable', { reason: this.localize.error(failure) });
      this.state = 'unavailable';
      this.status = this.engineError;
      return;
    }
    this.#gestures ??= new engine.CropGestures(this.#cropHost);
    let analysis: PhotoAnalysis | PhotoRefusal;
    try {
      analysis = await engine.analysePhoto(file, { rules: this.#rules(), signal: abort.signal });
    } catch (error) {
      if (run !== this.#run) return;
      analysis = { ok: false, problem: 'corrupt', bytes: file.size };
      console.warn('rk-photo-checker: could not read the photo', error);
    }
    if (run !== this.#run) {
      if (analysis.ok) analysis.image.close();
      return;
    }
    if (!analysis.ok) {
      this.refusal = analysis;
      this.state = 'refused';
      const refusal = analysis;
      this.status = () => problemText(refusal, this.#rules(), this.text);
      return;
    }
    this.analysis = analysis;
    this.source = { width: analysis.header.width, height: analysis.header.height, bytes: analysis.bytes };
    this.frame = engine.startFrame(analysis, this.#rules());
    this.#recheck();
    this.status = this.#checksSummary();
    if (engine.photoPasses(this.checks)) await this.#makeResult(run);
  }

  /** Forgets the photo: back to the empty state. */
  reset(): void {
    this.#run++;
    this.#analysisAbort?.abort();
    this.#upload?.abort();
    clearTimeout(this.#renderTimer);
    this.#releaseAnalysis();
    this.#clearPhoto();
    this.fileName = '';
    this.status = silent;
    this.state = 'empty';
    saveDraft(this.#draftKey(), null);
  }

  // --- lifecycle -------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
    this.#engine.prefetch();
    if (this.state === 'empty' && !this.analysis) this.#restoreDraft();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
    this.#upload?.abort();
    this.#analysisAbort?.abort();
    clearTimeout(this.#renderTimer);
    this.#gestures?.dispose();
    if (this.state === 'uploading') this.state = 'ready';
  }

  /** Back online while the photo checks could not be fetched: check the chosen photo by itself. */
  readonly #onOnline = (): void => {
    if (this.state === 'unavailable') this.checkWaiting();
  };

  /** @internal Checks again the file chosen while the photo checks could not be fetched. */
  checkWaiting(): void {
    if (this.#waiting) void this.checkFile(this.#waiting);
  }

  formResetCallback(): void {
    this.reset();
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A site that changes the rules or what is advisory: judge the photo again.
    if ((changed.has('advisory') || changed.has('rules')) && this.analysis && !this.locked && this.hasUpdated) {
      const passed = Boolean(this.result);
      this.#recheck();
      if (this.#loaded.photoPasses(this.checks) && (!passed || changed.has('rules'))) void this.#makeResult(this.#run);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#canvases.draw(this.renderRoot, { image: this.analysis?.image, size: this.#imageSize(), frame: this.frame, result: this.result?.file });
    this.#validate(this.renderRoot.querySelector<HTMLElement>('[part="choose"], [part="action"]') ?? undefined);
  }

  /** The form value: the checked photo, once accepted. */
  #setValue(file: File | null): void {
    this.#value = file;
    this.#internals.setFormValue(file);
  }

  /**
   * Tells the form where the photo stands: `valueMissing` without a photo, `customError` while the
   * chosen one fails or is not confirmed yet (`anchor`: where the browser shows the message).
   */
  #validate(anchor: HTMLElement | undefined): void {
    if (this.#value) this.#internals.setValidity({});
    else if (this.state === 'failed' || this.state === 'refused') this.#internals.setValidity({ customError: true }, this.t('photo.validity.failing'), anchor);
    else if (this.result) this.#internals.setValidity({ customError: true }, this.t('photo.validity.unconfirmed'), anchor);
    else this.#internals.setValidity({ valueMissing: true }, this.t('photo.validity.missing'), anchor);
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** The photo engine, for what runs once a photo was read (which needed it). */
  get #loaded(): typeof import('./photo-engine.js') {
    return this.#engine.value!;
  }

  #rules(): PhotoRules {
    return { ...DEFAULT_PHOTO_RULES, ...this.rules };
  }

  #advisory(): JudgementCheck[] {
    return this.advisory
      .split(/\s+/)
      .filter((id): id is JudgementCheck => (JUDGEMENT_CHECKS as readonly string[]).includes(id));
  }

  #imageSize() {
    const header = this.analysis?.header;
    return { width: header?.width ?? 1, height: header?.height ?? 1 };
  }

  #outputSize() {
    const rules = this.#rules();
    return { width: rules.outputWidth, height: rules.outputHeight };
  }

  #draftKey(): string {
    return this.name || 'photo';
  }

  get effectiveBackend(): RegistrationBackend | undefined {
    return this.backend ?? this.#backendContext.value;
  }

  #releaseAnalysis(): void {
    this.analysis?.image.close();
    this.analysis = undefined;
  }

  #clearPhoto(): void {
    const had = this.#value !== null;
    this.refusal = undefined;
    this.checks = [];
    this.frame = undefined;
    this.result = undefined;
    this.source = undefined;
    this.confirmed = false;
    this.confirmError = false;
    this.progress = 0;
    this.uploadError = silent;
    this.uploaded = undefined;
    this.restored = false;
    this.#setValue(null);
    if (had) this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  #recheck(): void {
    if (!this.analysis || !this.frame) return;
    this.checks = this.#loaded.checkPhoto(this.analysis, this.frame, this.#rules(), this.#advisory());
    if (!this.#loaded.photoPasses(this.checks)) {
      this.state = 'failed';
      this.result = undefined;
    } else if (this.state === 'failed' || this.state === 'reading') {
      this.state = 'compressing';
    }
  }

  #checksSummary(): Message {
    const key = this.#loaded.photoPasses(this.checks) ? 'photo.compressing' : 'photo.failed.title';
    return () => this.t(key);
  }

  #setFrame(frame: Box, settled: boolean): void {
    if (!this.analysis || this.locked) return;
    this.frame = frame;
    if (!settled) return;
    this.#recheck();
    const place = { width: Math.round(frame.width), height: Math.round(frame.height), x: Math.round(frame.x), y: Math.round(frame.y) };
    this.status = () => this.t('photo.crop.status', place);
    if (!this.#loaded.photoPasses(this.checks)) return;
    this.state = 'compressing';
    clearTimeout(this.#renderTimer);
    const run = this.#run;
    this.#renderTimer = setTimeout(() => void this.#makeResult(run), RENDER_DELAY);
  }

  /** @internal Whether the photo can no longer be changed (being uploaded or accepted). */
  get locked(): boolean {
    return this.state === 'uploading' || this.state === 'accepted';
  }

  async #makeResult(run: number): Promise<void> {
    const analysis = this.analysis;
    const frame = this.frame;
    if (!analysis || !frame) return;
    this.state = 'compressing';
    try {
      const encoded = await this.#loaded.renderPhoto(analysis, frame, { rules: this.#rules(), encoder: this.encoder });
      if (run !== this.#run || frame !== this.frame) return;
      this.result = { file: this.#loaded.photoFile(encoded.blob), width: encoded.width, height: encoded.height, bytes: encoded.bytes, quality: encoded.quality };
      this.state = 'ready';
      this.status = () => this.t('photo.result.size', { width: encoded.width, height: encoded.height, size: formatBytes(encoded.bytes) });
      void this.#keepDraft(false);
    } catch (error) {
      if (run !== this.#run) return;
      console.warn('rk-photo-checker: could not make the checked photo', error);
      this.refusal = { ok: false, problem: 'corrupt', bytes: analysis.bytes };
      this.state = 'refused';
    }
  }

  async #keepDraft(accepted: boolean): Promise<void> {
    const result = this.result;
    const source = this.source;
    if (!result || !source) return;
    const run = this.#run;
    const data = await blobToBase64(result.file);
    // Left the page or started over meanwhile: nothing to keep.
    if (run !== this.#run || !this.isConnected || this.result !== result) return;
    saveDraft(this.#draftKey(), {
      data,
      width: result.width,
      height: result.height,
      bytes: result.bytes,
      source,
      accepted,
      ...(this.uploaded ? { photo: this.uploaded } : {}),
    });
  }

  #restoreDraft(): void {
    const draft = loadDraft(this.#draftKey());
    if (!draft) return;
    const file = base64ToFile(draft.data);
    this.result = { file, width: draft.width, height: draft.height, bytes: draft.bytes, quality: null };
    this.source = draft.source;
    this.uploaded = draft.photo;
    this.restored = true;
    this.confirmed = true;
    if (draft.accepted) {
      this.#setValue(file);
      this.state = 'accepted';
    } else {
      this.state = 'ready';
    }
  }

  // --- choosing a file -------------------------------------------------------------------------

  #paste(event: ClipboardEvent): void {
    if (this.disabled || this.locked) return;
    const file = Array.from(event.clipboardData?.files ?? [])[0];
    if (!file) return;
    event.preventDefault();
    void this.checkFile(file);
  }

  /** @internal Opens the file (or, `capture`, the camera) chooser. */
  openChooser(capture = false): void {
    if (this.disabled) return;
    this.renderRoot.querySelector<HTMLInputElement>(capture ? '#capture-input' : '#file-input')?.click();
  }

  // --- accepting and uploading -----------------------------------------------------------------

  #needsConfirmation(): boolean {
    return this.checks.some((check) => check.status === 'warn');
  }

  /** @internal Uploads or uses the checked photo. */
  async accept(): Promise<void> {
    const result = this.result;
    const source = this.source;
    if (!result || !source || this.state === 'uploading') return;
    if (this.#needsConfirmation() && !this.confirmed) {
      this.confirmError = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('#confirm')?.focus();
      return;
    }
    if (!this.upload) {
      this.#accepted(result, source, undefined);
      return;
    }
    const backend = this.effectiveBackend;
    if (!backend) {
      this.uploadError = () => this.t('photo.noBackend');
      this.uploadRetry = false;
      this.state = 'upload-failed';
      return;
    }
    this.#upload?.abort();
    const request = new AbortController();
    this.#upload = request;
    this.state = 'uploading';
    this.uploadError = silent;
    this.progress = 0;
    this.status = () => this.t('photo.uploading');
    try {
      const photo = await backend.uploadPhoto(result.file, {
        signal: request.signal,
        onProgress: (fraction) => {
          if (!request.signal.aborted) this.progress = Math.round(fraction * 100);
        },
      });
      if (request.signal.aborted) return;
      this.#accepted(result, source, photo);
    } catch (error) {
      if (request.signal.aborted) return;
      this.state = 'upload-failed';
      this.uploadError = () => this.t('photo.uploadFailed', { reason: this.localize.error(error) });
      this.uploadRetry = isRkError(error) ? error.retryable : true;
      this.status = this.uploadError;
      if (isSignedOutError(error)) this.emit('rk-session-expired', undefined);
      else this.emit('rk-photo-upload-failed', { error });
    } finally {
      if (this.#upload === request) this.#upload = undefined;
    }
  }

  #accepted(result: NonNullable<RkPhotoChecker['result']>, source: { width: number; height: number; bytes: number }, photo: Photo | undefined): void {
    this.uploaded = photo;
    this.state = 'accepted';
    this.#setValue(result.file);
    this.status = () => this.t(photo ? 'photo.uploaded.title' : 'photo.accepted.title');
    void this.#keepDraft(true);
    this.emit('rk-photo-accepted', {
      file: result.file,
      width: result.width,
      height: result.height,
      bytes: result.bytes,
      source: { ...source },
      ...(photo ? { photo } : {}),
    });
    this.dispatchEvent(new Event('change', { bubbles: true }));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="accepted"] h3')?.focus());
  }

  // --- rendering -------------------------------------------------------------------------------

  /** @internal The element's text for `key` now, bound (the views' `t`). */
  readonly text = (key: string, params?: Record<string, string | number>): string => this.t(key, params);

  /** The views render from photo-views.ts, which reads the element; photo-canvas.ts draws after. */
  protected override render() {
    return renderChecker(this);
  }

  /** @internal The crop's zoom limits and gestures, once a photo was read (with the photo engine). */
  cropControls(): { canShrink: boolean; canGrow: boolean; step: number; gestures: CropGestures } {
    const { zoomRange, ZOOM_STEP } = this.#loaded;
    const { canShrink, canGrow } = zoomRange(this.frame!, this.#imageSize(), this.#outputSize());
    return { canShrink, canGrow, step: ZOOM_STEP, gestures: this.#gestures! };
  }

  /** @internal From the accepted photo back to choosing (the choice dialog opens at once). */
  startOver(): void {
    this.reset();
    void this.updateComplete.then(() => this.openChooser());
  }
}

define('rk-photo-checker', RkPhotoChecker, photoZhCN);
