/**
 * The fields of `rk-realname` as Lit templates over a plain view object: name, document type,
 * number (checked live for the chosen type), what the ID number tells (read-only), validity.
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { DOCUMENT_TYPES } from '../../services/id-document.js';
import type { DocumentType, Gender } from '../../services/schemas.js';
import { describedBy, fieldFrame, textField, type FieldTexts } from '../base/field.js';
import type { RealnameErrors, RealnameField, RealnameValues } from './realname-model.js';

export interface Derived {
  birthDate: string;
  gender: Gender;
  age: number;
}

export interface RealnameView {
  values: RealnameValues;
  errors: RealnameErrors;
  texts: FieldTexts;
  t: (key: string, params?: Record<string, string | number>) => string;
  formatDate: (iso: string) => string;
  /** The number is complete and right for its type. */
  numberOk: boolean;
  derived: Derived | undefined;
  warning: string | undefined;
  disabled: boolean;
  set: (field: Exclude<keyof RealnameValues, 'longTerm'>, value: string) => void;
  setLongTerm: (longTerm: boolean) => void;
  blur: (field: RealnameField) => void;
}

export function renderRealnameFields(v: RealnameView) {
  return html`${name(v)}${documentType(v)}${documentNumber(v)}${derived(v)}${validity(v)}`;
}

function name(v: RealnameView) {
  return textField({
    id: 'name',
    label: v.t('realname.name.label'),
    hint: v.t('realname.name.hint'),
    texts: v.texts,
    required: true,
    value: v.values.name,
    autocomplete: 'name',
    maxlength: 50,
    error: v.errors.name,
    disabled: v.disabled,
    onInput: (value) => v.set('name', value),
    onBlur: () => v.blur('name'),
  });
}

function documentType(v: RealnameView) {
  const frame = {
    id: 'document-type',
    label: v.t('realname.documentType.label'),
    texts: v.texts,
    required: true,
    error: v.errors.documentType,
  };
  return fieldFrame(
    frame,
    html`<select
      id="document-type"
      name="documentType"
      part="input"
      ?disabled=${v.disabled}
      aria-invalid=${v.errors.documentType ? 'true' : 'false'}
      aria-describedby=${ifDefined(describedBy(frame))}
      @change=${(event: Event) => v.set('documentType', (event.target as HTMLSelectElement).value)}
    >
      ${DOCUMENT_TYPES.map(
        (type) =>
          html`<option value=${type} ?selected=${v.values.documentType === type}>${v.t(`document.${type}`)}</option>`,
      )}
    </select>`,
  );
}

function documentNumber(v: RealnameView) {
  const type: DocumentType = v.values.documentType;
  return textField({
    id: 'document-number',
    name: 'documentNumber',
    label: v.t('realname.documentNumber.label'),
    hint: v.t(`realname.documentNumber.hint.${type}`),
    texts: v.texts,
    required: true,
    value: v.values.documentNumber,
    autocomplete: 'off',
    inputmode: type === 'taiwan-pass' ? 'numeric' : 'text',
    autocapitalize: 'characters',
    verbatim: true,
    maxlength: 32,
    error: v.errors.documentNumber,
    ok: v.numberOk && !v.errors.documentNumber ? v.t('realname.documentNumber.ok') : undefined,
    disabled: v.disabled,
    onInput: (value) => v.set('documentNumber', value),
    onBlur: () => v.blur('documentNumber'),
  });
}

/** Birth date, gender and age from the ID number: shown, not typed (and announced when they appear). */
function derived(v: RealnameView) {
  const d = v.derived;
  return html`<div class="derived-region" aria-live="polite">
    ${d
      ? html`<div class="derived" part="derived">
          <p class="derived-title">${v.t('realname.derived.title')}</p>
          <dl>
            <div><dt>${v.t('realname.derived.birthDate')}</dt><dd>${v.formatDate(d.birthDate)}</dd></div>
            <div><dt>${v.t('realname.derived.gender')}</dt><dd>${v.t(`gender.${d.gender}`)}</dd></div>
            <div><dt>${v.t('realname.derived.age')}</dt><dd>${v.t('realname.derived.ageValue', { age: d.age })}</dd></div>
          </dl>
        </div>`
      : nothing}
  </div>`;
}

function validity(v: RealnameView) {
  const warning = v.warning;
  return html`<fieldset class="validity" part="validity">
    <legend>${v.t('realname.validity.legend')}</legend>
    <p class="hint" id="validity-hint">${v.t('realname.validity.hint')}</p>
    <div class="dates">
      ${textField({
        id: 'valid-from',
        name: 'validFrom',
        label: v.t('realname.validFrom.label'),
        hint: v.t('realname.date.hint'),
        texts: v.texts,
        required: true,
        value: v.values.validFrom,
        inputmode: 'numeric',
        autocomplete: 'off',
        verbatim: true,
        maxlength: 12,
        error: v.errors.validFrom,
        disabled: v.disabled,
        onInput: (value) => v.set('validFrom', value),
        onBlur: () => v.blur('validFrom'),
      })}
      ${textField({
        id: 'valid-to',
        name: 'validTo',
        label: v.t('realname.validTo.label'),
        hint: v.t('realname.date.hint'),
        texts: v.texts,
        required: !v.values.longTerm,
        value: v.values.longTerm ? '' : v.values.validTo,
        inputmode: 'numeric',
        autocomplete: 'off',
        verbatim: true,
        maxlength: 12,
        error: v.errors.validTo,
        warning,
        disabled: v.disabled || v.values.longTerm,
        after: html`<label class="choice long-term">
          <input
            type="checkbox"
            id="long-term"
            name="longTerm"
            .checked=${live(v.values.longTerm)}
            ?disabled=${v.disabled}
            aria-describedby=${ifDefined(warning ? 'valid-to-warning' : undefined)}
            @change=${(event: Event) => v.setLongTerm((event.target as HTMLInputElement).checked)}
          />${v.t('realname.longTerm')}
        </label>`,
        onInput: (value) => v.set('validTo', value),
        onBlur: () => v.blur('validTo'),
      })}
    </div>
  </fieldset>`;
}
