/**
 * Applications of the mock office: drafts, the photo, submission, review, change requests, and
 * the windows and states that allow each. One application per account for the round.
 */
import type {
  Application,
  ApplicationDraft,
  ApplicationInput,
  ApplicationStatus,
  ChangeRequest,
  ChangeRequestInput,
  Photo,
  RealNameResult,
} from '../services/schemas.js';
import * as rules from '../services/rules/application.js';
import { copy, type OfficeContext } from './context.js';
import { dataUrl } from './encoding.js';
import { IDEMPOTENCY_RETENTION_HOURS, MAX_PHOTO_BYTES } from '../services/contract.js';
import { OfficeError } from './office-error.js';
import type { AccountRecord, ApplicationRecord } from './state.js';

export { MAX_PHOTO_BYTES };

/** Statuses of an application whose fee is paid. */
export const PAID_STATUSES = rules.PAID_STATUSES;

/** An uploaded photo as the handler read it from the multipart body. */
export type PhotoUpload = rules.PhotoUpload;

/** Throws REALNAME_REQUIRED unless the account's real name is verified. */
export function requireRealName(account: AccountRecord): RealNameResult {
  return rules.requireRealName(account.realName);
}

/** Throws WINDOW_NOT_OPEN / WINDOW_CLOSED outside the round's registration or payment window. */
export function requireWindow(ctx: OfficeContext, kind: 'registration' | 'payment'): void {
  rules.requireWindow(ctx.state.examSession, kind, ctx.nowMs());
}

const RETENTION_MS = IDEMPOTENCY_RETENTION_HOURS * 60 * 60 * 1000;

/**
 * The stored answer of an idempotent operation for this account and key, or the answer `produce`
 * gives (stored when it succeeds; a refusal is not stored, so a retry may succeed). The same key
 * with another body (`fingerprint`) is refused with IDEMPOTENCY_KEY_REUSED. Keys are kept
 * {@link IDEMPOTENCY_RETENTION_HOURS} hours.
 */
export function idempotent<T>(
  ctx: OfficeContext,
  operation: string,
  accountId: string,
  key: string,
  fingerprint: string,
  produce: () => T,
): T {
  const nowMs = ctx.nowMs();
  for (const [stored, record] of Object.entries(ctx.state.idempotency)) {
    if (record.storedAt + RETENTION_MS <= nowMs) delete ctx.state.idempotency[stored];
  }
  const recordKey = `${operation}\u0000${accountId}\u0000${key}`;
  const stored = ctx.state.idempotency[recordKey];
  if (stored) {
    if (stored.fingerprint !== fingerprint) {
      throw new OfficeError('IDEMPOTENCY_KEY_REUSED', '该请求标识已用于内容不同的请求，请刷新页面后重试。', { operation });
    }
    return copy(stored.answer) as T;
  }
  const answer = produce();
  ctx.state.idempotency[recordKey] = { fingerprint, answer: copy(answer), storedAt: nowMs };
  return answer;
}

/** A new draft, prefilled with the verified real name and the account's phone or e-mail. */
export function newApplication(ctx: OfficeContext, account: AccountRecord): ApplicationRecord {
  const fields = rules.prefilledFields(account, account.realName, account.documentNumber);
  const record: ApplicationRecord = {
    accountId: account.id,
    application: rules.newApplicationOf(`app-${String(ctx.next()).padStart(6, '0')}`, ctx.state.examSession.id, fields, ctx.iso()),
    autoRejected: false,
    systemCode: null,
    ticketNumber: null,
    seat: null,
  };
  ctx.state.applications[account.id] = record;
  return record;
}

/** The round's year (2 digits) and half (1 or 2), from its id `rk-2027-h1`. */
export function roundCode(ctx: OfficeContext): { year: string; half: string } {
  return rules.roundCode(ctx.state.examSession.id);
}

/** 系统识别码: `XT` and 8 hex digits derived from the application. */
export function systemCode(record: ApplicationRecord): string {
  return rules.systemCodeOf(record.application);
}

/** Submits without checks: status `submitted`, registration number (kept on resubmission), fee from the plan. */
export function markSubmitted(ctx: OfficeContext, record: ApplicationRecord, input: ApplicationInput): void {
  rules.applySubmission(record.application, ctx.state.examSession, input, ctx.iso(), ctx.next);
}

/** The reviewer approves. */
export function markApproved(ctx: OfficeContext, record: ApplicationRecord): void {
  rules.applyApproval(record.application, ctx.iso());
}

/** The reviewer rejects with a reason. */
export function markRejected(ctx: OfficeContext, record: ApplicationRecord, reason: string): void {
  rules.applyRejection(record.application, reason, ctx.iso());
}

/** Saves draft answers, merged into the saved fields (`null` clears a field). */
export function saveDraft(ctx: OfficeContext, account: AccountRecord, draft: ApplicationDraft): Application {
  requireRealName(account);
  requireWindow(ctx, 'registration');
  const existing = ctx.state.applications[account.id];
  rules.requireEditable(existing?.application);
  const record = existing ?? newApplication(ctx, account);
  rules.applyDraft(record.application, draft, ctx.iso());
  return copy(record.application);
}

/**
 * Submits for review: checked against the plan, regions, option lists and the real name; a photo
 * is required. The scenario may reject a first submission right after (the answer still says
 * `submitted`).
 */
export function submit(ctx: OfficeContext, account: AccountRecord, input: ApplicationInput): Application {
  const realName = requireRealName(account);
  requireWindow(ctx, 'registration');
  const existing = ctx.state.applications[account.id];
  rules.requireEditable(existing?.application);
  rules.requireSubmittable(ctx.state.examSession, input, { realName, documentNumber: account.documentNumber ?? '' }, existing?.application);
  const record = existing ?? newApplication(ctx, account);
  markSubmitted(ctx, record, input);
  const answer = copy(record.application);
  const reason = ctx.behaviour.autoRejectReason;
  if (reason && !record.autoRejected) {
    record.autoRejected = true;
    markRejected(ctx, record, reason);
  }
  return answer;
}

/**
 * Attaches the checked photo (`image/jpeg`, 1 byte to 200 KB, 295×413, else PHOTO_REJECTED),
 * creating a draft if there is none. Width and height come from the JPEG's SOF marker (295×413
 * is assumed when the bytes cannot be read: the mock does not decode). Kept as a data URL.
 */
export function attachPhoto(ctx: OfficeContext, account: AccountRecord, upload: PhotoUpload): Photo {
  requireRealName(account);
  requireWindow(ctx, 'registration');
  const existing = ctx.state.applications[account.id];
  rules.requireEditable(existing?.application);
  const size = rules.checkPhoto(upload, 'assume');
  const photo: Photo = {
    id: `photo-${ctx.next()}`,
    url: dataUrl('image/jpeg', upload.bytes),
    width: size.width,
    height: size.height,
    bytes: upload.bytes.length,
    uploadedAt: ctx.iso(),
  };
  const record = existing ?? newApplication(ctx, account);
  record.application.photo = photo;
  record.application.updatedAt = photo.uploadedAt;
  return copy(photo);
}

/** Asks for a change of a paid application: status `change-requested`, request `pending`. */
export function requestChange(ctx: OfficeContext, account: AccountRecord, input: ChangeRequestInput): ChangeRequest {
  const record = ctx.state.applications[account.id];
  rules.requireChangeable(record?.application);
  const request: ChangeRequest = { id: `change-${ctx.next()}`, reason: input.reason, status: 'pending', createdAt: ctx.iso() };
  rules.applyChangeRequest(record!.application, request);
  return copy(request);
}

/** The application of `account` (or, without one, the latest) in one of `statuses`; throws a plain Error for QA otherwise. */
export function pickApplication(
  ctx: OfficeContext,
  statuses: ApplicationStatus[],
  account: AccountRecord | undefined | null,
  label: string,
): ApplicationRecord {
  const candidates =
    account === undefined
      ? Object.values(ctx.state.applications)
      : [account ? ctx.state.applications[account.id] : undefined].filter((record) => record !== undefined);
  const record = candidates
    .filter((candidate) => statuses.includes(candidate.application.status))
    .sort((a, b) => Date.parse(b.application.updatedAt) - Date.parse(a.application.updatedAt))[0];
  if (!record) throw new Error(`没有${label}的报名`);
  return record;
}

/** The application with this id (the office API), or NOT_FOUND. */
export function applicationById(ctx: OfficeContext, applicationId: string): ApplicationRecord {
  const record = Object.values(ctx.state.applications).find((candidate) => candidate.application.id === applicationId);
  if (!record) throw new OfficeError('NOT_FOUND', '报名记录不存在。');
  return record;
}

/** INVALID_STATE unless the application is in one of `statuses`. */
export function requireStatus(record: ApplicationRecord, statuses: ApplicationStatus[], message: string): void {
  rules.requireStatus(record.application, statuses, message);
}

/** The office answers the pending change request: the application is paid again (or has its ticket). */
export function answerChange(ctx: OfficeContext, record: ApplicationRecord, approved: boolean, response?: string): void {
  rules.applyChangeAnswer(record.application, approved, response, ctx.state.ticketsPublished, ctx.iso());
}
