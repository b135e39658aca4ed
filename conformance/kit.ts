/**
 * The kit's side of every call: builds the request (session, CSRF, staff key, idempotency key),
 * checks a request meant to be valid against the document, sends it, judges the answer against
 * the document (status, content type, body schema, error code and details, Retry-After, the
 * session cookie) and against what the step expected, and records all of it.
 */
import { randomBytes } from 'node:crypto';
import { findCookie, sessionCookieProblems } from './cookies.js';
import type { ContractDocument, DocumentedOperation } from './document.js';
import { exchange, type HttpOutcome } from './http.js';
import type { CallRecord, Recorder } from './report.js';

/** How a candidate's session is carried. */
export type Mode = 'bearer' | 'cookie';

/** A candidate the kit made, and its session. */
export interface Candidate {
  label: string;
  account: string;
  password: string;
  mode: Mode;
  token?: string;
  /** The session cookie's value. */
  cookie?: string;
  csrfToken?: string;
}

/** What a call should get: `ok` (200) or business codes; several means any of them. */
export type Expectation = 'ok' | string | ReadonlyArray<'ok' | string>;

export interface CallOptions {
  params?: Record<string, string>;
  /** A JSON body. */
  json?: unknown;
  /** A body sent as is (malformed JSON, another content type); never checked against the document. */
  raw?: { body: string | Uint8Array; contentType: string | null };
  form?: FormData;
  /** The request is meant to break the document (not checked against it). */
  invalid?: boolean;
  /** Whose session goes with the call (none by default). */
  as?: Candidate | null;
  /** Cookie mode: send the CSRF header (default on operations that take it), leave it out, or send this value. */
  csrf?: 'auto' | 'omit' | { value: string };
  /** The office's staff key: sent on office operations by default. */
  officeKey?: 'auto' | 'omit' | { value: string };
  /** Idempotent operations: a new key by default, none, or this one. */
  idempotencyKey?: 'auto' | 'omit' | string;
  headers?: Record<string, string>;
  expect: Expectation;
  /** Sent even after the run was stopped (putting the clock back). */
  always?: boolean;
}

/** The answer of a call as the step sees it. */
export interface Answer {
  record: CallRecord;
  operation: DocumentedOperation;
  status: number | null;
  /** The parsed JSON body (undefined when none could be read). */
  body: unknown;
  /** The business code of an error body. */
  code?: string;
  setCookies: string[];
  headers?: Headers;
  /** What the step expected happened. */
  met: boolean;
  /** The answer matches the document. */
  conforming: boolean;
  /** Where each mismatch of the answer is (`body/plan`, `status`, …). */
  issues: string[];
}

/** A step cannot go on; what failed is already recorded. */
export class StepFailed extends Error {}

/** The run was stopped (an interrupt) before the step could finish. */
export class Stopped extends StepFailed {}

export interface KitOptions {
  baseUrl: URL;
  officeUrl: URL | null;
  officeKey: string;
  timeoutMs: number;
  maxBodyBytes: number;
}

/** A new idempotency key: 32 hex digits, as the elements send. */
export const newKey = () => randomBytes(16).toString('hex');

export class Kit {
  /** The session modes the backend offers, as found at registration. */
  readonly modes = new Set<Mode>();

  constructor(
    readonly doc: ContractDocument,
    readonly recorder: Recorder,
    readonly options: KitOptions,
  ) {}

  /** Set when the run is stopped (an interrupt): no more calls but those marked `always`. */
  stopped = false;

  /** One call of an operation in a step. */
  async call(step: string, operationId: string, options: CallOptions): Promise<Answer> {
    if (this.stopped && !options.always) throw new Stopped('the run was stopped');
    const operation = this.doc.operation(operationId);
    const base = operation.auth === 'office' ? (this.options.officeUrl ?? this.options.baseUrl) : this.options.baseUrl;
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    const candidate = options.as ?? null;
    if (candidate?.mode === 'bearer' && candidate.token) headers.Authorization = `Bearer ${candidate.token}`;
    if (candidate?.mode === 'cookie' && candidate.cookie !== undefined) {
      headers.Cookie = `${this.doc.names.sessionCookie}=${candidate.cookie}`;
      const csrf = options.csrf ?? 'auto';
      if (csrf === 'auto' ? operation.csrf && candidate.csrfToken : csrf !== 'omit') {
        headers[this.doc.names.csrfHeader] = typeof csrf === 'object' ? csrf.value : (candidate.csrfToken ?? '');
      }
    }
    const officeKey = options.officeKey ?? 'auto';
    if (operation.auth === 'office' && officeKey !== 'omit') headers[this.doc.names.officeKeyHeader] = typeof officeKey === 'object' ? officeKey.value : this.options.officeKey;
    if (operation.idempotent) {
      const key = options.idempotencyKey ?? 'auto';
      if (key !== 'omit') headers[this.doc.names.idempotencyHeader] = key === 'auto' ? newKey() : key;
    }
    let body: string | Uint8Array | FormData | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['Content-Type'] = 'application/json';
    } else if (options.raw) {
      body = options.raw.body;
      if (options.raw.contentType !== null) headers['Content-Type'] = options.raw.contentType;
    } else if (options.form) {
      body = options.form;
    }
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(options.params?.[name] ?? ''));
    const url = `${base.href.replace(/\/$/, '')}${path}`;
    const outcome = await exchange({ method: operation.method, url, headers, body, timeoutMs: this.options.timeoutMs, maxBytes: this.options.maxBodyBytes });
    const status = outcome.kind === 'response' ? outcome.status : (outcome.status ?? null);
    const record = this.recorder.call(operationId, `${operation.method} ${operation.path}`, step, status);
    if (!options.invalid) this.#checkRequest(record, operation, options, headers);
    return this.#judge(record, operation, outcome, options.expect);
  }

  /** Records a mismatch of a call unless `condition` holds; returns `condition`. */
  check(answer: Answer, condition: boolean, where: string, message: string, extra: { expected?: unknown; got?: unknown } = {}): boolean {
    if (!condition) {
      this.recorder.mismatch(answer.record, where, message, {
        ...(extra.expected !== undefined ? { expected: describe(extra.expected) } : {}),
        ...(extra.got !== undefined ? { got: describe(extra.got) } : {}),
      });
      answer.conforming = false;
      answer.issues.push(where);
    }
    return condition;
  }

  /**
   * The body of an answer that met its expectation and the document; else the step fails. With
   * `uses` (JSON pointers), mismatches elsewhere in the body do not stop the step (they are
   * reported all the same): a captcha whose image URL is refused still has a usable id.
   */
  need<T = Record<string, unknown>>(answer: Answer, uses?: string[]): T {
    const blocking = answer.issues.filter(
      (where) => !uses || where === 'body' || (where.startsWith('body/') && uses.some((use) => where === `body${use}` || where.startsWith(`body${use}/`) || `body${use}`.startsWith(`${where}/`))),
    );
    if (!answer.met || answer.body === undefined || blocking.length > 0) throw new StepFailed(`${answer.record.operation} did not answer as expected`);
    return answer.body as T;
  }

  /** Takes the session of a login or registration answer into a candidate, checking the cookie. */
  takeSession(answer: Answer, candidate: Candidate, detect: boolean): void {
    const body = answer.body as { token?: string; csrfToken?: string };
    const cookie = findCookie(answer.setCookies, this.doc.names.sessionCookie);
    const name = this.doc.names.sessionCookie;
    if (detect) {
      if (typeof body.token === 'string') this.modes.add('bearer');
      if (cookie && cookie.value) this.modes.add('cookie');
      this.check(answer, this.modes.size > 0, 'body/token', `neither a token (bearer mode) nor a ${name} cookie (cookie mode): a backend must offer at least one session mode`);
    }
    if (cookie && cookie.value) {
      for (const problem of sessionCookieProblems(cookie, this.options.baseUrl)) this.check(answer, false, `cookie ${name}`, `the session cookie ${problem}`);
      candidate.cookie = cookie.value;
      this.check(answer, typeof body.csrfToken === 'string', 'body/csrfToken', `is required in cookie mode (the answer set the ${name} cookie): POST and PUT carry it in ${this.doc.names.csrfHeader}`);
      if (typeof body.csrfToken === 'string') candidate.csrfToken = body.csrfToken;
    } else if (this.modes.has('cookie')) {
      this.check(answer, false, `cookie ${name}`, `was not set, although the backend offers cookie mode (it set it at registration)`);
    }
    if (typeof body.token === 'string') candidate.token = body.token;
    else if (this.modes.has('bearer') && !this.modes.has('cookie')) this.check(answer, false, 'body/token', 'is missing although the backend offers bearer mode only');
  }

  #checkRequest(record: CallRecord, operation: DocumentedOperation, options: CallOptions, headers: Record<string, string>): void {
    const report = (where: string, message: string) =>
      this.recorder.mismatch(record, where, `the kit's request ${message}: the document refuses what the journey needs (a problem of the document or of the kit)`);
    if (options.json !== undefined && operation.requestPointer) {
      for (const issue of this.doc.check(operation.requestPointer, options.json)) report(`request body${issue.pointer}`, issue.message);
    }
    for (const [name, schema] of operation.pathParams) {
      for (const issue of this.doc.checkInline(schema, options.params?.[name] ?? '')) report(`request path {${name}}`, issue.message);
    }
    if (options.form && operation.multipart) {
      for (const part of operation.parts) {
        const value = options.form.get(part.name);
        if (value === null) {
          if (part.required) report(`request part ${part.name}`, 'lacks this required part');
        } else if (part.contentType && (typeof value === 'string' || value.type !== part.contentType)) {
          report(`request part ${part.name}`, `has the type ${typeof value === 'string' ? 'text' : value.type || '(none)'}, not ${part.contentType}`);
        }
      }
    }
    const key = headers[this.doc.names.idempotencyHeader];
    if (operation.idempotent && key !== undefined && !/^[\x21-\x7e]{8,128}$/.test(key)) report(`request header ${this.doc.names.idempotencyHeader}`, 'is not 8–128 printable ASCII characters');
  }

  #judge(record: CallRecord, operation: DocumentedOperation, outcome: HttpOutcome, expect: Expectation): Answer {
    const answer: Answer = { record, operation, status: record.status, body: undefined, setCookies: [], met: false, conforming: true, issues: [] };
    const mismatch = (where: string, message: string, extra: { expected?: string; got?: string } = {}) => {
      this.recorder.mismatch(record, where, message, extra);
      answer.conforming = false;
      answer.issues.push(where);
    };
    const expected = (Array.isArray(expect) ? expect : [expect]) as string[];
    const describeExpected = expected.map((entry) => (entry === 'ok' ? '200' : `${operation.statusOfCode.get(entry) ?? '?'} ${entry}`)).join(' or ');

    if (outcome.kind === 'failure') {
      mismatch('transport', outcome.message, { expected: describeExpected, got: outcome.status ? `${outcome.status}, then ${outcome.reason}` : `no answer (${outcome.reason})` });
      return answer;
    }
    answer.headers = outcome.headers;
    answer.setCookies = outcome.setCookies;
    const status = outcome.status;
    const documented = operation.responses.get(status);
    const contentType = outcome.headers.get('content-type') ?? '';
    let json: unknown;
    let parsed = false;
    if (outcome.bytes.length > 0) {
      try {
        json = JSON.parse(outcome.text);
        parsed = true;
      } catch {
        // reported below
      }
    }
    if (parsed) answer.body = json;
    const code = isObject(json) && typeof json.code === 'string' ? json.code : undefined;
    if (code !== undefined && status >= 400) answer.code = code;
    const got = `${status}${code !== undefined && status >= 400 ? ` ${code}` : ''}`;

    // What the step expected.
    answer.met = expected.some((entry) => (entry === 'ok' ? status === 200 : status === operation.statusOfCode.get(entry) && code === entry));
    const statusMet = expected.some((entry) => (entry === 'ok' ? status === 200 : status === operation.statusOfCode.get(entry)));
    // The right status without a code is reported once, below (the error body lacks its code).
    if (!answer.met && !(statusMet && status >= 400 && code === undefined)) {
      mismatch(statusOrCode(expected, operation, status), `expected ${describeExpected}, got ${got}`, { expected: describeExpected, got });
    }

    // What the document says of the answer.
    if (status >= 300 && status < 400) {
      mismatch('status', `a redirect (${status}${outcome.headers.get('location') ? ` to ${outcome.headers.get('location')}` : ''}): the document has none; the kit does not follow redirects`);
      return answer;
    }
    if (!documented) {
      const list = [...operation.responses.keys()].join(', ');
      mismatch('status', `${status} is not a status the document gives ${operation.id} (documented: ${list})`);
    }
    if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(contentType)) {
      mismatch('header Content-Type', `is ${contentType ? `"${contentType}"` : 'missing'}; every answer of the contract is application/json`);
    }
    if (!parsed) {
      mismatch('body', outcome.bytes.length === 0 ? 'is empty; the document gives a JSON body' : `is not JSON: ${snippet(outcome.text)}`);
      return answer;
    }
    if (documented?.schemaPointer) {
      for (const issue of this.doc.check(documented.schemaPointer, json)) mismatch(`body${issue.pointer}`, issue.message);
    } else if (status >= 400) {
      this.#judgeError(operation, status, json, documented?.codes ?? [], mismatch);
    }
    this.#judgeHeaders(status, outcome.headers, json, mismatch);
    return answer;
  }

  #judgeError(operation: DocumentedOperation, status: number, json: unknown, codes: string[], mismatch: (where: string, message: string) => void): void {
    if (!isObject(json)) {
      mismatch('body', `is ${Array.isArray(json) ? 'an array' : typeof json}, not an error body { code, message, details }`);
      return;
    }
    if (!('code' in json)) {
      mismatch('body/code', 'is required but missing: every error answers { code, message, details }');
      return;
    }
    if (typeof json.code !== 'string') {
      mismatch('body/code', `must be a string, got ${describe(json.code)}`);
      return;
    }
    const code = json.code;
    if (!this.doc.hasErrorSchema(code)) {
      mismatch('body/code', `${code} is not a code of the contract`);
      return;
    }
    if (codes.length > 0 && !codes.includes(code)) {
      const elsewhere = operation.statusOfCode.get(code);
      mismatch('body/code', `${code} is not documented for ${operation.id} with ${status} (documented with ${status}: ${codes.join(', ')})${elsewhere ? `; the document answers ${code} with ${elsewhere}` : `; ${operation.id} does not answer ${code} at all`}`);
    }
    for (const issue of this.doc.check(`#/components/schemas/Error_${code}`, json)) mismatch(`body${issue.pointer}`, issue.message);
  }

  #judgeHeaders(status: number, headers: Headers, json: unknown, mismatch: (where: string, message: string) => void): void {
    const retryAfter = headers.get('retry-after');
    const details = isObject(json) && isObject(json.details) ? json.details : undefined;
    if (status === 429 && retryAfter === null) mismatch('header Retry-After', 'is required with 429 (seconds to wait)');
    if ((status === 429 || status === 503) && retryAfter !== null) {
      if (!/^\d+$/.test(retryAfter.trim()) || Number(retryAfter) < 1) mismatch('header Retry-After', `must be a whole number of seconds (at least 1), got "${retryAfter}"`);
      else if (typeof details?.retryAfterSeconds === 'number' && details.retryAfterSeconds !== Number(retryAfter)) {
        mismatch('header Retry-After', `is ${retryAfter} but details.retryAfterSeconds is ${details.retryAfterSeconds}: the document says they are the same number`);
      }
    }
  }
}

/** `body/code` when the status was right but the code was not, else `status`. */
function statusOrCode(expected: string[], operation: DocumentedOperation, status: number): string {
  return expected.some((entry) => entry !== 'ok' && operation.statusOfCode.get(entry) === status) ? 'body/code' : 'status';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 80 ? `${flat.slice(0, 77)}…` : flat);
}

/** A value as a short text for the report. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 200 ? `${text.slice(0, 197)}…` : text;
}
