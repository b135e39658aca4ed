/** Shared with the reference server: see `src/services/rules/jpeg.ts`. */
export * from '../services/rules/jpeg.js';
