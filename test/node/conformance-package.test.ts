/**
 * The kit runs from the published package, where only `files` of package.json ship: `bin/`,
 * `dist/` (the kit compiled by `npm run build` into dist/conformance) and docs/openapi.json. The
 * test compiles the kit as the build does into a package laid out like the published one (its
 * node_modules the repository's), then runs its bin against the mock office.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startMockOfficeServer, type RunningMockOffice } from '../../scripts/mock-office-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  files: string[];
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
};

function run(file: string, args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const jsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? jsFiles(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : []));

describe('the conformance kit as published', () => {
  let dir: string;
  let server: RunningMockOffice;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ruankao-package-'));
    // What `npm run build` runs for the kit, into the package's dist/.
    assert.match(pkg.scripts.build!, /tsc -p conformance\/tsconfig\.json/);
    await promisify(execFile)(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'conformance/tsconfig.json'), '--outDir', join(dir, 'dist/conformance')], { cwd: root });
    mkdirSync(join(dir, 'docs'));
    cpSync(join(root, 'docs/openapi.json'), join(dir, 'docs/openapi.json'));
    cpSync(join(root, 'bin'), join(dir, 'bin'), { recursive: true });
    cpSync(join(root, 'package.json'), join(dir, 'package.json'));
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    server = await startMockOfficeServer({ auth: 'both' });
  });
  after(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ships its bin, its build and the document (package.json bin and files)', () => {
    const bin = pkg.bin['ruankao-conformance'];
    assert.equal(bin, './bin/ruankao-conformance.mjs');
    for (const shipped of ['bin', 'dist', 'docs/openapi.json']) assert.ok(pkg.files.includes(shipped), shipped);
    assert.match(readFileSync(join(root, bin), 'utf8'), /^#!\/usr\/bin\/env node\n/);
  });

  it('imports at run time only the package\'s own files and its dependencies (not dev dependencies, not src/)', () => {
    const imported = new Set<string>();
    for (const file of jsFiles(join(dir, 'dist/conformance'))) {
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
        if (!specifier!.startsWith('.')) imported.add(specifier!);
        else assert.doesNotMatch(specifier!, /\.\.\/(?:\.\.\/)*src\//, `${file} imports ${specifier}`);
      }
    }
    const packages = [...imported].filter((name) => !name.startsWith('node:')).map((name) => (name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!));
    assert.ok(packages.length > 0);
    for (const name of new Set(packages)) assert.ok(name in pkg.dependencies, `${name} is a runtime dependency`);
  });

  it('npx ruankao-conformance: --help, and a run against the mock office that exits 0', async () => {
    const bin = join(dir, 'bin/ruankao-conformance.mjs');
    const help = await run(bin, ['--help'], dir);
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /^ruankao-conformance: /);
    const json = join(dir, 'report.json');
    const { code, stdout, stderr } = await run(bin, ['--base-url', server.url, '--json', json], dir);
    assert.equal(code, 0, stderr || stdout);
    const report = JSON.parse(readFileSync(json, 'utf8')) as { passed: boolean; mismatches: unknown[]; authModes: string[] };
    assert.deepEqual(report.mismatches, []);
    assert.equal(report.passed, true);
    assert.deepEqual(report.authModes, ['bearer', 'cookie']);
  });
});
