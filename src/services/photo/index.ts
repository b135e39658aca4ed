/** The photo services: sniffing, measures, crop geometry, encoding and the pipeline. */
export * from './compress.js';
export * from './crop.js';
export * from './measures.js';
export * from './pipeline.js';
export * from './rules.js';
export * from './sniff.js';
export { PHOTO_MEASURE_PREFIX, type PhotoStep } from './timing.js';
