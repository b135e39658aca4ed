// `npm run openapi`: writes docs/openapi.json from the contract and the zod schemas.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { buildOpenApi } from './openapi-document.js';

const target = new URL('../docs/openapi.json', import.meta.url);
mkdirSync(new URL('.', target), { recursive: true });
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
writeFileSync(target, `${JSON.stringify(buildOpenApi(version), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
