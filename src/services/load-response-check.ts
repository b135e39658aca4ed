/**
 * Loads the contract and the response check (zod and the schemas) on demand. The CDN build swaps
 * this module for `load-response-check.eager.ts`: it is one file by design, and there a chunk
 * of its own would only add a request (see vite.config.ts).
 */
export const loadResponseCheckModule = () => import('./response-check.js');
