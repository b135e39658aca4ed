/**
 * What the mock office releases after payment: admission tickets (with the exam arrangement),
 * scores and certificates, and when each is available to a candidate.
 */
import type { ScoreAvailability } from '../services/schemas.js';
import { PAID_STATUSES, roundCode } from './applications.js';
import { copy, type OfficeContext } from './context.js';
import { certificate, scoreReport } from './papers.js';
import type { AccountRecord, ApplicationRecord } from './state.js';
import { chinaDate } from './time.js';

/** An availability answer (the shape of `TicketAvailability`, `ArrangementAvailability`, …). */
export type Availability<T> =
  | { status: 'available'; content: T }
  | { status: 'not-yet'; opensAt: string | null }
  | { status: 'closed'; closedAt: string | null }
  | { status: 'not-applicable'; reason?: string };

/** Tickets are published; the printing window opens now if it had not opened yet. */
export function publishTickets(ctx: OfficeContext): void {
  ctx.state.ticketsPublished = true;
  const window = ctx.state.examSession.ticketWindow;
  if (Date.parse(window.opensAt) > ctx.nowMs()) window.opensAt = ctx.iso();
}

/** Gives a paid application its ticket number and seat; `paid` becomes `ticket-available`. */
export function issueTicket(ctx: OfficeContext, record: ApplicationRecord): void {
  if (record.ticketNumber === null) {
    const seat = ctx.next();
    const { year, half } = roundCode(ctx);
    record.seat = seat;
    record.ticketNumber = `${year}${half}${String(record.application.fields.areaCode ?? '5300')}${String(seat).padStart(5, '0')}`;
  }
  if (record.application.status === 'paid') {
    record.application.status = 'ticket-available';
    record.application.updatedAt = ctx.iso();
  }
}

/**
 * A paper that comes with the ticket: `not-applicable` before payment, `not-yet` until tickets
 * are published and the printing window is open, `closed` after it, else `available`.
 */
export function withTicket<T>(
  ctx: OfficeContext,
  account: AccountRecord,
  build: (record: ApplicationRecord, ticketNumber: string, seat: number) => T,
): Availability<T> {
  const record = ctx.state.applications[account.id];
  if (!record || !PAID_STATUSES.has(record.application.status)) {
    return { status: 'not-applicable', reason: '缴费成功后方可打印准考证、查看考试安排。' };
  }
  const window = ctx.state.examSession.ticketWindow;
  const nowMs = ctx.nowMs();
  if (!ctx.state.ticketsPublished || nowMs < Date.parse(window.opensAt)) return { status: 'not-yet', opensAt: window.opensAt };
  if (nowMs > Date.parse(window.closesAt)) return { status: 'closed', closedAt: window.closesAt };
  issueTicket(ctx, record);
  return { status: 'available', content: copy(build(record, record.ticketNumber!, record.seat ?? 0)) };
}

/** Scores a paid application (`scores[i]` for the i-th subject, defaults otherwise): status `scored`. */
export function scoreApplication(
  ctx: OfficeContext,
  record: ApplicationRecord,
  scores: ReadonlyArray<number | null> | undefined,
  passLine: number,
): void {
  ctx.state.scores[record.accountId] = scoreReport(ctx.state.examSession, record.application, scores ?? [], ctx.iso(), passLine);
  if (record.application.status !== 'certified') {
    record.application.status = 'scored';
    record.application.updatedAt = ctx.iso();
  }
}

/** The candidate's scores: `not-applicable` before payment, `not-yet` until published. */
export function scoresOf(ctx: OfficeContext, account: AccountRecord): ScoreAvailability {
  const record = ctx.state.applications[account.id];
  if (!record || !PAID_STATUSES.has(record.application.status)) {
    return { status: 'not-applicable', reason: '本轮次无已缴费的报名，无成绩可查。' };
  }
  const report = ctx.state.scores[account.id];
  if (report) return { status: 'available', content: copy(report) };
  return { status: 'not-yet', opensAt: ctx.state.examSession.scoreReleaseAt ?? null };
}

/** Issues the certificate of a scored application: status `certified`. */
export function certify(ctx: OfficeContext, record: ApplicationRecord): void {
  const { year, half } = roundCode(ctx);
  const number = `20${year}${half}53${String(ctx.next()).padStart(8, '0')}`;
  ctx.state.certificates[record.accountId] = [certificate(ctx.state.examSession, record.application, number, chinaDate(ctx.nowMs()))];
  record.application.status = 'certified';
  record.application.updatedAt = ctx.iso();
}
