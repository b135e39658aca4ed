/**
 * Accounts of the mock office: captchas, verification codes, registration, login with lockout,
 * password reset, bearer tokens, sessions and real-name verification.
 *
 * Mock conveniences: the captcha answer `0000` and the code `123456` always work (beside the
 * captcha's real answer and the code "sent", which the test API tells); the name `测试不符` fails
 * real-name verification with REALNAME_MISMATCH.
 */
import * as rules from '../services/rules/accounts.js';
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
import { randomHex } from './encoding.js';
import type { AccountRecord } from './state.js';
import { chinaIso } from './time.js';

/** The captcha answer the mock always accepts. */
export const MOCK_CAPTCHA_ANSWER = '0000';
/** The verification code the mock always accepts (besides the one it "sends" by SMS or e-mail). */
export const MOCK_VERIFICATION_CODE = '123456';
/** A real-name verification with this name fails with REALNAME_MISMATCH. */
export const MISMATCH_NAME = '测试不符';
export { RESEND_AFTER_SECONDS, MAX_FAILED_LOGINS, LOCK_SECONDS, accountKey } from '../services/rules/accounts.js';
const { RESEND_AFTER_SECONDS, CAPTCHA_LIFETIME_MS, CODE_LIFETIME_SECONDS, SESSION_LIFETIME_MS: TOKEN_LIFETIME_MS, accountKey } = rules;

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
    throw rules.CAPTCHA_WRONG();
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
  if (given !== MOCK_VERIFICATION_CODE) throw rules.CODE_WRONG();
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

/** Sends (pretends to) a random code, valid 10 minutes; another one only after 60 s. */
export function sendVerificationCode(ctx: OfficeContext, input: SendCodeInput): CodeSent {
  checkCaptcha(ctx, input.captchaId, input.captchaAnswer);
  const key = accountKey(input.target);
  rules.requireAccountFits(input.channel === 'sms' ? 'phone' : 'email', key, 'target');
  const exists = key in ctx.state.accounts;
  if (input.purpose === 'register' && exists) throw rules.ACCOUNT_EXISTS();
  if (input.purpose === 'reset-password' && !exists) throw rules.ACCOUNT_UNKNOWN();
  const nowMs = ctx.nowMs();
  const wait = rules.resendWaitSeconds(ctx.state.codes[key]?.sentAt, nowMs);
  if (wait > 0) throw rules.codeTooSoon(wait);
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
  if (!account) throw rules.UNAUTHENTICATED();
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
  rules.requireAccountFits(input.accountType, key, 'account');
  if (key in ctx.state.accounts) throw rules.ACCOUNT_EXISTS();
  checkCode(ctx, key, input.code);
  return signIn(ctx, createAccount(ctx, key, input.accountType, input.password));
}

/** Signs in: captcha, account, lock (5 failures → 5 minutes), password. */
export function login(ctx: OfficeContext, input: LoginInput): LoginResult {
  checkCaptcha(ctx, input.captchaId, input.captchaAnswer);
  const account = ctx.state.accounts[accountKey(input.account)];
  if (!account) throw rules.ACCOUNT_UNKNOWN_LOGIN();
  const nowMs = ctx.nowMs();
  rules.requireUnlocked(account.lockedUntil, nowMs);
  if (account.password !== input.password) {
    const outcome = rules.wrongPassword(account.failedLogins + 1, nowMs);
    account.failedLogins = outcome.failedLogins;
    if (outcome.lockedUntilMs !== null) account.lockedUntil = outcome.lockedUntilMs;
    throw outcome.error;
  }
  account.failedLogins = 0;
  account.lockedUntil = null;
  return signIn(ctx, account);
}

/** Sets a new password (the code sent, or `123456`), unlocks the account and ends its sessions. */
export function resetPassword(ctx: OfficeContext, input: ResetPasswordInput): void {
  const account = ctx.state.accounts[accountKey(input.account)];
  if (!account) throw rules.ACCOUNT_UNKNOWN();
  checkCode(ctx, account.account, input.code);
  account.password = input.newPassword;
  account.failedLogins = 0;
  account.lockedUntil = null;
  for (const [token, entry] of Object.entries(ctx.state.tokens)) {
    if (entry.accountId === account.id) delete ctx.state.tokens[token];
  }
}

/**
 * Real-name verification: GB 11643 documents (resident ID, social security card, HMT residence
 * permit) are verified at once, gender and birth date from the number; other documents stay
 * `pending` (the office checks them by hand). Verifying again with the same data answers the
 * same result; with other data INVALID_STATE; a number verified by another account ACCOUNT_EXISTS.
 */
export function verifyRealName(ctx: OfficeContext, account: AccountRecord, input: RealNameInput): RealNameResult {
  const now = ctx.now();
  const document = rules.checkDocument(input, now);
  const again = rules.reverification(account, input, document.number);
  if (again) return copy(again);
  if (input.name === MISMATCH_NAME) throw rules.REALNAME_MISMATCH();
  const holder = Object.values(ctx.state.accounts).find(
    (other) => other.id !== account.id && other.documentNumber === document.number && other.realName?.status === 'verified',
  );
  if (holder) throw rules.DOCUMENT_HELD();
  const result = rules.realNameResultOf(input, document, now);
  account.realName = result;
  account.documentNumber = document.number;
  return copy(result);
}
