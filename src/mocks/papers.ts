/** Shared with the reference server: see `src/services/rules/papers.ts`. */
export * from '../services/rules/papers.js';
