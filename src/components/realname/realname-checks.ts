/**
 * The checks of the real-name form: the contract's `RealNameInput` schema (through
 * `checkInput`), then the validity rules of `id-document.ts`: the end after the start, no
 * expired document, no start in the future (these block), and for the resident ID card a
 * validity length that fits the holder's age (居民身份证法 art. 5: this only warns).
 *
 * rk-realname fetches this module when it connects: zod and the schemas are not needed to paint
 * the form, only to check it.
 */
import type * as z from 'zod/mini';
import { ageOn, checkIdValidity, idCardValidityYears, normalizeDocumentNumber } from '../../services/id-document.js';
import { RealNameInput } from '../../services/schemas.js';
import type { Checked } from '../../services/validation.js';
import { numberInfo, REALNAME_FIELDS, type RealnameErrors, type RealnameField, type RealnameValues } from './realname-model.js';
import { isoToLocalDate, parseTypedDate, todayIso } from './typed-date.js';

export { checkInput } from '../../services/validation.js';

export interface RealnameChecker {
  check<S extends z.ZodMiniType>(schema: S, value: unknown): Checked<z.infer<S>>;
  t(key: string, params?: Record<string, string | number>): string;
}

export interface RealnameOutcome {
  ok: boolean;
  input: RealNameInput;
  errors: RealnameErrors;
  /** A warning that does not block (the validity length does not fit the ID-card rules). */
  warning?: string;
}

/** The input the backend gets: the number normalised, the dates as `YYYY-MM-DD`. */
export function toInput(values: RealnameValues): RealNameInput {
  return {
    name: values.name.trim(),
    documentType: values.documentType,
    documentNumber: normalizeDocumentNumber(values.documentNumber),
    validFrom: parseTypedDate(values.validFrom) ?? values.validFrom.trim(),
    validTo: values.longTerm ? null : (parseTypedDate(values.validTo) ?? values.validTo.trim()),
  };
}

export function checkRealname(values: RealnameValues, c: RealnameChecker, today: Date = new Date()): RealnameOutcome {
  const input = toInput(values);
  const errors: RealnameErrors = {};
  const checked = c.check(RealNameInput, input);
  if (!checked.ok) {
    for (const [path, message] of Object.entries(checked.errors)) {
      const field = path.split('.')[0] as RealnameField;
      if (!REALNAME_FIELDS.includes(field) || errors[field]) continue;
      errors[field] = isEmpty(values, field)
        ? c.t(`realname.${field}.required`)
        : (field === 'validFrom' || field === 'validTo') && !parseTypedDate(values[field])
          ? c.t('realname.v.date') // the formats the hint offers, not only YYYY-MM-DD
          : message;
    }
  }
  const warning = validityRules(values, errors, c, today);
  return { ok: Object.keys(errors).length === 0, input, errors, warning };
}

function isEmpty(values: RealnameValues, field: RealnameField): boolean {
  if (field === 'documentType') return false;
  if (field === 'validTo' && values.longTerm) return false;
  return values[field].trim() === '';
}

/**
 * Adds the blocking validity problems to `errors` and returns the warning, if any. Runs only
 * when both dates are real dates (the schema reported the rest).
 */
function validityRules(
  values: RealnameValues,
  errors: RealnameErrors,
  c: RealnameChecker,
  today: Date,
): string | undefined {
  if (errors.validFrom || errors.validTo) return undefined;
  const from = parseTypedDate(values.validFrom);
  const to = values.longTerm ? null : parseTypedDate(values.validTo);
  if (!from || (!values.longTerm && !to)) return undefined;
  const { info } = numberInfo(values.documentType, values.documentNumber);
  const now = todayIso(today);
  if (values.documentType === 'resident-id' && info) {
    const problems = checkIdValidity(info.birthDate, from, to, today);
    if (problems.includes('end-before-start')) errors.validTo = c.t('v.validToBeforeFrom');
    else if (problems.includes('expired')) errors.validTo = c.t('realname.v.expired');
    if (problems.includes('start-in-future')) errors.validFrom = c.t('realname.v.startInFuture');
    if (problems.includes('length-mismatch') && !errors.validFrom && !errors.validTo) {
      return lengthWarning(info.birthDate, from, c);
    }
    return undefined;
  }
  if (to !== null && to <= from) errors.validTo = c.t('v.validToBeforeFrom');
  else if (to !== null && to < now) errors.validTo = c.t('realname.v.expired');
  if (from > now) errors.validFrom = c.t('realname.v.startInFuture');
  return undefined;
}

/** The warning for an ID card whose validity does not have the legal length for the age at issue. */
function lengthWarning(birthDate: string, from: string, c: RealnameChecker): string {
  if (from < birthDate) return c.t('realname.warn.beforeBirth');
  const age = ageOn(birthDate, isoToLocalDate(from));
  const years = idCardValidityYears(age);
  const period = years === 'long-term' ? c.t('realname.longTerm') : c.t('realname.period.years', { years });
  return c.t('realname.warn.lengthMismatch', { age, period });
}
