/**
 * What the server's operations work with: the configuration, the database, the clock and the
 * outside world behind interfaces (code senders, the payment gateway, photo storage, the real-
 * name verifier, the captcha speaker); and what one request brings (the clock read once, who
 * asks). No state lives here between requests: every instance shares everything through the
 * database.
 */
import type { Logger } from 'pino';
import type { Application, ExamSession } from '../src/services/schemas.js';
import type { Actor } from './audit.js';
import type { CaptchaSpeaker } from './captcha/speaker.js';
import type { OfficeClock } from './clock.js';
import type { Config } from './config.js';
import type { Database, Queryable } from './db/database.js';
import type { PaymentGateway } from './gateway/gateway.js';
import type { PhotoStorage } from './photos/storage.js';
import { photoUrl } from './photos/urls.js';
import type { RealNameVerifier } from './realname/verifier.js';
import type { CodeSender } from './senders/sender.js';
import { chinaIso } from '../src/services/rules/time.js';

export interface Services {
  config: Config;
  db: Database;
  log: Logger;
  clock: OfficeClock;
  /** The server's secret (photo URL signatures, code hashes). */
  secret: string;
  sender: CodeSender;
  gateway: PaymentGateway;
  /** Where the gateway sends notifications. */
  notifyUrl: string;
  photos: PhotoStorage;
  verifier: RealNameVerifier;
  speaker: CaptchaSpeaker | null;
}

/** One request's view: the services, the office's clock read once, and who asks. */
export interface Call {
  s: Services;
  /** The office's clock, ms (moved by the test API). */
  nowMs: number;
  /** The real clock, ms (rate limits, idempotency retention, signatures). */
  realNowMs: number;
  actor: Actor;
}

/** The office's clock as `…+08:00`. */
export const isoOf = (call: Call) => chinaIso(call.nowMs);

/** The current round. */
export interface Round {
  id: string;
  session: ExamSession;
  ticketsPublished: boolean;
}

/** Reads the current round (seeded at start). */
export async function currentRound(q: Queryable): Promise<Round> {
  const { rows } = await q.query<{ id: string; data: ExamSession; tickets_published: boolean }>(
    'SELECT id, data, tickets_published FROM rounds WHERE is_current',
  );
  const row = rows[0];
  if (!row) throw new Error('no current round: the server seeds one at start');
  return { id: row.id, session: row.data, ticketsPublished: row.tickets_published };
}

/** The next number of the office's counter (registration numbers, seats, orders, certificates). */
export async function nextCounter(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ n: number }>("SELECT nextval('office_counter')::integer AS n");
  return Number(rows[0]!.n);
}

/** An application as answered to its owner (or the office): the photo's URL signed for today. */
export function presentApplication(call: Call, application: Application, accountId: string): Application {
  const answer = structuredClone(application);
  if (answer.photo) answer.photo.url = photoUrl(call.s.secret, answer.photo.id, accountId, call.realNowMs);
  return answer;
}

/** Reads a timestamptz column (pg and PGlite both give a Date). */
export const ms = (value: Date | string | null): number | null => (value === null ? null : new Date(value).getTime());
