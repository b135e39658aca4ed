/**
 * The mock exam office as a fetch handler, `(request: Request) => Promise<Response>`: what a
 * server runtime (Node with `@hono/node-server`, Deno, Bun, a service worker) calls to answer the
 * REST contract over real HTTP, with real cookies. The MSW handlers answer the same way.
 */
import { HttpResponse } from 'msw';
import type { Operation } from '../services/contract.js';
import type { ExamOffice } from './office.js';
import { basePathOf } from './handlers.js';
import { allOperations, answerRequest, type AnyOperationName } from './http-answer.js';

/** Options of {@link createFetchHandler}. */
export interface FetchHandlerOptions {
  /** The API base path the handler answers under. Default `/api`. */
  basePath?: string;
  /** Also answer the office API (`/office/…`). Default true. */
  officeApi?: boolean;
}

interface CompiledRoute {
  operation: AnyOperationName;
  method: string;
  pattern: RegExp;
  names: string[];
}

/** A fetch handler answering the contract under `basePath`; anything else is a 404 in the contract's shape. */
export function createFetchHandler(office: ExamOffice, options: FetchHandlerOptions = {}): (request: Request) => Promise<Response> {
  const basePath = basePathOf(options.basePath ?? '/api');
  const prefix = basePath === '/' ? '' : basePath;
  const routes: CompiledRoute[] = (Object.keys(allOperations) as AnyOperationName[])
    .filter((name) => options.officeApi !== false || !(allOperations[name] as Operation).office)
    .map((name) => {
      const names: string[] = [];
      const source = allOperations[name].path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_, param: string) => {
        names.push(param);
        return '([^/]+)';
      });
      return { operation: name, method: allOperations[name].method, pattern: new RegExp(`^${escape(prefix)}${source}$`), names };
    });
  return async (request) => {
    const url = new URL(request.url);
    for (const route of routes) {
      const match = route.pattern.exec(url.pathname);
      if (!match || route.method !== request.method) continue;
      let params: Record<string, string>;
      try {
        params = Object.fromEntries(route.names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? '')]));
      } catch {
        break; // a malformed %-escape: no such resource
      }
      return answerRequest(office, route.operation, { request, params, cookies: parseCookies(request.headers.get('Cookie')), basePath });
    }
    return HttpResponse.json({ code: 'NOT_FOUND', message: `没有 ${request.method} ${url.pathname} 这个接口。` }, { status: 404 });
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `a=1; b=2` → `{ a: '1', b: '2' }`. */
function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    if (!(name in cookies)) cookies[name] = decodeURIComponent(part.slice(index + 1).trim());
  }
  return cookies;
}
