/**
 * What `HttpBackend` loads on demand: the contract (`contract.ts`) and the check of each answer
 * with its zod schema, every failure mapped to a typed error.
 */
import { operations, type OperationName } from './contract.js';
import { BusinessError, HttpError, InvalidResponseError } from './errors.js';
import { ErrorBody } from './schemas.js';

export { fillPath, operations } from './contract.js';

/** Turns a status and body into the contract's response or a typed error. */
export function interpret(name: OperationName, status: number, text: string): unknown {
  let json: unknown;
  let parsed = false;
  try {
    json = text === '' ? undefined : JSON.parse(text);
    parsed = text !== '';
  } catch {
    // not JSON: handled below by status
  }
  if (status < 200 || status >= 300) {
    const body = parsed ? ErrorBody.safeParse(json) : undefined;
    if (status >= 400 && status < 500 && body?.success) {
      throw new BusinessError(name, body.data.code, body.data.message, body.data.details ?? {}, status);
    }
    throw new HttpError(name, status, body?.success ? `${name}: HTTP ${status}: ${body.data.message}` : undefined);
  }
  if (!parsed) {
    throw new InvalidResponseError(name, [{ path: [], message: text === '' ? 'empty body' : 'body is not JSON' }]);
  }
  const result = operations[name].response.safeParse(json);
  if (!result.success) {
    throw new InvalidResponseError(
      name,
      result.error.issues.map((issue) => ({ path: issue.path, message: issue.message, code: issue.code })),
    );
  }
  return result.data;
}
