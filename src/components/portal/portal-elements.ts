/**
 * The elements rk-portal shows, each fetched when a view first needs it (element-loaders.ts):
 * the portal paints its header, navigation and timeline without them, and fetches the rest when
 * the browser is idle.
 */
import { ELEMENT_LOADERS, type ElementTag } from '../element-loaders.js';

const VIEW_ELEMENTS: ElementTag[] = [
  'rk-exam-notice',
  'rk-exam-plan',
  'rk-login',
  'rk-realname',
  'rk-registration-form',
  'rk-photo-checker',
  'rk-payment-panel',
  'rk-ticket-printer',
  'rk-exam-arrangement',
  'rk-score-query',
  'rk-certificate-query',
];

/** Fetches every element the portal may show, when the browser has nothing better to do. */
export function prefetchPortalElements(): void {
  const all = () => VIEW_ELEMENTS.forEach((tag) => ELEMENT_LOADERS[tag].prefetch());
  if (typeof requestIdleCallback === 'function') requestIdleCallback(all, { timeout: 3000 });
  else setTimeout(all, 200);
}
