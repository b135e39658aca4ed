/**
 * The exam office's refusal of a request by a business rule (the mock and the reference server);
 * the HTTP layer answers it as the contract's error body `{ code, message, details }` with the
 * code's status.
 */
import { ERROR_STATUS, type ErrorCode } from '../error-codes.js';

/** A code of the contract (`ERROR_STATUS`). */
export type OfficeErrorCode = ErrorCode;

/** The HTTP status of a code, as the contract gives it. */
export function statusOf(code: OfficeErrorCode): number {
  return ERROR_STATUS[code];
}

/** A business rule refused the request. */
export class OfficeError extends Error {
  override name = 'OfficeError';
  readonly status: number;

  constructor(
    readonly code: OfficeErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = statusOf(code);
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
