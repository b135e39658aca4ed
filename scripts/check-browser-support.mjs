// Fails when the README's browser support table and the build target (scripts/browser-support.mjs,
// used by vite.config.ts) say different oldest versions.
import { readFileSync } from 'node:fs';
import { targetVersions } from './browser-support.mjs';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const section = /^## Browser support\n([^]*?)^## /m.exec(readme)?.[1];
if (!section) {
  console.error('README.md has no "## Browser support" section');
  process.exit(1);
}
const names = { chrome: 'Chrome', edge: 'Edge', firefox: 'Firefox', safari: 'Safari', ios: 'iOS' };
const versions = targetVersions();
const wrong = [];
for (const [engine, version] of Object.entries(versions)) {
  const said = [...section.matchAll(new RegExp(`\\b${names[engine]} (\\d+(?:\\.\\d+)?)`, 'g'))].map((m) => m[1]);
  if (said.length === 0) wrong.push(`${names[engine]}: the table names no version (the build targets ${version})`);
  for (const other of new Set(said)) if (other !== version) wrong.push(`${names[engine]}: the table says ${other}, the build targets ${version}`);
}
if (wrong.length > 0) {
  console.error(`README's browser support table and the build target differ:\n  ${wrong.join('\n  ')}`);
  process.exit(1);
}
console.log(`README's browser support table matches the build target: ${Object.entries(versions).map(([e, v]) => `${names[e]} ${v}`).join(', ')}`);
