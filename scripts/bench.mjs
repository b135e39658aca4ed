// `npm run bench`: the library's size and speed, side by side with the floor and a peer, measured
// in one run so a noisy machine shifts every figure alike. Prints a table and writes
// bench/results.json. Sizes: scripts/bench/sizes.mjs (CI enforces bench/budgets.json); times
// are printed, never asserted.
//
//   npm run bench [-- --runs 5 --renders 20 --poll-seconds 15 --corpus-every 1 --engines chromium,firefox,webkit]
//
// The photo pipeline runs in each engine (default: every one installed); the corpus, first
// render, polling and memory in Chromium (the heap is read over CDP). --corpus-every n judges
// every n-th photo of the corpus (0: none); the whole corpus takes some minutes, as its photos
// are made in the page.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { build, preview } from 'vite';
import { remote } from 'webdriverio';
import { checkBudgets, measureSizes } from './bench/sizes.mjs';
import { ENGINE_HELP, engineInstalled, findFirefox, findWebKit, parseEngines } from './engines.mjs';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';
import { startWebKitDriver, webkitOptions } from './webkit-driver.mjs';

const root = resolve(import.meta.dirname, '..');
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const settings = { runs: option('runs', 5), renders: option('renders', 20), pollSeconds: option('poll-seconds', 15), corpusEvery: option('corpus-every', 1) };
const enginesIndex = process.argv.indexOf('--engines');
const engines = parseEngines(enginesIndex >= 0 ? process.argv[enginesIndex + 1] : 'all').filter((engine) => {
  if (engineInstalled(engine)) return true;
  console.warn(`${ENGINE_HELP[engine]} (the bench leaves ${engine} out)`);
  return false;
});
if (!engines.includes('chromium')) throw new Error(ENGINE_HELP.chromium);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const CHECKS = ['colour', 'background', 'enlargement', 'sharpness'];

/** What a check should say of a photo labelled `verdict` (the same as test/fixtures/corpus-judge.ts). */
function expectedOf(verdict, check) {
  if (verdict === check) return 'refuse';
  if (verdict === 'either') return check === 'sharpness' ? 'either' : 'accept';
  if (verdict === 'enlargement' && check === 'sharpness') return 'either';
  if (verdict === 'colour' && check === 'background') return 'either';
  return 'accept';
}

/** The photo checks against the corpus: the confusion table of each check, and each class. */
function printCorpus(corpus, seconds) {
  const splits = Object.keys(corpus);
  const count = splits.map((split) => `${split} ${corpus[split].length}`).join(', ');
  console.log(`\n== photo checks against the labelled corpus (${count} photos, made in the page from seeds; ${seconds} s)`);
  console.log('  each judgement check against the clerk\'s verdict (refused / accepted); thresholds chosen on tuning only:');
  const rows = [['check', ...splits.flatMap((split) => [`${split}: should refuse`, 'should accept'])]];
  for (const check of CHECKS) {
    const cells = [check];
    for (const split of splits) {
      const t = { refuse: [0, 0], accept: [0, 0] };
      for (const photo of corpus[split]) {
        const expected = expectedOf(photo.expected, check);
        if (expected === 'either') continue;
        t[expected][photo.refused.includes(check) ? 0 : 1]++;
      }
      cells.push(`${t.refuse[0]} / ${t.refuse[1]}`, `${t.accept[0]} / ${t.accept[1]}`);
    }
    rows.push(cells);
  }
  table(rows);
  console.log('  each class: photos judged right (refused for the clerk\'s reason and no other, or accepted), and passing every rule, the file\'s size too:');
  const kinds = [...new Set(splits.flatMap((split) => corpus[split].map((photo) => photo.kind)))];
  const classRows = [['class', ...splits.flatMap((split) => [`${split}: right`, 'usable'])]];
  for (const kind of kinds) {
    const cells = [kind];
    for (const split of splits) {
      const photos = corpus[split].filter((photo) => photo.kind === kind);
      cells.push(`${photos.filter((p) => p.correct).length} / ${photos.length}`, `${photos.filter((p) => p.usable).length}`);
    }
    classRows.push(cells);
  }
  table(classRows);
  const enlarged = splits.flatMap((split) => corpus[split].filter((photo) => photo.kind === 'enlarged'));
  if (enlarged.length) {
    const by = (key) => {
      const groups = new Map();
      for (const photo of enlarged) {
        const name = key(photo);
        const group = groups.get(name) ?? { traces: 0, sharpness: 0, missed: 0, small: 0 };
        if (photo.refused.includes('enlargement')) group.traces++;
        else if (photo.refused.includes('sharpness')) group.sharpness++;
        else {
          group.missed++;
          if (photo.bytes <= 30 * 1024) group.small++;
        }
        groups.set(name, group);
      }
      return [...groups].sort(([a], [b]) => String(a).localeCompare(String(b), 'en', { numeric: true }));
    };
    console.log('  enlarged photos (both splits): refused as enlarged / as not sharp / missed (of which ≤ 30 KB, refused for size):');
    const factor = (photo) => `×${photo.id.match(/-x([\d.]+)-/)?.[1]}`;
    const detail = [['kernel', 'enlarged', 'not sharp', 'missed'], ...by((photo) => photo.kernel).map(([name, g]) => [`  ${name}`, g.traces, g.sharpness, `${g.missed} (${g.small})`])];
    detail.push(['factor', '', '', ''], ...by(factor).map(([name, g]) => [`  ${name}`, g.traces, g.sharpness, `${g.missed} (${g.small})`]));
    detail.push(['saved again at', '', '', ''], ...by((photo) => `q${Math.round(photo.quality * 100)}`).map(([name, g]) => [`  ${name}`, g.traces, g.sharpness, `${g.missed} (${g.small})`]));
    table(detail);
    const byBlocks = enlarged.filter((photo) => photo.values.enlargement?.blocks === 1).length;
    const byColourBlocks = enlarged.filter((photo) => photo.values.enlargement?.blocks === 2).length;
    const passing = enlarged.filter((photo) => photo.usable);
    console.log(`  refused as enlarged by the small photo's JPEG blocks (the traces of blending not found): ${byBlocks} in the brightness, ${byColourBlocks} more in the colour`);
    const all = splits.flatMap((split) => corpus[split]);
    const genuine = all.filter((photo) => photo.expected === 'accept' || photo.expected === 'either');
    for (const [key, code, plane, limits] of [
      ['blocks', 1, 'brightness', 'SOURCE_BLOCKS, 7'],
      ['colourBlocks', 2, 'colour', 'SOURCE_BLOCKS, 7, read alike both ways; HARMONIC_BLOCKS, 10, through different harmonics'],
    ]) {
      const strongest = genuine.reduce((best, photo) => (photo[key] > best[key] ? photo : best), { [key]: 0, id: '-' });
      const found = enlarged.filter((photo) => photo.values.enlargement?.blocks === code).map((photo) => photo[key]);
      console.log(`  the blocks' strength in the ${plane} (limit ${limits}): genuine photos up to ${strongest[key].toFixed(1)} (${strongest.id}); enlargements found by them ${found.length ? `${Math.min(...found).toFixed(1)}–${Math.max(...found).toFixed(1)}` : '-'}`);
    }
    const byEcho = enlarged.filter((photo) => photo.values.enlargement?.echo === 1 && photo.values.enlargement?.period !== 4);
    const strongestEcho = genuine.reduce((best, photo) => ((photo.echo ?? 0) > best.echo ? photo : best), { echo: 0, id: '-' });
    const echoes = byEcho.map((photo) => photo.echo);
    console.log(
      `  refused as enlarged by the echoes of the blend between frequencies (nothing else found): ${byEcho.length}; their strength (limit CYCLE_ECHO, 2.2): genuine photos up to ${strongestEcho.echo.toFixed(2)} (${strongestEcho.id}); enlargements found by them ${echoes.length ? `${Math.min(...echoes).toFixed(2)}–${Math.max(...echoes).toFixed(2)}` : '-'}`,
    );
    // The 4× echo (cycle-coherence.ts): counts only above the JPEG blocks' own echoes there too.
    const byQuarter = enlarged.filter((photo) => photo.values.enlargement?.echo === 1 && photo.values.enlargement?.period === 4);
    const strongestQuarter = genuine.reduce((best, photo) => ((photo.quarter ?? 0) > best.quarter ? photo : best), { quarter: 0, quarterOverBlocks: 0, id: '-' });
    const counting = genuine.filter((photo) => photo.quarterOverBlocks >= 1);
    const strongestCounting = counting.reduce((best, photo) => (photo.quarter > best.quarter ? photo : best), { quarter: 0, id: '-' });
    const quarters = byQuarter.map((photo) => photo.quarter);
    console.log(
      `  refused as enlarged by the echo of a 4× blend (nothing else found): ${byQuarter.length}; its strength (limit QUARTER_ECHO, 5, and above the blocks' echoes): genuine photos up to ${strongestQuarter.quarter.toFixed(2)} (${strongestQuarter.id}, ${strongestQuarter.quarterOverBlocks.toFixed(2)} of the blocks'), up to ${strongestCounting.quarter.toFixed(2)} where above the blocks' (${strongestCounting.id}); enlargements found by it ${quarters.length ? `${Math.min(...quarters).toFixed(2)}–${Math.max(...quarters).toFixed(2)}` : '-'}`,
    );
    console.log(`  enlarged photos that pass every rule: ${passing.length}${passing.length ? `\n    ${passing.map((photo) => photo.id).join('\n    ')}` : ''}`);
  }
  const times = splits.flatMap((split) => corpus[split].map((photo) => photo.ms)).sort((a, b) => a - b);
  console.log(`  analysis of a corpus photo (decode and every measure): median ${ms(times[times.length >> 1])}`);
}
const ms = (value) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const table = (rows) => {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  for (const row of rows) console.log('  ' + row.map((cell, column) => String(cell).padEnd(widths[column])).join('  '));
};

// --- sizes -------------------------------------------------------------------------------------
console.log('== sizes (min+gzip, min+brotli)');
const sizes = await measureSizes();
const budgets = JSON.parse(readFileSync(join(root, 'bench/budgets.json'), 'utf8'));
table([
  ['what', 'min', 'gzip', 'brotli', 'budget', 'goal'],
  ['CDN file, every element eagerly', kb(sizes.cdn.min), kb(sizes.cdn.gzip), kb(sizes.cdn.brotli), kb(budgets.cdn), kb(budgets.goals.cdn)],
  ...sizes.elements.map((element) => [
    `  ${element.tag} (with Lit)`,
    kb(element.min),
    kb(element.gzip),
    kb(element.brotli),
    kb(budgets.elements?.[element.tag] ?? budgets.element),
    kb(budgets.goals.element),
  ]),
  ...sizes.onDemand.map((chunk) => [`  on demand: ${chunk.modules.join(', ')}`, kb(chunk.min), kb(chunk.gzip), kb(chunk.brotli), kb(budgets.onDemandChunk), '']),
]);
console.log('  a page with rk-provider and one element through dist/cdn/elements/ (files before first paint, each gzipped):');
table([
  ['element', 'files', 'gzip', 'budget'],
  ...sizes.pages.map((page) => [`  ${page.tag}`, page.files, kb(page.gzip), kb(budgets.pages?.[page.tag] ?? budgets.page)]),
]);
console.log('  what the CDN file is made of (each part gzipped on its own):');
table([['part', 'min', 'gzip'], ...sizes.cdn.contributions.slice(0, 16).map((entry) => [`  ${entry.owner}`, kb(entry.min), kb(entry.gzip)])]);
const breaches = checkBudgets(sizes, budgets);
console.log(breaches.length ? `  over budget:\n    ${breaches.join('\n    ')}` : '  every size within its budget');

// --- the browser half --------------------------------------------------------------------------
const scratch = mkdtempSync(join(tmpdir(), 'rk-bench-page-'));
const outDir = join(scratch, 'dist');
await build({
  root,
  configFile: false,
  logLevel: 'warn',
  publicDir: resolve(root, 'public'),
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      input: resolve(root, 'bench/index.html'),
      // The bench page imports every element and the peer eagerly, so their on-demand imports
      // cannot split here: expected, not worth a warning each.
      onLog: (level, log, handler) => log.code !== 'INEFFECTIVE_DYNAMIC_IMPORT' && handler(level, log),
    },
  },
});
// The peer's worker loads its library from this URL (its default CDN is unreachable here).
copyFileSync(resolve(root, 'node_modules/browser-image-compression/dist/browser-image-compression.js'), join(outDir, 'browser-image-compression.js'));
const server = await preview({ root, configFile: false, logLevel: 'error', preview: { port: 0 }, build: { outDir } });

/**
 * The bench page in one engine: `run(name, arg)` calls `window.bench[name](arg)` there. Chromium
 * and Firefox through puppeteer (CDP, WebDriver BiDi), WebKit through WebKitWebDriver.
 * @param {import('./engines.mjs').Engine} engine
 */
async function openBench(engine, url) {
  if (engine === 'webkit') {
    const paths = findWebKit();
    const webkit = await startWebKitDriver(paths);
    try {
      const driver = await remote(webkitOptions(paths, webkit.port));
      await driver.setTimeout({ script: 600_000, pageLoad: 60_000 });
      await driver.navigateTo(url);
      const call = (name, arg) =>
        driver.executeAsync(
          (name, arg, done) => {
            const wait = () => (window.benchReady ? window.bench[name](arg).then(done, (error) => done({ error: String(error) })) : setTimeout(wait, 50));
            wait();
          },
          name,
          arg,
        );
      const version = `WebKitGTK ${driver.capabilities.browserVersion}`;
      return {
        version,
        async run(name, arg) {
          const result = await call(name, arg);
          if (result?.error) throw new Error(`${engine}: ${result.error}`);
          return result;
        },
        async close() {
          await driver.deleteSession().catch(() => undefined);
          await webkit.stop();
        },
      };
    } catch (error) {
      await webkit.stop();
      throw error;
    }
  }
  const browser =
    engine === 'firefox'
      ? await puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true, protocolTimeout: 600_000 })
      : await puppeteer.launch({
          executablePath: findChromium(),
          headless: true,
          args: [...CHROMIUM_ARGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'],
          protocolTimeout: 600_000,
        });
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`${engine} page error: ${error.message}`));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.benchReady === true, { timeout: 60_000 });
  return {
    version: await browser.version(),
    page,
    run: (name, arg) => page.evaluate((name, arg) => window.bench[name](arg), name, arg),
    close: () => browser.close(),
  };
}

/**
 * Goals of the photo pipeline at 12 MP, per engine: ours / floor and ours / peer. Chromium and
 * Firefox decode scaled (WebCodecs' ImageDecoder); WebKit has no ImageDecoder, so ours decodes
 * and scales with createImageBitmap there: the goal is that the checks, crop and encode add no
 * more to that decode than they do elsewhere, and that ours stays faster than the peer.
 */
const PHOTO_GOALS = { chromium: { floor: 1.3, peer: 0.5 }, firefox: { floor: 1.3, peer: 0.5 }, webkit: { floor: 1.3, peer: 1 } };
const goalText = (engine, row) => {
  const goal = PHOTO_GOALS[engine];
  const mark = (value, limit) => `${value.toFixed(2)} ${value <= limit ? '✓' : '✗'} (≤ ${limit})`;
  return `ours/floor ${mark(row.ours / row.floor, goal.floor)}, ours/peer ${mark(row.ours / row.peer, goal.peer)}`;
};

const benchUrl = new URL('/bench/index.html', server.resolvedUrls.local[0]).href;
const photoTable = (photo) =>
  table([
    ['photo', 'file', 'floor', 'peer', 'ours', 'ours/floor', 'ours/peer'],
    ...photo.map((row) => [row.size, kb(row.bytes), ms(row.floor), ms(row.peer), ms(row.ours), (row.ours / row.floor).toFixed(2), (row.ours / row.peer).toFixed(2)]),
  ]);
let results;
let chromium;
const photoByEngine = {};
const browsers = {};
try {
  // The other engines first, each alone on the machine; Chromium's full run last.
  for (const engine of engines.filter((engine) => engine !== 'chromium')) {
    const bench = await openBench(engine, benchUrl);
    try {
      browsers[engine] = bench.version;
      console.log(`\n== photo pipeline in ${engine} (${bench.version}): median of ${settings.runs} runs`);
      photoByEngine[engine] = await bench.run('photoPipeline', settings.runs);
      photoTable(photoByEngine[engine]);
      console.log(`  goal at 12 MP: ${goalText(engine, photoByEngine[engine].find((r) => r.size === '12 MP'))}`);
      for (const row of photoByEngine[engine]) console.log(`    ${row.size}: ${Object.entries(row.oursSteps).map(([step, time]) => `${step} ${ms(time)}`).join(', ')}`);
    } finally {
      await bench.close();
    }
  }

  chromium = await openBench('chromium', benchUrl);
  const { page } = chromium;
  const version = chromium.version;
  browsers.chromium = version;

  console.log(`\n== photo pipeline in chromium (${version}): median of ${settings.runs} runs (same photos, interleaved)`);
  const photo = await chromium.run('photoPipeline', settings.runs);
  photoByEngine.chromium = photo;
  photoTable(photo);
  console.log('  floor: createImageBitmap + one 295×413 canvas JPEG encode; peer: browser-image-compression (web worker)');
  console.log('  asked for 295×413 ≤ 10 KB; ours: sniff, decode, measure, check, crop, encode to ~10 KB.');
  console.log('  where ours spends its time (median of each step; the rest is the page\'s turns between steps):');
  for (const row of photo) console.log(`    ${row.size}: ${Object.entries(row.oursSteps).map(([step, time]) => `${step} ${ms(time)}`).join(', ')}`);
  if (Object.keys(photoByEngine).length > 1) {
    console.log('\n== photo pipeline at 12 MP in each engine');
    const chromiumOurs = photo.find((r) => r.size === '12 MP').ours;
    table([
      ['engine', 'floor', 'peer', 'ours', 'ours / Chromium\'s', 'goal (at 12 MP)'],
      ...Object.entries(photoByEngine).map(([engine, rows]) => {
        const row = rows.find((r) => r.size === '12 MP');
        return [engine, ms(row.floor), ms(row.peer), ms(row.ours), (row.ours / chromiumOurs).toFixed(2), goalText(engine, row)];
      }),
    ]);
  } else {
    console.log(`  goal at 12 MP: ${goalText('chromium', photo.find((r) => r.size === '12 MP'))}`);
  }

  let corpus = null;
  if (settings.corpusEvery > 0) {
    const started = Date.now();
    corpus = {};
    for (const split of ['tuning', 'held-out']) corpus[split] = await page.evaluate((split, every) => window.bench.corpus(split, every), split, settings.corpusEvery);
    printCorpus(corpus, Math.round((Date.now() - started) / 1000));
  }

  console.log(`\n== first render: median of ${settings.renders} (new instance in a new provider; mock office, no latency)`);
  const renders = await page.evaluate((runs) => window.bench.firstRender(runs), settings.renders);
  table([['element', 'first render', 'with data'], ...renders.map((row) => [row.tag, ms(row.firstRender), ms(row.withData)])]);

  console.log(`\n== payment polling (${settings.pollSeconds} s each)`);
  const polling = await page.evaluate((seconds) => window.bench.polling(seconds), settings.pollSeconds);
  console.log(`  status requests per minute: visible ${polling.visible.toFixed(1)}, hidden ${polling.hidden.toFixed(1)}`);

  console.log('\n== memory: JS heap while checking a 12 MP photo');
  // The heap as V8 reports it, sampled from outside the page so a busy main thread does not hide the peak.
  const cdp = await page.createCDPSession();
  const usage = async () => (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const running = page.evaluate(() => window.bench.memory());
  await page.waitForFunction(() => window.memoryPhase === 'running', { polling: 1 });
  const baseline = await usage();
  let peak = baseline;
  let done = false;
  running.then(() => (done = true));
  while (!done) {
    peak = Math.max(peak, await usage());
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const memory = { baselineBytes: baseline, peakBytes: peak, deltaBytes: peak - baseline, ...(await running) };
  console.log(`  baseline ${kb(memory.baselineBytes)}, peak ${kb(memory.peakBytes)} (+${kb(memory.deltaBytes)}); source file ${kb(memory.sourceBytes)}`);
  console.log('  (the JS heap only: decoded pixels live in ImageBitmaps and canvases, outside it)');

  results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, browser: version },
    settings,
    sizes,
    budgets: { limits: budgets, breaches },
    photo,
    corpus,
    photoByEngine,
    browsers,
    renders,
    polling,
    memory,
  };
} finally {
  await chromium?.close();
  await new Promise((done) => server.httpServer.close(done));
  rmSync(scratch, { recursive: true, force: true });
}
writeFileSync(join(root, 'bench/results.json'), JSON.stringify(results, null, 2));
console.log('\nwritten: bench/results.json');
