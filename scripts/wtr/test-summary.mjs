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
