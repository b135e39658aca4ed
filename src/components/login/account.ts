/**
 * The account a candidate types (a mainland mobile number or an e-mail): normalising it the
 * same way on register and login, masking it for messages, and naming its countdowns.
 */
import { detectAccountType, isMainlandMobile, normalizeContact } from '../../services/contact.js';
import type { AccountType } from '../../services/schemas.js';

/**
 * The account as sent to the backend: full-width characters made ASCII, a mobile number reduced
 * to its 11 digits (without +86 or separators). Anything else comes back trimmed.
 */
export function normalizeAccount(raw: string): string {
  const value = normalizeContact(raw);
  if (isMainlandMobile(value)) return value.replace(/\D/g, '').slice(-11);
  return value;
}

/** What the typed account is, when it is complete enough to say. */
export function accountTypeOf(raw: string): AccountType | null {
  return detectAccountType(raw);
}

/** For messages: `138****8000`, `z***@example.com`. */
export function maskAccount(account: string): string {
  if (isMainlandMobile(account)) {
    const digits = normalizeAccount(account);
    return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  }
  const at = account.lastIndexOf('@');
  if (at > 0) return `${account[0]}***${account.slice(at)}`;
  return account;
}

/**
 * The key a resend countdown is kept under: the purpose and a short hash of the account, so
 * sessionStorage holds no phone number or address (timestamps only).
 */
export function countdownKey(purpose: string, account: string): string {
  let hash = 0x811c9dc5;
  for (const char of normalizeAccount(account)) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `code:${purpose}:${hash.toString(36)}`;
}
