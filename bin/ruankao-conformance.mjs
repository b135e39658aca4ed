#!/usr/bin/env node
// `npx ruankao-conformance --base-url …`: the conformance kit, built into dist/conformance by `npm run build`.
import { main } from '../dist/conformance/cli.js';

process.exitCode = await main(process.argv.slice(2));
