/**
 * Builds the OpenAPI 3.1 document of the REST contract from `src/services/contract.ts` and the
 * zod schemas. Used by `npm run openapi` (writes docs/openapi.json) and by the contract test
 * (which fails when the checked-in document is stale).
 */
import * as z from 'zod/mini';
import { operations } from '../src/services/contract.js';
import * as schemas from '../src/services/schemas.js';

type Json = Record<string, unknown>;

/** The exported name of every schema in schemas.ts, to reference it as a component. */
function schemaNames(): Map<unknown, string> {
  const names = new Map<unknown, string>();
  for (const [name, value] of Object.entries(schemas)) {
    if (value && typeof value === 'object' && '_zod' in value && !names.has(value)) names.set(value, name);
  }
  return names;
}

function toSchema(schema: z.ZodMiniType, io: 'input' | 'output'): Json {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
  delete json.$schema;
  return json;
}

/** `version`: the package version, printed as the document's version. */
export function buildOpenApi(version: string): Json {
  const names = schemaNames();
  const components: Record<string, Json> = {};
  const ref = (schema: z.ZodMiniType, io: 'input' | 'output') => {
    const name = names.get(schema);
    if (!name) throw new Error('every schema of the contract must be exported from schemas.ts');
    components[name] ??= toSchema(schema, io);
    return { $ref: `#/components/schemas/${name}` };
  };
  const errorResponse = (description: string) => ({
    description,
    content: { 'application/json': { schema: ref(schemas.ErrorBody, 'input') } },
  });

  const paths: Record<string, Record<string, Json>> = {};
  for (const [operationId, operation] of Object.entries(operations)) {
    const parameters: Json[] = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if ('idempotent' in operation && operation.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        description: 'The same key on a retry returns what the first request created; never a second one.',
        schema: { type: 'string', minLength: 8, maxLength: 128 },
      });
    }
    const entry: Json = {
      operationId,
      summary: operation.summary,
      tags: [operation.tag],
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: ref(operation.response, 'input') } } },
        ...('auth' in operation && operation.auth ? { '401': errorResponse('Not signed in (code UNAUTHENTICATED)') } : {}),
        '4XX': errorResponse('Refused by a business rule: `code` says which (see ErrorBody)'),
        '5XX': { description: 'Server failure; the client shows a retry' },
      },
      security: 'auth' in operation && operation.auth ? [{ bearer: [] }, { cookie: [] }] : [],
    };
    if (parameters.length > 0) entry.parameters = parameters;
    if ('request' in operation && operation.request === 'multipart') {
      entry.requestBody = {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['photo'],
              properties: { photo: { type: 'string', contentMediaType: 'image/jpeg', description: 'The checked 295×413 JPEG' } },
            },
          },
        },
      };
    } else if ('request' in operation && operation.request) {
      entry.requestBody = {
        required: true,
        content: { 'application/json': { schema: ref(operation.request, 'input') } },
      };
    }
    paths[operation.path] ??= {};
    paths[operation.path][operation.method.toLowerCase()] = entry;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'ruankao-elements REST contract',
      version,
      description:
        'What HttpBackend sends and the MSW exam office answers. Generated from src/services/contract.ts and the zod schemas by `npm run openapi`; do not edit by hand. Amounts are in fen; times are ISO 8601 with offset. Business errors answer 4xx with an ErrorBody.',
    },
    servers: [{ url: '/api', description: 'The API base given to rk-provider (api-base)' }],
    tags: [
      { name: 'account', description: '账号、登录、实名认证' },
      { name: 'exam', description: '考试轮次、考生须知、考试计划' },
      { name: 'application', description: '报名、照片、变更' },
      { name: 'payment', description: '网上缴费' },
      { name: 'papers', description: '报名表、准考证、考试安排、成绩、证书' },
    ],
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'Token from login/register, kept in memory by the client' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'session', description: 'Or an httpOnly session cookie set by the backend' },
      },
    },
  };
}
