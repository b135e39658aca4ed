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
  /** `session` as JSON without its closing brace (see currentRoundJson). */
  jsonHead: string;
}

/** The round's JSON (about 13 KB) as last read, with the row version it was read at. */
interface CachedRound {
  key: string;
  session: ExamSession;
  /** `session` as JSON without its closing brace: getExamSession appends its serverTime. */
  jsonHead: string;
}
/** Per database (tests run several in one process); a transaction reads through its database's. */
const cachedRounds = new WeakMap<object, CachedRound>();

/**
 * Reads the current round (seeded at start). Every page asks for it, so the round's 13 KB is
 * parsed only when its row changed: the query asks for the row's version (`xmin`, new with every
 * update, by any instance) and the data only when that is not the one read last. The answer is
 * as fresh as a plain read; `session` is frozen, shared by every caller.
 */
export async function currentRound(call: Call, q: Queryable = call.s.db): Promise<Round> {
  const cached = cachedRounds.get(call.s.db);
  const { rows } = await q.query<{ id: string; version: string; tickets_published: boolean; data: ExamSession | null }>(
    `SELECT id, xmin::text AS version, tickets_published, CASE WHEN id || ':' || xmin::text = $1 THEN NULL ELSE data END AS data
     FROM rounds WHERE is_current`,
    [cached?.key ?? ''],
  );
  const row = rows[0];
  if (!row) throw new Error('no current round: the server seeds one at start');
  const key = `${row.id}:${row.version}`;
  let round = cached;
  if (row.data !== null || round?.key !== key) {
    const session = deepFreeze(row.data ?? (await roundData(q, row.id)));
    const { serverTime: _stale, ...rest } = session;
    round = { key, session, jsonHead: JSON.stringify(rest).slice(0, -1) };
    cachedRounds.set(call.s.db, round);
  }
  return { id: row.id, session: round.session, ticketsPublished: row.tickets_published, jsonHead: round.jsonHead };
}

/** The current round as getExamSession answers it: its JSON with the office's time. */
export async function currentRoundJson(call: Call, serverTime: string): Promise<string> {
  const head = (await currentRound(call)).jsonHead;
  return `${head}${head.length > 1 ? ',' : ''}"serverTime":${JSON.stringify(serverTime)}}`;
}

async function roundData(q: Queryable, id: string): Promise<ExamSession> {
  const { rows } = await q.query<{ data: ExamSession }>('SELECT data FROM rounds WHERE id = $1', [id]);
  return rows[0]!.data;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
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
