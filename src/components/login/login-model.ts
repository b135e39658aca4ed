/**
 * What the login form holds (modes, values, errors) and the channel a code goes by: what rk-login
 * needs to paint, without the checks (login-checks.ts, fetched on demand with zod).
 */
import type { AccountType } from '../../services/schemas.js';
import { accountTypeOf } from './account.js';
import type { LoginField } from './login-errors.js';

export type LoginMode = 'login' | 'register' | 'reset';
export const LOGIN_MODES: readonly LoginMode[] = ['login', 'register', 'reset'];

/** What the candidate typed, kept across modes and failures. */
export interface LoginValues {
  accountType: AccountType;
  account: string;
  password: string;
  confirm: string;
  captcha: string;
  code: string;
}

export type LoginErrors = Partial<Record<LoginField, string>>;
export type Outcome<T> = { ok: true; input: T } | { ok: false; errors: LoginErrors };

/** The channel a code goes by for the typed account (register: the chosen way). */
export function channelFor(mode: LoginMode, values: LoginValues): 'sms' | 'email' {
  const type = mode === 'register' ? values.accountType : (accountTypeOf(values.account) ?? 'phone');
  return type === 'phone' ? 'sms' : 'email';
}
