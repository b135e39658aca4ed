/** See browser-support.mjs. */
export const BROWSER_TARGET: string[];
export function targetVersions(): Record<string, string>;
