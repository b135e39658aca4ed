/**
 * The contract as the kit reads it: docs/openapi.json alone, judged with an independent JSON
 * Schema validator (ajv, draft 2020-12, with ajv-formats), never with the library's own zod
 * schemas (a bug in a schema would then pass its own test). From the document the kit takes each
 * operation's method, path, security, parameters, request body and documented answers: per status
 * either the success schema or the business codes answered with it, each with its error schema
 * (`Error_<CODE>`), and the headers 429 and 503 carry.
 */
import { readFileSync } from 'node:fs';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** A finding about a value: where (a JSON pointer below the value) and what. */
export interface Issue {
  /** JSON pointer below the value checked, `''` for the value itself. */
  pointer: string;
  message: string;
}

/** Who may call an operation. */
export type AuthKind = 'none' | 'optional' | 'required' | 'office';

/** One documented answer of an operation. */
export interface DocumentedResponse {
  status: number;
  /** The success schema's JSON pointer in the document (2xx). */
  schemaPointer?: string;
  /** The business codes answered with this status (4xx, 5xx). */
  codes: string[];
  /** Headers the answer must carry. */
  requiredHeaders: string[];
  /** Headers the answer may carry. */
  headers: string[];
}

/** One operation of the document. */
export interface DocumentedOperation {
  id: string;
  method: string;
  /** The path below the API base, e.g. `/payment/orders/{orderId}`. */
  path: string;
  auth: AuthKind;
  idempotent: boolean;
  /** Takes the CSRF header in cookie mode. */
  csrf: boolean;
  /** The JSON request body's schema pointer. */
  requestPointer?: string;
  multipart: boolean;
  /** Path parameters and their schema pointers (or inline schemas). */
  pathParams: Map<string, unknown>;
  responses: Map<number, DocumentedResponse>;
  /** The status every code of the operation is answered with. */
  statusOfCode: Map<string, number>;
}

/** Names the contract gives: the session cookie, the CSRF and office-key headers. */
export interface ContractNames {
  sessionCookie: string;
  csrfHeader: string;
  officeKeyHeader: string;
  idempotencyHeader: string;
}

type Json = Record<string, unknown>;

const DOCUMENT_ID = 'openapi.json';

/** A problem with the document itself (not the backend): the kit cannot judge with it. */
export class DocumentError extends Error {}

/** The document, indexed, with its validators. */
export class ContractDocument {
  readonly operations = new Map<string, DocumentedOperation>();
  readonly names: ContractNames;
  readonly version: string;
  readonly #ajv: Ajv2020;
  readonly #validators = new Map<string, ValidateFunction>();
  readonly #doc: Json;

  constructor(doc: unknown) {
    if (!isObject(doc) || typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.1') || !isObject(doc.paths) || !isObject(doc.components)) {
      throw new DocumentError('not an OpenAPI 3.1 document with paths and components');
    }
    this.#doc = doc;
    this.version = String((doc.info as Json | undefined)?.version ?? '');
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, inlineRefs: false });
    addFormats(this.#ajv);
    this.#ajv.addSchema(doc as object, DOCUMENT_ID);
    this.names = this.#names();
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      if (!isObject(item)) continue;
      for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
        const operation = item[method];
        if (isObject(operation) && typeof operation.operationId === 'string') {
          this.operations.set(operation.operationId, this.#operation(operation.operationId, method.toUpperCase(), path, operation));
        }
      }
    }
  }

  /** Reads and indexes a document file. */
  static load(file: string | URL): ContractDocument {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new DocumentError(`cannot read ${String(file)}: ${(error as Error).message}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new DocumentError(`${String(file)} is not JSON: ${(error as Error).message}`);
    }
    return new ContractDocument(json);
  }

  /** The operation with this id; throws DocumentError when the document lacks it. */
  operation(id: string): DocumentedOperation {
    const operation = this.operations.get(id);
    if (!operation) throw new DocumentError(`the document has no operation ${id}`);
    return operation;
  }

  /** Issues of a value against a schema of the document (by JSON pointer, e.g. `#/components/schemas/Captcha`). */
  check(pointer: string, value: unknown): Issue[] {
    let validate = this.#validators.get(pointer);
    if (!validate) {
      validate = this.#ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
      this.#validators.set(pointer, validate);
    }
    if (validate(value)) return [];
    return simplify(validate.errors ?? []);
  }

  /** Issues of an inline schema (path parameters). */
  checkInline(schema: unknown, value: unknown): Issue[] {
    if (isObject(schema) && typeof schema.$ref === 'string') return this.check(schema.$ref, value);
    const validate = this.#ajv.compile(schema as object);
    return validate(value) ? [] : simplify(validate.errors ?? []);
  }

  /** Whether the document has an error schema for a code. */
  hasErrorSchema(code: string): boolean {
    return isObject((this.#doc.components as Json).schemas) && `Error_${code}` in ((this.#doc.components as Json).schemas as Json);
  }

  #names(): ContractNames {
    const components = this.#doc.components as Json;
    const schemes = (components.securitySchemes ?? {}) as Record<string, Json>;
    const parameters = (components.parameters ?? {}) as Record<string, Json>;
    const cookieScheme = Object.values(schemes).find((scheme) => scheme.type === 'apiKey' && scheme.in === 'cookie');
    const officeScheme = schemes.officeKey ?? Object.values(schemes).find((scheme) => scheme.type === 'apiKey' && scheme.in === 'header');
    const csrf = Object.values(parameters).find((parameter) => parameter.in === 'header' && /csrf/i.test(String(parameter.name)));
    const idempotency = Object.values(parameters).find((parameter) => parameter.in === 'header' && /^idempotency-key$/i.test(String(parameter.name)));
    return {
      sessionCookie: String(cookieScheme?.name ?? 'rk_session'),
      csrfHeader: String(csrf?.name ?? 'X-CSRF-Token'),
      officeKeyHeader: String(officeScheme?.name ?? 'X-Office-Key'),
      idempotencyHeader: String(idempotency?.name ?? 'Idempotency-Key'),
    };
  }

  #resolve(value: unknown): Json {
    let current = value;
    for (let depth = 0; isObject(current) && typeof current.$ref === 'string' && depth < 10; depth++) {
      current = this.#pointer(current.$ref);
    }
    return isObject(current) ? current : {};
  }

  #pointer(ref: string): unknown {
    if (!ref.startsWith('#/')) return undefined;
    let node: unknown = this.#doc;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      node = isObject(node) ? node[key] : undefined;
    }
    return node;
  }

  #operation(id: string, method: string, path: string, operation: Json): DocumentedOperation {
    const security = Array.isArray(operation.security) ? (operation.security as Json[]) : Array.isArray(this.#doc.security) ? (this.#doc.security as Json[]) : [];
    const schemeNames = security.flatMap((requirement) => Object.keys(requirement));
    const anonymous = security.length === 0 || security.some((requirement) => Object.keys(requirement).length === 0);
    const officeSchemes = new Set(Object.entries(((this.#doc.components as Json).securitySchemes ?? {}) as Record<string, Json>)
      .filter(([, scheme]) => scheme.type === 'apiKey' && scheme.in === 'header')
      .map(([name]) => name));
    const auth: AuthKind = schemeNames.some((name) => officeSchemes.has(name)) ? 'office' : security.length === 0 ? 'none' : anonymous ? 'optional' : 'required';

    const parameters = (Array.isArray(operation.parameters) ? operation.parameters : []).map((parameter) => this.#resolve(parameter));
    const pathParams = new Map<string, unknown>();
    for (const parameter of parameters) if (parameter.in === 'path') pathParams.set(String(parameter.name), parameter.schema ?? {});
    const header = (name: string) => parameters.some((parameter) => parameter.in === 'header' && String(parameter.name).toLowerCase() === name.toLowerCase());

    const content = (this.#resolve(operation.requestBody).content ?? {}) as Json;
    const jsonSchema = isObject(content['application/json']) ? (content['application/json'] as Json).schema : undefined;
    const requestPointer = isObject(jsonSchema) && typeof jsonSchema.$ref === 'string' ? jsonSchema.$ref : undefined;

    const responses = new Map<number, DocumentedResponse>();
    const statusOfCode = new Map<string, number>();
    for (const [key, raw] of Object.entries((operation.responses ?? {}) as Json)) {
      const status = Number(key);
      if (!Number.isInteger(status)) continue;
      const response = this.#resolve(raw);
      const schema = ((response.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema as Json | undefined;
      const refs = schema ? (Array.isArray(schema.oneOf) ? (schema.oneOf as Json[]) : Array.isArray(schema.anyOf) ? (schema.anyOf as Json[]) : [schema]) : [];
      const codes = refs.map((ref) => /#\/components\/schemas\/Error_([A-Z0-9_]+)$/.exec(String(ref.$ref ?? ''))?.[1]).filter((code): code is string => Boolean(code));
      const headers = Object.entries((response.headers ?? {}) as Json).map(([name, value]) => ({ name, required: this.#resolve(value).required === true }));
      const documented: DocumentedResponse = {
        status,
        codes,
        requiredHeaders: headers.filter((entry) => entry.required).map((entry) => entry.name),
        headers: headers.map((entry) => entry.name),
      };
      if (status < 400 && schema && typeof schema.$ref === 'string') documented.schemaPointer = schema.$ref;
      responses.set(status, documented);
      for (const code of codes) statusOfCode.set(code, status);
    }
    return {
      id,
      method,
      path,
      auth,
      idempotent: header(this.names.idempotencyHeader),
      csrf: header(this.names.csrfHeader),
      ...(requestPointer ? { requestPointer } : {}),
      multipart: isObject(content['multipart/form-data']),
      pathParams,
      responses,
      statusOfCode,
    };
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * ajv's errors, made readable: a failed `oneOf`/`anyOf` reports only the errors of its closest
 * branch (the one whose discriminating `const` matched, else the one with the fewest errors, a
 * bare type mismatch such as "must be null" counting as far); a pattern is named after the
 * schema it belongs to instead of being printed whole; a missing property is reported at its
 * own pointer.
 */
export function simplify(errors: ErrorObject[]): Issue[] {
  const kept = pruneBranches(errors);
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const error of kept) {
    let pointer = error.instancePath;
    let message = error.message ?? error.keyword;
    if (error.keyword === 'required') {
      pointer = `${pointer}/${String((error.params as { missingProperty?: string }).missingProperty)}`;
      message = 'is required but missing';
    } else if (error.keyword === 'pattern') {
      const owner = /#\/components\/schemas\/([^/]+)\/pattern$/.exec(error.schemaPath)?.[1];
      message = owner ? `must match the pattern of ${owner}` : `must match pattern ${shorten(String((error.params as { pattern?: string }).pattern))}`;
    } else if (error.keyword === 'const') {
      message = `must be ${JSON.stringify((error.params as { allowedValue?: unknown }).allowedValue)}`;
    } else if (error.keyword === 'enum') {
      message = `must be one of ${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).map((value) => JSON.stringify(value)).join(', ')}`;
    }
    const key = `${pointer}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ pointer, message });
  }
  return issues;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Keeps, for every failed combinator, the errors of its closest branch only. */
function pruneBranches(errors: ErrorObject[]): ErrorObject[] {
  const combinator = errors.find((error) => (error.keyword === 'oneOf' || error.keyword === 'anyOf') && errors.some((other) => other.schemaPath.startsWith(`${error.schemaPath}/`)));
  if (!combinator) return errors.filter((error) => error.keyword !== 'if');
  const prefix = `${combinator.schemaPath}/`;
  const branches = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    if (!error.schemaPath.startsWith(prefix)) continue;
    const index = error.schemaPath.slice(prefix.length).split('/')[0]!;
    branches.set(index, [...(branches.get(index) ?? []), error]);
  }
  const score = (branch: ErrorObject[]) => {
    let value = branch.length;
    // A branch whose discriminator (a `const` of a direct property) did not match is the wrong one.
    if (branch.some((error) => error.keyword === 'const' && error.instancePath.split('/').length === combinator.instancePath.split('/').length + 1)) value += 1000;
    // A branch refused for its type alone ("must be null") is far.
    if (branch.every((error) => error.keyword === 'type' && error.instancePath === combinator.instancePath)) value += 100;
    return value;
  };
  const best = [...branches.values()].sort((a, b) => score(a) - score(b))[0] ?? [];
  const rest = errors.filter((error) => error !== combinator && !error.schemaPath.startsWith(prefix));
  const bestAllTypeOnly = best.every((error) => error.keyword === 'type' && error.instancePath === combinator.instancePath);
  const chosen = bestAllTypeOnly ? [{ ...combinator, message: `must match one of the documented shapes (${[...branches.values()].map((branch) => branch[0]?.message).join('; ')})` }] : best;
  return pruneBranches([...rest, ...chosen]);
}
