/**
 * docs/openapi.json is the document generated from the contract (run `npm run openapi`).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildOpenApi } from '../../scripts/openapi-document.js';

const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

describe('the OpenAPI document', () => {
  it('docs/openapi.json is the document generated from the contract (run npm run openapi)', () => {
    const { version } = read('../../package.json');
    assert.deepEqual(read('../../docs/openapi.json'), JSON.parse(JSON.stringify(buildOpenApi(version))));
  });
});
