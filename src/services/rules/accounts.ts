/**
 * The accounts' rules, the same for the mock office and the reference server: lifetimes and
 * limits, the account key, the lockout after failed logins, the resend wait of codes, and the
 * real-name assessment by the ID rules (GB 11643 numbers verified at once, other documents left
 * to the office's manual review).
 */
import { isEmail, isMainlandMobile } from '../contact.js';
import { checkIdValidity, maskDocumentNumber, validateDocumentNumber } from '../id-document.js';
import type { AccountType, RealNameInput, RealNameResult } from '../schemas.js';
import { OfficeError } from './office-error.js';
import { chinaIso, MINUTE_MS } from './time.js';

/** Seconds before another verification code may be sent to the same target. */
export const RESEND_AFTER_SECONDS = 60;
/** How long a verification code works. */
export const CODE_LIFETIME_SECONDS = 600;
/** Failed logins in a row before the account is locked. */
export const MAX_FAILED_LOGINS = 5;
/** How long a locked account stays locked. */
export const LOCK_SECONDS = 300;
/** How long a captcha works. */
export const CAPTCHA_LIFETIME_MS = 5 * MINUTE_MS;
/** How long a session lasts. */
export const SESSION_LIFETIME_MS = 8 * 60 * MINUTE_MS;

/** The key accounts are kept under: the phone number, or the lower-case e-mail address. */
export const accountKey = (account: string) => account.trim().toLowerCase();

/** Throws VALIDATION unless the account (or code target) fits its type: a mainland mobile number or an e-mail address. */
export function requireAccountFits(accountType: AccountType, key: string, field: 'account' | 'target'): void {
  const fits = accountType === 'phone' ? isMainlandMobile(key) : isEmail(key);
  if (!fits) {
    throw new OfficeError('VALIDATION', '提交的信息有误，请按提示修改。', {
      fields: { [field]: accountType === 'phone' ? '请输入正确的11位手机号码' : '请输入正确的电子邮箱' },
    });
  }
}

/** TOO_MANY_ATTEMPTS of a locked account. */
export function tooManyLogins(retryAfterSeconds: number): OfficeError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new OfficeError('TOO_MANY_ATTEMPTS', `登录失败次数过多，请${minutes}分钟后再试。`, { retryAfterSeconds });
}

/** TOO_MANY_ATTEMPTS of a code asked for again before the resend wait. */
export function codeTooSoon(retryAfterSeconds: number): OfficeError {
  return new OfficeError('TOO_MANY_ATTEMPTS', `验证码发送过于频繁，请${retryAfterSeconds}秒后再试。`, { retryAfterSeconds });
}

/** Seconds left of the resend wait after a code sent at `lastSentAtMs`, or 0. */
export function resendWaitSeconds(lastSentAtMs: number | null | undefined, nowMs: number): number {
  if (lastSentAtMs === null || lastSentAtMs === undefined) return 0;
  const left = lastSentAtMs + RESEND_AFTER_SECONDS * 1000 - nowMs;
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

/** Throws TOO_MANY_ATTEMPTS while the account is locked. */
export function requireUnlocked(lockedUntilMs: number | null, nowMs: number): void {
  if (lockedUntilMs !== null && lockedUntilMs > nowMs) throw tooManyLogins(Math.ceil((lockedUntilMs - nowMs) / 1000));
}

/**
 * A wrong password: the failures counted so far (this one included) decide between PASSWORD_WRONG
 * with the attempts left, and the lock (the count starts again), with the refusal to answer.
 */
export function wrongPassword(failedLogins: number, nowMs: number): { failedLogins: number; lockedUntilMs: number | null; error: OfficeError } {
  if (failedLogins >= MAX_FAILED_LOGINS) {
    return { failedLogins: 0, lockedUntilMs: nowMs + LOCK_SECONDS * 1000, error: tooManyLogins(LOCK_SECONDS) };
  }
  const remainingAttempts = MAX_FAILED_LOGINS - failedLogins;
  return {
    failedLogins,
    lockedUntilMs: null,
    error: new OfficeError('PASSWORD_WRONG', `密码错误，还可尝试${remainingAttempts}次。`, { remainingAttempts }),
  };
}

export const CAPTCHA_WRONG = () => new OfficeError('CAPTCHA_WRONG', '图形验证码错误或已过期，请重新输入。');
export const CODE_WRONG = () => new OfficeError('CODE_WRONG', '验证码错误或已过期。');
export const ACCOUNT_EXISTS = () => new OfficeError('ACCOUNT_EXISTS', '该账号已注册，请直接登录。');
export const ACCOUNT_UNKNOWN_LOGIN = () => new OfficeError('ACCOUNT_UNKNOWN', '该账号尚未注册，请先注册。');
export const ACCOUNT_UNKNOWN = () => new OfficeError('ACCOUNT_UNKNOWN', '该账号尚未注册。');
export const UNAUTHENTICATED = () => new OfficeError('UNAUTHENTICATED', '请先登录，或登录已失效，请重新登录。');
export const DOCUMENT_HELD = () => new OfficeError('ACCOUNT_EXISTS', '该证件已在其他账号完成实名认证，请使用原账号登录。');
export const REALNAME_MISMATCH = () => new OfficeError('REALNAME_MISMATCH', '姓名与证件号码不一致，请核对后重新输入。');

/** Why documents without a GB 11643 number wait for the office. */
export const MANUAL_REVIEW_REASON = '港澳台居民及外籍人员证件需由考区人工核验，请于1个工作日后登录查看结果。';

function validityErrors(now: Date, birthDate: string, validFrom: string, validTo: string | null): Record<string, string> {
  let problems: string[];
  try {
    problems = checkIdValidity(birthDate, validFrom, validTo, now);
  } catch {
    return { validFrom: '请输入正确的日期。' };
  }
  const errors: Record<string, string> = {};
  if (problems.includes('start-in-future')) errors.validFrom = '有效期开始日期不能晚于今天。';
  if (problems.includes('end-before-start')) errors.validTo = '有效期截止日期须晚于开始日期。';
  else if (problems.includes('expired')) errors.validTo = '证件已过期，请使用有效期内的证件。';
  return errors;
}

/** A document number that passed its check: normalised, with what a GB 11643 number tells. */
export type CheckedDocument = Extract<ReturnType<typeof validateDocumentNumber>, { ok: true }>;

/** The number checked for its document type; VALIDATION otherwise. */
export function checkDocument(input: RealNameInput, now: Date): CheckedDocument {
  const check = validateDocumentNumber(input.documentType, input.documentNumber, now);
  if (!check.ok) throw new OfficeError('VALIDATION', '提交的信息有误，请按提示修改。', { fields: { documentNumber: '证件号码不正确，请核对。' } });
  return check;
}

/**
 * The ID rules' result: GB 11643 documents (resident ID, social security card, HMT residence
 * permit) verified at once, with the gender and birth date of the number and the validity checked
 * against them (VALIDATION otherwise); other documents `pending` (the office checks them by hand).
 */
export function realNameResultOf(input: RealNameInput, document: CheckedDocument, now: Date): RealNameResult {
  const info = document.info;
  if (info) {
    const errors = validityErrors(now, info.birthDate, input.validFrom, input.validTo);
    if (Object.keys(errors).length > 0) throw new OfficeError('VALIDATION', '提交的信息有误，请按提示修改。', { fields: errors });
  }
  const result: RealNameResult = {
    status: info ? 'verified' : 'pending',
    name: input.name,
    documentType: input.documentType,
    documentNumberMasked: maskDocumentNumber(document.number),
    // Only GB 11643 numbers carry gender and birth date; other documents get them at manual review.
    gender: info?.gender ?? null,
    birthDate: info?.birthDate ?? null,
    validFrom: input.validFrom,
    validTo: input.validTo,
    verifiedAt: info ? chinaIso(now) : null,
  };
  if (!info) result.reason = MANUAL_REVIEW_REASON;
  return result;
}

/**
 * Verifying again: the same data answers the verified result again; other data INVALID_STATE.
 * Returns the result to answer, or null when the account is not verified yet.
 */
export function reverification(
  current: { realName: RealNameResult | null; documentNumber: string | null },
  input: RealNameInput,
  number: string,
): RealNameResult | null {
  if (current.realName?.status !== 'verified') return null;
  const same = current.documentNumber === number && current.realName.documentType === input.documentType && current.realName.name === input.name;
  if (same) return current.realName;
  throw new OfficeError('INVALID_STATE', '本账号已完成实名认证，如需更正请联系考区。');
}
