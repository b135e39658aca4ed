/**
 * MSW request handlers for the mock exam office, built from the REST contract table
 * (`operations` in `services/contract.ts`, and the office API of `office-contract.ts`): one
 * handler per operation, so the mock cannot drift from the contract. Each hands its request to
 * `answerRequest()` (`http-answer.ts`), which answers exactly as `docs/openapi.json` says.
 */
import { http, type HttpHandler } from 'msw';
import type { Operation } from '../services/contract.js';
import type { ExamOffice } from './office.js';
import { allOperations, answerRequest, type AnyOperationName } from './http-answer.js';

/** Options of {@link createHandlers}. */
export interface HandlerOptions {
  /** The API base the handlers answer under: a path (`/api`, the default) or an absolute URL. */
  baseUrl?: string;
  /** Also answer the office API (`/office/…`). Default true. */
  officeApi?: boolean;
}

/** A route the handlers answer: the contract's method and the MSW path (`{orderId}` → `:orderId`). */
export interface HandlerRoute {
  operation: AnyOperationName;
  method: Operation['method'];
  path: string;
}

/** `/api` + `/payment/orders/{orderId}` → `/api/payment/orders/:orderId`. */
function routePath(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '') + path.replace(/\{(\w+)\}/g, ':$1');
}

/** Every route the handlers answer, one per contract operation (for drift tests and docs). */
export function handlerRoutes(options: HandlerOptions = {}): HandlerRoute[] {
  const baseUrl = options.baseUrl ?? '/api';
  return (Object.keys(allOperations) as AnyOperationName[])
    .filter((name) => options.officeApi !== false || !(allOperations[name] as Operation).office)
    .map((name) => ({ operation: name, method: (allOperations[name] as Operation).method, path: routePath(baseUrl, allOperations[name].path) }));
}

/** One MSW handler per operation of the contract, answered by `office`. */
export function createHandlers(office: ExamOffice, options: HandlerOptions = {}): HttpHandler[] {
  const basePath = basePathOf(options.baseUrl ?? '/api');
  return handlerRoutes(options).map((route) => {
    const method = route.method === 'GET' ? http.get : route.method === 'PUT' ? http.put : http.post;
    return method(route.path, ({ request, params, cookies }) =>
      answerRequest(office, route.operation, {
        request,
        params: Object.fromEntries(Object.entries(params).map(([key, value]) => [key, String(value)])),
        cookies,
        basePath,
      }),
    );
  });
}

/** The path of an API base, absolute URL or path: the session cookie's `Path`. */
export function basePathOf(baseUrl: string): string {
  const path = /^[a-z][a-z0-9+.-]*:\/\//i.test(baseUrl) ? new URL(baseUrl).pathname : baseUrl;
  return path.replace(/\/+$/, '') || '/';
}
