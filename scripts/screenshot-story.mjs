// Screenshots of Storybook stories, from the static build (npm run build-storybook), without a
// Storybook dev server: serves storybook-static/ on a free port, opens the story's iframe in
// headless Chromium, waits until Storybook has rendered it and run its play function (not its
// spinner: the MSW loader runs first), and saves a PNG of the page.
//
//   node scripts/screenshot-story.mjs <story-id> <out.png> [--width 390] [--height 800]
//   node scripts/screenshot-story.mjs --prefix elements-rk-login --out-dir shots/ [--width 390]
//   node scripts/screenshot-story.mjs elements-rk-ticket-printer--ticket ticket.pdf --print
//
// With --print, the story's rk-ticket-printer prints; what its hidden print frame holds (the
// document and its print styles) becomes an A4 PDF through Chromium's print-to-PDF, plus a PNG
// of the page as printed (ticket.pdf.png), and the number of PDF pages is reported.
//
// With --prefix, every story whose id starts with it is shot into --out-dir as <story-id>.png.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './browser.mjs';
import { root, serve, waitForStory } from './storybook-static.mjs';

function parseArgs(argv) {
  const options = { width: 1280, height: 900, positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--width') options.width = Number(argv[++i]);
    else if (arg === '--height') options.height = Number(argv[++i]);
    else if (arg === '--prefix') options.prefix = argv[++i];
    else if (arg === '--out-dir') options.outDir = argv[++i];
    else if (arg === '--print') options.print = true;
    else options.positional.push(arg);
  }
  return options;
}

/** Prints the story's document through its print frame and saves that frame's content as an A4 PDF. */
async function printToPdf(browser, page, out) {
  const printed = await page.evaluate(async () => {
    const printer = document.querySelector('rk-ticket-printer');
    if (!printer) throw new Error('no rk-ticket-printer in the story');
    const captured = new Promise((resolve) => {
      printer.printer = (win) =>
        resolve({
          html: win.document.body.innerHTML,
          title: win.document.title,
          css: [...win.document.adoptedStyleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n'),
        });
    });
    printer.shadowRoot.querySelector('[part="print"]').click();
    return captured;
  });
  const paper = await browser.newPage();
  await paper.setViewport({ width: 794, height: 1123 });
  // The script's own page (not the library's): a <style> element is fine here.
  await paper.setContent(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${printed.title}</title><style>${printed.css}</style></head><body>${printed.html}</body></html>`, { waitUntil: 'load' });
  await paper.evaluate(() => Promise.all([...document.images].map((img) => img.decode().catch(() => undefined))));
  const pdf = await paper.pdf({ path: out, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await paper.emulateMediaType('print');
  await paper.screenshot({ path: `${out}.png`, fullPage: true });
  await paper.close();
  const pages = (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  console.log(`${out}: ${pages} A4 page(s), ${pdf.length} bytes`);
  if (pages !== 1) throw new Error(`${out}: the document takes ${pages} pages, not one`);
}

async function shoot(browser, base, id, out, { width, height }) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.setViewport({ width, height, deviceScaleFactor: 1 });
  await page.goto(`${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`, { waitUntil: 'load' });
  try {
    await waitForStory(page);
  } catch (error) {
    const phase = await page.evaluate(() => window.__STORYBOOK_PREVIEW__?.currentRender?.phase).catch(() => '?');
    throw new Error(`${id}: ${error.message} (phase ${phase}) ${errors.join('; ')}`);
  }
  if (options.print) await printToPdf(browser, page, out);
  else await page.screenshot({ path: out, fullPage: true });
  await page.close();
  if (errors.length) console.warn(`${id}: page errors: ${errors.join('; ')}`);
  console.log(`${id} → ${out}`);
}

const options = parseArgs(process.argv.slice(2));
if (!existsSync(join(root, 'iframe.html'))) {
  console.error('storybook-static/ not found: run `npm run build-storybook` first.');
  process.exit(1);
}
let jobs;
if (options.prefix) {
  if (!options.outDir) throw new Error('--prefix needs --out-dir');
  mkdirSync(options.outDir, { recursive: true });
  const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
  jobs = Object.values(index.entries)
    .filter((entry) => entry.type === 'story' && entry.id.startsWith(options.prefix))
    .map((entry) => ({ id: entry.id, out: join(options.outDir, `${entry.id}.png`) }));
} else {
  const [id, out] = options.positional;
  if (!id || !out) {
    console.error('usage: node scripts/screenshot-story.mjs <story-id> <out.png> [--width 390] [--height 800]');
    process.exit(2);
  }
  jobs = [{ id, out }];
}

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
let failed = 0;
try {
  for (const job of jobs) {
    // One retry: a busy machine can make the first load of the worker slow.
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        await shoot(browser, base, job.id, job.out, options);
        break;
      } catch (error) {
        if (attempt === 2) {
          failed += 1;
          console.error(String(error.message ?? error));
        }
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
