/**
 * A Vite plugin for every build (and scripts/bench/sizes.mjs): the CSS of Lit's `css` literals
 * without its comments and layout white space. The JavaScript minifier leaves template literals as
 * written, so each element's styles reached the browser indented and commented (the shared form
 * styles alone about 0.35 KB min+gz on every page). Strings in the CSS (`content: ''`) stay as
 * they are; a literal with `${…}` or a backslash is left alone. The lines a literal loses follow
 * its closing backtick, so that the code after it keeps its line numbers (source maps).
 */
const LITERAL = /\bcss`([^`]*)`/g;

/** `css` without comments and with white space only where CSS needs it. */
export function minifyCss(css) {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/)
    // Outside strings: one space at most, none around braces, `;` and `>`, before `,` and after
    // `:` (a selector's `:` never has a space after it). The space after a comma stays: values
    // with var() keep their text as written (a custom property's value reads the same).
    .map((part, index) => (index % 2 ? part : part.replace(/\s+/g, ' ').replace(/ ?([{};>]) ?/g, '$1').replace(/ ,/g, ',').replace(/: /g, ':')))
    .join('')
    .replace(/;}/g, '}')
    .trim();
}

export function minifyCssLiterals() {
  return {
    name: 'rk-minify-css-literals',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      const out = code.replace(LITERAL, (match, body) => {
        if (body.includes('${') || body.includes('\\')) return match;
        const lines = body.split('\n').length - 1;
        return `css\`${minifyCss(body)}\`${'\n'.repeat(lines)}`;
      });
      return out === code ? null : { code: out, map: null };
    },
  };
}
