/**
 * The typed errors every adapter throws and every element understands. An element shows
 * `error.kind`'s message (and the backend's own message for a business error) and offers a retry
 * where `retryable` is true.
 */

export type RkErrorKind = 'network' | 'timeout' | 'http' | 'invalid-response' | 'business';

/** Base class of the library's errors. */
export abstract class RkError extends Error {
  abstract readonly kind: RkErrorKind;
  /** Whether trying the same call again may succeed. */
  abstract readonly retryable: boolean;
  /** The operation that failed, e.g. `login`. */
  readonly operation: string;

  constructor(operation: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.operation = operation;
  }
}

/** The request never got an answer: offline, DNS, CORS, connection reset. */
export class NetworkError extends RkError {
  readonly kind = 'network';
  readonly retryable = true;
  override name = 'NetworkError';
}

/** No answer within the adapter's timeout. */
export class TimeoutError extends RkError {
  readonly kind = 'timeout';
  readonly retryable = true;
  override name = 'TimeoutError';
  constructor(
    operation: string,
    readonly timeoutMs: number,
  ) {
    super(operation, `${operation}: no answer within ${timeoutMs} ms`);
  }
}

/** What a failed HTTP answer told besides its status. */
export interface HttpErrorInfo {
  /** The contract's code of a 5xx answer with an error body (`INTERNAL_ERROR`, `SERVICE_UNAVAILABLE`). */
  code?: string;
  /** Seconds to wait before trying again (`Retry-After`, or the body's `details.retryAfterSeconds`). */
  retryAfterSeconds?: number;
}

/** A server failure (5xx), or a 4xx answer without the contract's error body (a proxy's page, say). */
export class HttpError extends RkError {
  readonly kind = 'http';
  override name = 'HttpError';
  readonly code: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  constructor(
    operation: string,
    readonly status: number,
    message = `${operation}: HTTP ${status}`,
    info: HttpErrorInfo = {},
  ) {
    super(operation, message);
    this.code = info.code;
    this.retryAfterSeconds = info.retryAfterSeconds;
  }
  get retryable(): boolean {
    return this.status >= 500 || this.status === 408 || this.status === 429;
  }
}

/** One problem found in a response, as zod reported it. */
export interface ResponseIssue {
  path: PropertyKey[];
  message: string;
  code?: string;
}

/**
 * The backend answered, but not with what the contract promises. Retryable: the usual cause in
 * the field is a passing one (a gateway's or firewall's HTML page, a truncated answer), and a
 * retry that fails again costs the candidate nothing.
 */
export class InvalidResponseError extends RkError {
  readonly kind = 'invalid-response';
  readonly retryable = true;
  override name = 'InvalidResponseError';
  constructor(
    operation: string,
    readonly issues: ResponseIssue[],
  ) {
    const where = issues
      .slice(0, 3)
      .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    super(operation, `${operation}: invalid response (${where})`);
  }
}

/** Business codes a retry of the same call may get past: the others need the candidate to change something. */
const RETRYABLE_CODES: ReadonlySet<string> = new Set(['RATE_LIMITED', 'IDEMPOTENCY_IN_PROGRESS']);

/** The backend refused the request by a business rule (wrong captcha, window closed, …). */
export class BusinessError extends RkError {
  readonly kind = 'business';
  override name = 'BusinessError';
  constructor(
    operation: string,
    /** The backend's code, e.g. `CAPTCHA_WRONG`; every code is listed in `ERROR_STATUS` (`error-codes.ts`). */
    readonly code: string,
    /** The backend's message, shown as text. */
    readonly backendMessage: string,
    readonly details: Record<string, unknown> = {},
    readonly status = 422,
  ) {
    super(operation, `${operation}: ${code}: ${backendMessage}`);
  }
  /** True for a rate limit (RATE_LIMITED) and a key still being answered (IDEMPOTENCY_IN_PROGRESS). */
  get retryable(): boolean {
    return RETRYABLE_CODES.has(this.code);
  }
  /** Seconds to wait before trying again, where the backend said (`details.retryAfterSeconds`). */
  get retryAfterSeconds(): number | undefined {
    const seconds = this.details.retryAfterSeconds;
    return typeof seconds === 'number' && seconds > 0 ? seconds : undefined;
  }
}

export function isRkError(error: unknown): error is RkError {
  return error instanceof RkError;
}

/** Whether the backend said the candidate is not (or no longer) signed in: `UNAUTHENTICATED`. */
export function isSignedOutError(error: unknown): error is BusinessError {
  return error instanceof BusinessError && error.code === 'UNAUTHENTICATED';
}
