// `npm run test:server`: the reference server's tests (test/server/**/*.test.ts, node:test with
// tsx), one file at a time (each starts servers and a database of its own). On PGlite by default;
// with DATABASE_URL on that PostgreSQL server (each file creates and drops a database there).
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
const files = process.argv.length > 2 ? process.argv.slice(2) : find(join(root, 'test', 'server')).map((file) => relative(root, file)).sort();
console.log(`server tests on ${process.env.DATABASE_URL ? `PostgreSQL (${process.env.DATABASE_URL.replace(/\/\/[^@]*@/, '//…@')})` : 'PGlite'}: ${files.length} files`);
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
