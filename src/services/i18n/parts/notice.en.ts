/** English messages of notice.ts (loaded with en.ts only when a page asks for English). */
import type { noticeZhCN } from './notice.js';

export const noticeEn: Record<keyof typeof noticeZhCN, string> = {
  'notice.loading': 'Loading the candidate notice…',
  'notice.loadError': 'The candidate notice could not be loaded: {reason}',
  'notice.noBackend': 'This page is not connected to the registration system, so the notice cannot be shown.',
  'notice.regionLabel': '{title}, full text',
  'notice.readHint': 'Read to the end, or wait {seconds} seconds, before you agree.',
  'notice.readHintScroll': 'Read to the end before you agree.',
  'notice.readDone': 'You have read to the end. Tick the box to agree.',
  'notice.agree': 'I have read and agree to the {title}',
  'notice.accept': 'Agree and continue',
  'notice.mustAgree': 'Tick “I have read and agree” first',
  'notice.accepted': 'You have read and agreed to the {title}.',
  'notice.end': '(End of notice)',
};
