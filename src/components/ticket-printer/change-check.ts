/**
 * The check of a change request's reason, loaded when the candidate opens the change form: it
 * brings zod, which the printer needs for nothing else (10 KB less before the first paint).
 */
import { ChangeRequestInput } from '../../services/schemas.js';
import { checkInput } from '../../services/validation.js';
import type { Locale, MessageOverrides } from '../../services/i18n/index.js';

export function checkChangeRequest(reason: string, locale: Locale, overrides: MessageOverrides) {
  return checkInput(ChangeRequestInput, { reason }, locale, overrides);
}
