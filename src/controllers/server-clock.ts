/**
 * The backend's clock, per backend: elements that know the server's time (the round's
 * `serverTime`, loaded by ExamSessionController) note its offset; any element of the page reads
 * it, so a moment the backend names is awaited on the backend's time, not the candidate's.
 */
import type { RegistrationBackend } from '../services/backend.js';

/** Server time minus local time, per backend. */
const offsets = new WeakMap<RegistrationBackend, number>();

export function noteServerOffset(backend: RegistrationBackend, offsetMs: number): void {
  offsets.set(backend, offsetMs);
}

/** The backend's clock now (ms): local time corrected by the last offset noted, else local time. */
export function backendNow(backend: RegistrationBackend | undefined): number {
  return Date.now() + ((backend && offsets.get(backend)) || 0);
}
