import { registerMessages, type Messages } from '../../services/i18n/index.js';

/**
 * Registers a custom element with its zh-CN messages (`src/services/i18n/parts/`), warning instead
 * of throwing when the tag is taken: a CMS page may load two copies (or versions) of the library,
 * and the second must not break the first.
 */
export function define(tag: string, element: CustomElementConstructor, ...messages: Partial<Messages>[]): void {
  for (const catalog of messages) registerMessages(catalog);
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, element);
  } else if (existing !== element) {
    console.warn(
      `ruankao-elements: <${tag}> is already defined, probably by another copy of the library on this page; the first definition is kept.`,
    );
  }
}
