/**
 * One HTTP exchange with the backend under test, which may be hostile: the answer is read with a
 * time limit (headers and body together) and a size limit, redirects are not followed (the
 * contract documents none), and every failure (refused, reset, timed out, too large, not HTTP)
 * comes back as a value, never as a thrown error.
 */

/** What the kit sends. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array | FormData;
  timeoutMs: number;
  /** The most bytes of a body the kit reads. */
  maxBytes: number;
}

/** An answer that was read whole. */
export interface HttpResponse {
  kind: 'response';
  status: number;
  headers: Headers;
  /** Every `Set-Cookie` header, one entry each. */
  setCookies: string[];
  bytes: Uint8Array;
  text: string;
  ms: number;
}

/** An exchange that did not end in an answer read whole. */
export interface HttpFailure {
  kind: 'failure';
  reason: 'timeout' | 'refused' | 'reset' | 'too-large' | 'network';
  message: string;
  /** The status, when the headers arrived before the failure. */
  status?: number;
  ms: number;
}

export type HttpOutcome = HttpResponse | HttpFailure;

/** `2 MB`, `64 KB`, `512 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

/** Sends one request; resolves with the answer or the failure, never rejects. */
export async function exchange(request: HttpRequest): Promise<HttpOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  let status: number | undefined;
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body as RequestInit['body'],
      redirect: 'manual',
      signal: controller.signal,
    });
    status = response.status;
    const bytes = await readCapped(response, request.maxBytes);
    if (bytes === null) {
      controller.abort();
      return { kind: 'failure', reason: 'too-large', message: `body larger than ${formatBytes(request.maxBytes)} (the kit stopped reading)`, status, ms: elapsed() };
    }
    return {
      kind: 'response',
      status,
      headers: response.headers,
      setCookies: response.headers.getSetCookie(),
      bytes,
      text: new TextDecoder('utf-8', { fatal: false }).decode(bytes),
      ms: elapsed(),
    };
  } catch (error) {
    const failure = classify(error, timedOut, request.timeoutMs, status !== undefined);
    return { kind: 'failure', ...failure, ...(status === undefined ? {} : { status }), ms: elapsed() };
  } finally {
    clearTimeout(timer);
  }
}

/** The body's bytes, or null once it grows past `maxBytes`. */
async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function classify(error: unknown, timedOut: boolean, timeoutMs: number, headersArrived: boolean): Pick<HttpFailure, 'reason' | 'message'> {
  if (timedOut) {
    return { reason: 'timeout', message: `no ${headersArrived ? 'complete body' : 'answer'} within ${timeoutMs} ms (--timeout)` };
  }
  const codes = causeCodes(error);
  const text = causeMessages(error);
  if (codes.includes('ECONNREFUSED')) return { reason: 'refused', message: 'connection refused' };
  if (codes.some((code) => code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') || /other side closed|socket hang up|terminated/i.test(text)) {
    return { reason: 'reset', message: `connection closed or reset by the backend${headersArrived ? ' while sending the body' : ' before an answer'} (${text})` };
  }
  return { reason: 'network', message: text || 'network error' };
}

function causeCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let current = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; current && depth < 5; current = current.cause as typeof current, depth++) {
    if (typeof current.code === 'string') codes.push(current.code);
  }
  return codes;
}

function causeMessages(error: unknown): string {
  const messages: string[] = [];
  for (let current = error as { message?: unknown; cause?: unknown } | undefined, depth = 0; current && depth < 5; current = current.cause as typeof current, depth++) {
    if (typeof current.message === 'string' && current.message && !messages.includes(current.message)) messages.push(current.message);
  }
  return messages.join(': ');
}
