// `npm test`: the Node tests (test/node: the contract document, the conformance kit, the mock
// office over HTTP), then every browser test with @web/test-runner in Chromium. With arguments
// (`npm test -- --files test/x.test.ts`), only the browser tests, with those arguments.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_HELP, findChromium } from './find-chromium.mjs';

const run = (args, env = process.env) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env });
    child.on('exit', (code, signal) => resolve(signal ? 1 : (code ?? 1)));
  });

const browserArgs = process.argv.slice(2);
if (browserArgs.length === 0) {
  const nodeCode = await run([fileURLToPath(new URL('./test-node.mjs', import.meta.url))]);
  if (nodeCode !== 0) process.exit(nodeCode);
}
const chrome = findChromium();
if (!chrome) {
  console.error(CHROMIUM_HELP);
  process.exit(1);
}
const wtrBin = fileURLToPath(new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url));
process.exit(await run([wtrBin, ...browserArgs], { ...process.env, CHROME_PATH: chrome }));
