/**
 * docs/openapi.json is the document generated from the contract (run `npm run openapi`), and it is
 * a document a province can build against: valid OpenAPI 3.1 by an independent validator, a
 * description and an example on every schema, field, parameter and header, every example valid
 * by the zod schema it documents and by its JSON Schema (ajv, an independent validator), and
 * error responses whose codes and examples fit their status.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type * as z from 'zod/mini';
import { buildOpenApi, errorComponent, namedSchemas } from '../../scripts/openapi-document.js';
import { errorCodesOf, operations, type Operation } from '../../src/services/contract.js';
import { ERROR_CODES, ERROR_STATUS, type ErrorCode } from '../../src/services/error-codes.js';
import { officeOperations } from '../../src/services/office-contract.js';
import { schemaDocs } from '../../src/services/contract-docs.js';

type Json = Record<string, any>;

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const { version } = read('../../package.json');
/** The document as `npm run openapi` writes it (the first test holds the checked-in file to it). */
const doc: Json = JSON.parse(JSON.stringify(buildOpenApi(version)));
const schemas: Record<string, Json> = doc.components.schemas;

/** The zod schema of every component, by component name. */
const zodOf = new Map<string, z.ZodMiniType>([...namedSchemas()].map(([schema, name]) => [name, schema]));

/** `/a/b~c` → the JSON pointer's escaped, URI-encoded form, for a `$ref` into the document. */
const pointer = (parts: Array<string | number>) =>
  parts.map((part) => `/${encodeURIComponent(String(part).replace(/~/g, '~0').replace(/\//g, '~1'))}`).join('');

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc, 'openapi.json');

/** The JSON Schema at a pointer of the document, compiled by ajv with the whole document for its `$ref`s. */
function jsonSchemaAt(at: string) {
  const validate = ajv.getSchema(`openapi.json#${at}`);
  assert.ok(validate, `no schema at ${at}`);
  return validate;
}

/** Why `value` fails the JSON Schema at `at`, or '' when it passes. */
function jsonSchemaProblems(at: string, value: unknown): string {
  const validate = jsonSchemaAt(at);
  return validate(value) ? '' : ajv.errorsText(validate.errors, { dataVar: 'example' });
}

/** Why `value` fails every one of `candidates` (zod), or '' when one takes it. */
function zodProblems(candidates: z.ZodMiniType[], value: unknown): string {
  if (candidates.length === 0) return 'no zod schema found for it';
  const failures: string[] = [];
  for (const schema of candidates) {
    const result = schema.safeParse(value);
    if (result.success) return '';
    failures.push(result.error.issues.map((issue) => `${issue.path.join('.') || '(value)'}: ${issue.message}`).join('; '));
  }
  return failures.join(' | ');
}

type ZodDef = { type: string; [key: string]: any };
const defOf = (schema: z.ZodMiniType) => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

/** The schemas a value of `schema` may be checked by, wrappers, unions and arrays stepped through. */
function expand(schema: z.ZodMiniType): z.ZodMiniType[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return expand(def.innerType);
    case 'pipe':
      return expand(def.in);
    case 'lazy':
      return expand(def.getter());
    case 'union':
      return (def.options as z.ZodMiniType[]).flatMap(expand);
    case 'array':
      return expand(def.element);
    default:
      return [schema];
  }
}

/** The zod schemas of property `key` of any object among `candidates`. */
const zodProperty = (candidates: z.ZodMiniType[], key: string) =>
  candidates.flatMap(expand).flatMap((schema) => {
    const def = defOf(schema);
    return def.type === 'object' && key in def.shape ? [def.shape[key] as z.ZodMiniType] : [];
  });

/** The zod schemas of the values of any record among `candidates`. */
const zodRecordValues = (candidates: z.ZodMiniType[]) =>
  candidates.flatMap(expand).flatMap((schema) => {
    const def = defOf(schema);
    return def.type === 'record' ? [def.valueType as z.ZodMiniType] : [];
  });

interface PropertyNode {
  /** `Component.path.to.field`, for messages. */
  where: string;
  /** JSON pointer of the property's schema in the document. */
  at: string;
  node: Json;
  /** The zod schemas the property's values are checked by. */
  zod: z.ZodMiniType[];
}

/**
 * Every property at every depth of the inline structure of every component: through properties,
 * array items, oneOf/anyOf/allOf branches and additionalProperties (not through `$ref`s).
 */
function propertyNodes(): PropertyNode[] {
  const found: PropertyNode[] = [];
  const walk = (node: Json, at: Array<string | number>, where: string, zod: z.ZodMiniType[]) => {
    if (!node || typeof node !== 'object' || '$ref' in node) return;
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
      (node[key] as Json[] | undefined)?.forEach((branch, index) => walk(branch, [...at, key, index], where, zod));
    }
    if (node.items && typeof node.items === 'object') walk(node.items, [...at, 'items'], where, zod);
    if (node.additionalProperties && typeof node.additionalProperties === 'object') {
      walk(node.additionalProperties, [...at, 'additionalProperties'], `${where}.*`, zodRecordValues(zod));
    }
    for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Json>)) {
      const childAt = [...at, 'properties', key];
      const childZod = zodProperty(zod, key);
      found.push({ where: `${where}.${key}`, at: pointer(childAt), node: child, zod: childZod });
      walk(child, childAt, `${where}.${key}`, childZod);
    }
  };
  for (const [name, schema] of Object.entries(schemas)) {
    const zod = zodOf.get(name);
    walk(schema, ['components', 'schemas', name], name, zod ? [zod] : []);
  }
  return found;
}

const allOperations: Record<string, Operation> = { ...operations, ...officeOperations };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Every operation of the document with its path and method. */
function documentOperations(): Array<{ path: string; method: string; operation: Json }> {
  return Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method] as Json })),
  );
}

/** Follows a local `$ref` (`#/components/parameters/orderId`). */
function resolve(value: Json): Json {
  if (typeof value?.$ref !== 'string') return value;
  const target = (value.$ref as string)
    .replace(/^#\//, '')
    .split('/')
    .reduce<Json | undefined>((node, part) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
  assert.ok(target, `${value.$ref} does not resolve`);
  return resolve(target);
}

/** Whether a dotted field path (`user.id`, `subjects.name`) names a property of a schema, through items and branches. */
function hasField(node: Json, path: string[]): boolean {
  if (!node || typeof node !== 'object') return false;
  if ((['oneOf', 'anyOf', 'allOf'] as const).some((key) => ((node[key] ?? []) as Json[]).some((branch) => hasField(branch, path)))) return true;
  if (node.items && hasField(node.items, path)) return true;
  const [head, ...rest] = path;
  const child = (node.properties as Record<string, Json> | undefined)?.[head!];
  return child !== undefined && (rest.length === 0 || hasField(child, rest));
}

const hasText = (value: unknown) => typeof value === 'string' && value.trim().length > 0;
const hasExamples = (node: Json) => (Array.isArray(node.examples) && node.examples.length > 0) || node.example !== undefined;

describe('the OpenAPI document', () => {
  it('docs/openapi.json is the document generated from the contract (run npm run openapi)', () => {
    assert.deepEqual(read('../../docs/openapi.json'), doc);
  });

  it('is valid OpenAPI 3.1 by an independent validator (@seriousme/openapi-schema-validator)', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
    assert.equal(validator.version, '3.1');
  });

  it('every component schema has a description and examples, and so has every property at every depth', () => {
    const problems: string[] = [];
    for (const [name, schema] of Object.entries(schemas)) {
      if (!hasText(schema.description)) problems.push(`${name}: no description`);
      if (!Array.isArray(schema.examples) || schema.examples.length === 0) problems.push(`${name}: no examples`);
    }
    for (const { where, at, node } of propertyNodes()) {
      if (!hasText(node.description)) problems.push(`${where} (${at}): no description`);
      if (!Array.isArray(node.examples) || node.examples.length === 0) problems.push(`${where} (${at}): no example`);
    }
    assert.deepEqual(problems, []);
  });

  it('every documented schema is a component and every field it describes is one of its properties', () => {
    const names = namedSchemas();
    const problems: string[] = [];
    for (const [schema, words] of schemaDocs) {
      const name = names.get(schema);
      if (!name || !schemas[name]) {
        problems.push(`a schema documented as "${words.description.slice(0, 40)}…" is not a component`);
        continue;
      }
      for (const path of Object.keys(words.fields ?? {})) {
        if (!hasField(schemas[name], path.split('.'))) problems.push(`${name}: no field ${path}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('every example of every schema and property passes the zod schema and its JSON Schema (ajv)', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const [name, schema] of Object.entries(schemas)) {
      const zod = zodOf.get(name);
      if (!zod) problems.push(`${name}: no zod schema of this name`);
      (schema.examples as unknown[] | undefined)?.forEach((example, index) => {
        checked += 1;
        const byZod = zod ? zodProblems([zod], example) : '';
        if (byZod) problems.push(`${name} example ${index}: zod: ${byZod}`);
        const byJsonSchema = jsonSchemaProblems(pointer(['components', 'schemas', name]), example);
        if (byJsonSchema) problems.push(`${name} example ${index}: JSON Schema: ${byJsonSchema}`);
      });
    }
    for (const { where, at, node, zod } of propertyNodes()) {
      (node.examples as unknown[] | undefined)?.forEach((example, index) => {
        checked += 1;
        const byZod = zodProblems(zod, example);
        if (byZod) problems.push(`${where} (${at}) example ${index}: zod: ${byZod}`);
        const byJsonSchema = jsonSchemaProblems(at, example);
        if (byJsonSchema) problems.push(`${where} (${at}) example ${index}: JSON Schema: ${byJsonSchema}`);
      });
    }
    assert.deepEqual(problems, []);
    assert.ok(checked > 500, `only ${checked} examples checked`);
  });

  it('every operation, response, parameter and header is described, with an example where it carries a value', () => {
    const problems: string[] = [];
    const operationIds = new Set<string>();
    for (const { path, method, operation } of documentOperations()) {
      const where = `${method.toUpperCase()} ${path}`;
      for (const field of ['operationId', 'summary', 'description'] as const) {
        if (!hasText(operation[field])) problems.push(`${where}: no ${field}`);
      }
      if (operationIds.has(operation.operationId)) problems.push(`${where}: operationId ${operation.operationId} used twice`);
      operationIds.add(operation.operationId);
      for (const [status, response] of Object.entries(operation.responses as Record<string, Json>)) {
        const resolved = resolve(response);
        if (!hasText(resolved.description)) problems.push(`${where} ${status}: no description`);
        for (const [name, header] of Object.entries((resolved.headers ?? {}) as Record<string, Json>)) {
          const value = resolve(header);
          if (!hasText(value.description)) problems.push(`${where} ${status} header ${name}: no description`);
          if (!hasExamples(value)) problems.push(`${where} ${status} header ${name}: no example`);
        }
      }
      for (const parameter of (operation.parameters ?? []) as Json[]) {
        const value = resolve(parameter);
        if (!hasText(value.description)) problems.push(`${where} parameter ${value.name}: no description`);
        if (!hasExamples(value)) problems.push(`${where} parameter ${value.name}: no example`);
      }
      if (operation.requestBody && !hasText(resolve(operation.requestBody).description)) problems.push(`${where}: request body without description`);
    }
    for (const [kind, entries] of [
      ['parameter', doc.components.parameters],
      ['header', doc.components.headers],
    ] as const) {
      for (const [name, value] of Object.entries(entries as Record<string, Json>)) {
        if (!hasText(value.description)) problems.push(`${kind} ${name}: no description`);
        if (!hasExamples(value)) problems.push(`${kind} ${name}: no example`);
        else {
          const byJsonSchema = jsonSchemaProblems(pointer(['components', `${kind}s`, name, 'schema']), value.example ?? value.examples[0]);
          if (byJsonSchema) problems.push(`${kind} ${name}: example: ${byJsonSchema}`);
        }
      }
    }
    for (const [name, scheme] of Object.entries(doc.components.securitySchemes as Record<string, Json>)) {
      if (!hasText(scheme.description)) problems.push(`security scheme ${name}: no description`);
    }
    assert.deepEqual(problems, []);
    assert.deepEqual([...operationIds].sort(), Object.keys(allOperations).sort());
  });

  it("every error response lists codes of its status, the operation's codes of that status, and examples of its schema", () => {
    const problems: string[] = [];
    for (const { path, method, operation } of documentOperations()) {
      const where = `${method.toUpperCase()} ${path}`;
      const contract = allOperations[operation.operationId];
      if (!contract) {
        problems.push(`${where}: ${operation.operationId} is not an operation of the contract`);
        continue;
      }
      const expected = new Map<string, ErrorCode[]>();
      for (const code of errorCodesOf(contract)) expected.set(String(ERROR_STATUS[code]), [...(expected.get(String(ERROR_STATUS[code])) ?? []), code]);
      const statuses = Object.keys(operation.responses).filter((status) => status !== '200');
      if (JSON.stringify([...statuses].sort()) !== JSON.stringify([...expected.keys()].sort())) {
        problems.push(`${where}: error statuses ${statuses.join(', ')}, the contract's ${[...expected.keys()].join(', ')}`);
      }
      for (const status of statuses) {
        const content = (operation.responses[status] as Json).content?.['application/json'];
        if (!content?.schema) {
          problems.push(`${where} ${status}: no JSON body`);
          continue;
        }
        const refs: string[] = content.schema.$ref ? [content.schema.$ref] : ((content.schema.oneOf ?? []) as Json[]).map((branch) => branch.$ref);
        const codes = refs.map((ref) => String(ref).replace('#/components/schemas/Error_', '') as ErrorCode);
        for (const code of codes) {
          if (!ERROR_CODES.includes(code)) problems.push(`${where} ${status}: ${code} is not a code of the contract`);
          else if (String(ERROR_STATUS[code]) !== status) problems.push(`${where} ${status}: ${code} is answered with ${ERROR_STATUS[code]}`);
          if (!schemas[errorComponent(code)]) problems.push(`${where} ${status}: no component ${errorComponent(code)}`);
        }
        const wanted = expected.get(status) ?? [];
        if (JSON.stringify([...codes].sort()) !== JSON.stringify([...wanted].sort())) {
          problems.push(`${where} ${status}: codes ${codes.join(', ')}, the contract's ${wanted.join(', ')}`);
        }
        const examples = Object.entries((content.examples ?? {}) as Record<string, Json>);
        if (examples.length === 0) problems.push(`${where} ${status}: no examples`);
        const schemaAt = pointer(['paths', path, method, 'responses', status, 'content', 'application/json', 'schema']);
        for (const [name, example] of examples) {
          const value = resolve(example).value as Json;
          if (!codes.includes(value?.code)) problems.push(`${where} ${status}: example ${name} has code ${value?.code}, not one of ${codes.join(', ')}`);
          const byJsonSchema = jsonSchemaProblems(schemaAt, value);
          if (byJsonSchema) problems.push(`${where} ${status}: example ${name}: ${byJsonSchema}`);
        }
        for (const code of codes) {
          if (!examples.some(([, example]) => resolve(example).value?.code === code)) problems.push(`${where} ${status}: no example of ${code}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
});
