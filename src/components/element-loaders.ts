/**
 * Each element's module by tag, fetched once when first asked for: the autoloader of
 * `dist/cdn/elements/` loads the elements a page shows, `rk-portal` those of its views. In the
 * per-element CDN build each is that element's own file; in the one-file CDN build every module
 * is already there and `load()` resolves at once.
 */
import { OnDemand } from '../services/on-demand.js';

export const ELEMENT_LOADERS = {
  'rk-provider': new OnDemand(() => import('./provider/rk-provider.js')),
  'rk-login': new OnDemand(() => import('./login/rk-login.js')),
  'rk-realname': new OnDemand(() => import('./realname/rk-realname.js')),
  'rk-exam-notice': new OnDemand(() => import('./exam-notice/rk-exam-notice.js')),
  'rk-exam-plan': new OnDemand(() => import('./exam-plan/rk-exam-plan.js')),
  'rk-registration-form': new OnDemand(() => import('./registration-form/rk-registration-form.js')),
  'rk-photo-checker': new OnDemand(() => import('./photo-checker/rk-photo-checker.js')),
  'rk-payment-panel': new OnDemand(() => import('./payment-panel/rk-payment-panel.js')),
  'rk-ticket-printer': new OnDemand(() => import('./ticket-printer/rk-ticket-printer.js')),
  'rk-status-timeline': new OnDemand(() => import('./status-timeline/rk-status-timeline.js')),
  'rk-exam-arrangement': new OnDemand(() => import('./exam-arrangement/rk-exam-arrangement.js')),
  'rk-score-query': new OnDemand(() => import('./score-query/rk-score-query.js')),
  'rk-certificate-query': new OnDemand(() => import('./certificate-query/rk-certificate-query.js')),
  'rk-portal': new OnDemand(() => import('./portal/rk-portal.js')),
};

/** A tag of {@link ELEMENT_LOADERS}. */
export type ElementTag = keyof typeof ELEMENT_LOADERS;

export function isElementTag(tag: string): tag is ElementTag {
  return Object.hasOwn(ELEMENT_LOADERS, tag);
}
