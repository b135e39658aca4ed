import { registerMessages, type Messages } from '../../services/i18n/index.js';
import { attachContextRoot } from './context-root.js';

/**
 * Registers a custom element with its zh-CN messages (`src/services/i18n/parts/`), warning instead
 * of throwing when the tag is taken: a CMS page may load two copies (or versions) of the library,
 * and the second must not break the first. Elements may be defined in any order: one defined
 * before its provider gets the provider's context when the provider comes (see context-root.ts).
 */
export function define(tag: string, element: CustomElementConstructor, ...messages: Partial<Messages>[]): void {
  for (const catalog of messages) registerMessages(catalog);
  attachContextRoot();
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, element);
  } else if (existing !== element) {
    console.warn(
      `ruankao-elements: <${tag}> is already defined, probably by another copy of the library on this page; the first definition is kept.`,
    );
  }
}
