// The oldest browsers the library supports: the build target of every build (vite.config.ts) and
// the README's support table (scripts/check-browser-support.mjs holds the two together). It is
// Vite's 'baseline-widely-available' list, written out so that a Vite upgrade cannot move it.
// What sets each minimum (checked against the source): class static blocks, constructed style
// sheets, ElementInternals and OffscreenCanvas (Safari/iOS 16.4); container queries (the portal's
// and the timeline's phone layouts) and color-mix() (Chrome 111, Firefox 113).

/** esbuild-style targets: engine and oldest version. */
export const BROWSER_TARGET = ['chrome111', 'edge111', 'firefox114', 'safari16.4', 'ios16.4'];

/** `chrome111` → { chrome: '111' } */
export function targetVersions() {
  return Object.fromEntries(BROWSER_TARGET.map((target) => /^([a-z]+)([\d.]+)$/.exec(target).slice(1)));
}
