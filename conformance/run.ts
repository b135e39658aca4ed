/**
 * `runConformance()`: the whole check of one backend, as the CLI runs it. Never throws for what
 * the backend does (every answer, failure and time-out ends up in the report); throws only for
 * bad options or a document the kit cannot read (`UsageError`, `DocumentError`).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ContractDocument } from './document.js';
import { Flow } from './flow.js';
import { Kit } from './kit.js';
import { type ConformanceReport, Recorder } from './report.js';
import { accountSteps } from './steps/accounts.js';
import { anonymousSteps } from './steps/anonymous.js';
import { applicationSteps } from './steps/application.js';
import type { Context, Facts } from './steps/context.js';
import { modeSteps, passwordResetSteps, windowSteps } from './steps/modes.js';
import { officeJourneySteps } from './steps/office-journey.js';

/** Options of {@link runConformance}. */
export interface ConformanceOptions {
  /** The API base URL, e.g. `https://exam.example.gov.cn/api`. */
  baseUrl: string;
  /** The office API's base URL (its paths start with `/office/`); default: the base URL. `null`: no office API (--no-office). */
  officeUrl?: string | null;
  /** The office API's staff key (`X-Office-Key`). Default `mock-office-key`, the mock office's. */
  officeKey?: string;
  /** The OpenAPI document to judge with. Default: the `docs/openapi.json` shipped with the package. */
  openapi?: string;
  /** Time limit of each request (headers and body), ms. Default 10000. */
  timeoutMs?: number;
  /** The most of a body the kit reads, bytes. Default 2 MB. */
  maxBodyBytes?: number;
  /** Stops the run early (the CLI aborts it on Ctrl-C): no new calls, the clock put back, the report of what ran. */
  signal?: AbortSignal;
}

/** Bad options (the CLI exits 2). */
export class UsageError extends Error {}

/** The operations the journey calls; the document must have each. */
export const KIT_OPERATIONS = [
  'getCaptcha', 'sendVerificationCode', 'register', 'login', 'logout', 'getSession', 'verifyRealName', 'getExamSession',
  'getApplication', 'saveApplicationDraft', 'submitApplication', 'uploadPhoto', 'createPaymentOrder', 'getPaymentStatus',
  'getCurrentPayment', 'getRegistrationSlip', 'requestChange', 'getAdmissionTicket', 'getExamArrangement', 'getScores',
  'getCertificates', 'getReviewQueue', 'reviewApplication', 'answerChangeRequest', 'markOrderPaid', 'publishTickets',
  'publishScores', 'issueCertificates', 'getCaptchaSolution', 'getSentCode', 'setClock',
] as const;

/** The document shipped with the package: `docs/openapi.json` beside `dist/` (or beside `conformance/` in the repository). */
export function defaultDocumentPath(): string {
  for (const relative of ['../docs/openapi.json', '../../docs/openapi.json']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return path;
  }
  throw new UsageError('cannot find docs/openapi.json beside the kit: pass --openapi <file>');
}

function parseUrl(text: string, option: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${option} must be an absolute http(s) URL, got "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${option} must be an http(s) URL, got "${text}"`);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** Checks a backend against the document; resolves with the report. */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const baseUrl = parseUrl(options.baseUrl, '--base-url');
  const officeUrl = options.officeUrl === null ? null : options.officeUrl === undefined ? baseUrl : parseUrl(options.officeUrl, '--office');
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new UsageError('--timeout must be a positive number of milliseconds');
  const doc = ContractDocument.load(options.openapi ?? defaultDocumentPath());
  for (const id of KIT_OPERATIONS) doc.operation(id);

  const recorder = new Recorder();
  for (const operation of doc.operations.values()) {
    if (officeUrl || operation.auth !== 'office') recorder.endpoints.set(operation.id, `${operation.method} ${operation.path}`);
  }
  const kit = new Kit(doc, recorder, {
    baseUrl,
    officeUrl,
    officeKey: options.officeKey ?? 'mock-office-key',
    timeoutMs,
    maxBodyBytes: options.maxBodyBytes ?? 2 * 1024 * 1024,
  });
  const flow = new Flow<Facts>(recorder);
  const ctx: Context = { kit, flow, clockMoved: false };
  if (!officeUrl) {
    for (const fact of ['office', 'testApi'] as const) flow.unavailable(fact, 'needs the office API (--no-office)', 'option');
    recorder.note('--no-office: the journey needs the office API (captcha answers, codes sent, review, payment, papers), so only the checks without it ran');
  }

  const started = Date.now();
  const stop = () => {
    kit.stopped = true;
    recorder.note('the run was stopped before its end (interrupted): what did not run is reported as skipped');
    recorder.kitErrors += 1;
  };
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    await anonymousSteps(ctx);
    await accountSteps(ctx);
    await applicationSteps(ctx);
    await officeJourneySteps(ctx);
    await modeSteps(ctx);
    await passwordResetSteps(ctx);
    await windowSteps(ctx);
  } finally {
    if (ctx.clockMoved) {
      const answer = await kit.call('the clock back to real time (the kit always puts it back)', 'setClock', { json: { now: null }, expect: 'ok', always: true });
      if (!answer.met) recorder.note('the kit could not put the backend\'s clock back: PUT /office/test/clock {"now": null} by hand');
    }
  }
  options.signal?.removeEventListener('abort', stop);
  const mismatches = recorder.mismatches;
  return {
    tool: 'ruankao-conformance',
    documentVersion: doc.version,
    baseUrl: baseUrl.href.replace(/\/$/, ''),
    officeUrl: officeUrl ? officeUrl.href.replace(/\/$/, '') : null,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    authModes: [...kit.modes].sort(),
    operations: recorder.rows(),
    mismatches,
    skipped: recorder.skipped,
    notes: recorder.notes,
    passed: mismatches.length === 0 && recorder.kitErrors === 0 && !recorder.skipped.some((entry) => entry.cause === 'failure'),
  };
}
