// Runs axe-core (the engine of the accessibility tests) on every story of the static Storybook
// build, in headless Chromium, at a desktop and a phone width: any violation fails. Run after
// `npm run build-storybook`.
//
//   node scripts/axe-stories.mjs [--prefix elements-rk-login]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { launchChromium } from './browser.mjs';
import { root, serve, waitForStory } from './storybook-static.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const prefixIndex = process.argv.indexOf('--prefix');
const prefix = prefixIndex >= 0 ? process.argv[prefixIndex + 1] : '';
const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story' && entry.id.startsWith(prefix));
const WIDTHS = [1280, 375];

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
const failures = [];
let checked = 0;
try {
  for (const story of stories) {
    for (const width of WIDTHS) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: 900 });
      try {
        await page.goto(`${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, { waitUntil: 'load' });
        await waitForStory(page);
        await page.addScriptTag({ content: axeSource });
        const violations = await page.evaluate(async () => {
          // The story's content only: Storybook's own frame is not ours to judge.
          const result = await window.axe.run('#storybook-root', { resultTypes: ['violations'] });
          return result.violations.map((violation) => ({
            id: violation.id,
            impact: violation.impact,
            help: violation.help,
            targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
          }));
        });
        checked += 1;
        for (const violation of violations) failures.push(`${story.id} @${width}px: ${violation.id} (${violation.impact}) ${violation.help} → ${violation.targets.join(', ')}`);
      } catch (error) {
        failures.push(`${story.id} @${width}px: ${error.message}`);
      } finally {
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`axe: ${checked} story renders checked (${stories.length} stories × ${WIDTHS.join(' and ')} px)`);
if (failures.length) {
  console.error(`${failures.length} problem(s):\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('no accessibility violations');
