/**
 * The server's HTTP app (Hono): one route per operation of the contract's tables (`operations`
 * and `officeOperations`), every request answered through one pipeline in the contract's order,
 * as the mock office does (`src/mocks/http-answer.ts`): rate limits; the office API's staff key
 * (403); the session, bearer token before cookie (401); a cookie session's CSRF header on POST
 * and PUT (403); the idempotency key (400); the body: content type (415), size (413), JSON (400),
 * the contract's zod schema (422); then the operation. Refusals are the contract's error body
 * with the code's status (`Retry-After` on 429 and 503); a database out of reach is 503.
 *
 * Beside the contract: photos (`photos/<id>`, to their owner and the office), the captcha's
 * spoken alternative, the gateway's notifications, /healthz and /readyz.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
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
} from '../src/services/contract.js';
import { officeOperations, type OfficeOperationName } from '../src/services/office-contract.js';
import { SESSION_LIFETIME_MS, UNAUTHENTICATED } from '../src/services/rules/accounts.js';
import type { PhotoUpload } from '../src/services/rules/application.js';
import { canonicalJson } from '../src/services/rules/canonical-json.js';
import { jpegSize } from '../src/services/rules/jpeg.js';
import { OfficeError } from '../src/services/rules/office-error.js';
import type { LoginResult, SessionState } from '../src/services/schemas.js';
import { checkInput } from '../src/services/validation.js';
import * as accounts from './accounts.js';
import * as applications from './applications.js';
import type { Actor } from './audit.js';
import { DatabaseUnavailableError, isUnavailable } from './db/database.js';
import { NotificationRejected } from './gateway/gateway.js';
import { idempotent } from './idempotency.js';
import * as office from './office/office-api.js';
import { staffOfKey } from './office/staff.js';
import * as papers from './papers.js';
import * as payments from './payments.js';
import { photoSignatureValid } from './photos/urls.js';
import { hit } from './rate-limit.js';
import { randomHex, sameText } from './secrets.js';
import { currentRoundJson, type Call, type Services } from './services.js';
import { chinaIso } from '../src/services/rules/time.js';

/** Every operation the server answers: the candidates' contract and the office API. */
export const allOperations = { ...operations, ...officeOperations };
export type AnyOperationName = OperationName | OfficeOperationName;

/** An idempotency key: 8 to 128 printable ASCII characters. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,128}$/;

/** Operations that try secrets (captchas, codes, passwords): a tighter limit per address. */
const SENSITIVE = new Set<AnyOperationName>(['getCaptcha', 'sendVerificationCode', 'register', 'login', 'resetPassword']);

/** What the pipeline hands an operation. */
interface Request<N extends AnyOperationName> {
  call: Call;
  session: accounts.SessionRow | null;
  token: string | null;
  body: RequestBody<N>;
  params: Record<string, string>;
  idempotencyKey: string;
  fingerprint: string;
  photo: PhotoUpload | undefined;
}

type RequestBody<N extends AnyOperationName> = (typeof allOperations)[N] extends { request: infer R } ? (R extends z.ZodMiniType ? z.infer<R> : undefined) : undefined;

/** An answer already serialised (a replayed idempotent answer, byte for byte). */
class JsonText {
  constructor(readonly text: string) {}
}

type Handler<N extends AnyOperationName> = (request: Request<N>) => Promise<unknown>;

/** How each operation is answered. A new contract entry fails to compile here until it is answered. */
const handlers: { [N in OperationName]: Handler<N> } & { [N in OfficeOperationName]: Handler<N> } = {
  getCaptcha: ({ call }) => accounts.issueCaptcha(call),
  sendVerificationCode: ({ call, body }) => accounts.sendVerificationCode(call, body),
  register: ({ call, body }) => accounts.register(call, body),
  login: ({ call, body }) => accounts.login(call, body),
  resetPassword: async ({ call, body }) => {
    await accounts.resetPassword(call, body);
    return { ok: true };
  },
  logout: async ({ call, token }) => {
    await accounts.logout(call, token);
    return { ok: true };
  },
  getSession: async ({ session }) => accounts.sessionState(session),
  verifyRealName: ({ call, session, body }) => accounts.verifyRealName(call, session!.id, body),
  getExamSession: async ({ call }) => new JsonText(await currentRoundJson(call, chinaIso(call.nowMs))),
  getApplication: ({ call, session }) => applications.getApplication(call, session!),
  saveApplicationDraft: ({ call, session, body }) => applications.saveDraft(call, session!, body),
  submitApplication: async ({ call, session, body, idempotencyKey, fingerprint }) =>
    new JsonText(
      await idempotent(call.s.db, { accountId: session!.id, operation: 'submitApplication', key: idempotencyKey, fingerprint }, call.realNowMs, (tx) =>
        applications.submit(call, tx, session!, body),
      ),
    ),
  uploadPhoto: ({ call, session, photo }) => applications.attachPhoto(call, session!, photo!),
  createPaymentOrder: async ({ call, session, body, idempotencyKey, fingerprint }) =>
    new JsonText(
      await idempotent(call.s.db, { accountId: session!.id, operation: 'createPaymentOrder', key: idempotencyKey, fingerprint }, call.realNowMs, (tx) =>
        payments.createOrder(call, tx, session!, body.channel),
      ),
    ),
  getPaymentStatus: ({ call, session, params }) => payments.paymentStatus(call, session!, params.orderId ?? ''),
  getCurrentPayment: ({ call, session }) => payments.currentPayment(call, session!),
  getRegistrationSlip: ({ call, session }) => papers.getRegistrationSlip(call, session!),
  requestChange: ({ call, session, body }) => applications.requestChange(call, session!, body),
  getAdmissionTicket: ({ call, session }) => papers.getAdmissionTicket(call, session!),
  getExamArrangement: ({ call, session }) => papers.getExamArrangement(call, session!),
  getScores: ({ call, session }) => papers.getScores(call, session!),
  getCertificates: ({ call, session }) => papers.getCertificates(call, session!),
  // The office API
  getReviewQueue: ({ call }) => office.reviewQueue(call),
  reviewApplication: ({ call, params, body }) => office.reviewApplication(call, params.applicationId ?? '', body),
  answerChangeRequest: ({ call, params, body }) => office.answerChangeRequest(call, params.applicationId ?? '', body),
  markOrderPaid: ({ call, params }) => payments.markOrderPaid(call, params.orderId ?? ''),
  publishTickets: ({ call }) => office.publishTickets(call),
  publishScores: ({ call, body }) => office.publishScores(call, body),
  issueCertificates: ({ call }) => office.issueCertificates(call),
  getCaptchaSolution: ({ call, params }) => office.captchaSolution(call, params.captchaId ?? ''),
  getSentCode: ({ call, params }) => office.sentCodeOf(call, params.target ?? ''),
  setClock: ({ call, body }) => office.setClock(call, body.now),
};

/** What the app needs beside the services. */
export interface AppOptions {
  /** Answers 503 on /readyz while true (a graceful shutdown is draining). */
  draining: () => boolean;
  /** Extra routes mounted before the 404 (the demo page, the simulated gateway). */
  mount?: (app: Hono) => void;
}

/** The server's Hono app. */
export function createApp(s: Services, options: AppOptions): Hono {
  const { config } = s;
  const base = config.basePath === '/' ? '' : config.basePath.replace(/\/$/, '');
  const app = new Hono();

  app.use('*', async (c, next) => {
    const started = performance.now();
    c.set('requestId' as never, randomHex(8) as never);
    await next();
    const path = new URL(c.req.url).pathname;
    if (path === '/healthz' || path === '/readyz') return;
    s.log.info({ requestId: c.get('requestId' as never), method: c.req.method, path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
  });
  app.use('*', secureHeaders({ crossOriginResourcePolicy: false, crossOriginEmbedderPolicy: false, crossOriginOpenerPolicy: false }));
  if (config.corsOrigins.length > 0) {
    app.use(
      `${base}/*`,
      cors({
        origin: (origin) => (config.corsOrigins.includes(origin) ? origin : null),
        credentials: true,
        allowMethods: ['GET', 'POST', 'PUT'],
        allowHeaders: ['Content-Type', 'Accept', 'Authorization', 'Idempotency-Key', CSRF_HEADER],
        exposeHeaders: ['Retry-After'],
        maxAge: 600,
      }),
    );
  }

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => {
    if (options.draining()) return c.json({ ok: false, reason: 'shutting down' }, 503);
    try {
      await Promise.race([s.db.ping(), new Promise((_, reject) => setTimeout(() => reject(new Error('database ping timed out')), 2000))]);
      return c.json({ ok: true, database: s.db.kind });
    } catch (error) {
      return c.json({ ok: false, reason: error instanceof Error ? error.message : String(error) }, 503);
    }
  });

  for (const name of Object.keys(allOperations) as AnyOperationName[]) {
    const operation: Operation = allOperations[name];
    const path = base + operation.path.replace(/\{(\w+)\}/g, ':$1');
    app.on(operation.method, path, (c) => answer(s, name, operation, c));
  }

  app.get(`${base}/photos/:photoId`, (c) => servePhoto(s, c));
  app.get(`${base}/captcha/:captchaId/audio`, (c) => serveCaptchaAudio(s, c));
  app.post(`${base}/gateway/:gatewayId/notify`, (c) => gatewayNotification(s, c));

  options.mount?.(app);
  app.all(`${base}/*`, (c) => c.json({ code: 'NOT_FOUND', message: `没有 ${c.req.method} ${new URL(c.req.url).pathname} 这个接口。` }, 404));
  app.onError((error, c) => errorResponse(s, c, error));
  return app;
}

/** The client's address: the socket's, or the first of X-Forwarded-For behind a trusted proxy. */
function clientAddress(s: Services, c: Context): string {
  if (s.config.trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function isHttps(s: Services, c: Context): boolean {
  if (s.config.secureCookies !== undefined) return s.config.secureCookies;
  if (s.config.trustProxy && c.req.header('X-Forwarded-Proto') === 'https') return true;
  return new URL(c.req.url).protocol === 'https:' || (s.config.publicUrl?.startsWith('https:') ?? false);
}

function bearerToken(c: Context): string | null {
  return /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '')?.[1] ?? null;
}

/** A request's view of the office: the clock read once, who asks. */
async function newCall(s: Services, c: Context, actor: Partial<Actor> = {}): Promise<Call> {
  const realNowMs = s.clock.real();
  const nowMs = await s.clock.now(s.db);
  return {
    s,
    nowMs,
    realNowMs,
    actor: { type: 'candidate', id: null, requestId: c.get('requestId' as never) as string, address: clientAddress(s, c), ...actor },
  };
}

async function answer(s: Services, name: AnyOperationName, operation: Operation, c: Context): Promise<Response> {
  const { config, db } = s;
  const address = clientAddress(s, c);
  const realNowMs = s.clock.real();
  if (!operation.office) {
    await hit(db, `address:${address}`, config.rateLimitAddress, realNowMs);
    if (SENSITIVE.has(name)) await hit(db, `sensitive:${address}`, config.rateLimitSensitive, realNowMs);
  }
  let actor: Partial<Actor> = {};
  if (operation.office) {
    const staff = await staffOfKey(db, c.req.header(OFFICE_KEY_HEADER) ?? null);
    if (!staff) {
      // Guessing keys counts like guessing passwords.
      await hit(db, `sensitive:${address}`, config.rateLimitSensitive, realNowMs);
      throw new OfficeError('FORBIDDEN', '考务接口仅限考试机构工作人员使用（X-Office-Key）。');
    }
    if (operation.testOnly && !config.testApi) throw new OfficeError('NOT_FOUND', '测试接口未开启。');
    actor = { type: 'staff', id: staff.name };
  }
  const call = await newCall(s, c, actor);
  const bearer = bearerToken(c);
  const token = bearer ?? getCookie(c, SESSION_COOKIE) ?? null;
  const viaCookie = bearer === null && token !== null;
  const session = operation.auth && token ? await accounts.sessionOfToken(call, token) : null;
  if (operation.auth === 'required' && !session) throw UNAUTHENTICATED();
  if (session) {
    call.actor = { ...call.actor, type: 'candidate', id: session.id };
    await hit(db, `account:${session.id}`, config.rateLimitAccount, realNowMs);
    // A cookie session's POST and PUT carry its CSRF token (a page of another site cannot read it).
    if (viaCookie && operation.method !== 'GET' && !sameText(c.req.header(CSRF_HEADER) ?? '', session.csrf_token)) {
      throw new OfficeError('CSRF_FAILED', '请求缺少有效的安全令牌，请刷新页面后重试。');
    }
  }
  const idempotencyKey = c.req.header('Idempotency-Key')?.trim() ?? '';
  if (operation.idempotent && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new OfficeError('IDEMPOTENCY_KEY_REQUIRED', '缺少有效的 Idempotency-Key 请求头（8至128个可见ASCII字符）。');
  }
  const request: Request<AnyOperationName> = { call, session, token, body: undefined as never, params: c.req.param() as Record<string, string>, idempotencyKey, fingerprint: '', photo: undefined };
  if (operation.request === 'multipart') request.photo = await readPhoto(c);
  else if (operation.request) Object.assign(request, await readJsonBody(operation.request, c));
  const result = await (handlers[name] as Handler<AnyOperationName>)(request);
  if (config.responseDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, config.responseDelayMs));
  return success(s, c, operation, result, session, bearer);
}

/** 200 with the result; login and registration set the session cookie (cookie modes), logout clears it. */
function success(s: Services, c: Context, operation: Operation, result: unknown, session: accounts.SessionRow | null, bearer: string | null): Response {
  const mode = s.config.authModes;
  const headers = new Headers({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  const path = s.config.basePath || '/';
  const secure = isHttps(s, c) ? '; Secure' : '';
  if (operation.startsSession) {
    const login = result as LoginResult;
    if (mode !== 'bearer') headers.append('Set-Cookie', `${SESSION_COOKIE}=${login.token}; Path=${path}; Max-Age=${SESSION_LIFETIME_MS / 1000}; HttpOnly; SameSite=Lax${secure}`);
    if (mode === 'cookie') delete login.token;
    if (mode === 'bearer') delete login.csrfToken;
  }
  if (operation.endsSession && (mode !== 'bearer' || getCookie(c, SESSION_COOKIE) !== undefined)) {
    headers.append('Set-Cookie', `${SESSION_COOKIE}=; Path=${path}; Max-Age=0; HttpOnly; SameSite=Lax${secure}`);
  }
  if (operation === operations.getSession) {
    // The CSRF token belongs to a cookie session only.
    const state = result as SessionState;
    if (bearer !== null || session === null) delete state.csrfToken;
  }
  const text = result instanceof JsonText ? result.text : JSON.stringify(result);
  return new Response(text, { status: 200, headers });
}

/** The request body's bytes, at most `maxBytes` (PAYLOAD_TOO_LARGE past them: read no further). */
async function readLimited(c: Context, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new OfficeError('PAYLOAD_TOO_LARGE', `请求体不能超过${Math.round(maxBytes / 1024)}KB。`, { maxBytes });
  const declared = Number(c.req.header('Content-Length') ?? NaN);
  if (declared > maxBytes) throw tooLarge();
  const body = c.req.raw.body;
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The JSON body: `application/json` (415), at most 64 KB (413), JSON (400), the request schema (422). */
async function readJsonBody(schema: z.ZodMiniType, c: Context): Promise<{ body: unknown; fingerprint: string }> {
  if (!/^application\/json\s*(;|$)/i.test(c.req.header('Content-Type') ?? '')) {
    throw new OfficeError('UNSUPPORTED_MEDIA_TYPE', '请求体须为 application/json。');
  }
  const bytes = await readLimited(c, MAX_JSON_BODY_BYTES);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new OfficeError('MALFORMED_REQUEST', '请求体不是有效的JSON。');
  }
  const checked = checkInput(schema, json);
  if (!checked.ok) throw new OfficeError('VALIDATION', '提交的信息有误，请按提示修改。', { fields: checked.errors });
  return { body: checked.data, fingerprint: canonicalJson(json) };
}

/** The multipart part `photo`: `multipart/form-data` (415), at most 256 KB (413), a multipart body (400), the part (422). */
async function readPhoto(c: Context): Promise<PhotoUpload> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) throw new OfficeError('UNSUPPORTED_MEDIA_TYPE', '照片须以 multipart/form-data 上传。');
  const bytes = await readLimited(c, MAX_UPLOAD_BODY_BYTES);
  let form: FormData;
  try {
    form = await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]), { headers: { 'Content-Type': type } }).formData();
  } catch {
    throw new OfficeError('MALFORMED_REQUEST', '上传的内容不是有效的 multipart/form-data。');
  }
  const file = form.get('photo');
  if (!file || typeof file === 'string') throw new OfficeError('VALIDATION', '提交的信息有误，请按提示修改。', { fields: { photo: '请选择要上传的照片。' } });
  return { type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/**
 * A photo: to the office (staff key), or with the signature its owner's answers carry; never to
 * another candidate (a request with another candidate's session is refused even with a valid
 * signature). Its bytes are checked again before they go out.
 */
async function servePhoto(s: Services, c: Context): Promise<Response> {
  await hit(s.db, `address:${clientAddress(s, c)}`, s.config.rateLimitAddress, s.clock.real());
  const call = await newCall(s, c);
  const photoId = c.req.param('photoId') ?? '';
  const { rows } = await s.db.query<{ account_id: string; storage_key: string; width: number; height: number }>(
    'SELECT account_id, storage_key, width, height FROM photos WHERE id = $1',
    [photoId],
  );
  const photo = rows[0];
  const notFound = () => c.json({ code: 'NOT_FOUND', message: '照片不存在。' }, 404);
  if (!photo) return notFound();
  const staff = c.req.header(OFFICE_KEY_HEADER) ? await staffOfKey(s.db, c.req.header(OFFICE_KEY_HEADER) ?? null) : null;
  if (!staff) {
    const token = bearerToken(c) ?? getCookie(c, SESSION_COOKIE) ?? null;
    const session = token ? await accounts.sessionOfToken(call, token) : null;
    if (session && session.id !== photo.account_id) return notFound();
    const signed = photoSignatureValid(s.secret, photoId, photo.account_id, c.req.query('exp'), c.req.query('sig'), call.realNowMs);
    if (!signed && session?.id !== photo.account_id) return notFound();
  }
  const bytes = await s.photos.get(photo.storage_key);
  const size = bytes ? jpegSize(bytes) : null;
  if (!bytes || size?.width !== photo.width || size.height !== photo.height) {
    s.log.error({ photoId }, 'a stored photo is missing or does not match its row');
    return c.json({ code: 'NOT_FOUND', message: '照片不存在。' }, 404);
  }
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: { 'Content-Type': 'image/jpeg', 'Cache-Control': 'private, max-age=3600', 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'" },
  });
}

/** The captcha's spoken alternative (a WAV of the digits), while the captcha is unused. */
async function serveCaptchaAudio(s: Services, c: Context): Promise<Response> {
  await hit(s.db, `sensitive:${clientAddress(s, c)}`, s.config.rateLimitSensitive, s.clock.real());
  const call = await newCall(s, c);
  const code = s.speaker ? await accounts.captchaAnswer(call, c.req.param('captchaId') ?? '') : null;
  if (!code || !s.speaker) return c.json({ code: 'NOT_FOUND', message: '图形验证码不存在、已使用或已过期。' }, 404);
  const wav = await s.speaker.speak(code);
  return new Response(wav as Uint8Array<ArrayBuffer>, { status: 200, headers: { 'Content-Type': 'audio/wav', 'Cache-Control': 'no-store' } });
}

/** A gateway's asynchronous notification: verified, logged, applied once, acknowledged. */
async function gatewayNotification(s: Services, c: Context): Promise<Response> {
  const call = await newCall(s, c, { type: 'gateway', id: s.gateway.id });
  if (c.req.param('gatewayId') !== s.gateway.id) return c.json({ code: 'FAIL', message: 'unknown gateway' }, 404);
  let body: string;
  try {
    body = new TextDecoder('utf-8', { fatal: true }).decode(await readLimited(c, MAX_JSON_BODY_BYTES));
  } catch (error) {
    if (error instanceof OfficeError) return c.json({ code: 'FAIL', message: 'body too large' }, 413);
    return c.json({ code: 'FAIL', message: 'not UTF-8' }, 400);
  }
  const log = (fields: { valid: boolean; outcome: string; outTradeNo?: string | undefined; tradeNo?: string | null | undefined; notifyId?: string | undefined }) =>
    s.db.query(
      `INSERT INTO gateway_notifications (gateway, notify_id, out_trade_no, trade_no, signature_valid, outcome, body, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [s.gateway.id, fields.notifyId ?? null, fields.outTradeNo ?? null, fields.tradeNo ?? null, fields.valid, fields.outcome, body, new Date(call.realNowMs)],
    );
  let report;
  try {
    report = s.gateway.verifyNotification({ headers: c.req.raw.headers, body, realNowMs: call.realNowMs });
  } catch (error) {
    if (!(error instanceof NotificationRejected)) throw error;
    await log({ valid: false, outcome: `rejected: ${error.message}` });
    s.log.warn({ reason: error.message }, 'gateway notification rejected');
    return c.json({ code: 'FAIL', message: 'signature verification failed' }, 400);
  }
  const outcome = await payments.applyTradeReport(call, report, 'notify');
  await log({ valid: true, outcome, outTradeNo: report.outTradeNo, tradeNo: report.tradeNo, notifyId: report.notifyId });
  s.log.info({ orderId: report.outTradeNo, status: report.status, outcome }, 'gateway notification');
  const ack = s.gateway.acknowledgement();
  return new Response(ack.body, { status: ack.status, headers: { 'Content-Type': ack.contentType } });
}

function errorResponse(s: Services, c: Context, error: unknown): Response {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers } });
  if (error instanceof OfficeError) {
    const headers: Record<string, string> = {};
    const retryAfter = error.details.retryAfterSeconds;
    if (typeof retryAfter === 'number') headers['Retry-After'] = String(retryAfter);
    // The rest of an oversized body is never read: the connection cannot carry another request.
    if (error.code === 'PAYLOAD_TOO_LARGE') headers.Connection = 'close';
    return json(error.status, error.toBody(), headers);
  }
  if (error instanceof DatabaseUnavailableError || isUnavailable(error)) {
    s.log.error({ err: error }, 'database unavailable');
    return json(503, { code: 'SERVICE_UNAVAILABLE', message: '系统繁忙，请稍后再试。', details: { retryAfterSeconds: 5 } }, { 'Retry-After': '5' });
  }
  s.log.error({ err: error, requestId: c.get('requestId' as never) }, 'request failed');
  return json(500, { code: 'INTERNAL_ERROR', message: '系统繁忙，请稍后再试。' });
}
