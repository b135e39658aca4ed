// Fails when an element is not wired up everywhere a user needs it: each
// src/components/<folder>/rk-<name>.ts must have an `exports` entry in package.json, be exported
// from src/index.ts (so the CDN file registers it), carry `@tagname` and `@summary` (for the
// custom elements manifest and Storybook docs), have a story and a test, and register with
// `define()` the zh-CN messages (src/services/i18n/parts/) that its files and the shared views
// they import show (an element alone on a page has only the core's and its own).
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json'));
const index = read('src/index.ts');
const problems = [];

/** Message key → the `parts/` catalog that holds it (core keys are not listed: always there). */
const partOfKey = new Map();
const partOfPrefix = new Map();
for (const file of readdirSync(new URL('../src/services/i18n/parts/', import.meta.url)).filter((name) => /^[a-z]+\.ts$/.test(name))) {
  const part = file.replace(/\.ts$/, '');
  for (const [, key] of read(`src/services/i18n/parts/${file}`).matchAll(/^ {2}'([\w.-]+)':/gm)) {
    partOfKey.set(key, part);
    partOfPrefix.set(key.split('.')[0], part);
  }
}
/** Parts a service registers itself (validation.ts: the `v.*` messages come with the checks). */
const serviceParts = new Set(
  [...read('src/services/validation.ts').matchAll(/registerMessages\((\w+)ZhCN\)/g)].map((match) => match[1]),
);

/** The parts whose messages `files` show: quoted keys, and templates such as `form.level.${id}`. */
function partsShown(files) {
  const parts = new Set();
  for (const text of files) {
    for (const [, key] of text.matchAll(/'([\w-]+\.[\w.-]+)'/g)) if (partOfKey.has(key)) parts.add(partOfKey.get(key));
    for (const [, prefix] of text.matchAll(/`([\w-]+)\.[\w.-]*\$\{/g)) if (partOfPrefix.has(prefix)) parts.add(partOfPrefix.get(prefix));
  }
  return parts;
}
const loaders = read('src/components/element-loaders.ts');
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
    if (!loaders.includes(`'${tag}': new OnDemand(() => import('./${folder.name}/${tag}.js'))`)) problems.push(`src/components/element-loaders.ts does not load ${tag} (the autoloader and rk-portal use it)`);
    if (!source.includes(`@tagname ${tag}`)) problems.push(`${file}: JSDoc lacks @tagname ${tag}`);
    if (!source.includes('@summary')) problems.push(`${file}: JSDoc lacks @summary`);
    if (!source.includes(`define('${tag}'`)) problems.push(`${file}: not registered with define('${tag}', …)`);
    const own = readdirSync(new URL(`${folder.name}/`, components)).filter((name) => name.endsWith('.ts')).map((name) => read(`src/components/${folder.name}/${name}`));
    const shared = [...new Set(own.flatMap((text) => [...text.matchAll(/from '\.\.\/base\/([\w-]+)\.js'/g)].map((match) => match[1])))];
    const registered = /define\('[\w-]+', \w+((?:, \w+ZhCN)*)\)/.exec(source)?.[1] ?? '';
    for (const part of partsShown([...own, ...shared.map((name) => read(`src/components/base/${name}.ts`))])) {
      if (!serviceParts.has(part) && !registered.includes(` ${part}ZhCN`)) problems.push(`${file}: shows messages of parts/${part}.ts but its define() does not register ${part}ZhCN`);
    }
    if (!existsSync(new URL(`../stories/${folder.name}.stories.ts`, import.meta.url))) problems.push(`stories/${folder.name}.stories.ts missing`);
    if (!existsSync(new URL(`../test/${folder.name}.test.ts`, import.meta.url))) problems.push(`test/${folder.name}.test.ts missing`);
  }
}
if (problems.length > 0) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('every element is exported, autoloaded, registered with its messages, documented, storied and tested');
