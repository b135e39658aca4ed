// The lines that name a run's failed tests and its slowest ones, for the runner's last words and
// for `npm test`'s summary after every engine (CI logs keep only their end).

/**
 * @param {{ failures: { file: string; name: string; error: string }[]; slowest: { file: string; name: string; ms: number }[] }} summary
 * @returns {string[]}
 */
export function summaryLines(summary) {
  const lines = [];
  for (const { file, name, error } of summary.failures) lines.push(`  FAILED ${file}: ${name}\n         ${error}`);
  if (summary.slowest.length) lines.push('  slowest:');
  for (const { file, name, ms } of summary.slowest) lines.push(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${file}: ${name}`);
  return lines;
}

/**
 * The runner's words for a file that ended without a result of its own (not a test that failed):
 * also the browser not loading its page at all (Firefox's navigation timed out once in CI, on a
 * file that passed in the run before).
 */
const NO_RESULT = /browser disconnected|did not start after|page was reloaded|Navigation timeout of \d+ ms exceeded/;

/**
 * The files to run once more, in a new browser, when a file ended without a result of its own (the
 * browser disconnected, or its page did not start: WebKit's page has hung so in CI, and the files
 * after it then failed too, their requests no longer seen): that file, and every file that failed
 * after it in the run's order (`order`: the files as they finished). A test that failed before the
 * browser went wrong is a result: then nothing runs again, and the run fails. Nor when more than
 * eight files failed (a broken browser, not a hiccup). Otherwise an empty list.
 * @param {{ file: string; name: string; error: string }[]} failures
 * @param {string[]} [order]
 * @returns {string[]}
 */
export function filesWithoutResult(failures, order = []) {
  const files = [...new Set(failures.map((f) => f.file))];
  if (files.length === 0 || files.length > 8) return [];
  const broken = failures.filter((f) => f.name.startsWith('(') && NO_RESULT.test(f.error)).map((f) => f.file);
  if (broken.length === 0) return [];
  const at = (file) => (order.includes(file) ? order.indexOf(file) : Infinity);
  const firstBroken = Math.min(...broken.map(at));
  // Without an order, only files that ended without a result may run again.
  const trusted = (file) => broken.includes(file) || (order.length > 0 && at(file) > firstBroken);
  return files.every(trusted) ? files : [];
}
