/**
 * How `dist/cdn/elements/` is split (rolldown's `output.codeSplitting`): the code that most
 * elements share (Lit, the messages' core, errors, context, the base element: modules used by 8
 * or more of the 14 element files) is one `core` chunk; the rest is split automatically. Left
 * automatic, the core came in a dozen small files; now a page with the provider and one element
 * fetches 5–13 files (the portal 31) and about 0.5 KB less. Used by vite.config.ts and measured
 * by scripts/bench/sizes.mjs.
 */
export const elementsCodeSplitting = { groups: [{ name: 'core', minShareCount: 8 }] };
