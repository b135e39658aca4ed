/**
 * Photo URLs: `photos/<id>?exp=<epoch s>&sig=<HMAC>`, relative (the elements resolve it against
 * the API base). Only the owner's answers (and the office API's) carry it; the signature binds the
 * photo, its owner and the expiry, so an <img> works in bearer mode too, where no header can be
 * sent. A URL is valid from 24 to 48 hours (the expiry is the end of the next Beijing day), so the
 * same photo has the same URL all day and a stored idempotent answer's URL still works when it
 * is replayed.
 */
import { hmac, sameText } from '../secrets.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const CST_MS = 8 * 60 * 60 * 1000;

/** The end of the next Beijing day after `nowMs`, in epoch seconds. */
export function photoUrlExpiry(nowMs: number): number {
  const startOfDay = Math.floor((nowMs + CST_MS) / DAY_MS) * DAY_MS - CST_MS;
  return (startOfDay + 2 * DAY_MS) / 1000;
}

const signed = (secret: string, photoId: string, accountId: string, exp: number) => hmac(secret, `photo\n${photoId}\n${accountId}\n${exp}`);

/** The URL of a photo for its owner's answers. */
export function photoUrl(secret: string, photoId: string, accountId: string, realNowMs: number): string {
  const exp = photoUrlExpiry(realNowMs);
  return `photos/${encodeURIComponent(photoId)}?exp=${exp}&sig=${signed(secret, photoId, accountId, exp)}`;
}

/** Whether a signature fits the photo and its owner and has not expired. */
export function photoSignatureValid(secret: string, photoId: string, accountId: string, exp: string | undefined, sig: string | undefined, realNowMs: number): boolean {
  if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return false;
  if (Number(exp) * 1000 <= realNowMs) return false;
  return sameText(signed(secret, photoId, accountId, Number(exp)), sig);
}
