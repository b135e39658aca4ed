/**
 * The words of the REST contract: what each schema and field means, examples of every schema,
 * what each error code means and what the elements do with it, and the rules a backend must
 * keep (auth modes, idempotency, image URLs, limits, life cycles). `npm run openapi` puts them
 * into `docs/openapi.json`; a test checks that every schema and field has a description and an
 * example and that every example passes its schema (zod, and an independent JSON Schema
 * validator).
 *
 * Not imported by the elements (it would only add bytes to a page): only the OpenAPI generator,
 * the tests and the README's error table read it.
 */
import type * as z from 'zod/mini';
import {
  CSRF_HEADER,
  IDEMPOTENCY_RETENTION_HOURS,
  MAX_JSON_BODY_BYTES,
  MAX_PHOTO_BYTES,
  MAX_UPLOAD_BODY_BYTES,
  OFFICE_KEY_HEADER,
  SESSION_COOKIE,
} from './contract.js';
import { ERROR_DETAILS, ERROR_STATUS, errorBodyOf, type ErrorCode } from './error-codes.js';
import { schemaDocEntries } from './contract-docs-schemas.js';

/** The words of one schema. */
export interface SchemaDoc {
  description: string;
  /** Whole values; together they show every field at least once (a test checks it). */
  examples: unknown[];
  /**
   * A description per field, by dotted path below the schema (`user.id`; arrays are stepped
   * through: `subjects.name`). Fields of another named schema are described there.
   */
  fields?: Record<string, string>;
}

/** What an error code means, what the elements do with it, and an example body. */
export interface ErrorDoc {
  meaning: string;
  elements: string;
  example: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}

const e = (code: ErrorCode, message: string, details?: Record<string, unknown>) =>
  details ? { code, message, details } : { code, message };

/** Every code of the contract: meaning, what the elements do, an example. */
export const ERROR_DOCS: Record<ErrorCode, ErrorDoc> = {
  MALFORMED_REQUEST: {
    meaning: 'The body is not JSON (or not a multipart body for the photo).',
    elements: 'Not provoked by the elements (they send the JSON they built). If it comes: a business error that is not retryable, the backend\'s message shown where the action failed.',
    example: e('MALFORMED_REQUEST', '请求体不是有效的JSON。'),
  },
  IDEMPOTENCY_KEY_REQUIRED: {
    meaning: 'An idempotent operation came without `Idempotency-Key`, or with one that is not 8–128 printable ASCII characters.',
    elements: 'Not provoked: the adapter refuses to send an idempotent call without a key, and the elements send 32 hex digits. If it comes: the backend\'s message where the action failed, not retryable.',
    example: e('IDEMPOTENCY_KEY_REQUIRED', '缺少有效的 Idempotency-Key 请求头。'),
  },
  UNAUTHENTICATED: {
    meaning: 'No session, or the session has ended (expired, logged out, password reset).',
    elements: 'The adapter forgets its token and CSRF token. The element that got it fires `rk-session-expired` (the registration form, real name, photo checker, payment panel when loading, creating an order or checking its status, the papers and queries when loading, the change request of the 报名表, rk-status-timeline and rk-portal\'s own load of the application) and rk-provider clears the session, so rk-portal shows the login form under 登录已失效，请重新登录后继续办理… and, signed in again, the same view. What was typed stays in the browser tab for the same account: the registration form\'s answers and the change request\'s reason.',
    example: e('UNAUTHENTICATED', '请先登录，或登录已失效，请重新登录。'),
  },
  CSRF_FAILED: {
    meaning: `A POST or PUT with the session cookie lacks the session's \`${CSRF_HEADER}\` (or it is wrong).`,
    elements: 'The adapter sends the CSRF token it got at login, registration or GET /account/session. When the session changed behind the page (the candidate signed in again in another tab), it asks GET /account/session for the new token once and sends the request again (the same idempotency key); only if that is refused too is the backend\'s message shown where the action failed.',
    example: e('CSRF_FAILED', '请求缺少有效的安全令牌，请刷新页面后重试。'),
  },
  FORBIDDEN: {
    meaning: `The office API without a valid staff key in \`${OFFICE_KEY_HEADER}\` (a candidate's session never opens it).`,
    elements: 'The elements never call the office API.',
    example: e('FORBIDDEN', '考务接口仅限考试机构工作人员使用。'),
  },
  NOT_FOUND: {
    meaning: 'The resource named in the path does not exist or is not the candidate\'s (an order of someone else answers the same as no order); or a test-only operation is switched off.',
    elements: 'Of the candidate\'s operations only the order status answers it: the payment panel stops checking that order and loads the application\'s payment again, which shows the order that is current (or the channels to choose from).',
    example: e('NOT_FOUND', '订单不存在。'),
  },
  ACCOUNT_EXISTS: {
    meaning: 'Registering (or sending a registration code to) an account that exists; or verifying an ID number another account has verified.',
    elements: 'Registration and its code request: 该账号已注册，请直接登录。 at the account field, with a link to log in. Real name: 该证件已在其他账号完成实名认证，请用原来的账号登录。 at the document number.',
    example: e('ACCOUNT_EXISTS', '该账号已注册，请直接登录。'),
  },
  INVALID_STATE: {
    meaning: 'Not allowed in the application\'s present status (edit after submission, pay before approval, 报名表 before payment, a second change request, …).',
    elements: 'Saving a draft, submitting or uploading a photo (the form\'s own file input, or rk-photo-checker in its photo slot): the registration form loads the round and the application again and shows where it stands (read-only from `submitted` on); the typed answers stay in the tab. Creating an order: the payment panel loads the application and its payment again and shows what is true now. The 报名表 before payment: shown as not yet available, not as an error. Elsewhere (a second change request, the real name again with other data, rk-photo-checker alone on a page after submission): 当前状态下不能进行此操作，请刷新页面。 where the action failed. `details.status` is not read.',
    example: e('INVALID_STATE', '报名信息已提交，当前状态下不能修改或重复提交。', { status: 'submitted' }),
  },
  ALREADY_PAID: {
    meaning: 'A payment order for an application that is paid.',
    elements: 'The payment panel loads the application and its payment again and shows 缴费成功 with the receipt (or 该报名已缴费。) instead of a QR code.',
    example: e('ALREADY_PAID', '报名费已缴纳，请勿重复缴费。'),
  },
  IDEMPOTENCY_IN_PROGRESS: {
    meaning: 'A request with the same idempotency key is still being answered.',
    elements: 'Retryable: the registration form says the submission did not go through, keeps everything typed and offers 重新提交, which sends the same key; the payment panel offers 重试 with the same order key. The elements do not wait for details.retryAfterSeconds: the candidate chooses when.',
    example: e('IDEMPOTENCY_IN_PROGRESS', '相同的请求正在处理中，请稍候。', { retryAfterSeconds: 2 }),
  },
  PAYLOAD_TOO_LARGE: {
    meaning: `The body is larger than the operation takes (JSON ${MAX_JSON_BODY_BYTES / 1024} KB, the photo upload ${MAX_UPLOAD_BODY_BYTES / 1024} KB).`,
    elements: 'Not provoked (the checked photo is about 10 KB, a draft far below 64 KB). If it comes: the backend\'s message where the action failed, not retryable.',
    example: e('PAYLOAD_TOO_LARGE', '请求体不能超过64KB。', { maxBytes: MAX_JSON_BODY_BYTES }),
  },
  UNSUPPORTED_MEDIA_TYPE: {
    meaning: 'A body that is not `application/json` (or `multipart/form-data` for the photo).',
    elements: 'Not provoked (the adapter sends application/json, and multipart/form-data for the photo). If it comes: the backend\'s message where the action failed, not retryable.',
    example: e('UNSUPPORTED_MEDIA_TYPE', '请求体须为 application/json。'),
  },
  VALIDATION: {
    meaning: 'The request breaks a rule of its schema or of the round (a plan choice that does not exist, a field that must repeat the real name, a missing photo, …). `details.fields` has one message per field, keyed by the field\'s dotted path in the request.',
    elements: 'The registration form, the real-name form and the login form show each message of details.fields at its field (as text) and in the error summary, which takes focus (the login form maps account/target, accountType, password/newPassword, code, captchaAnswer/captchaId). A dotted path (`subjectIds.1`) goes to its field (`subjectIds`). Messages of fields a form does not show (the login form: in its current mode, e.g. `code` while it logs in with a password) are listed in the error summary as text, under 提交的信息有误，请按以下提示修改。, so nothing the backend said is lost. With no field at all, the registration form shows the backend\'s message there; the real-name and login forms their own sentence 提交的信息有误，请检查标出的项目。 at the top (a code request: at the code field). The change request of the 报名表 shows that sentence only.',
    example: e('VALIDATION', '提交的信息有误，请按提示修改。', { fields: { mobile: '请输入正确的11位手机号码', photo: '请上传经过检测的证件照片。' } }),
  },
  CAPTCHA_WRONG: {
    meaning: 'The captcha answer is wrong, or the captcha expired or was used (each captcha answers once, right or wrong).',
    elements: 'Login and code requests: 图形验证码错误，请重新输入。 at the captcha field, which is emptied, and a new captcha is loaded.',
    example: e('CAPTCHA_WRONG', '图形验证码错误或已过期，请重新输入。'),
  },
  CODE_WRONG: {
    meaning: 'The SMS or e-mail verification code is wrong, expired or used.',
    elements: '验证码错误或已过期。 at the code field; the candidate may ask for a new code once the resend countdown ends.',
    example: e('CODE_WRONG', '验证码错误或已过期。'),
  },
  PASSWORD_WRONG: {
    meaning: 'The password does not fit the account. `details.remainingAttempts`: failed logins left before the account is locked, where the backend tells.',
    elements: '账号或密码错误。 at the password field, followed by 还可尝试 N 次，之后账号将暂时锁定。 when details.remainingAttempts is more than 0; a new captcha is loaded.',
    example: e('PASSWORD_WRONG', '密码错误，还可尝试4次。', { remainingAttempts: 4 }),
  },
  ACCOUNT_UNKNOWN: {
    meaning: 'No account with this phone number or e-mail address (login, password reset, reset code).',
    elements: '该账号尚未注册。 at the account field; when logging in, with a link to register.',
    example: e('ACCOUNT_UNKNOWN', '该账号尚未注册，请先注册。'),
  },
  REALNAME_MISMATCH: {
    meaning: 'The name does not match the document number (the national ID check).',
    elements: '姓名与证件号码不一致，请核对。 at the name and the document number, and at the top what to do: check both against the document and submit again, or call the office (with its phone numbers where the page configured them).',
    example: e('REALNAME_MISMATCH', '姓名与证件号码不一致，请核对后重新输入。'),
  },
  REALNAME_REQUIRED: {
    meaning: 'The application needs a verified real name first.',
    elements: 'The elements ask for the real name first from the session (rk-portal shows the real-name step until it is verified), so this comes only when the backend and the session disagree: the registration form shows 请先完成实名认证。 at the top (submitting), at the photo (uploading) or in its save status (a draft), not retryable, and fires rk-realname-required; rk-provider (or the form itself, without one) then asks getSession again, and a session whose real name is not verified has the form (and rk-portal) ask for the real name first. The typed answers stay in the tab.',
    example: e('REALNAME_REQUIRED', '请先完成实名认证。'),
  },
  WINDOW_NOT_OPEN: {
    meaning: 'Registration or payment has not opened yet. `details.opensAt`: when it opens.',
    elements: 'Saving a draft or submitting: the registration form loads the round and the application again and, before the window, shows the form read-only with the window\'s dates (the typed answers stay in the tab). Creating an order: the payment panel reloads and shows 缴费尚未开始 with the payment window. Uploading a photo: 尚未到办理时间。 at the photo, and the registration form around it reloads as for a save. The dates shown come from the round (ExamSession), not from details.opensAt.',
    example: e('WINDOW_NOT_OPEN', '网上报名尚未开始，开始时间：2027年3月15日 09:00。', { opensAt: '2027-03-15T09:00:00+08:00' }),
  },
  WINDOW_CLOSED: {
    meaning: 'Registration or payment has closed. `details.closedAt`: when it closed.',
    elements: 'Saving a draft or submitting: the registration form loads the round and the application again and shows 网上报名已截止 with the window\'s dates and the office\'s phone numbers, the answers read-only. Creating an order: the payment panel reloads and says payment has closed (缴费时间已结束). Uploading a photo: 办理时间已结束。 at the photo, and the registration form around it reloads as for a save (rk-photo-checker tells it with `rk-photo-upload-failed`). The dates shown come from the round (ExamSession), not from details.closedAt.',
    example: e('WINDOW_CLOSED', '网上报名已于2027年3月25日 17:00截止。', { closedAt: '2027-03-25T17:00:00+08:00' }),
  },
  PHOTO_REJECTED: {
    meaning: `The uploaded photo is refused: \`details.reason\` is \`type\` (not image/jpeg), \`empty\`, \`size\` (over ${MAX_PHOTO_BYTES / 1024} KB), \`dimensions\` (not 295×413) or \`unreadable\`, with the limit broken.`,
    elements: 'The registration form\'s own upload shows the backend\'s message at the photo; rk-photo-checker shows 上传失败：照片不符合要求，请重新处理后上传。 Either way the checked photo stays chosen: the candidate may upload it again or choose another.',
    example: e('PHOTO_REJECTED', '照片不能超过200KB，请使用照片处理工具处理后上传。', { reason: 'size', bytes: 240000, maxBytes: MAX_PHOTO_BYTES }),
  },
  IDEMPOTENCY_KEY_REUSED: {
    meaning: 'The idempotency key was used before with another body (for this candidate and operation).',
    elements: 'Not provoked: a retry sends the same body, any change to the form makes a new key, and an order\'s key (per application and channel) always comes with the same `{ channel }`. If it comes: the backend\'s message where the action failed, not retryable.',
    example: e('IDEMPOTENCY_KEY_REUSED', '该请求标识已用于内容不同的请求，请刷新页面后重试。', { operation: 'submitApplication' }),
  },
  TOO_MANY_ATTEMPTS: {
    meaning: 'Too many tries of one thing: the account is locked after failed logins, or a code was asked for again too soon. `details.retryAfterSeconds` (and `Retry-After`): when to try again.',
    elements: 'Login: 尝试次数过多，请 N 分钟后再试。 (N from details.retryAfterSeconds) at the top of the form, without 重试. Code request: the same sentence, and the send button counts down from details.retryAfterSeconds.',
    example: e('TOO_MANY_ATTEMPTS', '登录失败次数过多，请5分钟后再试。', { retryAfterSeconds: 300 }),
  },
  RATE_LIMITED: {
    meaning: 'Too many requests from this candidate or address. `details.retryAfterSeconds` (and `Retry-After`): when to try again.',
    elements: 'Retryable: the elements say 操作过于频繁，请 N 秒后重试 (N from retryAfterSeconds) where the action failed or the view did not load, with a retry button where there is one (重试; 重新提交 for the submission); the candidate chooses when to press it, and a draft save is retried by itself. A retried submission or order keeps its idempotency key.',
    example: e('RATE_LIMITED', '请求过于频繁，请稍后再试。', { retryAfterSeconds: 30 }),
  },
  INTERNAL_ERROR: {
    meaning: 'The backend failed.',
    elements: 'The adapter throws an HttpError (retryable), not a business error: the elements show their own sentence 服务器暂时无法处理请求（错误 500），请稍后重试。 with 重试 (the backend\'s message is not shown); nothing typed is lost, and a draft save is retried by itself.',
    example: e('INTERNAL_ERROR', '系统繁忙，请稍后再试。'),
  },
  SERVICE_UNAVAILABLE: {
    meaning: 'The backend is down for maintenance or overloaded (its database is unreachable, say). `Retry-After` where known.',
    elements: 'As INTERNAL_ERROR (错误 503). The wait (`Retry-After`, else details.retryAfterSeconds) is kept on the error (HttpError.retryAfterSeconds); the elements do not wait for it.',
    example: e('SERVICE_UNAVAILABLE', '系统维护中，请稍后再试。', { retryAfterSeconds: 120 }),
  },
};

/** The tags of the operations. */
export const TAG_DOCS: Record<string, string> = {
  account: '账号、登录、实名认证 Accounts, sessions and real-name verification',
  exam: '考试轮次、考生须知、考试计划 The round, its notice and plan',
  application: '报名、照片、变更 The application, its photo and change requests',
  payment: '网上缴费 Payment',
  papers: '报名表、准考证、考试安排、成绩、证书 Papers and queries',
  office: '考务接口（可选） The office API, optional: for staff tools and test systems (the conformance kit plays the office through it). Never reachable with a candidate\'s session.',
};

/** The parameters shared by operations. */
export const PARAMETER_DOCS: Record<string, Record<string, unknown>> = {
  orderId: { name: 'orderId', in: 'path', required: true, description: 'The order\'s id (PaymentOrder.id).', schema: { type: 'string', minLength: 1, maxLength: 128 }, example: 'RK20270315000042' },
  applicationId: { name: 'applicationId', in: 'path', required: true, description: 'The application\'s id (Application.id).', schema: { type: 'string', minLength: 1, maxLength: 128 }, example: 'app-000017' },
  captchaId: { name: 'captchaId', in: 'path', required: true, description: 'The captcha\'s id (Captcha.id).', schema: { type: 'string', minLength: 1, maxLength: 128 }, example: 'captcha-5f0c2a9b1d3e7f60' },
  target: { name: 'target', in: 'path', required: true, description: 'The phone number or e-mail address a code was sent to.', schema: { type: 'string', minLength: 1, maxLength: 254 }, example: '13900139000' },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: true,
    description: `One key per logical action (not per attempt): a retry sends the same key. 8–128 printable ASCII characters; the elements send 32 random hex digits. See the API's description.`,
    schema: { type: 'string', pattern: '^[\\x21-\\x7E]{8,128}$' },
    example: '7d9f2c4e1a3b5c6d8e0f1a2b3c4d5e6f',
  },
  CsrfToken: {
    name: CSRF_HEADER,
    in: 'header',
    required: false,
    description: `Cookie mode: the session's CSRF token (LoginResult.csrfToken, SessionState.csrfToken), required on every POST and PUT that carries the session cookie (403 CSRF_FAILED otherwise). Not needed with a bearer token.`,
    schema: { type: 'string', minLength: 1, maxLength: 512 },
    example: '9b1e4c7d2a5f8e3b6c0d1a4f7e2b5c8d',
  },
};

/** Every named schema's words (the error bodies' come from {@link ERROR_DOCS}). */
export const schemaDocs = new Map<z.ZodMiniType, SchemaDoc>(schemaDocEntries);
for (const [code, doc] of Object.entries(ERROR_DOCS) as Array<[ErrorCode, ErrorDoc]>) {
  const details = (ERROR_DETAILS as Partial<Record<ErrorCode, { required: boolean }>>)[code];
  schemaDocs.set(errorBodyOf(code), {
    description: `${code} (HTTP ${ERROR_STATUS[code]}): ${doc.meaning} Elements: ${doc.elements}`,
    // A code without a details schema may still carry an object: the second example shows one.
    examples: details || doc.example.details ? [doc.example] : [doc.example, { ...doc.example, details: {} }],
    fields: {
      code: `Always \`${code}\`.`,
      message: 'A sentence for the candidate in Chinese, rendered as text (never as HTML). The elements show their own sentence for the codes they know and this one for the others (see Elements).',
      details: details
        ? `The facts of this code${details.required ? '' : ', where the backend has them'} (its details schema).`
        : 'None defined for this code: a backend may send an object, which the elements ignore.',
    },
  });
}

/** The description of the API: the rules a backend must keep beyond the schemas. */
export const API_DESCRIPTION = `What HttpBackend sends and a backend answers (the MSW exam office and the reference server do). Generated from src/services/contract.ts, error-codes.ts, office-contract.ts, the zod schemas and contract-docs.ts by \`npm run openapi\`; do not edit by hand. \`npx ruankao-conformance --base-url …\` checks a backend against it.

## Conventions
- JSON in UTF-8. Amounts in fen (分). Date-times ISO 8601 with offset (\`2027-03-15T09:00:00+08:00\`); dates \`YYYY-MM-DD\` (Beijing dates).
- Every successful answer is **200** with the documented body. Text from the backend is shown as text, never as HTML.
- Request bodies: \`application/json\` (415 otherwise), at most ${MAX_JSON_BODY_BYTES / 1024} KB (413); the photo upload is \`multipart/form-data\`, at most ${MAX_UPLOAD_BODY_BYTES / 1024} KB. Malformed JSON answers 400 MALFORMED_REQUEST; a body that breaks the schema 422 VALIDATION with \`details.fields\`.

## Errors
Every refusal and failure answers \`{ "code", "message", "details" }\` (ErrorBody) with the status of its code. Each operation lists its codes per status; each code's \`details\` has a schema (components \`Error_<CODE>\`). 429 and 503 carry \`Retry-After\` (seconds). \`message\` is a sentence for the candidate, rendered as text: the elements show their own sentence (in the page's language) for the codes they act on and the backend's \`message\` for the others; for 5XX they show their own. The adapter checks every error body: a code the operation does not answer, another status, or details of the wrong shape is an invalid response; an error without the body (a proxy's HTML page) is an HTTP error. Checks come in this order: office key (403), session (401), CSRF (403), idempotency key (400), content type (415), size (413), JSON (400), schema (422), then the business rules.

## Sessions: two modes
A backend offers one or both; the elements work with either.
- **Bearer**: login and registration answer \`token\`; the client sends \`Authorization: Bearer <token>\` and keeps the token in memory only (a reload signs the candidate out).
- **Cookie**: login and registration set \`${SESSION_COOKIE}\` (HttpOnly; SameSite=Lax; Secure under https; Path = the API base path; Max-Age = the session's lifetime) and answer \`csrfToken\`. Every POST and PUT that carries the cookie must carry \`${CSRF_HEADER}: <csrfToken>\` (403 CSRF_FAILED otherwise); GETs need none. \`GET /account/session\` answers the session and its \`csrfToken\` again, so a reloaded page stays signed in. Logout clears the cookie (\`Max-Age=0\`). Sessions live in the backend's store, never in one process.
- When both are sent, the bearer token wins.
- **Another origin** (the API not on the page's origin): answer CORS with the page's exact origin in \`Access-Control-Allow-Origin\` (never \`*\`), \`Access-Control-Allow-Credentials: true\`, allow the methods GET, POST, PUT and the headers \`Content-Type, Accept, Authorization, Idempotency-Key, ${CSRF_HEADER}\`, expose \`Retry-After\`; the page sets \`api-credentials="include"\`. If the page and the API are on different *sites*, the cookie needs \`SameSite=None; Secure\`.

## Idempotency
\`POST /application/submit\` and \`POST /payment/orders\` need \`Idempotency-Key\` (8–128 printable ASCII characters; 400 IDEMPOTENCY_KEY_REQUIRED otherwise). A key is scoped to the candidate and the operation and kept at least ${IDEMPOTENCY_RETENTION_HOURS} hours. The first successful answer is stored and the same key with the same body (the same JSON value, whatever the key order or white space) gets it again, byte for byte the same resource, even after the state moved on. The same key with another body answers 422 IDEMPOTENCY_KEY_REUSED. A refusal (4xx) is not stored: a retry with the same key may succeed once the cause is gone. A request whose key is still being answered gets 409 IDEMPOTENCY_IN_PROGRESS (the client retries). Concurrent duplicates must make one application or order: a unique constraint, not a read-then-write. Creating an order while one of the channel is open returns that order.

## Image and audio URLs
\`Captcha.image\`, \`Captcha.audio\`, \`Photo.url\`, \`RegistrationSlip.photoUrl\` and \`AdmissionTicket.photoUrl\` follow the pattern of ImageUrl / AudioUrl: an http(s) URL, a protocol-relative \`//host/…\`, a path \`/…\`, a relative path without a scheme (\`captcha/1.png\`), a \`blob:\` URL or a \`data:image/…\` (\`data:audio/…\`) URL. Relative references are resolved against the API base with a trailing slash (\`https://exam.example.gov.cn/api/\` + \`captcha/1.png\`). Photos are served to their owner (and the office) only.

## Life cycles
Application.status: \`draft\` → \`submitted\` (submit) → \`approved\` or \`rejected\` (the office's review; reason shown). \`rejected\` is edited and submitted again (→ \`submitted\`); an \`approved\`, unpaid one may still be rejected. \`approved\` → \`paid\` (payment confirmed) → \`change-requested\` (a change request) → \`paid\` (answered; \`ticket-available\` when tickets were published meanwhile); \`paid\` → \`ticket-available\` (tickets published) → \`scored\` (scores published) → \`certified\` (certificate issued, passed only). Drafts and the photo change only in \`draft\` and \`rejected\`, inside the registration window.

PaymentStatus.status: \`unpaid\` → \`paying\` (the candidate scanned) → \`paid\` (with a receipt) or \`failed\` (with a reason); \`unpaid\` → \`expired\` (the QR code ran out: create an order again); \`unpaid\`/\`paying\` → \`closed\` (another order was paid, or the payment window closed). An unknown status is never shown as paid or failed: the client asks again.

## The office API
An optional section (tag \`office\`) for staff tools and test systems, with a staff key in \`${OFFICE_KEY_HEADER}\`: the review queue, review, change requests, confirming a payment, publishing tickets and scores, issuing certificates. Its test-only part (\`/office/test/…\`: a captcha's answer, the code sent by SMS or e-mail, the clock) is switched off in production.`;
