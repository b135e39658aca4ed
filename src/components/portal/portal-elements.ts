/**
 * The elements rk-portal shows, each fetched when a view first needs it (element-loaders.ts):
 * the portal paints its header, navigation and timeline without them, and fetches the rest when
 * the browser is idle (unless it is saving data).
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

/**
 * The browser says to spare data (Save-Data, a setting of many phones' browsers) or the
 * connection is 2G: the candidate may look at one page only, and pays for every kilobyte.
 */
function savingData(): boolean {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean; effectiveType?: string } }).connection;
  return connection?.saveData === true || /2g$/.test(connection?.effectiveType ?? '');
}

/**
 * Fetches every element the portal may show (about 55 KB), when the browser has nothing better
 * to do, so that moving between views is instant; not when saving data: then each view's
 * element is fetched when the view is opened.
 */
export function prefetchPortalElements(): void {
  if (savingData()) return;
  const all = () => VIEW_ELEMENTS.forEach((tag) => ELEMENT_LOADERS[tag].prefetch());
  if (typeof requestIdleCallback === 'function') requestIdleCallback(all, { timeout: 3000 });
  else setTimeout(all, 200);
}
