/** The README's table of error codes is the one the contract gives (run `npm run openapi`). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { withErrorTable } from '../../scripts/error-table.js';

it("README.md's error table is the contract's (run npm run openapi)", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  assert.equal(readme, withErrorTable(readme));
});
