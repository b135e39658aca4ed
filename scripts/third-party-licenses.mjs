/**
 * A Vite plugin that writes THIRD-PARTY-LICENSES.md beside a self-contained build: the name,
 * version, licence and licence text of every package bundled into its files (Lit and zod, and
 * those of the on-demand chunks), whose licence comments the minifier removes. Vite's own
 * `build.license` does the same but misses licence files not named LICENSE* or COPYING*
 * (jsbarcode's is MIT-LICENSE.txt). Used by vite.config.ts; tested by test/cdn-build.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const LICENSES_FILE = 'THIRD-PARTY-LICENSES.md';

/** The package a bundled module belongs to: the nearest package.json with a name, inside node_modules. */
function packageOf(moduleId, cache) {
  if (!moduleId.includes('/node_modules/')) return undefined;
  for (let dir = dirname(moduleId); dir.includes('/node_modules/'); dir = dirname(dir)) {
    if (cache.has(dir)) return cache.get(dir);
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const data = JSON.parse(readFileSync(file, 'utf8'));
    // Some packages have package.json files in subfolders (module type, exports) without a name.
    if (!data.name) continue;
    const found = { dir, name: data.name, version: data.version ?? '', license: typeof data.license === 'string' ? data.license : '' };
    cache.set(dir, found);
    return found;
  }
  return undefined;
}

function licenceText(dir) {
  const file = readdirSync(dir).find((name) => /^(.*[-_.])?(licen[cs]e|copying)([-_.].*)?$/i.test(name));
  return file ? readFileSync(join(dir, file), 'utf8').trim() : '';
}

export function thirdPartyLicenses() {
  return {
    name: 'ruankao:third-party-licenses',
    generateBundle(_options, bundle) {
      const cache = new Map();
      const packages = new Map();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of output.moduleIds) {
          const found = packageOf(id, cache);
          if (found) packages.set(`${found.name}@${found.version}`, found);
        }
      }
      const sections = [...packages.values()]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((found) => {
          const text = licenceText(found.dir);
          if (!text) this.error(`${found.name} is bundled but has no licence file to copy into ${LICENSES_FILE}`);
          return `## ${found.name} ${found.version}${found.license ? ` (${found.license})` : ''}\n\n${text}\n`;
        });
      this.emitFile({
        type: 'asset',
        fileName: LICENSES_FILE,
        source:
          '# Third-party licences\n\nThe files in this folder include the following packages (minified, so without their licence\ncomments). Copy this file with them.\n\n' +
          sections.join('\n'),
      });
    },
  };
}
