/**
 * The mock exam office (`ruankao-elements/mocks`): MSW handlers implementing the REST contract
 * over a stateful in-memory office, named scenarios, fault knobs and the seeded round, for QA,
 * Storybook, the demo and tests.
 *
 * ```js
 * import { startMockOffice } from 'ruankao-elements/mocks';
 * const { office } = await startMockOffice({ baseUrl: '/api', scenario: 'happy-path' });
 * office.approve();
 * ```
 */
export { startMockOffice, type MockOffice, type StartMockOfficeOptions } from './browser.js';
export { createHandlers, handlerRoutes, type HandlerOptions, type HandlerRoute } from './handlers.js';
export { createFetchHandler, type FetchHandlerOptions } from './fetch-handler.js';
export { allOperations, answerRequest, canonicalJson, type AnyOperationName, type IncomingRequest } from './http-answer.js';
export { DEFAULT_LATENCY_MS, ExamOffice, MOCK_OFFICE_KEY, type ExamOfficeOptions, type Token } from './office.js';
export type { AuthMode } from './state.js';
export {
  LOCK_SECONDS,
  MAX_FAILED_LOGINS,
  MISMATCH_NAME,
  MOCK_CAPTCHA_ANSWER,
  MOCK_VERIFICATION_CODE,
  RESEND_AFTER_SECONDS,
} from './accounts.js';
export { MAX_PHOTO_BYTES, type PhotoUpload } from './applications.js';
export { CANDIDATE_STAGES, type CandidateStage, type SeededCandidate } from './seed-candidate.js';
export { OfficeError, statusOf, type OfficeErrorCode } from './office-error.js';
export {
  FAULT_MODES,
  isScenarioName,
  PAYMENT_FAILURE_REASON,
  REJECTION_REASON,
  SCENARIO_BEHAVIOURS,
  SCENARIOS,
  type FaultMode,
  type Faults,
  type ScenarioBehaviour,
  type ScenarioName,
} from './scenarios.js';
export {
  CONTACT_PHONES,
  FORM_OPTIONS,
  LEVEL_IDS,
  LIJIANG_AREA_CODE,
  LIJIANG_OFFICE_CODE,
  QUALIFICATIONS,
  roundId,
  roundName,
  seedExamSession,
  seedLevels,
  seedNotice,
  YUNNAN,
  YUNNAN_FEES_FEN,
  YUNNAN_OFFICES,
  type RegistrationTiming,
  type SeedOptions,
} from './seed.js';
export { SEED_ACCOUNT, SEED_APPLICATION, SEED_ID_NUMBER, SEED_REAL_NAME } from './candidate.js';
