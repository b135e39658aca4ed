/**
 * What the kit found: every call counted under its operation, every mismatch with the exact
 * operation, step, status and place (a JSON pointer into the body, a header, the status), the
 * steps skipped and why; printed as a table per operation and a list, or written as JSON.
 */

/** One way the backend differs from the document (or from what the document says must happen). */
export interface Mismatch {
  /** The operationId, e.g. `getExamSession`. */
  operation: string;
  /** `GET /exam-session`. */
  endpoint: string;
  /** The kit's step, e.g. `journey: exam session`. */
  step: string;
  /** The HTTP status answered, or null when no answer was read. */
  status: number | null;
  /**
   * Where: `status`, `body` or `body/<JSON pointer>` (e.g. `body/plan`, `body/details/fields`),
   * `header <Name>`, `cookie <name>`, `transport`, or `request body/<pointer>` for a request the
   * kit sent that the document refuses (a problem of the document or the kit).
   */
  where: string;
  message: string;
  expected?: string;
  got?: string;
}

/** A step the kit could not run. */
export interface Skipped {
  step: string;
  because: string;
  /** `failure`: an earlier step failed; `option`: the options asked for it (e.g. --no-office). */
  cause: 'failure' | 'option';
}

/** Calls and mismatches of one operation. */
export interface OperationRow {
  operation: string;
  endpoint: string;
  calls: number;
  conforming: number;
  mismatches: number;
}

/** The whole report (what `--json` writes). */
export interface ConformanceReport {
  tool: 'ruankao-conformance';
  /** The version of the document the backend was judged against. */
  documentVersion: string;
  baseUrl: string;
  officeUrl: string | null;
  startedAt: string;
  durationMs: number;
  /** The session modes the backend offers, as detected: `bearer`, `cookie`. */
  authModes: string[];
  operations: OperationRow[];
  mismatches: Mismatch[];
  skipped: Skipped[];
  /** What the kit could not provoke or chose not to, and facts worth knowing. */
  notes: string[];
  /** True only when every call conformed and nothing was skipped because of a failure. */
  passed: boolean;
}

/** One call as counted in the report; mismatches found later (by a step) are added to it. */
export class CallRecord {
  mismatches = 0;
  constructor(
    readonly operation: string,
    readonly endpoint: string,
    readonly step: string,
    readonly status: number | null,
  ) {}
}

/** Collects calls, mismatches, skipped steps and notes while the kit runs. */
export class Recorder {
  readonly calls: CallRecord[] = [];
  readonly mismatches: Mismatch[] = [];
  readonly skipped: Skipped[] = [];
  readonly notes: string[] = [];
  /** Steps that stopped on an answer the kit could not use (each also a note). */
  kitErrors = 0;
  /** Every operation of the document, in its order, so the table shows those never called too. */
  readonly endpoints = new Map<string, string>();

  call(operation: string, endpoint: string, step: string, status: number | null): CallRecord {
    const record = new CallRecord(operation, endpoint, step, status);
    this.calls.push(record);
    return record;
  }

  mismatch(record: CallRecord, where: string, message: string, extra: { expected?: string; got?: string } = {}): void {
    record.mismatches += 1;
    this.mismatches.push({
      operation: record.operation,
      endpoint: record.endpoint,
      step: record.step,
      status: record.status,
      where,
      message,
      ...(extra.expected !== undefined ? { expected: extra.expected } : {}),
      ...(extra.got !== undefined ? { got: extra.got } : {}),
    });
  }

  skip(step: string, because: string, cause: Skipped['cause']): void {
    this.skipped.push({ step, because, cause });
  }

  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }

  rows(): OperationRow[] {
    const rows = new Map<string, OperationRow>();
    for (const [operation, endpoint] of this.endpoints) rows.set(operation, { operation, endpoint, calls: 0, conforming: 0, mismatches: 0 });
    for (const call of this.calls) {
      const row = rows.get(call.operation) ?? { operation: call.operation, endpoint: call.endpoint, calls: 0, conforming: 0, mismatches: 0 };
      row.calls += 1;
      if (call.mismatches === 0) row.conforming += 1;
      row.mismatches += call.mismatches;
      rows.set(call.operation, row);
    }
    return [...rows.values()];
  }
}

/** The report as text: the table per operation, then every mismatch, skipped step and note. */
export function formatReport(report: ConformanceReport, options: { table?: boolean } = {}): string {
  const lines: string[] = [];
  lines.push(`ruankao-conformance: ${report.baseUrl}${report.officeUrl && report.officeUrl !== report.baseUrl ? ` (office API: ${report.officeUrl})` : report.officeUrl ? '' : ' (no office API)'}`);
  lines.push(`document ${report.documentVersion || '(no version)'}; session modes found: ${report.authModes.length > 0 ? report.authModes.join(', ') : 'none'}; ${(report.durationMs / 1000).toFixed(1)} s`);
  if (options.table !== false) lines.push('', ...table(report));
  if (report.mismatches.length > 0) {
    // The same mismatch met again (every captcha of the run, say) is printed once, with its count.
    const groups = new Map<string, { mismatch: Mismatch; count: number; steps: Set<string> }>();
    for (const mismatch of report.mismatches) {
      const key = JSON.stringify([mismatch.operation, mismatch.status, mismatch.where, mismatch.message, mismatch.expected, mismatch.got]);
      const group = groups.get(key) ?? { mismatch, count: 0, steps: new Set<string>() };
      group.count += 1;
      group.steps.add(mismatch.step);
      groups.set(key, group);
    }
    lines.push('', `Mismatches (${report.mismatches.length}${groups.size < report.mismatches.length ? `, ${groups.size} different` : ''})`);
    [...groups.values()].forEach(({ mismatch, count, steps }, index) => {
      const again = count > 1 ? ` (×${count}${steps.size > 1 ? ` in ${steps.size} steps` : ''})` : '';
      lines.push(`${index + 1}. ${mismatch.operation} (${mismatch.endpoint}) → ${mismatch.status ?? 'no answer'}, step "${mismatch.step}"${again}`);
      lines.push(`   ${mismatch.where}: ${mismatch.message}`);
      if ((mismatch.expected !== undefined || mismatch.got !== undefined) && !mismatch.message.startsWith('expected ')) {
        lines.push(`   expected: ${mismatch.expected ?? '-'}`);
        lines.push(`   got:      ${mismatch.got ?? '-'}`);
      }
    });
  }
  if (report.skipped.length > 0) {
    lines.push('', `Skipped (${report.skipped.length})`);
    for (const skipped of report.skipped) lines.push(`- ${skipped.step}: ${skipped.because}`);
  }
  if (report.notes.length > 0) {
    lines.push('', 'Notes');
    for (const note of report.notes) lines.push(`- ${note}`);
  }
  lines.push('', report.passed ? 'PASSED: the backend conforms to the document in everything the kit checked.' : `FAILED: ${report.mismatches.length} mismatch(es)${report.skipped.some((entry) => entry.cause === 'failure') ? `, ${report.skipped.filter((entry) => entry.cause === 'failure').length} step(s) skipped because of them` : ''}.`);
  return lines.join('\n');
}

function table(report: ConformanceReport): string[] {
  const header = ['operation', 'endpoint', 'calls', 'conforming', 'mismatches'];
  const body = report.operations.map((row) => [row.operation, row.endpoint, String(row.calls), String(row.conforming), String(row.mismatches)]);
  const total = report.operations.reduce(
    (sum, row) => ({ calls: sum.calls + row.calls, conforming: sum.conforming + row.conforming, mismatches: sum.mismatches + row.mismatches }),
    { calls: 0, conforming: 0, mismatches: 0 },
  );
  body.push(['total', '', String(total.calls), String(total.conforming), String(total.mismatches)]);
  const lines: string[] = [];
  const widths = header.map((title, column) => Math.max(title.length, ...body.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column >= 2 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd();
  lines.push(line(header));
  lines.push(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of body.slice(0, -1)) lines.push(line(row));
  lines.push(widths.map((width) => '-'.repeat(width)).join('  '));
  lines.push(line(body.at(-1)!));

  return lines;
}
