/**
 * Facts about an application's status, in a module of their own so an element can use them
 * without loading the zod schemas.
 */
import type { ApplicationStatus } from './schemas.js';

/** The statuses at which the fee is paid (and later steps): no payment order may be created. */
export const PAID_APPLICATION_STATUSES: ReadonlySet<ApplicationStatus> = new Set([
  'paid',
  'change-requested',
  'ticket-available',
  'scored',
  'certified',
]);
