/**
 * The login form's checks: each mode's input built from what was typed and checked with the
 * contract's zod schema (`checkInput`), plus the checks of the form itself (confirmation, the
 * account matching the chosen way of registering). Messages come back translated.
 *
 * rk-login fetches this module when it connects: zod and the schemas (about 10 KB) are not
 * needed to paint the form, only to check it.
 */
import type * as z from 'zod/mini';
import { isEmail, isMainlandMobile } from '../../services/contact.js';
import { LoginInput, RegisterInput, ResetPasswordInput, SendCodeInput } from '../../services/schemas.js';
import type { Checked } from '../../services/validation.js';
import { normalizeAccount } from './account.js';
import { fieldOfPath, type LoginField } from './login-errors.js';
import { channelFor, type LoginErrors, type LoginMode, type LoginValues, type Outcome } from './login-model.js';

export { checkInput } from '../../services/validation.js';

/** How the element checks: `checkInput` bound to its locale, and `t` for the form's own messages. */
export interface Checker {
  check<S extends z.ZodMiniType>(schema: S, value: unknown): Checked<z.infer<S>>;
  t(key: string): string;
}

export function checkLoginInput(values: LoginValues, captchaId: string | undefined, c: Checker): Outcome<LoginInput> {
  const input = {
    account: normalizeAccount(values.account),
    password: values.password,
    captchaId: captchaId ?? '',
    captchaAnswer: values.captcha,
  };
  return outcome(c.check(LoginInput, input), input, c, values);
}

export function checkRegisterInput(values: LoginValues, c: Checker): Outcome<RegisterInput> {
  const input = {
    accountType: values.accountType,
    account: normalizeAccount(values.account),
    password: values.password,
    code: values.code.trim(),
  };
  const result = outcome<RegisterInput>(c.check(RegisterInput, input), input, c, values);
  return withFormChecks(result, values, c, true);
}

export function checkResetInput(values: LoginValues, c: Checker): Outcome<ResetPasswordInput> {
  const input = {
    account: normalizeAccount(values.account),
    code: values.code.trim(),
    newPassword: values.password,
  };
  return withFormChecks(outcome<ResetPasswordInput>(c.check(ResetPasswordInput, input), input, c, values), values, c, false);
}

/** Sending a code needs the account and the captcha only; other fields are not looked at. */
export function checkSendCode(
  mode: LoginMode,
  values: LoginValues,
  captchaId: string | undefined,
  c: Checker,
): Outcome<SendCodeInput> {
  const input = {
    channel: channelFor(mode, values),
    target: normalizeAccount(values.account),
    purpose: mode === 'reset' ? ('reset-password' as const) : ('register' as const),
    captchaId: captchaId ?? '',
    captchaAnswer: values.captcha,
  };
  const result = outcome<SendCodeInput>(c.check(SendCodeInput, input), input, c, values);
  if (mode !== 'register') return result;
  const errors: LoginErrors = result.ok ? {} : { ...result.errors };
  const typeError = accountTypeMismatch(values, c);
  if (typeError) errors.account = typeError;
  return Object.keys(errors).length ? { ok: false, errors } : result;
}

/** The error of one field for what is typed now (blur and live re-checks). */
export function errorOfField(mode: LoginMode, field: LoginField, values: LoginValues, captchaId: string | undefined, c: Checker) {
  const result =
    mode === 'login'
      ? checkLoginInput(values, captchaId, c)
      : mode === 'register'
        ? checkRegisterInput(values, c)
        : checkResetInput(values, c);
  return result.ok ? undefined : result.errors[field];
}

// ---------------------------------------------------------------------------------------------

function outcome<T>(checked: Checked<unknown>, input: T, c: Checker, values: LoginValues): Outcome<T> {
  if (checked.ok) return { ok: true, input };
  const errors: LoginErrors = {};
  for (const [path, message] of Object.entries(checked.errors)) {
    const field = fieldOfPath(path);
    if (!field || errors[field]) continue;
    if (field !== 'accountType' && values[field].trim() === '') {
      // GOV.UK: say what to enter, not just "required" (the summary lists it without its label).
      errors[field] = c.t(`login.${field}.required`);
    } else {
      // A captcha that never loaded (no id) is not the candidate's typing error.
      errors[field] = path === 'captchaId' ? c.t('login.captcha.missing') : message;
    }
  }
  return { ok: false, errors };
}

/** Register: the account must be of the chosen way; register and reset: the confirmation. */
function withFormChecks<T>(result: Outcome<T>, values: LoginValues, c: Checker, checkType: boolean): Outcome<T> {
  const errors: LoginErrors = result.ok ? {} : { ...result.errors };
  if (checkType) {
    // The chosen way says more than "a phone or an e-mail": 请输入正确的11位手机号码.
    const typeError = accountTypeMismatch(values, c);
    if (typeError) errors.account = typeError;
  }
  if (values.confirm === '') errors.confirm = c.t('login.confirm.required');
  else if (values.confirm !== values.password) errors.confirm = c.t('login.confirm.mismatch');
  return Object.keys(errors).length ? { ok: false, errors } : result;
}

function accountTypeMismatch(values: LoginValues, c: Checker): string | undefined {
  if (values.account.trim() === '') return undefined;
  if (values.accountType === 'phone' && !isMainlandMobile(values.account)) return c.t('v.mobile');
  if (values.accountType === 'email' && !isEmail(values.account)) return c.t('v.email');
  return undefined;
}
