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

/** An HTTP status the contract does not describe as a business answer (5xx, or 4xx without an error body). */
export class HttpError extends RkError {
  readonly kind = 'http';
  override name = 'HttpError';
  constructor(
    operation: string,
    readonly status: number,
    message = `${operation}: HTTP ${status}`,
  ) {
    super(operation, message);
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

/** The backend refused the request by a business rule (wrong captcha, window closed, …). */
export class BusinessError extends RkError {
  readonly kind = 'business';
  readonly retryable = false;
  override name = 'BusinessError';
  constructor(
    operation: string,
    /** The backend's code, e.g. `CAPTCHA_WRONG`; see `KNOWN_ERROR_CODES`. */
    readonly code: string,
    /** The backend's message, shown as text. */
    readonly backendMessage: string,
    readonly details: Record<string, unknown> = {},
    readonly status = 422,
  ) {
    super(operation, `${operation}: ${code}: ${backendMessage}`);
  }
}

export function isRkError(error: unknown): error is RkError {
  return error instanceof RkError;
}
