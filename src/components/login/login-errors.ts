/**
 * Where a backend answer belongs on the login form: the field it is about, or the top of the
 * form. Business codes of the contract map to fields; a VALIDATION answer may name fields itself
 * (`details.fields`: `{ account: '…' }`), with the backend's field names.
 */
import { BusinessError } from '../../services/errors.js';
import { validationMessages } from '../base/validation-fields.js';

export type LoginField = 'accountType' | 'account' | 'password' | 'confirm' | 'captcha' | 'code';

const FIELD_OF_CODE: Record<string, LoginField> = {
  CAPTCHA_WRONG: 'captcha',
  CODE_WRONG: 'code',
  PASSWORD_WRONG: 'password',
  ACCOUNT_UNKNOWN: 'account',
  ACCOUNT_EXISTS: 'account',
};

/** The backend's field names (request bodies) → the form's fields. */
const FIELD_OF_NAME: Record<string, LoginField> = {
  account: 'account',
  target: 'account',
  accountType: 'accountType',
  password: 'password',
  newPassword: 'password',
  code: 'code',
  captchaAnswer: 'captcha',
  captchaId: 'captcha',
};

/** The field an adapter error is about, or null for the top of the form. */
export function fieldOfError(error: unknown): LoginField | null {
  return error instanceof BusinessError ? (FIELD_OF_CODE[error.code] ?? null) : null;
}

/**
 * The field messages of a VALIDATION answer (the backend's text, shown as text): at the fields
 * `shown` (the form's mode), and the others, which the form lists as they are.
 */
export function validationFields(error: unknown, shown: readonly LoginField[]): { placed: Partial<Record<LoginField, string>>; others: string[] } {
  if (!(error instanceof BusinessError) || error.code !== 'VALIDATION') return { placed: {}, others: [] };
  return validationMessages(error.details.fields, (name) => {
    const field = FIELD_OF_NAME[name];
    return field && shown.includes(field) ? field : null;
  });
}

/** The zod path of an input schema → the form's field. */
export function fieldOfPath(path: string): LoginField | null {
  return FIELD_OF_NAME[path.split('.')[0] ?? ''] ?? null;
}
