/**
 * ruankao-elements: registers every element and re-exports the public API.
 *
 * ```html
 * <script type="module" src="/ruankao/ruankao-elements.js"></script>
 * <rk-provider api-base="/api">…</rk-provider>
 * ```
 */
// First: the messages side by side compress better (see all.ts).
import './services/i18n/parts/all.js';
export { define } from './components/base/define.js';
export { RkElement } from './components/base/rk-element.js';
export { LocalizeController } from './controllers/localize-controller.js';
export { RkProvider } from './components/provider/rk-provider.js';
export { RkLogin } from './components/login/rk-login.js';
export { RkRealname } from './components/realname/rk-realname.js';
export { RkPhotoChecker } from './components/photo-checker/rk-photo-checker.js';
export { RkExamNotice } from './components/exam-notice/rk-exam-notice.js';
export { RkExamPlan, type PlanSelectDetail } from './components/exam-plan/rk-exam-plan.js';
export { RkRegistrationForm } from './components/registration-form/rk-registration-form.js';
export { RkPaymentPanel, type PaidDetail, type PaymentPanelState } from './components/payment-panel/rk-payment-panel.js';
export { PollController } from './controllers/poll-controller.js';
export { RkExamArrangement } from './components/exam-arrangement/rk-exam-arrangement.js';
export { RkScoreQuery } from './components/score-query/rk-score-query.js';
export { RkCertificateQuery } from './components/certificate-query/rk-certificate-query.js';
export { BackendQueryController } from './controllers/backend-query-controller.js';
export { RkStatusTimeline, type NavigateDetail } from './components/status-timeline/rk-status-timeline.js';
export { journey, JOURNEY_STEPS, type JourneyStep, type StepState, type StepStatus } from './components/status-timeline/journey.js';
export { RkTicketPrinter, type PrintedDetail, type PrintedDocument } from './components/ticket-printer/rk-ticket-printer.js';
export { RkPortal, type ViewChangeDetail } from './components/portal/rk-portal.js';
export { PORTAL_VIEWS, type PortalView } from './components/portal/portal-views.js';
export { DraftStore, draftStorageKey } from './services/draft-store.js';
export { DraftController } from './controllers/draft-controller.js';
export * from './services/index.js';
