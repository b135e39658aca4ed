/**
 * `RegistrationBackend` over the REST contract (`contract.ts`, `docs/openapi.json`): fetch with
 * a per-request timeout, every response checked with zod, every failure mapped to a typed error.
 *
 * The contract and its zod schemas (about 14 KB) are fetched when the first backend is made, not
 * with the page's first paint: the first request waits for them, the next ones find them there.
 */
import type * as z from 'zod/mini';
import type {
  CallOptions,
  IdempotentCallOptions,
  RegistrationBackend,
  UploadOptions,
} from './backend.js';
import type { operations, OperationName } from './contract.js';
import { BusinessError, NetworkError, TimeoutError } from './errors.js';
import { OnDemand } from './on-demand.js';
import type * as s from './schemas.js';

type ResponseCheck = typeof import('./response-check.js');

/** The contract and the response check, loaded once per page. */
const responseCheck = new OnDemand(() => import('./response-check.js'));

export interface HttpBackendOptions {
  /** The API base, e.g. `https://ruankao.example.gov.cn/api` or `/api`. */
  baseUrl: string;
  /** `fetch` credentials mode; `include` when the API is on another origin and uses a cookie. Default `same-origin`. */
  credentials?: RequestCredentials;
  /** Milliseconds before a request is abandoned with a `TimeoutError`. Default 15 000. */
  timeoutMs?: number;
  /** Timeout of the photo upload. Default 60 000. */
  uploadTimeoutMs?: number;
  /** Extra headers per request, e.g. a CSRF token or the site's own auth header. */
  authHeaders?: () => Record<string, string> | Promise<Record<string, string>>;
}

interface RequestSpec {
  body?: unknown;
  params?: Record<string, string>;
  idempotencyKey?: string;
  signal?: AbortSignal;
}

type ResponseOf<N extends OperationName> = z.infer<(typeof operations)[N]['response']>;

export class HttpBackend implements RegistrationBackend {
  readonly baseUrl: string;
  readonly credentials: RequestCredentials;
  readonly timeoutMs: number;
  readonly uploadTimeoutMs: number;
  readonly #authHeaders: HttpBackendOptions['authHeaders'];
  /** A bearer token from login, kept in memory only (never in localStorage). */
  #token: string | undefined;
  /** The CSRF token of a cookie session, sent in `X-CSRF-Token` on POST and PUT. */
  #csrfToken: string | undefined;

  constructor(options: HttpBackendOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.credentials = options.credentials ?? 'same-origin';
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.uploadTimeoutMs = options.uploadTimeoutMs ?? 60_000;
    this.#authHeaders = options.authHeaders;
    responseCheck.prefetch();
  }

  // --- account ---------------------------------------------------------------------------------
  getCaptcha(options?: CallOptions) {
    return this.#call('getCaptcha', options);
  }
  sendVerificationCode(input: s.SendCodeInput, options?: CallOptions) {
    return this.#call('sendVerificationCode', { ...options, body: input });
  }
  async register(input: s.RegisterInput, options?: CallOptions) {
    return this.#keepCredentials(await this.#call('register', { ...options, body: input }));
  }
  async login(input: s.LoginInput, options?: CallOptions) {
    return this.#keepCredentials(await this.#call('login', { ...options, body: input }));
  }
  async resetPassword(input: s.ResetPasswordInput, options?: CallOptions) {
    await this.#call('resetPassword', { ...options, body: input });
  }
  async logout(options?: CallOptions) {
    try {
      await this.#call('logout', options);
    } finally {
      this.#token = undefined;
      this.#csrfToken = undefined;
    }
  }
  async getSession(options?: CallOptions) {
    const { session, csrfToken } = await this.#call('getSession', options);
    // A cookie session survives a reload; its CSRF token comes with it.
    this.#csrfToken = session ? (csrfToken ?? this.#csrfToken) : undefined;
    return session;
  }
  verifyRealName(input: s.RealNameInput, options?: CallOptions) {
    return this.#call('verifyRealName', { ...options, body: input });
  }

  // --- exam round and application ------------------------------------------------------------
  getExamSession(options?: CallOptions) {
    return this.#call('getExamSession', options);
  }
  async getApplication(options?: CallOptions) {
    return (await this.#call('getApplication', options)).application;
  }
  saveApplicationDraft(draft: s.ApplicationDraft, options?: CallOptions) {
    return this.#call('saveApplicationDraft', { ...options, body: draft });
  }
  submitApplication(input: s.ApplicationInput, options: IdempotentCallOptions) {
    return this.#call('submitApplication', { ...options, body: input });
  }
  uploadPhoto(photo: Blob, options: UploadOptions = {}) {
    return this.#withFreshCsrf(() => this.#upload(photo, options), options.signal);
  }

  // --- payment -------------------------------------------------------------------------------------
  createPaymentOrder(input: s.CreateOrderInput, options: IdempotentCallOptions) {
    return this.#call('createPaymentOrder', { ...options, body: input });
  }
  getPaymentStatus(orderId: string, options?: CallOptions) {
    return this.#call('getPaymentStatus', { ...options, params: { orderId } });
  }
  getCurrentPayment(options?: CallOptions) {
    return this.#call('getCurrentPayment', options);
  }

  // --- papers and queries ----------------------------------------------------------------------
  getRegistrationSlip(options?: CallOptions) {
    return this.#call('getRegistrationSlip', options);
  }
  requestChange(input: s.ChangeRequestInput, options?: CallOptions) {
    return this.#call('requestChange', { ...options, body: input });
  }
  getAdmissionTicket(options?: CallOptions) {
    return this.#call('getAdmissionTicket', options);
  }
  getExamArrangement(options?: CallOptions) {
    return this.#call('getExamArrangement', options);
  }
  getScores(options?: CallOptions) {
    return this.#call('getScores', options);
  }
  getCertificates(options?: CallOptions) {
    return this.#call('getCertificates', options);
  }

  // --- transport -----------------------------------------------------------------------------------
  #keepCredentials(result: s.LoginResult): s.LoginResult {
    this.#token = result.token;
    this.#csrfToken = result.csrfToken;
    return result;
  }

  async #headers(method: string, spec: RequestSpec): Promise<Record<string, string>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.#token) headers.Authorization = `Bearer ${this.#token}`;
    if (this.#csrfToken && method !== 'GET') headers['X-CSRF-Token'] = this.#csrfToken;
    if (spec.idempotencyKey) headers['Idempotency-Key'] = spec.idempotencyKey;
    Object.assign(headers, await this.#authHeaders?.());
    return headers;
  }

  /** The API base as an absolute URL: relative image URLs of answers are resolved against it. */
  get #absoluteBase(): string {
    const page = globalThis.location?.href;
    try {
      return new URL(this.baseUrl, page).href;
    } catch {
      return this.baseUrl;
    }
  }

  /** Forgets the credentials when the backend says the session has ended. */
  #forgetOnSignOut(error: unknown): never {
    if (error instanceof BusinessError && error.code === 'UNAUTHENTICATED') {
      this.#token = undefined;
      this.#csrfToken = undefined;
    }
    throw error;
  }

  /** The contract's check, or a NetworkError when it cannot be fetched (offline). */
  async #check(name: OperationName): Promise<ResponseCheck> {
    try {
      return await responseCheck.load();
    } catch (error) {
      throw new NetworkError(name, `${name}: the response check could not be loaded`, { cause: error });
    }
  }

  #call<N extends OperationName>(name: N, spec: RequestSpec = {}): Promise<ResponseOf<N>> {
    if (name === 'getSession') return this.#send(name, spec);
    return this.#withFreshCsrf(() => this.#send(name, spec), spec.signal);
  }

  /**
   * A cookie session whose CSRF token is stale (the candidate signed in again in another tab, so
   * the cookie now belongs to a new session): ask for the session's token once and send again.
   * The refused request changed nothing, and a retried submission keeps its idempotency key.
   */
  async #withFreshCsrf<T>(send: () => Promise<T>, signal: AbortSignal | undefined): Promise<T> {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof BusinessError && error.code === 'CSRF_FAILED')) throw error;
      await this.getSession({ signal });
      return send();
    }
  }

  async #send<N extends OperationName>(name: N, spec: RequestSpec = {}): Promise<ResponseOf<N>> {
    const { fillPath, interpret, operations } = await this.#check(name);
    const operation = operations[name];
    if ('idempotent' in operation && operation.idempotent && !spec.idempotencyKey) {
      throw new TypeError(`${name} needs an idempotencyKey`);
    }
    const url = this.baseUrl + fillPath(operation.path, spec.params);
    const headers = await this.#headers(operation.method, spec);
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    const deadline = linkDeadline(spec.signal, this.timeoutMs);
    try {
      let response: Response;
      try {
        response = await fetch(url, {
          method: operation.method,
          headers,
          credentials: this.credentials,
          body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
          signal: deadline.signal,
        });
      } catch (error) {
        throw deadline.failure(name, error);
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        throw deadline.failure(name, error);
      }
      const context = { baseUrl: this.#absoluteBase, retryAfter: response.headers.get('Retry-After') };
      try {
        return interpret(name, response.status, text, context) as ResponseOf<N>;
      } catch (error) {
        return this.#forgetOnSignOut(error);
      }
    } finally {
      deadline.clear();
    }
  }

  /** The photo upload uses XMLHttpRequest: fetch cannot report upload progress. */
  async #upload(photo: Blob, options: UploadOptions): Promise<s.Photo> {
    const name = 'uploadPhoto';
    const { interpret, operations } = await this.#check(name);
    const operation = operations[name];
    const headers = await this.#headers(operation.method, options);
    const deadline = linkDeadline(options.signal, this.uploadTimeoutMs);
    const form = new FormData();
    form.append('photo', photo, 'photo.jpg');
    return new Promise<s.Photo>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(operation.method, this.baseUrl + operation.path);
      xhr.withCredentials = this.credentials === 'include';
      for (const [key, value] of Object.entries(headers)) xhr.setRequestHeader(key, value);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) options.onProgress?.(event.loaded / event.total);
      };
      const fail = (error: unknown) => {
        deadline.clear();
        reject(deadline.failure(name, error));
      };
      xhr.onerror = () => fail(new TypeError('network error'));
      xhr.onabort = () => fail(deadline.signal.reason ?? new DOMException('aborted', 'AbortError'));
      xhr.onload = () => {
        deadline.clear();
        try {
          const context = { baseUrl: this.#absoluteBase, retryAfter: xhr.getResponseHeader('Retry-After') };
          const photoResult = interpret(name, xhr.status, xhr.responseText, context) as s.Photo;
          options.onProgress?.(1);
          resolve(photoResult);
        } catch (error) {
          try {
            this.#forgetOnSignOut(error);
          } catch (thrown) {
            reject(thrown);
          }
        }
      };
      deadline.signal.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(form);
    });
  }
}

/** An AbortSignal that fires on the caller's signal or after `timeoutMs`, and tells which it was. */
function linkDeadline(external: AbortSignal | undefined, timeoutMs: number) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('timeout', 'TimeoutError'));
  }, timeoutMs);
  const onExternalAbort = () => controller.abort(external?.reason);
  if (external?.aborted) onExternalAbort();
  else external?.addEventListener('abort', onExternalAbort, { once: true });
  return {
    signal: controller.signal,
    clear() {
      clearTimeout(timer);
      external?.removeEventListener('abort', onExternalAbort);
    },
    /** The error to throw for a transport failure: timeout, the caller's abort (rethrown as is), or network. */
    failure(operation: string, error: unknown): Error {
      if (timedOut) return new TimeoutError(operation, timeoutMs);
      if (external?.aborted) return external.reason instanceof Error ? external.reason : new DOMException('aborted', 'AbortError');
      return new NetworkError(operation, `${operation}: network error`, { cause: error });
    },
  };
}
