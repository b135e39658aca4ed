/**
 * How the mock exam office answers one HTTP request of the REST contract, exactly as
 * `docs/openapi.json` says a backend must: used by the MSW handlers (in the browser) and by the
 * fetch handler (a Node server, for the conformance kit and QA over real HTTP).
 *
 * In order: faults and latency; the office API's staff key; the session (bearer token, else the
 * session cookie) and, for a cookie session, the CSRF header on POST and PUT; the idempotency
 * key; the body (content type 415, size 413, JSON 400, schema 422); then the office's answer:
 * 200 with the result, or the contract's error body with the code's status (`Retry-After` on 429
 * and 503). Login and registration set the session cookie in cookie mode; logout clears it.
 */
import { delay, HttpResponse } from 'msw';
import type * as z from 'zod/mini';
import {
  CSRF_HEADER,
  MAX_JSON_BODY_BYTES,
  MAX_UPLOAD_BODY_BYTES,
  OFFICE_KEY_HEADER,
  operations,
  SESSION_COOKIE,
  type Operation,
  type OperationName,
} from '../services/contract.js';
import { officeOperations, type OfficeOperationName } from '../services/office-contract.js';
import type { LoginResult, SessionState } from '../services/schemas.js';
import { checkInput } from '../services/validation.js';
import { canonicalJson } from '../services/rules/canonical-json.js';
import type { PhotoUpload } from './applications.js';
import type { ExamOffice } from './office.js';
import { OfficeError, validationError } from './office-error.js';
import type { FaultMode } from './scenarios.js';

/** Every operation the mock answers: the candidates' contract and the office API. */
export const allOperations = { ...operations, ...officeOperations };
export type AnyOperationName = OperationName | OfficeOperationName;

/** An idempotency key: 8 to 128 printable ASCII characters. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,128}$/;

type RequestOf<N extends AnyOperationName> = (typeof allOperations)[N] extends { request: infer R }
  ? R extends z.ZodMiniType
    ? z.infer<R>
    : undefined
  : undefined;

/** What the pipeline hands the office for one request. */
interface Call<N extends AnyOperationName> {
  token: string | null;
  body: RequestOf<N>;
  params: Record<string, string>;
  idempotencyKey: string;
  /** The request body as canonical JSON: the same idempotency key with another body is refused. */
  fingerprint: string;
  photo: PhotoUpload | undefined;
}

type Answer<N extends AnyOperationName> = (office: ExamOffice, call: Call<N>) => unknown;

/** How each operation is answered by the office. A new contract entry fails to compile here until it is answered. */
const answer: { [N in OperationName]: Answer<N> } & { [N in OfficeOperationName]: Answer<N> } = {
  getCaptcha: (office) => office.getCaptcha(),
  sendVerificationCode: (office, call) => office.sendVerificationCode(call.body),
  register: (office, call) => office.register(call.body),
  login: (office, call) => office.login(call.body),
  resetPassword: (office, call) => office.resetPassword(call.body),
  logout: (office, call) => office.logout(call.token),
  getSession: (office, call) => office.getSession(call.token),
  verifyRealName: (office, call) => office.verifyRealName(call.token, call.body),
  getExamSession: (office) => office.getExamSession(),
  getApplication: (office, call) => office.getApplication(call.token),
  saveApplicationDraft: (office, call) => office.saveApplicationDraft(call.token, call.body),
  submitApplication: (office, call) => office.submitApplication(call.token, call.body, call.idempotencyKey, call.fingerprint),
  uploadPhoto: (office, call) => office.uploadPhoto(call.token, call.photo!),
  createPaymentOrder: (office, call) => office.createPaymentOrder(call.token, call.body, call.idempotencyKey, call.fingerprint),
  getPaymentStatus: (office, call) => office.getPaymentStatus(call.token, call.params.orderId ?? ''),
  getCurrentPayment: (office, call) => office.getCurrentPayment(call.token),
  getRegistrationSlip: (office, call) => office.getRegistrationSlip(call.token),
  requestChange: (office, call) => office.requestChange(call.token, call.body),
  getAdmissionTicket: (office, call) => office.getAdmissionTicket(call.token),
  getExamArrangement: (office, call) => office.getExamArrangement(call.token),
  getScores: (office, call) => office.getScores(call.token),
  getCertificates: (office, call) => office.getCertificates(call.token),
  // The office API
  getReviewQueue: (office) => office.reviewQueue(),
  reviewApplication: (office, call) => office.reviewApplication(call.params.applicationId ?? '', call.body),
  answerChangeRequest: (office, call) => office.answerChangeRequestOf(call.params.applicationId ?? '', call.body),
  markOrderPaid: (office, call) => office.markOrderPaid(call.params.orderId ?? ''),
  publishTickets: (office) => ({ count: office.publishTickets() }),
  publishScores: (office, call) => office.publishScoresOf(call.body),
  issueCertificates: (office) => ({ count: office.issueCertificates() }),
  getCaptchaSolution: (office, call) => office.captchaSolution(call.params.captchaId ?? ''),
  getSentCode: (office, call) => office.sentCodeOf(call.params.target ?? ''),
  setClock: (office, call) => office.setClock(call.body.now),
};

/** One request as the transport hands it over. */
export interface IncomingRequest {
  request: Request;
  /** Path parameters, decoded. */
  params: Record<string, string>;
  /** The request's cookies (MSW reads them from its cookie store in the browser, where `Cookie` is not visible). */
  cookies: Record<string, string>;
  /** The API base path, e.g. `/api`: the session cookie's `Path`. */
  basePath: string;
}

/** Answers one request of operation `name` as the contract says. */
export async function answerRequest(office: ExamOffice, name: AnyOperationName, incoming: IncomingRequest): Promise<Response> {
  const operation: Operation = allOperations[name];
  if (!operation.office) {
    // Faults play the candidates' backend failing; the office's own controls keep working.
    const { latencyMs, down } = office.faultsFor(name as OperationName);
    if (latencyMs > 0) await delay(latencyMs);
    if (down !== 'none') return faultResponse(down);
  }
  const { request } = incoming;
  try {
    if (operation.office) checkOfficeKey(office, operation, request);
    const token = bearerToken(request) ?? incoming.cookies[SESSION_COOKIE] ?? null;
    const viaCookie = bearerToken(request) === null && token !== null;
    if (operation.auth === 'required') office.authenticate(token);
    if (operation.auth && viaCookie && operation.method !== 'GET') checkCsrf(office, token, request);
    const idempotencyKey = request.headers.get('Idempotency-Key')?.trim() ?? '';
    if (operation.idempotent && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new OfficeError('IDEMPOTENCY_KEY_REQUIRED', '缺少有效的 Idempotency-Key 请求头（8至128个可见ASCII字符）。');
    }
    const call: Call<AnyOperationName> = { token, body: undefined as never, params: incoming.params, idempotencyKey, fingerprint: '', photo: undefined };
    if (operation.request === 'multipart') call.photo = await readPhoto(request);
    else if (operation.request) Object.assign(call, await readJsonBody(operation.request, request));
    const result = (answer[name] as Answer<AnyOperationName>)(office, call);
    return successResponse(office, operation, result, incoming, token);
  } catch (error) {
    if (error instanceof OfficeError) return errorResponse(error);
    console.error(`mock exam office: ${name} failed`, error);
    return HttpResponse.json({ code: 'INTERNAL_ERROR', message: '系统繁忙，请稍后再试。' }, { status: 500 });
  }
}

function checkOfficeKey(office: ExamOffice, operation: Operation, request: Request): void {
  if (request.headers.get(OFFICE_KEY_HEADER) !== office.officeKey) {
    throw new OfficeError('FORBIDDEN', '考务接口仅限考试机构工作人员使用（X-Office-Key）。');
  }
  if (operation.testOnly && !office.testApi) throw new OfficeError('NOT_FOUND', '测试接口未开启。');
}

/** A cookie session's POST and PUT carry the session's CSRF token (a page of another site cannot read it). */
function checkCsrf(office: ExamOffice, token: string | null, request: Request): void {
  const expected = office.csrfTokenOf(token);
  if (expected !== undefined && request.headers.get(CSRF_HEADER) !== expected) {
    throw new OfficeError('CSRF_FAILED', '请求缺少有效的安全令牌，请刷新页面后重试。');
  }
}

function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '');
  return match?.[1] ?? null;
}

/** 200 with the result; in cookie mode, login and registration set the session cookie, logout clears it. */
function successResponse(office: ExamOffice, operation: Operation, result: unknown, incoming: IncomingRequest, token: string | null): Response {
  const mode = office.authMode;
  const headers: Record<string, string> = {};
  const secure = new URL(incoming.request.url).protocol === 'https:';
  const path = incoming.basePath || '/';
  if (operation.startsSession) {
    const login = result as LoginResult;
    if (mode !== 'bearer') headers['Set-Cookie'] = sessionCookie(login.token ?? '', path, secure, 8 * 60 * 60);
    if (mode === 'cookie') delete login.token;
    if (mode === 'bearer') delete login.csrfToken;
  }
  if (operation.endsSession && (mode !== 'bearer' || incoming.cookies[SESSION_COOKIE])) {
    headers['Set-Cookie'] = sessionCookie('', path, secure, 0);
  }
  if (operation === operations.getSession) {
    // The CSRF token belongs to a cookie session only.
    const state = result as SessionState;
    if (bearerToken(incoming.request) !== null || token === null) delete state.csrfToken;
  }
  return HttpResponse.json(result as never, { headers });
}

function sessionCookie(value: string, path: string, secure: boolean, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${value}; Path=${path}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** The JSON body: `application/json` (415), at most 64 KB (413), JSON (400), the request schema (422). */
async function readJsonBody(schema: z.ZodMiniType, request: Request): Promise<{ body: unknown; fingerprint: string }> {
  if (!/^application\/json\s*(;|$)/i.test(request.headers.get('Content-Type') ?? '')) {
    throw new OfficeError('UNSUPPORTED_MEDIA_TYPE', '请求体须为 application/json。');
  }
  const bytes = await readLimited(request, MAX_JSON_BODY_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new OfficeError('MALFORMED_REQUEST', '请求体不是有效的JSON。');
  }
  const checked = checkInput(schema, json);
  if (!checked.ok) throw validationError(checked.errors);
  return { body: checked.data, fingerprint: canonicalJson(json) };
}

/** The multipart field `photo`: `multipart/form-data` (415), at most 256 KB (413), a multipart body (400), the part (422). */
async function readPhoto(request: Request): Promise<PhotoUpload> {
  const type = request.headers.get('Content-Type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new OfficeError('UNSUPPORTED_MEDIA_TYPE', '照片须以 multipart/form-data 上传。');
  }
  const bytes = await readLimited(request, MAX_UPLOAD_BODY_BYTES);
  let form: FormData;
  try {
    form = await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), { headers: { 'Content-Type': type } }).formData();
  } catch {
    throw new OfficeError('MALFORMED_REQUEST', '上传的内容不是有效的 multipart/form-data。');
  }
  const file = form.get('photo');
  if (!file || typeof file === 'string') throw validationError({ photo: '请选择要上传的照片。' });
  return { type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** The body's bytes, or PAYLOAD_TOO_LARGE past `maxBytes`. */
async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('Content-Length') ?? NaN);
  const tooLarge = () => new OfficeError('PAYLOAD_TOO_LARGE', `请求体不能超过${Math.round(maxBytes / 1024)}KB。`, { maxBytes });
  if (declared > maxBytes) throw tooLarge();
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length > maxBytes) throw tooLarge();
  return bytes;
}

export { canonicalJson };

function errorResponse(error: OfficeError): Response {
  const headers: Record<string, string> = {};
  const retryAfter = error.details.retryAfterSeconds;
  if (typeof retryAfter === 'number') headers['Retry-After'] = String(retryAfter);
  return HttpResponse.json(error.toBody(), { status: error.status, headers });
}

async function faultResponse(down: Exclude<FaultMode, 'none'>): Promise<Response> {
  switch (down) {
    case 'network':
      return HttpResponse.error();
    case 'http-500':
      return HttpResponse.json({ code: 'INTERNAL_ERROR', message: '服务器内部错误。' }, { status: 500 });
    case 'http-503':
      return HttpResponse.json(
        { code: 'SERVICE_UNAVAILABLE', message: '系统维护中，请稍后再试。', details: { retryAfterSeconds: 120 } },
        { status: 503, headers: { 'Retry-After': '120' } },
      );
    case 'malformed-json':
      return new HttpResponse('{not json', { status: 200, headers: { 'Content-Type': 'application/json' } });
    case 'invalid-schema':
      return HttpResponse.json({ unexpected: 'this is not the shape the contract promises' });
    case 'timeout':
      await delay('infinite');
      return HttpResponse.error();
  }
}
