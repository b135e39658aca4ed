// Fails when an element is not wired up everywhere a user needs it: each
// src/components/<folder>/rk-<name>.ts must have an `exports` entry in package.json, be exported
// from src/index.ts (so the CDN file registers it), carry `@tagname` and `@summary` (for the
// custom elements manifest and Storybook docs), and have a story and a test.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json'));
const index = read('src/index.ts');
const problems = [];
const components = new URL('../src/components/', import.meta.url);
for (const folder of readdirSync(components, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'base')) {
  for (const file of readdirSync(new URL(`${folder.name}/`, components)).filter((name) => /^rk-[a-z-]+\.ts$/.test(name))) {
    const tag = file.replace(/\.ts$/, '');
    const source = read(`src/components/${folder.name}/${file}`);
    const entry = pkg.exports[`./${tag}`];
    if (!entry || entry.import !== `./dist/${tag}.js` || entry.types !== `./dist/types/components/${folder.name}/${tag}.d.ts`) {
      problems.push(`package.json exports lacks "./${tag}" → ./dist/${tag}.js`);
    }
    if (!index.includes(`./components/${folder.name}/${tag}.js`)) problems.push(`src/index.ts does not export ${tag}`);
    if (!source.includes(`@tagname ${tag}`)) problems.push(`${file}: JSDoc lacks @tagname ${tag}`);
    if (!source.includes('@summary')) problems.push(`${file}: JSDoc lacks @summary`);
    if (!source.includes(`define('${tag}'`)) problems.push(`${file}: not registered with define('${tag}', …)`);
    if (!existsSync(new URL(`../stories/${folder.name}.stories.ts`, import.meta.url))) problems.push(`stories/${folder.name}.stories.ts missing`);
    if (!existsSync(new URL(`../test/${folder.name}.test.ts`, import.meta.url))) problems.push(`test/${folder.name}.test.ts missing`);
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('every element is exported, registered, documented, storied and tested');
