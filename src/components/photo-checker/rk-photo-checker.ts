import { ContextConsumer } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RegistrationBackend } from '../../services/backend.js';
import { backendContext } from '../../services/context.js';
import { BusinessError, isRkError, NetworkError } from '../../services/errors.js';
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
import { checkText, formatBytes } from './photo-format.js';
import { styles } from './photo-checker.styles.js';

/** A text in the element's language at the time it is shown: switching language mid-check changes it too. */
type Message = () => string;
const silent: Message = () => '';

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
    'rk-session-expired': undefined;
  }
  interface HTMLElementEventMap {
    'rk-photo-accepted': CustomEvent<PhotoAcceptedDetail>;
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

  @state() private analysis: PhotoAnalysis | undefined;
  @state() private refusal: PhotoRefusal | undefined;
  @state() private checks: PhotoCheck[] = [];
  @state() private frame: Box | undefined;
  @state() private result: { file: File; width: number; height: number; bytes: number; quality: number | null } | undefined;
  @state() private source: { width: number; height: number; bytes: number } | undefined;
  @state() private fileName = '';
  @state() private confirmed = false;
  @state() private confirmError = false;
  @state() private progress = 0;
  @state() private uploadError: Message = silent;
  @state() private uploadRetry = false;
  @state() private uploaded: Photo | undefined;
  @state() private restored = false;
  @state() private dragging = false;
  /** What the status line says (read out by screen readers). */
  @state() private status: Message = silent;
  /** Why the photo checks could not be fetched (state `unavailable`). */
  @state() private engineError: Message = silent;

  readonly #internals: ElementInternals;
  readonly #backendContext = new ContextConsumer(this, { context: backendContext, subscribe: true });
  #value: File | null = null;
  #run = 0;
  #renderTimer: ReturnType<typeof setTimeout> | undefined;
  #upload: AbortController | undefined;
  #analysisAbort: AbortController | undefined;
  /** What each canvas shows (a re-rendered view brings a new, blank canvas). */
  readonly #drawn = new WeakMap<HTMLCanvasElement, ImageBitmap | File>();
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
      this.status = () => this.#problemText(refusal);
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
    if (this.state === 'unavailable') this.#checkWaiting();
  };

  /** Checks again the file chosen while the photo checks could not be fetched. */
  #checkWaiting(): void {
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
    if ((changed.has('advisory') || changed.has('rules')) && this.analysis && !this.#locked() && this.hasUpdated) {
      const passed = Boolean(this.result);
      this.#recheck();
      if (this.#loaded.photoPasses(this.checks) && (!passed || changed.has('rules'))) void this.#makeResult(this.#run);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#placeFrame();
    this.#drawPhoto();
    void this.#drawResult();
    this.#updateValidity();
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

  #setValue(file: File | null): void {
    this.#value = file;
    this.#internals.setFormValue(file);
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
    if (!this.analysis || this.#locked()) return;
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

  /** Whether the photo can no longer be changed (being uploaded or accepted). */
  #locked(): boolean {
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

  #chosen(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again must fire again
    if (file) void this.checkFile(file);
  }

  #paste(event: ClipboardEvent): void {
    if (this.disabled || this.#locked()) return;
    const file = Array.from(event.clipboardData?.files ?? [])[0];
    if (!file) return;
    event.preventDefault();
    void this.checkFile(file);
  }

  #dragOver(event: DragEvent): void {
    if (this.disabled || this.#locked()) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  }

  #drop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    if (this.disabled || this.#locked()) return;
    const file = event.dataTransfer?.files[0];
    if (file) void this.checkFile(file);
  }

  #openChooser(capture = false): void {
    if (this.disabled) return;
    this.renderRoot.querySelector<HTMLInputElement>(capture ? '#capture-input' : '#file-input')?.click();
  }

  // --- accepting and uploading -----------------------------------------------------------------

  #needsConfirmation(): boolean {
    return this.checks.some((check) => check.status === 'warn');
  }

  async #accept(): Promise<void> {
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
      if (error instanceof BusinessError && error.code === 'UNAUTHENTICATED') this.emit('rk-session-expired', undefined);
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

  // --- validity --------------------------------------------------------------------------------

  #updateValidity(): void {
    const anchor = this.renderRoot.querySelector<HTMLElement>('[part="choose"], [part="action"]') ?? undefined;
    if (this.#value) {
      this.#internals.setValidity({});
    } else if (this.state === 'failed' || this.state === 'refused') {
      this.#internals.setValidity({ customError: true }, this.t('photo.validity.failing'), anchor);
    } else if (this.result) {
      this.#internals.setValidity({ customError: true }, this.t('photo.validity.unconfirmed'), anchor);
    } else {
      this.#internals.setValidity({ valueMissing: true }, this.t('photo.validity.missing'), anchor);
    }
  }

  // --- drawing ---------------------------------------------------------------------------------

  /** The frame's place over the photo, as percentages in CSS custom properties (no inline style attribute: CSP). */
  #placeFrame(): void {
    const stage = this.renderRoot.querySelector<HTMLElement>('.stage');
    if (!stage || !this.frame) return;
    const { width, height } = this.#imageSize();
    const f = this.frame;
    stage.style.setProperty('--frame-x', `${(f.x / width) * 100}%`);
    stage.style.setProperty('--frame-y', `${(f.y / height) * 100}%`);
    stage.style.setProperty('--frame-w', `${(f.width / width) * 100}%`);
    stage.style.setProperty('--frame-h', `${(f.height / height) * 100}%`);
  }

  /** Draws the decoded photo into the stage's canvas (at most 900 px: it is shown smaller). */
  #drawPhoto(): void {
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas.photo');
    const image = this.analysis?.image;
    if (!canvas || !image || this.#drawn.get(canvas) === image) return;
    this.#drawn.set(canvas, image);
    const scale = Math.min(1, 900 / Math.max(image.width, image.height));
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  }

  /** Draws the checked photo into the preview canvas (a canvas, not an <img>: no blob: URL for CSP). */
  async #drawResult(): Promise<void> {
    const canvas = this.renderRoot.querySelector<HTMLCanvasElement>('canvas.result');
    const file = this.result?.file;
    if (!canvas || !file || this.#drawn.get(canvas) === file) return;
    this.#drawn.set(canvas, file);
    const bitmap = await createImageBitmap(file);
    if (this.#drawn.get(canvas) !== file) return bitmap.close();
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    bitmap.close();
  }

  // --- rendering -------------------------------------------------------------------------------

  #problemText(refusal: PhotoRefusal): string {
    const rules = this.#rules();
    switch (refusal.problem) {
      case 'too-large':
        return this.t('photo.problem.too-large', { size: formatBytes(refusal.bytes), limit: formatBytes(rules.maxFileBytes) });
      case 'not-jpeg':
        if (refusal.kind === 'heic') return this.t('photo.problem.heic');
        return this.t('photo.problem.not-jpeg', { kind: this.t(`photo.kind.${refusal.kind ?? 'unknown'}`) });
      case 'too-many-pixels':
        return this.t('photo.problem.too-many-pixels', {
          width: refusal.width ?? 0,
          height: refusal.height ?? 0,
          mp: Math.round(((refusal.width ?? 0) * (refusal.height ?? 0)) / 1e6),
          limit: Math.round(rules.maxPixels / 1e6),
        });
      default:
        return this.t(`photo.problem.${refusal.problem}`);
    }
  }

  /** Its sub-headings' level, when not the default (3). */
  get #subLevel() {
    return this.headingLevel === 2 ? nothing : Math.min(6, this.headingLevel + 1);
  }

  protected override render() {
    const rules = this.#rules();
    // A group, not a region: inside rk-registration-form's 证件照片 section it would repeat that landmark.
    return html`<div part="panel" role="group" aria-labelledby="title" aria-busy=${this.state === 'reading' || this.state === 'compressing' ? 'true' : 'false'}>
      <h2 id="title" part="title" aria-level=${this.headingLevel === 2 ? nothing : this.headingLevel}>${this.t('photo.title')}</h2>
      ${this.state === 'accepted' ? this.#renderAccepted() : this.#renderWork(rules)}
      <p class="visually-hidden" role="status">${this.status()}</p>
      <slot name="footer"></slot>
    </div>`;
  }

  #renderWork(rules: PhotoRules) {
    const hasPhoto = Boolean(this.analysis || this.result);
    return html`${hasPhoto || this.state === 'reading'
        ? nothing
        : html`<p class="intro" id="intro">
            ${this.t('photo.intro', {
              minSize: formatBytes(rules.minSourceBytes),
              minWidth: rules.minSourceWidth,
              minHeight: rules.minSourceHeight,
              outWidth: rules.outputWidth,
              outHeight: rules.outputHeight,
              target: formatBytes(rules.targetBytes),
            })}
          </p>`}
      ${this.#renderDropzone(hasPhoto)} ${this.state === 'reading' ? html`<p class="busy" part="busy">${this.t('photo.reading')}</p>` : nothing}
      ${this.state === 'unavailable'
        ? html`<div class="notice danger" part="problem" role="alert">
            <p>${this.engineError()}</p>
            <button type="button" @click=${() => this.#checkWaiting()}>${this.t('common.retry')}</button>
          </div>`
        : nothing}
      ${this.refusal
        ? html`<div class="notice danger" part="problem" role="alert">
            <h3 aria-level=${this.#subLevel}>${this.t('photo.refused.title')}</h3>
            <p>${this.#problemText(this.refusal)}</p>
          </div>`
        : nothing}
      ${this.analysis || this.result ? this.#renderChecked() : nothing}`;
  }

  #renderDropzone(hasPhoto: boolean) {
    const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
    const chooseLabel = hasPhoto || this.refusal ? this.t('photo.chooseAnother') : this.t('photo.choose');
    return html`<div
      class="dropzone ${this.dragging ? 'dragging' : ''} ${hasPhoto ? 'compact' : ''}"
      part="dropzone"
      @dragenter=${(e: DragEvent) => this.#dragOver(e)}
      @dragover=${(e: DragEvent) => this.#dragOver(e)}
      @dragleave=${() => (this.dragging = false)}
      @drop=${(e: DragEvent) => this.#drop(e)}
    >
      <input id="file-input" hidden type="file" accept="image/jpeg,.jpg,.jpeg" @change=${(e: Event) => this.#chosen(e)} />
      <input id="capture-input" hidden type="file" accept="image/jpeg" capture="environment" @change=${(e: Event) => this.#chosen(e)} />
      <div class="actions">
        <button type="button" class=${hasPhoto ? '' : 'primary'} part="choose" aria-describedby=${hasPhoto ? nothing : 'intro drop-hint'} ?disabled=${this.disabled} aria-disabled=${this.#locked() || this.state === 'reading' ? 'true' : 'false'} @click=${() => !this.#locked() && this.#openChooser()}>
          ${chooseLabel}
        </button>
        ${coarse
          ? html`<button type="button" part="capture" ?disabled=${this.disabled} @click=${() => !this.#locked() && this.#openChooser(true)}>${this.t('photo.capture')}</button>`
          : nothing}
      </div>
      ${hasPhoto ? nothing : html`<p class="hint" id="drop-hint">${this.dragging ? this.t('photo.dropHere') : this.t('photo.dropHint')}</p>`}
      ${this.fileName ? html`<p class="file-name">${this.t('photo.fileName', { name: this.fileName })}</p>` : nothing}
    </div>`;
  }

  #renderChecklist() {
    if (this.checks.length === 0) return nothing;
    const t = (key: string, params?: Record<string, string | number>) => this.t(key, params);
    return html`<h3 aria-level=${this.#subLevel} class="checklist-title">${this.t('photo.checklist.title')}</h3>
      <ul class="checklist" part="checklist">
        ${this.checks.map(
          (check) => html`<li class="check ${check.status}" data-check=${check.id}>
            <span class="mark" aria-hidden="true">${check.status === 'pass' ? '✓' : check.status === 'warn' ? '!' : '✗'}</span>
            <span class="check-text"><span class="check-status">${this.t(`photo.status.${check.status}`)}：</span>${checkText(check, t)}</span>
          </li>`,
        )}
      </ul>`;
  }

  #renderChecked() {
    const failed = this.state === 'failed';
    return html`<div class="workspace">
      ${this.analysis ? this.#renderCrop() : nothing}
      <div class="side">
        ${this.restored ? html`<p class="notice">${this.t('photo.restored')}</p>` : nothing} ${this.#renderChecklist()}
        ${failed
          ? html`<div class="notice danger" part="problem" role="alert">
              <h3 aria-level=${this.#subLevel}>${this.t('photo.failed.title')}</h3>
              <p>${this.t('photo.failed.next')}</p>
            </div>`
          : this.#renderResult()}
      </div>
    </div>`;
  }

  #renderCrop() {
    const frame = this.frame;
    if (!frame) return nothing;
    const { zoomRange, ZOOM_STEP } = this.#loaded;
    const gestures = this.#gestures!;
    const range = zoomRange(frame, this.#imageSize(), this.#outputSize());
    const locked = this.#locked();
    return html`<div class="crop" part="crop">
      <h3 aria-level=${this.#subLevel} id="crop-title">${this.t('photo.crop.title')}</h3>
      <p class="hint" id="crop-hint">${this.t('photo.crop.hint')}</p>
      <div class="stage" @wheel=${(e: WheelEvent) => !locked && gestures.wheel(e)}>
        <canvas class="photo" role="img" aria-label=${this.t('photo.crop.photo')}></canvas>
        <div
          class="frame"
          part="crop-frame"
          tabindex="0"
          role="group"
          aria-roledescription=${this.t('photo.crop.frame')}
          aria-label=${this.t('photo.crop.frame')}
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
        ${this.t('photo.crop.status', {
          width: Math.round(frame.width),
          height: Math.round(frame.height),
          x: Math.round(frame.x),
          y: Math.round(frame.y),
        })}
      </p>
      <div class="zoom actions" part="zoom">
        <button type="button" aria-disabled=${!range.canShrink || locked ? 'true' : 'false'} @click=${() => range.canShrink && !locked && gestures.zoom(1 / ZOOM_STEP)}>
          ＋ ${this.t('photo.crop.closer')}
        </button>
        <button type="button" aria-disabled=${!range.canGrow || locked ? 'true' : 'false'} @click=${() => range.canGrow && !locked && gestures.zoom(ZOOM_STEP)}>
          − ${this.t('photo.crop.wider')}
        </button>
        <button type="button" aria-disabled=${locked ? 'true' : 'false'} @click=${() => !locked && gestures.reset()}>${this.t('photo.crop.reset')}</button>
      </div>
    </div>`;
  }

  #renderPreview() {
    const result = this.result;
    return html`<figure class="preview" part="result">
      <canvas class="result" width="295" height="413" role="img" aria-label=${this.t('photo.result.alt')}></canvas>
      <figcaption>
        ${result
          ? html`<strong>${this.t('photo.result.title')}</strong><br />${this.t('photo.result.size', { width: result.width, height: result.height, size: formatBytes(result.bytes) })}`
          : this.t('photo.compressing')}
      </figcaption>
    </figure>`;
  }

  #renderResult() {
    const uploading = this.state === 'uploading';
    const busy = this.state === 'compressing' || uploading;
    const warn = this.#needsConfirmation();
    return html`<div class="result-block">
      ${warn
        ? html`<div class="notice warning">
            <h3 aria-level=${this.#subLevel}>${this.t('photo.advisory.title')}</h3>
            <p>${this.t('photo.advisory.body')}</p>
            <label class="choice confirm">
              <input
                id="confirm"
                type="checkbox"
                .checked=${this.confirmed}
                aria-invalid=${this.confirmError ? 'true' : 'false'}
                aria-describedby=${this.confirmError ? 'confirm-error' : nothing}
                @change=${(e: Event) => {
                  this.confirmed = (e.target as HTMLInputElement).checked;
                  if (this.confirmed) this.confirmError = false;
                }}
              />
              ${this.t('photo.advisory.confirm')}
            </label>
            ${this.confirmError ? html`<span class="error-message" id="confirm-error">${this.t('photo.validity.unconfirmed')}</span>` : nothing}
          </div>`
        : nothing}
      ${this.#renderPreview()}
      ${uploading
        ? html`<div class="upload-progress">
            <label for="progress">${this.t('photo.uploading')}</label>
            ${this.progress > 0
              ? html`<progress id="progress" part="progress" max="100" .value=${this.progress}>${this.progress}%</progress>
                  <span>${this.t('photo.progress', { percent: this.progress })}</span>`
              : html`<progress id="progress" part="progress"></progress>`}
          </div>`
        : nothing}
      ${this.state === 'upload-failed'
        ? html`<div class="notice danger" role="alert"><p>${this.uploadError()}</p></div>`
        : nothing}
      <div class="actions">
        <button
          type="button"
          class="primary"
          part="action"
          aria-disabled=${busy || !this.result ? 'true' : 'false'}
          @click=${() => !busy && this.result && this.#accept()}
        >
          ${this.state === 'upload-failed' && this.uploadRetry
            ? this.t('common.retry')
            : uploading
              ? this.t('photo.uploading')
              : this.t(this.upload ? 'photo.upload' : 'photo.use')}
        </button>
      </div>
    </div>`;
  }

  #renderAccepted() {
    const result = this.result!;
    const source = this.source!;
    return html`<div class="notice success" part="accepted">
        <h3 aria-level=${this.#subLevel} tabindex="-1">${this.t(this.uploaded ? 'photo.uploaded.title' : 'photo.accepted.title')}</h3>
        <p>
          ${this.t('photo.accepted.body', {
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
        ${this.#renderPreview()}
        <div class="actions">
          <button type="button" part="choose" ?disabled=${this.disabled} @click=${() => this.#startOver()}>${this.t('photo.chooseAnother')}</button>
        </div>
      </div>`;
  }

  /** From the accepted photo back to choosing (the choice dialog opens at once). */
  #startOver(): void {
    this.reset();
    void this.updateComplete.then(() => this.#openChooser());
  }
}

define('rk-photo-checker', RkPhotoChecker, photoZhCN);
