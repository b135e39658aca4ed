/** Shared with the reference server: see `src/services/rules/plan.ts`. */
export * from '../services/rules/plan.js';
