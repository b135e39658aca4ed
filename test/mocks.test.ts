/**
 * The mock exam office: the seeded round parses with the schemas, and the office, driven through
 * the real `HttpBackend` over MSW, keeps the portal's rules, scenarios and faults.
 */
import { expect } from './helpers/testing.js';
import {
  CANDIDATE_STAGES,
  createHandlers,
  ExamOffice,
  handlerRoutes,
  LIJIANG_AREA_CODE,
  LIJIANG_OFFICE_CODE,
  PAYMENT_FAILURE_REASON,
  REJECTION_REASON,
  SCENARIOS,
  SEED_APPLICATION,
  SEED_ID_NUMBER,
  SEED_REAL_NAME,
  seedExamSession,
  startMockOffice,
  YUNNAN,
  type CandidateStage,
} from '../src/mocks/index.js';
import { newIdempotencyKey } from '../src/services/backend.js';
import { operations } from '../src/services/contract.js';
import { officeOperations } from '../src/services/office-contract.js';
import {
  BusinessError,
  HttpError,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
} from '../src/services/errors.js';
import { HttpBackend } from '../src/services/http-backend.js';
import { gb11643CheckChar, validateDocumentNumber } from '../src/services/id-document.js';
import * as s from '../src/services/schemas.js';

const START = Date.parse('2026-11-25T10:00:00+08:00');
let clock = START;
const office = new ExamOffice({ now: () => new Date(clock), latencyMs: 0 });

const MINUTE = 60_000;
/** A second candidate, 李娜 (Kunming, female), for the registration flow. */
const LI_NA = { account: '13900139000', password: 'Lina2027pass', id: '530102199208162045' };

before(async () => {
  await startMockOffice({ office, baseUrl: '/api', quiet: true });
});

beforeEach(() => {
  clock = START;
  office.setScenario('happy-path');
});

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

async function businessError(promise: Promise<unknown>, code: string, status?: number): Promise<BusinessError> {
  const error = await failure(promise);
  expect(error, String(error)).to.be.instanceOf(BusinessError);
  const business = error as BusinessError;
  expect(business.code, business.message).to.equal(code);
  if (status !== undefined) expect(business.status).to.equal(status);
  return business;
}

/** A backend signed in with a token (as the demo's QA panel does). */
function signedIn(token: string, options: { timeoutMs?: number } = {}): HttpBackend {
  return new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }), ...options });
}

async function jpeg(width = 295, height = 413): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#8a9bb0';
  context.fillRect(90, 80, 115, 200);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
}

/** 李娜 registered, signed in and verified, through HTTP. */
async function verifiedCandidate(): Promise<HttpBackend> {
  const backend = new HttpBackend({ baseUrl: '/api' });
  await backend.register({ accountType: 'phone', account: LI_NA.account, password: LI_NA.password, code: '123456' });
  await backend.verifyRealName({ name: '李娜', documentType: 'resident-id', documentNumber: LI_NA.id, validFrom: '2019-03-01', validTo: '2039-03-01' });
  return backend;
}

/** 李娜's complete form: 初级 程序员 in 昆明. */
const liNaForm: s.ApplicationInput = {
  ...SEED_APPLICATION,
  levelId: 'junior',
  qualificationId: 'programmer',
  subjectIds: ['programmer.fundamentals', 'programmer.applied'],
  provinceCode: '5301',
  areaCode: '5301',
  name: '李娜',
  documentNumber: LI_NA.id,
  gender: 'female',
  birthDate: '1992-08-16',
  mobile: LI_NA.account,
  email: 'lina@example.com',
};

describe('mock office: seeded round', () => {
  it('parses with ExamSession and carries the full plan, Yunnan and the fees', () => {
    const session = seedExamSession(new Date(START));
    const parsed = s.ExamSession.safeParse(session);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).to.equal(true);
    expect(session.name).to.equal('2027年上半年计算机技术与软件专业技术资格（水平）考试');
    expect(session.examDates).to.deep.equal(['2027-01-24', '2027-01-25']);
    const levels = Object.fromEntries(session.plan.levels.map((level) => [level.name, level]));
    expect(levels['高级']!.qualifications).to.have.length(5);
    expect(levels['中级']!.qualifications).to.have.length(11);
    expect(levels['初级']!.qualifications).to.have.length(4);
    expect([levels['初级']!.feeFen, levels['中级']!.feeFen, levels['高级']!.feeFen]).to.deep.equal([10000, 10000, 15000]);
    expect(levels['高级']!.qualifications[0]!.subjects.map((subject) => subject.name)).to.deep.equal(['综合知识', '案例分析', '论文']);
    expect(levels['中级']!.qualifications[0]!.subjects.map((subject) => subject.name)).to.deep.equal(['基础知识', '应用技术']);
    // Yunnan registers by city: 16 offices, each with its own exam area.
    expect(session.provinces.map((office) => office.name)).to.deep.equal(YUNNAN.areas.map((area) => area.name));
    const lijiang = session.provinces.find((office) => office.code === LIJIANG_OFFICE_CODE)!;
    expect([lijiang.name, lijiang.areas]).to.deep.equal(['丽江市', [{ code: LIJIANG_AREA_CODE, name: '丽江市' }]]);
    expect(session.contactPhones[0]).to.equal('0871-64312910 转 835、836');
    expect(session.notice.title).to.equal('考生须知');
    expect(session.notice.paragraphs.length).to.be.at.least(8);
    const reg = session.registrationWindow;
    expect(Date.parse(reg.opensAt)).to.be.below(START);
    expect(Date.parse(reg.closesAt)).to.be.above(START + 9 * 24 * 60 * MINUTE);
    expect(Date.parse(session.paymentWindow.closesAt)).to.be.above(Date.parse(reg.closesAt));
    expect(session.ticketWindow.opensAt.slice(0, 10)).to.equal('2027-01-17');
  });

  it('names the half-year from the exam date, and can lie the registration window in the past', () => {
    expect(seedExamSession(new Date('2026-03-01T12:00:00+08:00')).name).to.match(/^2026年上半年/);
    expect(seedExamSession(new Date('2026-07-15T12:00:00+08:00')).name).to.match(/^2026年下半年/);
    const closed = seedExamSession(new Date(START), { registration: 'closed' });
    expect(Date.parse(closed.registrationWindow.closesAt)).to.be.below(START);
    expect(s.ExamSession.safeParse(closed).success).to.equal(true);
  });

  it("the seeded candidate's ID number has a correct GB 11643 check character", () => {
    expect(SEED_ID_NUMBER.at(-1)).to.equal(gb11643CheckChar(SEED_ID_NUMBER.slice(0, 17)));
    const check = validateDocumentNumber('resident-id', SEED_ID_NUMBER);
    expect(check.ok && check.info?.gender).to.equal('male');
    expect(s.RealNameInput.safeParse(SEED_REAL_NAME).success).to.equal(true);
    expect(s.ApplicationInput.safeParse(SEED_APPLICATION).success).to.equal(true);
  });

  it('has exactly one handler per contract operation (and office API operation), at the contract path', () => {
    const routes = handlerRoutes({ baseUrl: '/api' });
    const all: Record<string, { method: string; path: string }> = { ...operations, ...officeOperations };
    expect(routes).to.have.length(Object.keys(all).length);
    for (const route of routes) {
      const operation = all[route.operation]!;
      expect(route.method).to.equal(operation.method);
      expect(route.path).to.equal(`/api${operation.path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    expect(handlerRoutes({ baseUrl: '/api', officeApi: false })).to.have.length(Object.keys(operations).length);
    const infos = createHandlers(office).map((handler) => handler.info as { method: string; path: string });
    expect(infos.map((info) => `${info.method} ${info.path}`)).to.deep.equal(routes.map((route) => `${route.method} ${route.path}`));
  });
});

describe('mock office: account', () => {
  it('captcha: an SVG picture, case-insensitive, single use; 0000 always works', async () => {
    const backend = new HttpBackend({ baseUrl: '/api' });
    const captcha = await backend.getCaptcha();
    expect(captcha.image).to.match(/^data:image\/svg\+xml;base64,/);
    const answer = office.captchaAnswer(captcha.id)!;
    expect(atob(captcha.image.split(',')[1]!)).to.contain(answer[0]);
    const send = (captchaAnswer: string) =>
      backend.sendVerificationCode({ channel: 'sms', target: LI_NA.account, purpose: 'register', captchaId: captcha.id, captchaAnswer });
    expect((await send(answer.toLowerCase())).resendAfterSeconds).to.equal(60);
    await businessError(send(answer), 'CAPTCHA_WRONG', 422);
    const wrong = await backend.getCaptcha();
    await businessError(backend.login({ account: LI_NA.account, password: 'x', captchaId: wrong.id, captchaAnswer: 'ZZZZ' }), 'CAPTCHA_WRONG');
  });

  it('verification code: resend after 60 s; register needs 123456; an account exists once', async () => {
    const backend = new HttpBackend({ baseUrl: '/api' });
    const send = () =>
      backend.sendVerificationCode({ channel: 'sms', target: LI_NA.account, purpose: 'register', captchaId: 'x', captchaAnswer: '0000' });
    await send();
    clock += 20_000;
    const tooSoon = await businessError(send(), 'TOO_MANY_ATTEMPTS', 429);
    expect(tooSoon.details.retryAfterSeconds).to.equal(40);
    clock += 40_000;
    await send();
    const input = { accountType: 'phone' as const, account: LI_NA.account, password: LI_NA.password, code: '654321' };
    await businessError(backend.register(input), 'CODE_WRONG');
    const result = await backend.register({ ...input, code: '123456' });
    expect(result.session.user.account).to.equal(LI_NA.account);
    expect(result.session.realName).to.equal(null);
    await businessError(backend.register({ ...input, code: '123456' }), 'ACCOUNT_EXISTS', 409);
  });

  it('login: unknown account, wrong password, 5 failures lock for 5 minutes', async () => {
    const { account, password } = office.seedCandidate({ stage: 'registered' });
    const backend = new HttpBackend({ baseUrl: '/api' });
    const login = (pass: string, who = account) => backend.login({ account: who, password: pass, captchaId: 'x', captchaAnswer: '0000' });
    await businessError(login(password, '13700137000'), 'ACCOUNT_UNKNOWN');
    for (let attempt = 1; attempt <= 4; attempt++) {
      const error = await businessError(login('Wrong12345'), 'PASSWORD_WRONG');
      expect(error.details.remainingAttempts).to.equal(5 - attempt);
    }
    const locked = await businessError(login('Wrong12345'), 'TOO_MANY_ATTEMPTS', 429);
    expect(locked.details.retryAfterSeconds).to.equal(300);
    await businessError(login(password), 'TOO_MANY_ATTEMPTS');
    clock += 5 * MINUTE + 1000;
    const result = await login(password);
    expect(result.token).to.be.a('string');
    expect(await backend.getSession()).to.have.nested.property('user.account', account);
    await backend.logout();
    expect(await backend.getSession()).to.equal(null);
  });

  it('401 without a token, REALNAME_REQUIRED before real name, REALNAME_MISMATCH for 测试不符', async () => {
    await businessError(new HttpBackend({ baseUrl: '/api' }).getApplication(), 'UNAUTHENTICATED', 401);
    await businessError(signedIn('not-a-token').getApplication(), 'UNAUTHENTICATED', 401);
    const backend = new HttpBackend({ baseUrl: '/api' });
    await backend.register({ accountType: 'phone', account: LI_NA.account, password: LI_NA.password, code: '123456' });
    await businessError(backend.saveApplicationDraft({ mobile: LI_NA.account }), 'REALNAME_REQUIRED');
    const input = { name: '测试不符', documentType: 'resident-id' as const, documentNumber: LI_NA.id, validFrom: '2019-03-01', validTo: '2039-03-01' };
    await businessError(backend.verifyRealName(input), 'REALNAME_MISMATCH');
    const bad = await businessError(backend.verifyRealName({ ...input, name: '李娜', documentNumber: '530102199208162046' }), 'VALIDATION', 422);
    expect(bad.details.fields).to.have.property('documentNumber');
    const result = await backend.verifyRealName({ ...input, name: '李娜' });
    expect(result).to.include({ status: 'verified', gender: 'female', birthDate: '1992-08-16', documentNumberMasked: '530102********2045' });
    expect((await backend.getSession())?.realName?.status).to.equal('verified');
  });
});

describe('mock office: registration and payment through HttpBackend', () => {
  it('register → login → real name → draft → photo → submit → approve → pay → slip → ticket → scores → certificate', async () => {
    const backend = await verifiedCandidate();
    const captcha = await backend.getCaptcha();
    await backend.login({ account: LI_NA.account, password: LI_NA.password, captchaId: captcha.id, captchaAnswer: office.captchaAnswer(captcha.id)! });

    const draft = await backend.saveApplicationDraft({ levelId: 'junior', areaCode: '5301' });
    expect(draft.status).to.equal('draft');
    expect(draft.fields).to.include({ name: '李娜', documentNumber: LI_NA.id, levelId: 'junior' });
    const cleared = await backend.saveApplicationDraft({ areaCode: null });
    expect(cleared.fields).to.not.have.property('areaCode');

    const noPhoto = await businessError(backend.submitApplication(liNaForm, { idempotencyKey: newIdempotencyKey() }), 'VALIDATION', 422);
    expect(noPhoto.details.fields).to.have.property('photo');
    const photo = await backend.uploadPhoto(await jpeg());
    expect(photo).to.include({ width: 295, height: 413 });
    expect(photo.url).to.match(/^data:image\/jpeg;base64,/);

    const invalid = await businessError(
      backend.submitApplication({ ...liNaForm, mobile: '12345', areaCode: '' }, { idempotencyKey: newIdempotencyKey() }),
      'VALIDATION',
      422,
    );
    expect(invalid.details.fields).to.include.keys('mobile', 'areaCode');
    const wrongSubjects = await businessError(
      backend.submitApplication({ ...liNaForm, subjectIds: ['programmer.fundamentals'] }, { idempotencyKey: newIdempotencyKey() }),
      'VALIDATION',
    );
    expect(wrongSubjects.details.fields).to.have.property('subjectIds');

    const key = newIdempotencyKey();
    const submitted = await backend.submitApplication(liNaForm, { idempotencyKey: key });
    const again = await backend.submitApplication(liNaForm, { idempotencyKey: key });
    expect(again).to.deep.equal(submitted);
    expect(submitted.status).to.equal('submitted');
    expect(submitted.registrationNumber).to.match(/^53\d{17}$/);
    expect(submitted.feeFen).to.equal(10000);
    await businessError(backend.submitApplication(liNaForm, { idempotencyKey: newIdempotencyKey() }), 'INVALID_STATE', 409);
    await businessError(backend.createPaymentOrder({ channel: 'alipay' }, { idempotencyKey: newIdempotencyKey() }), 'INVALID_STATE', 409);

    office.approve();
    expect((await backend.getApplication())?.status).to.equal('approved');
    await businessError(backend.getRegistrationSlip(), 'INVALID_STATE', 409);

    const orderKey = newIdempotencyKey();
    const alipay = await backend.createPaymentOrder({ channel: 'alipay' }, { idempotencyKey: orderKey });
    expect(alipay.amountFen).to.equal(10000);
    expect(alipay.qrPayload).to.match(/^https:\/\/qr\.alipay\.com\/mock-/);
    expect(Date.parse(alipay.expiresAt) - Date.parse(alipay.serverTime)).to.equal(5 * MINUTE);
    expect(await backend.createPaymentOrder({ channel: 'alipay' }, { idempotencyKey: orderKey })).to.deep.equal(alipay);
    const reopened = await backend.createPaymentOrder({ channel: 'alipay' }, { idempotencyKey: newIdempotencyKey() });
    expect(reopened.id).to.equal(alipay.id);
    const wechat = await backend.createPaymentOrder({ channel: 'wechat' }, { idempotencyKey: newIdempotencyKey() });
    expect(wechat.id).to.not.equal(alipay.id);
    expect(wechat.qrPayload).to.match(/^weixin:\/\/wxpay\/bizpayurl\?pr=mock/);
    expect((await backend.getPaymentStatus(alipay.id)).status).to.equal('unpaid');
    expect((await backend.getCurrentPayment()).order?.id).to.equal(wechat.id);

    office.markPaid(alipay.id);
    const paid = await backend.getPaymentStatus(alipay.id);
    expect(paid.status).to.equal('paid');
    expect(paid.receipt).to.include({ gateway: '非税支付', amountFen: 10000, channel: 'alipay' });
    expect(paid.receipt?.tradeNo).to.match(/^\d{28}$/);
    expect((await backend.getPaymentStatus(wechat.id)).status).to.equal('closed');
    expect((await backend.getCurrentPayment()).status?.status).to.equal('paid');
    expect((await backend.getApplication())?.status).to.equal('paid');
    await businessError(backend.createPaymentOrder({ channel: 'wechat' }, { idempotencyKey: newIdempotencyKey() }), 'ALREADY_PAID', 409);
    await businessError(backend.getPaymentStatus('RK-someone-else'), 'NOT_FOUND', 404);

    const slip = await backend.getRegistrationSlip();
    expect(slip.title).to.equal(`${(await backend.getExamSession()).name}报名表`);
    expect(slip.statusText).to.equal('报名成功');
    expect(slip.registrationNumber).to.equal(submitted.registrationNumber);
    const printed = Object.fromEntries(slip.fields.map((field) => [field.label, field.value]));
    expect(printed).to.include({ 姓名: '李娜', 证件号码: '530102********2045', 性别: '女', 报考级别: '初级', 报考资格: '程序员', 考试考区: '昆明市', 学历: '本科', 手机号码: LI_NA.account });

    const notYet = await backend.getAdmissionTicket();
    expect(notYet).to.deep.equal({ status: 'not-yet', opensAt: (await backend.getExamSession()).ticketWindow.opensAt });
    expect(office.publishTickets()).to.equal(1);
    const ticket = await backend.getAdmissionTicket();
    if (ticket.status !== 'available') throw new Error(`ticket ${ticket.status}`);
    expect(ticket.content).to.include({ name: '李娜', qualification: '程序员', documentNumberMasked: '530102********2045' });
    expect(ticket.content.subjects.map((subject) => subject.name)).to.deep.equal(['基础知识', '应用技术']);
    expect(ticket.content.site.address).to.contain('昆明');
    expect(ticket.content.rules.length).to.be.at.least(3);
    expect((await backend.getExamArrangement()).status).to.equal('available');
    expect((await backend.getApplication())?.status).to.equal('ticket-available');

    expect((await backend.getScores()).status).to.equal('not-yet');
    office.publishScores();
    const scores = await backend.getScores();
    if (scores.status !== 'available') throw new Error(`scores ${scores.status}`);
    expect(scores.content.subjects.map((subject) => [subject.score, subject.maxScore, subject.passLine])).to.deep.equal([
      [52, 75, 45],
      [48, 75, 45],
    ]);
    expect(scores.content.passed).to.equal(true);
    expect((await backend.getCertificates()).certificates).to.deep.equal([]);
    expect(office.issueCertificates()).to.equal(1);
    const [certificate] = (await backend.getCertificates()).certificates;
    expect(certificate).to.include({ name: '李娜', qualification: '程序员', level: '初级', status: 'issued' });
    expect((await backend.getApplication())?.status).to.equal('certified');
  });

  it('a rejected application shows the reason, can be edited and resubmitted with its number kept', async () => {
    const { token } = office.seedCandidate({ stage: 'submitted' });
    const backend = signedIn(token);
    const before = (await backend.getApplication())!;
    office.reject('学历信息与照片不符，请核对后重新提交。');
    const rejected = (await backend.getApplication())!;
    expect(rejected.status).to.equal('rejected');
    expect(rejected.review).to.include({ result: 'rejected', reason: '学历信息与照片不符，请核对后重新提交。' });
    await backend.saveApplicationDraft({ employer: '丽江市古城区教育局' });
    await backend.uploadPhoto(await jpeg());
    const again = await backend.submitApplication({ ...SEED_APPLICATION, employer: '丽江市古城区教育局' }, { idempotencyKey: newIdempotencyKey() });
    expect(again.status).to.equal('submitted');
    expect(again.registrationNumber).to.equal(before.registrationNumber);
    expect(again.review).to.equal(null);
  });

  it('a QR code expires after 5 minutes and the next order is a new one', async () => {
    const { token } = office.seedCandidate({ stage: 'approved' });
    const backend = signedIn(token);
    const first = await backend.createPaymentOrder({ channel: 'wechat' }, { idempotencyKey: newIdempotencyKey() });
    clock += 5 * MINUTE + 1000;
    expect((await backend.getPaymentStatus(first.id)).status).to.equal('expired');
    const second = await backend.createPaymentOrder({ channel: 'wechat' }, { idempotencyKey: newIdempotencyKey() });
    expect(second.id).to.not.equal(first.id);
    expect(office.expireOrders()).to.equal(1);
    expect((await backend.getPaymentStatus(second.id)).status).to.equal('expired');
    expect(() => office.markPaid()).to.throw();
  });

  it('the photo must be a JPEG of at most 200 KB', async () => {
    const { token } = office.seedCandidate({ stage: 'draft' });
    const backend = signedIn(token);
    await businessError(backend.uploadPhoto(new Blob([new Uint8Array(5000)], { type: 'image/png' })), 'PHOTO_REJECTED', 422);
    const big = await businessError(backend.uploadPhoto(new Blob([new Uint8Array(201 * 1024)], { type: 'image/jpeg' })), 'PHOTO_REJECTED');
    expect(big.details).to.include({ reason: 'size', maxBytes: 204800 });
  });

  it('a paid application can ask for a change', async () => {
    const { token } = office.seedCandidate({ stage: 'paid' });
    const backend = signedIn(token);
    const request = await backend.requestChange({ reason: '考区选错，申请由丽江改为大理' });
    expect(request.status).to.equal('pending');
    expect((await backend.getApplication())?.status).to.equal('change-requested');
    expect((await backend.getRegistrationSlip()).changeRequest?.id).to.equal(request.id);
    await businessError(backend.requestChange({ reason: '再次申请变更考区' }), 'INVALID_STATE', 409);
    office.answerChangeRequest(true);
    expect((await backend.getApplication())?.changeRequest?.status).to.equal('approved');
  });

  it('an idempotent call without Idempotency-Key is a 400 IDEMPOTENCY_KEY_REQUIRED', async () => {
    const { token } = office.seedCandidate({ stage: 'approved' });
    const response = await fetch('/api/payment/orders', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel: 'alipay' }),
    });
    expect(response.status).to.equal(400);
    expect((await response.json()).code).to.equal('IDEMPOTENCY_KEY_REQUIRED');
  });
});

describe('mock office: every operation', () => {
  it('answers every adapter method with a contract answer or a business error, never an unhandled request', async () => {
    const { worker } = await startMockOffice({ office, baseUrl: '/api', quiet: true });
    const unhandled: string[] = [];
    const onUnhandled = ({ request }: { request: Request }) => unhandled.push(`${request.method} ${request.url}`);
    worker.events.on('request:unhandled', onUnhandled);
    try {
      const { token } = office.seedCandidate({ stage: 'approved' });
      const backend = signedIn(token);
      const key = { idempotencyKey: newIdempotencyKey() };
      const order = await backend.createPaymentOrder({ channel: 'alipay' }, key);
      const calls: Record<keyof typeof operations, () => Promise<unknown>> = {
        getCaptcha: () => backend.getCaptcha(),
        sendVerificationCode: () =>
          backend.sendVerificationCode({ channel: 'email', target: 'lina@example.com', purpose: 'register', captchaId: 'x', captchaAnswer: '0000' }),
        register: () => backend.register({ accountType: 'email', account: 'lina@example.com', password: LI_NA.password, code: '123456' }),
        login: () => backend.login({ account: '13800138000', password: 'Ruankao2026', captchaId: 'x', captchaAnswer: '0000' }),
        resetPassword: () => backend.resetPassword({ account: 'lina@example.com', code: '123456', newPassword: 'Lina2027new' }),
        logout: () => new HttpBackend({ baseUrl: '/api' }).logout(),
        getSession: () => backend.getSession(),
        verifyRealName: () => backend.verifyRealName(SEED_REAL_NAME),
        getExamSession: () => backend.getExamSession(),
        getApplication: () => backend.getApplication(),
        saveApplicationDraft: () => backend.saveApplicationDraft({ mobile: '13800138000' }),
        submitApplication: () => backend.submitApplication(SEED_APPLICATION, key),
        uploadPhoto: () => backend.uploadPhoto(new Blob([new Uint8Array(1000)], { type: 'image/jpeg' })),
        createPaymentOrder: () => backend.createPaymentOrder({ channel: 'alipay' }, key),
        getPaymentStatus: () => backend.getPaymentStatus(order.id),
        getCurrentPayment: () => backend.getCurrentPayment(),
        getRegistrationSlip: () => backend.getRegistrationSlip(),
        requestChange: () => backend.requestChange({ reason: '更改考区到丽江市' }),
        getAdmissionTicket: () => backend.getAdmissionTicket(),
        getExamArrangement: () => backend.getExamArrangement(),
        getScores: () => backend.getScores(),
        getCertificates: () => backend.getCertificates(),
      };
      const outcomes: Record<string, string> = {};
      for (const [name, call] of Object.entries(calls)) {
        try {
          await call();
          outcomes[name] = 'ok';
        } catch (error) {
          expect(error, `${name}: ${String(error)}`).to.be.instanceOf(BusinessError);
          outcomes[name] = (error as BusinessError).code;
        }
      }
      expect(outcomes).to.include({
        getCaptcha: 'ok',
        register: 'ok',
        resetPassword: 'ok',
        createPaymentOrder: 'ok',
        submitApplication: 'INVALID_STATE',
        uploadPhoto: 'INVALID_STATE',
        getRegistrationSlip: 'INVALID_STATE',
      });
      expect(unhandled).to.deep.equal([]);
    } finally {
      worker.events.removeListener('request:unhandled', onUnhandled);
    }
  });
});

describe('mock office: seeded candidates, snapshots, copies', () => {
  const expected: Record<CandidateStage, s.ApplicationStatus | null> = {
    registered: null,
    verified: null,
    draft: 'draft',
    submitted: 'submitted',
    rejected: 'rejected',
    approved: 'approved',
    paid: 'paid',
    ticket: 'ticket-available',
    scored: 'scored',
    certified: 'certified',
  };

  it('seeds 张三 at every stage, with a working token and password', async () => {
    for (const stage of CANDIDATE_STAGES) {
      const { token } = office.seedCandidate({ stage });
      const backend = signedIn(token);
      expect((await backend.getApplication())?.status ?? null, stage).to.equal(expected[stage]);
      expect((await backend.getSession())?.realName?.status ?? null, stage).to.equal(stage === 'registered' ? null : 'verified');
    }
    const { account, password } = office.seedCandidate({ stage: 'certified' });
    const backend = new HttpBackend({ baseUrl: '/api' });
    await backend.login({ account, password, captchaId: 'x', captchaAnswer: '0000' });
    expect((await backend.getCertificates()).certificates).to.have.length(1);
    const ticket = await backend.getAdmissionTicket();
    expect(ticket.status === 'available' && ticket.content.site.name).to.contain('丽江');
  });

  it('snapshot and restore keep the state; answers are copies', async () => {
    const { token } = office.seedCandidate({ stage: 'paid' });
    const restored = ExamOffice.restore(office.snapshot(), { now: () => new Date(clock) });
    expect(restored.getApplication(token)).to.deep.equal(office.getApplication(token));
    expect(restored.scenario).to.equal('happy-path');
    const application = office.getApplication(token).application!;
    application.status = 'certified';
    application.fields.name = '王五';
    expect(office.getApplication(token).application).to.include({ status: 'paid' });
    expect(office.getApplication(token).application!.fields.name).to.equal('张三');
    const session = office.getExamSession();
    session.plan.levels.length = 0;
    expect(office.getExamSession().plan.levels).to.have.length(3);
    expect(() => ExamOffice.restore('{"version":2}')).to.throw();
  });
});

describe('mock office: scenarios', () => {
  it('lists the seven scenarios', () => {
    expect([...SCENARIOS]).to.deep.equal([
      'happy-path',
      'review-rejected',
      'registration-closed',
      'payment-expired',
      'payment-failed',
      'backend-down',
      'slow-network',
    ]);
  });

  it('review-rejected: a submission is rejected right after with a reason', async () => {
    office.setScenario('review-rejected');
    const { token } = office.seedCandidate({ stage: 'verified' });
    const backend = signedIn(token);
    await backend.uploadPhoto(await jpeg());
    const submitted = await backend.submitApplication(SEED_APPLICATION, { idempotencyKey: newIdempotencyKey() });
    expect(submitted.status).to.equal('submitted');
    const application = (await backend.getApplication())!;
    expect(application.status).to.equal('rejected');
    expect(application.review?.reason).to.equal(REJECTION_REASON);
  });

  it('registration-closed: the window lies in the past and drafts are refused', async () => {
    office.setScenario('registration-closed');
    const { token } = office.seedCandidate({ stage: 'verified' });
    const backend = signedIn(token);
    const session = await backend.getExamSession();
    expect(Date.parse(session.registrationWindow.closesAt)).to.be.below(Date.parse(session.serverTime));
    const error = await businessError(backend.saveApplicationDraft({ mobile: '13800138000' }), 'WINDOW_CLOSED');
    expect(error.details.closedAt).to.equal(session.registrationWindow.closesAt);
  });

  it('payment-expired: orders are created expired', async () => {
    office.setScenario('payment-expired');
    const { token } = office.seedCandidate({ stage: 'approved' });
    const backend = signedIn(token);
    const order = await backend.createPaymentOrder({ channel: 'alipay' }, { idempotencyKey: newIdempotencyKey() });
    expect(Date.parse(order.expiresAt)).to.be.below(Date.parse(order.serverTime));
    expect((await backend.getPaymentStatus(order.id)).status).to.equal('expired');
  });

  it('payment-failed: the payment turns failed with a reason', async () => {
    office.setScenario('payment-failed');
    const { token } = office.seedCandidate({ stage: 'approved' });
    const backend = signedIn(token);
    const order = await backend.createPaymentOrder({ channel: 'wechat' }, { idempotencyKey: newIdempotencyKey() });
    expect((await backend.getPaymentStatus(order.id)).status).to.equal('paying');
    const failed = await backend.getPaymentStatus(order.id);
    expect(failed).to.include({ status: 'failed', failureReason: PAYMENT_FAILURE_REASON });
    const next = await backend.createPaymentOrder({ channel: 'wechat' }, { idempotencyKey: newIdempotencyKey() });
    expect(office.markPaid(next.id).status).to.equal('failed');
    expect((await backend.getApplication())?.status).to.equal('approved');
  });

  it('backend-down: every request answers 503; networkDown: a network error', async () => {
    office.setScenario('backend-down');
    const backend = new HttpBackend({ baseUrl: '/api' });
    const error = await failure(backend.getExamSession());
    expect(error).to.be.instanceOf(HttpError);
    expect((error as HttpError).status).to.equal(503);
    expect((error as HttpError).retryable).to.equal(true);
    office.networkDown = true;
    expect(await failure(backend.getCaptcha())).to.be.instanceOf(NetworkError);
    office.networkDown = false;
    expect(office.faults.down).to.equal('http-503');
  });

  it('slow-network: 3 s before every answer', async () => {
    office.setScenario('slow-network');
    expect(office.faults.latencyMs).to.equal(3000);
    const error = await failure(new HttpBackend({ baseUrl: '/api', timeoutMs: 100 }).getExamSession());
    expect(error).to.be.instanceOf(TimeoutError);
  });
});

describe('mock office: faults', () => {
  const cases = [
    ['http-500', HttpError],
    ['http-503', HttpError],
    ['network', NetworkError],
    ['malformed-json', InvalidResponseError],
    ['invalid-schema', InvalidResponseError],
    ['timeout', TimeoutError],
  ] as const;

  for (const [down, errorClass] of cases) {
    it(`${down} → ${errorClass.name}`, async () => {
      office.faults = { latencyMs: 0, down };
      // Short only where the answer never comes: WebKit's service worker took over 150 ms to answer the others.
      const error = await failure(new HttpBackend({ baseUrl: '/api', timeoutMs: down === 'timeout' ? 150 : 5000 }).getExamSession());
      expect(error).to.be.instanceOf(errorClass);
    });
  }

  it('`only` limits the faults to the operations named', async () => {
    office.faults = { latencyMs: 0, down: 'http-500', only: ['login'] };
    const backend = new HttpBackend({ baseUrl: '/api' });
    expect((await backend.getExamSession()).provinces[0]!.code).to.equal('5301');
    const error = await failure(backend.login({ account: '13800138000', password: 'x', captchaId: 'x', captchaAnswer: '0000' }));
    expect(error).to.be.instanceOf(HttpError);
  });
});

describe('startMockOffice', () => {
  it('reuses the running worker and swaps in the handlers of another office', async () => {
    const first = await startMockOffice({ office, baseUrl: '/api', quiet: true });
    const other = new ExamOffice({ now: () => new Date(clock), latencyMs: 0, scenario: 'backend-down' });
    try {
      const swapped = await startMockOffice({ office: other, baseUrl: '/api', quiet: true });
      expect(swapped.worker).to.equal(first.worker);
      expect(swapped.office).to.equal(other);
      expect(await failure(new HttpBackend({ baseUrl: '/api' }).getExamSession())).to.be.instanceOf(HttpError);
    } finally {
      await startMockOffice({ office, baseUrl: '/api', quiet: true });
    }
    expect((await new HttpBackend({ baseUrl: '/api' }).getExamSession()).id).to.match(/^rk-\d{4}-h[12]$/);
    expect((await startMockOffice()).office).to.equal(office);
  });
});
