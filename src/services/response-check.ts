/**
 * What `HttpBackend` loads on demand: the contract (`contract.ts`, `error-codes.ts`) and the
 * check of each answer with its zod schema, every failure mapped to a typed error.
 *
 * The check accepts exactly what `docs/openapi.json` allows: a 200 with the operation's body, or
 * an error status with the error body of one of the operation's codes, whose status and
 * `details` are those of the code. An error answer without the contract's body (a proxy's HTML
 * page, a 502 of a gateway) is an `HttpError`; an answer that breaks the contract is an
 * `InvalidResponseError` that says where.
 */
import { errorCodesOf, operations, type OperationName } from './contract.js';
import { ERROR_STATUS, errorBodyOf, type ErrorCode } from './error-codes.js';
import { BusinessError, HttpError, InvalidResponseError, type ResponseIssue } from './errors.js';
import { ErrorBody, MEDIA_URL_FIELDS } from './schemas.js';

export { fillPath, operations } from './contract.js';

/** What the transport knows of an answer besides its status and body. */
export interface AnswerContext {
  /** The absolute API base: relative media URLs in the answer are resolved against it (with a trailing `/`). */
  baseUrl?: string;
  /** The `Retry-After` header, if any. */
  retryAfter?: string | null;
}

/** Turns a status and body into the contract's response or a typed error. */
export function interpret(name: OperationName, status: number, text: string, context: AnswerContext = {}): unknown {
  let json: unknown;
  let parsed = false;
  try {
    json = text === '' ? undefined : JSON.parse(text);
    parsed = text !== '';
  } catch {
    // not JSON: handled below by status
  }
  if (status < 200 || status >= 300) throw errorOf(name, status, parsed ? json : undefined, context);
  if (status !== 200) throw new InvalidResponseError(name, [{ path: [], message: `status ${status}: the contract answers 200` }]);
  if (!parsed) {
    throw new InvalidResponseError(name, [{ path: [], message: text === '' ? 'empty body' : 'body is not JSON' }]);
  }
  const result = operations[name].response.safeParse(json);
  if (!result.success) throw new InvalidResponseError(name, issuesOf(result.error.issues));
  return context.baseUrl ? resolveMediaUrls(result.data, context.baseUrl) : result.data;
}

/** The typed error of a non-2xx answer. */
function errorOf(name: OperationName, status: number, json: unknown, context: AnswerContext): Error {
  const shape = json === undefined ? undefined : ErrorBody.safeParse(json);
  // Not the contract's error body at all: a page of a proxy or gateway, an empty answer.
  if (!shape?.success) return new HttpError(name, status, undefined, { retryAfterSeconds: seconds(context.retryAfter) });
  const problems = contractProblems(name, status, json);
  if (problems.length > 0) return new InvalidResponseError(name, problems);
  const body = shape.data;
  const details = body.details ?? {};
  if (status >= 500) {
    const retryAfterSeconds = seconds(context.retryAfter) ?? (typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds : undefined);
    return new HttpError(name, status, `${name}: HTTP ${status}: ${body.message}`, { code: body.code, retryAfterSeconds });
  }
  return new BusinessError(name, body.code, body.message, details, status);
}

/** Where an error body breaks the contract: a code the operation does not answer, another status, bad details. */
function contractProblems(name: OperationName, status: number, json: unknown): ResponseIssue[] {
  const code = (json as { code: string }).code;
  if (!errorCodesOf(operations[name]).includes(code as ErrorCode)) {
    return [{ path: ['code'], message: `${code} is not a code of ${name}` }];
  }
  const expected = ERROR_STATUS[code as ErrorCode];
  if (expected !== status) return [{ path: [], message: `${code} is answered with status ${expected}, not ${status}` }];
  const checked = errorBodyOf(code as ErrorCode).safeParse(json);
  return checked.success ? [] : issuesOf(checked.error.issues);
}

function issuesOf(issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code?: string }>): ResponseIssue[] {
  return issues.map((issue) => ({ path: issue.path, message: issue.message, code: issue.code }));
}

/** `Retry-After` in seconds (a number of seconds or an HTTP date), or undefined. */
function seconds(header: string | null | undefined): number | undefined {
  if (!header) return undefined;
  const value = /^\d+$/.test(header.trim()) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : undefined;
}

/**
 * Resolves relative image and audio URLs (`captcha/1.png`, `/files/1.jpg`, `//cdn/1.jpg`) against
 * the API base, so the page loads them from the backend wherever it is embedded. A value that
 * cannot be resolved stays as it was (the picture then just does not load).
 */
export function resolveMediaUrls<T>(value: T, baseUrl: string): T {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const [key, child] of Object.entries(record)) {
        if (typeof child === 'string' && MEDIA_URL_FIELDS.has(key)) record[key] = resolve(child, base);
        else visit(child);
      }
    }
  };
  visit(value);
  return value;
}

function resolve(url: string, base: string): string {
  if (/^(?:blob|data):/.test(url)) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}
