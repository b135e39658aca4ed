/**
 * `ExamOffice`: a stateful, in-memory provincial exam office that answers every operation of the
 * REST contract with the portal's business rules (accounts, captcha, real name, the application,
 * review, payment, papers), plus QA controls that play the office's part (approve, reject, mark
 * paid, publish tickets and scores, issue certificates) and 张三 seeded at any stage.
 *
 * Mock conveniences, never in a real backend:
 * - the captcha answer `0000` is always accepted (the real answer works too, case-insensitive);
 * - the SMS / e-mail verification code is always `123456`;
 * - a real-name verification with the name `测试不符` fails with REALNAME_MISMATCH.
 *
 * The rules live in `accounts.ts`, `applications.ts`, `payments.ts` and `releases.ts`; this
 * class holds the state and the clock and never hands out its own objects: answers are copies.
 */
import type { OperationName } from '../services/contract.js';
import type {
  Application,
  ApplicationDraft,
  ApplicationInput,
  ApplicationState,
  ArrangementAvailability,
  Captcha,
  CertificateList,
  ChangeRequest,
  ChangeRequestInput,
  CodeSent,
  CreateOrderInput,
  CurrentPayment,
  ExamSession,
  LoginInput,
  LoginResult,
  Ok,
  PaymentOrder,
  PaymentStatus,
  Photo,
  RealNameInput,
  RealNameResult,
  RegisterInput,
  RegistrationSlip,
  ResetPasswordInput,
  ScoreAvailability,
  SendCodeInput,
  SessionState,
  TicketAvailability,
} from '../services/schemas.js';
import * as accounts from './accounts.js';
import * as applications from './applications.js';
import { copy, type OfficeContext } from './context.js';
import { OfficeError } from './office-error.js';
import { admissionTicket, examArrangement, registrationSlip } from './papers.js';
import * as payments from './payments.js';
import * as releases from './releases.js';
import * as paymentRules from '../services/rules/payment.js';
import * as releaseRules from '../services/rules/releases.js';
import { isScenarioName, SCENARIO_BEHAVIOURS, type FaultMode, type Faults, type ScenarioName } from './scenarios.js';
import { seedExamSession } from './seed.js';
import type {
  CaptchaSolution,
  ChangeAnswerInput,
  Clock,
  Count,
  PublishScoresInput,
  ReviewInput,
  ReviewQueue,
  SentCode,
} from '../services/office-contract.js';
import { seedCandidate, type CandidateStage, type SeededCandidate } from './seed-candidate.js';
import type { AccountRecord, AuthMode, OfficeSnapshot, OfficeState } from './state.js';
import { chinaIso } from './time.js';

/** Base latency of every answer unless the constructor says otherwise. */
export const DEFAULT_LATENCY_MS = 100;

/** A bearer token as the handlers read it from `Authorization` (null when there is none). */
export type Token = string | null | undefined;

/** The staff key of the office API unless the constructor says otherwise. */
export const MOCK_OFFICE_KEY = 'mock-office-key';

/** Options of {@link ExamOffice}. */
export interface ExamOfficeOptions {
  /** The office's clock (default: the real one); the round is seeded relative to it. */
  now?: () => Date;
  /** How sessions are handed out at login: a bearer token (default), an httpOnly cookie with a CSRF token, or both. */
  auth?: AuthMode;
  /** The staff key the office API asks for in `X-Office-Key`. Default {@link MOCK_OFFICE_KEY}. */
  officeKey?: string;
  /** Whether the office API's test-only part (captcha answers, codes sent, the clock) answers. Default true. */
  testApi?: boolean;
  /** The starting scenario. Default `happy-path`. */
  scenario?: ScenarioName;
  /** Latency of every answer in ms, restored by `setScenario()` (`slow-network` uses 3000). Default 100. */
  latencyMs?: number;
}

/** A stateful in-memory exam office behind the MSW handlers. See the module comment. */
export class ExamOffice {
  /**
   * Fault knobs the handlers read on every request: latency, how requests fail, and which
   * operations they apply to. Reset by `setScenario()`; assign freely in tests.
   */
  faults: Faults;

  /** The staff key of the office API (`X-Office-Key`). */
  readonly officeKey: string;
  /** Whether the office API's test-only part answers (else 404, as in production). */
  testApi: boolean;

  readonly #realNow: () => Date;
  readonly #baseLatencyMs: number;
  readonly #authMode: AuthMode;
  #state: OfficeState;

  constructor(options: ExamOfficeOptions = {}) {
    this.#realNow = options.now ?? (() => new Date());
    this.#baseLatencyMs = options.latencyMs ?? DEFAULT_LATENCY_MS;
    this.#authMode = options.auth ?? 'bearer';
    this.officeKey = options.officeKey ?? MOCK_OFFICE_KEY;
    this.testApi = options.testApi ?? true;
    const scenario = options.scenario ?? 'happy-path';
    if (!isScenarioName(scenario)) throw new Error(`unknown scenario ${String(scenario)}`);
    this.#state = this.#freshState(scenario);
    this.faults = this.#scenarioFaults(scenario);
  }

  /** The office's clock: the real one, moved by the test API's `setClock`. */
  readonly #now = (): Date => new Date(this.#realNow().getTime() + (this.#state?.clockOffsetMs ?? 0));

  /** How sessions are handed out at login (kept across `setScenario()`). */
  get authMode(): AuthMode {
    return this.#state.authMode;
  }
  set authMode(mode: AuthMode) {
    this.#state.authMode = mode;
  }

  // --- scenarios and faults ----------------------------------------------------------------------

  /** The current scenario. */
  get scenario(): ScenarioName {
    return this.#state.scenario;
  }

  /** Forgets everything (accounts, applications, orders, tokens), reseeds the round and applies a scenario. */
  setScenario(name: ScenarioName): void {
    if (!isScenarioName(name)) throw new Error(`unknown scenario ${String(name)}`);
    const authMode = this.#state.authMode;
    this.#state = this.#freshState(name);
    this.#state.authMode = authMode;
    this.faults = this.#scenarioFaults(name);
  }

  /** `setScenario()` with the current scenario. */
  reset(): void {
    this.setScenario(this.scenario);
  }

  /** Whether every request fails with a network error (`faults.down === 'network'`). */
  get networkDown(): boolean {
    return this.faults.down === 'network';
  }
  set networkDown(down: boolean) {
    this.faults = { ...this.faults, down: down ? 'network' : this.#scenarioFaults(this.scenario).down };
  }

  /** The latency and failure mode that apply to one operation (`faults.only` respected). */
  faultsFor(operation: OperationName): { latencyMs: number; down: FaultMode } {
    const { latencyMs, down, only } = this.faults;
    if (only && !only.includes(operation)) return { latencyMs: 0, down: 'none' };
    return { latencyMs, down };
  }

  // --- account -----------------------------------------------------------------------------------

  /** A new single-use captcha (valid 5 minutes). */
  getCaptcha(): Captcha {
    return accounts.issueCaptcha(this.#ctx());
  }

  /** The answer of an issued, unused captcha (for tests), or undefined. */
  captchaAnswer(captchaId: string): string | undefined {
    return this.#state.captchas[captchaId]?.answer;
  }

  /** Sends (pretends to) a code (`123456` always works too); another one only after 60 s. */
  sendVerificationCode(input: SendCodeInput): CodeSent {
    return accounts.sendVerificationCode(this.#ctx(), input);
  }

  /** Creates an account (the code sent, or `123456`) and signs it in. */
  register(input: RegisterInput): LoginResult {
    return accounts.register(this.#ctx(), input);
  }

  /** Signs in: captcha, account, lock (5 failures → 5 minutes), password. */
  login(input: LoginInput): LoginResult {
    return accounts.login(this.#ctx(), input);
  }

  /** Sets a new password (the code sent, or `123456`), unlocks the account and ends its sessions. */
  resetPassword(input: ResetPasswordInput): Ok {
    accounts.resetPassword(this.#ctx(), input);
    return { ok: true };
  }

  /** Ends the session of a token (a missing or unknown token is fine). */
  logout(token: Token): Ok {
    if (token) delete this.#state.tokens[token];
    return { ok: true };
  }

  /** The session of a token, or null (with its CSRF token: the HTTP layer keeps it for cookie sessions). */
  getSession(token: Token): SessionState {
    const ctx = this.#ctx();
    const session = accounts.sessionOfToken(ctx, token);
    const csrfToken = session ? accounts.csrfTokenOf(ctx, token) : undefined;
    return csrfToken ? { session, csrfToken } : { session };
  }

  /** The CSRF token of a live session, or undefined. */
  csrfTokenOf(token: Token): string | undefined {
    return accounts.csrfTokenOf(this.#ctx(), token);
  }

  /** Throws UNAUTHENTICATED (401) unless the token belongs to a live session. */
  authenticate(token: Token): void {
    accounts.accountOf(this.#ctx(), token);
  }

  /** Real-name verification (GB 11643 documents at once, others `pending`). */
  verifyRealName(token: Token, input: RealNameInput): RealNameResult {
    const ctx = this.#ctx();
    return accounts.verifyRealName(ctx, accounts.accountOf(ctx, token), input);
  }

  // --- exam round and application -----------------------------------------------------------------

  /** The current round, with the office's clock. */
  getExamSession(): ExamSession {
    return { ...copy(this.#state.examSession), serverTime: chinaIso(this.#now()) };
  }

  /** The candidate's application, or null before the first draft. */
  getApplication(token: Token): ApplicationState {
    const account = accounts.accountOf(this.#ctx(), token);
    const record = this.#state.applications[account.id];
    return { application: record ? copy(record.application) : null };
  }

  /**
   * Saves draft answers inside the registration window, before submission or after a
   * rejection. Merges into the saved fields; a `null` value clears a field.
   */
  saveApplicationDraft(token: Token, draft: ApplicationDraft): Application {
    const ctx = this.#ctx();
    return applications.saveDraft(ctx, accounts.accountOf(ctx, token), draft);
  }

  /**
   * Submits for review (checked against the plan, regions, option lists and the real name; a
   * photo is required). The same idempotency key answers the first answer again. In the
   * `review-rejected` scenario the first submission is rejected right after.
   */
  submitApplication(token: Token, input: ApplicationInput, idempotencyKey: string, fingerprint = JSON.stringify(input)): Application {
    const ctx = this.#ctx();
    const account = accounts.accountOf(ctx, token);
    return applications.idempotent(ctx, 'submitApplication', account.id, idempotencyKey, fingerprint, () =>
      applications.submit(ctx, account, input),
    );
  }

  /** Attaches the checked photo (`image/jpeg`, at most 200 KB, else PHOTO_REJECTED), kept as a data URL. */
  uploadPhoto(token: Token, upload: applications.PhotoUpload): Photo {
    const ctx = this.#ctx();
    return applications.attachPhoto(ctx, accounts.accountOf(ctx, token), upload);
  }

  /** Asks for a change of a paid application (status `change-requested`, request `pending`). */
  requestChange(token: Token, input: ChangeRequestInput): ChangeRequest {
    const ctx = this.#ctx();
    return applications.requestChange(ctx, accounts.accountOf(ctx, token), input);
  }

  // --- payment ----------------------------------------------------------------------------------------

  /**
   * An order for a channel: the open (unexpired, unpaid) order of that channel if there is one,
   * else a new one valid 5 minutes. The same idempotency key answers the first answer again.
   */
  createPaymentOrder(token: Token, input: CreateOrderInput, idempotencyKey: string, fingerprint = JSON.stringify(input)): PaymentOrder {
    const ctx = this.#ctx();
    const account = accounts.accountOf(ctx, token);
    return applications.idempotent(ctx, 'createPaymentOrder', account.id, idempotencyKey, fingerprint, () =>
      payments.orderFor(ctx, account, input.channel),
    );
  }

  /** The status of one of the candidate's orders (NOT_FOUND for anyone else's). */
  getPaymentStatus(token: Token, orderId: string): PaymentStatus {
    const ctx = this.#ctx();
    return payments.paymentStatus(ctx, accounts.accountOf(ctx, token), orderId);
  }

  /** The candidate's paid order, else the latest open one, else the last one, and its status. */
  getCurrentPayment(token: Token): CurrentPayment {
    const ctx = this.#ctx();
    return payments.currentPayment(ctx, accounts.accountOf(ctx, token));
  }

  // --- papers --------------------------------------------------------------------------------------------

  /** The 报名表, once paid (409 INVALID_STATE before). */
  getRegistrationSlip(token: Token): RegistrationSlip {
    const ctx = this.#ctx();
    const account = accounts.accountOf(ctx, token);
    const record = this.#state.applications[account.id];
    releaseRules.requireSlip(record?.application.status);
    record!.systemCode ??= applications.systemCode(record);
    return copy(registrationSlip(this.#state.examSession, record!.application, record!.systemCode, ctx.iso()));
  }

  /** The 准考证: `not-yet` until tickets are published and the printing window is open. */
  getAdmissionTicket(token: Token): TicketAvailability {
    const ctx = this.#ctx();
    return releases.withTicket(ctx, accounts.accountOf(ctx, token), (record, ticketNumber, seat) =>
      admissionTicket(this.#state.examSession, record.application, ticketNumber, seat),
    );
  }

  /** The 考试安排, available with the ticket. */
  getExamArrangement(token: Token): ArrangementAvailability {
    const ctx = this.#ctx();
    return releases.withTicket(ctx, accounts.accountOf(ctx, token), (record, _ticketNumber, seat) =>
      examArrangement(this.#state.examSession, record.application, seat),
    );
  }

  /** The scores: `not-yet` (opening at the round's score release) until `publishScores()`. */
  getScores(token: Token): ScoreAvailability {
    const ctx = this.#ctx();
    return releases.scoresOf(ctx, accounts.accountOf(ctx, token));
  }

  /** The candidate's certificates (empty until `issueCertificates()`). */
  getCertificates(token: Token): CertificateList {
    const account = accounts.accountOf(this.#ctx(), token);
    return { certificates: copy(this.#state.certificates[account.id] ?? []) };
  }

  // --- QA controls: the office's part (throw a plain Error when there is nothing to act on) ----------

  /** The application of an account (phone or e-mail), or null. */
  applicationOf(account: string): Application | null {
    const record = this.#accountRecord(account);
    const application = record ? this.#state.applications[record.id]?.application : undefined;
    return application ? copy(application) : null;
  }

  /** Approves the submitted application of `account` (default: the latest submitted one). */
  approve(account?: string): Application {
    const ctx = this.#ctx();
    const record = applications.pickApplication(ctx, ['submitted'], this.#accountFilter(account), '待审核');
    applications.markApproved(ctx, record);
    return copy(record.application);
  }

  /** Rejects the submitted (or approved, unpaid) application of `account` (default: the latest) with a reason. */
  reject(reason: string, account?: string): Application {
    const ctx = this.#ctx();
    const record = applications.pickApplication(ctx, ['submitted', 'approved'], this.#accountFilter(account), '待审核或待缴费');
    applications.markRejected(ctx, record, reason);
    return copy(record.application);
  }

  /** Answers the pending change request of `account` (default: the latest); the application is paid again. */
  answerChangeRequest(approved: boolean, response?: string, account?: string): Application {
    const ctx = this.#ctx();
    const record = applications.pickApplication(ctx, ['change-requested'], this.#accountFilter(account), '申请变更中');
    applications.answerChange(ctx, record, approved, response);
    return copy(record.application);
  }

  /**
   * The candidate paid: the order (default: the latest open one) turns `paid` with a receipt, the
   * application `paid`, the candidate's other open orders `closed`. In the `payment-failed`
   * scenario the payment fails instead.
   */
  markPaid(orderId?: string): PaymentStatus {
    const ctx = this.#ctx();
    const record = payments.pickOpenOrder(ctx, orderId);
    const failure = ctx.behaviour.paymentFailureReason;
    if (failure) payments.markFailed(record, failure);
    else payments.markPaid(ctx, record);
    return payments.statusView(record, ctx.nowMs());
  }

  /** The payment of an order (default: the latest open one) fails with a reason. */
  failPayment(reason: string, orderId?: string): PaymentStatus {
    const ctx = this.#ctx();
    const record = payments.pickOpenOrder(ctx, orderId);
    payments.markFailed(record, reason);
    return payments.statusView(record, ctx.nowMs());
  }

  /** Every open order's QR code expires now. Returns how many expired. */
  expireOrders(): number {
    return payments.expireOpenOrders(this.#ctx());
  }

  /**
   * Admission tickets are out: paid applications become `ticket-available`; the printing window
   * opens now if it had not opened yet. Returns how many tickets were issued.
   */
  publishTickets(): number {
    const ctx = this.#ctx();
    releases.publishTickets(ctx);
    let count = 0;
    for (const record of Object.values(this.#state.applications)) {
      if (!releaseRules.getsTicket(record.application.status)) continue;
      releases.issueTicket(ctx, record);
      count += 1;
    }
    return count;
  }

  /**
   * Scores are out for every paid application: `scores[i]` for the i-th subject (null = absent;
   * default 52, 48 and, for 高级, 47, out of 75), pass line `passLine` (default 45). Returns how many.
   */
  publishScores(scores?: ReadonlyArray<number | null>, passLine = 45): number {
    const ctx = this.#ctx();
    let count = 0;
    for (const record of Object.values(this.#state.applications)) {
      if (!applications.PAID_STATUSES.has(record.application.status)) continue;
      releases.scoreApplication(ctx, record, scores, passLine);
      count += 1;
    }
    return count;
  }

  /** Certificates for every scored candidate who passed. Returns how many. */
  issueCertificates(): number {
    const ctx = this.#ctx();
    let count = 0;
    for (const record of Object.values(this.#state.applications)) {
      if (record.application.status !== 'scored' || !this.#state.scores[record.accountId]?.passed) continue;
      releases.certify(ctx, record);
      count += 1;
    }
    return count;
  }

  // --- office API (`office-contract.ts`): by id, refusing with the contract's codes -------------------

  /** Submitted applications waiting for review, oldest first. */
  reviewQueue(): ReviewQueue {
    const waiting = Object.values(this.#state.applications)
      .map((record) => record.application)
      .filter((application) => application.status === 'submitted')
      .sort((a, b) => Date.parse(a.submittedAt ?? a.updatedAt) - Date.parse(b.submittedAt ?? b.updatedAt));
    return { applications: copy(waiting) };
  }

  /** Approves or rejects a submitted application (an approved, unpaid one may still be rejected). */
  reviewApplication(applicationId: string, input: ReviewInput): Application {
    const ctx = this.#ctx();
    const record = applications.applicationById(ctx, applicationId);
    if (input.result === 'approved') {
      applications.requireStatus(record, ['submitted'], '只有待审核的报名可以审核通过。');
      applications.markApproved(ctx, record);
    } else {
      applications.requireStatus(record, ['submitted', 'approved'], '只有待审核或待缴费的报名可以退回。');
      applications.markRejected(ctx, record, input.reason ?? '');
    }
    return copy(record.application);
  }

  /** Answers the pending change request of an application. */
  answerChangeRequestOf(applicationId: string, input: ChangeAnswerInput): Application {
    const ctx = this.#ctx();
    const record = applications.applicationById(ctx, applicationId);
    applications.requireStatus(record, ['change-requested'], '该报名没有待答复的变更申请。');
    applications.answerChange(ctx, record, input.approved, input.response);
    return copy(record.application);
  }

  /** Confirms an open order as paid (in the `payment-failed` scenario the payment fails instead). */
  markOrderPaid(orderId: string): PaymentStatus {
    const ctx = this.#ctx();
    const record = this.#state.orders.find((order) => order.order.id === orderId);
    if (!record) throw paymentRules.ORDER_NOT_FOUND();
    paymentRules.requireConfirmable(record.status, Date.parse(record.order.expiresAt), ctx.nowMs());
    return this.markPaid(orderId);
  }

  /** Publishes the scores of paid applications. Returns how many. */
  publishScoresOf(input: PublishScoresInput): Count {
    const ctx = this.#ctx();
    const records = input.results.map((result) => {
      const record = applications.applicationById(ctx, result.applicationId);
      releaseRules.requireScorable(record.application.status);
      return { record, scores: result.scores };
    });
    for (const { record, scores } of records) releases.scoreApplication(ctx, record, scores, input.passLine ?? releaseRules.DEFAULT_PASS_LINE);
    return { count: records.length };
  }

  /** Test API: the answer of an issued, unused captcha. */
  captchaSolution(captchaId: string): CaptchaSolution {
    const answer = this.captchaAnswer(captchaId);
    if (!answer) throw new OfficeError('NOT_FOUND', '图形验证码不存在、已使用或已过期。');
    return { answer };
  }

  /** Test API: the last code sent to a phone number or e-mail address. */
  sentCodeOf(target: string): SentCode {
    const sent = accounts.sentCode(this.#ctx(), target);
    if (!sent) throw new OfficeError('NOT_FOUND', '没有发送给该号码或邮箱的验证码。');
    return { code: sent.code, sentAt: chinaIso(sent.sentAt) };
  }

  /** Test API: moves the office's clock to `now` (an ISO date-time), or back to the real time (null). */
  setClock(now: string | null): Clock {
    this.#state.clockOffsetMs = now === null ? 0 : Date.parse(now) - this.#realNow().getTime();
    return this.clock();
  }

  /** The office's clock, and whether it was moved. */
  clock(): Clock {
    return { now: chinaIso(this.#now()), moved: this.#state.clockOffsetMs !== 0 };
  }

  /**
   * 张三 (account `13800138000`, password `Ruankao2026`, 中级 软件设计师 in 丽江) at a stage of the
   * flow, created afresh without window checks. The token works as a Bearer token right away.
   */
  seedCandidate({ stage }: { stage: CandidateStage }): SeededCandidate {
    return seedCandidate(this.#ctx(), stage);
  }

  /** The whole state as JSON (photos are kept as data URLs), for a demo that survives reloads. */
  snapshot(): string {
    const snapshot: OfficeSnapshot = { version: 1, state: this.#state, faults: this.faults };
    return JSON.stringify(snapshot);
  }

  /** An office with the state of a `snapshot()`. Throws on anything else. */
  static restore(json: string, options: Omit<ExamOfficeOptions, 'scenario'> = {}): ExamOffice {
    const parsed = JSON.parse(json) as Partial<OfficeSnapshot> | null;
    if (!parsed || parsed.version !== 1 || !parsed.state || !isScenarioName(parsed.state.scenario)) {
      throw new Error('not a snapshot of the mock exam office');
    }
    const office = new ExamOffice({ ...options, scenario: parsed.state.scenario });
    // Snapshots of earlier versions lack the newer fields (and kept idempotent answers in another shape).
    const state = parsed.state;
    office.#state = { ...state, authMode: options.auth ?? state.authMode ?? 'bearer', clockOffsetMs: state.clockOffsetMs ?? 0 };
    for (const [key, record] of Object.entries(state.idempotency ?? {})) {
      if (typeof (record as { fingerprint?: unknown }).fingerprint !== 'string') delete state.idempotency[key];
    }
    if (parsed.faults) office.faults = parsed.faults;
    return office;
  }

  // --- internals ----------------------------------------------------------------------------------------

  #ctx(): OfficeContext {
    const state = this.#state;
    const now = this.#now;
    return {
      state,
      behaviour: SCENARIO_BEHAVIOURS[state.scenario],
      now,
      nowMs: () => now().getTime(),
      iso: () => chinaIso(now()),
      next: () => ++state.sequence,
    };
  }

  #freshState(scenario: ScenarioName): OfficeState {
    return {
      scenario,
      // The fresh state's clock is the real one (its offset is 0), whatever the old state's was.
      examSession: seedExamSession(this.#realNow(), { registration: SCENARIO_BEHAVIOURS[scenario].registration }),
      accounts: {},
      captchas: {},
      codes: {},
      tokens: {},
      applications: {},
      orders: [],
      idempotency: {},
      authMode: this.#authMode,
      clockOffsetMs: 0,
      ticketsPublished: false,
      scores: {},
      certificates: {},
      sequence: 0,
    };
  }

  #scenarioFaults(scenario: ScenarioName): Faults {
    const { faults } = SCENARIO_BEHAVIOURS[scenario];
    return { latencyMs: faults.latencyMs ?? this.#baseLatencyMs, down: faults.down ?? 'none' };
  }

  #accountRecord(account: string): AccountRecord | undefined {
    return this.#state.accounts[accounts.accountKey(account)];
  }

  /** `undefined` (any account) when no account is named, else the account or null when unknown. */
  #accountFilter(account: string | undefined): AccountRecord | null | undefined {
    return account === undefined ? undefined : (this.#accountRecord(account) ?? null);
  }
}
