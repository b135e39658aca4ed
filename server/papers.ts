/**
 * The papers on the server: 报名表, 准考证, 考试安排, 成绩, 证书, built by the shared functions
 * (`src/services/rules/papers.ts`) from the application row; released as the shared rules say.
 */
import * as application from '../src/services/rules/application.js';
import { admissionTicket, examArrangement, registrationSlip } from '../src/services/rules/papers.js';
import * as releases from '../src/services/rules/releases.js';
import type {
  ArrangementAvailability,
  Certificate,
  CertificateList,
  RegistrationSlip,
  ScoreAvailability,
  TicketAvailability,
} from '../src/services/schemas.js';
import type { AccountRow } from './accounts.js';
import { type ApplicationRow, lockApplication, saveApplication } from './applications.js';
import type { Queryable } from './db/database.js';
import { currentRound, isoOf, nextCounter, presentApplication, type Call, type Round } from './services.js';

async function applicationOf(call: Call, accountId: string): Promise<{ round: Round; row: ApplicationRow | null }> {
  const round = await currentRound(call);
  const { rows } = await call.s.db.query<ApplicationRow>('SELECT * FROM applications WHERE account_id = $1 AND round_id = $2', [accountId, round.id]);
  return { round, row: rows[0] ?? null };
}

/** The 报名表, once paid (INVALID_STATE before). */
export async function getRegistrationSlip(call: Call, account: AccountRow): Promise<RegistrationSlip> {
  const { round, row } = await applicationOf(call, account.id);
  releases.requireSlip(row?.status);
  let systemCode = row!.system_code;
  if (!systemCode) {
    systemCode = application.systemCodeOf(row!.data);
    await call.s.db.query('UPDATE applications SET system_code = $2 WHERE id = $1 AND system_code IS NULL', [row!.id, systemCode]);
  }
  return registrationSlip(round.session, presentApplication(call, row!.data, account.id), systemCode, isoOf(call));
}

/**
 * Gives a paid application its ticket number and seat (once: the row is locked and the number is
 * unique); `paid` becomes `ticket-available`. Inside the caller's transaction.
 */
export async function issueTicket(call: Call, tx: Queryable, row: ApplicationRow): Promise<void> {
  const before = structuredClone(row.data);
  let changed = false;
  if (row.ticket_number === null) {
    row.seat = await nextCounter(tx);
    row.ticket_number = releases.ticketNumberOf(row.round_id, row.data.fields.areaCode, row.seat);
    changed = true;
  }
  if (row.data.status === 'paid') {
    row.data.status = 'ticket-available';
    row.data.updatedAt = isoOf(call);
    changed = true;
  }
  if (changed) await saveApplication(call, tx, row, before, 'application.ticket');
}

/** The ticket (with its number and seat) of the candidate, issuing it on the first look when it is out; or why not. */
async function withTicket<T>(call: Call, account: AccountRow, build: (round: Round, row: ApplicationRow) => T): Promise<releases.Availability<T>> {
  const { round, row } = await applicationOf(call, account.id);
  const unavailable = releases.ticketRelease(round.session, row?.status, round.ticketsPublished, call.nowMs);
  if (unavailable) return unavailable;
  let current = row!;
  if (current.ticket_number === null || current.data.status === 'paid') {
    current = await call.s.db.transaction(async (tx) => {
      const locked = (await lockApplication(tx, account.id, round.id))!;
      await issueTicket(call, tx, locked);
      return locked;
    });
  }
  return { status: 'available', content: build(round, current) };
}

export function getAdmissionTicket(call: Call, account: AccountRow): Promise<TicketAvailability> {
  return withTicket(call, account, (round, row) => admissionTicket(round.session, presentApplication(call, row.data, account.id), row.ticket_number!, row.seat ?? 0)) as Promise<TicketAvailability>;
}

export function getExamArrangement(call: Call, account: AccountRow): Promise<ArrangementAvailability> {
  return withTicket(call, account, (round, row) => examArrangement(round.session, row.data, row.seat ?? 0)) as Promise<ArrangementAvailability>;
}

/** The scores: `not-yet` until the office publishes them. */
export async function getScores(call: Call, account: AccountRow): Promise<ScoreAvailability> {
  const { round, row } = await applicationOf(call, account.id);
  return releases.scoreAvailability(round.session, row?.status, row?.score_report) as ScoreAvailability;
}

/** The candidate's certificates. */
export async function getCertificates(call: Call, account: AccountRow): Promise<CertificateList> {
  const { rows } = await call.s.db.query<{ data: Certificate }>('SELECT data FROM certificates WHERE account_id = $1 ORDER BY issued_at', [account.id]);
  return { certificates: rows.map((row) => row.data) };
}
