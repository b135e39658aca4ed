/**
 * What the mock office releases after payment: admission tickets (with the exam arrangement),
 * scores and certificates, and when each is available to a candidate.
 */
import type { ScoreAvailability } from '../services/schemas.js';
import * as rules from '../services/rules/releases.js';
import { copy, type OfficeContext } from './context.js';
import { certificate, scoreReport } from './papers.js';
import type { AccountRecord, ApplicationRecord } from './state.js';
import { chinaDate } from './time.js';

export type { Availability } from '../services/rules/releases.js';
type Availability<T> = rules.Availability<T>;

/** Tickets are published; the printing window opens now if it had not opened yet. */
export function publishTickets(ctx: OfficeContext): void {
  ctx.state.ticketsPublished = true;
  ctx.state.examSession.ticketWindow = rules.publishedTicketWindow(ctx.state.examSession, ctx.iso());
}

/** Gives a paid application its ticket number and seat; `paid` becomes `ticket-available`. */
export function issueTicket(ctx: OfficeContext, record: ApplicationRecord): void {
  if (record.ticketNumber === null) {
    const seat = ctx.next();
    record.seat = seat;
    record.ticketNumber = rules.ticketNumberOf(ctx.state.examSession.id, record.application.fields.areaCode, seat);
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
  const unavailable = rules.ticketRelease(ctx.state.examSession, record?.application.status, ctx.state.ticketsPublished, ctx.nowMs());
  if (unavailable || !record) return unavailable!;
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
  return rules.scoreAvailability(ctx.state.examSession, record?.application.status, ctx.state.scores[account.id]);
}

/** Issues the certificate of a scored application: status `certified`. */
export function certify(ctx: OfficeContext, record: ApplicationRecord): void {
  const number = rules.certificateNumberOf(ctx.state.examSession.id, ctx.next());
  ctx.state.certificates[record.accountId] = [certificate(ctx.state.examSession, record.application, number, chinaDate(ctx.nowMs()))];
  record.application.status = 'certified';
  record.application.updatedAt = ctx.iso();
}
