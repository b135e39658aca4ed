/**
 * The registration form's values and how they map to the contract: the fields the candidate
 * edits (as typed, strings), the personal data that comes from the real-name result (read-only),
 * the input ids in the shadow root, and the conversion to `ApplicationInput` and to draft values.
 */
import { normalizeContact } from '../../services/contact.js';
import type { DraftFieldValue, DraftValues } from '../../services/draft-store.js';
import { normalizeDocumentNumber } from '../../services/id-document.js';
import { APPLICATION_FIELD_NAMES, isRequiredField } from '../../services/application-fields.js';
import type { ApplicationDraft, ApplicationFieldName, ApplicationStatus, ExamSession, RealNameResult } from '../../services/schemas.js';
import { BusinessError } from '../../services/errors.js';
import { FORM_ORDER } from './sections.js';
import { validationMessages } from '../base/validation-fields.js';

/**
 * Where the form stands (reflected as `state`):
 * `loading`; `signed-out`; `unverified` (real name not verified yet); `load-error` (with retry);
 * `not-open` / `closed` (outside the registration window: read-only with the dates);
 * `editing` (a draft, or a rejected application to correct); `review` (核对报考信息);
 * `submitting`; `submitted` (待审核, read-only); `approved` (read-only; changes only through a
 * change request); `locked` (paid and later: read-only).
 */
export type RegistrationFormState =
  | 'loading'
  | 'signed-out'
  | 'unverified'
  | 'load-error'
  | 'not-open'
  | 'closed'
  | 'editing'
  | 'review'
  | 'submitting'
  | 'submitted'
  | 'approved'
  | 'locked';

/** The statuses whose answers the candidate may still change (inside the registration window). */
export const EDITABLE_STATUSES: ReadonlySet<ApplicationStatus> = new Set(['draft', 'rejected']);

/** Where the round's registration window stands at `now` (the backend's clock). */
export function windowPhase(exam: ExamSession, now: number): 'not-open' | 'open' | 'closed' {
  if (now < Date.parse(exam.registrationWindow.opensAt)) return 'not-open';
  if (now > Date.parse(exam.registrationWindow.closesAt)) return 'closed';
  return 'open';
}

/** The form's values as typed (strings; `subjectIds` a list). */
export type FormValues = DraftValues;

/** Fields taken from the real-name verification: shown, never typed (except what it lacks). */
export const PERSONAL_FIELDS = ['name', 'documentType', 'documentNumber', 'gender', 'birthDate'] as const satisfies readonly ApplicationFieldName[];
export type PersonalField = (typeof PERSONAL_FIELDS)[number];

/** The form's problems are keyed by contract field, plus the photo. */
export type FormField = ApplicationFieldName | 'photo';
export type FormErrors = Partial<Record<FormField, string>>;

/** Which personal fields the real-name result lacks, so the candidate gives them. */
export function editablePersonal(realName: RealNameResult | null | undefined): PersonalField[] {
  const fields: PersonalField[] = [];
  if (realName && !realName.gender) fields.push('gender');
  if (realName && !realName.birthDate) fields.push('birthDate');
  return fields;
}

/** Whether the contract requires a field (its schema is not optional): the red `*`. */
export function isRequired(field: FormField): boolean {
  return field === 'photo' || isRequiredField(field);
}

/** The id of a field's input (or group) in the shadow root: `qualificationId` → `qualification-id`. */
export function fieldId(field: FormField): string {
  return field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The field an input id belongs to (the inverse of `fieldId`). */
export function fieldOfId(id: string): FormField | undefined {
  const field = id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return field === 'photo' || (APPLICATION_FIELD_NAMES as string[]).includes(field) ? (field as FormField) : undefined;
}

/** The form's values from the backend's saved fields (numbers as text; nulls left out). */
export function valuesFromFields(fields: ApplicationDraft): FormValues {
  const values: FormValues = {};
  for (const [field, value] of Object.entries(fields) as [ApplicationFieldName, ApplicationDraft[ApplicationFieldName]][]) {
    if (value === null || value === undefined) continue;
    values[field] = Array.isArray(value) ? [...value] : String(value);
  }
  return values;
}

/** Only the fields the candidate may edit (the local draft never keeps personal data). */
export function editableOnly(values: FormValues, editablePersonal: readonly PersonalField[] = []): FormValues {
  const result: FormValues = {};
  for (const [field, value] of Object.entries(values) as [ApplicationFieldName, DraftFieldValue][]) {
    if ((PERSONAL_FIELDS as readonly string[]).includes(field) && !editablePersonal.includes(field as PersonalField)) continue;
    result[field] = value;
  }
  return result;
}

/** The personal data of the real-name result, as form values (the number comes from the application). */
export function personalFromRealName(realName: RealNameResult | null | undefined): FormValues {
  if (!realName) return {};
  const values: FormValues = { name: realName.name, documentType: realName.documentType };
  if (realName.gender) values.gender = realName.gender;
  if (realName.birthDate) values.birthDate = realName.birthDate;
  return values;
}

/**
 * `2013-07`, `2013.7`, `2013/07`, `201307`, `2013年7月` (full-width digits too) → `2013-07`; null
 * when it is not a year and month.
 */
export function parseYearMonth(raw: string): string | null {
  const text = raw.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  const match = /^(\d{4})(\d{2})$/.exec(text) ?? /^(\d{4})\s*[.\-/年．]\s*(\d{1,2})\s*月?$/.exec(text);
  if (!match) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  return `${match[1]}-${String(month).padStart(2, '0')}`;
}

/** A date typed as on a document (`1990.5.12`, `19900512`, `1990年5月12日`) → `YYYY-MM-DD`, or null. */
export function parseDate(raw: string): string | null {
  const text = raw.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text) ?? /^(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > days) return null;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const YEAR_MONTH_FIELDS: ReadonlySet<ApplicationFieldName> = new Set(['workStartDate', 'graduationDate']);
const CONTACT_FIELDS: ReadonlySet<ApplicationFieldName> = new Set(['mobile', 'email', 'postalCode', 'landline']);

/** A typed value as the contract wants it: normalised text, a number of years, `undefined` when empty. */
export function contractValue(field: ApplicationFieldName, value: DraftFieldValue | undefined): unknown {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return [...value];
  const text = value.trim();
  if (text === '') return undefined;
  if (YEAR_MONTH_FIELDS.has(field)) return parseYearMonth(text) ?? text;
  if (field === 'birthDate') return parseDate(text) ?? text;
  if (field === 'professionalYears') {
    const digits = normalizeContact(text);
    return /^\d{1,3}$/.test(digits) ? Number(digits) : text;
  }
  if (field === 'documentNumber') return normalizeDocumentNumber(text);
  if (CONTACT_FIELDS.has(field)) return normalizeContact(text);
  return text;
}

/** The whole form as the `ApplicationInput` shape (unchecked: `ApplicationInput` checks it). */
export function toInput(values: FormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of APPLICATION_FIELD_NAMES) {
    const value = contractValue(field, values[field]);
    if (value !== undefined) input[field] = value;
  }
  if (!Array.isArray(input.subjectIds)) input.subjectIds = [];
  return input;
}

/** The value a draft sends for a typed value: `null` clears an emptied field. */
export function toDraftValue(field: ApplicationFieldName, value: DraftFieldValue): ApplicationDraft[ApplicationFieldName] {
  const converted = contractValue(field, value);
  if (converted === undefined) return Array.isArray(value) ? [] : null;
  return converted as ApplicationDraft[ApplicationFieldName];
}

/**
 * The backend's VALIDATION `details.fields`: each message at its field (see `validationMessages`);
 * `others` are the messages of fields the form does not have.
 */
export function fieldErrors(fields: unknown): { errors: FormErrors; others: string[] } {
  const known = new Set<string>(FORM_ORDER);
  const { placed, others } = validationMessages(fields, (name) => (known.has(name) ? (name as FormField) : null));
  return { errors: placed, others };
}

/** The values of some fields only. */
export function pick(values: FormValues, fields: readonly ApplicationFieldName[]): FormValues {
  const result: FormValues = {};
  for (const field of fields) if (values[field] !== undefined) result[field] = values[field];
  return result;
}

/** The backend refused because the window or the application changed meanwhile: show what is true now. */
export function windowChanged(error: unknown): boolean {
  return error instanceof BusinessError && ['WINDOW_CLOSED', 'WINDOW_NOT_OPEN', 'INVALID_STATE'].includes(error.code);
}
