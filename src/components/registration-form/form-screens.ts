/**
 * The screens of `rk-registration-form`, one per state: the notices (loading, signed out, not
 * verified, load error), the form being filled in, the review (核对报考信息) and the read-only
 * views (window not open or closed, submitted, approved, locked). The element keeps the state
 * and the events; the screens read it (a `ScreenHost`) and call it back.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { isRkError } from '../../services/errors.js';
import type { Application } from '../../services/schemas.js';
import { errorSummary, type SummaryItem } from '../base/error-summary.js';
import { formatTime } from '../base/exam-format.js';
import { renderSections } from './form-fields.js';
import { fieldId, type FormField } from './form-model.js';
import { renderSummary } from './review-step.js';
import type { RkRegistrationForm } from './rk-registration-form.js';
import { FORM_ORDER } from './sections.js';

/**
 * @internal What the screens read and call on the element: its own members, those it has for
 * them alone marked `@internal` too (no part of its API: out of the manifest and the types).
 * They read the element itself rather than a copy of its state, which would cost every render
 * an object and the page the names of its fields twice over.
 */
export type ScreenHost = Pick<
  RkRegistrationForm,
  | 'state'
  | 'step'
  | 't'
  | 'localize'
  | 'effectiveBackend'
  | 'examSession'
  | 'failure'
  | 'application'
  | 'busy'
  | 'presetNote'
  | 'showSummary'
  | 'errors'
  | 'formError'
  | 'editablePersonal'
  | 'draftStore'
  | 'phones'
  | 'formatFen'
  | 'formatDateTime'
  | 'summaryView'
  | 'formView'
  | 'reload'
  | 'submit'
  | 'back'
  | 'continueToReview'
  | 'editField'
  | 'photoSlotChange'
>;

/** @internal The screen of the state the form is in. */
export function renderScreen(h: ScreenHost): TemplateResult {
  switch (h.state) {
    case 'loading':
      return html`${title(h, 'form.title')}
        <p role="status">${h.t('form.loading')}</p>
        ${photoSlotParked(h)}`;
    case 'signed-out':
      return html`${title(h, 'form.title')}
        <div class="notice" part="notice">
          <p>${h.t(h.effectiveBackend ? 'form.signedOut' : 'form.noBackend')}</p>
        </div>
        ${photoSlotParked(h)}`;
    case 'unverified':
      return html`${title(h, 'form.title')}
        <div class="notice warning" part="notice"><p>${h.t('form.unverified')}</p></div>
        ${photoSlotParked(h)}`;
    case 'load-error': {
      const error = h.failure;
      return html`${title(h, 'form.title')}
        <div class="notice danger" part="notice" role="alert">
          <p>${h.t('form.loadError', { reason: h.localize.error(error) })}</p>
          ${isRkError(error) && !error.retryable
            ? nothing
            : html`<button type="button" @click=${() => void h.reload()}>${h.t('common.retry')}</button>`}
        </div>
        ${photoSlotParked(h)}`;
    }
    case 'not-open':
    case 'closed':
    case 'submitted':
    case 'approved':
    case 'locked':
      return renderReadOnly(h);
    case 'review':
    case 'submitting':
      return h.step === 'review' ? renderReview(h) : renderForm(h);
    default:
      return renderForm(h);
  }
}

function title(h: ScreenHost, key: string): TemplateResult {
  return html`<h2 id="title" part="title" tabindex="-1">${h.t(key)}</h2>`;
}

/** Keeps a slotted checker out of sight (but in the slot) while the form is not shown. */
function photoSlotParked(h: ScreenHost): TemplateResult {
  return html`<div class="is-hidden"><slot name="photo" @slotchange=${(e: Event) => h.photoSlotChange(e)}></slot></div>`;
}

function renderSummaryBox(h: ScreenHost): TemplateResult | typeof nothing {
  if (!h.showSummary) return nothing;
  const items: SummaryItem[] = FORM_ORDER.filter((field) => h.errors[field]).map((field) => ({
    field: linkTarget(h, field),
    message: h.errors[field]!,
  }));
  // The backend's messages for fields this form does not have: as text, after the fields'.
  for (const message of h.formError?.others ?? []) items.push({ message });
  return errorSummary({
    title: h.t('form.summaryTitle'),
    items,
    message: h.formError?.message,
    action: h.formError?.retry
      ? html`<div class="actions">
          <button type="button" class="primary" part="retry" @click=${() => void h.submit()}>${h.t('form.retrySubmit')}</button>
        </div>`
      : nothing,
  });
}

/** The id a summary link goes to: the first radio of a radio group (GOV.UK), else the field. */
function linkTarget(h: ScreenHost, field: FormField): string {
  if (field === 'levelId') {
    const first = h.examSession?.plan.levels[0];
    return first ? `level-id-${first.id}` : fieldId(field);
  }
  if (field === 'gender' && h.editablePersonal.includes('gender')) return 'gender-male';
  return fieldId(field);
}

function renderRejected(h: ScreenHost): TemplateResult | typeof nothing {
  const application = h.application;
  if (application?.status !== 'rejected') return nothing;
  const exam = h.examSession!;
  return html`<div class="notice danger" part="notice">
    <h3>${h.t('form.rejected.title')}</h3>
    ${application.review?.reason ? html`<p class="reason">${h.t('form.rejected.reason', { reason: application.review.reason })}</p>` : nothing}
    <p>${h.t('form.rejected.next', { closesAt: h.formatDateTime(exam.registrationWindow.closesAt) })}</p>
  </div>`;
}

/** A glitch is retried by the store; a refusal (a rule of the backend) waits for the next change. */
function draftErrorText(h: ScreenHost, error: unknown): string {
  const reason = h.localize.error(error);
  if (isRkError(error) && !error.retryable) return h.t('form.draft.refused', { reason });
  // The sentence of a glitch ends with its own advice (重试); here only its first part.
  return h.t('form.draft.error', { reason: reason.split(/[，。,.]/)[0]! });
}

function renderSaveStatus(h: ScreenHost): TemplateResult {
  const store = h.draftStore;
  const state = store?.state ?? 'idle';
  const savedAt = store?.savedAt;
  const time = savedAt ? formatTime(h.localize.lang, savedAt) : '';
  const text =
    state === 'saving'
      ? h.t('form.draft.saving')
      : state === 'error'
        ? draftErrorText(h, store?.error)
        : state === 'pending'
          ? h.t('form.draft.pending')
          : state === 'saved'
            ? h.t('form.draft.saved', { time })
            : h.t('form.draft.idle');
  // Only a failure is announced: "saving… saved" on every pause in typing would be noise.
  return html`<p class="save-status ${state}" part="save-status">
    <span role=${state === 'error' ? 'status' : nothing}>${text}</span>
    ${state === 'error'
      ? html`<button type="button" class="link" @click=${() => store?.flush().catch(() => undefined)}>${h.t('form.draft.retry')}</button>`
      : nothing}
  </p>`;
}

function renderForm(h: ScreenHost): TemplateResult {
  const exam = h.examSession!;
  return html`${title(h, 'form.title')}
    <p class="round">${exam.name}</p>
    ${renderRejected(h)}
    ${h.presetNote ? html`<p class="notice success preset" part="notice">${h.presetNote}</p>` : nothing}
    ${renderSummaryBox(h)}
    <p class="intro">${h.t('form.intro')}</p>
    <form part="form" novalidate aria-labelledby="title" @submit=${(event: Event) => void h.continueToReview(event)}>
      ${renderSections(h.formView())}
      ${renderSaveStatus(h)}
      <button class="primary submit" part="continue" type="submit">${h.t('form.continue')}</button>
    </form>`;
}

function renderReview(h: ScreenHost): TemplateResult {
  const submitting = h.busy;
  return html`${title(h, 'form.review.title')}
    ${renderSummaryBox(h)}
    <p class="intro">${h.t('form.review.intro')}</p>
    ${renderSummary(h.summaryView((field) => void h.editField(field)))}
    <div class="declaration" part="declaration"><p>${h.t('form.review.declaration')}</p></div>
    <div class="actions review-actions">
      <button
        type="button"
        id="submit"
        class="primary submit"
        part="submit"
        aria-disabled=${submitting ? 'true' : 'false'}
        @click=${() => void h.submit()}
      >
        ${submitting ? h.t('form.submitting') : h.t('form.submit')}
      </button>
      <button type="button" part="back" ?disabled=${submitting} @click=${() => void h.back()}>${h.t('form.review.back')}</button>
    </div>
    ${photoSlotParked(h)}`;
}

function renderReadOnly(h: ScreenHost): TemplateResult {
  const exam = h.examSession!;
  const application = h.application;
  const window = exam.registrationWindow;
  const range = { opensAt: h.formatDateTime(window.opensAt), closesAt: h.formatDateTime(window.closesAt) };
  let titleKey = 'form.title';
  let notice: TemplateResult = html``;
  switch (h.state) {
    case 'not-open':
      titleKey = 'form.notOpen.title';
      notice = html`<div class="notice warning" part="notice"><p>${h.t('form.notOpen.body', range)}</p></div>`;
      break;
    case 'closed':
      titleKey = 'form.closed.title';
      notice = html`<div class="notice warning" part="notice">
        <p>${h.t('form.closed.body', range)}</p>
        ${application?.status === 'rejected' && application.review?.reason
          ? html`<p>${h.t('form.rejected.reason', { reason: application.review.reason })}</p>`
          : nothing}
      </div>`;
      break;
    case 'submitted':
      titleKey = 'form.submitted.title';
      notice = html`<div class="notice success" part="notice">
        <p>${h.t('form.submitted.body')}</p>
        ${numbers(h, application)}
      </div>`;
      break;
    case 'approved':
      titleKey = 'form.approved.title';
      notice = html`<div class="notice success" part="notice">
        <p>${h.t('form.approved.body')}</p>
        ${numbers(h, application)}
        <p>${h.t('form.approved.change')}</p>
      </div>`;
      break;
    default:
      notice = html`<div class="notice" part="notice">
        <p>${h.t('form.locked.body', { status: h.t(`form.status.${application?.status ?? 'draft'}`) })}</p>
        ${numbers(h, application)}
      </div>`;
  }
  const hasAnswers = application !== null && application !== undefined;
  return html`${title(h, titleKey)}
    <p class="round">${exam.name}</p>
    ${notice}
    ${hasAnswers ? html`<div class="answers">${renderSummary(h.summaryView())}</div>` : nothing}
    ${contact(h)} ${photoSlotParked(h)}`;
}

function numbers(h: ScreenHost, application: Application | null | undefined): TemplateResult | typeof nothing {
  if (!application) return nothing;
  return html`<dl class="numbers">
    ${application.registrationNumber
      ? html`<div><dt>${h.t('form.registrationNumber')}</dt><dd class="masked">${application.registrationNumber}</dd></div>`
      : nothing}
    ${application.submittedAt
      ? html`<div><dt>${h.t('form.submittedAt')}</dt><dd>${h.formatDateTime(application.submittedAt)}</dd></div>`
      : nothing}
    ${application.feeFen !== null
      ? html`<div><dt>${h.t('form.review.fee')}</dt><dd>${h.formatFen(application.feeFen)}</dd></div>`
      : nothing}
  </dl>`;
}

function contact(h: ScreenHost): TemplateResult | typeof nothing {
  return h.phones.length ? html`<p class="contact">${h.t('form.contact', { phones: h.phones.join('，') })}</p>` : nothing;
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
