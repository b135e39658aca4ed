/**
 * Applications on the server: drafts, the photo, submission, change requests. Every change runs
 * in one transaction that locks the candidate's application row first (`SELECT … FOR UPDATE`), so
 * requests racing on two instances take turns; a new application is inserted with ON CONFLICT
 * on (account, round): one application per candidate and round, whatever the race.
 */
import { createHash } from 'node:crypto';
import * as rules from '../src/services/rules/application.js';
import type { Application, ApplicationDraft, ApplicationInput, ChangeRequest, ChangeRequestInput, Photo } from '../src/services/schemas.js';
import type { AccountRow } from './accounts.js';
import { audit } from './audit.js';
import type { Queryable } from './db/database.js';
import { photoUrl } from './photos/urls.js';
import { newId, randomHex } from './secrets.js';
import { currentRound, isoOf, nextCounter, presentApplication, type Call, type Round } from './services.js';

/** An application row. */
export interface ApplicationRow {
  id: string;
  account_id: string;
  round_id: string;
  status: Application['status'];
  data: Application;
  registration_number: string | null;
  system_code: string | null;
  ticket_number: string | null;
  seat: number | null;
  score_report: import('../src/services/schemas.js').ScoreReport | null;
}

/** The candidate's application of the round, locked for the transaction (or null). */
export async function lockApplication(tx: Queryable, accountId: string, roundId: string): Promise<ApplicationRow | null> {
  const { rows } = await tx.query<ApplicationRow>('SELECT * FROM applications WHERE account_id = $1 AND round_id = $2 FOR UPDATE', [accountId, roundId]);
  return rows[0] ?? null;
}

/** The application with this id, locked (or null). */
export async function lockApplicationById(tx: Queryable, applicationId: string): Promise<ApplicationRow | null> {
  const { rows } = await tx.query<ApplicationRow>('SELECT * FROM applications WHERE id = $1 FOR UPDATE', [applicationId]);
  return rows[0] ?? null;
}

/** The candidate's application, created as a prefilled draft when there is none; locked. */
async function lockOrCreate(call: Call, tx: Queryable, account: AccountRow, round: Round): Promise<{ row: ApplicationRow; created: boolean }> {
  const existing = await lockApplication(tx, account.id, round.id);
  if (existing) return { row: existing, created: false };
  const fields = rules.prefilledFields({ account: account.account, accountType: account.account_type }, account.real_name, account.document_number);
  const application = rules.newApplicationOf(newId('app'), round.id, fields, isoOf(call));
  // Two first saves racing: the unique (account, round) keeps one; the loser locks the winner's row.
  await tx.query(
    `INSERT INTO applications (id, account_id, round_id, status, data, updated_at) VALUES ($1, $2, $3, 'draft', $4::jsonb, $5)
     ON CONFLICT ON CONSTRAINT applications_one_per_round DO NOTHING`,
    [application.id, account.id, round.id, JSON.stringify(application), new Date(call.nowMs)],
  );
  const row = await lockApplication(tx, account.id, round.id);
  return { row: row!, created: row!.id === application.id };
}

/** Writes an application's changes and their audit row. */
export async function saveApplication(call: Call, tx: Queryable, row: ApplicationRow, before: Application | null, action: string): Promise<void> {
  const application = row.data;
  await tx.query(
    `UPDATE applications SET status = $2, data = $3::jsonb, registration_number = $4, system_code = $5, ticket_number = $6, seat = $7,
       score_report = $8::jsonb, submitted_at = $9, updated_at = $10 WHERE id = $1`,
    [
      row.id,
      application.status,
      JSON.stringify(application),
      application.registrationNumber,
      row.system_code,
      row.ticket_number,
      row.seat,
      row.score_report === null ? null : JSON.stringify(row.score_report),
      application.submittedAt ? new Date(application.submittedAt) : null,
      new Date(call.nowMs),
    ],
  );
  await audit(tx, call.actor, call.nowMs, { action, entityType: 'application', entityId: row.id, before, after: application });
}

/** The candidate's application of the current round, or null. */
export async function getApplication(call: Call, account: AccountRow): Promise<{ application: Application | null }> {
  const round = await currentRound(call);
  const { rows } = await call.s.db.query<ApplicationRow>('SELECT * FROM applications WHERE account_id = $1 AND round_id = $2', [account.id, round.id]);
  return { application: rows[0] ? presentApplication(call, rows[0].data, account.id) : null };
}

/**
 * What a draft save, a submission and a photo share: the candidate's application of the current
 * round, locked (made if there is none yet), after the checks that it may be edited now (a real
 * name, the registration window, not submitted or rejected); and its state before the change.
 */
async function editableApplication(call: Call, tx: Queryable, account: AccountRow) {
  const round = await currentRound(call, tx);
  const realName = rules.requireRealName(account.real_name);
  rules.requireWindow(round.session, 'registration', call.nowMs);
  const { row, created } = await lockOrCreate(call, tx, account, round);
  rules.requireEditable(row.data);
  return { round, realName, row, before: created ? null : structuredClone(row.data) };
}

/** Saves draft answers inside the registration window, before submission or after a rejection. */
export async function saveDraft(call: Call, account: AccountRow, draft: ApplicationDraft): Promise<Application> {
  return call.s.db.transaction(async (tx) => {
    const { row, before } = await editableApplication(call, tx, account);
    rules.applyDraft(row.data, draft, isoOf(call));
    await saveApplication(call, tx, row, before, 'application.draft');
    return presentApplication(call, row.data, account.id);
  });
}

/** Submits for review (the idempotency wrapper is the caller's): checked against the plan, the real name and the photo. */
export async function submit(call: Call, tx: Queryable, account: AccountRow, input: ApplicationInput): Promise<Application> {
  const { round, realName, row, before } = await editableApplication(call, tx, account);
  rules.requireSubmittable(round.session, input, { realName, documentNumber: account.document_number ?? '' }, row.data);
  const counter = row.data.registrationNumber ? 0 : await nextCounter(tx);
  rules.applySubmission(row.data, round.session, input, isoOf(call), () => counter);
  await saveApplication(call, tx, row, before, 'application.submit');
  return presentApplication(call, row.data, account.id);
}

/**
 * Attaches the checked photo: type, size and 295×413 checked again here (an unreadable JPEG is
 * refused), the bytes stored before the row commits (a failed commit leaves an orphan file, never
 * a row without its file).
 */
export async function attachPhoto(call: Call, account: AccountRow, upload: rules.PhotoUpload): Promise<Photo> {
  return call.s.db.transaction(async (tx) => {
    const { row, before } = await editableApplication(call, tx, account);
    const size = rules.checkPhoto(upload, 'refuse');
    const id = `photo-${randomHex(12)}`;
    const storageKey = `${account.id.replace(/[^a-z0-9-]/g, '')}/${id}.jpg`;
    await call.s.photos.put(storageKey, upload.bytes);
    await tx.query(
      `INSERT INTO photos (id, account_id, storage_key, content_type, bytes, width, height, sha256, uploaded_at)
       VALUES ($1, $2, $3, 'image/jpeg', $4, $5, $6, $7, $8)`,
      [id, account.id, storageKey, upload.bytes.length, size.width, size.height, createHash('sha256').update(upload.bytes).digest('hex'), new Date(call.nowMs)],
    );
    // The stored application keeps no URL: each answer signs one for the day.
    const photo: Photo = { id, url: `photos/${id}`, width: size.width, height: size.height, bytes: upload.bytes.length, uploadedAt: isoOf(call) };
    row.data.photo = photo;
    row.data.updatedAt = photo.uploadedAt;
    await saveApplication(call, tx, row, before, 'application.photo');
    return { ...photo, url: photoUrl(call.s.secret, id, account.id, call.realNowMs) };
  });
}

/** Asks for a change of a paid application: status `change-requested`, request `pending`. */
export async function requestChange(call: Call, account: AccountRow, input: ChangeRequestInput): Promise<ChangeRequest> {
  return call.s.db.transaction(async (tx) => {
    const round = await currentRound(call, tx);
    const row = await lockApplication(tx, account.id, round.id);
    rules.requireChangeable(row?.data);
    const before = structuredClone(row!.data);
    const request: ChangeRequest = { id: `change-${await nextCounter(tx)}`, reason: input.reason, status: 'pending', createdAt: isoOf(call) };
    rules.applyChangeRequest(row!.data, request);
    await saveApplication(call, tx, row!, before, 'application.change-request');
    return request;
  });
}
