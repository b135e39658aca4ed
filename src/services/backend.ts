/**
 * The adapter contract: one async method per backend action. `HttpBackend` implements it over
 * the REST contract of `docs/openapi.json`; a site whose backend speaks another protocol writes
 * its own class with these methods. Every method rejects with one of the errors of `errors.ts`.
 */
import type {
  Application,
  ApplicationDraft,
  ApplicationInput,
  ArrangementAvailability,
  Captcha,
  CertificateList,
  ChangeRequest,
  ChangeRequestInput,
  CodeSent,
  CreateOrderInput,
  CurrentPayment,
  ExamSession,
  LoginInput,
  LoginResult,
  PaymentOrder,
  PaymentStatus,
  Photo,
  RealNameInput,
  RealNameResult,
  RegisterInput,
  RegistrationSlip,
  ResetPasswordInput,
  ScoreAvailability,
  SendCodeInput,
  Session,
  TicketAvailability,
} from './schemas.js';

/** Options every call takes. */
export interface CallOptions {
  /** Aborts the request (the element left the page, the user navigated on). */
  signal?: AbortSignal;
}

/**
 * For calls that create something: the same key on a retry makes the backend answer with what the
 * first request created instead of creating a second one. Keep the key for one logical action
 * (see `newIdempotencyKey()`), not for one attempt.
 */
export interface IdempotentCallOptions extends CallOptions {
  idempotencyKey: string;
}

export interface UploadOptions extends CallOptions {
  /** Called with the fraction sent, from 0 to 1. */
  onProgress?: (fraction: number) => void;
}

export interface RegistrationBackend {
  // Account
  getCaptcha(options?: CallOptions): Promise<Captcha>;
  sendVerificationCode(input: SendCodeInput, options?: CallOptions): Promise<CodeSent>;
  register(input: RegisterInput, options?: CallOptions): Promise<LoginResult>;
  login(input: LoginInput, options?: CallOptions): Promise<LoginResult>;
  resetPassword(input: ResetPasswordInput, options?: CallOptions): Promise<void>;
  logout(options?: CallOptions): Promise<void>;
  /** The signed-in candidate, or null. */
  getSession(options?: CallOptions): Promise<Session | null>;
  verifyRealName(input: RealNameInput, options?: CallOptions): Promise<RealNameResult>;

  // Exam round and application
  getExamSession(options?: CallOptions): Promise<ExamSession>;
  /** The candidate's application for the current round, or null before the first draft. */
  getApplication(options?: CallOptions): Promise<Application | null>;
  saveApplicationDraft(draft: ApplicationDraft, options?: CallOptions): Promise<Application>;
  submitApplication(input: ApplicationInput, options: IdempotentCallOptions): Promise<Application>;
  /** Uploads the checked ID photo (a JPEG) and attaches it to the application. */
  uploadPhoto(photo: Blob, options?: UploadOptions): Promise<Photo>;

  // Payment
  createPaymentOrder(input: CreateOrderInput, options: IdempotentCallOptions): Promise<PaymentOrder>;
  getPaymentStatus(orderId: string, options?: CallOptions): Promise<PaymentStatus>;
  /** The open or last order and its status, so a reloaded page picks up where it was. */
  getCurrentPayment(options?: CallOptions): Promise<CurrentPayment>;

  // Papers and queries
  getRegistrationSlip(options?: CallOptions): Promise<RegistrationSlip>;
  requestChange(input: ChangeRequestInput, options?: CallOptions): Promise<ChangeRequest>;
  getAdmissionTicket(options?: CallOptions): Promise<TicketAvailability>;
  getExamArrangement(options?: CallOptions): Promise<ArrangementAvailability>;
  getScores(options?: CallOptions): Promise<ScoreAvailability>;
  getCertificates(options?: CallOptions): Promise<CertificateList>;
}

/** A key for one logical create action (submit, create order); random, 32 hex characters. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
