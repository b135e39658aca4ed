/**
 * A Vite plugin for the one-file CDN build: the library's own modules that bundler users get as
 * chunks on demand (a form's checks, HttpBackend's response check: code a page needs moments
 * after its first paint) become static imports there. Left dynamic, each would become a chunk of
 * its own and pull zod and the schemas into a shared chunk that every page fetches anyway.
 * Dependencies (bare specifiers: image compression, QR, barcode) and the English messages stay
 * on demand.
 */
const DYNAMIC = /(?<!typeof\s*)\bimport\((['"])(\.{1,2}\/[^'"]+)\1\)/g;

export function inlineOwnLazyImports({ keep = [/\/en\.js$/] } = {}) {
  return {
    name: 'rk-inline-own-lazy-imports',
    transform(code, id) {
      if (!/\/src\//.test(id) || !code.includes('import(')) return null;
      const statics = [];
      const out = code.replace(DYNAMIC, (match, _quote, specifier, offset) => {
        if (keep.some((pattern) => pattern.test(specifier))) return match;
        // Not in a comment: a line that starts one (`//`, `/*`, ` * `) or has `//` before the call.
        const before = code.slice(code.lastIndexOf('\n', offset) + 1, offset);
        if (/^\s*(\/\/|\/\*|\*)/.test(before) || before.includes('//')) return match;
        const name = `__rkInline${statics.length}`;
        statics.push(`import * as ${name} from ${JSON.stringify(specifier)};`);
        return `Promise.resolve(${name})`;
      });
      // At the end: imports are hoisted, and the lines before keep their numbers (source maps).
      return statics.length ? { code: `${out}\n${statics.join('\n')}\n`, map: null } : null;
    },
  };
}
