/**
 * The conformance kit: checks a backend against the REST contract (`docs/openapi.json`).
 * `npx ruankao-conformance --base-url …` runs it; `runConformance()` is the same as a function.
 */
export { runConformance, UsageError, defaultDocumentPath, KIT_OPERATIONS, type ConformanceOptions } from './run.js';
export { formatReport, type ConformanceReport, type Mismatch, type OperationRow, type Skipped } from './report.js';
export { ContractDocument, DocumentError } from './document.js';
export { main } from './cli.js';
