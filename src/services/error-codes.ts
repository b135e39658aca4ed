/**
 * The error half of the REST contract: every business code a backend may answer, its HTTP
 * status and the schema of its `details`. `contract.ts` says which codes each operation can
 * answer; `HttpBackend` checks every error body against them, and the OpenAPI document lists
 * them per operation and status (`contract-docs.ts` says what each means and what the elements
 * do with it).
 */
import * as z from 'zod/mini';
import { ApplicationStatus, DateTime, Text } from './schemas.js';

/** Every code of the contract and the one HTTP status it is answered with. */
export const ERROR_STATUS = {
  MALFORMED_REQUEST: 400,
  IDEMPOTENCY_KEY_REQUIRED: 400,
  UNAUTHENTICATED: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ACCOUNT_EXISTS: 409,
  INVALID_STATE: 409,
  ALREADY_PAID: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION: 422,
  CAPTCHA_WRONG: 422,
  CODE_WRONG: 422,
  PASSWORD_WRONG: 422,
  ACCOUNT_UNKNOWN: 422,
  REALNAME_MISMATCH: 422,
  REALNAME_REQUIRED: 422,
  WINDOW_NOT_OPEN: 422,
  WINDOW_CLOSED: 422,
  PHOTO_REJECTED: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  TOO_MANY_ATTEMPTS: 429,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];
export const ErrorCodeSchema = z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]);

const Seconds = z.int().check(z.positive());

/** `details` of VALIDATION: one message per field, keyed by the field's dotted path in the request. */
export const ValidationDetails = z.object({ fields: z.record(z.string().check(z.maxLength(200)), Text) });
/** `details` of TOO_MANY_ATTEMPTS and RATE_LIMITED: when to try again (also in `Retry-After`). */
export const RetryDetails = z.object({ retryAfterSeconds: Seconds });
/** `details` of SERVICE_UNAVAILABLE and IDEMPOTENCY_IN_PROGRESS: when to try again, where known. */
export const MaybeRetryDetails = z.object({ retryAfterSeconds: z.optional(Seconds) });
/** `details` of PASSWORD_WRONG: failed logins left before the account is locked, where the backend tells. */
export const PasswordWrongDetails = z.object({ remainingAttempts: z.optional(z.int().check(z.nonnegative())) });
/** `details` of WINDOW_NOT_OPEN: when the window opens. */
export const WindowNotOpenDetails = z.object({ opensAt: DateTime });
/** `details` of WINDOW_CLOSED: when the window closed. */
export const WindowClosedDetails = z.object({ closedAt: DateTime });
/** `details` of INVALID_STATE: the application's status, where there is an application. */
export const InvalidStateDetails = z.object({ status: z.optional(ApplicationStatus) });
/** `details` of PHOTO_REJECTED: why, and the limit broken. */
export const PhotoRejectedDetails = z.object({
  reason: z.enum(['type', 'empty', 'size', 'dimensions', 'unreadable']),
  contentType: z.optional(z.string().check(z.maxLength(200))),
  bytes: z.optional(z.int().check(z.nonnegative())),
  maxBytes: z.optional(z.int().check(z.positive())),
  width: z.optional(z.int().check(z.nonnegative())),
  height: z.optional(z.int().check(z.nonnegative())),
});
/** `details` of PAYLOAD_TOO_LARGE: the largest body the operation takes. */
export const PayloadTooLargeDetails = z.object({ maxBytes: z.int().check(z.positive()) });
/** `details` of IDEMPOTENCY_KEY_REUSED: the operation the key was first used for. */
export const IdempotencyReusedDetails = z.object({ operation: z.optional(z.string().check(z.maxLength(64))) });

/** The schema of `details` per code; codes not listed carry none (a backend may still send an object). */
export const ERROR_DETAILS = {
  VALIDATION: { schema: ValidationDetails, required: true },
  TOO_MANY_ATTEMPTS: { schema: RetryDetails, required: true },
  RATE_LIMITED: { schema: RetryDetails, required: true },
  SERVICE_UNAVAILABLE: { schema: MaybeRetryDetails, required: false },
  IDEMPOTENCY_IN_PROGRESS: { schema: MaybeRetryDetails, required: false },
  PASSWORD_WRONG: { schema: PasswordWrongDetails, required: false },
  WINDOW_NOT_OPEN: { schema: WindowNotOpenDetails, required: true },
  WINDOW_CLOSED: { schema: WindowClosedDetails, required: true },
  INVALID_STATE: { schema: InvalidStateDetails, required: false },
  PHOTO_REJECTED: { schema: PhotoRejectedDetails, required: true },
  PAYLOAD_TOO_LARGE: { schema: PayloadTooLargeDetails, required: true },
  IDEMPOTENCY_KEY_REUSED: { schema: IdempotencyReusedDetails, required: false },
} satisfies Partial<Record<ErrorCode, { schema: z.ZodMiniType; required: boolean }>>;

/** Free-form details of a code without a schema of its own. */
const AnyDetails = z.record(z.string(), z.unknown());

const bodies = new Map<ErrorCode, z.ZodMiniType>();

/** The error body of one code: `{ code, message, details }` with that code's details. */
export function errorBodyOf(code: ErrorCode): z.ZodMiniObject {
  let body = bodies.get(code);
  if (!body) {
    const details = (ERROR_DETAILS as Partial<Record<ErrorCode, { schema: z.ZodMiniType; required: boolean }>>)[code];
    body = z.object({
      code: z.literal(code),
      message: Text,
      details: details ? (details.required ? details.schema : z.optional(details.schema)) : z.optional(AnyDetails),
    });
    bodies.set(code, body);
  }
  return body as z.ZodMiniObject;
}
