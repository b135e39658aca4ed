/**
 * The portal's views (the seed's left navigation), which need a signed-in candidate, and which
 * view a candidate's state leads to when the page has not chosen one.
 */
import { PAID_APPLICATION_STATUSES } from '../../services/application-status.js';
import type { Application, Session } from '../../services/schemas.js';
import type { JourneyStep } from '../status-timeline/journey.js';

/** The navigation of the seed, in its order. */
export const PORTAL_VIEWS = ['notice', 'plan', 'apply', 'review', 'payment', 'ticket', 'arrangement', 'score', 'certificate'] as const;

/** One of {@link PORTAL_VIEWS}. */
export type PortalView = (typeof PORTAL_VIEWS)[number];

export function isPortalView(value: unknown): value is PortalView {
  return typeof value === 'string' && (PORTAL_VIEWS as readonly string[]).includes(value);
}

/**
 * Where the candidate's journey stands: signed out or unverified → 考生报名 (which shows log in or
 * verification); no application or a draft or a rejected one → 考生报名; submitted → 报名审核;
 * approved → 网上缴费; paid → 考生报名 (the 报名表 to print); ticket → 打印准考证; scored →
 * 成绩查询; certified → 证书查询.
 */
export function viewForState(session: Session | null | undefined, application: Application | null | undefined): PortalView {
  if (!session || session.realName?.status !== 'verified' || !application) return 'apply';
  switch (application.status) {
    case 'submitted':
      return 'review';
    case 'approved':
      return 'payment';
    case 'ticket-available':
      return 'ticket';
    case 'scored':
      return 'score';
    case 'certified':
      return 'certificate';
    default:
      return 'apply';
  }
}

/**
 * The view a step of `rk-status-timeline` stands for (its `rk-navigate` detail's `step`), so a
 * click on the timeline shows the right element.
 */
export const VIEW_OF_STEP: Readonly<Record<string, PortalView>> = {
  account: 'apply',
  'real-name': 'apply',
  realname: 'apply',
  notice: 'notice',
  form: 'apply',
  photo: 'apply',
  review: 'review',
  payment: 'payment',
  ticket: 'ticket',
  exam: 'arrangement',
  score: 'score',
  certificate: 'certificate',
};

/**
 * The steps of the timeline whose page a view is (考生报名 shows the login, the real name, the
 * notice and the form as the candidate's state needs), so the timeline does not offer the way to
 * where the candidate already is.
 */
export const STEPS_OF_VIEW: Readonly<Record<PortalView, readonly JourneyStep[]>> = {
  notice: ['notice'],
  plan: [],
  apply: ['account', 'real-name', 'notice', 'form', 'photo'],
  review: ['review'],
  payment: ['payment'],
  ticket: ['ticket'],
  arrangement: ['exam'],
  score: ['score'],
  certificate: ['certificate'],
};

/**
 * Whether the application waits for the office or the calendar: review (submitted), a payment
 * that may arrive from elsewhere (approved), tickets, scores and certificates (paid and on). A
 * draft or a rejected application waits for the candidate.
 */
export function awaitsOffice(application: Application | null | undefined): boolean {
  if (!application) return false;
  const status = application.status;
  return status === 'submitted' || status === 'approved' || (PAID_APPLICATION_STATUSES.has(status) && status !== 'certified');
}
