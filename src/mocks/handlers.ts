/**
 * MSW request handlers for the mock exam office, built from the REST contract table
 * (`operations` in `services/contract.ts`): one handler per operation, so the mock cannot drift
 * from the contract. Each handler applies the office's faults and latency, checks the bearer
 * token where the operation needs a signed-in candidate, requires `Idempotency-Key` where the
 * operation is idempotent, parses the body with the operation's request schema, asks the office
 * and answers JSON: 200 with the result, or 4xx `{ code, message, details }` for a business rule.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type * as z from 'zod/mini';
import { operations, type Operation, type OperationName } from '../services/contract.js';
import { checkInput } from '../services/validation.js';
import type { PhotoUpload } from './applications.js';
import type { ExamOffice } from './office.js';
import { OfficeError, validationError } from './office-error.js';
import type { FaultMode } from './scenarios.js';

/** Options of {@link createHandlers}. */
export interface HandlerOptions {
  /** The API base the handlers answer under: a path (`/api`, the default) or an absolute URL. */
  baseUrl?: string;
}

/** A route the handlers answer: the contract's method and the MSW path (`{orderId}` → `:orderId`). */
export interface HandlerRoute {
  operation: OperationName;
  method: Operation['method'];
  path: string;
}

type RequestOf<N extends OperationName> = (typeof operations)[N] extends { request: infer R }
  ? R extends z.ZodMiniType
    ? z.infer<R>
    : undefined
  : undefined;

/** What a handler hands the office for one request. */
interface Call<N extends OperationName> {
  token: string | null;
  body: RequestOf<N>;
  params: Record<string, string>;
  idempotencyKey: string;
  photo: PhotoUpload | undefined;
}

/** How each operation is answered by the office. A new contract entry fails to compile here until it is answered. */
const answer: { [N in OperationName]: (office: ExamOffice, call: Call<N>) => unknown } = {
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
  submitApplication: (office, call) => office.submitApplication(call.token, call.body, call.idempotencyKey),
  uploadPhoto: (office, call) => office.uploadPhoto(call.token, call.photo!),
  createPaymentOrder: (office, call) => office.createPaymentOrder(call.token, call.body, call.idempotencyKey),
  getPaymentStatus: (office, call) => office.getPaymentStatus(call.token, call.params.orderId ?? ''),
  getCurrentPayment: (office, call) => office.getCurrentPayment(call.token),
  getRegistrationSlip: (office, call) => office.getRegistrationSlip(call.token),
  requestChange: (office, call) => office.requestChange(call.token, call.body),
  getAdmissionTicket: (office, call) => office.getAdmissionTicket(call.token),
  getExamArrangement: (office, call) => office.getExamArrangement(call.token),
  getScores: (office, call) => office.getScores(call.token),
  getCertificates: (office, call) => office.getCertificates(call.token),
};

const OPERATION_NAMES = Object.keys(operations) as OperationName[];

/** `/api` + `/payment/orders/{orderId}` → `/api/payment/orders/:orderId`. */
function routePath(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '') + path.replace(/\{(\w+)\}/g, ':$1');
}

/** Every route the handlers answer, one per contract operation (for drift tests and docs). */
export function handlerRoutes(options: HandlerOptions = {}): HandlerRoute[] {
  const baseUrl = options.baseUrl ?? '/api';
  return OPERATION_NAMES.map((name) => ({
    operation: name,
    method: operations[name].method,
    path: routePath(baseUrl, operations[name].path),
  }));
}

/** One MSW handler per operation of the contract, answered by `office`. */
export function createHandlers(office: ExamOffice, options: HandlerOptions = {}): HttpHandler[] {
  return handlerRoutes(options).map((route) => handlerFor(office, route));
}

function handlerFor(office: ExamOffice, route: HandlerRoute): HttpHandler {
  const name = route.operation;
  const operation: Operation = operations[name];
  const method = operation.method === 'GET' ? http.get : operation.method === 'PUT' ? http.put : http.post;
  return method(route.path, async ({ request, params }) => {
    const { latencyMs, down } = office.faultsFor(name);
    if (latencyMs > 0) await delay(latencyMs);
    if (down !== 'none') return faultResponse(down);
    try {
      const token = bearerToken(request);
      if (operation.auth) office.authenticate(token);
      const idempotencyKey = request.headers.get('Idempotency-Key')?.trim() ?? '';
      if (operation.idempotent && !idempotencyKey) {
        throw new OfficeError('VALIDATION', '缺少 Idempotency-Key 请求头。', { header: 'Idempotency-Key' }, 400);
      }
      const call = {
        token,
        body: await readJsonBody(operation, request),
        params: Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)])),
        idempotencyKey,
        photo: operation.request === 'multipart' ? await readPhoto(request) : undefined,
      };
      const result = (answer[name] as (office: ExamOffice, call: Call<OperationName>) => unknown)(office, call as Call<OperationName>);
      return HttpResponse.json(result as never);
    } catch (error) {
      if (error instanceof OfficeError) return errorResponse(error);
      console.error(`mock exam office: ${name} failed`, error);
      return HttpResponse.json({ code: 'INTERNAL_ERROR', message: '系统繁忙，请稍后再试。' }, { status: 500 });
    }
  });
}

function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('Authorization') ?? '');
  return match?.[1] ?? null;
}

/** The JSON body checked with the operation's request schema (422 VALIDATION with the fields' messages). */
async function readJsonBody(operation: Operation, request: Request): Promise<unknown> {
  const schema = operation.request;
  if (schema === undefined || schema === 'multipart') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(await request.text());
  } catch {
    throw validationError({}, '请求体不是有效的JSON。');
  }
  const checked = checkInput(schema, json);
  if (!checked.ok) throw validationError(checked.errors);
  return checked.data;
}

/** The multipart field `photo`. */
async function readPhoto(request: Request): Promise<PhotoUpload> {
  let file: FormDataEntryValue | null = null;
  try {
    file = (await request.formData()).get('photo');
  } catch {
    // not a multipart body: reported below
  }
  if (!file || typeof file === 'string') throw validationError({ photo: '请选择要上传的照片。' });
  return { type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
}

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
        { code: 'SERVICE_UNAVAILABLE', message: '系统维护中，请稍后再试。' },
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
