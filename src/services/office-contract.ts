/**
 * The office API: an optional section of the REST contract for staff tools and test systems
 * (the conformance kit plays the office through it). Every call carries the staff key in
 * `X-Office-Key`; a candidate's session never opens it (403 FORBIDDEN). The test-only part
 * (`/office/test/…`: what only a person could read, and the clock) is switched off in production,
 * where it answers 404 NOT_FOUND.
 *
 * Not used by the elements: only the OpenAPI generator, the mock office, servers and the kit.
 */
import * as z from 'zod/mini';
import type { Operation } from './contract.js';
import * as s from './schemas.js';

/** The reviewer's decision on a submitted application. */
export const ReviewInput = z
  .object({
    result: z.enum(['approved', 'rejected']),
    /** Required when rejected: shown to the candidate. */
    reason: z.optional(s.Text.check(z.minLength(1))),
  })
  .check(
    z.refine((input) => input.result === 'approved' || Boolean(input.reason), {
      path: ['reason'],
      error: 'a rejection needs a reason',
    }),
  );
export type ReviewInput = z.infer<typeof ReviewInput>;

/** The office's answer to a change request. */
export const ChangeAnswerInput = z.object({
  approved: z.boolean(),
  /** Shown to the candidate. */
  response: z.optional(s.Text),
});
export type ChangeAnswerInput = z.infer<typeof ChangeAnswerInput>;

/** The scores of some applications, published at once. */
export const PublishScoresInput = z.object({
  /** The pass line of every subject (45 nationally). */
  passLine: z.optional(z.number().check(z.positive())),
  results: z
    .array(
      z.object({
        applicationId: s.Id,
        /** One score per subject of the application, in the plan's order; null = absent (缺考). */
        scores: z.array(z.nullable(z.number().check(z.gte(0), z.lte(100)))).check(z.minLength(1)),
      }),
    )
    .check(z.minLength(1)),
});
export type PublishScoresInput = z.infer<typeof PublishScoresInput>;

/** How many records an office action changed. */
export const Count = z.object({ count: z.int().check(z.nonnegative()) });
export type Count = z.infer<typeof Count>;

/** The submitted applications waiting for review, oldest first. */
export const ReviewQueue = z.object({ applications: z.array(s.Application) });
export type ReviewQueue = z.infer<typeof ReviewQueue>;

/** Test only: the answer of an issued captcha. */
export const CaptchaSolution = z.object({ answer: z.string().check(z.minLength(1), z.maxLength(12)) });
export type CaptchaSolution = z.infer<typeof CaptchaSolution>;

/** Test only: the last verification code sent to a phone number or e-mail address. */
export const SentCode = z.object({ code: z.string().check(z.regex(/^\d{4,8}$/)), sentAt: s.DateTime });
export type SentCode = z.infer<typeof SentCode>;

/** Test only: set the backend's clock (`null`: back to the real time). */
export const ClockInput = z.object({ now: z.nullable(s.DateTime) });
export type ClockInput = z.infer<typeof ClockInput>;

/** Test only: the backend's clock. */
export const Clock = z.object({ now: s.DateTime, moved: z.boolean() });
export type Clock = z.infer<typeof Clock>;

const office = <T extends Operation>(operation: T) => ({ ...operation, office: true as const });

/** The office API. */
export const officeOperations = {
  getReviewQueue: office({
    method: 'GET',
    path: '/office/review-queue',
    tag: 'office',
    summary: '审核队列 Submitted applications waiting for review',
    response: ReviewQueue,
  }),
  reviewApplication: office({
    method: 'POST',
    path: '/office/applications/{applicationId}/review',
    tag: 'office',
    summary: '审核 Approve or reject a submitted application (an approved, unpaid one may still be rejected)',
    request: ReviewInput,
    response: s.Application,
    errors: ['NOT_FOUND', 'INVALID_STATE'],
  }),
  answerChangeRequest: office({
    method: 'POST',
    path: '/office/applications/{applicationId}/change-request/answer',
    tag: 'office',
    summary: '答复变更申请 Answer the pending change request of an application',
    request: ChangeAnswerInput,
    response: s.Application,
    errors: ['NOT_FOUND', 'INVALID_STATE'],
  }),
  markOrderPaid: office({
    method: 'POST',
    path: '/office/payments/{orderId}/mark-paid',
    tag: 'office',
    summary: '确认缴费 Confirm an open order as paid (what the gateway\'s notification does)',
    response: s.PaymentStatus,
    errors: ['NOT_FOUND', 'INVALID_STATE'],
  }),
  publishTickets: office({
    method: 'POST',
    path: '/office/tickets/publish',
    tag: 'office',
    summary: '发布准考证 Admission tickets for every paid application',
    response: Count,
  }),
  publishScores: office({
    method: 'POST',
    path: '/office/scores/publish',
    tag: 'office',
    summary: '发布成绩 Publish the scores of paid applications',
    request: PublishScoresInput,
    response: Count,
    errors: ['NOT_FOUND', 'INVALID_STATE'],
  }),
  issueCertificates: office({
    method: 'POST',
    path: '/office/certificates/issue',
    tag: 'office',
    summary: '发放证书 Certificates for every scored candidate who passed',
    response: Count,
  }),
  getCaptchaSolution: office({
    method: 'GET',
    path: '/office/test/captchas/{captchaId}',
    tag: 'office',
    summary: '测试：图形验证码答案 Test only: the answer of an issued, unused captcha',
    response: CaptchaSolution,
    errors: ['NOT_FOUND'],
    testOnly: true,
  }),
  getSentCode: office({
    method: 'GET',
    path: '/office/test/verification-codes/{target}',
    tag: 'office',
    summary: '测试：已发送的验证码 Test only: the last code sent to a phone or e-mail',
    response: SentCode,
    errors: ['NOT_FOUND'],
    testOnly: true,
  }),
  setClock: office({
    method: 'PUT',
    path: '/office/test/clock',
    tag: 'office',
    summary: '测试：设定时钟 Test only: move the backend\'s clock (windows, expiry), or back to real time',
    request: ClockInput,
    response: Clock,
    testOnly: true,
  }),
} satisfies Record<string, Operation & { office: true }>;

export type OfficeOperationName = keyof typeof officeOperations;
