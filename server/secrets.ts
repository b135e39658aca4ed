/**
 * Random values and hashes: tokens, ids, and the server's secret (generated once, kept in the
 * database so every instance shares it: photo URL signatures and code hashes).
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Queryable } from './db/database.js';

/** A random token for a cookie or bearer header (256 bits, base64url). */
export const newToken = () => randomBytes(32).toString('base64url');
/** A random id with a prefix: `u-1f3a…` (64 bits). */
export const newId = (prefix: string) => `${prefix}-${randomBytes(8).toString('hex')}`;
/** Random lowercase hex. */
export const randomHex = (bytes: number) => randomBytes(bytes).toString('hex');
/** A random verification code of 6 digits. */
export const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
export const hmac = (secret: string, text: string) => createHmac('sha256', secret).update(text).digest('base64url');

/** Compares two strings in constant time. */
export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The server's secret: created by the first instance, read by every other. */
export async function serverSecret(db: Queryable): Promise<string> {
  await db.query(
    "INSERT INTO settings (key, value) VALUES ('server_secret', $1::jsonb) ON CONFLICT (key) DO NOTHING",
    [JSON.stringify(randomBytes(32).toString('base64url'))],
  );
  const { rows } = await db.query<{ value: string }>("SELECT value FROM settings WHERE key = 'server_secret'");
  return rows[0]!.value;
}
