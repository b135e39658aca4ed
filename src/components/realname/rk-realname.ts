import { ContextConsumer } from '@lit/context';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { BackendConsumer } from '../../controllers/backend-consumer.js';
import { OwnSession } from '../../controllers/own-session.js';
import type { RegistrationBackend } from '../../services/backend.js';
import { configContext, localeContext } from '../../services/context.js';
import { BusinessError, isRkError, isSignedOutError, NetworkError } from '../../services/errors.js';
import { realnameZhCN } from '../../services/i18n/parts/realname.js';
import { documentsZhCN } from '../../services/i18n/parts/documents.js';
import { ageOn, maskDocumentNumber } from '../../services/id-document.js';
import { OnDemand } from '../../services/on-demand.js';
import type { RealNameResult, Session } from '../../services/schemas.js';
import { define } from '../base/define.js';
import { errorSummary, focusErrorSummary, type SummaryItem } from '../base/error-summary.js';
import { validationMessages } from '../base/validation-fields.js';
import type { FieldTexts } from '../base/field.js';
import { RkElement } from '../base/rk-element.js';
import type { RealnameChecker } from './realname-checks.js';
import {
  FIELD_ID,
  fullLength,
  numberInfo,
  REALNAME_FIELDS,
  type RealnameErrors,
  type RealnameField,
  type RealnameValues,
} from './realname-model.js';
import { renderRealnameFields, type Derived, type RealnameView } from './realname-fields.js';
import { styles } from './realname.styles.js';
import { parseTypedDate } from './typed-date.js';

/**
 * `loading` (who is signed in is not known yet), `signed-out`, `idle` (the form), `submitting`,
 * `error` (the last attempt failed), `rejected` (the backend refused; the form is shown again),
 * `pending` (manual review), `verified`.
 */
export type RealnameState = 'loading' | 'signed-out' | 'idle' | 'submitting' | 'error' | 'rejected' | 'pending' | 'verified';

declare global {
  interface RkEventDetails {
    'rk-verified': RealNameResult;
    'rk-verification-pending': RealNameResult;
    'rk-verification-rejected': RealNameResult;
    'rk-session-expired': undefined;
    'rk-home': undefined;
  }
  interface HTMLElementEventMap {
    'rk-verified': CustomEvent<RealNameResult>;
    'rk-verification-pending': CustomEvent<RealNameResult>;
    'rk-verification-rejected': CustomEvent<RealNameResult>;
    'rk-session-expired': CustomEvent<undefined>;
    'rk-home': CustomEvent<undefined>;
  }
  interface HTMLElementTagNameMap {
    'rk-realname': RkRealname;
  }
}

const EMPTY: RealnameValues = {
  name: '',
  documentType: 'resident-id',
  documentNumber: '',
  validFrom: '',
  validTo: '',
  longTerm: false,
};

/**
 * Real-name verification (实名认证) for a signed-in candidate: name (Chinese names with `·`),
 * document type, number checked live for the type, the document's validity (start, end or
 * 长期). From a mainland ID number, birth date, gender and age are shown read-only.
 *
 * Blocks an end before the start, an expired document and a start in the future; warns (and lets
 * the candidate go on) when an ID card's validity does not have the legal length for the age at
 * issue. The backend's answer is shown with its next step: verified, pending manual review,
 * rejected (with the reason), or name and number not matching (at those fields). After an answer
 * the number is only shown masked (`530102********1234`).
 *
 * @tagname rk-realname
 * @summary Real-name verification: name, document, validity; verified, pending or mismatch.
 *
 * @fires rk-verified - Verified; the provider completes the session. `detail`: `RealNameResult`.
 * @fires rk-verification-pending - Sent to manual review. `detail`: `RealNameResult` (status `pending`).
 * @fires rk-verification-rejected - The backend refused. `detail`: `RealNameResult` (status `rejected`, `reason`).
 * @fires rk-session-expired - The backend said the session has ended. `detail`: undefined.
 * @fires rk-home - The candidate asked to go back to the home page (the seed's "click the exam
 *   name"). Cancelable: with `home-href`, `preventDefault()` keeps the page from following the link.
 *
 * @slot alternative - Another way to verify offered by the site (e.g. the national online
 *   identity app, 国家网络身份认证), shown under the introduction.
 * @slot footer - Below the form, e.g. the office's help line.
 *
 * @csspart panel - The box around everything.
 * @csspart title - The heading.
 * @csspart form - The `<form>`.
 * @csspart error-summary - The list of problems at the top.
 * @csspart result - The verified / pending / rejected notice.
 * @csspart field - Each field.
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart error-message - A field's error message.
 * @csspart warning-message - The validity-length warning.
 * @csspart input - Each input and the document-type select.
 * @csspart derived - Birth date, gender and age from the ID number.
 * @csspart validity - The validity fieldset.
 * @csspart submit - The submit button.
 * @csspart home - The "back to home" button or link.
 *
 * @cssprop --rk-color-primary - Buttons and links.
 * @cssprop --rk-color-danger - Errors, the error summary, the rejected notice.
 * @cssprop --rk-color-warning - The validity-length warning and the pending notice.
 * @cssprop --rk-color-success - The verified notice and the "number is right" line.
 * @cssprop --rk-color-focus - The focus ring.
 * @cssprop --rk-target-size - Minimum size of buttons and inputs (44px).
 * @cssprop --rk-font-size - Base text size.
 */
export class RkRealname extends RkElement {
  static override styles = styles;

  /** Where the verification stands, reflected for styling (see `RealnameState`). */
  @property({ reflect: true }) state: RealnameState = 'loading';

  /** With it, "back to home" is a link to this address (and still fires `rk-home`). */
  @property({ attribute: 'home-href' }) homeHref = '';

  /** Any adapter; wins over the provider's. */
  @property({ attribute: false }) backend: RegistrationBackend | undefined;

  /** The signed-in candidate, when the page knows it (else the provider's, else asked from the backend). */
  @property({ attribute: false }) session: Session | null | undefined;

  @state() private values: RealnameValues = { ...EMPTY };
  @state() private errors: RealnameErrors = {};
  @state() private touched = new Set<RealnameField>();
  /** A message for the whole form; `others`: the backend's messages about fields this form does not have. */
  @state() private formError: { message: string; retry: boolean; next?: string; others?: string[] } | undefined;
  @state() private showSummary = false;
  @state() private busy = false;
  @state() private failed = false;
  /** The backend's last answer here (wins over the session's). */
  @state() private result: RealNameResult | undefined;
  @state() private status = '';
  @state() private sessionEnded = false;

  /** The backend, and the session: the provider's, or (without one) the one it asked for. */
  readonly #consumer = new BackendConsumer(this);
  readonly #session = new OwnSession(this, this.#consumer);
  readonly #localeContext = new ContextConsumer(this, { context: localeContext, subscribe: true });
  readonly #configContext = new ContextConsumer(this, { context: configContext, subscribe: true });
  #request: AbortController | undefined;
  #prefilledFrom: RealNameResult | undefined;
  /** The values before any typing (prefilling from a refused verification is only done then). */
  #initial: RealnameValues = this.values;

  /** The form's checks (realname-checks.ts, with zod): fetched when the element connects, not needed to paint. */
  readonly #checks = new OnDemand(() => import('./realname-checks.js'));

  /** What is typed, checked; undefined while the checks are on their way. */
  #outcome() {
    const checks = this.#checks.value;
    if (!checks) return undefined;
    const checker: RealnameChecker = {
      check: (schema, value) => checks.checkInput(schema, value, this.localize.lang, this.#localeContext.value?.messages),
      t: (key, params) => this.t(key, params),
    };
    return checks.checkRealname(this.values, checker);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Once they are there, a warning about what was typed meanwhile shows.
    this.#checks.load().then(() => this.requestUpdate(), () => undefined);
  }

  get effectiveBackend(): RegistrationBackend | undefined {
    return this.#consumer.backend;
  }

  /** The session in use: the `session` property, the provider's, or the one asked for. */
  get effectiveSession(): Session | null | undefined {
    return this.#session.of(this.session);
  }

  /** The verification as it stands: this element's last answer, else the session's. */
  get realName(): RealNameResult | null | undefined {
    return this.result ?? this.effectiveSession?.realName;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#request?.abort();
    this.busy = false;
  }

  protected override willUpdate(): void {
    // Without provider or `session`, asks the backend who is signed in.
    void this.#session.ask(this.session, (error: unknown) => {
      this.formError = { message: this.localize.error(error), retry: false };
    });
    const realName = this.realName;
    // A refused verification from an earlier visit: start from what it says (never the number).
    if (realName?.status === 'rejected' && this.#prefilledFrom !== realName && this.values === this.#initial) {
      this.#prefilledFrom = realName;
      this.values = {
        ...EMPTY,
        name: realName.name,
        documentType: realName.documentType,
        validFrom: realName.validFrom,
        validTo: realName.validTo ?? '',
        longTerm: realName.validTo === null,
      };
      this.#initial = this.values;
    }
    this.state = this.#computeState();
  }

  #computeState(): RealnameState {
    const session = this.effectiveSession;
    if (session === undefined) return 'loading';
    if (session === null) return 'signed-out';
    const status = this.realName?.status;
    if (status === 'verified') return 'verified';
    if (status === 'pending') return 'pending';
    if (this.busy) return 'submitting';
    if (this.failed) return 'error';
    if (status === 'rejected') return 'rejected';
    return 'idle';
  }

  // --- typing -----------------------------------------------------------------------------------

  #set(field: Exclude<keyof RealnameValues, 'longTerm'>, value: string): void {
    this.values = { ...this.values, [field]: value } as RealnameValues;
    if (field === 'documentType' && this.values.documentNumber.trim() !== '') {
      // A number typed for another type is checked by the new type's rules at once.
      this.touched = new Set(this.touched).add('documentNumber');
      this.#recheck('documentNumber');
    } else if (field === 'documentNumber' || field === 'documentType') {
      this.#liveNumberCheck();
    } else if (this.errors[field]) {
      this.#recheck(field);
    }
    if ((field === 'validFrom' || field === 'validTo') && (this.errors.validFrom || this.errors.validTo)) {
      this.#recheck('validFrom');
      this.#recheck('validTo');
    }
  }

  #setLongTerm(longTerm: boolean): void {
    this.values = { ...this.values, longTerm };
    if (this.errors.validTo) this.#recheck('validTo');
  }

  #blur(field: RealnameField): void {
    // An input removed while focused (the form giving way to the result) blurs: not the candidate's doing.
    if (this.state !== 'idle' && this.state !== 'error' && this.state !== 'rejected') return;
    if (field === 'validFrom' || field === 'validTo') {
      // Show the date as understood (2015.3.12 → 2015-03-12).
      const iso = parseTypedDate(this.values[field]);
      if (iso && iso !== this.values[field]) this.values = { ...this.values, [field]: iso };
    }
    const value = field === 'documentType' ? 'x' : this.values[field];
    if (value.trim() === '') return;
    this.touched = new Set(this.touched).add(field);
    this.#recheck(field);
  }

  /** The number is checked while typing once it is complete, left, or has a wrong character. */
  #liveNumberCheck(): void {
    const { documentType, documentNumber } = this.values;
    const { check } = numberInfo(documentType, documentNumber);
    const complete = documentNumber.replace(/\s/g, '').length >= (fullLength(documentType) ?? Infinity);
    const live =
      this.touched.has('documentNumber') ||
      complete ||
      (!check.ok && check.problem === 'characters') ||
      Boolean(this.errors.documentNumber);
    if (live && documentNumber.trim() !== '') this.#recheck('documentNumber');
    else if (this.errors.documentNumber) this.#setError('documentNumber', undefined);
  }

  #recheck(field: RealnameField): void {
    const outcome = this.#outcome();
    // Left a field before the checks came (a slow network): checked when they are there.
    if (!outcome) this.#checks.load().then(() => this.#recheck(field), () => undefined);
    else this.#setError(field, outcome.errors[field]);
  }

  #setError(field: RealnameField, error: string | undefined): void {
    if (error === this.errors[field]) return;
    const errors = { ...this.errors };
    if (error) errors[field] = error;
    else delete errors[field];
    this.errors = errors;
  }

  // --- submitting -------------------------------------------------------------------------------

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    if (!this.#checks.value) {
      try {
        await this.#checks.load();
      } catch (error) {
        const offline = new NetworkError('verifyRealName', 'the form checks could not be loaded', { cause: error });
        this.formError = { message: this.localize.error(offline), retry: true };
        this.showSummary = true;
        await this.#focusSummary();
        return;
      }
      if (this.busy) return; // a second click while they came
    }
    const outcome = this.#outcome()!;
    if (!outcome.ok) {
      this.errors = outcome.errors;
      this.formError = undefined;
      this.showSummary = true;
      this.failed = true;
      await this.#focusSummary();
      return;
    }
    const backend = this.effectiveBackend;
    if (!backend) {
      this.formError = { message: this.t('realname.noBackend'), retry: false };
      this.showSummary = true;
      await this.#focusSummary();
      return;
    }
    this.busy = true;
    this.failed = false;
    this.errors = {};
    this.formError = undefined;
    this.showSummary = false;
    this.status = this.t('realname.submitting');
    const request = new AbortController();
    this.#request = request;
    try {
      const result = await backend.verifyRealName(outcome.input, { signal: request.signal });
      if (request.signal.aborted) return;
      this.#answered(result);
    } catch (error) {
      if (request.signal.aborted) return;
      this.failed = true;
      this.#showBackendError(error);
      if (isSignedOutError(error)) {
        this.sessionEnded = true;
        this.emit('rk-session-expired', undefined);
        return;
      }
      await this.#focusSummary();
    } finally {
      if (this.#request === request) this.#request = undefined;
      this.busy = false;
    }
  }

  #answered(result: RealNameResult): void {
    this.result = result;
    if (result.status === 'rejected') {
      this.failed = false;
      this.status = this.t('realname.rejected.title');
      this.emit('rk-verification-rejected', result);
      void this.#focusTitle();
      return;
    }
    // From now on the number is only shown masked: forget what was typed.
    this.values = { ...this.values, documentNumber: '' };
    this.status = this.t(result.status === 'verified' ? 'realname.verified.title' : 'realname.pending.title');
    this.emit(result.status === 'verified' ? 'rk-verified' : 'rk-verification-pending', result);
    void this.#focusTitle();
  }

  #showBackendError(error: unknown): void {
    const message = this.localize.error(error);
    this.showSummary = true;
    this.status = message;
    if (error instanceof BusinessError && error.code === 'REALNAME_MISMATCH') {
      this.errors = { name: message, documentNumber: message };
      this.formError = { message: '', retry: false, next: this.#withContact('realname.mismatch.next') };
      return;
    }
    if (error instanceof BusinessError && error.code === 'ACCOUNT_EXISTS') {
      // Here it is the document that is taken, not the account: say so at the number.
      this.errors = { documentNumber: this.t('realname.documentTaken') };
      return;
    }
    if (error instanceof BusinessError && error.code === 'VALIDATION') {
      const { placed, others } = validationMessages(error.details.fields, (name) =>
        REALNAME_FIELDS.includes(name as RealnameField) ? (name as RealnameField) : null,
      );
      if (Object.keys(placed).length || others.length) {
        this.errors = placed;
        if (others.length) this.formError = { message: this.t('common.validationListed'), retry: false, others };
        return;
      }
    }
    this.formError = { message, retry: isRkError(error) && error.retryable };
  }

  #withContact(key: string): string {
    const phones = this.#configContext.value?.contactPhones ?? [];
    const contact = phones.length ? this.t('realname.contact', { phones: phones.join('、') }) : '';
    return this.t(key, { contact });
  }

  /** Tells the page the candidate wants the home page; returns whether a link may be followed. */
  #home(event: Event): void {
    const allowed = this.emit('rk-home', undefined);
    if (!allowed) event.preventDefault();
  }

  async #focusSummary(): Promise<void> {
    await this.updateComplete;
    focusErrorSummary(this.renderRoot);
  }

  async #focusTitle(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#title')?.focus();
  }

  // --- rendering ----------------------------------------------------------------------------------

  #formatDate = (iso: string): string => {
    const locale = this.localize.lang === 'en' ? 'en-GB' : 'zh-CN';
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  };

  protected override render() {
    return html`<section part="panel" aria-labelledby="title">
      ${this.#renderBody()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.status}</p>
      <slot name="footer"></slot>
    </section>`;
  }

  #renderBody() {
    switch (this.state) {
      case 'loading':
        return html`<h2 id="title" part="title" tabindex="-1">${this.t('realname.title')}</h2>
          <p role="status">${this.t('realname.loading')}</p>`;
      case 'signed-out':
        return html`<h2 id="title" part="title" tabindex="-1">${this.t('realname.title')}</h2>
          <div class="notice" part="result">
            ${this.sessionEnded ? html`<p>${this.t('error.code.UNAUTHENTICATED')}</p>` : nothing}
            ${this.formError?.message ? html`<p>${this.formError.message}</p>` : nothing}
            <p>${this.t(this.effectiveBackend ? 'realname.signedOut' : 'realname.noBackend')}</p>
          </div>`;
      case 'verified':
      case 'pending':
        return this.#renderOutcome(this.realName!);
      default:
        return this.#renderForm();
    }
  }

  /** Verified or pending: what was verified (number masked) and the next step. */
  #renderOutcome(result: RealNameResult) {
    const verified = result.status === 'verified';
    const masked = result.documentNumberMasked.includes('*')
      ? result.documentNumberMasked
      : maskDocumentNumber(result.documentNumberMasked);
    const validity = result.validTo
      ? this.t('realname.validity.range', { from: this.#formatDate(result.validFrom), to: this.#formatDate(result.validTo) })
      : this.t('realname.validity.toLongTerm', { from: this.#formatDate(result.validFrom) });
    return html`<h2 id="title" part="title" tabindex="-1">
        ${this.t(verified ? 'realname.verified.title' : 'realname.pending.title')}
      </h2>
      <div class="notice ${verified ? 'success' : 'warning'}" part="result">
        <p>${this.t(verified ? 'realname.verified.body' : 'realname.pending.body')}</p>
        ${!verified && result.reason ? html`<p>${this.t('realname.reason', { reason: result.reason })}</p>` : nothing}
        <dl class="summary-list">
          <div><dt>${this.t('realname.name.label')}</dt><dd>${result.name}</dd></div>
          <div><dt>${this.t('realname.documentType.label')}</dt><dd>${this.t(`document.${result.documentType}`)}</dd></div>
          <div><dt>${this.t('realname.documentNumber.label')}</dt><dd class="masked">${masked}</dd></div>
          <div><dt>${this.t('realname.validity.legend')}</dt><dd>${validity}</dd></div>
        </dl>
      </div>
      <p>${verified ? this.t('realname.verified.next') : this.#withContact('realname.pending.next')}</p>
      <div class="actions">${this.#renderHome()}</div>`;
  }

  #renderHome() {
    const label = this.t('realname.home');
    return this.homeHref
      ? html`<a class="button primary" part="home" href=${this.homeHref} @click=${(e: Event) => this.#home(e)}>${label}</a>`
      : html`<button type="button" class="primary" part="home" @click=${(e: Event) => this.#home(e)}>${label}</button>`;
  }

  #summaryItems(): SummaryItem[] {
    const seen = new Set<string>();
    const items: SummaryItem[] = [];
    for (const field of REALNAME_FIELDS) {
      const message = this.errors[field];
      if (!message || seen.has(message)) continue;
      seen.add(message);
      items.push({ field: FIELD_ID[field], message });
    }
    for (const message of this.formError?.others ?? []) items.push({ message });
    return items;
  }

  #derived(): { numberOk: boolean; derived: Derived | undefined } {
    const { check, info } = numberInfo(this.values.documentType, this.values.documentNumber);
    if (!check.ok) return { numberOk: false, derived: undefined };
    const derived = info
      ? { birthDate: info.birthDate, gender: info.gender, age: ageOn(info.birthDate) }
      : undefined;
    return { numberOk: true, derived };
  }

  #renderForm() {
    const submitting = this.busy;
    const rejected = this.realName?.status === 'rejected' ? this.realName : undefined;
    const texts: FieldTexts = { required: this.t('common.required'), errorPrefix: this.t('realname.errorPrefix') };
    const warning = this.#outcome()?.warning;
    const view: RealnameView = {
      values: this.values,
      errors: this.errors,
      texts,
      t: (key, params) => this.t(key, params),
      formatDate: this.#formatDate,
      ...this.#derived(),
      warning,
      disabled: false,
      set: (field, value) => this.#set(field, value),
      setLongTerm: (longTerm) => this.#setLongTerm(longTerm),
      blur: (field) => this.#blur(field),
    };
    return html`<h2 id="title" part="title" tabindex="-1">${this.t('realname.title')}</h2>
      ${rejected
        ? html`<div class="notice danger" part="result">
            <h3>${this.t('realname.rejected.title')}</h3>
            ${rejected.reason ? html`<p>${this.t('realname.reason', { reason: rejected.reason })}</p>` : nothing}
            <p>${this.#withContact('realname.rejected.next')}</p>
          </div>`
        : html`<p class="intro">${this.t('realname.intro')}</p>`}
      <slot name="alternative"></slot>
      ${this.showSummary
        ? errorSummary({
            title: this.t('realname.summaryTitle'),
            items: this.#summaryItems(),
            message: this.formError?.message || undefined,
            action: this.formError?.next
              ? html`<p class="next-step">${this.formError.next}</p>`
              : this.formError?.retry
                ? html`<button type="button" @click=${() => this.renderRoot.querySelector('form')?.requestSubmit()}>
                    ${this.t('common.retry')}
                  </button>`
                : nothing,
          })
        : nothing}
      <form part="form" novalidate aria-labelledby="title" @submit=${(event: Event) => this.#submit(event)}>
        ${renderRealnameFields(view)}
        <button class="primary submit" part="submit" type="submit" aria-disabled=${submitting ? 'true' : 'false'}>
          ${submitting ? this.t('realname.submitting') : this.t('realname.submit')}
        </button>
      </form>`;
  }
}

define('rk-realname', RkRealname, realnameZhCN, documentsZhCN);
