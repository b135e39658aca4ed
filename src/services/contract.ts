/**
 * The REST contract, written once: `HttpBackend` sends these requests, the MSW exam office
 * answers them, and `npm run openapi` turns this table into `docs/openapi.json`. A test fails
 * when the three disagree.
 */
import type * as z from 'zod/mini';
import * as s from './schemas.js';
import type { RegistrationBackend } from './backend.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

export interface Operation {
  method: HttpMethod;
  /** OpenAPI-style path below the API base, e.g. `/payment/orders/{orderId}`. */
  path: string;
  summary: string;
  tag: 'account' | 'exam' | 'application' | 'payment' | 'papers';
  /** JSON request body; `multipart` for the photo upload. */
  request?: z.ZodMiniType | 'multipart';
  /** The 2xx response body. */
  response: z.ZodMiniType;
  /** Sends an `Idempotency-Key` header. */
  idempotent?: boolean;
  /** Needs a signed-in candidate (401 otherwise). */
  auth?: boolean;
}

const op = <T extends Operation>(operation: T) => operation;

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
  }),
  register: op({ method: 'POST', path: '/account/register', tag: 'account', summary: '注册 Register an account', request: s.RegisterInput, response: s.LoginResult }),
  login: op({ method: 'POST', path: '/account/login', tag: 'account', summary: '登录 Log in', request: s.LoginInput, response: s.LoginResult }),
  resetPassword: op({ method: 'POST', path: '/account/password-reset', tag: 'account', summary: '找回密码 Reset the password', request: s.ResetPasswordInput, response: s.Ok }),
  logout: op({ method: 'POST', path: '/account/logout', tag: 'account', summary: '退出 Log out', response: s.Ok }),
  getSession: op({ method: 'GET', path: '/account/session', tag: 'account', summary: '当前会话 The signed-in candidate, or null', response: s.SessionState }),
  verifyRealName: op({
    method: 'POST',
    path: '/account/real-name',
    tag: 'account',
    summary: '实名认证 Verify the real name',
    request: s.RealNameInput,
    response: s.RealNameResult,
    auth: true,
  }),
  getExamSession: op({ method: 'GET', path: '/exam-session', tag: 'exam', summary: '考试轮次 Round, windows, notice, plan, regions', response: s.ExamSession }),
  getApplication: op({ method: 'GET', path: '/application', tag: 'application', summary: '报名信息 The application of the current round', response: s.ApplicationState, auth: true }),
  saveApplicationDraft: op({
    method: 'PUT',
    path: '/application/draft',
    tag: 'application',
    summary: '保存草稿 Save a draft: the fields sent are merged into the saved ones; null clears a field',
    request: s.ApplicationDraft,
    response: s.Application,
    auth: true,
  }),
  submitApplication: op({
    method: 'POST',
    path: '/application/submit',
    tag: 'application',
    summary: '提交报名 Submit for review (needs an uploaded photo: a missing one answers VALIDATION with details.fields.photo)',
    request: s.ApplicationInput,
    response: s.Application,
    idempotent: true,
    auth: true,
  }),
  uploadPhoto: op({
    method: 'POST',
    path: '/application/photo',
    tag: 'application',
    summary: '上传照片 Upload the checked ID photo (multipart field `photo`, image/jpeg)',
    request: 'multipart',
    response: s.Photo,
    auth: true,
  }),
  createPaymentOrder: op({
    method: 'POST',
    path: '/payment/orders',
    tag: 'payment',
    summary: '创建支付订单 Create (or return the open) payment order for a channel',
    request: s.CreateOrderInput,
    response: s.PaymentOrder,
    idempotent: true,
    auth: true,
  }),
  getPaymentStatus: op({ method: 'GET', path: '/payment/orders/{orderId}', tag: 'payment', summary: '支付状态 Status of an order', response: s.PaymentStatus, auth: true }),
  getCurrentPayment: op({ method: 'GET', path: '/payment/current', tag: 'payment', summary: '当前订单 The open or last order and its status', response: s.CurrentPayment, auth: true }),
  getRegistrationSlip: op({ method: 'GET', path: '/registration-slip', tag: 'papers', summary: '报名表 The registration slip', response: s.RegistrationSlip, auth: true }),
  requestChange: op({
    method: 'POST',
    path: '/application/change-request',
    tag: 'application',
    summary: '申请变更 Ask for a change',
    request: s.ChangeRequestInput,
    response: s.ChangeRequest,
    auth: true,
  }),
  getAdmissionTicket: op({ method: 'GET', path: '/admission-ticket', tag: 'papers', summary: '准考证 The admission ticket, inside its printing window', response: s.TicketAvailability, auth: true }),
  getExamArrangement: op({ method: 'GET', path: '/exam-arrangement', tag: 'papers', summary: '考试安排 Exam arrangement', response: s.ArrangementAvailability, auth: true }),
  getScores: op({ method: 'GET', path: '/scores', tag: 'papers', summary: '成绩查询 Scores', response: s.ScoreAvailability, auth: true }),
  getCertificates: op({ method: 'GET', path: '/certificates', tag: 'papers', summary: '证书查询 Certificates', response: s.CertificateList, auth: true }),
} satisfies Record<keyof RegistrationBackend, Operation>;

export type OperationName = keyof typeof operations;

/** Fills `{param}` placeholders of a path with URI-encoded values. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}
