import { html, type TemplateResult } from 'lit';

/** A private-use character standing for a value while a message is translated (never in a message). */
const MARK = '\uE000';

/**
 * A translated message with some of its values as template parts (a date in a span that keeps it
 * on one line, say), never as HTML: `translate` gets a mark for each value, and the text is cut at
 * the marks.
 */
export function messageParts(translate: (values: Record<string, string>) => string, parts: Record<string, unknown>): unknown[] {
  const names = Object.keys(parts);
  const text = translate(Object.fromEntries(names.map((name, i) => [name, `${MARK}${i}${MARK}`])));
  return text.split(new RegExp(`${MARK}(\\d+)${MARK}`)).map((piece, i) => (i % 2 ? parts[names[Number(piece)]!] : piece));
}

/**
 * Text kept whole on one line (2027年2月5日, 2026年12月3日 09:00): a `span.whole`, which the
 * element's styles give `white-space: nowrap`, so the line breaks only around it. (`word-break:
 * keep-all` does not do it: WebKit then breaks Chinese text nowhere, not even after ：or 、, and a
 * line of dates ran off a phone's screen.)
 */
export function whole(text: string): TemplateResult {
  return html`<span class="whole">${text}</span>`;
}
