/**
 * Builds the OpenAPI 3.1 document of the REST contract from the operation tables
 * (`src/services/contract.ts`, `office-contract.ts`), the error codes (`error-codes.ts`), the zod
 * schemas and their words (`contract-docs.ts`: a description and examples for every schema and
 * field). Used by `npm run openapi` (writes docs/openapi.json) and by the contract test (which
 * fails when the checked-in document is stale).
 */
import * as z from 'zod/mini';
import {
  CSRF_HEADER,
  errorCodesOf,
  MAX_JSON_BODY_BYTES,
  MAX_PHOTO_BYTES,
  MAX_UPLOAD_BODY_BYTES,
  OFFICE_KEY_HEADER,
  operations,
  PHOTO_SIZE,
  SESSION_COOKIE,
  type Operation,
} from '../src/services/contract.js';
import * as errorCodes from '../src/services/error-codes.js';
import { ERROR_STATUS, errorBodyOf, type ErrorCode } from '../src/services/error-codes.js';
import * as officeSchemas from '../src/services/office-contract.js';
import { officeOperations } from '../src/services/office-contract.js';
import * as schemas from '../src/services/schemas.js';
import {
  API_DESCRIPTION,
  ERROR_DOCS,
  PARAMETER_DOCS,
  schemaDocs,
  TAG_DOCS,
  type SchemaDoc,
} from '../src/services/contract-docs.js';

type Json = Record<string, unknown>;

/** The component name of every error body: `Error_CAPTCHA_WRONG`. */
export const errorComponent = (code: ErrorCode) => `Error_${code}`;

/** Every named schema of the contract, by its exported name (and the error bodies by code). */
export function namedSchemas(): Map<z.ZodMiniType, string> {
  const names = new Map<z.ZodMiniType, string>();
  for (const module of [schemas, errorCodes, officeSchemas]) {
    for (const [name, value] of Object.entries(module)) {
      if (value && typeof value === 'object' && '_zod' in value && !names.has(value as z.ZodMiniType)) {
        names.set(value as z.ZodMiniType, name);
      }
    }
  }
  for (const code of Object.keys(ERROR_STATUS) as ErrorCode[]) names.set(errorBodyOf(code), errorComponent(code));
  return names;
}

/** The JSON Schema of every named schema, nested named ones as `$ref`s, with their descriptions and examples. */
function componentSchemas(names: Map<z.ZodMiniType, string>): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of names) registry.add(schema, { id });
  const { schemas: converted } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> };
  const components: Record<string, Json> = {};
  for (const [schema, id] of names) {
    const json = { ...converted[id] };
    delete json.$schema;
    delete json.$id;
    addDiscriminator(json);
    const doc = schemaDocs.get(schema);
    if (doc) applyDoc(json, doc);
    components[id] = json;
  }
  return Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * A `oneOf` whose branches each fix one property to a constant (the availability answers' `status`)
 * says so with a discriminator, so code generators make a tagged union of it.
 */
function addDiscriminator(json: Json): void {
  const branches = json.oneOf as Json[] | undefined;
  if (!branches?.length) return;
  const tags = Object.keys((branches[0]!.properties as Record<string, Json> | undefined) ?? {}).filter((key) =>
    branches.every((branch) => (branch.properties as Record<string, Json> | undefined)?.[key]?.const !== undefined && (branch.required as string[] | undefined)?.includes(key)),
  );
  if (tags.length === 1) json.discriminator = { propertyName: tags[0] };
}

/** Puts a schema's description and examples on it, and on each field its description and an example taken from the examples. */
function applyDoc(json: Json, doc: SchemaDoc): void {
  json.description = doc.description;
  json.examples = doc.examples;
  for (const [path, description] of Object.entries(doc.fields ?? {})) {
    for (const { node, values } of fieldNodes(json, path.split('.'), doc.examples)) {
      node.description = description;
      const example = values.find((value) => value !== undefined);
      if (example !== undefined) node.examples = [example];
    }
  }
}

/**
 * The property schemas at a dotted path (`user.id`, `subjects.name`: arrays are stepped through),
 * in every branch of a union, with the values the examples have there.
 */
function fieldNodes(json: Json, path: string[], examples: unknown[]): Array<{ node: Json; values: unknown[] }> {
  const found: Array<{ node: Json; values: unknown[] }> = [];
  const walk = (node: Json, rest: string[], values: unknown[]) => {
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
      for (const branch of (node[key] as Json[] | undefined) ?? []) walk(branch, rest, values.filter((value) => fitsBranch(branch, value)));
    }
    if (node.type === 'array' && node.items) {
      walk(node.items as Json, rest, values.flatMap((value) => (Array.isArray(value) ? value : [])));
      return;
    }
    if (rest.length === 0) return;
    const [head, ...tail] = rest as [string, ...string[]];
    const properties = node.properties as Record<string, Json> | undefined;
    const child = properties?.[head];
    if (!child) return;
    const childValues = values.map((value) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[head] : undefined));
    if (tail.length === 0) found.push({ node: child, values: childValues.flatMap((value) => (value === undefined ? [] : [value])) });
    else walk(child, tail, childValues);
  };
  walk(json, path, examples);
  return found;
}

/**
 * Whether an example value may be of a union branch: it has the value of every `const` property
 * of the branch (the discriminator: `status: 'not-yet'`), so a branch's fields get examples of
 * that branch only.
 */
function fitsBranch(branch: Json, value: unknown): boolean {
  const properties = (branch.properties ?? {}) as Record<string, Json>;
  return Object.entries(properties).every(
    ([key, property]) =>
      !('const' in property) || (value !== null && typeof value === 'object' && (value as Record<string, unknown>)[key] === property.const),
  );
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** The response of one error status: the bodies of the operation's codes with that status. */
function errorResponse(status: number, codes: ErrorCode[]): Json {
  const schema =
    codes.length === 1
      ? ref(errorComponent(codes[0]!))
      : {
          oneOf: codes.map((code) => ref(errorComponent(code))),
          discriminator: {
            propertyName: 'code',
            mapping: Object.fromEntries(codes.map((code) => [code, `#/components/schemas/${errorComponent(code)}`])),
          },
        };
  const response: Json = {
    description: codes.map((code) => `\`${code}\`: ${ERROR_DOCS[code].meaning} ${ERROR_DOCS[code].elements}`).join('\n\n'),
    content: { 'application/json': { schema, examples: Object.fromEntries(codes.map((code) => [code, { value: ERROR_DOCS[code].example }])) } },
  };
  if (status === 429) response.headers = { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } };
  if (status === 503) response.headers = { 'Retry-After': { $ref: '#/components/headers/RetryAfterOptional' } };
  return response;
}

function securityOf(operation: Operation): Json[] {
  if (operation.office) return [{ officeKey: [] }];
  if (operation.auth === 'required') return [{ bearer: [] }, { cookie: [] }];
  if (operation.auth === 'optional') return [{ bearer: [] }, { cookie: [] }, {}];
  return [];
}

function operationEntry(operationId: string, operation: Operation, names: Map<z.ZodMiniType, string>): Json {
  const named = (schema: z.ZodMiniType) => {
    const name = names.get(schema);
    if (!name) throw new Error(`${operationId}: every schema of the contract must be exported by name`);
    return ref(name);
  };
  const parameters: Json[] = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    $ref: `#/components/parameters/${name}`,
  }));
  if (operation.idempotent) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
  if (operation.auth && operation.method !== 'GET') parameters.push({ $ref: '#/components/parameters/CsrfToken' });

  const codes = errorCodesOf(operation);
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_STATUS[code], [...(byStatus.get(ERROR_STATUS[code]) ?? []), code]);
  const success: Json = {
    description: 'OK',
    content: { 'application/json': { schema: named(operation.response) } },
  };
  if (operation.startsSession) success.headers = { 'Set-Cookie': { $ref: '#/components/headers/SetSessionCookie' } };
  if (operation.endsSession) success.headers = { 'Set-Cookie': { $ref: '#/components/headers/ClearSessionCookie' } };
  const responses: Json = { '200': success };
  for (const [status, statusCodes] of [...byStatus].sort(([a], [b]) => a - b)) responses[String(status)] = errorResponse(status, statusCodes);

  const entry: Json = {
    operationId,
    summary: operation.summary,
    description: operationDescription(operation, codes),
    tags: [operation.tag],
    security: securityOf(operation),
    responses,
  };
  if (parameters.length > 0) entry.parameters = parameters;
  if (operation.request === 'multipart') {
    entry.requestBody = {
      required: true,
      description: `One part \`photo\`: the checked photo, a JPEG of ${PHOTO_SIZE.width}×${PHOTO_SIZE.height} px and at most ${MAX_PHOTO_BYTES / 1024} KB (about 10 KB in practice); the part's Content-Type is image/jpeg. The whole body is at most ${MAX_UPLOAD_BODY_BYTES / 1024} KB (413 PAYLOAD_TOO_LARGE past it). Another type, an empty file, a larger file or other dimensions answer PHOTO_REJECTED with details.reason; a body without the part answers VALIDATION with details.fields.photo.`,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['photo'],
            properties: {
              photo: {
                type: 'string',
                contentMediaType: 'image/jpeg',
                description: `The checked ${PHOTO_SIZE.width}×${PHOTO_SIZE.height} JPEG, at most ${MAX_PHOTO_BYTES} bytes.`,
                examples: ['(binary JPEG data)'],
              },
            },
          },
          encoding: { photo: { contentType: 'image/jpeg' } },
        },
      },
    };
  } else if (operation.request) {
    entry.requestBody = {
      required: true,
      description: `JSON (Content-Type: application/json), at most ${MAX_JSON_BODY_BYTES / 1024} KB.`,
      content: { 'application/json': { schema: named(operation.request) } },
    };
  }
  return entry;
}

/** What an operation's description says beyond its summary: auth, idempotency, and its codes. */
function operationDescription(operation: Operation, codes: ErrorCode[]): string {
  const lines: string[] = [];
  if (operation.office) lines.push(`Office API: needs the staff key in \`${OFFICE_KEY_HEADER}\`; a candidate's session never opens it (403 FORBIDDEN).`);
  if (operation.testOnly) lines.push('Test only: switched off in production, where it answers 404 NOT_FOUND.');
  if (operation.auth === 'required') lines.push('Needs a signed-in candidate: a bearer token or the session cookie (401 UNAUTHENTICATED otherwise).');
  if (operation.auth === 'optional') lines.push('Answers with or without a session.');
  if (operation.auth && operation.method !== 'GET') lines.push(`With the session cookie, needs \`${CSRF_HEADER}\` (403 CSRF_FAILED otherwise).`);
  if (operation.idempotent) lines.push('Idempotent: needs `Idempotency-Key`; see the description of the API for what a backend keeps and replays.');
  if (operation.startsSession) lines.push(`Starts a session: bearer mode answers \`token\`; cookie mode sets the \`${SESSION_COOKIE}\` cookie and answers \`csrfToken\`.`);
  if (operation.endsSession) lines.push(`Ends the session; in cookie mode clears the \`${SESSION_COOKIE}\` cookie.`);
  lines.push(`Codes: ${codes.map((code) => `${code} (${ERROR_STATUS[code]})`).join(', ')}.`);
  return lines.join('\n\n');
}

/** `version`: the package version, printed as the document's version. */
export function buildOpenApi(version: string): Json {
  const names = namedSchemas();
  const paths: Record<string, Record<string, Json>> = {};
  const all: Record<string, Operation> = { ...operations, ...officeOperations };
  for (const [operationId, operation] of Object.entries(all)) {
    paths[operation.path] ??= {};
    paths[operation.path]![operation.method.toLowerCase()] = operationEntry(operationId, operation, names);
  }
  const cookieAttributes = `HttpOnly; SameSite=Lax (SameSite=None when the site and the API are on different sites); Secure under https; Path=the API base path`;
  return {
    openapi: '3.1.0',
    info: { title: 'ruankao-elements REST contract', version, description: API_DESCRIPTION },
    servers: [{ url: '/api', description: 'The API base given to rk-provider (api-base)' }],
    tags: Object.entries(TAG_DOCS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: componentSchemas(names),
      parameters: PARAMETER_DOCS,
      headers: {
        RetryAfter: { required: true, description: 'Seconds to wait before trying again (the same number as details.retryAfterSeconds).', schema: { type: 'integer', minimum: 1 }, example: 60 },
        RetryAfterOptional: { required: false, description: 'Seconds to wait before trying again, where known.', schema: { type: 'integer', minimum: 1 }, example: 120 },
        SetSessionCookie: {
          required: false,
          description: `Cookie mode only: \`${SESSION_COOKIE}=<session id>; ${cookieAttributes}; Max-Age=<session lifetime>\`.`,
          schema: { type: 'string' },
          example: `${SESSION_COOKIE}=mock-3f9c2a1b7d4e5f60a1b2c3d4e5f60718; Path=/api; Max-Age=28800; HttpOnly; SameSite=Lax; Secure`,
        },
        ClearSessionCookie: {
          required: false,
          description: `Cookie mode only: clears the session cookie (\`${SESSION_COOKIE}=; Max-Age=0\` with the same Path).`,
          schema: { type: 'string' },
          example: `${SESSION_COOKIE}=; Path=/api; Max-Age=0; HttpOnly; SameSite=Lax; Secure`,
        },
      },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Bearer mode: the `token` of the login or registration answer, kept in memory by the client (a reload signs the candidate out).' },
        cookie: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: `Cookie mode: the httpOnly session cookie set at login or registration (${cookieAttributes}); POST and PUT also carry \`${CSRF_HEADER}\`. A reload keeps the candidate signed in.`,
        },
        officeKey: { type: 'apiKey', in: 'header', name: OFFICE_KEY_HEADER, description: 'The office API: a staff key given out of band. Never a candidate\'s session.' },
      },
    },
  };
}
