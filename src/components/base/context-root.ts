import { ContextRoot } from '@lit/context';

/** Marks the document once a copy of the library attached its root (copies share one). */
const ATTACHED = Symbol.for('ruankao-elements.context-root');

/**
 * Keeps the context requests of elements that connect before the `rk-provider` around them is
 * defined, and replays them when it is: script order then does not matter (a page that loads the
 * provider's file last, a bundle that imports it last, files that arrive in parallel). Once per
 * document, whichever copy of the library comes first.
 */
export function attachContextRoot(): void {
  if (typeof document === 'undefined') return;
  const marked = document as Document & { [ATTACHED]?: true };
  if (marked[ATTACHED]) return;
  marked[ATTACHED] = true;
  new ContextRoot().attach(document.documentElement);
}
