import { ContextConsumer } from '@lit/context';
import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BackendConsumer } from '../../controllers/backend-consumer.js';
import type { LocalizeController } from '../../controllers/localize-controller.js';
import { OwnSession } from '../../controllers/own-session.js';
import { DraftController } from '../../controllers/draft-controller.js';
import { ExamSessionController } from '../../controllers/exam-session-controller.js';
import { newIdempotencyKey, type RegistrationBackend } from '../../services/backend.js';
import type { DraftStore } from '../../services/draft-store.js';
import { configContext, localeContext } from '../../services/context.js';
import { BusinessError, isRkError, isSignedOutError, NetworkError } from '../../services/errors.js';
import { registrationZhCN } from '../../services/i18n/parts/registration.js';
import { documentsZhCN } from '../../services/i18n/parts/documents.js';
import { maskDocumentNumber } from '../../services/id-document.js';
import { OnDemand } from '../../services/on-demand.js';
import type { Application, ApplicationFieldName, ApplicationStatus, ExamSession, Photo, Session, Subject } from '../../services/schemas.js';
import { define } from '../base/define.js';
import { focusErrorSummary } from '../base/error-summary.js';
import { fenToYuan, formatDateTime, formatDay, formatSitting } from '../base/exam-format.js';
import type { FieldTexts } from '../base/field.js';
import { RkElement } from '../base/rk-element.js';
import { chooseLevel, chooseProvince, chooseQualification, defaults, levelOfQualification } from './cascade.js';
import type { CheckContext } from './form-checks.js';
import type { FormView } from './form-fields.js';
import {
  EDITABLE_STATUSES,
  editableOnly,
  editablePersonal,
  fieldErrors,
  fieldId,
  parseDate,
  parseYearMonth,
  PERSONAL_FIELDS,
  personalFromRealName,
  pick,
  toDraftValue,
  valuesFromFields,
  windowChanged,
  windowPhase,
  type FormErrors,
  type FormField,
  type FormValues,
  type PersonalField,
  type RegistrationFormState,
} from './form-model.js';
import { focusField, renderScreen } from './form-screens.js';
import { PhotoUpload } from './photo-section.js';
import { styles } from './registration-form.styles.js';
import type { SummaryView } from './review-step.js';

type FormChecks = typeof import('./form-checks.js');

export type { RegistrationFormState } from './form-model.js';

/** A qualification chosen elsewhere (e.g. `rk-exam-plan`'s `rk-plan-select`): its id, or the event's detail. */
export type QualificationPreset = string | { levelId?: string; qualificationId: string };

declare global {
  interface RkEventDetails {
    'rk-submitted': Application;
    'rk-draft-saved': Application;
    'rk-session-expired': undefined;
    'rk-realname-required': undefined;
  }
  interface HTMLElementEventMap {
    'rk-submitted': CustomEvent<Application>;
    'rk-draft-saved': CustomEvent<Application>;
    'rk-session-expired': CustomEvent<undefined>;
    'rk-realname-required': CustomEvent<undefined>;
  }
  interface HTMLElementTagNameMap {
    'rk-registration-form': RkRegistrationForm;
  }
}

/**
 * The registration form (报名表) of a signed-in, verified candidate: 报考信息 (level →
 * qualification → its subjects, from the round's plan), 考区 (province from the round, exam
 * area), personal data prefilled read-only from the real-name result, 职称与工作, 学历, 联系方式
 * and the photo. Required fields carry a red `*` (and 必填 for screen readers).
 *
 * Each field is checked with the contract's zod rule when the candidate leaves it; "继续" checks
 * everything and shows an error summary that takes focus and links to each field, or moves on
 * to 核对报考信息 (every answer with a link back to change it); only there is the application
 * submitted. Everything typed is kept in sessionStorage at once and saved to the backend as a
 * draft shortly after typing stops; a reload, a restored tab or a failed submission loses
 * nothing.
 *
 * The backend's state decides what is shown: outside the registration window the answers are
 * read-only with the dates; submitted (待审核) and approved are read-only; a rejected application
 * shows the reviewer's reason above the form to correct and resubmit.
 *
 * @tagname rk-registration-form
 * @summary The registration form: exam choice cascade, area, personal data, review step, drafts.
 *
 * @fires rk-submitted - The application was submitted. `detail`: the `Application` (status `submitted`).
 * @fires rk-draft-saved - A draft was saved to the backend. `detail`: the `Application`.
 * @fires rk-session-expired - The backend said the session has ended. `detail`: undefined.
 * @fires rk-realname-required - The backend answered REALNAME_REQUIRED although the session said the real name
 *   was verified: `rk-provider` asks the backend for the session again (the form then asks for the real name
 *   first). `detail`: undefined.
 *
 * @slot photo - The photo checker (`<rk-photo-checker slot="photo">`); the form listens for its
 *   `rk-photo-accepted`. Without it, a plain file input uploads an already checked JPEG.
 * @slot footer - Below the form, e.g. the office's help line.
 *
 * @csspart panel - The box around everything.
 * @csspart title - The heading.
 * @csspart form - The `<form>`.
 * @csspart section - Each section of the form.
 * @csspart section-title - A section's heading.
 * @csspart error-summary - The list of problems at the top.
 * @csspart notice - The state notice (rejected with the reason, submitted, approved, window closed).
 * @csspart field - Each field.
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart error-message - A field's error message.
 * @csspart input - Each input and select.
 * @csspart subjects - The subjects of the chosen qualification.
 * @csspart fee - The fee of the chosen qualification.
 * @csspart personal - The personal data from the real-name verification.
 * @csspart photo - The photo field.
 * @csspart photo-current - The uploaded photo.
 * @csspart photo-replace - The "replace photo" button.
 * @csspart photo-fallback - The plain file input shown when no checker is slotted.
 * @csspart summary-section - A section of the review (核对报考信息).
 * @csspart summary - A list of answers in the review.
 * @csspart change - A change link of the review.
 * @csspart save-status - Where the draft stands (saved, saving, kept on this device).
 * @csspart continue - The button to the review step.
 * @csspart submit - The submit button.
 *
 * @cssprop --rk-color-primary - Buttons and links.
 * @cssprop --rk-color-danger - Errors, the error summary, the required `*`, the rejected notice.
 * @cssprop --rk-color-success - The submitted notice, the uploaded photo.
 * @cssprop --rk-color-warning - The window notice.
 * @cssprop --rk-color-focus - The focus ring.
 * @cssprop --rk-target-size - Minimum size of buttons and inputs (44px).
 * @cssprop --rk-font-size - Base text size.
 */
export class RkRegistrationForm extends RkElement {
  static override styles = styles;

  /** Where the form stands, reflected for styling (see `RegistrationFormState`). */
  @property({ reflect: true }) state: RegistrationFormState = 'loading';

  /** The application's status at the backend (`draft`, `rejected`, `submitted`, …), reflected. */
  @property({ reflect: true, attribute: 'application-status' }) applicationStatus: ApplicationStatus | '' = '';

  /**
   * A qualification chosen elsewhere (the plan): its id, or `rk-plan-select`'s detail
   * `{ levelId, qualificationId }`. Fills in level, qualification and subjects while editing.
   */
  @property({ attribute: 'qualification' }) qualification: QualificationPreset | undefined;

  /** Milliseconds of quiet after typing before the draft is saved to the backend. */
  @property({ type: Number, attribute: 'draft-delay' }) draftDelay = 1000;

  /** Any adapter; wins over the provider's. */
  @property({ attribute: false }) backend: RegistrationBackend | undefined;

  /** The signed-in candidate, when the page knows it (else the provider's, else asked from the backend). */
  @property({ attribute: false }) session: Session | null | undefined;

  /** @internal */ @state() application: Application | null | undefined;
  @state() private applicationError: unknown;
  @state() private values: FormValues = {};
  /** @internal */ @state() errors: FormErrors = {};
  /** @internal */ @state() step: 'form' | 'review' = 'form';
  /** @internal */ @state() showSummary = false;
  /** @internal A problem of the whole form; `others`: the backend's messages for fields it does not have. */
  @state() formError: { message: string; retry: boolean; others?: string[] } | undefined;
  /** @internal */ @state() busy = false;
  @state() private status = '';
  /** @internal */ @state() presetNote = '';

  /** The backend; the session (the provider's, else `#session`'s); what the application was loaded for; its load. */
  readonly #consumer = new BackendConsumer(this, () => false);
  readonly #session = new OwnSession(this, this.#consumer);
  readonly #localeContext = new ContextConsumer(this, { context: localeContext, subscribe: true });
  readonly #configContext = new ContextConsumer(this, { context: configContext, subscribe: true });
  readonly #exam = new ExamSessionController(this, () => this.effectiveBackend);
  readonly #draft = new DraftController(this);
  readonly #photo = new PhotoUpload(this, {
    backend: () => this.effectiveBackend,
    t: (key, params) => this.t(key, params),
    errorText: (error) => this.localize.error(error),
    sessionEnded: (error) => this.#sessionEnded(error),
    refused: (error) => this.#uploadRefused(error),
    used: () => {
      this.status = this.t('form.photo.uploaded');
      if (this.errors.photo) this.#recheck('photo');
    },
    say: (text) => (this.status = text),
  });
  #submitRequest: AbortController | undefined;
  /** The application the values were started from (null: none yet; undefined: not started). */
  #startedFrom: Application | null | undefined;
  #appliedPreset: QualificationPreset | undefined;
  /** One key per logical submission: the same values retried keep it, an edit makes a new one. */
  #idempotencyKey: string | undefined;

  /** The form's checks (form-checks.ts, with zod): fetched when the element connects, not needed to paint. */
  readonly #checks = new OnDemand(() => import('./form-checks.js'));

  /** The checks, or undefined after saying why they could not be fetched (the candidate tries again). */
  async #checksOrSay(retry: boolean): Promise<FormChecks | undefined> {
    if (this.#checks.value) return this.#checks.value;
    try {
      return await this.#checks.load();
    } catch (error) {
      const offline = new NetworkError('submitApplication', 'the form checks could not be loaded', { cause: error });
      this.formError = { message: this.localize.error(offline), retry };
      this.showSummary = true;
      await this.#focusSummary();
      return undefined;
    }
  }

  constructor() {
    super();
    // The slotted photo checker uploaded (or accepted) a photo.
    this.addEventListener('rk-photo-accepted', (event: Event) => this.#photo.fromChecker((event as CustomEvent<unknown>).detail));
    this.addEventListener('rk-photo-upload-failed', (event) => this.#uploadRefused(event.detail.error));
  }

  get effectiveBackend(): RegistrationBackend | undefined {
    return this.#consumer.backend;
  }

  /** The session in use: the `session` property, the provider's, or the one asked for. */
  get effectiveSession(): Session | null | undefined {
    return this.#session.of(this.session);
  }

  /** The photo counted as accepted: one the checker reported, else the application's. */
  get photo(): Photo | null {
    return this.#photo.accepted ?? this.application?.photo ?? null;
  }

  /** Goes back from the review to the form and focuses a field (what the change links do). */
  async editField(field: FormField): Promise<void> {
    if (this.state !== 'review' && this.state !== 'editing') return;
    this.step = 'form';
    this.status = '';
    await this.updateComplete;
    this.#focusField(field);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#checks.prefetch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // (the consumer aborts the loads)
    this.#submitRequest?.abort();
    this.#consumer.asked = undefined;
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const session = this.effectiveSession;
    // Without provider or `session`, asks the backend who is signed in.
    void this.#session.ask(this.session);
    if (session?.realName?.status === 'verified') {
      this.#exam.ensure();
      this.#ensureApplication(session);
    }
    if (this.#exam.session && this.application !== undefined && this.#startedFrom !== this.application) {
      this.#start(this.application);
    }
    if (changed.has('qualification') || this.#appliedPreset !== this.qualification) this.#applyPreset();
    this.state = this.#computeState();
    this.applicationStatus = this.application?.status ?? '';
  }

  #computeState(): RegistrationFormState {
    const session = this.effectiveSession;
    if (session === undefined) return 'loading';
    if (session === null) return 'signed-out';
    if (session.realName?.status !== 'verified') return 'unverified';
    const exam = this.#exam.session;
    if ((!exam && this.#exam.error) || this.applicationError) return 'load-error';
    if (!exam || this.application === undefined) return 'loading';
    const status = this.application?.status ?? 'draft';
    if (status === 'submitted') return 'submitted';
    if (status === 'approved') return 'approved';
    if (!EDITABLE_STATUSES.has(status)) return 'locked';
    const phase = windowPhase(exam, this.#exam.now());
    if (phase !== 'open') return phase;
    if (this.busy) return 'submitting';
    return this.step === 'review' ? 'review' : 'editing';
  }

  // --- loading ------------------------------------------------------------------------------------

  #ensureApplication(session: Session): void {
    const backend = this.effectiveBackend;
    if (!backend || !this.isConnected || !this.#consumer.due(session.user.id)) return;
    this.#consumer.asking(session.user.id);
    void this.#loadApplication(backend);
  }

  async #loadApplication(backend: RegistrationBackend): Promise<void> {
    const signal = this.#consumer.request();
    this.applicationError = undefined;
    try {
      const application = await backend.getApplication({ signal });
      if (signal.aborted) return;
      this.application = application;
    } catch (error) {
      if (signal.aborted) return;
      if (this.#sessionEnded(error)) return;
      this.applicationError = error;
    }
  }

  /** Loads the round and the application again (the retry of a failed load, or after a state change). */
  async reload(): Promise<void> {
    const backend = this.effectiveBackend;
    if (!backend) return;
    this.applicationError = undefined;
    this.#startedFrom = undefined;
    await Promise.all([this.#exam.reload(), this.#loadApplication(backend)]);
  }

  /** @internal Which personal fields the real-name result lacks, so the candidate gives them. */
  get editablePersonal(): PersonalField[] {
    return editablePersonal(this.effectiveSession?.realName);
  }

  /** The values to show from an application (or none yet), with the local draft laid over them while editable. */
  #start(application: Application | null): void {
    this.#startedFrom = application;
    const exam = this.#exam.session!;
    const session = this.effectiveSession!;
    const saved = valuesFromFields(application?.fields ?? {});
    const personal = { ...personalFromRealName(session.realName), ...pick(saved, PERSONAL_FIELDS) };
    const status = application?.status ?? 'draft';
    const windowOpen = windowPhase(exam, this.#exam.now()) === 'open';
    const backend = this.effectiveBackend;
    if (!EDITABLE_STATUSES.has(status) || !windowOpen || !backend) {
      this.#draft.close();
      this.values = { ...saved, ...personal };
      return;
    }
    const editablePersonal = this.editablePersonal;
    const store = this.#draft.open({
      key: { account: session.user.id, examSession: exam.id },
      save: (draft, options) => backend.saveApplicationDraft(draft, options),
      delayMs: this.draftDelay,
      toDraftValue,
      onSaved: (saved) => this.#draftSaved(saved),
      onFatal: (error) => this.#draftRefused(error),
    });
    const editable = store.start(editableOnly(saved, editablePersonal));
    const values: FormValues = { ...personal, ...editable };
    if (!application && session.user.accountType === 'phone' && !values.mobile) values.mobile = session.user.account;
    const filled = defaults(exam, values);
    this.values = { ...values, ...filled };
    store.setMany(editableOnly({ ...filled, ...(values.mobile && !editable.mobile ? { mobile: values.mobile } : {}) }, editablePersonal));
  }

  #draftSaved(application: Application): void {
    // Keep the backend's record (photo, status) without restarting from its fields.
    this.#startedFrom = application;
    const personal = pick(valuesFromFields(application.fields), PERSONAL_FIELDS);
    this.application = application;
    if (Object.keys(personal).length) this.values = { ...this.values, ...personal };
    this.emit('rk-draft-saved', application);
  }

  /** A save the backend refused by a rule (window closed, already submitted, signed out). */
  #draftRefused(error: unknown): void {
    if (!this.#sessionEnded(error)) this.#uploadRefused(error);
  }

  /** A save or upload refused because the window closed or the application moved on: show what is true now. */
  #uploadRefused(error: unknown): void {
    if (windowChanged(error)) {
      this.status = this.localize.error(error);
      void this.reload();
    }
  }

  /** Whether the backend said the session ended (told to the page); REALNAME_REQUIRED has the session asked for again. */
  #sessionEnded(error: unknown): boolean {
    if (isSignedOutError(error)) {
      this.#session.ended();
      this.emit('rk-session-expired', undefined);
      return true;
    }
    if (error instanceof BusinessError && error.code === 'REALNAME_REQUIRED') {
      // The session said verified, the backend says not (a verification withdrawn, a session the
      // page kept): what the backend says of the session now decides what the form asks for. The
      // refusal itself is shown where it happened, as any other.
      this.#session.outdated();
      this.emit('rk-realname-required', undefined);
    }
    return false;
  }

  #applyPreset(): void {
    const preset = this.qualification;
    const exam = this.#exam.session;
    const started = this.application !== undefined && this.#startedFrom === this.application;
    if (preset === undefined || preset === '' || !exam || !this.#draft.store || !started) return;
    this.#appliedPreset = preset;
    const qualificationId = typeof preset === 'string' ? preset : preset.qualificationId;
    const level = levelOfQualification(exam, qualificationId);
    if (!level) return;
    const base = { ...this.values, levelId: level.id };
    this.#change({ levelId: level.id, ...chooseQualification(exam, base, qualificationId) });
    const name = level.qualifications.find((q) => q.id === qualificationId)?.name ?? '';
    this.presetNote = this.t('form.preset', { level: level.name, qualification: name });
  }

  // --- typing -----------------------------------------------------------------------------------

  #set(field: ApplicationFieldName, value: string): void {
    const exam = this.#exam.session!;
    const changes =
      field === 'levelId'
        ? chooseLevel(exam, this.values, value)
        : field === 'qualificationId'
          ? chooseQualification(exam, this.values, value)
          : field === 'provinceCode'
            ? chooseProvince(exam, this.values, value)
            : { [field]: value };
    this.#change(changes);
    // A choice is deliberate: check it at once (a text field waits until it is left).
    const chosen = field === 'levelId' || field === 'gender' || this.#isSelect(field);
    if (chosen) this.#recheck(field);
  }

  #isSelect(field: ApplicationFieldName): boolean {
    return this.renderRoot.querySelector(`#${fieldId(field)}`) instanceof HTMLSelectElement;
  }

  #change(changes: FormValues): void {
    this.values = { ...this.values, ...changes };
    this.#idempotencyKey = undefined;
    this.#draft.store?.setMany(editableOnly(changes, this.editablePersonal));
    for (const field of Object.keys(changes) as ApplicationFieldName[]) {
      if (this.errors[field]) this.#recheck(field);
    }
    if ('qualificationId' in changes && this.errors.subjectIds) this.#recheck('subjectIds');
  }

  #blur(field: ApplicationFieldName): void {
    if (this.state !== 'editing') return;
    const raw = this.values[field];
    if (typeof raw !== 'string') return;
    // Show a date as understood (2013.7 → 2013-07).
    const normalised =
      field === 'workStartDate' || field === 'graduationDate' ? parseYearMonth(raw) : field === 'birthDate' ? parseDate(raw) : null;
    if (normalised && normalised !== raw) this.#change({ [field]: normalised });
    if (raw.trim() === '' && !this.errors[field]) return;
    this.#recheck(field);
  }

  #checkContext(checks: FormChecks): CheckContext {
    const checker = {
      check: <S extends Parameters<FormChecks['checkInput']>[0]>(schema: S, value: unknown) =>
        checks.checkInput(schema, value, this.localize.lang, this.#localeContext.value?.messages),
      t: (key: string, params?: Record<string, string | number>) => this.t(key, params),
    };
    return { session: this.#exam.session!, photoAccepted: this.photo !== null, checker };
  }

  #recheck(field: FormField): void {
    const checks = this.#checks.value;
    if (!checks) {
      // Left a field before the checks came (a slow network): checked when they are there.
      this.#checks.load().then(() => this.#recheck(field), () => undefined);
      return;
    }
    const error = checks.checkField(this.values, field, this.#checkContext(checks));
    if (error === this.errors[field]) return;
    const errors = { ...this.errors };
    if (error) errors[field] = error;
    else delete errors[field];
    this.errors = errors;
  }

  // --- continuing and submitting ----------------------------------------------------------------

  /**
   * The backend fills in the personal data (the full document number) when it creates the draft:
   * make sure it has one before the answers are checked as a whole.
   */
  async #ensureDraftRecord(): Promise<void> {
    const backend = this.effectiveBackend;
    const known = () => typeof this.values.documentNumber === 'string' && this.values.documentNumber !== '';
    if (!backend || known()) return;
    try {
      await this.#draft.store?.flush();
      if (!known()) this.#draftSaved(await backend.saveApplicationDraft({}));
    } catch {
      // the check below reports the missing data; the submission's own error explains why
    }
  }

  /** @internal 继续: checks the form, then the review. */
  async continueToReview(event: Event): Promise<void> {
    event.preventDefault();
    if (this.state !== 'editing') return;
    await this.#ensureDraftRecord();
    // 继续 is the retry when the checks could not be fetched.
    const checks = await this.#checksOrSay(false);
    if (!checks) return;
    const outcome = checks.checkForm(this.values, this.#checkContext(checks));
    this.formError = undefined;
    if (!outcome.ok) {
      this.errors = outcome.errors;
      this.showSummary = true;
      this.status = this.t('form.summaryTitle');
      await this.#focusSummary();
      return;
    }
    this.errors = {};
    this.showSummary = false;
    this.step = 'review';
    this.status = this.t('form.review.title');
    this.#draft.store?.flush().catch(() => undefined);
    await this.#focusTitle();
  }

  /** @internal From the review back to the form. */
  async back(): Promise<void> {
    this.step = 'form';
    this.formError = undefined;
    this.showSummary = false;
    await this.#focusTitle();
  }

  /** Submits the checked application (from the review step, or its retry). */
  async submit(): Promise<void> {
    if (this.busy || (this.state !== 'review' && this.state !== 'editing')) return;
    const backend = this.effectiveBackend;
    this.busy = true;
    await this.#ensureDraftRecord();
    const checks = await this.#checksOrSay(true);
    if (!checks) {
      this.busy = false;
      return;
    }
    const outcome = checks.checkForm(this.values, this.#checkContext(checks));
    if (!outcome.ok || !backend) {
      this.busy = false;
      this.errors = outcome.errors;
      this.step = 'form';
      this.showSummary = true;
      await this.#focusSummary();
      return;
    }
    this.formError = undefined;
    this.showSummary = false;
    this.status = this.t('form.submitting');
    this.#idempotencyKey ??= newIdempotencyKey();
    const request = new AbortController();
    this.#submitRequest = request;
    try {
      // The backend has the latest draft first (it is not needed for the submission itself).
      await this.#draft.store?.flush().catch(() => undefined);
      const application = await backend.submitApplication(outcome.input!, {
        idempotencyKey: this.#idempotencyKey,
        signal: request.signal,
      });
      if (request.signal.aborted) return;
      this.#draft.store?.clear();
      this.#draft.close();
      this.#idempotencyKey = undefined;
      this.#startedFrom = application;
      this.application = application;
      this.values = { ...this.values, ...valuesFromFields(application.fields) };
      this.step = 'form';
      this.status = this.t('form.submitted.title');
      this.emit('rk-submitted', application);
      await this.#focusTitle();
    } catch (error) {
      if (request.signal.aborted) return;
      await this.#submitFailed(error);
    } finally {
      if (this.#submitRequest === request) this.#submitRequest = undefined;
      this.busy = false;
    }
  }

  async #submitFailed(error: unknown): Promise<void> {
    if (this.#sessionEnded(error)) return;
    const message = this.localize.error(error);
    this.status = message;
    if (error instanceof BusinessError && error.code === 'VALIDATION') {
      const { errors, others } = fieldErrors(error.details.fields);
      const placed = Object.keys(errors).length > 0;
      // "Check the marked fields" only when some are marked; else the backend's own sentence.
      const said = others.length ? this.t('common.validationListed') : placed ? message : error.backendMessage.trim() || message;
      this.errors = errors;
      this.step = 'form';
      this.showSummary = true;
      this.formError = { message: said, retry: false, others };
      this.status = said;
      this.busy = false;
      await this.#focusSummary();
      return;
    }
    if (windowChanged(error)) {
      this.formError = { message, retry: false };
      this.showSummary = true;
      void this.reload();
      return;
    }
    // Network, timeout, server: everything stays as typed; the same key makes a retry safe.
    this.formError = { message: this.t('form.submitFailed', { reason: message }), retry: isRkError(error) && error.retryable };
    this.showSummary = true;
    this.busy = false;
    await this.#focusSummary();
  }

  async #focusSummary(): Promise<void> {
    await this.updateComplete;
    focusErrorSummary(this.renderRoot);
  }

  #focusField(field: FormField): void {
    focusField(this.renderRoot as ShadowRoot, field);
  }

  async #focusTitle(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
  }

  // --- rendering ----------------------------------------------------------------------------------

  #formatSitting = (subject: Subject): string => formatSitting(this.localize.lang, subject.startsAt, subject.endsAt);
  /** @internal */ formatFen = (fen: number): string => this.t('common.yuan', { amount: fenToYuan(fen) });
  #formatDate = (iso: string): string => formatDay(this.localize.lang, iso);
  /** @internal */ formatDateTime = (iso: string): string => formatDateTime(this.localize.lang, iso);

  get #maskedNumber(): string {
    const number = this.values.documentNumber;
    if (typeof number === 'string' && number) return number.includes('*') ? number : maskDocumentNumber(number);
    return this.effectiveSession?.realName?.documentNumberMasked ?? '';
  }

  /** What the form and the review both show: the answers and how they read. */
  #answers() {
    return {
      session: this.#exam.session!,
      values: this.values,
      t: (key: string, params?: Record<string, string | number>) => this.t(key, params),
      maskedNumber: this.#maskedNumber,
      editablePersonal: this.editablePersonal,
      formatSitting: this.#formatSitting,
      formatFen: this.formatFen,
      formatDate: this.#formatDate,
    };
  }

  /** @internal The answers (with change links when `change` is given). */
  summaryView(change?: (field: FormField) => void): SummaryView {
    return { ...this.#answers(), photoUrl: this.photo?.url, change };
  }

  /** Each state's screen renders from form-screens.ts, which reads the element. */
  protected override render() {
    return html`<section part="panel" aria-labelledby="title">
      ${renderScreen(this)}
      <p class="visually-hidden" role="status" aria-live="polite">${this.status}</p>
      <slot name="footer"></slot>
    </section>`;
  }

  /** @internal The element's texts, public for the screens (the base class's: no code of their own). */
  declare t: (...args: Parameters<LocalizeController['t']>) => string;
  /** @internal */ declare readonly localize: LocalizeController;

  /** @internal The round, once loaded. */
  get examSession(): ExamSession | undefined {
    return this.#exam.session;
  }

  /** @internal Why the round or the application could not be loaded. */
  get failure(): unknown {
    return this.applicationError ?? this.#exam.error;
  }

  /** @internal */
  get draftStore(): DraftStore | undefined {
    return this.#draft.store;
  }

  /** @internal The office's help lines: the site's (`config.contactPhones`), else the round's. */
  get phones(): readonly string[] {
    return this.#configContext.value?.contactPhones ?? this.#exam.session?.contactPhones ?? [];
  }

  /** @internal */
  photoSlotChange(event: Event): void {
    this.#photo.onSlotChange(event);
  }

  /** @internal The form's sections, the photo's included. */
  formView(): FormView {
    const texts: FieldTexts = { required: this.t('common.required'), errorPrefix: this.t('form.errorPrefix') };
    return {
      ...this.#answers(),
      errors: this.errors,
      texts,
      photo: this.#photo.render({ photo: this.photo, error: this.errors.photo, errorPrefix: texts.errorPrefix, disabled: this.busy }),
      set: (field, value) => this.#set(field, value),
      blur: (field) => this.#blur(field),
    };
  }
}

define('rk-registration-form', RkRegistrationForm, registrationZhCN, documentsZhCN);
