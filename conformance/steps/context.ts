/**
 * What the steps share: the kit, the flow of facts, and the helpers every part of the journey
 * uses (a solved captcha, a new candidate, signing in again, moving the backend's clock, waiting
 * out an idempotent request in progress).
 */
import { isDeepStrictEqual } from 'node:util';
import { Flow } from '../flow.js';
import { type Answer, type Candidate, type Kit, type Mode, StepFailed } from '../kit.js';
import { mobileNumber, password, type ResidentId } from '../data/people.js';

/** The parts of the exam session the kit uses (the document guarantees their shape). */
export interface ExamSessionView {
  id: string;
  registrationWindow: { opensAt: string; closesAt: string };
  paymentWindow: { opensAt: string; closesAt: string };
  ticketWindow: { opensAt: string; closesAt: string };
  plan: { levels: Array<{ id: string; name: string; qualifications: Array<{ id: string; name: string; subjects: Array<{ id: string; name: string }> }> }> };
  provinces: Array<{ code: string; name: string; areas: Array<{ code: string; name: string }> }>;
  formOptions: Record<string, Array<{ code: string; name: string }>>;
  serverTime: string;
}

/** A submitted or later application, as the kit follows it. */
export interface ApplicationView {
  id: string;
  status: string;
  registrationNumber: string | null;
  feeFen: number | null;
  subjectCount: number;
}

/** A candidate with a verified real name. */
export interface Verified {
  candidate: Candidate;
  identity: ResidentId & { name: string };
}

/** The facts steps provide each other. */
export interface Facts {
  exam: ExamSessionView;
  /** The office API answers the staff key. */
  office: true;
  /** The office API's test part answers (captcha answers, codes sent, the clock). */
  testApi: true;
  /** The main candidate: registered, then verified. */
  a: Candidate;
  aVerified: Verified;
  /** A second candidate: registered, never verified, locked out by failed logins. */
  b: Candidate;
  /** The application form the main candidate submits. */
  input: Record<string, unknown>;
  photo: true;
  /** The idempotency key of a submission refused for want of a photo (used again once it is there). */
  submitKey: string;
  application: ApplicationView;
  approved: true;
  order: { id: string; amountFen: number };
  paid: true;
  changeAnswered: true;
  tickets: true;
  scored: true;
  /** A verified candidate without an application (the window checks use it). */
  spare: Verified;
}

export interface Context {
  kit: Kit;
  flow: Flow<Facts>;
  /** Whether the kit moved the backend's clock (it puts it back at the end, whatever happens). */
  clockMoved: boolean;
}

/** A captcha and its answer from the office API's test part. */
export async function solvedCaptcha(ctx: Context, step: string): Promise<{ captchaId: string; captchaAnswer: string }> {
  const captcha = ctx.kit.need<{ id: string }>(await ctx.kit.call(step, 'getCaptcha', { expect: 'ok' }), ['/id']);
  const solution = ctx.kit.need<{ answer: string }>(await ctx.kit.call(step, 'getCaptchaSolution', { params: { captchaId: captcha.id }, expect: 'ok' }), ['/answer']);
  return { captchaId: captcha.id, captchaAnswer: solution.answer };
}

/** The code the backend sent to a target, from the office API's test part. */
export async function sentCode(ctx: Context, step: string, target: string): Promise<string> {
  return ctx.kit.need<{ code: string }>(await ctx.kit.call(step, 'getSentCode', { params: { target }, expect: 'ok' }), ['/code']).code;
}

/**
 * A new candidate: a code sent to a new mobile number, registration with it, its session taken
 * (the first registration tells which session modes the backend offers).
 */
export async function registerCandidate(ctx: Context, step: string, label: string, mode?: Mode): Promise<Candidate> {
  const { kit } = ctx;
  const account = mobileNumber();
  const captcha = await solvedCaptcha(ctx, step);
  kit.need(await kit.call(step, 'sendVerificationCode', { json: { channel: 'sms', target: account, purpose: 'register', ...captcha }, expect: 'ok' }));
  const code = await sentCode(ctx, step, account);
  const candidate: Candidate = { label, account, password: password(), mode: mode ?? preferredMode(kit) };
  const answer = await kit.call(step, 'register', { json: { accountType: 'phone', account, password: candidate.password, code }, expect: 'ok' });
  kit.need(answer);
  kit.takeSession(answer, candidate, kit.modes.size === 0);
  if (kit.modes.size === 0) throw new StepFailed('no session mode');
  candidate.mode = mode && kit.modes.has(mode) ? mode : preferredMode(kit);
  if (candidate.mode === 'bearer' ? !candidate.token : candidate.cookie === undefined) throw new StepFailed(`no ${candidate.mode} session`);
  return candidate;
}

/** Cookie mode where the backend offers it (every POST then carries the CSRF header), else bearer. */
export function preferredMode(kit: Kit): Mode {
  return kit.modes.has('cookie') ? 'cookie' : 'bearer';
}

/** Signs a candidate in again (after the clock moved, sessions may have expired). */
export async function signIn(ctx: Context, step: string, candidate: Candidate): Promise<void> {
  const captcha = await solvedCaptcha(ctx, step);
  const answer = await ctx.kit.call(step, 'login', { json: { account: candidate.account, password: candidate.password, ...captcha }, expect: 'ok' });
  ctx.kit.need(answer);
  ctx.kit.takeSession(answer, candidate, false);
}

/** Moves the backend's clock (null: back to real time) and checks the clock it answers. */
export async function moveClock(ctx: Context, step: string, now: string | null): Promise<void> {
  const answer = await ctx.kit.call(step, 'setClock', { json: { now }, expect: 'ok' });
  if (answer.met) ctx.clockMoved = now !== null;
  const clock = ctx.kit.need<{ now: string; moved: boolean }>(answer);
  if (now === null) {
    ctx.kit.check(answer, clock.moved === false, 'body/moved', 'must be false once the clock is back to real time', { expected: false, got: clock.moved });
  } else {
    ctx.kit.check(answer, clock.moved === true, 'body/moved', 'must be true while the clock is moved', { expected: true, got: clock.moved });
    const drift = Math.abs(Date.parse(clock.now) - Date.parse(now));
    ctx.kit.check(answer, drift < 5 * 60_000, 'body/now', 'must be the time the clock was set to', { expected: now, got: clock.now });
  }
}

/** An ISO date-time `ms` milliseconds after another, in UTC. */
export function shift(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/**
 * Sends the same idempotent request `count` times at once with one key. Every answer must be the
 * same resource or IDEMPOTENCY_IN_PROGRESS; when all were in progress, asks again (same key)
 * until one is answered. Returns the resource and the key.
 */
export async function concurrentDuplicates(ctx: Context, step: string, operation: string, as: Candidate, json: unknown, key: string, count = 8): Promise<Answer> {
  const { kit } = ctx;
  const answers = await Promise.all(
    Array.from({ length: count }, () => kit.call(step, operation, { as, json, idempotencyKey: key, expect: ['ok', 'IDEMPOTENCY_IN_PROGRESS'] })),
  );
  let first = answers.find((answer) => answer.status === 200 && answer.met);
  for (let attempt = 0; !first && attempt < 5 && answers.every((answer) => answer.code === 'IDEMPOTENCY_IN_PROGRESS'); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const again = await kit.call(step, operation, { as, json, idempotencyKey: key, expect: ['ok', 'IDEMPOTENCY_IN_PROGRESS'] });
    if (again.status === 200 && again.met) first = again;
  }
  if (!first) throw new StepFailed(`${operation}: no duplicate was answered`);
  const reference = first.body as { id?: unknown };
  for (const answer of answers) {
    if (answer === first || answer.status !== 200) continue;
    const difference = firstDifference(reference, answer.body);
    kit.check(answer, difference === null, `body${difference ?? ''}`, `${count} requests at once with one Idempotency-Key must answer one resource; this one differs`, {
      expected: valueAt(reference, difference ?? ''),
      got: valueAt(answer.body, difference ?? ''),
    });
  }
  kit.need(first);
  return first;
}

/** The JSON pointer of the first place two values differ, or null when they are deep-equal. */
export function firstDifference(a: unknown, b: unknown, pointer = ''): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return pointer;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const inner = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${pointer}/${key}`);
    if (inner !== null) return inner;
  }
  return pointer;
}

/** The value at a JSON pointer (undefined when there is none). */
export function valueAt(value: unknown, pointer: string): unknown {
  let node = value;
  for (const key of pointer.split('/').slice(1)) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return node === undefined ? '(absent)' : node;
}
