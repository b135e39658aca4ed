/**
 * Contact details on the registration form: mainland mobile numbers, e-mail addresses, postal
 * codes and landlines. Pure functions without dependencies; every check normalises its input
 * with {@link normalizeContact} first.
 */

/** What a login/account identifier is. */
export type AccountType = 'phone' | 'email';

/**
 * Turns full-width digits, letters, '@', '.', '-' and '+' (as typed with a Chinese IME) into
 * ASCII and trims surrounding whitespace (including the ideographic space).
 */
export function normalizeContact(raw: string): string {
  return raw.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF20\uFF0E\uFF0D\uFF0B]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  ).trim();
}

/**
 * A mainland mobile number: `1[3-9]` + 9 digits, optionally preceded by `+86` or `86` and an
 * optional whitespace (also the ideographic space) or hyphen.
 */
export function isMainlandMobile(raw: string): boolean {
  return /^(?:\+?86[\s-]?)?1[3-9]\d{9}$/.test(normalizeContact(raw));
}

/** A "valid e-mail address" as defined by the WHATWG HTML standard (the `type=email` input). */
export function isEmail(raw: string): boolean {
  return /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/.test(
    normalizeContact(raw),
  );
}

/** A mainland postal code (邮政编码): 6 digits. */
export function isPostalCode(raw: string): boolean {
  return /^\d{6}$/.test(normalizeContact(raw));
}

/**
 * A mainland landline (固定电话): '0' + a 2–3 digit area code, an optional '-' or space, a 7–8
 * digit number, and an optional extension: '-', '转' or 'ext' (case-insensitive, optional '.',
 * optional spaces around it) + 1–6 digits, e.g. '0871-64312910 转 835'.
 */
export function isLandline(raw: string): boolean {
  return /^0\d{2,3}[- ]?\d{7,8}(?:\s*(?:-|转|ext\.?)\s*\d{1,6})?$/i.test(normalizeContact(raw));
}

/** Recognises an account identifier as a mainland mobile ('phone') or an e-mail ('email'), else null. */
export function detectAccountType(raw: string): AccountType | null {
  if (isMainlandMobile(raw)) return 'phone';
  if (isEmail(raw)) return 'email';
  return null;
}
