/**
 * Two builds:
 * - `vite build`: ES modules for bundler users, one entry per element plus `services` and
 *   `mocks`, with lit, zod and msw left as dependencies (`dist/`).
 * - `vite build --mode cdn`: one self-contained, minified file a CMS page loads with a single
 *   `<script type="module">` (`dist/cdn/ruankao-elements.js`); heavy dependencies that load on
 *   demand become chunks beside it.
 * - `vite build --mode cdn-elements`: the same, minified and self-contained, one file per element
 *   (`dist/cdn/elements/rk-*.js`) with shared chunks beside them, for a page that embeds only some
 *   elements and should download only those; `autoloader.js` there loads them as their tags appear.
 * `vite` (dev) serves the demo page and Storybook's MSW worker from `public/`.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';
import { BROWSER_TARGET } from './scripts/browser-support.mjs';
import { elementsCodeSplitting } from './scripts/cdn-elements-chunks.mjs';
import { thirdPartyLicenses } from './scripts/third-party-licenses.mjs';
import { inlineOwnLazyImports } from './scripts/inline-own-lazy-imports.mjs';
import { minifyCssLiterals } from './scripts/minify-css-literals.mjs';

const root = import.meta.dirname;

/** Every element: `src/components/<folder>/rk-<name>.ts` → entry `rk-<name>` (base/ holds no element). */
function elementEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const folder of readdirSync(resolve(root, 'src/components'), { withFileTypes: true })) {
    if (!folder.isDirectory() || folder.name === 'base') continue;
    for (const file of readdirSync(resolve(root, 'src/components', folder.name))) {
      const match = /^(rk-[a-z-]+)\.ts$/.exec(file);
      if (match) entries[match[1]] = resolve(root, 'src/components', folder.name, file);
    }
  }
  return entries;
}

const external = [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, /^msw($|\/)/, /^browser-image-compression/, /^uqr/, /^jsbarcode/];

const library: UserConfig = {
  // public/ holds MSW's worker for the dev server and Storybook; it is no part of the package.
  publicDir: false,
  // The elements' CSS without comments and layout white space (in every build).
  plugins: [minifyCssLiterals()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    // The browsers of the README's support table (scripts/browser-support.mjs).
    target: BROWSER_TARGET,
    lib: {
      entry: {
        index: resolve(root, 'src/index.ts'),
        services: resolve(root, 'src/services/index.ts'),
        mocks: resolve(root, 'src/mocks/index.ts'),
        ...elementEntries(),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external,
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
};

/** A self-contained, minified build for CMS pages: Lit and zod inside, heavy dependencies as chunks on demand. */
function selfContained(outDir: string, entry: Record<string, string>, plugins: UserConfig['plugins'] = [], codeSplitting?: object): UserConfig {
  return {
    publicDir: false,
    // Lit and zod are inside, their licence comments minified away: their licences go beside.
    plugins: [...(plugins ?? []), minifyCssLiterals(), thirdPartyLicenses()],
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: true,
      minify: true,
      target: BROWSER_TARGET,
      lib: { entry, formats: ['es'] },
      rolldownOptions: {
        // Fully minified: Vite's library mode keeps white space and comments in ES output (for
        // bundlers that tree-shake it again); these files go to browsers as they are.
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', minify: true, ...(codeSplitting ? { codeSplitting } : {}) },
      },
    },
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  };
}

// One file by design: the library's own modules that bundlers get on demand are inline here.
const cdn = selfContained('dist/cdn', { 'ruankao-elements': resolve(root, 'src/index.ts') }, [inlineOwnLazyImports()]);
const cdnElements = selfContained(
  'dist/cdn/elements',
  { ...elementEntries(), autoloader: resolve(root, 'src/autoloader.ts') },
  [],
  elementsCodeSplitting,
);

/**
 * `npm start` (the dev server): the dependency scan looks at the demo pages only. By default it
 * scans every HTML file of the project, examples/ too, whose React and Vue pages import the
 * built package (`ruankao-elements`), which a fresh clone has not built: the first screen of a
 * newcomer's `npm start` was a "Failed to run dependency scan" error.
 */
const devServer: UserConfig = {
  optimizeDeps: { entries: ['demo/*.html'] },
};

export default defineConfig(({ command, mode }) => {
  if (command === 'serve') return devServer;
  if (mode === 'cdn') return cdn;
  return mode === 'cdn-elements' ? cdnElements : library;
});
