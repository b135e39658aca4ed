import type { Plugin } from 'vite';

/** See inline-own-lazy-imports.mjs. */
export function inlineOwnLazyImports(options?: { keep?: RegExp[] }): Plugin;
