/**
 * The conformance kit passes against the mock office over real HTTP, in each auth mode the
 * office can hand out, through `runConformance()` and through the CLI process; the CLI's usage
 * errors exit 2. (test/node/conformance-broken.test.ts: it fails against broken variants;
 * conformance-hostile.test.ts: a hostile backend never crashes it.)
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main, runConformance, type ConformanceReport } from '../../conformance/index.js';
import { startMockOfficeServer, type RunningMockOffice } from '../../scripts/mock-office-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the kit's CLI from the TypeScript source (as `npm run conformance` does). */
export function runCli(args: string[], timeoutMs = 120_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'conformance/cli.ts', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs the CLI's main() in this process, capturing what it prints. */
async function runMain(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, (text) => (out += `${text}\n`), (text) => (err += `${text}\n`));
  return { code, out, err };
}

function assertPassed(report: ConformanceReport): void {
  assert.deepEqual(report.mismatches, [], 'no mismatch');
  assert.deepEqual(report.skipped, [], 'no step skipped');
  assert.equal(report.passed, true);
  const notCalled = report.operations.filter((row) => row.calls === 0).map((row) => row.operation);
  assert.deepEqual(notCalled, [], 'every operation of the document was called');
}

describe('the conformance kit against the mock office over HTTP', () => {
  for (const [auth, modes] of [['bearer', ['bearer']], ['cookie', ['cookie']], ['both', ['bearer', 'cookie']]] as const) {
    it(`passes in ${auth} mode (sessions: ${modes.join(' and ')}) and puts the office's clock back`, async () => {
      const server = await startMockOfficeServer({ auth });
      try {
        const report = await runConformance({ baseUrl: server.url });
        assertPassed(report);
        assert.deepEqual(report.authModes, modes);
        // The journey really happened in the office: the candidate's application ended certified.
        const certified = Object.values(JSON.parse(server.office.snapshot()).state.applications as Record<string, { application: { status: string } }>)
          .filter((record) => record.application.status === 'certified');
        assert.equal(certified.length, 1, 'one application went all the way to its certificate');
        assert.equal(server.office.clock().moved, false, 'the clock is back to real time');
      } finally {
        await server.close();
      }
    });
  }

  it('moves the clock into the ticket window when the 准考证 is not out yet, signs in again, and puts the clock back', async () => {
    // A conformant variant: tickets and the arrangement are `not-yet` until the printing window
    // opens (the mock opens it when tickets are published).
    const server = await startMockOfficeServer({
      auth: 'cookie',
      wrap: (handler, office) => {
        const opensAt = office.getExamSession().ticketWindow.opensAt;
        return async (request) => {
          const path = new URL(request.url).pathname;
          if (/\/(admission-ticket|exam-arrangement)$/.test(path) && Date.parse(office.clock().now) < Date.parse(opensAt)) {
            const answer = await handler(request);
            if (answer.status !== 200) return answer;
            return Response.json({ status: 'not-yet', opensAt });
          }
          return handler(request);
        };
      },
    });
    try {
      const report = await runConformance({ baseUrl: server.url });
      assertPassed(report);
      assert.ok(report.notes.some((note) => /getAdmissionTicket answered not-yet .*moved the backend's clock/.test(note)), report.notes.join('\n'));
      assert.ok(report.operations.find((row) => row.operation === 'getAdmissionTicket')!.calls >= 3, 'asked again after the clock moved');
      assert.equal(server.office.clock().moved, false);
    } finally {
      await server.close();
    }
  });

  it('stopped midway (as Ctrl-C does), puts the clock back and reports what ran', async () => {
    const controller = new AbortController();
    const server = await startMockOfficeServer({
      auth: 'both',
      wrap: (handler) => async (request) => {
        const answer = await handler(request);
        // Stop once the kit has moved the clock (the password-reset step).
        if (request.method === 'PUT' && new URL(request.url).pathname.endsWith('/office/test/clock') && answer.ok && !controller.signal.aborted) controller.abort();
        return answer;
      },
    });
    try {
      const report = await runConformance({ baseUrl: server.url, signal: controller.signal });
      assert.equal(report.passed, false);
      assert.deepEqual(report.mismatches, []);
      assert.ok(report.notes.some((note) => /stopped before its end/.test(note)));
      assert.ok(report.skipped.some((entry) => /registration window/.test(entry.step)), 'the window checks did not run');
      assert.equal(server.office.clock().moved, false, 'the clock is back');
    } finally {
      await server.close();
    }
  });

  it('--no-office: only the checks without the office API, which pass; the rest is skipped by choice', async () => {
    const server = await startMockOfficeServer({ auth: 'both' });
    try {
      const report = await runConformance({ baseUrl: server.url, officeUrl: null });
      assert.deepEqual(report.mismatches, []);
      assert.equal(report.passed, true);
      assert.ok(report.skipped.length > 10 && report.skipped.every((entry) => entry.cause === 'option'), 'the journey is skipped because of --no-office');
      assert.ok((report.operations.find((row) => row.operation === 'getApplication')?.calls ?? 0) > 0, 'the 401 checks ran');
      assert.equal(report.operations.some((row) => row.endpoint.includes('/office/')), false, 'no office operation in the table');
    } finally {
      await server.close();
    }
  });

  describe('the CLI', () => {
    let server: RunningMockOffice;
    let dir: string;
    before(async () => {
      server = await startMockOfficeServer({ auth: 'cookie', officeKey: 'kit-test-key' });
      dir = mkdtempSync(join(tmpdir(), 'ruankao-conformance-'));
    });
    after(async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('exits 0 against the mock office, prints the table and the verdict, writes --json', async () => {
      const json = join(dir, 'report.json');
      const { code, stdout, stderr } = await runCli(['--base-url', server.url, '--office-key', 'kit-test-key', '--json', json]);
      assert.equal(code, 0, stderr || stdout);
      assert.match(stdout, /^operation\s+endpoint\s+calls\s+conforming\s+mismatches$/m);
      assert.match(stdout, /^submitApplication\s+POST \/application\/submit\s+\d+\s+\d+\s+0$/m);
      assert.match(stdout, /^PASSED/m);
      const report = JSON.parse(readFileSync(json, 'utf8')) as ConformanceReport;
      assertPassed(report);
      assert.deepEqual(report.authModes, ['cookie']);
    });

    it('exits 1 with the office\'s key refused (403 FORBIDDEN), saying so', async () => {
      const { code, out } = await runMain(['--base-url', server.url, '--office-key', 'not-the-key', '--quiet']);
      assert.equal(code, 1, out);
      assert.match(out, /refused the staff key \(403 FORBIDDEN\): pass the office's key with --office-key/);
      assert.match(out, /^FAILED/m);
      assert.doesNotMatch(out, /^operation\s+endpoint/m, '--quiet leaves the table out');
    });

    it('exits 2 on bad usage (the process, and main() for each case), 0 on --help', async () => {
      const process = await runCli(['--base-url', server.url, '--bogus']);
      assert.equal(process.code, 2, process.stderr);
      assert.match(process.stderr, /^ruankao-conformance: Unknown option '--bogus'/);
      const help = await runMain(['--help']);
      assert.equal(help.code, 0);
      assert.match(help.out, /--base-url <url>/);
      for (const args of [[], ['--base-url'], ['--base-url', 'not a url'], ['--base-url', 'ftp://example.org/api'], ['--base-url', server.url, '--timeout', '-5'], ['--base-url', server.url, '--openapi', join(dir, 'missing.json')], ['--base-url', server.url, '--no-office', '--office', server.url], ['--base-url', server.url, 'positional']]) {
        const { code, err } = await runMain(args);
        assert.equal(code, 2, `${args.join(' ')}: ${err}`);
        assert.match(err, /^ruankao-conformance: /, args.join(' '));
      }
    });
  });
});
