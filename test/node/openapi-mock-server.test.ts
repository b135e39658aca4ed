/**
 * A backend built from docs/openapi.json alone must never be refused by the adapter. Prism (an
 * OpenAPI mock server that knows nothing of this library) serves the document; for every
 * operation of the adapter and every status the document lists, its answers (the document's own
 * examples, and answers generated from the schemas, seeded) go through the adapter's response
 * check: each must become data, a BusinessError or an HttpError, never an InvalidResponseError.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { operations, type Operation, type OperationName } from '../../src/services/contract.js';
import { BusinessError, HttpError, InvalidResponseError } from '../../src/services/errors.js';
import { interpret } from '../../src/services/response-check.js';

type Json = Record<string, any>;

const root = new URL('../../', import.meta.url);
const docPath = fileURLToPath(new URL('docs/openapi.json', root));
const doc = JSON.parse(readFileSync(docPath, 'utf8')) as Json;
/** Generated answers per operation and status; with the seed, the same ones every run. */
const SAMPLES = 6;

let prism: ChildProcess;
let base: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `prism mock` on the document (dynamic: answers generated from the schemas). */
async function startPrism(port: number): Promise<ChildProcess> {
  const bin = fileURLToPath(new URL('node_modules/@stoplight/prism-cli/dist/index.js', root));
  const child = spawn(process.execPath, [bin, 'mock', '--dynamic', '--seed', 'ruankao', '-h', '127.0.0.1', '-p', String(port), docPath], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (/listening on/i.test(output)) return child;
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`prism did not start:\n${output}`);
}

/** The example of a named schema, for a request body Prism accepts. */
function exampleOf(ref: string): unknown {
  const name = ref.replace('#/components/schemas/', '');
  const examples = doc.components.schemas[name]?.examples as unknown[] | undefined;
  assert.ok(examples?.length, `${name} has no example to send`);
  return examples[0];
}

/** A request Prism takes as valid for the operation: path parameters, credentials, key, body. */
function requestFor(name: OperationName, operation: Operation, prefer: string): { url: string; init: RequestInit } {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, param: string) => String(doc.components.parameters[param]?.example ?? 'x'));
  const headers: Record<string, string> = { Accept: 'application/json', Prefer: prefer };
  if (operation.auth) headers.Authorization = 'Bearer conformance-token';
  if (operation.idempotent) headers['Idempotency-Key'] = '7d9f2c4e1a3b5c6d8e0f1a2b3c4d5e6f';
  let body: BodyInit | undefined;
  if (operation.request === 'multipart') {
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0xff, 0xd9])], { type: 'image/jpeg' }), 'photo.jpg');
    body = form;
  } else if (operation.request) {
    const entry = doc.paths[operation.path][operation.method.toLowerCase()];
    body = JSON.stringify(exampleOf(entry.requestBody.content['application/json'].schema.$ref));
    headers['Content-Type'] = 'application/json';
  }
  void name;
  return { url: base + path, init: { method: operation.method, headers, body } };
}

/** What the adapter makes of one answer: 'data', 'business', 'http', or the invalid response's issues. */
function verdict(name: OperationName, status: number, text: string): string {
  try {
    interpret(name, status, text, { baseUrl: 'https://exam.example.gov.cn/api' });
    return 'data';
  } catch (error) {
    if (error instanceof BusinessError) return 'business';
    if (error instanceof HttpError) return 'http';
    if (error instanceof InvalidResponseError) return `INVALID ${error.message}`;
    throw error;
  }
}

before(async () => {
  const port = await freePort();
  prism = await startPrism(port);
  base = `http://127.0.0.1:${port}`;
});

after(() => {
  prism?.kill();
});

describe('an OpenAPI mock server built from docs/openapi.json alone', () => {
  for (const [name, operation] of Object.entries(operations) as Array<[OperationName, Operation]>) {
    it(`${name}: every documented answer is one the adapter accepts`, async () => {
      const statuses = Object.keys(doc.paths[operation.path][operation.method.toLowerCase()].responses);
      const refused: string[] = [];
      const seen = new Set<string>();
      for (const status of statuses) {
        for (let sample = 0; sample <= SAMPLES; sample += 1) {
          // Sample 0: the document's own example; then generated ones.
          const prefer = `code=${status}, dynamic=${sample === 0 ? 'false' : 'true'}`;
          const { url, init } = requestFor(name, operation, prefer);
          const response = await fetch(url, init);
          const text = await response.text();
          assert.equal(String(response.status), status, `${name}: prism answered ${response.status} for ${prefer}: ${text.slice(0, 300)}`);
          const result = verdict(name, response.status, text);
          seen.add(result);
          if (result.startsWith('INVALID')) refused.push(`${status} (${prefer}): ${result}\n    body: ${text.slice(0, 400)}`);
          const expected = status === '200' ? 'data' : Number(status) >= 500 ? 'http' : 'business';
          if (!result.startsWith('INVALID')) assert.equal(result, expected, `${name} ${status}: ${text.slice(0, 300)}`);
        }
      }
      assert.deepEqual(refused, [], `the adapter refused answers the document allows:\n  ${refused.join('\n  ')}`);
      assert.ok(seen.has('data'), `${name}: no successful answer was checked`);
    });
  }
});
