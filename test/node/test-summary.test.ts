/**
 * Which files `npm test` runs once more (scripts/wtr/test-summary.mjs): files that ended without
 * a result of their own, as the runner words them, and the files that failed after them, only
 * when no test failed before. The messages are the runner's own (@web/test-runner-core), as
 * WebKit's CI runs printed them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
// @ts-expect-error: a plain JavaScript module of the test scripts, without types
import { filesWithoutResult } from '../../scripts/wtr/test-summary.mjs';

const notStarted = {
  file: 'test/large-text.test.ts',
  name: '(the file did not load)',
  error:
    'Browser tests did not start after 60000ms You can increase this timeout with the testsStartTimeout option. | Tests were interrupted because the page was reloaded. This can happen when clicking a link, submitting a form or interacting with window.location.',
};
const disconnected = { file: 'test/photo-pipeline.test.ts', name: '(an error outside any test)', error: 'Tests were interrupted because the browser disconnected.' };
const failedTest = { file: 'test/portal-save-data.test.ts', name: 'rk-portal > otherwise, fetches the other views', error: "expected [ 'rk-realname' ] to include 'rk-score-query'" };

describe('the files npm test runs once more', () => {
  it('runs again files cut off by a disconnect or whose page did not start', () => {
    assert.deepEqual(filesWithoutResult([notStarted, disconnected]), ['test/large-text.test.ts', 'test/photo-pipeline.test.ts']);
    assert.deepEqual(filesWithoutResult([disconnected, disconnected]), ['test/photo-pipeline.test.ts']);
    // Firefox's page that never loaded (puppeteer's navigation timed out), as CI printed it.
    const notLoaded = { file: 'test/portal-save-data.test.ts', name: '(an error outside any test)', error: 'Navigation timeout of 30000 ms exceeded' };
    assert.deepEqual(filesWithoutResult([notLoaded]), ['test/portal-save-data.test.ts']);
  });

  it('runs nothing again when a test failed before the browser went wrong, or alone', () => {
    const order = ['test/large-text.test.ts', 'test/photo-pipeline.test.ts', 'test/portal-save-data.test.ts'];
    assert.deepEqual(filesWithoutResult([notStarted, disconnected, failedTest], [order[2]!, order[0]!, order[1]!]), []);
    assert.deepEqual(filesWithoutResult([failedTest], order), []);
    // Without the run's order, a failed test is never taken for one after the browser went wrong.
    assert.deepEqual(filesWithoutResult([notStarted, failedTest]), []);
  });

  it('runs again, with the file that ended without a result, the files that failed after it', () => {
    // As in a CI run: WebKit's page for exam-plan hung, and files after it no longer saw their requests.
    const order = ['test/a.test.ts', 'test/large-text.test.ts', 'test/b.test.ts', 'test/portal-save-data.test.ts'];
    assert.deepEqual(filesWithoutResult([notStarted, failedTest], order), ['test/large-text.test.ts', 'test/portal-save-data.test.ts']);
  });

  it('runs nothing again for an error outside any test that is not the browser going away', () => {
    assert.deepEqual(filesWithoutResult([{ file: 'test/a.test.ts', name: '(an error outside any test)', error: 'TypeError: x is undefined' }]), []);
    // A test whose own message mentions a disconnect is still a test that failed.
    assert.deepEqual(filesWithoutResult([{ file: 'test/a.test.ts', name: 'a > b', error: 'the browser disconnected from the mock' }]), []);
  });

  it('runs nothing again when more than eight files failed (a broken browser)', () => {
    const nine = 'abcdefghi'.split('').map((name) => ({ ...disconnected, file: `test/${name}.test.ts` }));
    assert.deepEqual(filesWithoutResult(nine), []);
    assert.deepEqual(filesWithoutResult(nine.slice(0, 8)).length, 8);
    assert.deepEqual(filesWithoutResult([]), []);
  });
});
