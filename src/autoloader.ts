/**
 * The autoloader of `dist/cdn/elements/` (`autoloader.js` there): one script tag for a page that
 * should download only the elements it shows. It looks for `rk-*` tags in the page, now and
 * whenever some are added, and loads each element's file the first time its tag appears.
 *
 * ```html
 * <script type="module" src="/static/ruankao/elements/autoloader.js"></script>
 * <rk-provider api-base="/api"><rk-exam-plan></rk-exam-plan></rk-provider>
 * ```
 *
 * Elements inside an element's shadow root come with that element's file. For tags inside
 * another shadow root (a CMS widget's), call `discover(shadowRoot)`.
 */

import { ELEMENT_LOADERS, isElementTag, type ElementTag } from './components/element-loaders.js';

/** The tags the autoloader knows, each with its element's file. */
export const AUTOLOADED_TAGS: readonly string[] = Object.keys(ELEMENT_LOADERS);

/**
 * Loads the files of the `rk-*` elements in `root` (and `root` itself) that are not defined yet.
 * Resolves when they are defined; a file that fails to load is reported on the console and
 * asked for again by the next `discover()` of its tag, which the autoloader runs on the whole
 * page when the browser is back online.
 */
export async function discover(root: Document | ShadowRoot | Element): Promise<void> {
  const found = new Set<ElementTag>();
  const consider = (element: Element) => {
    const tag = element.localName;
    if (isElementTag(tag) && !customElements.get(tag)) found.add(tag);
  };
  if (root instanceof Element) consider(root);
  for (const element of root.querySelectorAll(':not(:defined)')) consider(element);
  // A file already on its way is joined, not fetched twice (OnDemand).
  await Promise.all(
    [...found].map((tag) =>
      ELEMENT_LOADERS[tag].load().catch((error: unknown) => console.error(`ruankao-elements: could not load <${tag}>`, error)),
    ),
  );
}

function start(): void {
  // The files load in parallel, so an element may be defined before the rk-provider around it:
  // define() attaches the context root that replays its requests when the provider comes.
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) void discover(node);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  // A file that failed offline: the element would stay blank; try again once the network is back.
  window.addEventListener('online', () => void discover(document));
  void discover(document);
}

start();
