/**
 * The contract as the kit reads it: docs/openapi.json alone, judged with an independent JSON
 * Schema validator (ajv, draft 2020-12, with ajv-formats), never with the library's own zod
 * schemas (a bug in a schema would then pass its own test). From the document the kit takes each
 * operation's method, path, security, parameters, request body and documented answers: per status
 * either the success schema or the business codes answered with it, each with its error schema
 * (`Error_<CODE>`), and the headers 429 and 503 carry.
 */
import { readFileSync, statSync } from 'node:fs';
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
  /** Multipart parts: each required part and the content type the document gives it (if any). */
  parts: Array<{ name: string; required: boolean; contentType?: string }>;
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

const loaded = new Map<string, ContractDocument>();

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
  /** The pattern of each named schema that has one → the schema's name (ImageUrl, …), for readable messages. */
  readonly #patternNames = new Map<string, string>();

  constructor(doc: unknown) {
    if (!isObject(doc) || typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.1') || !isObject(doc.paths) || !isObject(doc.components)) {
      throw new DocumentError('not an OpenAPI 3.1 document with paths and components');
    }
    this.#doc = doc;
    this.version = String((doc.info as Json | undefined)?.version ?? '');
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, discriminator: true });
    addFormats(this.#ajv);
    this.#ajv.addSchema(withDiscriminators(doc), DOCUMENT_ID);
    this.names = this.#names();
    for (const [name, schema] of Object.entries(((doc.components as Json).schemas ?? {}) as Record<string, Json>)) {
      if (isObject(schema) && typeof schema.pattern === 'string') this.#patternNames.set(schema.pattern, name);
    }
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

  /** Reads and indexes a document file (once per file and version of it: compiled validators are kept). */
  static load(file: string | URL): ContractDocument {
    let stamp = '';
    try {
      const stat = statSync(file);
      stamp = `${String(file)}\u0000${stat.mtimeMs}\u0000${stat.size}`;
    } catch {
      // reported by the read below
    }
    const known = loaded.get(stamp);
    if (known) return known;
    const doc = ContractDocument.#read(file);
    if (stamp) loaded.set(stamp, doc);
    return doc;
  }

  static #read(file: string | URL): ContractDocument {
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
    return simplify(validate.errors ?? [], this.#patternNames);
  }

  /** Issues of an inline schema (path parameters). */
  checkInline(schema: unknown, value: unknown): Issue[] {
    if (isObject(schema) && typeof schema.$ref === 'string') return this.check(schema.$ref, value);
    const validate = this.#ajv.compile(schema as object);
    return validate(value) ? [] : simplify(validate.errors ?? [], this.#patternNames);
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

  #parts(media: unknown): DocumentedOperation['parts'] {
    if (!isObject(media)) return [];
    const schema = this.#resolve(media.schema);
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    const encoding = (isObject(media.encoding) ? media.encoding : {}) as Record<string, Json>;
    return Object.keys((schema.properties ?? {}) as Json).map((name) => ({
      name,
      required: required.includes(name),
      ...(typeof encoding[name]?.contentType === 'string' ? { contentType: encoding[name]!.contentType as string } : {}),
    }));
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
      parts: this.#parts(content['multipart/form-data']),
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
 * ajv's errors, made readable. Unions with a tag (`status`, `code`) are validated against the
 * branch their tag names only (see {@link withDiscriminators}), so their errors are that
 * branch's. What is left of a failed `oneOf`/`anyOf` is pruned by place: the summary error goes
 * when more precise errors exist at or below its place, and a type error ("must be null") goes
 * when errors below the same place show the value had the other branch's type; type errors at
 * one place are joined ("must be string or null"). A pattern is named after the schema it belongs
 * to instead of printed whole; a missing property is reported at its own pointer.
 */
export function simplify(errors: ErrorObject[], patternNames: ReadonlyMap<string, string> = new Map()): Issue[] {
  const under = (path: string, base: string) => path.startsWith(`${base}/`);
  let kept = errors.filter((error) => error.keyword !== 'if');
  kept = kept.filter(
    (error) =>
      !((error.keyword === 'oneOf' || error.keyword === 'anyOf') && kept.some((other) => other !== error && other.keyword !== 'oneOf' && other.keyword !== 'anyOf' && (other.instancePath === error.instancePath || under(other.instancePath, error.instancePath)))),
  );
  kept = kept.filter((error) => !(error.keyword === 'type' && kept.some((other) => under(other.instancePath, error.instancePath))));
  const issues: Issue[] = [];
  const types = new Map<string, Issue>();
  const seen = new Set<string>();
  for (const error of kept) {
    let pointer = error.instancePath;
    let message = error.message ?? error.keyword;
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'required') {
      pointer = `${pointer}/${String(params.missingProperty)}`;
      message = 'is required but missing';
    } else if (error.keyword === 'pattern') {
      const pattern = String(params.pattern);
      const owner = patternNames.get(pattern) ?? /#\/components\/schemas\/([^/]+)\/pattern$/.exec(error.schemaPath)?.[1];
      message = owner ? `must match the pattern of ${owner}` : `must match pattern ${shorten(pattern)}`;
    } else if (error.keyword === 'const') {
      message = `must be ${JSON.stringify(params.allowedValue)}`;
    } else if (error.keyword === 'enum') {
      message = `must be one of ${((params.allowedValues as unknown[] | undefined) ?? []).map((value) => JSON.stringify(value)).join(', ')}`;
    } else if (error.keyword === 'discriminator') {
      pointer = `${pointer}/${String(params.tag)}`;
      message = `is ${JSON.stringify(params.tagValue)}, not one of the values the document gives ${String(params.tag)}`;
    } else if (error.keyword === 'type') {
      const known = types.get(pointer);
      if (known) {
        known.message = `${known.message} or ${String(params.type)}`;
        continue;
      }
      const issue = { pointer, message: `must be ${String(params.type)}` };
      types.set(pointer, issue);
      issues.push(issue);
      continue;
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

/**
 * A copy of the document whose tagged unions say so: every `oneOf` whose branches each fix one
 * shared, required property with a `const` (`status` of the availabilities, `code` of the error
 * bodies) gets `discriminator: { propertyName }` (without `mapping`, which ajv does not take), so
 * ajv validates the branch the tag names and reports its errors only.
 */
function withDiscriminators(doc: Json): Json {
  const copy = structuredClone(doc);
  const resolve = (node: unknown): Json | undefined => {
    let current = node;
    for (let depth = 0; isObject(current) && typeof current.$ref === 'string' && depth < 10; depth++) {
      current = (current.$ref as string).startsWith('#/') ? (current.$ref as string).slice(2).split('/').reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), copy) : undefined;
    }
    return isObject(current) ? current : undefined;
  };
  const tagOf = (branches: unknown[]): string | undefined => {
    const resolved = branches.map(resolve);
    if (resolved.some((branch) => !branch || !isObject(branch.properties) || !Array.isArray(branch.required))) return undefined;
    const first = resolved[0]!;
    return Object.keys(first.properties as Json).find((name) =>
      resolved.every((branch) => (branch!.required as string[]).includes(name) && isObject((branch!.properties as Json)[name]) && 'const' in ((branch!.properties as Json)[name] as Json)),
    );
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (!isObject(node)) return;
    if (isObject(node.discriminator)) delete (node.discriminator as Json).mapping;
    if (Array.isArray(node.oneOf) && !isObject(node.discriminator)) {
      const tag = tagOf(node.oneOf);
      if (tag) node.discriminator = { propertyName: tag };
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(copy);
  return copy;
}
