import type { CSSResultOrNative } from 'lit';

/**
 * WebKit (seen in WebKitGTK 2.50, the engine of Safari) keeps the media queries of a constructed
 * style sheet as they were when the last shadow root using it left the page: a new element made
 * after the viewport changed (a phone turned, a window resized) adopts the sheet with the old
 * answers, e.g. the exam plan as a wide table on a narrow phone, until something changes the
 * sheet. So when an element connects and the viewport is not the one its sheets last saw, each
 * sheet gets an empty rule and loses it again, and WebKit evaluates it afresh. Other engines need
 * none of it; for them it costs that empty rule per sheet after a resize.
 */
const seen = new WeakMap<CSSStyleSheet, string>();

export function freshenMediaQueries(styles: readonly CSSResultOrNative[]): void {
  const viewport = `${innerWidth} ${innerHeight} ${devicePixelRatio}`;
  for (const style of styles) {
    const sheet = style instanceof CSSStyleSheet ? style : style.styleSheet;
    if (!sheet || seen.get(sheet) === viewport) continue;
    if (seen.has(sheet)) {
      sheet.insertRule('@media not all{}');
      sheet.deleteRule(0);
    }
    seen.set(sheet, viewport);
  }
}
