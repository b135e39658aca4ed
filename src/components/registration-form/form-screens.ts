/**
 * The screens of `rk-registration-form`, one per state: the notices (loading, signed out, not
 * verified, load error), the form being filled in, the review (核对报考信息) and the read-only
 * views (window not open or closed, submitted, approved, locked). The element keeps the state
 * and the events; it gives each screen a `ScreenView` of what it shows and what its buttons do.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isRkError } from '../../services/errors.js';
import type { DraftStore } from '../../services/draft-store.js';
import type { Locale } from '../../services/i18n/index.js';
import type { Application, ExamSession } from '../../services/schemas.js';
import { errorSummary, type SummaryItem } from '../base/error-summary.js';
import { formatTime } from '../base/exam-format.js';
import { renderSections, type FormView } from './form-fields.js';
import { fieldId, type FormErrors, type FormField, type PersonalField, type RegistrationFormState } from './form-model.js';
import { renderSummary, type SummaryView } from './review-step.js';
import { FORM_ORDER } from './sections.js';

export interface ScreenView {
  state: RegistrationFormState;
  step: 'form' | 'review';
  t: (key: string, params?: Record<string, string | number>) => string;
  lang: Locale;
  /** An error as the candidate reads it. */
  errorText: (error: unknown) => string;
  hasBackend: boolean;
  /** The round (the exam session), once loaded. */
  exam: ExamSession | undefined;
  /** Why the round or the application could not be loaded. */
  loadError: unknown;
  application: Application | null | undefined;
  busy: boolean;
  presetNote: string;
  showSummary: boolean;
  errors: FormErrors;
  formError: { message: string; retry: boolean } | undefined;
  editablePersonal: readonly PersonalField[];
  draft: DraftStore | undefined;
  /** The office's help lines. */
  phones: readonly string[];
  formatFen: (fen: number) => string;
  formatDateTime: (iso: string) => string;
  /** The answers (with change links when `change` is given). */
  summary: (change?: (field: FormField) => void) => SummaryView;
  /** The form's sections, the photo's included. */
  fields: () => FormView;
  reload: () => void;
  submit: () => void;
  back: () => void;
  continue: (event: Event) => void;
  edit: (field: FormField) => void;
  onSlotChange: (event: Event) => void;
}

/** The screen of the state the form is in. */
export function renderScreen(v: ScreenView): TemplateResult {
  switch (v.state) {
    case 'loading':
      return html`${title(v, 'form.title')}
        <p role="status">${v.t('form.loading')}</p>
        ${photoSlotParked(v)}`;
    case 'signed-out':
      return html`${title(v, 'form.title')}
        <div class="notice" part="notice">
          <p>${v.t(v.hasBackend ? 'form.signedOut' : 'form.noBackend')}</p>
        </div>
        ${photoSlotParked(v)}`;
    case 'unverified':
      return html`${title(v, 'form.title')}
        <div class="notice warning" part="notice"><p>${v.t('form.unverified')}</p></div>
        ${photoSlotParked(v)}`;
    case 'load-error': {
      const error = v.loadError;
      return html`${title(v, 'form.title')}
        <div class="notice danger" part="notice" role="alert">
          <p>${v.t('form.loadError', { reason: v.errorText(error) })}</p>
          ${isRkError(error) && !error.retryable
            ? nothing
            : html`<button type="button" @click=${() => v.reload()}>${v.t('common.retry')}</button>`}
        </div>
        ${photoSlotParked(v)}`;
    }
    case 'not-open':
    case 'closed':
    case 'submitted':
    case 'approved':
    case 'locked':
      return renderReadOnly(v);
    case 'review':
    case 'submitting':
      return v.step === 'review' ? renderReview(v) : renderForm(v);
    default:
      return renderForm(v);
  }
}

function title(v: ScreenView, key: string): TemplateResult {
  return html`<h2 id="title" part="title" tabindex="-1">${v.t(key)}</h2>`;
}

/** Keeps a slotted checker out of sight (but in the slot) while the form is not shown. */
function photoSlotParked(v: ScreenView): TemplateResult {
  return html`<div class="is-hidden"><slot name="photo" @slotchange=${(e: Event) => v.onSlotChange(e)}></slot></div>`;
}

function renderSummaryBox(v: ScreenView): TemplateResult | typeof nothing {
  if (!v.showSummary) return nothing;
  const items: SummaryItem[] = FORM_ORDER.filter((field) => v.errors[field]).map((field) => ({
    field: linkTarget(v, field),
    message: v.errors[field]!,
  }));
  return errorSummary({
    title: v.t('form.summaryTitle'),
    items,
    message: v.formError?.message,
    action: v.formError?.retry
      ? html`<div class="actions">
          <button type="button" class="primary" part="retry" @click=${() => v.submit()}>${v.t('form.retrySubmit')}</button>
        </div>`
      : nothing,
  });
}

/** The id a summary link goes to: the first radio of a radio group (GOV.UK), else the field. */
function linkTarget(v: ScreenView, field: FormField): string {
  if (field === 'levelId') {
    const first = v.exam?.plan.levels[0];
    return first ? `level-id-${first.id}` : fieldId(field);
  }
  if (field === 'gender' && v.editablePersonal.includes('gender')) return 'gender-male';
  return fieldId(field);
}

function renderRejected(v: ScreenView): TemplateResult | typeof nothing {
  const application = v.application;
  if (application?.status !== 'rejected') return nothing;
  const exam = v.exam!;
  return html`<div class="notice danger" part="notice">
    <h3>${v.t('form.rejected.title')}</h3>
    ${application.review?.reason ? html`<p class="reason">${v.t('form.rejected.reason', { reason: application.review.reason })}</p>` : nothing}
    <p>${v.t('form.rejected.next', { closesAt: v.formatDateTime(exam.registrationWindow.closesAt) })}</p>
  </div>`;
}

/** A glitch is retried by the store; a refusal (a rule of the backend) waits for the next change. */
function draftErrorText(v: ScreenView, error: unknown): string {
  const reason = v.errorText(error);
  if (isRkError(error) && !error.retryable) return v.t('form.draft.refused', { reason });
  // The sentence of a glitch ends with its own advice (重试); here only its first part.
  return v.t('form.draft.error', { reason: reason.split(/[，。,.]/)[0]! });
}

function renderSaveStatus(v: ScreenView): TemplateResult {
  const store = v.draft;
  const state = store?.state ?? 'idle';
  const savedAt = store?.savedAt;
  const time = savedAt ? formatTime(v.lang, savedAt) : '';
  const text =
    state === 'saving'
      ? v.t('form.draft.saving')
      : state === 'error'
        ? draftErrorText(v, store?.error)
        : state === 'pending'
          ? v.t('form.draft.pending')
          : state === 'saved'
            ? v.t('form.draft.saved', { time })
            : v.t('form.draft.idle');
  // Only a failure is announced: "saving… saved" on every pause in typing would be noise.
  return html`<p class="save-status ${state}" part="save-status">
    <span role=${state === 'error' ? 'status' : nothing}>${text}</span>
    ${state === 'error'
      ? html`<button type="button" class="link" @click=${() => store?.flush().catch(() => undefined)}>${v.t('form.draft.retry')}</button>`
      : nothing}
  </p>`;
}

function renderForm(v: ScreenView): TemplateResult {
  const exam = v.exam!;
  return html`${title(v, 'form.title')}
    <p class="round">${exam.name}</p>
    ${renderRejected(v)}
    ${v.presetNote ? html`<p class="notice success preset" part="notice">${v.presetNote}</p>` : nothing}
    ${renderSummaryBox(v)}
    <p class="intro">${v.t('form.intro')}</p>
    <form part="form" novalidate aria-labelledby="title" @submit=${(event: Event) => v.continue(event)}>
      ${renderSections(v.fields())}
      ${renderSaveStatus(v)}
      <button class="primary submit" part="continue" type="submit">${v.t('form.continue')}</button>
    </form>`;
}

function renderReview(v: ScreenView): TemplateResult {
  const submitting = v.busy;
  return html`${title(v, 'form.review.title')}
    ${renderSummaryBox(v)}
    <p class="intro">${v.t('form.review.intro')}</p>
    ${renderSummary(v.summary((field) => v.edit(field)))}
    <div class="declaration" part="declaration"><p>${v.t('form.review.declaration')}</p></div>
    <div class="actions review-actions">
      <button
        type="button"
        id="submit"
        class="primary submit"
        part="submit"
        aria-disabled=${submitting ? 'true' : 'false'}
        @click=${() => v.submit()}
      >
        ${submitting ? v.t('form.submitting') : v.t('form.submit')}
      </button>
      <button type="button" part="back" ?disabled=${submitting} @click=${() => v.back()}>${v.t('form.review.back')}</button>
    </div>
    ${photoSlotParked(v)}`;
}

function renderReadOnly(v: ScreenView): TemplateResult {
  const exam = v.exam!;
  const application = v.application;
  const window = exam.registrationWindow;
  const range = { opensAt: v.formatDateTime(window.opensAt), closesAt: v.formatDateTime(window.closesAt) };
  let titleKey = 'form.title';
  let notice: TemplateResult = html``;
  switch (v.state) {
    case 'not-open':
      titleKey = 'form.notOpen.title';
      notice = html`<div class="notice warning" part="notice"><p>${v.t('form.notOpen.body', range)}</p></div>`;
      break;
    case 'closed':
      titleKey = 'form.closed.title';
      notice = html`<div class="notice warning" part="notice">
        <p>${v.t('form.closed.body', range)}</p>
        ${application?.status === 'rejected' && application.review?.reason
          ? html`<p>${v.t('form.rejected.reason', { reason: application.review.reason })}</p>`
          : nothing}
      </div>`;
      break;
    case 'submitted':
      titleKey = 'form.submitted.title';
      notice = html`<div class="notice success" part="notice">
        <p>${v.t('form.submitted.body')}</p>
        ${numbers(v, application)}
      </div>`;
      break;
    case 'approved':
      titleKey = 'form.approved.title';
      notice = html`<div class="notice success" part="notice">
        <p>${v.t('form.approved.body')}</p>
        ${numbers(v, application)}
        <p>${v.t('form.approved.change')}</p>
      </div>`;
      break;
    default:
      notice = html`<div class="notice" part="notice">
        <p>${v.t('form.locked.body', { status: v.t(`form.status.${application?.status ?? 'draft'}`) })}</p>
        ${numbers(v, application)}
      </div>`;
  }
  const hasAnswers = application !== null && application !== undefined;
  return html`${title(v, titleKey)}
    <p class="round">${exam.name}</p>
    ${notice}
    ${hasAnswers ? html`<div class="answers">${renderSummary(v.summary())}</div>` : nothing}
    ${contact(v)} ${photoSlotParked(v)}`;
}

function numbers(v: ScreenView, application: Application | null | undefined): TemplateResult | typeof nothing {
  if (!application) return nothing;
  return html`<dl class="numbers">
    ${application.registrationNumber
      ? html`<div><dt>${v.t('form.registrationNumber')}</dt><dd class="masked">${application.registrationNumber}</dd></div>`
      : nothing}
    ${application.submittedAt
      ? html`<div><dt>${v.t('form.submittedAt')}</dt><dd>${v.formatDateTime(application.submittedAt)}</dd></div>`
      : nothing}
    ${application.feeFen !== null
      ? html`<div><dt>${v.t('form.review.fee')}</dt><dd>${v.formatFen(application.feeFen)}</dd></div>`
      : nothing}
  </dl>`;
}

function contact(v: ScreenView): TemplateResult | typeof nothing {
  return v.phones.length ? html`<p class="contact">${v.t('form.contact', { phones: v.phones.join('，') })}</p>` : nothing;
}

/** Scrolls a field's label into view and focuses the field (a radio group: its checked or first radio). */
export function focusField(root: ShadowRoot, field: FormField): void {
  const id = fieldId(field);
  const group = root.getElementById(id);
  const target =
    group instanceof HTMLFieldSetElement
      ? (group.querySelector<HTMLInputElement>('input:checked') ?? group.querySelector<HTMLInputElement>('input'))
      : field === 'photo'
        ? (root.querySelector<HTMLElement>('[part~="photo-replace"], #photo-file') ?? group)
        : group;
  const label = root.querySelector(`label[for="${id}"]`) ?? group?.closest('fieldset')?.querySelector('legend') ?? group;
  label?.scrollIntoView?.({ block: 'start' });
  target?.focus({ preventScroll: true });
}
