/**
 * The office API on the server (`office-contract.ts`): the review queue, review, change
 * requests, confirming a payment, publishing tickets and scores, issuing certificates; and its
 * test-only part (a captcha's answer, the code sent, the clock). Every change is audited with
 * the staff member who made it.
 */
import * as applicationRules from '../../src/services/rules/application.js';
import { certificate, scoreReport } from '../../src/services/rules/papers.js';
import * as releases from '../../src/services/rules/releases.js';
import { OfficeError } from '../../src/services/rules/office-error.js';
import { chinaDate, chinaIso } from '../../src/services/rules/time.js';
import type { Application } from '../../src/services/schemas.js';
import type { CaptchaSolution, ChangeAnswerInput, Clock, Count, PublishScoresInput, ReviewInput, ReviewQueue, SentCode } from '../../src/services/office-contract.js';
import { captchaAnswer, sentCode } from '../accounts.js';
import { type ApplicationRow, lockApplicationById, saveApplication } from '../applications.js';
import { audit } from '../audit.js';
import { issueTicket } from '../papers.js';
import { currentRound, isoOf, nextCounter, presentApplication, type Call } from '../services.js';

const NOT_FOUND = () => new OfficeError('NOT_FOUND', '报名记录不存在。');

/** Submitted applications waiting for review, oldest first. */
export async function reviewQueue(call: Call): Promise<ReviewQueue> {
  const round = await currentRound(call);
  const { rows } = await call.s.db.query<ApplicationRow>(
    "SELECT * FROM applications WHERE round_id = $1 AND status = 'submitted' ORDER BY submitted_at, id",
    [round.id],
  );
  return { applications: rows.map((row) => presentApplication(call, row.data, row.account_id)) };
}

/** Changes one application by id, locked, audited. */
async function changeApplication(call: Call, applicationId: string, action: string, change: (row: ApplicationRow, ticketsPublished: boolean) => void): Promise<Application> {
  return call.s.db.transaction(async (tx) => {
    const round = await currentRound(call, tx);
    const row = await lockApplicationById(tx, applicationId);
    if (!row) throw NOT_FOUND();
    const before = structuredClone(row.data);
    change(row, round.ticketsPublished);
    await saveApplication(call, tx, row, before, action);
    return presentApplication(call, row.data, row.account_id);
  });
}

/** Approves or rejects a submitted application (an approved, unpaid one may still be rejected). */
export function reviewApplication(call: Call, applicationId: string, input: ReviewInput): Promise<Application> {
  return changeApplication(call, applicationId, `application.review.${input.result}`, (row) => applicationRules.applyReview(row.data, input, isoOf(call)));
}

/** Answers the pending change request of an application. */
export function answerChangeRequest(call: Call, applicationId: string, input: ChangeAnswerInput): Promise<Application> {
  return changeApplication(call, applicationId, 'application.change-answer', (row, ticketsPublished) =>
    applicationRules.applyChangeAnswer(row.data, input.approved, input.response, ticketsPublished, isoOf(call)),
  );
}

/** Tickets are out: the ticket window opens now if it had not, every paid application gets its ticket. */
export async function publishTickets(call: Call): Promise<Count> {
  return call.s.db.transaction(async (tx) => {
    const round = await currentRound(call, tx);
    const session = { ...round.session, ticketWindow: releases.publishedTicketWindow(round.session, isoOf(call)) };
    await tx.query('UPDATE rounds SET tickets_published = true, data = $2::jsonb WHERE id = $1', [round.id, JSON.stringify(session)]);
    await audit(tx, call.actor, call.nowMs, { action: 'round.publish-tickets', entityType: 'round', entityId: round.id, before: { ticketWindow: round.session.ticketWindow, ticketsPublished: round.ticketsPublished }, after: { ticketWindow: session.ticketWindow, ticketsPublished: true } });
    const { rows } = await tx.query<ApplicationRow>(
      "SELECT * FROM applications WHERE round_id = $1 AND status IN ('paid', 'change-requested') ORDER BY submitted_at, id FOR UPDATE",
      [round.id],
    );
    for (const row of rows) await issueTicket(call, tx, row);
    return { count: rows.length };
  });
}

/** Publishes the scores of paid applications (all or none: a refusal of one changes nothing). */
export async function publishScores(call: Call, input: PublishScoresInput): Promise<Count> {
  return call.s.db.transaction(async (tx) => {
    const round = await currentRound(call, tx);
    for (const result of input.results) {
      const row = await lockApplicationById(tx, result.applicationId);
      if (!row) throw NOT_FOUND();
      releases.requireScorable(row.status);
      const before = structuredClone(row.data);
      row.score_report = scoreReport(round.session, row.data, result.scores, isoOf(call), input.passLine ?? releases.DEFAULT_PASS_LINE);
      if (row.data.status !== 'certified') {
        row.data.status = 'scored';
        row.data.updatedAt = isoOf(call);
      }
      await saveApplication(call, tx, row, before, 'application.scores');
    }
    return { count: input.results.length };
  });
}

/** Certificates for every scored candidate who passed. */
export async function issueCertificates(call: Call): Promise<Count> {
  return call.s.db.transaction(async (tx) => {
    const round = await currentRound(call, tx);
    const { rows } = await tx.query<ApplicationRow>(
      "SELECT * FROM applications WHERE round_id = $1 AND status = 'scored' ORDER BY submitted_at, id FOR UPDATE",
      [round.id],
    );
    let count = 0;
    for (const row of rows) {
      if (!row.score_report?.passed) continue;
      const number = releases.certificateNumberOf(round.id, await nextCounter(tx));
      const issued = certificate(round.session, row.data, number, chinaDate(call.nowMs));
      await tx.query('INSERT INTO certificates (number, account_id, application_id, data, issued_at) VALUES ($1, $2, $3, $4::jsonb, $5) ON CONFLICT (application_id) DO NOTHING', [
        number,
        row.account_id,
        row.id,
        JSON.stringify(issued),
        new Date(call.nowMs),
      ]);
      const before = structuredClone(row.data);
      row.data.status = 'certified';
      row.data.updatedAt = isoOf(call);
      await saveApplication(call, tx, row, before, 'application.certify');
      count += 1;
    }
    return { count };
  });
}

/** Test API: the answer of an issued, unused captcha. */
export async function captchaSolution(call: Call, captchaId: string): Promise<CaptchaSolution> {
  const answer = await captchaAnswer(call, captchaId);
  if (!answer) throw new OfficeError('NOT_FOUND', '图形验证码不存在、已使用或已过期。');
  return { answer };
}

/** Test API: the last code sent to a phone number or e-mail address, while unused. */
export async function sentCodeOf(call: Call, target: string): Promise<SentCode> {
  const sent = await sentCode(call, target);
  if (!sent) throw new OfficeError('NOT_FOUND', '没有发送给该号码或邮箱的验证码。');
  return sent;
}

/** Test API: moves the office's clock (every instance sees it), or back to real time. */
export async function setClock(call: Call, now: string | null): Promise<Clock> {
  return call.s.db.transaction(async (tx) => {
    const before = await call.s.clock.offset(tx);
    const moved = await call.s.clock.set(tx, now === null ? null : Date.parse(now));
    await audit(tx, call.actor, call.realNowMs, { action: 'clock.set', entityType: 'clock', entityId: 'office', before: { offsetMs: before }, after: { offsetMs: moved - call.s.clock.real() } });
    return { now: chinaIso(moved), moved: now !== null };
  });
}
