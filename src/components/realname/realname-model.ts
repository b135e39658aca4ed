/**
 * What the real-name form holds (fields, values, errors) and what an ID number tells: what
 * rk-realname needs to paint, without the checks (realname-checks.ts, fetched on demand with zod).
 */
import { validateDocumentNumber, type IdCheck, type ResidentIdInfo } from '../../services/id-document.js';
import type { DocumentType } from '../../services/schemas.js';

export type RealnameField = 'name' | 'documentType' | 'documentNumber' | 'validFrom' | 'validTo';
export const REALNAME_FIELDS: RealnameField[] = ['name', 'documentType', 'documentNumber', 'validFrom', 'validTo'];

/** The input id of each field in the shadow root. */
export const FIELD_ID: Record<RealnameField, string> = {
  name: 'name',
  documentType: 'document-type',
  documentNumber: 'document-number',
  validFrom: 'valid-from',
  validTo: 'valid-to',
};

/** What the candidate typed, kept across failures. */
export interface RealnameValues {
  name: string;
  documentType: DocumentType;
  documentNumber: string;
  validFrom: string;
  validTo: string;
  /** 长期: the document does not expire. */
  longTerm: boolean;
}

export type RealnameErrors = Partial<Record<RealnameField, string>>;

/** Document types whose number is a GB 11643 number with birth date and gender in it. */
const GB11643_TYPES: ReadonlySet<DocumentType> = new Set(['resident-id', 'social-security-card', 'hmt-residence-permit']);

/** The full length of a number of this type, when there is one (live checks start there). */
export function fullLength(type: DocumentType): number | undefined {
  return GB11643_TYPES.has(type) ? 18 : undefined;
}

/** The number's check, and what it tells about the holder when it is an ID number. */
export function numberInfo(type: DocumentType, raw: string): { check: IdCheck; info?: ResidentIdInfo } {
  const check = validateDocumentNumber(type, raw);
  return { check, info: check.ok && GB11643_TYPES.has(type) ? check.info : undefined };
}
