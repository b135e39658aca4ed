// `npm run openapi`: writes docs/openapi.json from the contract and the zod schemas, and the
// README's table of error codes.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { withErrorTable } from './error-table.js';
import { buildOpenApi } from './openapi-document.js';

const target = new URL('../docs/openapi.json', import.meta.url);
mkdirSync(new URL('.', target), { recursive: true });
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
writeFileSync(target, `${JSON.stringify(buildOpenApi(version), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);

const readme = new URL('../README.md', import.meta.url);
writeFileSync(readme, withErrorTable(readFileSync(readme, 'utf8')));
console.log(`wrote the error table of ${readme.pathname}`);
