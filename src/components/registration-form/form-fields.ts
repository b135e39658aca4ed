/**
 * The sections of `rk-registration-form` as Lit templates over a plain view object: 报考信息
 * (level radios → qualification → its subjects, read-only), 考区, 个人信息 (from the real-name
 * result, read-only), 职称与工作, 学历, 联系方式 and the photo (rendered by the element).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { ApplicationFieldName, ExamSession, Option, Subject } from '../../services/schemas.js';
import { describedBy, fieldFrame, fieldsetFrame, textField, type FieldTexts } from '../base/field.js';
import { feeOf, findLevel, findProvince, selectionOf } from './cascade.js';
import { fieldId, isRequired, type FormErrors, type FormField, type FormValues, type PersonalField } from './form-model.js';
import { OPTION_LISTS, SECTIONS, TEXT_FIELDS, type SectionId } from './sections.js';

export interface FormView {
  session: ExamSession;
  values: FormValues;
  errors: FormErrors;
  texts: FieldTexts;
  t: (key: string, params?: Record<string, string | number>) => string;
  /** Personal fields the real-name result lacks (passports): the candidate types them. */
  editablePersonal: readonly PersonalField[];
  /** The document number as shown (masked). */
  maskedNumber: string;
  formatSitting: (subject: Subject) => string;
  formatFen: (fen: number) => string;
  formatDate: (iso: string) => string;
  /** The photo section's content. */
  photo: TemplateResult;
  set: (field: ApplicationFieldName, value: string) => void;
  blur: (field: ApplicationFieldName) => void;
}

export function renderSections(v: FormView): TemplateResult {
  return html`${SECTIONS.map((section) => renderSection(v, section.id))}`;
}

function renderSection(v: FormView, id: SectionId): TemplateResult {
  const body = (() => {
    switch (id) {
      case 'exam':
        return html`${level(v)}${qualification(v)}${subjects(v)}`;
      case 'area':
        return html`${province(v)}${area(v)}`;
      case 'personal':
        return personal(v);
      case 'photo':
        return v.photo;
      default:
        return html`${SECTIONS.find((section) => section.id === id)!.fields.map((field) => plainField(v, field as ApplicationFieldName))}`;
    }
  })();
  return html`<section class="form-section" part="section" aria-labelledby=${`section-${id}`}>
    <h3 id=${`section-${id}`} part="section-title">
      ${v.t(`form.section.${id}`)}${id === 'photo'
        ? // The photo is the section's one field: its heading names it (and says it is required), not a label beneath.
          html`<span class="required-mark" aria-hidden="true">*</span><span class="visually-hidden">（${v.texts.required}）</span>`
        : nothing}
    </h3>
    ${id === 'personal' || id === 'work' || id === 'education'
      ? html`<p class="hint section-hint">${v.t(`form.section.${id}.hint`)}</p>`
      : nothing}
    ${body}
  </section>`;
}

function frame(v: FormView, field: FormField, hint?: string) {
  return {
    id: fieldId(field),
    label: v.t(`form.${field}.label`),
    texts: v.texts,
    required: isRequired(field),
    error: v.errors[field],
    hint,
  };
}

function text(values: FormValues, field: ApplicationFieldName): string {
  const value = values[field];
  return typeof value === 'string' ? value : '';
}

/**
 * A select with a "请选择" first option (so nothing is chosen for the candidate). Each option's
 * `selected` is set as a property, checked against the page (`live`): Firefox no longer follows
 * the `selected` attribute once the candidate has picked an option, and would go on showing a
 * qualification the form no longer holds after the level changed.
 */
function select(v: FormView, field: ApplicationFieldName, options: Option[], hint?: string, disabledWhenEmpty?: string) {
  const f = frame(v, field, options.length === 0 && disabledWhenEmpty ? disabledWhenEmpty : hint);
  const value = text(v.values, field);
  return fieldFrame(
    f,
    html`<select
      id=${f.id}
      name=${field}
      part="input"
      class="select"
      ?disabled=${options.length === 0}
      aria-required=${ifDefined(f.required ? 'true' : undefined)}
      aria-invalid=${f.error ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(f))}
      @change=${(event: Event) => v.set(field, (event.target as HTMLSelectElement).value)}
      @blur=${() => v.blur(field)}
    >
      <option value="" .selected=${live(value === '')}>${v.t('form.choose')}</option>
      ${options.map((option) => html`<option value=${option.code} .selected=${live(option.code === value)}>${option.name}</option>`)}
    </select>`,
  );
}

// --- 报考信息 ----------------------------------------------------------------------------------

/** 报考级别: few choices, so radios (all visible at once, large targets). */
function level(v: FormView) {
  const f = frame(v, 'levelId', v.t('form.levelId.hint'));
  const value = text(v.values, 'levelId');
  return fieldsetFrame(
    f,
    html`<div class="choices">
      ${v.session.plan.levels.map(
        (lvl) => html`<label class="choice">
          <input
            type="radio"
            name="levelId"
            id=${`level-id-${lvl.id}`}
            value=${lvl.id}
            .checked=${live(value === lvl.id)}
            aria-invalid=${f.error ? 'true' : 'false'}
            @change=${() => v.set('levelId', lvl.id)}
          />${lvl.name}
        </label>`,
      )}
    </div>`,
  );
}

function qualification(v: FormView) {
  const lvl = findLevel(v.session, text(v.values, 'levelId'));
  const options = (lvl?.qualifications ?? []).map((q) => ({ code: q.id, name: q.name }));
  return select(v, 'qualificationId', options, undefined, v.t('form.qualificationId.chooseLevelFirst'));
}

/** The subjects follow from the qualification: shown, not chosen. */
function subjects(v: FormView) {
  const selection = selectionOf(v.session, v.values);
  const id = fieldId('subjectIds');
  const error = v.errors.subjectIds;
  const fee = feeOf(selection);
  const f = { id, error, hint: v.t('form.subjectIds.hint') };
  return html`<div
    class="field subjects ${error ? 'has-error' : ''}"
    part="field"
    id=${id}
    role="group"
    tabindex="-1"
    aria-labelledby=${`${id}-label`}
    aria-describedby=${ifDefined(describedBy(f))}
  >
    <p class="label" id=${`${id}-label`}>
      ${v.t('form.subjectIds.label')}<span class="required-mark" aria-hidden="true">*</span
      ><span class="visually-hidden">（${v.texts.required}）</span>
    </p>
    <div class="hint" part="hint" id=${`${id}-hint`}>${v.t('form.subjectIds.hint')}</div>
    ${error
      ? html`<span class="error-message" part="error-message" id=${`${id}-error`}
          ><span class="visually-hidden">${v.texts.errorPrefix}</span>${error}</span
        >`
      : nothing}
    <div aria-live="polite">
      ${selection.qualification
        ? html`<ul class="subject-list" part="subjects">
              ${selection.qualification.subjects.map(
                (subject) => html`<li>
                  <span class="subject-name">${subject.name}</span>
                  <span class="subject-time">${v.formatSitting(subject)}</span>
                </li>`,
              )}
            </ul>
            ${fee !== null ? html`<p class="fee" part="fee">${v.t('form.fee', { amount: v.formatFen(fee) })}</p>` : nothing}`
        : html`<p class="placeholder">${v.t('form.subjectIds.none')}</p>`}
    </div>
  </div>`;
}

// --- 考区 ----------------------------------------------------------------------------------------

function province(v: FormView) {
  const options = v.session.provinces.map((p) => ({ code: p.code, name: p.name }));
  return select(v, 'provinceCode', options, v.t('form.provinceCode.hint'));
}

function area(v: FormView) {
  const p = findProvince(v.session, text(v.values, 'provinceCode'));
  return select(v, 'areaCode', p?.areas ?? [], v.t('form.areaCode.hint'), v.t('form.areaCode.chooseProvinceFirst'));
}

// --- 个人信息 -----------------------------------------------------------------------------------

function personal(v: FormView) {
  const row = (field: PersonalField, shown: string, masked = false) => html`<div>
    <dt>${v.t(`form.${field}.label`)}</dt>
    <dd id=${fieldId(field)} tabindex="-1" class=${masked ? 'masked' : ''}>
      ${shown || v.t('form.notGiven')}
      ${v.errors[field] ? html`<span class="error-message">${v.errors[field]}</span>` : nothing}
    </dd>
  </div>`;
  const value = (field: PersonalField) => text(v.values, field);
  const documentType = value('documentType');
  const editable = (field: PersonalField) => v.editablePersonal.includes(field);
  return html`<dl class="personal" part="personal">
      ${row('name', value('name'))}
      ${row('documentType', documentType ? v.t(`document.${documentType}`) : '')}
      ${row('documentNumber', v.maskedNumber, true)}
      ${editable('gender') ? nothing : row('gender', value('gender') ? v.t(`gender.${value('gender')}`) : '')}
      ${editable('birthDate') ? nothing : row('birthDate', value('birthDate') ? v.formatDate(value('birthDate')) : '')}
    </dl>
    ${editable('gender') ? gender(v) : nothing} ${editable('birthDate') ? plainField(v, 'birthDate') : nothing}`;
}

/** Asked only when the document does not carry it (passports and other non-ID documents). */
function gender(v: FormView) {
  const f = frame(v, 'gender');
  const value = text(v.values, 'gender');
  return fieldsetFrame(
    f,
    html`<div class="choices">
      ${(['male', 'female'] as const).map(
        (g) => html`<label class="choice">
          <input
            type="radio"
            name="gender"
            id=${`gender-${g}`}
            value=${g}
            .checked=${live(value === g)}
            @change=${() => v.set('gender', g)}
          />${v.t(`gender.${g}`)}
        </label>`,
      )}
    </div>`,
  );
}

// --- 职称与工作, 学历, 联系方式 ----------------------------------------------------------------

function plainField(v: FormView, field: ApplicationFieldName): TemplateResult {
  const list = OPTION_LISTS[field];
  if (list) return select(v, field, v.session.formOptions[list], hintOf(v, field));
  const spec = TEXT_FIELDS[field] ?? { maxlength: 100 };
  const f = frame(v, field, spec.hint ? v.t(`form.${field}.hint`) : undefined);
  return html`<div class=${`width-${spec.width ?? 'full'}`}>
    ${textField({
      ...f,
      hint: f.hint,
      name: field,
      value: text(v.values, field),
      type: spec.type ?? 'text',
      inputmode: spec.inputmode,
      autocomplete: spec.autocomplete,
      maxlength: spec.maxlength,
      verbatim: spec.verbatim,
      onInput: (value) => v.set(field, value),
      onBlur: () => v.blur(field),
    })}
  </div>`;
}

function hintOf(v: FormView, field: ApplicationFieldName): string | undefined {
  return field === 'feeCategory' || field === 'workLocation' ? v.t(`form.${field}.hint`) : undefined;
}
