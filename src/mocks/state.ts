/**
 * The mock office's whole state: plain JSON (so `snapshot()` is `JSON.stringify`), never handed
 * out: the office answers with copies.
 */
import type {
  AccountType,
  Application,
  Certificate,
  ExamSession,
  PaymentOrder,
  PaymentStatusValue,
  RealNameResult,
  Receipt,
  ScoreReport,
} from '../services/schemas.js';
import type { Faults, ScenarioName } from './scenarios.js';

/**
 * How the office hands out sessions at login: `bearer` (a token in the answer), `cookie` (an
 * httpOnly session cookie and a CSRF token) or `both`. Either carrier is honoured on requests.
 */
export type AuthMode = 'bearer' | 'cookie' | 'both';

/** A stored answer of an idempotent call. */
export interface IdempotencyRecord {
  /** The request body, canonical JSON: the same key with another body is refused. */
  fingerprint: string;
  answer: unknown;
  /** Epoch ms; records older than the retention are forgotten. */
  storedAt: number;
}

/** What `ExamOffice.snapshot()` writes. */
export interface OfficeSnapshot {
  version: 1;
  state: OfficeState;
  faults: Faults;
}

/** A candidate's account. */
export interface AccountRecord {
  id: string;
  account: string;
  accountType: AccountType;
  password: string;
  realName: RealNameResult | null;
  /** The verified document number, unmasked (the result only holds the masked one). */
  documentNumber: string | null;
  failedLogins: number;
  /** Epoch ms until which logins are refused (TOO_MANY_ATTEMPTS). */
  lockedUntil: number | null;
}

/** A candidate's application and what the office keeps beside it. */
export interface ApplicationRecord {
  accountId: string;
  application: Application;
  /** Whether the `review-rejected` scenario already rejected it once. */
  autoRejected: boolean;
  systemCode: string | null;
  ticketNumber: string | null;
  /** Seat index in the exam area, assigned when tickets are published. */
  seat: number | null;
}

/** A payment order and its state. */
export interface OrderRecord {
  accountId: string;
  /** The order as created (`serverTime` is refreshed on every answer). */
  order: PaymentOrder;
  status: PaymentStatusValue;
  receipt: Receipt | null;
  failureReason: string | null;
}

/** Everything the office knows. */
export interface OfficeState {
  scenario: ScenarioName;
  examSession: ExamSession;
  /** By normalised account (phone, or lower-case e-mail). */
  accounts: Record<string, AccountRecord>;
  /** Issued, unused captchas by id. */
  captchas: Record<string, { answer: string; expiresAt: number }>;
  /** Last verification code sent, by target. */
  codes: Record<string, { sentAt: number; code?: string }>;
  /** Sessions by id (the bearer token or the session cookie's value) → account, expiry and CSRF token. */
  tokens: Record<string, { accountId: string; expiresAt: number; csrfToken?: string }>;
  /** By account id: one application per account for the round. */
  applications: Record<string, ApplicationRecord>;
  /** Oldest first. */
  orders: OrderRecord[];
  /** `operation␀accountId␀key` → the stored answer. */
  idempotency: Record<string, IdempotencyRecord>;
  /** How sessions are handed out at login. */
  authMode: AuthMode;
  /** Milliseconds the office's clock is ahead of (or, negative, behind) the real one (the test API's clock). */
  clockOffsetMs: number;
  ticketsPublished: boolean;
  /** By account id. */
  scores: Record<string, ScoreReport>;
  /** By account id. */
  certificates: Record<string, Certificate[]>;
  /** A counter for ids and numbers. */
  sequence: number;
}
