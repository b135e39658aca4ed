/**
 * Accounts of the mock office: captchas, verification codes, registration, login with lockout,
 * password reset, bearer tokens, sessions and real-name verification.
 *
 * Mock conveniences: the captcha answer `0000` and the code `123456` always work (beside the
 * captcha's real answer and the code "sent", which the test API tells); the name `测试不符` fails
 * real-name verification with REALNAME_MISMATCH.
 */
import { isEmail, isMainlandMobile } from '../services/contact.js';
import { checkIdValidity, maskDocumentNumber, validateDocumentNumber } from '../services/id-document.js';
import type {
  AccountType,
  Captcha,
  CodeSent,
  LoginInput,
  LoginResult,
  RealNameInput,
  RealNameResult,
  RegisterInput,
  ResetPasswordInput,
  SendCodeInput,
  Session,
} from '../services/schemas.js';
import { captchaImage, randomCaptchaCode } from './captcha.js';
import { copy, type OfficeContext } from './context.js';
import { OfficeError, validationError } from './office-error.js';
import { randomHex } from './encoding.js';
import type { AccountRecord } from './state.js';
import { chinaIso, MINUTE_MS } from './time.js';

/** The captcha answer the mock always accepts. */
export const MOCK_CAPTCHA_ANSWER = '0000';
/** The verification code the mock always accepts (besides the one it "sends" by SMS or e-mail). */
export const MOCK_VERIFICATION_CODE = '123456';
/** A real-name verification with this name fails with REALNAME_MISMATCH. */
export const MISMATCH_NAME = '测试不符';
/** Seconds before another verification code may be sent. */
export const RESEND_AFTER_SECONDS = 60;
/** Failed logins in a row before the account is locked. */
export const MAX_FAILED_LOGINS = 5;
/** How long a locked account stays locked. */
export const LOCK_SECONDS = 300;

const CAPTCHA_LIFETIME_MS = 5 * MINUTE_MS;
const CODE_LIFETIME_SECONDS = 600;
const TOKEN_LIFETIME_MS = 8 * 60 * MINUTE_MS;

/** The key accounts are kept under: the phone number, or the lower-case e-mail address. */
export const accountKey = (account: string) => account.trim().toLowerCase();

/** A new single-use captcha valid 5 minutes (expired ones are forgotten). */
export function issueCaptcha(ctx: OfficeContext): Captcha {
  const nowMs = ctx.nowMs();
  for (const [id, issued] of Object.entries(ctx.state.captchas)) {
    if (issued.expiresAt <= nowMs) delete ctx.state.captchas[id];
  }
  const code = randomCaptchaCode();
  const id = `captcha-${randomHex(8)}`;
  const expiresAt = nowMs + CAPTCHA_LIFETIME_MS;
  ctx.state.captchas[id] = { answer: code, expiresAt };
  return { id, image: captchaImage(code), expiresAt: chinaIso(expiresAt) };
}

/** Uses up a captcha; throws CAPTCHA_WRONG unless the answer fits (case-insensitive) or is `0000`. */
function checkCaptcha(ctx: OfficeContext, captchaId: string, answer: string): void {
  const issued = ctx.state.captchas[captchaId];
  delete ctx.state.captchas[captchaId];
  const given = answer.trim().toUpperCase();
  if (given === MOCK_CAPTCHA_ANSWER) return;
  if (!issued || issued.expiresAt <= ctx.nowMs() || issued.answer !== given) {
    throw new OfficeError('CAPTCHA_WRONG', '图形验证码错误或已过期，请重新输入。');
  }
}

/**
 * Uses up the code sent to `target` (10 minutes, single use); `123456` always works. Throws
 * CODE_WRONG otherwise.
 */
function checkCode(ctx: OfficeContext, target: string, code: string): void {
  const given = code.trim();
  const sent = ctx.state.codes[accountKey(target)];
  const live = sent?.code !== undefined && sent.sentAt + CODE_LIFETIME_SECONDS * 1000 > ctx.nowMs();
  if (live && sent.code === given) {
    delete sent.code;
    return;
  }
  if (given !== MOCK_VERIFICATION_CODE) throw new OfficeError('CODE_WRONG', '验证码错误或已过期。');
}

/** A random 6-digit code. */
function randomCode(): string {
  return String(crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000).padStart(6, '0');
}

/** The last code sent to a target and when (the office API's test part), or undefined. */
export function sentCode(ctx: OfficeContext, target: string): { code: string; sentAt: number } | undefined {
  const sent = ctx.state.codes[accountKey(target)];
  return sent?.code ? { code: sent.code, sentAt: sent.sentAt } : undefined;
}

function tooManyAttempts(retryAfterSeconds: number): OfficeError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new OfficeError('TOO_MANY_ATTEMPTS', `登录失败次数过多，请${minutes}分钟后再试。`, { retryAfterSeconds });
}

/** Sends (pretends to) a random code, valid 10 minutes; another one only after 60 s. */
export function sendVerificationCode(ctx: OfficeContext, input: SendCodeInput): CodeSent {
  checkCaptcha(ctx, input.captchaId, input.captchaAnswer);
  const key = accountKey(input.target);
  if (input.channel === 'sms' ? !isMainlandMobile(key) : !isEmail(key)) {
    throw validationError({ target: input.channel === 'sms' ? '请输入正确的11位手机号码' : '请输入正确的电子邮箱' });
  }
  const exists = key in ctx.state.accounts;
  if (input.purpose === 'register' && exists) throw new OfficeError('ACCOUNT_EXISTS', '该账号已注册，请直接登录。');
  if (input.purpose === 'reset-password' && !exists) throw new OfficeError('ACCOUNT_UNKNOWN', '该账号尚未注册。');
  const nowMs = ctx.nowMs();
  const last = ctx.state.codes[key];
  if (last && nowMs - last.sentAt < RESEND_AFTER_SECONDS * 1000) {
    const retryAfterSeconds = Math.ceil((last.sentAt + RESEND_AFTER_SECONDS * 1000 - nowMs) / 1000);
    throw new OfficeError('TOO_MANY_ATTEMPTS', `验证码发送过于频繁，请${retryAfterSeconds}秒后再试。`, { retryAfterSeconds });
  }
  ctx.state.codes[key] = { sentAt: nowMs, code: randomCode() };
  return { resendAfterSeconds: RESEND_AFTER_SECONDS, expiresInSeconds: CODE_LIFETIME_SECONDS };
}

/** A new account (no checks). */
export function createAccount(ctx: OfficeContext, account: string, accountType: AccountType, password: string): AccountRecord {
  const key = accountKey(account);
  const record: AccountRecord = {
    id: `u-${String(ctx.next()).padStart(6, '0')}`,
    account: key,
    accountType,
    password,
    realName: null,
    documentNumber: null,
    failedLogins: 0,
    lockedUntil: null,
  };
  ctx.state.accounts[key] = record;
  return record;
}

/** Removes an account and everything of it (application, orders, tokens, papers, idempotency records). */
export function forgetAccount(ctx: OfficeContext, account: string): void {
  const state = ctx.state;
  const key = accountKey(account);
  const record = state.accounts[key];
  if (!record) return;
  delete state.accounts[key];
  delete state.applications[record.id];
  delete state.scores[record.id];
  delete state.certificates[record.id];
  state.orders = state.orders.filter((order) => order.accountId !== record.id);
  for (const [token, entry] of Object.entries(state.tokens)) {
    if (entry.accountId === record.id) delete state.tokens[token];
  }
  for (const recordKey of Object.keys(state.idempotency)) {
    if (recordKey.split('\u0000')[1] === record.id) delete state.idempotency[recordKey];
  }
}

/** A new session of an account, valid 8 hours: its id (the bearer token or the cookie's value). */
export function issueToken(ctx: OfficeContext, account: AccountRecord): string {
  const token = `mock-${randomHex(16)}`;
  ctx.state.tokens[token] = { accountId: account.id, expiresAt: ctx.nowMs() + TOKEN_LIFETIME_MS, csrfToken: randomHex(16) };
  return token;
}

/** The CSRF token of a live session, or undefined. */
export function csrfTokenOf(ctx: OfficeContext, token: string | null | undefined): string | undefined {
  const entry = token ? ctx.state.tokens[token] : undefined;
  return entry && entry.expiresAt > ctx.nowMs() ? entry.csrfToken : undefined;
}

function sessionOf(account: AccountRecord, expiresAtMs: number): Session {
  return {
    user: { id: account.id, account: account.account, accountType: account.accountType },
    realName: account.realName ? copy(account.realName) : null,
    expiresAt: chinaIso(expiresAtMs),
  };
}

/** A new session: the answer carries both the token and the CSRF token; the HTTP layer keeps what the auth mode hands out. */
function signIn(ctx: OfficeContext, account: AccountRecord): LoginResult {
  const token = issueToken(ctx, account);
  const entry = ctx.state.tokens[token]!;
  return { session: sessionOf(account, entry.expiresAt), token, csrfToken: entry.csrfToken! };
}

/** The account of a live token; throws UNAUTHENTICATED (401) otherwise. */
export function accountOf(ctx: OfficeContext, token: string | null | undefined): AccountRecord {
  const entry = token ? ctx.state.tokens[token] : undefined;
  const live = entry !== undefined && entry.expiresAt > ctx.nowMs();
  if (entry && !live) delete ctx.state.tokens[token!];
  const account = live ? Object.values(ctx.state.accounts).find((candidate) => candidate.id === entry.accountId) : undefined;
  if (!account) throw new OfficeError('UNAUTHENTICATED', '请先登录，或登录已失效，请重新登录。');
  return account;
}

/** The session of a token, or null. */
export function sessionOfToken(ctx: OfficeContext, token: string | null | undefined): Session | null {
  try {
    const account = accountOf(ctx, token);
    return sessionOf(account, ctx.state.tokens[token!]!.expiresAt);
  } catch {
    return null;
  }
}

/** Creates an account (the code sent, or `123456`) and signs it in. */
export function register(ctx: OfficeContext, input: RegisterInput): LoginResult {
  const key = accountKey(input.account);
  const typeFits = input.accountType === 'phone' ? isMainlandMobile(key) : isEmail(key);
  if (!typeFits) throw validationError({ account: input.accountType === 'phone' ? '请输入正确的11位手机号码' : '请输入正确的电子邮箱' });
  if (key in ctx.state.accounts) throw new OfficeError('ACCOUNT_EXISTS', '该账号已注册，请直接登录。');
  checkCode(ctx, key, input.code);
  return signIn(ctx, createAccount(ctx, key, input.accountType, input.password));
}

/** Signs in: captcha, account, lock (5 failures → 5 minutes), password. */
export function login(ctx: OfficeContext, input: LoginInput): LoginResult {
  checkCaptcha(ctx, input.captchaId, input.captchaAnswer);
  const account = ctx.state.accounts[accountKey(input.account)];
  if (!account) throw new OfficeError('ACCOUNT_UNKNOWN', '该账号尚未注册，请先注册。');
  const nowMs = ctx.nowMs();
  if (account.lockedUntil !== null && account.lockedUntil > nowMs) {
    throw tooManyAttempts(Math.ceil((account.lockedUntil - nowMs) / 1000));
  }
  if (account.password !== input.password) {
    account.failedLogins += 1;
    if (account.failedLogins >= MAX_FAILED_LOGINS) {
      account.failedLogins = 0;
      account.lockedUntil = nowMs + LOCK_SECONDS * 1000;
      throw tooManyAttempts(LOCK_SECONDS);
    }
    const remainingAttempts = MAX_FAILED_LOGINS - account.failedLogins;
    throw new OfficeError('PASSWORD_WRONG', `密码错误，还可尝试${remainingAttempts}次。`, { remainingAttempts });
  }
  account.failedLogins = 0;
  account.lockedUntil = null;
  return signIn(ctx, account);
}

/** Sets a new password (the code sent, or `123456`), unlocks the account and ends its sessions. */
export function resetPassword(ctx: OfficeContext, input: ResetPasswordInput): void {
  const account = ctx.state.accounts[accountKey(input.account)];
  if (!account) throw new OfficeError('ACCOUNT_UNKNOWN', '该账号尚未注册。');
  checkCode(ctx, account.account, input.code);
  account.password = input.newPassword;
  account.failedLogins = 0;
  account.lockedUntil = null;
  for (const [token, entry] of Object.entries(ctx.state.tokens)) {
    if (entry.accountId === account.id) delete ctx.state.tokens[token];
  }
}

function validityErrors(ctx: OfficeContext, birthDate: string, validFrom: string, validTo: string | null): Record<string, string> {
  let problems: string[];
  try {
    problems = checkIdValidity(birthDate, validFrom, validTo, ctx.now());
  } catch {
    return { validFrom: '请输入正确的日期。' };
  }
  const errors: Record<string, string> = {};
  if (problems.includes('start-in-future')) errors.validFrom = '有效期开始日期不能晚于今天。';
  if (problems.includes('end-before-start')) errors.validTo = '有效期截止日期须晚于开始日期。';
  else if (problems.includes('expired')) errors.validTo = '证件已过期，请使用有效期内的证件。';
  return errors;
}

/**
 * Real-name verification: GB 11643 documents (resident ID, social security card, HMT residence
 * permit) are verified at once, gender and birth date from the number; other documents stay
 * `pending` (the office checks them by hand). Verifying again with the same data answers the
 * same result; with other data INVALID_STATE; a number verified by another account ACCOUNT_EXISTS.
 */
export function verifyRealName(ctx: OfficeContext, account: AccountRecord, input: RealNameInput): RealNameResult {
  const check = validateDocumentNumber(input.documentType, input.documentNumber, ctx.now());
  if (!check.ok) throw validationError({ documentNumber: '证件号码不正确，请核对。' });
  if (account.realName?.status === 'verified') {
    const same =
      account.documentNumber === check.number && account.realName.documentType === input.documentType && account.realName.name === input.name;
    if (same) return copy(account.realName);
    throw new OfficeError('INVALID_STATE', '本账号已完成实名认证，如需更正请联系考区。');
  }
  if (input.name === MISMATCH_NAME) throw new OfficeError('REALNAME_MISMATCH', '姓名与证件号码不一致，请核对后重新输入。');
  const holder = Object.values(ctx.state.accounts).find(
    (other) => other.id !== account.id && other.documentNumber === check.number && other.realName?.status === 'verified',
  );
  if (holder) throw new OfficeError('ACCOUNT_EXISTS', '该证件已在其他账号完成实名认证，请使用原账号登录。');
  const info = check.info;
  if (info) {
    const errors = validityErrors(ctx, info.birthDate, input.validFrom, input.validTo);
    if (Object.keys(errors).length > 0) throw validationError(errors);
  }
  const result: RealNameResult = {
    status: info ? 'verified' : 'pending',
    name: input.name,
    documentType: input.documentType,
    documentNumberMasked: maskDocumentNumber(check.number),
    // Only GB 11643 numbers carry gender and birth date; other documents get them at manual review.
    gender: info?.gender ?? null,
    birthDate: info?.birthDate ?? null,
    validFrom: input.validFrom,
    validTo: input.validTo,
    verifiedAt: info ? ctx.iso() : null,
  };
  if (!info) result.reason = '港澳台居民及外籍人员证件需由考区人工核验，请于1个工作日后登录查看结果。';
  account.realName = result;
  account.documentNumber = check.number;
  return copy(result);
}
