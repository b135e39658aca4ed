/**
 * What the exam office releases after payment and when (the mock and the reference server): the
 * admission ticket with the exam arrangement, the scores, the certificates, and their numbers.
 */
import type { ApplicationStatus, ExamSession, ScoreReport } from '../schemas.js';
import { PAID_STATUSES, roundCode } from './application.js';
import { OfficeError } from './office-error.js';

/** An availability answer (the shape of `TicketAvailability`, `ArrangementAvailability`, …). */
export type Availability<T> =
  | { status: 'available'; content: T }
  | { status: 'not-yet'; opensAt: string | null }
  | { status: 'closed'; closedAt: string | null }
  | { status: 'not-applicable'; reason?: string };

/** Not a ticket, or not yet, or no more: the answer; `null` when the ticket is out (printing window open). */
export function ticketRelease(
  session: ExamSession,
  status: ApplicationStatus | undefined,
  ticketsPublished: boolean,
  nowMs: number,
): Exclude<Availability<never>, { status: 'available' }> | null {
  if (!status || !PAID_STATUSES.has(status)) {
    return { status: 'not-applicable', reason: '缴费成功后方可打印准考证、查看考试安排。' };
  }
  const window = session.ticketWindow;
  if (!ticketsPublished || nowMs < Date.parse(window.opensAt)) return { status: 'not-yet', opensAt: window.opensAt };
  if (nowMs > Date.parse(window.closesAt)) return { status: 'closed', closedAt: window.closesAt };
  return null;
}

/** The ticket window once tickets are published: it opens now if it had not opened yet. */
export function publishedTicketWindow(session: ExamSession, now: string): ExamSession['ticketWindow'] {
  const window = { ...session.ticketWindow };
  if (Date.parse(window.opensAt) > Date.parse(now)) window.opensAt = now;
  return window;
}

/** Whether publishing tickets turns this application `ticket-available` (paid) or gives it a ticket number (also a pending change). */
export function getsTicket(status: ApplicationStatus): boolean {
  return status === 'paid' || status === 'change-requested';
}

/** 准考证号: the year (2), the half (1), the exam area (4), the seat's serial (5). */
export function ticketNumberOf(examSessionId: string, areaCode: unknown, seat: number): string {
  const { year, half } = roundCode(examSessionId);
  return `${year}${half}${String(areaCode ?? '5300')}${String(seat).padStart(5, '0')}`;
}

/** 证书编号: 20, the year (2), the half (1), 53, a serial (8). */
export function certificateNumberOf(examSessionId: string, serial: number): string {
  const { year, half } = roundCode(examSessionId);
  return `20${year}${half}53${String(serial).padStart(8, '0')}`;
}

/** The scores as answered: `not-applicable` before payment, `not-yet` until published. */
export function scoreAvailability(session: ExamSession, status: ApplicationStatus | undefined, report: ScoreReport | null | undefined): Availability<ScoreReport> {
  if (!status || !PAID_STATUSES.has(status)) return { status: 'not-applicable', reason: '本轮次无已缴费的报名，无成绩可查。' };
  if (report) return { status: 'available', content: structuredClone(report) };
  return { status: 'not-yet', opensAt: session.scoreReleaseAt ?? null };
}

/** Throws INVALID_STATE unless the 报名表 can be printed (the fee is paid). */
export function requireSlip(status: ApplicationStatus | undefined): void {
  if (!status || !PAID_STATUSES.has(status)) throw new OfficeError('INVALID_STATE', '缴费成功后方可打印报名表。');
}

/** Throws INVALID_STATE unless scores may be published for the application (the fee is paid). */
export function requireScorable(status: ApplicationStatus): void {
  if (!PAID_STATUSES.has(status)) throw new OfficeError('INVALID_STATE', '只有已缴费的报名可以发布成绩。', { status });
}

/** The pass line when the office does not give one (45 nationally). */
export const DEFAULT_PASS_LINE = 45;
