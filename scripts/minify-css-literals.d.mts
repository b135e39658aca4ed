import type { Plugin } from 'vite';

/** `css` without comments and with white space only where CSS needs it. */
export function minifyCss(css: string): string;
/** The Vite plugin that minifies the CSS of Lit's `css` literals in src/ (see the .mjs). */
export function minifyCssLiterals(): Plugin;
