/**
 * The domain as zod schemas: every backend response is parsed with these, and user input is
 * validated with the `*Input` schemas. Types are `z.infer` of the schemas, never written twice.
 *
 * Runtime code imports `zod/mini` (about 6 KB gzipped against 26–92 KB for classic zod).
 *
 * Messages of user-input checks are i18n keys (`v.*` in `i18n/zh-CN.ts`), so a form shows them
 * in the candidate's language: see `fieldErrors()` in `validation.ts`.
 */
import * as z from 'zod/mini';
import { isEmail, isLandline, isMainlandMobile, isPostalCode } from './contact.js';
import { DOCUMENT_TYPES, validateDocumentNumber } from './id-document.js';
import { PASSWORD_RULE } from './password-rule.js';
import { APPLICATION_FIELD_NAMES, type ApplicationFieldName } from './application-fields.js';

// ---------------------------------------------------------------------------------------------
// Building blocks

/** An ISO 8601 date-time with offset, e.g. `2026-03-15T09:00:00+08:00`. */
export const DateTime = z.iso.datetime({ offset: true });
/** A calendar date `YYYY-MM-DD`. */
export const DateOnly = z.iso.date();
/** A date typed by the candidate: the same format, with a message for the form. */
export const InputDate = z.iso.date({ error: 'v.date' });
/** A year and month `YYYY-MM`, as the form asks for 参加工作时间 and 毕业时间. */
export const YearMonth = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'v.yearMonth' }));
/** Money in fen (分), the unit every amount is kept in; shown as yuan with two decimals. */
export const Fen = z.int().check(z.nonnegative());
/** An identifier chosen by the backend. */
export const Id = z.string().check(z.minLength(1), z.maxLength(128));
/** A short display text from the backend (rendered as text, never as HTML). */
export const Text = z.string().check(z.maxLength(2000));

/**
 * The rule for a URL of an image the page shows (captcha, photo): an http(s) URL, a
 * protocol-relative `//host/…`, a path `/…`, a relative path (`captcha/1.png`: no scheme, resolved
 * against the API base), a `blob:` URL, or a `data:image/…` URL of png, jpeg (or jpg), gif, webp,
 * bmp or svg+xml. Anything else (`javascript:`, `data:text/html`, white space, …) is refused.
 */
export const IMAGE_URL_PATTERN =
  /^(?:(?:[Hh][Tt][Tt][Pp][Ss]?:)?\/\/[^\s/?#]+[^\s]*|\/(?:[^\s/][^\s]*)?|[^\s:/?#]+(?:[/?#][^\s]*)?|blob:[^\s]+|data:image\/(?:png|jpeg|jpg|gif|webp|bmp|svg\+xml)(?:;[^\s,;]+)*,[^\s]*)$/;

/** The same rule for an audio URL (the captcha's spoken alternative): `data:audio/…` instead of images. */
export const AUDIO_URL_PATTERN =
  /^(?:(?:[Hh][Tt][Tt][Pp][Ss]?:)?\/\/[^\s/?#]+[^\s]*|\/(?:[^\s/][^\s]*)?|[^\s:/?#]+(?:[/?#][^\s]*)?|blob:[^\s]+|data:audio\/(?:mpeg|mp3|mp4|aac|ogg|wav|webm)(?:;[^\s,;]+)*,[^\s]*)$/;

/** The longest media URL taken (a data URL of a 200 KB photo is about 270 KB). */
const MAX_MEDIA_URL = 1_000_000;

/** A URL the page may load an image from: see {@link IMAGE_URL_PATTERN}. */
export const ImageUrl = z.string().check(z.maxLength(MAX_MEDIA_URL), z.regex(IMAGE_URL_PATTERN, { error: 'not a safe image URL' }));

/** A URL of audio the page may play: see {@link AUDIO_URL_PATTERN}. */
export const AudioUrl = z.string().check(z.maxLength(MAX_MEDIA_URL), z.regex(AUDIO_URL_PATTERN, { error: 'not a safe audio URL' }));

/** Names of the response fields that hold an image or audio URL (the adapter resolves relative ones against the API base). */
export const MEDIA_URL_FIELDS: ReadonlySet<string> = new Set(['image', 'audio', 'url', 'photoUrl']);

export const Window = z.object({ opensAt: DateTime, closesAt: DateTime });
export type Window = z.infer<typeof Window>;

/** An option of a list the backend defines (职称, 取费资格, 学历, …). */
export const Option = z.object({ code: Id, name: Text });
export type Option = z.infer<typeof Option>;

/**
 * The shape of every error answer: `{ code, message, details }`. Which codes an operation
 * answers, with which status and which `details`, is in `error-codes.ts` and the contract.
 */
export const ErrorBody = z.object({
  code: z.string().check(z.minLength(1), z.maxLength(64)),
  message: Text,
  details: z.optional(z.record(z.string(), z.unknown())),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

// ---------------------------------------------------------------------------------------------
// Account and session

export const AccountType = z.enum(['phone', 'email']);
export type AccountType = z.infer<typeof AccountType>;

export const Captcha = z.object({
  id: Id,
  /** The picture to show; a data:image URL or an image URL of the backend. */
  image: ImageUrl,
  /** A spoken or text alternative for candidates who cannot see the picture (适老化). */
  audio: z.optional(AudioUrl),
  expiresAt: z.optional(DateTime),
});
export type Captcha = z.infer<typeof Captcha>;

const trimmed = (max: number) => z.string().check(z.trim(), z.maxLength(max, { error: 'v.tooLong' }));
const required = (max: number) => trimmed(max).check(z.minLength(1, { error: 'v.required' }));

export { PASSWORD_RULE };
export const Password = z.string().check(
  z.minLength(PASSWORD_RULE.min, { error: 'v.passwordLength' }),
  z.maxLength(PASSWORD_RULE.max, { error: 'v.passwordLength' }),
  // One pattern with both lookaheads, not two: some OpenAPI tools merge two patterns of an allOf wrongly.
  z.regex(/^(?=.*[A-Za-z])(?=.*\d)/, { error: 'v.passwordMix' }),
);

export const Mobile = required(20).check(z.refine(isMainlandMobile, { error: 'v.mobile' }));
export const Email = required(254).check(z.refine(isEmail, { error: 'v.email' }));
export const Account = required(254).check(
  z.refine((value) => isMainlandMobile(value) || isEmail(value), { error: 'v.account' }),
);

export const CaptchaAnswer = z.object({
  captchaId: Id,
  captchaAnswer: required(12),
});

export const LoginInput = z.object({
  account: Account,
  password: z.string().check(z.minLength(1, { error: 'v.required' }), z.maxLength(PASSWORD_RULE.max)),
  ...CaptchaAnswer.shape,
});
export type LoginInput = z.infer<typeof LoginInput>;

export const VerificationCode = z.string().check(z.trim(), z.regex(/^\d{4,8}$/, { error: 'v.code' }));

export const SendCodeInput = z.object({
  channel: z.enum(['sms', 'email']),
  /** The mobile number or e-mail address the code goes to. */
  target: Account,
  purpose: z.enum(['register', 'reset-password']),
  ...CaptchaAnswer.shape,
});
export type SendCodeInput = z.infer<typeof SendCodeInput>;

export const CodeSent = z.object({
  /** Seconds until another code may be requested (the resend countdown). */
  resendAfterSeconds: z.int().check(z.nonnegative()),
  expiresInSeconds: z.optional(z.int().check(z.positive())),
});
export type CodeSent = z.infer<typeof CodeSent>;

export const RegisterInput = z.object({
  accountType: AccountType,
  account: Account,
  password: Password,
  code: VerificationCode,
});
export type RegisterInput = z.infer<typeof RegisterInput>;

export const ResetPasswordInput = z.object({
  account: Account,
  code: VerificationCode,
  newPassword: Password,
});
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;

// ---------------------------------------------------------------------------------------------
// Real-name verification

export const DocumentType = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof DocumentType>;
export const Gender = z.enum(['male', 'female']);
export type Gender = z.infer<typeof Gender>;

/** A Chinese name (with the middle dot of minority and foreign names) or a Latin one. */
export const PersonName = required(50).check(
  z.regex(/^([\u3400-\u9fff\uf900-\ufaff]+([·•][\u3400-\u9fff\uf900-\ufaff]+)*|[A-Za-z][A-Za-z .,'-]*)$/, {
    error: 'v.name',
  }),
);

/** Whether the fields named have no issues yet (so a cross-field check can trust them). */
function fieldsValid(payload: z.core.ParsePayload, fields: string[]): boolean {
  return !payload.issues.some((issue) => fields.includes(String(issue.path?.[0])));
}

/**
 * The document number checked for its document type (GB 11643 for ID cards, the shape of the
 * others). Runs even when other fields have issues, so a form shows every message at once.
 */
function documentNumberCheck() {
  return z.superRefine<{ documentType: DocumentType; documentNumber: string }>(
    (input, ctx) => {
      const result = validateDocumentNumber(input.documentType, input.documentNumber);
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', path: ['documentNumber'], message: `v.document.${result.problem}`, input });
      }
    },
    { when: (payload) => fieldsValid(payload, ['documentType', 'documentNumber']) },
  );
}

export const RealNameInput = z
  .object({
    name: PersonName,
    documentType: DocumentType,
    documentNumber: required(32),
    validFrom: InputDate,
    /** null means 长期 (long-term). */
    validTo: z.nullable(InputDate),
  })
  .check(
    documentNumberCheck(),
    z.superRefine(
      (input, ctx) => {
        if (input.validTo !== null && input.validTo <= input.validFrom) {
          ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'v.validToBeforeFrom', input });
        }
      },
      { when: (payload) => fieldsValid(payload, ['validFrom', 'validTo']) },
    ),
  );
export type RealNameInput = z.infer<typeof RealNameInput>;

export const RealNameResult = z.object({
  /** verified; pending: manual review by the office (the next step says when to come back); rejected. */
  status: z.enum(['verified', 'pending', 'rejected']),
  name: Text,
  documentType: DocumentType,
  /** The number masked for display, e.g. 530102********1234. */
  documentNumberMasked: Text,
  /** From the ID number where it carries them (ID cards, residence permits); else null. */
  gender: z.nullable(Gender),
  birthDate: z.nullable(DateOnly),
  validFrom: DateOnly,
  validTo: z.nullable(DateOnly),
  verifiedAt: z.nullable(DateTime),
  /** Why verification is pending or was rejected, shown to the candidate. */
  reason: z.optional(Text),
});
export type RealNameResult = z.infer<typeof RealNameResult>;

export const Session = z.object({
  user: z.object({
    id: Id,
    account: Text,
    accountType: AccountType,
  }),
  /** null until the candidate has asked for real-name verification; then its latest result. */
  realName: z.nullable(RealNameResult),
  expiresAt: z.optional(DateTime),
});
export type Session = z.infer<typeof Session>;

/** The CSRF token of a cookie session: sent back in `X-CSRF-Token` on every POST and PUT. */
export const CsrfToken = z.string().check(z.minLength(1), z.maxLength(512));

export const LoginResult = z.object({
  session: Session,
  /** Bearer mode: the token for `Authorization: Bearer …`. Kept in memory only. */
  token: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
  /** Cookie mode: the session's CSRF token. */
  csrfToken: z.optional(CsrfToken),
});
export type LoginResult = z.infer<typeof LoginResult>;

export const SessionState = z.object({
  session: z.nullable(Session),
  /** Cookie mode, with a session: its CSRF token (so a reloaded page can send it again). */
  csrfToken: z.optional(CsrfToken),
});
export type SessionState = z.infer<typeof SessionState>;

// ---------------------------------------------------------------------------------------------
// Exam session: round, windows, notice, plan, regions

export const Subject = z.object({
  id: Id,
  name: Text,
  startsAt: DateTime,
  endsAt: DateTime,
  /** Set where the province charges per subject. */
  feeFen: z.optional(Fen),
});
export type Subject = z.infer<typeof Subject>;

export const Qualification = z.object({
  id: Id,
  name: Text,
  /** Set where the province charges per qualification. */
  feeFen: z.optional(Fen),
  subjects: z.array(Subject).check(z.minLength(1)),
});
export type Qualification = z.infer<typeof Qualification>;

export const Level = z.object({
  id: Id,
  /** 初级, 中级, 高级. */
  name: Text,
  /** Set where the province charges per level (Yunnan: 初级/中级 10000, 高级 15000). */
  feeFen: z.optional(Fen),
  qualifications: z.array(Qualification),
});
export type Level = z.infer<typeof Level>;

export const ExamArea = z.object({ code: Id, name: Text });
export type ExamArea = z.infer<typeof ExamArea>;
export const Province = z.object({ code: Id, name: Text, areas: z.array(ExamArea).check(z.minLength(1)) });
export type Province = z.infer<typeof Province>;

export const Notice = z.object({
  title: Text,
  /** Plain-text paragraphs: rendered as text, never as HTML. */
  paragraphs: z.array(z.string().check(z.maxLength(20000))),
});
export type Notice = z.infer<typeof Notice>;

/** The option lists of the registration form, defined by the backend. */
export const FormOptions = z.object({
  titleCategories: z.array(Option),
  feeCategories: z.array(Option),
  workLocations: z.array(Option),
  studyStatuses: z.array(Option),
  educationLevels: z.array(Option),
  degrees: z.array(Option),
});
export type FormOptions = z.infer<typeof FormOptions>;

export const ExamSession = z.object({
  id: Id,
  /** 轮次, e.g. 2026年下半年计算机技术与软件专业技术资格（水平）考试. */
  name: Text,
  registrationWindow: Window,
  paymentWindow: Window,
  /** When admission tickets can be printed (about a week before the exam). */
  ticketWindow: Window,
  /** The exam days. */
  examDates: z.array(DateOnly).check(z.minLength(1)),
  scoreReleaseAt: z.optional(DateTime),
  notice: Notice,
  plan: z.object({ levels: z.array(Level).check(z.minLength(1)) }),
  provinces: z.array(Province).check(z.minLength(1)),
  formOptions: FormOptions,
  /** The office's help lines, shown in help texts. */
  contactPhones: z.array(Text),
  /** The backend's clock, so countdowns do not trust the candidate's clock. */
  serverTime: DateTime,
});
export type ExamSession = z.infer<typeof ExamSession>;

// ---------------------------------------------------------------------------------------------
// Application (the registration form)

const optionalText = (max: number) => z.optional(trimmed(max));

/**
 * Every field of the registration form, in the order and with the required ones of
 * application-fields.ts (the portal's red `*`; test/schemas.test.ts holds the two together).
 */
export const applicationFields = {
  // 报考信息
  levelId: required(64),
  qualificationId: required(64),
  subjectIds: z.array(Id).check(z.minLength(1, { error: 'v.subjects' })),
  provinceCode: required(64),
  areaCode: required(64),
  // 个人信息 (prefilled read-only from the real-name result)
  name: PersonName,
  documentType: DocumentType,
  documentNumber: required(32),
  gender: Gender,
  birthDate: DateOnly,
  // 职称、工作
  titleCategory: optionalText(64),
  feeCategory: required(64),
  workLocation: optionalText(64),
  employer: optionalText(100),
  workStartDate: z.optional(YearMonth),
  professionalYears: z.optional(z.int().check(z.gte(0, { error: 'v.years' }), z.lte(60, { error: 'v.years' }))),
  // 学历
  school: optionalText(100),
  major: optionalText(100),
  graduationDate: z.optional(YearMonth),
  majorName: optionalText(100),
  studyStatus: optionalText(64),
  education: required(64),
  degree: optionalText(64),
  // 联系方式
  address: required(200),
  mobile: Mobile,
  email: z.optional(Email),
  postalCode: z.optional(trimmed(6).check(z.refine(isPostalCode, { error: 'v.postalCode' }))),
  landline: z.optional(trimmed(30).check(z.refine(isLandline, { error: 'v.landline' }))),
} satisfies Record<ApplicationFieldName, z.ZodMiniType>;

/** What the candidate submits: every required field present and valid. */
export const ApplicationInput = z.object(applicationFields).check(documentNumberCheck());
export type ApplicationInput = z.infer<typeof ApplicationInput>;

export { APPLICATION_FIELD_NAMES, type ApplicationFieldName };

/** One saved answer of a draft: drafts are saved while typing, so a value may still be invalid. */
const DraftValue = z.union([z.string().check(z.maxLength(2000)), z.number(), z.array(z.string().check(z.maxLength(128))), z.null()]);

/** A draft: any subset of the form's fields, valid or not yet (saved while typing). */
export const ApplicationDraft = z.partial(
  z.object(
    Object.fromEntries(APPLICATION_FIELD_NAMES.map((key) => [key, DraftValue])) as Record<
      ApplicationFieldName,
      typeof DraftValue
    >,
  ),
);
export type ApplicationDraft = z.infer<typeof ApplicationDraft>;

export const ApplicationStatus = z.enum([
  'draft',
  'submitted',
  'rejected',
  'approved',
  'paid',
  'change-requested',
  'ticket-available',
  'scored',
  'certified',
]);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;


export const Photo = z.object({
  id: Id,
  url: ImageUrl,
  width: z.int().check(z.positive()),
  height: z.int().check(z.positive()),
  bytes: z.int().check(z.positive()),
  uploadedAt: DateTime,
});
export type Photo = z.infer<typeof Photo>;

export const Review = z.object({
  result: z.enum(['approved', 'rejected']),
  /** The reviewer's reason, shown to the candidate on rejection. */
  reason: z.optional(Text),
  reviewedAt: DateTime,
});
export type Review = z.infer<typeof Review>;

export const ChangeRequest = z.object({
  id: Id,
  reason: Text,
  status: z.enum(['pending', 'approved', 'rejected']),
  createdAt: DateTime,
  /** The office's answer. */
  response: z.optional(Text),
});
export type ChangeRequest = z.infer<typeof ChangeRequest>;

export const ChangeRequestInput = z.object({
  reason: required(500).check(z.minLength(5, { error: 'v.reasonShort' })),
});
export type ChangeRequestInput = z.infer<typeof ChangeRequestInput>;

export const Application = z.object({
  id: Id,
  examSessionId: Id,
  status: ApplicationStatus,
  /** The saved answers; a draft may be incomplete, so each field is checked when submitting. */
  fields: ApplicationDraft,
  photo: z.nullable(Photo),
  review: z.nullable(Review),
  changeRequest: z.nullable(ChangeRequest),
  /** 报名序号: 19 digits in the seed (e.g. 5321010000144410001), set on submission. */
  registrationNumber: z.nullable(z.string().check(z.regex(/^\d{10,24}$/))),
  /** The fee to pay, known once the application is submitted. */
  feeFen: z.nullable(Fen),
  submittedAt: z.nullable(DateTime),
  updatedAt: DateTime,
});
export type Application = z.infer<typeof Application>;

export const ApplicationState = z.object({ application: z.nullable(Application) });
export type ApplicationState = z.infer<typeof ApplicationState>;

// ---------------------------------------------------------------------------------------------
// Payment

export const PaymentChannel = z.enum(['alipay', 'wechat']);
export type PaymentChannel = z.infer<typeof PaymentChannel>;

export const CreateOrderInput = z.object({ channel: PaymentChannel });
export type CreateOrderInput = z.infer<typeof CreateOrderInput>;

export const PaymentOrder = z.object({
  id: Id,
  applicationId: Id,
  channel: PaymentChannel,
  amountFen: Fen.check(z.positive()),
  /** The raw payload drawn as the QR code in the page (never a hosted image). */
  qrPayload: z.string().check(z.minLength(1), z.maxLength(2048)),
  createdAt: DateTime,
  expiresAt: DateTime,
  paymentWindow: Window,
  /** The backend's clock when the order was answered, for the expiry countdown. */
  serverTime: DateTime,
});
export type PaymentOrder = z.infer<typeof PaymentOrder>;

export const PaymentStatusValue = z.enum(['unpaid', 'paying', 'paid', 'failed', 'closed', 'expired']);
export type PaymentStatusValue = z.infer<typeof PaymentStatusValue>;

export const Receipt = z.object({
  /** 支付单号. */
  tradeNo: Text,
  /** 支付网关, e.g. 非税支付. */
  gateway: Text,
  /** 支付时间. */
  paidAt: DateTime,
  /** 实付金额. */
  amountFen: Fen,
  channel: PaymentChannel,
});
export type Receipt = z.infer<typeof Receipt>;

export const PaymentStatus = z.object({
  orderId: Id,
  status: PaymentStatusValue,
  receipt: z.nullable(Receipt),
  failureReason: z.optional(Text),
  serverTime: DateTime,
});
export type PaymentStatus = z.infer<typeof PaymentStatus>;

/** The candidate's payment as it stands: the open or last order and its status. */
export const CurrentPayment = z.object({
  order: z.nullable(PaymentOrder),
  status: z.nullable(PaymentStatus),
});
export type CurrentPayment = z.infer<typeof CurrentPayment>;

// ---------------------------------------------------------------------------------------------
// Papers and queries

/** A labelled value of a printed document, in the order the backend wants it printed. */
export const PrintedField = z.object({ label: Text, value: Text });
export type PrintedField = z.infer<typeof PrintedField>;

export const RegistrationSlip = z.object({
  /** e.g. 2026年下半年计算机技术与软件专业技术资格（水平）考试报名表. */
  title: Text,
  registrationNumber: z.string().check(z.regex(/^\d{10,24}$/)),
  /** 系统识别码. */
  systemCode: Text,
  /** 报名成功 and the like. */
  statusText: Text,
  photoUrl: z.nullable(ImageUrl),
  fields: z.array(PrintedField),
  changeRequest: z.nullable(ChangeRequest),
  issuedAt: DateTime,
});
export type RegistrationSlip = z.infer<typeof RegistrationSlip>;

export const ScheduledSubject = z.object({
  name: Text,
  startsAt: DateTime,
  endsAt: DateTime,
});

export const ExamSite = z.object({
  name: Text,
  address: Text,
  room: Text,
  seat: Text,
});

export const AdmissionTicket = z.object({
  ticketNumber: z.string().check(z.regex(/^[0-9A-Za-z-]{6,32}$/)),
  examSessionName: Text,
  name: Text,
  documentType: DocumentType,
  documentNumberMasked: Text,
  photoUrl: z.nullable(ImageUrl),
  level: Text,
  qualification: Text,
  subjects: z.array(ScheduledSubject).check(z.minLength(1)),
  site: ExamSite,
  rules: z.array(Text),
});
export type AdmissionTicket = z.infer<typeof AdmissionTicket>;

/** A document that exists only inside a window: the ticket before printing opens, scores before release. */
const availability = <T extends z.ZodMiniType>(content: T) =>
  z.discriminatedUnion('status', [
    z.object({ status: z.literal('available'), content }),
    z.object({ status: z.literal('not-yet'), opensAt: z.nullable(DateTime) }),
    z.object({ status: z.literal('closed'), closedAt: z.nullable(DateTime) }),
    z.object({ status: z.literal('not-applicable'), reason: z.optional(Text) }),
  ]);

export const TicketAvailability = availability(AdmissionTicket);
export type TicketAvailability = z.infer<typeof TicketAvailability>;

export const ExamArrangement = z.object({
  examSessionName: Text,
  items: z.array(
    z.object({
      subject: Text,
      startsAt: DateTime,
      endsAt: DateTime,
      site: ExamSite,
    }),
  ),
});
export type ExamArrangement = z.infer<typeof ExamArrangement>;
export const ArrangementAvailability = availability(ExamArrangement);
export type ArrangementAvailability = z.infer<typeof ArrangementAvailability>;

export const ScoreReport = z.object({
  examSessionName: Text,
  qualification: Text,
  subjects: z.array(
    z.object({
      name: Text,
      /** null when the candidate was absent (缺考). */
      score: z.nullable(z.number().check(z.gte(0), z.lte(100))),
      maxScore: z.number().check(z.positive()),
      /** The pass line is data (45 nationally; 42 in some regions in 2023). */
      passLine: z.number().check(z.positive()),
      passed: z.boolean(),
    }),
  ),
  passed: z.boolean(),
  publishedAt: DateTime,
});
export type ScoreReport = z.infer<typeof ScoreReport>;
export const ScoreAvailability = availability(ScoreReport);
export type ScoreAvailability = z.infer<typeof ScoreAvailability>;

export const Certificate = z.object({
  number: Text,
  qualification: Text,
  level: Text,
  name: Text,
  issuedAt: z.nullable(DateOnly),
  status: z.enum(['pending', 'issued', 'mailed', 'collected']),
  issuer: Text,
});
export type Certificate = z.infer<typeof Certificate>;
export const CertificateList = z.object({ certificates: z.array(Certificate) });
export type CertificateList = z.infer<typeof CertificateList>;

/** Answers without content (logout, reset password). */
export const Ok = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof Ok>;
