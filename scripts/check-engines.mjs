// Fails when any installed package declares an `engines.node` range that excludes the oldest
// Node the project supports (package.json engines), so a newer major that drops Node 20 is caught.
import { readFileSync } from 'node:fs';
import semver from 'semver';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const lock = JSON.parse(readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8'));
const oldest = semver.minVersion(pkg.engines.node).version;
const bad = [];
for (const [path, entry] of Object.entries(lock.packages)) {
  const range = entry.engines?.node ?? (typeof entry.engines === 'string' ? entry.engines : undefined);
  if (!path || !range || entry.optional) continue;
  if (!semver.satisfies(oldest, range, { includePrerelease: true })) {
    bad.push(`${path.replace(/^.*node_modules\//, '')}@${entry.version} needs node ${range}`);
  }
}
if (bad.length > 0) {
  console.error(`Packages that do not run on Node ${oldest}:\n  ${bad.join('\n  ')}`);
  process.exit(1);
}
console.log(`every installed package accepts Node ${oldest} (running on ${process.version})`);
