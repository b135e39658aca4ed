/** English messages of documents.ts (loaded with en.ts only when a page asks for English). */
import type { documentsZhCN } from './documents.js';

export const documentsEn: Record<keyof typeof documentsZhCN, string> = {
  'document.resident-id': 'Resident identity card',
  'document.social-security-card': 'Social security card',
  'document.hmt-residence-permit': 'Residence permit for Hong Kong, Macao and Taiwan residents',
  'document.hk-macao-pass': 'Mainland travel permit for Hong Kong and Macao residents',
  'document.taiwan-pass': 'Mainland travel permit for Taiwan residents',
  'document.foreign-permanent-residence': 'Foreign permanent resident ID card',
  'document.passport': 'Passport',
  'gender.male': 'Male',
  'gender.female': 'Female',
};
