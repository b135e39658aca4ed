/** Shared with the reference server: see `src/services/rules/office-error.ts`. */
export * from '../services/rules/office-error.js';
