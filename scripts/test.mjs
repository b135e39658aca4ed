// `npm test`: finds Chromium, then runs @web/test-runner with the project's config.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_HELP, findChromium } from './find-chromium.mjs';

const chrome = findChromium();
if (!chrome) {
  console.error(CHROMIUM_HELP);
  process.exit(1);
}
const wtrBin = fileURLToPath(new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url));
const child = spawn(process.execPath, [wtrBin, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROME_PATH: chrome },
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
