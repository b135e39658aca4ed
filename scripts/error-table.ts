/**
 * The README's table of error codes, written from the contract (`error-codes.ts`) and its words
 * (`contract-docs.ts`) between `<!-- error-table -->` markers by `npm run openapi`; a test fails
 * when the README's copy is stale.
 */
import { ERROR_DETAILS, ERROR_STATUS, type ErrorCode } from '../src/services/error-codes.js';
import { ERROR_DOCS } from '../src/services/contract-docs.js';

export const START = '<!-- error-table:start (npm run openapi writes it) -->';
export const END = '<!-- error-table:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The markdown table: code, status, details, meaning, what the elements do. */
export function errorTable(): string {
  const rows = (Object.keys(ERROR_STATUS) as ErrorCode[]).map((code) => {
    const details = (ERROR_DETAILS as Partial<Record<ErrorCode, { schema: { _zod: { def: { shape: Record<string, unknown> } } }; required: boolean }>>)[code];
    const fields = details ? Object.keys(details.schema._zod.def.shape).map((field) => `\`${field}\``).join(', ') : '—';
    const doc = ERROR_DOCS[code];
    return `| \`${code}\` | ${ERROR_STATUS[code]} | ${fields}${details && !details.required ? ' (optional)' : ''} | ${cell(doc.meaning)} | ${cell(doc.elements)} |`;
  });
  return ['| code | status | details | meaning | what the elements do |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The README with its table replaced by the current one. */
export function withErrorTable(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${START} … ${END}`);
  return `${readme.slice(0, start + START.length)}\n${errorTable()}\n${readme.slice(end)}`;
}
