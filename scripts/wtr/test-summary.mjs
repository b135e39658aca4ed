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

/** The runner's words for a file that ended without a result of its own (not a test that failed). */
const NO_RESULT = /browser disconnected|did not start after|page was reloaded/;

/**
 * The files to run once more, when every failure of a run is a file that ended without a result
 * (the browser disconnected, or its page did not start): a test that failed is never run again,
 * and more than three such files is no hiccup but a broken browser. Otherwise an empty list.
 * @param {{ file: string; name: string; error: string }[]} failures
 * @returns {string[]}
 */
export function filesWithoutResult(failures) {
  if (failures.length === 0 || failures.length > 3) return [];
  if (!failures.every((f) => f.name.startsWith('(') && NO_RESULT.test(f.error))) return [];
  return [...new Set(failures.map((f) => f.file))];
}
