/**
 * Applications of the mock office: drafts, the photo, submission, review, change requests, and
 * the windows and states that allow each. One application per account for the round.
 */
import { normalizeDocumentNumber } from '../services/id-document.js';
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
import { copy, type OfficeContext } from './context.js';
import { dataUrl } from './encoding.js';
import { jpegSize } from './jpeg.js';
import { IDEMPOTENCY_RETENTION_HOURS, MAX_PHOTO_BYTES, PHOTO_SIZE } from '../services/contract.js';
import { OfficeError, validationError } from './office-error.js';
import { checkSubmission, feeOf, findSelection } from './rules.js';
import type { AccountRecord, ApplicationRecord } from './state.js';
import { chineseDateTime } from './time.js';

export { MAX_PHOTO_BYTES };

/** Statuses of an application whose fee is paid. */
export const PAID_STATUSES: ReadonlySet<ApplicationStatus> = new Set([
  'paid',
  'change-requested',
  'ticket-available',
  'scored',
  'certified',
]);
const EDITABLE_STATUSES: ReadonlySet<ApplicationStatus> = new Set(['draft', 'rejected']);
const FIRST_REGISTRATION_SERIAL = 144410000;

/** An uploaded photo as the handler read it from the multipart body. */
export interface PhotoUpload {
  /** The part's content type, e.g. `image/jpeg`. */
  type: string;
  bytes: Uint8Array;
}

/** Throws REALNAME_REQUIRED unless the account's real name is verified. */
export function requireRealName(account: AccountRecord): RealNameResult {
  if (account.realName?.status !== 'verified') throw new OfficeError('REALNAME_REQUIRED', '请先完成实名认证。');
  return account.realName;
}

/** Throws WINDOW_NOT_OPEN / WINDOW_CLOSED outside the round's registration or payment window. */
export function requireWindow(ctx: OfficeContext, kind: 'registration' | 'payment'): void {
  const session = ctx.state.examSession;
  const window = kind === 'registration' ? session.registrationWindow : session.paymentWindow;
  const label = kind === 'registration' ? '网上报名' : '网上缴费';
  const nowMs = ctx.nowMs();
  if (nowMs < Date.parse(window.opensAt)) {
    throw new OfficeError('WINDOW_NOT_OPEN', `${label}尚未开始，开始时间：${chineseDateTime(window.opensAt)}。`, { opensAt: window.opensAt });
  }
  if (nowMs > Date.parse(window.closesAt)) {
    throw new OfficeError('WINDOW_CLOSED', `${label}已于${chineseDateTime(window.closesAt)}截止。`, { closedAt: window.closesAt });
  }
}

function requireEditable(record: ApplicationRecord | undefined): void {
  if (record && !EDITABLE_STATUSES.has(record.application.status)) {
    throw new OfficeError('INVALID_STATE', '报名信息已提交，当前状态下不能修改或重复提交。', { status: record.application.status });
  }
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
  const fields: ApplicationDraft = {};
  const realName = account.realName;
  if (realName?.status === 'verified' && account.documentNumber) {
    Object.assign(fields, {
      name: realName.name,
      documentType: realName.documentType,
      documentNumber: account.documentNumber,
      gender: realName.gender,
      birthDate: realName.birthDate,
    });
  }
  fields[account.accountType === 'phone' ? 'mobile' : 'email'] = account.account;
  const record: ApplicationRecord = {
    accountId: account.id,
    application: {
      id: `app-${String(ctx.next()).padStart(6, '0')}`,
      examSessionId: ctx.state.examSession.id,
      status: 'draft',
      fields,
      photo: null,
      review: null,
      changeRequest: null,
      registrationNumber: null,
      feeFen: null,
      submittedAt: null,
      updatedAt: ctx.iso(),
    },
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
  const [year = '2000', half = 'h1'] = ctx.state.examSession.id.replace(/^rk-/, '').split('-');
  return { year: year.slice(2), half: half.slice(1) };
}

/** 19 digits: 53, the exam area (2), the year (2), the half (1), a serial (12). */
function registrationNumber(ctx: OfficeContext, areaCode: string): string {
  const { year, half } = roundCode(ctx);
  const area = /^53\d{2}$/.test(areaCode) ? areaCode.slice(2) : '00';
  return `53${area}${year}${half}${String(FIRST_REGISTRATION_SERIAL + ctx.next()).padStart(12, '0')}`;
}

/** 系统识别码: `XT` and 8 hex digits derived from the application. */
export function systemCode(record: ApplicationRecord): string {
  let hash = 0x811c9dc5;
  for (const char of record.application.id + (record.application.registrationNumber ?? '')) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  }
  return `XT${hash.toString(16).toUpperCase().padStart(8, '0')}`;
}

/** Submits without checks: status `submitted`, registration number (kept on resubmission), fee from the plan. */
export function markSubmitted(ctx: OfficeContext, record: ApplicationRecord, input: ApplicationInput): void {
  const application = record.application;
  const now = ctx.iso();
  application.fields = copy(input) as ApplicationDraft;
  application.fields.documentNumber = normalizeDocumentNumber(input.documentNumber);
  application.status = 'submitted';
  application.review = null;
  application.registrationNumber ??= registrationNumber(ctx, input.areaCode);
  application.feeFen = feeOf(findSelection(ctx.state.examSession, input));
  application.submittedAt = now;
  application.updatedAt = now;
}

/** The reviewer approves. */
export function markApproved(ctx: OfficeContext, record: ApplicationRecord): void {
  record.application.status = 'approved';
  record.application.review = { result: 'approved', reviewedAt: ctx.iso() };
  record.application.updatedAt = ctx.iso();
}

/** The reviewer rejects with a reason. */
export function markRejected(ctx: OfficeContext, record: ApplicationRecord, reason: string): void {
  record.application.status = 'rejected';
  record.application.review = { result: 'rejected', reason, reviewedAt: ctx.iso() };
  record.application.updatedAt = ctx.iso();
}

/** Saves draft answers, merged into the saved fields (`null` clears a field). */
export function saveDraft(ctx: OfficeContext, account: AccountRecord, draft: ApplicationDraft): Application {
  requireRealName(account);
  requireWindow(ctx, 'registration');
  const existing = ctx.state.applications[account.id];
  requireEditable(existing);
  const record = existing ?? newApplication(ctx, account);
  const fields: Record<string, unknown> = record.application.fields;
  for (const [key, value] of Object.entries(draft)) {
    if (value === null) delete fields[key];
    else if (value !== undefined) fields[key] = copy(value);
  }
  record.application.updatedAt = ctx.iso();
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
  requireEditable(existing);
  const errors = checkSubmission(ctx.state.examSession, input, { realName, documentNumber: account.documentNumber ?? '' });
  if (!existing?.application.photo) errors.photo = '请上传经过检测的证件照片。';
  if (Object.keys(errors).length > 0) throw validationError(errors);
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
  requireEditable(existing);
  if (upload.type !== 'image/jpeg') {
    throw new OfficeError('PHOTO_REJECTED', '照片须为JPG格式。', { reason: 'type', contentType: upload.type });
  }
  if (upload.bytes.length === 0) throw new OfficeError('PHOTO_REJECTED', '照片文件为空。', { reason: 'empty' });
  if (upload.bytes.length > MAX_PHOTO_BYTES) {
    throw new OfficeError('PHOTO_REJECTED', '照片不能超过200KB，请使用照片处理工具处理后上传。', {
      reason: 'size',
      bytes: upload.bytes.length,
      maxBytes: MAX_PHOTO_BYTES,
    });
  }
  const size = jpegSize(upload.bytes) ?? PHOTO_SIZE;
  if (size.width !== PHOTO_SIZE.width || size.height !== PHOTO_SIZE.height) {
    throw new OfficeError('PHOTO_REJECTED', '照片尺寸须为295×413像素，请使用照片处理工具处理后上传。', {
      reason: 'dimensions',
      width: size.width,
      height: size.height,
    });
  }
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
  if (record?.application.status === 'change-requested') {
    throw new OfficeError('INVALID_STATE', '已有变更申请正在审核，请耐心等待。');
  }
  if (record?.application.status !== 'paid') throw new OfficeError('INVALID_STATE', '缴费成功后方可申请变更。');
  const request: ChangeRequest = { id: `change-${ctx.next()}`, reason: input.reason, status: 'pending', createdAt: ctx.iso() };
  record.application.changeRequest = request;
  record.application.status = 'change-requested';
  record.application.updatedAt = request.createdAt;
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
  if (!statuses.includes(record.application.status)) {
    throw new OfficeError('INVALID_STATE', message, { status: record.application.status });
  }
}

/** The office answers the pending change request: the application is paid again (or has its ticket). */
export function answerChange(ctx: OfficeContext, record: ApplicationRecord, approved: boolean, response?: string): void {
  const request = record.application.changeRequest!;
  request.status = approved ? 'approved' : 'rejected';
  request.response = response ?? (approved ? '变更申请已通过，考区已按申请更正。' : '变更申请未通过。');
  record.application.status = ctx.state.ticketsPublished ? 'ticket-available' : 'paid';
  record.application.updatedAt = ctx.iso();
}
