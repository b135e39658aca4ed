/**
 * The payment panel's orders, one per channel, and the idempotency keys that keep them single:
 * the same key is sent for every attempt at one order (double clicks, retries, a reload while
 * creating), and a new key only once that order is over (expired, failed, closed).
 */
import { newIdempotencyKey } from '../../services/backend.js';
import type { PaymentChannel, PaymentOrder, PaymentStatusValue } from '../../services/schemas.js';

/** An order as the panel knows it. */
export interface OrderEntry {
  order: PaymentOrder;
  status: PaymentStatusValue;
  failureReason?: string;
}

/** Whether the order can still be paid. */
export function isOpenStatus(status: PaymentStatusValue): status is 'unpaid' | 'paying' {
  return status === 'unpaid' || status === 'paying';
}

const KEY_PREFIX = 'rk-payment-key:';

/** Keys by storage name, for when sessionStorage is unavailable (sandboxed frames, privacy modes). */
const memory = new Map<string, string>();

/** The key for the next (or in-flight) order of `channel` for an application; kept for the tab. */
export function orderKey(applicationId: string, channel: PaymentChannel): string {
  const name = `${KEY_PREFIX}${applicationId}:${channel}`;
  let key: string | null | undefined;
  try {
    key = sessionStorage.getItem(name);
  } catch {
    key = memory.get(name);
  }
  key ??= memory.get(name);
  if (!key) {
    key = newIdempotencyKey();
    memory.set(name, key);
    try {
      sessionStorage.setItem(name, key);
    } catch {
      // memory has it
    }
  }
  return key;
}

/** Forgets the key of `channel`'s order: the next order of that channel is a new one. */
export function dropOrderKey(applicationId: string, channel: PaymentChannel): void {
  const name = `${KEY_PREFIX}${applicationId}:${channel}`;
  memory.delete(name);
  try {
    sessionStorage.removeItem(name);
  } catch {
    // nothing stored
  }
}
