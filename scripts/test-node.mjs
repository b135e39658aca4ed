// `npm run test:node`: the tests that run in Node (the contract document, the conformance kit, the
// mock office over real HTTP): every `test/node/**/*.test.ts`, with node:test and tsx.
// Arguments are file paths to run instead of all of them.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const find = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? find(join(dir, entry.name)) : entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : [],
  );
const files = process.argv.length > 2 ? process.argv.slice(2) : find(join(root, 'test', 'node')).map((file) => relative(root, file));
if (files.length === 0) {
  console.error('no Node tests found under test/node');
  process.exit(1);
}
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
