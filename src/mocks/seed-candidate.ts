/**
 * The seeded candidate 张三 at any stage of the flow, for stories, the demo's QA panel and tests.
 */
import { maskDocumentNumber } from '../services/id-document.js';
import { createAccount, forgetAccount, issueToken } from './accounts.js';
import { markApproved, markRejected, markSubmitted, newApplication } from './applications.js';
import { placeholderPhotoUrl, SEED_ACCOUNT, SEED_APPLICATION, SEED_REAL_NAME } from './candidate.js';
import type { OfficeContext } from './context.js';
import { createOrder, markPaid } from './payments.js';
import { certify, issueTicket, publishTickets, scoreApplication } from './releases.js';
import { REJECTION_REASON } from './scenarios.js';

/** Stages a seeded candidate can be at, in the order of the flow. */
export const CANDIDATE_STAGES = [
  'registered',
  'verified',
  'draft',
  'submitted',
  'rejected',
  'approved',
  'paid',
  'ticket',
  'scored',
  'certified',
] as const;

/** One of {@link CANDIDATE_STAGES}. */
export type CandidateStage = (typeof CANDIDATE_STAGES)[number];

/** The seeded candidate's login and a bearer token that works right away. */
export interface SeededCandidate {
  account: string;
  password: string;
  token: string;
}

/**
 * Creates 张三 afresh (any earlier 张三 is forgotten) at `stage`, without window or scenario
 * checks: `draft` has the exam choice filled in; from `submitted` on the full form and a photo;
 * `rejected` carries the reviewer's reason; `paid` an Alipay receipt; `ticket` a published ticket.
 */
export function seedCandidate(ctx: OfficeContext, stage: CandidateStage): SeededCandidate {
  const rank = CANDIDATE_STAGES.indexOf(stage);
  if (rank < 0) throw new Error(`unknown stage ${String(stage)}`);
  const at = (name: CandidateStage) => rank >= CANDIDATE_STAGES.indexOf(name);
  forgetAccount(ctx, SEED_ACCOUNT.account);
  const account = createAccount(ctx, SEED_ACCOUNT.account, SEED_ACCOUNT.accountType, SEED_ACCOUNT.password);
  const token = issueToken(ctx, account);
  const done = { account: SEED_ACCOUNT.account, password: SEED_ACCOUNT.password, token };
  if (!at('verified')) return done;
  account.documentNumber = SEED_REAL_NAME.documentNumber;
  account.realName = {
    status: 'verified',
    name: SEED_REAL_NAME.name,
    documentType: SEED_REAL_NAME.documentType,
    documentNumberMasked: maskDocumentNumber(SEED_REAL_NAME.documentNumber),
    gender: SEED_APPLICATION.gender,
    birthDate: SEED_APPLICATION.birthDate,
    validFrom: SEED_REAL_NAME.validFrom,
    validTo: SEED_REAL_NAME.validTo,
    verifiedAt: ctx.iso(),
  };
  if (!at('draft')) return done;
  const record = newApplication(ctx, account);
  const { levelId, qualificationId, subjectIds, provinceCode, areaCode } = SEED_APPLICATION;
  Object.assign(record.application.fields, { levelId, qualificationId, subjectIds: [...subjectIds], provinceCode, areaCode });
  if (!at('submitted')) return done;
  record.application.photo = {
    id: `photo-${ctx.next()}`,
    url: placeholderPhotoUrl(),
    width: 295,
    height: 413,
    bytes: 10240,
    uploadedAt: ctx.iso(),
  };
  markSubmitted(ctx, record, SEED_APPLICATION);
  record.autoRejected = true;
  if (stage === 'rejected') markRejected(ctx, record, REJECTION_REASON);
  if (!at('approved')) return done;
  markApproved(ctx, record);
  if (!at('paid')) return done;
  markPaid(ctx, createOrder(ctx, record, 'alipay', { neverExpired: true }));
  if (!at('ticket')) return done;
  publishTickets(ctx);
  issueTicket(ctx, record);
  if (!at('scored')) return done;
  scoreApplication(ctx, record, undefined, 45);
  if (at('certified')) certify(ctx, record);
  return done;
}
