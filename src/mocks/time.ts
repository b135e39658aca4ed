/** Shared with the reference server: see `src/services/rules/time.ts`. */
export * from '../services/rules/time.js';
