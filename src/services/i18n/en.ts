import type { Messages } from './zh-CN.js';
import { documentsEn } from './parts/documents.en.js';
import { loginEn } from './parts/login.en.js';
import { noticeEn } from './parts/notice.en.js';
import { paymentEn } from './parts/payment.en.js';
import { photoEn } from './parts/photo.en.js';
import { planEn } from './parts/plan.en.js';
import { portalEn } from './parts/portal.en.js';
import { printerEn } from './parts/printer.en.js';
import { queriesEn } from './parts/queries.en.js';
import { realnameEn } from './parts/realname.en.js';
import { registrationEn } from './parts/registration.en.js';
import { timelineEn } from './parts/timeline.en.js';
import { validationEn } from './parts/validation.en.js';

/** English messages: the core's and every element's, one chunk loaded when a page asks for English. */
export const en: Messages = {
  'common.loading': 'Loading…',
  'common.validationListed': 'Some answers need correcting, as listed below.',
  'common.retry': 'Try again',
  'common.required': 'required',
  'common.close': 'Close',
  'common.yuan': '¥{amount}',
  'error.network': 'The network connection failed. Check your connection and try again.',
  'error.timeout': 'The server did not answer in time. Please try again shortly.',
  'error.http': 'The server could not handle the request (error {status}). Please try again shortly.',
  'error.invalid-response': 'The server sent data that could not be read. Try again later or contact the exam office.',
  'error.business': '{message}',
  'error.unknown': 'Something went wrong. Reload the page and try again.',
  'error.code.CAPTCHA_WRONG': 'The picture code is wrong. Please type the new one.',
  'error.code.CODE_WRONG': 'The verification code is wrong or has expired.',
  'error.code.PASSWORD_WRONG': 'The account or password is wrong.',
  'error.code.ACCOUNT_UNKNOWN': 'No account is registered under this name.',
  'error.code.ACCOUNT_EXISTS': 'This account is already registered. Please log in.',
  'error.code.TOO_MANY_ATTEMPTS': 'Too many attempts. Try again in {minutes} minutes.',
  'error.code.UNAUTHENTICATED': 'Your session has ended. Please log in again.',
  'error.code.REALNAME_MISMATCH': 'The name does not match the document number.',
  'error.code.REALNAME_REQUIRED': 'Please verify your real name first.',
  'error.code.VALIDATION': 'Some answers need correcting: see the marked fields.',
  'error.code.WINDOW_NOT_OPEN': 'This is not open yet.',
  'error.code.WINDOW_CLOSED': 'This has closed.',
  'error.code.INVALID_STATE': 'This cannot be done now. Please reload the page.',
  'error.code.ALREADY_PAID': 'This registration is already paid. Do not pay again.',
  'error.code.NOT_FOUND': 'Nothing was found.',
  'error.code.PHOTO_REJECTED': 'The photo does not meet the requirements. Please check it again.',
  'error.code.RATE_LIMITED': 'Too many requests. Please try again in {seconds} seconds.',
  'provider.sessionError': 'Could not load the sign-in state: {reason}',

  // Per-element catalogues (src/services/i18n/parts/)
  ...documentsEn,
  ...loginEn,
  ...realnameEn,
  ...noticeEn,
  ...planEn,
  ...registrationEn,
  ...photoEn,
  ...paymentEn,
  ...printerEn,
  ...timelineEn,
  ...queriesEn,
  ...portalEn,
  ...validationEn,
};
