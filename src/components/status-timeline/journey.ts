/**
 * The candidate's journey as steps with a state, derived from what the backend says (session,
 * application, round, and when tickets and scores open). A pure function, so every application
 * state can be checked without a page.
 */
import type {
  Application,
  ExamSession,
  ScoreAvailability,
  Session,
  TicketAvailability,
} from '../../services/schemas.js';
import { PAID_APPLICATION_STATUSES } from '../../services/application-status.js';

/** The steps of the journey, in order. */
export const JOURNEY_STEPS = [
  'account',
  'real-name',
  'notice',
  'form',
  'photo',
  'review',
  'payment',
  'ticket',
  'exam',
  'score',
  'certificate',
] as const;

/** One of {@link JOURNEY_STEPS}. */
export type JourneyStep = (typeof JOURNEY_STEPS)[number];

/**
 * done; current (the candidate's next thing to do); pending (the office is at it: 审核中);
 * waiting (not started: on an earlier step or a date); failed; not applicable.
 */
export type StepState = 'done' | 'current' | 'pending' | 'waiting' | 'failed' | 'not-applicable';

export interface StepStatus {
  step: JourneyStep;
  state: StepState;
  /** When a waiting step opens (ISO date-time), if known. */
  opensAt?: string;
  /** Why a step failed (the reviewer's or the verifier's reason). */
  reason?: string;
}

/** What the journey is derived from; anything unknown may be left out. */
export interface JourneyInput {
  session: Session | null | undefined;
  application: Application | null | undefined;
  examSession?: ExamSession | undefined;
  /** Whether the candidate accepted this round's notice (rk-exam-notice remembers it for the tab). */
  noticeAccepted?: boolean;
  ticket?: TicketAvailability | undefined;
  scores?: ScoreAvailability | undefined;
  /** The backend's clock, in ms. */
  now?: number;
}

/** The state of every step. Exactly one step is `current` while something is the candidate's to do. */
export function journey(input: JourneyInput): StepStatus[] {
  const { session, application, examSession } = input;
  const now = input.now ?? Date.now();
  const status = application?.status;
  const realName = session?.realName ?? null;
  const verified = realName?.status === 'verified';
  const submittedOnce = status !== undefined && status !== 'draft';
  const paid = status !== undefined && PAID_APPLICATION_STATUSES.has(status);
  const examOver = examSession ? now > Date.parse(`${examSession.examDates.at(-1)}T23:59:59+08:00`) : false;
  const result = new Map<JourneyStep, StepStatus>();
  const set = (step: JourneyStep, state: StepState, extra: Partial<StepStatus> = {}) => result.set(step, { step, state, ...extra });
  const because = (reason: string | null | undefined) => (reason ? { reason } : {});

  set('account', session ? 'done' : 'current');
  if (!session) set('real-name', 'waiting');
  else if (verified) set('real-name', 'done');
  else if (realName?.status === 'rejected') set('real-name', 'failed', because(realName.reason));
  else if (realName?.status === 'pending') set('real-name', 'pending', because(realName.reason));
  else set('real-name', 'current');

  const before = (step: JourneyStep) => set(step, 'waiting');
  const formStarted = application !== null && application !== undefined && Object.keys(application.fields).length > 0;
  if (!verified) {
    before('notice');
    before('form');
    before('photo');
  } else {
    const noticeDone = submittedOnce || formStarted || input.noticeAccepted === true;
    set('notice', noticeDone ? 'done' : 'current');
    if (!noticeDone) {
      before('form');
      before('photo');
    } else if (status === 'rejected') {
      set('form', 'current');
      set('photo', application?.photo ? 'done' : 'current');
    } else if (submittedOnce) {
      set('form', 'done');
      set('photo', 'done');
    } else {
      set('form', 'current');
      set('photo', application?.photo ? 'done' : 'waiting');
    }
  }

  if (status === 'rejected') set('review', 'failed', because(application?.review?.reason));
  else if (status === 'submitted') set('review', 'pending');
  else if (status && status !== 'draft') set('review', 'done');
  else before('review');

  const payWindow = examSession?.paymentWindow;
  if (paid) set('payment', 'done');
  else if (status === 'approved') {
    if (payWindow && now >= Date.parse(payWindow.closesAt)) set('payment', 'failed');
    else if (payWindow && now < Date.parse(payWindow.opensAt)) set('payment', 'waiting', { opensAt: payWindow.opensAt });
    else set('payment', 'current');
  } else before('payment');

  const ticketOpens = input.ticket?.status === 'not-yet' ? input.ticket.opensAt : examSession?.ticketWindow.opensAt;
  if (!paid) set('ticket', 'waiting');
  else if (status === 'scored' || status === 'certified' || examOver) set('ticket', 'done');
  else if (input.ticket?.status === 'available' || status === 'ticket-available') set('ticket', 'current');
  else if (input.ticket?.status === 'closed') set('ticket', 'done');
  else set('ticket', 'waiting', ticketOpens ? { opensAt: ticketOpens } : {});

  const examStart = examSession ? `${examSession.examDates[0]}T08:00:00+08:00` : undefined;
  if (!paid) set('exam', 'waiting');
  else if (status === 'scored' || status === 'certified' || examOver) set('exam', 'done');
  else set('exam', 'waiting', examStart ? { opensAt: examStart } : {});

  const scoreOpens = input.scores?.status === 'not-yet' ? input.scores.opensAt : (examSession?.scoreReleaseAt ?? null);
  if (status === 'scored' || status === 'certified' || input.scores?.status === 'available') set('score', 'done');
  else if (!paid) set('score', 'waiting');
  else set('score', 'waiting', scoreOpens ? { opensAt: scoreOpens } : {});

  if (status === 'certified') set('certificate', 'done');
  else if (input.scores?.status === 'available' && !input.scores.content.passed) set('certificate', 'not-applicable');
  else set('certificate', 'waiting');

  // Only the first of the candidate's own steps is current; a later "current" waits for it.
  let seenCurrent = false;
  return JOURNEY_STEPS.map((step) => {
    const entry = result.get(step)!;
    if (entry.state !== 'current') return entry;
    if (seenCurrent) return { ...entry, state: 'waiting' };
    seenCurrent = true;
    return entry;
  });
}
