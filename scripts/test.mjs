// `npm test`: the Node tests (test/node: the contract document, the conformance kit, the mock
// office over HTTP), then @web/test-runner with the project's config in each engine, one engine
// after the other (on a 2-core machine, three browsers at once only slow each other down and make
// timing-sensitive tests flaky). `--engines chromium,firefox` picks engines (default: all three,
// as CI runs them); any other argument goes to the runner (`--files test/x.test.ts`), and with
// such arguments the Node tests are left out.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINE_HELP, ENGINES, engineInstalled, parseEngines } from './engines.mjs';
import { findChromium } from './find-chromium.mjs';
import { filesWithoutResult, summaryLines } from './wtr/test-summary.mjs';

const args = process.argv.slice(2);
let engines = process.env.RK_ENGINES ? parseEngines(process.env.RK_ENGINES) : [...ENGINES];
const at = args.findIndex((arg) => arg === '--engines' || arg.startsWith('--engines='));
if (at !== -1) {
  const [option] = args.splice(at, 1);
  engines = parseEngines(option.includes('=') ? option.slice('--engines='.length) : args.splice(at, 1)[0] ?? '');
}

const missing = engines.filter((engine) => !engineInstalled(engine));
if (missing.length > 0) {
  for (const engine of missing) console.error(ENGINE_HELP[engine]);
  console.error(`(or leave it out: npm test -- --engines ${engines.filter((e) => !missing.includes(e)).join(',') || 'chromium'})`);
  process.exit(1);
}

/** @param {string[]} argv @param {NodeJS.ProcessEnv} env @returns {Promise<number>} */
const node = (argv, env = process.env) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, argv, { stdio: 'inherit', env });
    child.on('exit', (code, signal) => {
      // A runner that ends without its summary (killed, crashed) says how, or the log says nothing.
      if (signal || code !== 0) console.log(`(the process ended with ${signal ? `signal ${signal}` : `exit code ${code}`})`);
      resolve(signal ? 1 : (code ?? 1));
    });
  });

const results = [];
if (args.length === 0) {
  console.log('\n== Node tests (test/node)');
  const started = Date.now();
  const code = await node([fileURLToPath(new URL('./test-node.mjs', import.meta.url))]);
  results.push({ engine: 'node', code, seconds: Math.round((Date.now() - started) / 1000) });
  if (code !== 0) process.exit(code);
}

const wtrBin = fileURLToPath(new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url));
const watching = args.includes('--watch');

/** @param {string} engine @returns {Promise<number>} */
const run = (engine, summary = '', progress = '', runnerArgs = args) =>
  node([wtrBin, ...runnerArgs], { ...process.env, RK_ENGINES: engine, CHROME_PATH: findChromium() ?? '', RK_TEST_SUMMARY: summary, RK_TEST_PROGRESS: progress });

/** The runner's arguments without `--files …` (to name other files). */
const withoutFiles = (list) => {
  const at = list.indexOf('--files');
  if (at === -1) return list;
  let end = at + 1;
  while (end < list.length && !list[end].startsWith('--')) end += 1;
  return [...list.slice(0, at), ...list.slice(end)];
};

/** A JSON file the runner wrote (its summary, its progress), or undefined if it never did. */
const readJson = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

if (watching) {
  // Watch mode is interactive: one runner with every engine chosen.
  process.exit(await run(engines.join(',')));
}

const summaries = fs.mkdtempSync(path.join(os.tmpdir(), 'rk-test-summary-'));
for (const engine of engines) {
  console.log(`\n== tests in ${engine}`);
  const started = Date.now();
  const file = path.join(summaries, `${engine}.json`);
  const progressFile = path.join(summaries, `${engine}-progress.json`);
  let code = await run(engine, file, progressFile);
  let summary = readJson(file);
  const progress = readJson(progressFile);
  // WebKit's runner has ended a few times in the middle of a run, without an error or a summary
  // (exit code 1 after 13 and after 24 of 42 files, every test passed until then). Such a run is
  // no test result: the files it did not reach run once more, and the log says so. A run in which
  // a test failed is never run again.
  if (code !== 0 && !summary && progress && !progress.failed && progress.done.length < progress.files.length) {
    const left = progress.files.filter((each) => !progress.done.includes(each));
    console.log(`\n(${engine}: the runner ended without its summary after ${progress.done.length} of ${progress.files.length} files, no test failed: the ${left.length} files left run once more)`);
    code = await run(engine, file, '', [...withoutFiles(args), '--files', ...left]);
    summary = readJson(file);
    if (summary) summary.rerun = `after the runner ended early, ${left.length} of ${progress.files.length} files ran again`;
  }
  // A file cut off by the browser disconnecting (in one CI run WebKit's page went away in the
  // middle of a file that passes alone and beside its neighbours), or whose page did not start in
  // time, has no result either, nor have the files that failed after it (in another, WebKit's page
  // hung, and the files after it no longer saw their requests): when no test failed before it,
  // those files run once more in a new browser, and the log says so.
  const files = code !== 0 ? filesWithoutResult(summary?.failures ?? [], progress?.done ?? []) : [];
  if (files.length > 0) {
    console.log(`\n(${engine}: ${files.join(', ')} ended without a result, or failed after one that did (the browser disconnected, or a page did not start), no test failed before: run once more in a new browser)`);
    const again = path.join(summaries, `${engine}-again.json`);
    code = await run(engine, again, '', [...withoutFiles(args), '--files', ...files]);
    const second = readJson(again);
    summary = second
      ? { ...second, passed: summary.passed + second.passed, skipped: summary.skipped, slowest: summary.slowest, rerun: [summary.rerun, `${files.join(', ')}, without a result or after one, ran again`].filter(Boolean).join('; ') }
      : summary;
  }
  results.push({ engine, code, seconds: Math.round((Date.now() - started) / 1000), summary });
}
fs.rmSync(summaries, { recursive: true, force: true });
if (results.length > 1) {
  console.log('\n== tests per engine');
  for (const { engine, code, seconds, summary } of results) {
    console.log(`${engine.padEnd(9)} ${code === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
    if (summary?.rerun) console.log(`  (${summary.rerun})`);
    if (summary) for (const line of summaryLines(summary)) console.log(line);
  }
}
process.exit(results.some(({ code }) => code !== 0) ? 1 : 0);
