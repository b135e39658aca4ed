/**
 * The checks of the registration form: the contract's `ApplicationInput` schema (through
 * `checkInput`, so the messages are the `v.*` ones in the candidate's language), then what the
 * schema cannot know: that the level, qualification, subjects, province, exam area and options
 * exist in this round, and that a photo was accepted.
 *
 * rk-registration-form fetches this module when it connects: zod and the schemas (about 10 KB)
 * are not needed to paint the form, only to check it.
 */
import type * as z from 'zod/mini';
import { ApplicationInput, type ApplicationFieldName, type ExamSession, type FormOptions } from '../../services/schemas.js';
import type { Checked } from '../../services/validation.js';
import { findLevel, findProvince, findQualification } from './cascade.js';
import { isRequired, toInput, type FormErrors, type FormField, type FormValues } from './form-model.js';
import { FORM_ORDER, OPTION_LISTS } from './sections.js';

export { checkInput } from '../../services/validation.js';

/** Fields whose generic message would be ambiguous in the summary (two year-months, a number). */
const NAMED_MESSAGES: ReadonlySet<ApplicationFieldName> = new Set(['workStartDate', 'graduationDate', 'professionalYears', 'birthDate']);

export interface FormChecker {
  check<S extends z.ZodMiniType>(schema: S, value: unknown): Checked<z.infer<S>>;
  t(key: string, params?: Record<string, string | number>): string;
}

export interface CheckContext {
  session: ExamSession;
  /** Whether an accepted photo is attached (from the backend or `rk-photo-accepted`). */
  photoAccepted: boolean;
  checker: FormChecker;
}

export interface FormOutcome {
  ok: boolean;
  /** The checked input, when `ok`. */
  input: ApplicationInput | undefined;
  errors: FormErrors;
}

function isEmpty(value: FormValues[ApplicationFieldName]): boolean {
  return value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');
}

/** Every problem of the form, in the order of the form. */
export function checkForm(values: FormValues, ctx: CheckContext): FormOutcome {
  const { checker, session } = ctx;
  const errors: FormErrors = {};
  const checked = checker.check(ApplicationInput, toInput(values));
  if (!checked.ok) {
    for (const [path, message] of Object.entries(checked.errors)) {
      const field = path.split('.')[0] as ApplicationFieldName;
      if (!field || errors[field]) continue;
      if (isEmpty(values[field]) && isRequired(field)) errors[field] = checker.t(`form.${field}.required`);
      // The summary lists messages without their labels: say which date or number is wrong.
      else if (NAMED_MESSAGES.has(field)) errors[field] = checker.t(`form.${field}.invalid`);
      else errors[field] = message;
    }
  }
  roundChecks(values, session, errors, checker);
  // The subjects follow from the qualification: one message is enough.
  if (errors.qualificationId) delete errors.subjectIds;
  if (!ctx.photoAccepted) errors.photo = checker.t('form.photo.required');
  const ordered: FormErrors = {};
  for (const field of FORM_ORDER) if (errors[field]) ordered[field] = errors[field];
  const ok = Object.keys(ordered).length === 0 && checked.ok;
  return { ok, input: ok && checked.ok ? checked.data : undefined, errors: ordered };
}

/** The problem of one field (for the check on leaving it), or undefined. */
export function checkField(values: FormValues, field: FormField, ctx: CheckContext): string | undefined {
  return checkForm(values, ctx).errors[field];
}

/** Choices that must exist in this round's plan, regions and option lists. */
function roundChecks(values: FormValues, session: ExamSession, errors: FormErrors, checker: FormChecker): void {
  const text = (field: ApplicationFieldName) => {
    const value = values[field];
    return typeof value === 'string' ? value.trim() : '';
  };
  const level = findLevel(session, text('levelId'));
  if (!errors.levelId && text('levelId') && !level) errors.levelId = checker.t('form.v.notInRound');
  const qualification = findQualification(level, text('qualificationId'));
  if (!errors.qualificationId && level && text('qualificationId') && !qualification) {
    errors.qualificationId = checker.t('form.v.notInRound');
  }
  if (!errors.subjectIds && qualification) {
    const chosen = new Set(Array.isArray(values.subjectIds) ? values.subjectIds : []);
    const all = qualification.subjects.map((subject) => subject.id);
    if (all.some((id) => !chosen.has(id)) || chosen.size !== all.length) errors.subjectIds = checker.t('form.v.subjects');
  }
  const province = findProvince(session, text('provinceCode'));
  if (!errors.provinceCode && text('provinceCode') && !province) errors.provinceCode = checker.t('form.v.notInRound');
  if (!errors.areaCode && province && text('areaCode') && !province.areas.some((area) => area.code === text('areaCode'))) {
    errors.areaCode = checker.t('form.v.notInRound');
  }
  for (const [field, list] of Object.entries(OPTION_LISTS) as [ApplicationFieldName, keyof FormOptions][]) {
    const code = text(field);
    if (!errors[field] && code && !session.formOptions[list].some((option) => option.code === code)) {
      errors[field] = checker.t('form.v.notInRound');
    }
  }
}
