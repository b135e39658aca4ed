/**
 * The mock office's refusal of a request by a business rule; the handlers answer it as a 4xx
 * JSON `ErrorBody` `{ code, message, details }`.
 */
import type { KNOWN_ERROR_CODES } from '../services/schemas.js';

/** A code of `KNOWN_ERROR_CODES`. */
export type OfficeErrorCode = (typeof KNOWN_ERROR_CODES)[number];

/** The HTTP status of a business error: 401, 404, 409, 429 where the code says so, 422 otherwise. */
export function statusOf(code: OfficeErrorCode): number {
  switch (code) {
    case 'UNAUTHENTICATED':
      return 401;
    case 'NOT_FOUND':
      return 404;
    case 'INVALID_STATE':
    case 'ALREADY_PAID':
    case 'ACCOUNT_EXISTS':
      return 409;
    case 'TOO_MANY_ATTEMPTS':
      return 429;
    default:
      return 422;
  }
}

/** A business rule refused the request. `status` defaults to {@link statusOf} the code. */
export class OfficeError extends Error {
  override name = 'OfficeError';
  readonly status: number;

  constructor(
    readonly code: OfficeErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    status?: number,
  ) {
    super(message);
    this.status = status ?? statusOf(code);
  }

  /** The JSON body of the answer. */
  toBody(): { code: string; message: string; details?: Record<string, unknown> } {
    return Object.keys(this.details).length > 0
      ? { code: this.code, message: this.message, details: structuredClone(this.details) }
      : { code: this.code, message: this.message };
  }
}

/** A VALIDATION error with one message per field. */
export function validationError(fields: Record<string, string>, message = '提交的信息有误，请按提示修改。'): OfficeError {
  return new OfficeError('VALIDATION', message, { fields });
}
