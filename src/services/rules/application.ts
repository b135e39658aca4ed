/**
 * The application's rules, the same for the mock office and the reference server: which statuses
 * allow what, the registration window, the draft merge, what a submission must repeat, the
 * transitions (submit, review, change request), the numbers printed on papers and the photo's
 * checks. Pure functions on the contract's `Application` (the `apply*` ones change the object
 * they are given); the caller keeps the state (memory in the mock, rows in the server).
 */
import { MAX_PHOTO_BYTES, PHOTO_SIZE } from '../contract.js';
import { normalizeDocumentNumber } from '../id-document.js';
import type {
  Application,
  ApplicationDraft,
  ApplicationInput,
  ApplicationStatus,
  ChangeRequest,
  ExamSession,
  RealNameResult,
} from '../schemas.js';
import { jpegSize } from './jpeg.js';
import { OfficeError } from './office-error.js';
import { checkSubmission, feeOf, findSelection } from './plan.js';
import { chineseDateTime } from './time.js';

/** Statuses of an application whose fee is paid. */
export const PAID_STATUSES: ReadonlySet<ApplicationStatus> = new Set([
  'paid',
  'change-requested',
  'ticket-available',
  'scored',
  'certified',
]);

/** Statuses in which the candidate may change the draft and the photo. */
export const EDITABLE_STATUSES: ReadonlySet<ApplicationStatus> = new Set(['draft', 'rejected']);

/** The first serial of registration numbers (a number is this plus the office's counter). */
export const FIRST_REGISTRATION_SERIAL = 144410000;

/** Throws REALNAME_REQUIRED unless the real name is verified. */
export function requireRealName(realName: RealNameResult | null | undefined): RealNameResult {
  if (realName?.status !== 'verified') throw new OfficeError('REALNAME_REQUIRED', '请先完成实名认证。');
  return realName;
}

/** Throws WINDOW_NOT_OPEN / WINDOW_CLOSED outside the round's registration or payment window. */
export function requireWindow(session: ExamSession, kind: 'registration' | 'payment', nowMs: number): void {
  const window = kind === 'registration' ? session.registrationWindow : session.paymentWindow;
  const label = kind === 'registration' ? '网上报名' : '网上缴费';
  if (nowMs < Date.parse(window.opensAt)) {
    throw new OfficeError('WINDOW_NOT_OPEN', `${label}尚未开始，开始时间：${chineseDateTime(window.opensAt)}。`, { opensAt: window.opensAt });
  }
  if (nowMs > Date.parse(window.closesAt)) {
    throw new OfficeError('WINDOW_CLOSED', `${label}已于${chineseDateTime(window.closesAt)}截止。`, { closedAt: window.closesAt });
  }
}

/** Throws INVALID_STATE unless there is no application yet or it may still be edited. */
export function requireEditable(application: Application | undefined | null): void {
  if (application && !EDITABLE_STATUSES.has(application.status)) {
    throw new OfficeError('INVALID_STATE', '报名信息已提交，当前状态下不能修改或重复提交。', { status: application.status });
  }
}

/** INVALID_STATE unless the application is in one of `statuses`. */
export function requireStatus(application: Application, statuses: readonly ApplicationStatus[], message: string): void {
  if (!statuses.includes(application.status)) {
    throw new OfficeError('INVALID_STATE', message, { status: application.status });
  }
}

/** What a new draft starts with: the verified real name and the account's phone or e-mail. */
export function prefilledFields(
  account: { account: string; accountType: 'phone' | 'email' },
  realName: RealNameResult | null,
  documentNumber: string | null,
): ApplicationDraft {
  const fields: ApplicationDraft = {};
  if (realName?.status === 'verified' && documentNumber) {
    Object.assign(fields, {
      name: realName.name,
      documentType: realName.documentType,
      documentNumber,
      gender: realName.gender,
      birthDate: realName.birthDate,
    });
  }
  fields[account.accountType === 'phone' ? 'mobile' : 'email'] = account.account;
  return fields;
}

/** A new draft application. */
export function newApplicationOf(id: string, examSessionId: string, fields: ApplicationDraft, now: string): Application {
  return {
    id,
    examSessionId,
    status: 'draft',
    fields,
    photo: null,
    review: null,
    changeRequest: null,
    registrationNumber: null,
    feeFen: null,
    submittedAt: null,
    updatedAt: now,
  };
}

/** Merges draft answers into the saved ones (`null` clears a field). */
export function applyDraft(application: Application, draft: ApplicationDraft, now: string): void {
  const fields: Record<string, unknown> = application.fields;
  for (const [key, value] of Object.entries(draft)) {
    if (value === null) delete fields[key];
    else if (value !== undefined) fields[key] = structuredClone(value);
  }
  application.updatedAt = now;
}

/**
 * Field errors of a submission that passed its schema: the round's plan, regions and options,
 * the verified real name, and the photo. Throws VALIDATION when there are any.
 */
export function requireSubmittable(
  session: ExamSession,
  input: ApplicationInput,
  identity: { realName: RealNameResult; documentNumber: string },
  application: Application | undefined | null,
): void {
  const errors = checkSubmission(session, input, identity);
  if (!application?.photo) errors.photo = '请上传经过检测的证件照片。';
  if (Object.keys(errors).length > 0) throw new OfficeError('VALIDATION', '提交的信息有误，请按提示修改。', { fields: errors });
}

/** The round's year (2 digits) and half (1 or 2), from its id `rk-2027-h1`. */
export function roundCode(examSessionId: string): { year: string; half: string } {
  const [year = '2000', half = 'h1'] = examSessionId.replace(/^rk-/, '').split('-');
  return { year: year.slice(2), half: half.slice(1) };
}

/** 报名序号, 19 digits: 53, the exam area (2), the year (2), the half (1), a serial (12). */
export function registrationNumberOf(examSessionId: string, areaCode: string, counter: number): string {
  const { year, half } = roundCode(examSessionId);
  const area = /^53\d{2}$/.test(areaCode) ? areaCode.slice(2) : '00';
  return `53${area}${year}${half}${String(FIRST_REGISTRATION_SERIAL + counter).padStart(12, '0')}`;
}

/** 系统识别码: `XT` and 8 hex digits derived from the application. */
export function systemCodeOf(application: Application): string {
  let hash = 0x811c9dc5;
  for (const char of application.id + (application.registrationNumber ?? '')) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  }
  return `XT${hash.toString(16).toUpperCase().padStart(8, '0')}`;
}

/**
 * Submits without checks: status `submitted`, the registration number (kept on resubmission; the
 * counter is asked for only when there is none), the fee from the plan.
 */
export function applySubmission(
  application: Application,
  session: ExamSession,
  input: ApplicationInput,
  now: string,
  nextCounter: () => number,
): void {
  application.fields = structuredClone(input) as ApplicationDraft;
  application.fields.documentNumber = normalizeDocumentNumber(input.documentNumber);
  application.status = 'submitted';
  application.review = null;
  application.registrationNumber ??= registrationNumberOf(session.id, input.areaCode, nextCounter());
  application.feeFen = feeOf(findSelection(session, input));
  application.submittedAt = now;
  application.updatedAt = now;
}

/** The reviewer approves. */
export function applyApproval(application: Application, now: string): void {
  application.status = 'approved';
  application.review = { result: 'approved', reviewedAt: now };
  application.updatedAt = now;
}

/** The reviewer rejects with a reason. */
export function applyRejection(application: Application, reason: string, now: string): void {
  application.status = 'rejected';
  application.review = { result: 'rejected', reason, reviewedAt: now };
  application.updatedAt = now;
}

/** The office's review (office API): approve a submitted one; reject a submitted or approved, unpaid one. */
export function applyReview(application: Application, input: { result: 'approved' | 'rejected'; reason?: string | undefined }, now: string): void {
  if (input.result === 'approved') {
    requireStatus(application, ['submitted'], '只有待审核的报名可以审核通过。');
    applyApproval(application, now);
  } else {
    requireStatus(application, ['submitted', 'approved'], '只有待审核或待缴费的报名可以退回。');
    applyRejection(application, input.reason ?? '', now);
  }
}

/** Throws INVALID_STATE unless a change may be asked for (a paid application without a pending request). */
export function requireChangeable(application: Application | undefined | null): asserts application is Application {
  if (application?.status === 'change-requested') throw new OfficeError('INVALID_STATE', '已有变更申请正在审核，请耐心等待。');
  if (application?.status !== 'paid') throw new OfficeError('INVALID_STATE', '缴费成功后方可申请变更。');
}

/** A change request is pending: status `change-requested`. */
export function applyChangeRequest(application: Application, request: ChangeRequest): void {
  application.changeRequest = request;
  application.status = 'change-requested';
  application.updatedAt = request.createdAt;
}

/** The office answers the pending change request: the application is paid again (or has its ticket). */
export function applyChangeAnswer(application: Application, approved: boolean, response: string | undefined, ticketsPublished: boolean, now: string): void {
  requireStatus(application, ['change-requested'], '该报名没有待答复的变更申请。');
  const request = application.changeRequest!;
  request.status = approved ? 'approved' : 'rejected';
  request.response = response ?? (approved ? '变更申请已通过，考区已按申请更正。' : '变更申请未通过。');
  application.status = ticketsPublished ? 'ticket-available' : 'paid';
  application.updatedAt = now;
}

/** An uploaded photo as the HTTP layer read it from the multipart body. */
export interface PhotoUpload {
  /** The part's content type, e.g. `image/jpeg`. */
  type: string;
  bytes: Uint8Array;
}

/**
 * The photo's checks: `image/jpeg`, 1 byte to 200 KB, 295×413 (from the JPEG's SOF marker), else
 * PHOTO_REJECTED with the reason. `unreadable`: what to do when no size can be read: the mock
 * assumes 295×413 (it does not decode); the server refuses.
 */
export function checkPhoto(upload: PhotoUpload, unreadable: 'assume' | 'refuse'): { width: number; height: number } {
  if (upload.type !== 'image/jpeg') {
    throw new OfficeError('PHOTO_REJECTED', '照片须为JPG格式。', { reason: 'type', contentType: upload.type.slice(0, 200) });
  }
  if (upload.bytes.length === 0) throw new OfficeError('PHOTO_REJECTED', '照片文件为空。', { reason: 'empty' });
  if (upload.bytes.length > MAX_PHOTO_BYTES) {
    throw new OfficeError('PHOTO_REJECTED', '照片不能超过200KB，请使用照片处理工具处理后上传。', {
      reason: 'size',
      bytes: upload.bytes.length,
      maxBytes: MAX_PHOTO_BYTES,
    });
  }
  const read = jpegSize(upload.bytes);
  if (!read && unreadable === 'refuse') {
    throw new OfficeError('PHOTO_REJECTED', '照片文件已损坏或不是有效的JPG图片，请重新处理后上传。', { reason: 'unreadable' });
  }
  const size = read ?? PHOTO_SIZE;
  if (size.width !== PHOTO_SIZE.width || size.height !== PHOTO_SIZE.height) {
    throw new OfficeError('PHOTO_REJECTED', '照片尺寸须为295×413像素，请使用照片处理工具处理后上传。', {
      reason: 'dimensions',
      width: size.width,
      height: size.height,
    });
  }
  return { width: size.width, height: size.height };
}
