/**
 * The REST contract, written once: `HttpBackend` sends these requests, the MSW exam office
 * answers them, and `npm run openapi` turns this table (with `error-codes.ts`, the office API of
 * `office-contract.ts` and the words of `contract-docs.ts`) into `docs/openapi.json`. A test
 * fails when they disagree.
 */
import type * as z from 'zod/mini';
import * as s from './schemas.js';
import type { RegistrationBackend } from './backend.js';
import { ERROR_STATUS, type ErrorCode } from './error-codes.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

/** The largest JSON request body an operation takes; a larger one is refused with 413 PAYLOAD_TOO_LARGE. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;
/** The largest photo the contract promises to take (the checked photo is about 10 KB). */
export const MAX_PHOTO_BYTES = 200 * 1024;
/** The largest multipart body of the photo upload. */
export const MAX_UPLOAD_BODY_BYTES = 256 * 1024;
/** The size of the checked photo. */
export const PHOTO_SIZE = { width: 295, height: 413 } as const;

/** The name of the session cookie in cookie mode. */
export const SESSION_COOKIE = 'rk_session';
/** The header that carries the CSRF token of a cookie session on POST and PUT. */
export const CSRF_HEADER = 'X-CSRF-Token';
/** The header of the office API's staff key. */
export const OFFICE_KEY_HEADER = 'X-Office-Key';
/** How long a backend keeps an idempotency key and its answer, at least. */
export const IDEMPOTENCY_RETENTION_HOURS = 24;

export interface Operation {
  method: HttpMethod;
  /** OpenAPI-style path below the API base, e.g. `/payment/orders/{orderId}`. */
  path: string;
  summary: string;
  tag: 'account' | 'exam' | 'application' | 'payment' | 'papers' | 'office';
  /** JSON request body; `multipart` for the photo upload. */
  request?: z.ZodMiniType | 'multipart';
  /** The 2xx response body. */
  response: z.ZodMiniType;
  /** Sends an `Idempotency-Key` header. */
  idempotent?: boolean;
  /** `required`: a signed-in candidate (401 otherwise); `optional`: answers with or without one. */
  auth?: 'required' | 'optional';
  /** The business codes the operation answers besides those every operation of its kind can (`errorCodesOf`). */
  errors?: readonly ErrorCode[];
  /** Starts a session (cookie mode: sets the session cookie). */
  startsSession?: boolean;
  /** Ends the session (cookie mode: clears the session cookie). */
  endsSession?: boolean;
  /** An operation of the office API (staff key, never a candidate's session). */
  office?: boolean;
  /** Part of the office API's test-only section, switched off in production (404 there). */
  testOnly?: boolean;
}

const op = <T extends Operation>(operation: T) => operation;

const WINDOW: ErrorCode[] = ['WINDOW_NOT_OPEN', 'WINDOW_CLOSED'];

/** One entry per method of `RegistrationBackend`, named like it. */
export const operations = {
  getCaptcha: op({ method: 'GET', path: '/captcha', tag: 'account', summary: '图形验证码 Captcha image', response: s.Captcha }),
  sendVerificationCode: op({
    method: 'POST',
    path: '/account/verification-code',
    tag: 'account',
    summary: '发送验证码 Send a verification code by SMS or e-mail',
    request: s.SendCodeInput,
    response: s.CodeSent,
    errors: ['CAPTCHA_WRONG', 'ACCOUNT_EXISTS', 'ACCOUNT_UNKNOWN', 'TOO_MANY_ATTEMPTS'],
  }),
  register: op({
    method: 'POST',
    path: '/account/register',
    tag: 'account',
    summary: '注册 Register an account and sign in',
    request: s.RegisterInput,
    response: s.LoginResult,
    errors: ['CODE_WRONG', 'ACCOUNT_EXISTS'],
    startsSession: true,
  }),
  login: op({
    method: 'POST',
    path: '/account/login',
    tag: 'account',
    summary: '登录 Log in',
    request: s.LoginInput,
    response: s.LoginResult,
    errors: ['CAPTCHA_WRONG', 'ACCOUNT_UNKNOWN', 'PASSWORD_WRONG', 'TOO_MANY_ATTEMPTS'],
    startsSession: true,
  }),
  resetPassword: op({
    method: 'POST',
    path: '/account/password-reset',
    tag: 'account',
    summary: '找回密码 Reset the password (ends every session of the account)',
    request: s.ResetPasswordInput,
    response: s.Ok,
    errors: ['CODE_WRONG', 'ACCOUNT_UNKNOWN'],
  }),
  logout: op({ method: 'POST', path: '/account/logout', tag: 'account', summary: '退出 Log out (no request body)', response: s.Ok, auth: 'optional', endsSession: true }),
  getSession: op({ method: 'GET', path: '/account/session', tag: 'account', summary: '当前会话 The signed-in candidate, or null', response: s.SessionState, auth: 'optional' }),
  verifyRealName: op({
    method: 'POST',
    path: '/account/real-name',
    tag: 'account',
    summary: '实名认证 Verify the real name',
    request: s.RealNameInput,
    response: s.RealNameResult,
    auth: 'required',
    errors: ['REALNAME_MISMATCH', 'ACCOUNT_EXISTS', 'INVALID_STATE'],
  }),
  getExamSession: op({ method: 'GET', path: '/exam-session', tag: 'exam', summary: '考试轮次 Round, windows, notice, plan, regions', response: s.ExamSession }),
  getApplication: op({ method: 'GET', path: '/application', tag: 'application', summary: '报名信息 The application of the current round', response: s.ApplicationState, auth: 'required' }),
  saveApplicationDraft: op({
    method: 'PUT',
    path: '/application/draft',
    tag: 'application',
    summary: '保存草稿 Save a draft: the fields sent are merged into the saved ones; null clears a field',
    request: s.ApplicationDraft,
    response: s.Application,
    auth: 'required',
    errors: ['REALNAME_REQUIRED', ...WINDOW, 'INVALID_STATE'],
  }),
  submitApplication: op({
    method: 'POST',
    path: '/application/submit',
    tag: 'application',
    summary: '提交报名 Submit for review (needs an uploaded photo: a missing one answers VALIDATION with details.fields.photo)',
    request: s.ApplicationInput,
    response: s.Application,
    idempotent: true,
    auth: 'required',
    errors: ['REALNAME_REQUIRED', ...WINDOW, 'INVALID_STATE'],
  }),
  uploadPhoto: op({
    method: 'POST',
    path: '/application/photo',
    tag: 'application',
    summary: '上传照片 Upload the checked ID photo (multipart/form-data, one part `photo`, image/jpeg, 295×413, at most 200 KB)',
    request: 'multipart',
    response: s.Photo,
    auth: 'required',
    errors: ['REALNAME_REQUIRED', ...WINDOW, 'INVALID_STATE', 'PHOTO_REJECTED'],
  }),
  createPaymentOrder: op({
    method: 'POST',
    path: '/payment/orders',
    tag: 'payment',
    summary: '创建支付订单 Create (or return the open) payment order for a channel',
    request: s.CreateOrderInput,
    response: s.PaymentOrder,
    idempotent: true,
    auth: 'required',
    errors: ['ALREADY_PAID', 'INVALID_STATE', ...WINDOW],
  }),
  getPaymentStatus: op({
    method: 'GET',
    path: '/payment/orders/{orderId}',
    tag: 'payment',
    summary: '支付状态 Status of an order',
    response: s.PaymentStatus,
    auth: 'required',
    errors: ['NOT_FOUND'],
  }),
  getCurrentPayment: op({ method: 'GET', path: '/payment/current', tag: 'payment', summary: '当前订单 The open or last order and its status', response: s.CurrentPayment, auth: 'required' }),
  getRegistrationSlip: op({
    method: 'GET',
    path: '/registration-slip',
    tag: 'papers',
    summary: '报名表 The registration slip, once paid',
    response: s.RegistrationSlip,
    auth: 'required',
    errors: ['INVALID_STATE'],
  }),
  requestChange: op({
    method: 'POST',
    path: '/application/change-request',
    tag: 'application',
    summary: '申请变更 Ask for a change of a paid application',
    request: s.ChangeRequestInput,
    response: s.ChangeRequest,
    auth: 'required',
    errors: ['INVALID_STATE'],
  }),
  getAdmissionTicket: op({ method: 'GET', path: '/admission-ticket', tag: 'papers', summary: '准考证 The admission ticket, inside its printing window', response: s.TicketAvailability, auth: 'required' }),
  getExamArrangement: op({ method: 'GET', path: '/exam-arrangement', tag: 'papers', summary: '考试安排 Exam arrangement', response: s.ArrangementAvailability, auth: 'required' }),
  getScores: op({ method: 'GET', path: '/scores', tag: 'papers', summary: '成绩查询 Scores', response: s.ScoreAvailability, auth: 'required' }),
  getCertificates: op({ method: 'GET', path: '/certificates', tag: 'papers', summary: '证书查询 Certificates', response: s.CertificateList, auth: 'required' }),
} satisfies Record<keyof RegistrationBackend, Operation>;

export type OperationName = keyof typeof operations;

/**
 * Every business code an operation can answer: its own, and those that come with what it is
 * (a body, a session, an idempotency key, the office API) or that any operation can answer
 * (rate limits, failures). Ordered by status, then as listed.
 */
export function errorCodesOf(operation: Operation): ErrorCode[] {
  const codes = new Set<ErrorCode>();
  if (operation.request) ['MALFORMED_REQUEST', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE', 'VALIDATION'].forEach((c) => codes.add(c as ErrorCode));
  if (operation.idempotent) ['IDEMPOTENCY_KEY_REQUIRED', 'IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_IN_PROGRESS'].forEach((c) => codes.add(c as ErrorCode));
  if (operation.auth === 'required') codes.add('UNAUTHENTICATED');
  if (operation.auth && operation.method !== 'GET') codes.add('CSRF_FAILED');
  if (operation.office) codes.add('FORBIDDEN');
  if (operation.testOnly) codes.add('NOT_FOUND');
  for (const code of operation.errors ?? []) codes.add(code);
  for (const code of ['RATE_LIMITED', 'INTERNAL_ERROR', 'SERVICE_UNAVAILABLE'] as const) codes.add(code);
  return [...codes].sort((a, b) => ERROR_STATUS[a] - ERROR_STATUS[b]);
}

/** Fills `{param}` placeholders of a path with URI-encoded values. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
