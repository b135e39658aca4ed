/**
 * The command line of the kit: `npx ruankao-conformance --base-url https://… [options]`.
 * Exit codes: 0 everything conforms, 1 a mismatch (or a step that could not run because of
 * one), 2 bad usage (options, an unreadable document).
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DocumentError } from './document.js';
import { formatReport } from './report.js';
import { runConformance, UsageError } from './run.js';

const USAGE = 'usage: npx ruankao-conformance --base-url <url> [--office <url>] [--office-key <key>] [--no-office] [--openapi <file>] [--timeout <ms>] [--json <file>] [--quiet] (--help for more)';

export const HELP = `ruankao-conformance: checks a backend against the REST contract of ruankao-elements (docs/openapi.json)

Usage:
  npx ruankao-conformance --base-url <url> [options]

It walks the whole journey as a candidate (register, real name, draft, photo, submit, order,
报名表, change request, 准考证, arrangement, scores, certificates, logout), plays the office
through the office API (review, payment, tickets, scores, certificates, the clock), provokes
every error it can, and judges every answer against the document with an independent JSON
Schema validator. Use a test deployment: the kit creates accounts and applications, and moves
the backend's clock with the office API's test part (it always puts it back).

Options:
  --base-url <url>     The API base, e.g. https://exam.example.gov.cn/api (required)
  --office <url>       The office API's base, if not the API base (its paths start with /office/)
  --office-key <key>   The office API's staff key (X-Office-Key); default: $RUANKAO_OFFICE_KEY,
                       else mock-office-key (the mock office's)
  --no-office          No office API: only the checks without it (most of the journey needs it)
  --openapi <file>     The document to judge with; default: the docs/openapi.json of the package
  --timeout <ms>       Time limit of each request, headers and body (default 10000)
  --json <file>        Also write the report as JSON
  --quiet              Print only the verdict and the mismatches
  -h, --help           This help

Exit codes: 0 everything conforms; 1 a mismatch, or a step skipped because of one; 2 bad usage.`;

/** Runs the command line; resolves with the exit code (never calls process.exit itself). */
export async function main(argv: string[], out: (text: string) => void = (text) => process.stdout.write(`${text}\n`), err: (text: string) => void = (text) => process.stderr.write(`${text}\n`)): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'base-url': { type: 'string' },
        office: { type: 'string' },
        'office-key': { type: 'string' },
        'no-office': { type: 'boolean' },
        openapi: { type: 'string' },
        timeout: { type: 'string' },
        json: { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    err(`ruankao-conformance: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(HELP);
    return 0;
  }
  if (typeof values['base-url'] !== 'string' || values['base-url'] === '') {
    err(`ruankao-conformance: --base-url is required\n${USAGE}`);
    return 2;
  }
  if (values['no-office'] && values.office !== undefined) {
    err('ruankao-conformance: --office and --no-office exclude each other');
    return 2;
  }
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) {
    err(`ruankao-conformance: --timeout must be a positive number of milliseconds, got "${String(values.timeout)}"`);
    return 2;
  }
  // Ctrl-C stops the run (the kit puts the backend's clock back and reports what ran); a second one quits.
  const controller = new AbortController();
  const interrupt = () => {
    if (controller.signal.aborted) process.exit(130);
    err('ruankao-conformance: stopping (the clock is put back); press Ctrl-C again to quit at once');
    controller.abort();
  };
  process.on('SIGINT', interrupt);
  try {
    const report = await runConformance({
      signal: controller.signal,
      baseUrl: values['base-url'],
      officeUrl: values['no-office'] ? null : (values.office as string | undefined),
      officeKey: (values['office-key'] as string | undefined) ?? process.env.RUANKAO_OFFICE_KEY ?? 'mock-office-key',
      ...(values.openapi ? { openapi: values.openapi as string } : {}),
      ...(timeout !== undefined ? { timeoutMs: timeout } : {}),
    });
    if (typeof values.json === 'string') writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
    out(formatReport(report, { table: !values.quiet }));
    return report.passed ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError || error instanceof DocumentError) {
      err(`ruankao-conformance: ${error.message}`);
      return 2;
    }
    err(`ruankao-conformance: the kit failed: ${(error as Error).stack ?? String(error)}`);
    return 1;
  } finally {
    process.off('SIGINT', interrupt);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
