// Sizes of what a page downloads, min+gzip and min+brotli (level 11), measured on fresh builds:
// - the self-contained CDN file (every element, Lit and zod) and what it loads on demand;
// - each element's entry built alone with everything it imports statically (Lit included);
// - what each dependency and each part of the library contributes to the CDN file (from its
//   source map: the minified bytes each source produced, gzipped on their own).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';
import { build } from 'vite';
import { BROWSER_TARGET } from '../browser-support.mjs';
import { elementsCodeSplitting } from '../cdn-elements-chunks.mjs';
import { inlineOwnLazyImports } from '../inline-own-lazy-imports.mjs';
import { minifyCssLiterals } from '../minify-css-literals.mjs';

const root = resolve(import.meta.dirname, '../..');

export const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
export const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const sized = (bytes) => ({ min: bytes.length, gzip: gzip(bytes), brotli: brotli(bytes) });

/** `src/components/<folder>/rk-*.ts` → tag. */
export function elementEntries() {
  const entries = {};
  for (const folder of readdirSync(join(root, 'src/components'), { withFileTypes: true })) {
    if (!folder.isDirectory() || folder.name === 'base') continue;
    for (const file of readdirSync(join(root, 'src/components', folder.name))) {
      const match = /^(rk-[a-z-]+)\.ts$/.exec(file);
      if (match) entries[match[1]] = join(root, 'src/components', folder.name, file);
    }
  }
  return entries;
}

/** Builds `entry` (a path, or name → path) minified with every dependency bundled; returns its output chunks. */
async function bundle(entry, outDir, plugins = [], codeSplitting = undefined) {
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    // As vite.config.ts's builds: Lit's css literals without comments and layout white space.
    plugins: [...plugins, minifyCssLiterals()],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      write: false,
      minify: true,
      sourcemap: true,
      target: BROWSER_TARGET, // as vite.config.ts's builds
      lib: { entry, formats: ['es'] },
      // As vite.config.ts's CDN builds: fully minified (library mode alone keeps white space).
      rolldownOptions: { output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', minify: true, ...(codeSplitting ? { codeSplitting } : {}) } },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result).output;
  return output.filter((item) => item.type === 'chunk');
}

/** The entry chunks (all, or those named) and what they import statically: what loads before they can render. */
function eager(chunks, entryNames) {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set();
  const visit = (chunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const name of chunk.imports) if (byName.has(name)) visit(byName.get(name));
  };
  for (const chunk of chunks) if (chunk.isEntry && (!entryNames || entryNames.includes(chunk.name))) visit(chunk);
  return chunks.filter((chunk) => seen.has(chunk.fileName));
}

/**
 * What a page downloads through dist/cdn/elements/ (`vite build --mode cdn-elements`, one file
 * per element and shared chunks) when it embeds rk-provider and one element: the files before
 * first paint, each gzipped on its own as a server sends them.
 */
async function measurePages(scratch) {
  const chunks = await bundle(elementEntries(), join(scratch, 'elements'), [], elementsCodeSplitting);
  return Object.keys(elementEntries())
    .filter((tag) => tag !== 'rk-provider')
    .sort()
    .map((tag) => {
      const files = eager(chunks, ['rk-provider', tag]);
      return { tag, files: files.length, gzip: files.reduce((sum, chunk) => sum + gzip(Buffer.from(chunk.code)), 0) };
    });
}

/** Which package or library part a source belongs to. */
function ownerOf(source) {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (inModules) return inModules[1];
  const inSrc = /src\/((?:components|services|controllers|mocks)\/[^/]+|[^/]+)/.exec(source);
  return inSrc ? `library: ${inSrc[1].replace(/\.ts$/, '')}` : source;
}

/** The minified code each owner produced in `code`, by its source map, gzipped on its own. */
function contributions(code, map) {
  const consumer = new SourceMapConsumer(map);
  const lines = code.split('\n');
  const pieces = new Map();
  const mappings = [];
  consumer.eachMapping((mapping) => mappings.push(mapping));
  mappings.sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  mappings.forEach((mapping, index) => {
    if (!mapping.source) return;
    const next = mappings[index + 1];
    const line = lines[mapping.generatedLine - 1] ?? '';
    const end = next && next.generatedLine === mapping.generatedLine ? next.generatedColumn : line.length;
    const owner = ownerOf(mapping.source);
    pieces.set(owner, (pieces.get(owner) ?? '') + line.slice(mapping.generatedColumn, end));
  });
  return [...pieces.entries()]
    .map(([owner, text]) => ({ owner, ...sized(Buffer.from(text)) }))
    .sort((a, b) => b.min - a.min);
}

export async function measureSizes() {
  const scratch = mkdtempSync(join(tmpdir(), 'rk-bench-'));
  try {
    // The CDN file: the whole library eagerly, heavy dependencies as chunks on demand.
    // As vite.config.ts's CDN build: the library's own lazy modules inline.
    const cdnChunks = await bundle(join(root, 'src/index.ts'), join(scratch, 'cdn'), [inlineOwnLazyImports()]);
    const cdnEntry = cdnChunks.find((chunk) => chunk.isEntry);
    const cdnEager = eager(cdnChunks);
    const cdnEagerBytes = Buffer.concat(cdnEager.map((chunk) => Buffer.from(chunk.code)));
    const onDemand = cdnChunks
      .filter((chunk) => !cdnEager.includes(chunk))
      .map((chunk) => ({ name: chunk.name, modules: [...new Set(Object.keys(chunk.modules).map(ownerOf))], ...sized(Buffer.from(chunk.code)) }))
      .sort((a, b) => b.min - a.min);
    const cdn = { ...sized(cdnEagerBytes), contributions: contributions(cdnEntry.code, cdnEntry.map) };

    const elements = [];
    for (const [tag, entry] of Object.entries(elementEntries()).sort()) {
      const chunks = await bundle(entry, join(scratch, tag));
      const eagerChunks = eager(chunks);
      elements.push({ tag, ...sized(Buffer.concat(eagerChunks.map((chunk) => Buffer.from(chunk.code)))) });
    }
    const pages = await measurePages(scratch);
    return { cdn, onDemand, elements, pages };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The budgets of `bench/budgets.json` against measured sizes: the list of breaches. */
export function checkBudgets(sizes, budgets) {
  const breaches = [];
  const over = (what, actual, limit) => {
    if (limit !== undefined && actual > limit) breaches.push(`${what}: ${actual} B min+gz > budget ${limit} B (+${actual - limit} B)`);
  };
  over('CDN file (all elements, eager)', sizes.cdn.gzip, budgets.cdn);
  for (const element of sizes.elements) over(`${element.tag} with Lit`, element.gzip, budgets.elements?.[element.tag] ?? budgets.element);
  for (const chunk of sizes.onDemand) over(`on-demand chunk ${chunk.name}`, chunk.gzip, budgets.onDemandChunk);
  for (const page of sizes.pages) over(`page with rk-provider + ${page.tag} (dist/cdn/elements/)`, page.gzip, budgets.pages?.[page.tag] ?? budgets.page);
  for (const dependency of budgets.eagerForbidden ?? []) {
    if (sizes.cdn.contributions.some((entry) => entry.owner === dependency)) breaches.push(`${dependency} is in the CDN file's eager code: it must load on demand`);
  }
  return breaches;
}

/** `node scripts/bench/sizes.mjs --check`: CI's size budgets. */
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const sizes = await measureSizes();
  const budgets = JSON.parse(readFileSync(join(root, 'bench/budgets.json'), 'utf8'));
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`CDN file, all elements eagerly: ${kb(sizes.cdn.gzip)} min+gz (budget ${kb(budgets.cdn)})`);
  for (const element of sizes.elements) console.log(`  ${element.tag.padEnd(24)} ${kb(element.gzip)} min+gz with Lit`);
  for (const chunk of sizes.onDemand) console.log(`  on demand: ${chunk.name.padEnd(30)} ${kb(chunk.gzip)} (${chunk.modules.join(', ')})`);
  for (const page of sizes.pages) console.log(`  page with rk-provider + ${page.tag.padEnd(22)} ${kb(page.gzip)} in ${page.files} files (dist/cdn/elements/)`);
  const breaches = checkBudgets(sizes, budgets);
  if (breaches.length) {
    console.error(`size budgets exceeded:\n  ${breaches.join('\n  ')}`);
    if (process.argv.includes('--check')) process.exit(1);
  } else console.log('every size is within its budget (bench/budgets.json)');
}
