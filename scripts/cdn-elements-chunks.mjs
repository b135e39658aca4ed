/**
 * How `dist/cdn/elements/` is split (rolldown's `output.codeSplitting`): the code that most
 * elements share (Lit, the messages' core, errors, context, the base element, the backend
 * consumer: modules used by 8 or more of the 14 element files) is one `core` chunk; the rest is
 * split automatically. Left automatic, the core came in a dozen small files; now a page with the
 * provider and one element fetches 4–12 files (the portal 31) and about 0.5 KB less. The
 * identity document's rules and `OwnSession`, which only rk-realname and rk-registration-form load
 * before their first paint, are one `identity` chunk: apart, `OwnSession` was a file of its own
 * on both pages (about 140 B more each). Used by vite.config.ts and measured by
 * scripts/bench/sizes.mjs.
 */
export const elementsCodeSplitting = {
  groups: [
    { name: 'core', minShareCount: 8 },
    { name: 'identity', test: /\/src\/(services\/id-document|controllers\/own-session)\.ts$/ },
  ],
};
