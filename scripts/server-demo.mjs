// Builds the demo page for the reference server (VITE_RK_DEMO_BACKEND=server: no MSW, the QA
// panel on the office API) into a folder the server serves (RK_DEMO_DIR).
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Builds demo/index.html for the server into `outDir` (`<outDir>/demo/index.html` and `<outDir>/assets/`). */
export async function buildServerDemo(outDir) {
  await build({
    configFile: false,
    root,
    logLevel: 'error',
    publicDir: false,
    define: { 'import.meta.env.VITE_RK_DEMO_BACKEND': JSON.stringify('server') },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: { input: { index: `${root}demo/index.html` } },
    },
  });
}
