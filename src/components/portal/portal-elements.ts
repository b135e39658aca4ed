/**
 * The elements rk-portal shows, each fetched when a view first needs it: the portal paints its
 * header, navigation and timeline without them, and fetches the rest when the browser is idle.
 * A module already loaded (the CDN file holds them all) resolves at once.
 */
import { OnDemand } from '../../services/on-demand.js';

export const PORTAL_ELEMENTS = {
  'rk-exam-notice': new OnDemand(() => import('../exam-notice/rk-exam-notice.js')),
  'rk-exam-plan': new OnDemand(() => import('../exam-plan/rk-exam-plan.js')),
  'rk-login': new OnDemand(() => import('../login/rk-login.js')),
  'rk-realname': new OnDemand(() => import('../realname/rk-realname.js')),
  'rk-registration-form': new OnDemand(() => import('../registration-form/rk-registration-form.js')),
  'rk-photo-checker': new OnDemand(() => import('../photo-checker/rk-photo-checker.js')),
  'rk-payment-panel': new OnDemand(() => import('../payment-panel/rk-payment-panel.js')),
  'rk-ticket-printer': new OnDemand(() => import('../ticket-printer/rk-ticket-printer.js')),
  'rk-exam-arrangement': new OnDemand(() => import('../exam-arrangement/rk-exam-arrangement.js')),
  'rk-score-query': new OnDemand(() => import('../score-query/rk-score-query.js')),
  'rk-certificate-query': new OnDemand(() => import('../certificate-query/rk-certificate-query.js')),
};

/** One of the elements of {@link PORTAL_ELEMENTS}. */
export type PortalElementTag = keyof typeof PORTAL_ELEMENTS;

/** Fetches every element the portal may show, when the browser has nothing better to do. */
export function prefetchPortalElements(): void {
  const all = () => Object.values(PORTAL_ELEMENTS).forEach((element) => element.prefetch());
  if (typeof requestIdleCallback === 'function') requestIdleCallback(all, { timeout: 3000 });
  else setTimeout(all, 200);
}
