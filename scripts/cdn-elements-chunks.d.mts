/** See cdn-elements-chunks.mjs. */
export const elementsCodeSplitting: { groups: { name: string; minShareCount: number }[] };
