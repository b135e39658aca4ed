/**
 * "核对报考信息" (GOV.UK "check your answers"): every answer of the form, section by section,
 * each with a change link that goes back to the form and focuses the field. The same summary,
 * without change links, is the read-only view of a submitted, approved or closed application.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ApplicationFieldName, ExamSession, Subject } from '../../services/schemas.js';
import { feeOf, findProvince, selectionOf } from './cascade.js';
import { contractValue, PERSONAL_FIELDS, type FormField, type FormValues, type PersonalField } from './form-model.js';
import { OPTION_LISTS, SECTIONS, type SectionId } from './sections.js';

export interface SummaryView {
  session: ExamSession;
  values: FormValues;
  t: (key: string, params?: Record<string, string | number>) => string;
  maskedNumber: string;
  editablePersonal: readonly PersonalField[];
  photoUrl: string | undefined;
  formatSitting: (subject: Subject) => string;
  formatFen: (fen: number) => string;
  formatDate: (iso: string) => string;
  /** Goes back to the form at a field; without it, the summary is read-only. */
  change?: (field: FormField) => void;
}

/** The answers, section by section. */
export function renderSummary(v: SummaryView): TemplateResult {
  return html`${SECTIONS.map(
    (section) => html`<section class="summary-section" part="summary-section" aria-labelledby=${`summary-${section.id}`}>
      <h3 id=${`summary-${section.id}`}>${v.t(`form.section.${section.id}`)}</h3>
      ${section.id === 'personal' && v.change ? html`<p class="hint">${v.t('form.review.fromRealName')}</p>` : nothing}
      <dl class="summary-list" part="summary">
        ${section.fields.map((field) => row(v, section.id, field))}
        ${section.id === 'exam' ? feeRow(v) : nothing}
      </dl>
    </section>`,
  )}`;
}

function row(v: SummaryView, section: SectionId, field: FormField): TemplateResult {
  const personal = (PERSONAL_FIELDS as readonly string[]).includes(field);
  const changeable = v.change && (!personal || v.editablePersonal.includes(field as PersonalField));
  const label = v.t(`form.${field}.label`);
  return html`<div class="summary-row" data-section=${section}>
    <dt>${label}</dt>
    <dd class=${field === 'documentNumber' ? 'masked' : ''}>${shown(v, field)}</dd>
    <dd class="summary-action">
      ${changeable
        ? html`<button type="button" class="link change" part="change" @click=${() => v.change!(field)}>
            ${v.t('form.review.change')}<span class="visually-hidden">${label}</span>
          </button>`
        : nothing}
    </dd>
  </div>`;
}

function feeRow(v: SummaryView): TemplateResult | typeof nothing {
  const fee = feeOf(selectionOf(v.session, v.values));
  if (fee === null) return nothing;
  return html`<div class="summary-row">
    <dt>${v.t('form.review.fee')}</dt>
    <dd>${v.formatFen(fee)}</dd>
    <dd class="summary-action"></dd>
  </div>`;
}

/** An answer as the candidate reads it: names instead of codes, "未填写" for an empty field. */
function shown(v: SummaryView, field: FormField): TemplateResult | string {
  const empty = v.t('form.review.empty');
  if (field === 'photo') {
    return v.photoUrl ? html`<img class="summary-photo" src=${v.photoUrl} alt=${v.t('form.photo.alt')} />` : empty;
  }
  const raw = v.values[field];
  if (field === 'documentNumber') return v.maskedNumber || empty;
  const selection = selectionOf(v.session, v.values);
  switch (field) {
    case 'levelId':
      return selection.level?.name ?? empty;
    case 'qualificationId':
      return selection.qualification?.name ?? empty;
    case 'subjectIds':
      return selection.subjects.length
        ? html`<ul class="plain-list">
            ${selection.subjects.map((s) => html`<li>${s.name}<span class="subject-time">${v.formatSitting(s)}</span></li>`)}
          </ul>`
        : empty;
    case 'provinceCode':
      return selection.province?.name ?? empty;
    case 'areaCode': {
      const province = findProvince(v.session, typeof v.values.provinceCode === 'string' ? v.values.provinceCode : undefined);
      return province?.areas.find((a) => a.code === raw)?.name ?? empty;
    }
    case 'documentType':
      return typeof raw === 'string' && raw ? v.t(`document.${raw}`) : empty;
    case 'gender':
      return typeof raw === 'string' && raw ? v.t(`gender.${raw}`) : empty;
    default:
      break;
  }
  const list = OPTION_LISTS[field];
  if (list) return v.session.formOptions[list].find((option) => option.code === raw)?.name ?? empty;
  const value = contractValue(field as ApplicationFieldName, raw);
  if (value === undefined) return empty;
  if (field === 'birthDate' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return v.formatDate(value);
  if (field === 'professionalYears' && typeof value === 'number') return v.t('form.review.years', { years: value });
  return String(value);
}
