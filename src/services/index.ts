/**
 * Everything that is not rendering: the adapter contract, the HTTP adapter, schemas, errors,
 * i18n, document and contact rules. Importable alone as `ruankao-elements/services`.
 */
export * from './backend.js';
export {
  detectAccountType,
  isEmail,
  isLandline,
  isMainlandMobile,
  isPostalCode,
  normalizeContact,
} from './contact.js';
export * from './context.js';
export * from './contract.js';
export * from './errors.js';
export * from './http-backend.js';
export * from './i18n/index.js';
export {
  ageOn,
  checkIdValidity,
  DOCUMENT_TYPES,
  gb11643CheckChar,
  idCardValidityYears,
  maskDocumentNumber,
  normalizeDocumentNumber,
  parseResidentId,
  validateDocumentNumber,
  type IdCheck,
  type IdProblem,
  type ResidentIdInfo,
  type ValidityProblem,
} from './id-document.js';
export * from './schemas.js';
export { PAID_APPLICATION_STATUSES } from './application-status.js';
export * from './validation.js';
export * from './photo/index.js';
// AccountType and DocumentType come from schemas.ts (zod enums and their types).
