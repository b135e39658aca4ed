// `npm run openapi`: writes docs/openapi.json from the contract and the zod schemas.
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildOpenApi } from './openapi-document.js';

const target = new URL('../docs/openapi.json', import.meta.url);
mkdirSync(new URL('.', target), { recursive: true });
writeFileSync(target, `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
