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

import { ContextRoot } from '@lit/context';

// Each element's file; in the CDN build each of these is that element's own file beside this one.
const elements: Record<string, () => Promise<unknown>> = {
  'rk-provider': () => import('./components/provider/rk-provider.js'),
  'rk-login': () => import('./components/login/rk-login.js'),
  'rk-realname': () => import('./components/realname/rk-realname.js'),
  'rk-exam-notice': () => import('./components/exam-notice/rk-exam-notice.js'),
  'rk-exam-plan': () => import('./components/exam-plan/rk-exam-plan.js'),
  'rk-registration-form': () => import('./components/registration-form/rk-registration-form.js'),
  'rk-photo-checker': () => import('./components/photo-checker/rk-photo-checker.js'),
  'rk-payment-panel': () => import('./components/payment-panel/rk-payment-panel.js'),
  'rk-ticket-printer': () => import('./components/ticket-printer/rk-ticket-printer.js'),
  'rk-status-timeline': () => import('./components/status-timeline/rk-status-timeline.js'),
  'rk-exam-arrangement': () => import('./components/exam-arrangement/rk-exam-arrangement.js'),
  'rk-score-query': () => import('./components/score-query/rk-score-query.js'),
  'rk-certificate-query': () => import('./components/certificate-query/rk-certificate-query.js'),
  'rk-portal': () => import('./components/portal/rk-portal.js'),
};

/** Tags whose file is loading or loaded: asked for once. */
const requested = new Set<string>();

/** The tags the autoloader knows, each with its element's file. */
export const AUTOLOADED_TAGS: readonly string[] = Object.keys(elements);

/**
 * Loads the files of the `rk-*` elements in `root` (and `root` itself) that are not defined yet.
 * Resolves when they are defined; a file that fails to load is reported on the console and
 * asked for again by the next `discover()` of its tag, which the autoloader runs on the whole
 * page when the browser is back online.
 */
export async function discover(root: Document | ShadowRoot | Element): Promise<void> {
  const found = new Set<string>();
  const consider = (element: Element) => {
    const tag = element.localName;
    if (tag in elements && !requested.has(tag) && !customElements.get(tag)) found.add(tag);
  };
  if (root instanceof Element) consider(root);
  for (const element of root.querySelectorAll(':not(:defined)')) consider(element);
  await Promise.all(
    [...found].map(async (tag) => {
      requested.add(tag);
      try {
        await elements[tag]!();
      } catch (error) {
        requested.delete(tag);
        console.error(`ruankao-elements: could not load <${tag}>`, error);
      }
    }),
  );
}

function start(): void {
  // The files load in parallel, so an element may be defined before the rk-provider around it:
  // its request for the backend, session and language finds no provider. The context root keeps
  // such requests and replays them when the provider appears.
  new ContextRoot().attach(document.documentElement);
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
