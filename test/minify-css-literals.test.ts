/**
 * The builds ship the elements' CSS minified (scripts/minify-css-literals.mjs): the browser must
 * read every element's styles the same either way. The judge is the browser's own CSS parser: each
 * rule as the CSSOM serializes it, from the styles as written and from the minified styles. A
 * minifier that took a space CSS needs (`calc(a + b)`, a descendant `:is()`), touched a string or
 * left a comment half open would change or drop rules here.
 */
import type { CSSResultOrNative } from 'lit';
import { expect } from './helpers/testing.js';
import { minifyCss } from '../scripts/minify-css-literals.mjs';
import * as library from '../src/index.js';

/**
 * Each rule of `css` as the browser reads it. A value with var() keeps its text as written, and
 * there any run of white space is one token (a line break and an indent read as one space).
 */
function rules(css: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/\s+/g, ' '));
}

const text = (style: CSSResultOrNative): string =>
  style instanceof CSSStyleSheet ? [...style.cssRules].map((rule) => rule.cssText).join('\n') : style.cssText;

describe('minifyCss (the CSS of the builds)', () => {
  it('keeps what a rule means: strings, calc(), media queries, selectors; drops comments and layout', () => {
    const css = `
      /* a comment's apostrophe */
      [part='panel'] > p ,
      a::before {
        content: '  x ';
        padding: calc(var(--_space) * 2 + 1px);
        font-family: var(--f, 'PingFang SC', sans-serif);
      }
      p :is(a, b) { color: red; }
      @media (max-width: 400px) and (hover: none) {
        a:hover { color: blue; }
      }
    `;
    const minified = minifyCss(css);
    expect(minified).to.equal(
      "[part='panel']>p, a::before{content:'  x ';padding:calc(var(--_space) * 2 + 1px);font-family:var(--f, 'PingFang SC', sans-serif)}p :is(a, b){color:red}@media (max-width:400px) and (hover:none){a:hover{color:blue}}",
    );
    expect(rules(minified)).to.deep.equal(rules(css));
  });

  it("every element's styles read the same minified", () => {
    const elements = Object.values(library).filter(
      (value): value is typeof library.RkElement => typeof value === 'function' && 'elementStyles' in value,
    );
    expect(elements.length).to.be.greaterThan(10);
    for (const element of elements) {
      for (const style of element.elementStyles ?? []) {
        const css = text(style);
        const written = rules(css);
        const minified = rules(minifyCss(css));
        // The first rule that reads otherwise, by name (a long list compares unreadably).
        const differs = written.findIndex((rule, index) => minified[index] !== rule);
        expect(minified[differs], element.name).to.equal(written[differs]);
        expect(minified.length, element.name).to.equal(written.length);
      }
    }
  });
});
