import { expect } from './helpers/testing.js';
import {
  ApplicationDraft,
  ApplicationInput,
  applicationFields,
  Captcha,
  LoginInput,
  RealNameInput,
  RegisterInput,
  TicketAvailability,
} from '../src/services/schemas.js';
import { checkInput } from '../src/services/validation.js';
import { APPLICATION_FIELD_NAMES, isRequiredField } from '../src/services/application-fields.js';
import { errorMessage, isLocaleLoaded, loadLocale, registerMessages, resolveLocale, translate } from '../src/services/i18n/index.js';
import { coreZhCN } from '../src/services/i18n/zh-CN.js';
import { documentsZhCN } from '../src/services/i18n/parts/documents.js';
import { loginZhCN } from '../src/services/i18n/parts/login.js';
import { noticeZhCN } from '../src/services/i18n/parts/notice.js';
import { paymentZhCN } from '../src/services/i18n/parts/payment.js';
import { photoZhCN } from '../src/services/i18n/parts/photo.js';
import { planZhCN } from '../src/services/i18n/parts/plan.js';
import { portalZhCN } from '../src/services/i18n/parts/portal.js';
import { printerZhCN } from '../src/services/i18n/parts/printer.js';
import { queriesZhCN } from '../src/services/i18n/parts/queries.js';
import { realnameZhCN } from '../src/services/i18n/parts/realname.js';
import { registrationZhCN } from '../src/services/i18n/parts/registration.js';
import { timelineZhCN } from '../src/services/i18n/parts/timeline.js';
import { validationZhCN } from '../src/services/i18n/parts/validation.js';
import { en } from '../src/services/i18n/en.js';
import { BusinessError, HttpError, InvalidResponseError, NetworkError, TimeoutError } from '../src/services/errors.js';

const validApplication = {
  levelId: 'mid',
  qualificationId: 'software-designer',
  subjectIds: ['mid-basic', 'mid-applied'],
  provinceCode: '53',
  areaCode: '5307',
  name: '张三',
  documentType: 'resident-id',
  documentNumber: '11010519491231002X',
  gender: 'female',
  birthDate: '1949-12-31',
  feeCategory: 'ordinary',
  education: 'bachelor',
  address: '云南省丽江市古城区某路1号',
  mobile: '13800138000',
  email: 'zhangsan@example.com',
  postalCode: '674100',
};

describe('English on demand', () => {
  it('is loaded when first asked for; until then messages come out in zh-CN', async () => {
    expect(isLocaleLoaded('en')).to.equal(false);
    expect(translate('en', 'common.retry')).to.equal('重试');
    await loadLocale('en');
    expect(isLocaleLoaded('en')).to.equal(true);
    expect(translate('en', 'common.retry')).to.equal('Try again');
  });
});

describe('user-input schemas give field-level Chinese messages', () => {
  before(() => loadLocale('en'));
  it('accepts a complete application and trims text', () => {
    const result = checkInput(ApplicationInput, { ...validApplication, address: '  云南省丽江市古城区某路1号  ' });
    expect(result.ok).to.equal(true);
    if (result.ok) expect(result.data.address).to.equal('云南省丽江市古城区某路1号');
  });

  it('names each wrong field of an application with its message', () => {
    const result = checkInput(ApplicationInput, {
      ...validApplication,
      mobile: '12345',
      email: 'not-an-email',
      postalCode: '6741',
      subjectIds: [],
      address: '   ',
      documentNumber: '110105194912310021',
      education: undefined,
    });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.errors).to.deep.equal({
      mobile: '请输入正确的11位手机号码',
      email: '请输入正确的电子邮箱',
      postalCode: '邮政编码为6位数字',
      subjectIds: '请选择报考科目',
      address: '此项为必填项',
      education: '此项为必填项',
      documentNumber: '证件号码校验位不正确，请核对',
    });
  });

  it('gives the same messages in English', () => {
    const result = checkInput(ApplicationInput, { ...validApplication, mobile: '1' }, 'en');
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors.mobile).to.equal('Enter a valid 11-digit mobile number');
  });

  it('checks real-name input: name, number for the type, dates and their order', () => {
    const base = { name: '阿卜杜·热合曼', documentType: 'resident-id', documentNumber: '11010519491231002X', validFrom: '2020-01-01', validTo: null };
    expect(checkInput(RealNameInput, base).ok).to.equal(true);
    const bad = checkInput(RealNameInput, { ...base, name: '张三<script>', validFrom: '2020-02-30', validTo: '2019-01-01' });
    expect(bad.ok).to.equal(false);
    if (!bad.ok) {
      expect(bad.errors.name).to.equal('请输入证件上的姓名（中文姓名可含“·”）');
      expect(bad.errors.validFrom).to.equal('请输入正确的日期，格式如 2026-03-15');
    }
    const order = checkInput(RealNameInput, { ...base, validFrom: '2020-01-01', validTo: '2019-01-01' });
    expect(order.ok).to.equal(false);
    if (!order.ok) expect(order.errors.validTo).to.equal('有效期截止日期须晚于开始日期');
    const passport = checkInput(RealNameInput, { ...base, documentType: 'passport', documentNumber: 'G12' });
    expect(passport.ok).to.equal(false);
    if (!passport.ok) expect(passport.errors.documentNumber).to.equal('证件号码格式不正确');
  });

  it('checks login and register input', () => {
    expect(checkInput(LoginInput, { account: 'a@b.cn', password: 'x', captchaId: 'c', captchaAnswer: 'ab12' }).ok).to.equal(true);
    const login = checkInput(LoginInput, { account: 'abc', password: '', captchaId: 'c', captchaAnswer: '' });
    expect(login.ok).to.equal(false);
    if (!login.ok) {
      expect(login.errors.account).to.equal('请输入手机号码或电子邮箱');
      expect(login.errors.password).to.equal('此项为必填项');
      expect(login.errors.captchaAnswer).to.equal('此项为必填项');
    }
    const register = checkInput(RegisterInput, { accountType: 'phone', account: '13800138000', password: 'abcdefgh', code: '12' });
    expect(register.ok).to.equal(false);
    if (!register.ok) {
      expect(register.errors.password).to.equal('密码须同时包含字母和数字');
      expect(register.errors.code).to.equal('请输入收到的验证码');
    }
  });

  it('lets a draft hold half-typed values but not unknown shapes', () => {
    expect(ApplicationDraft.safeParse({ mobile: '138', subjectIds: [] }).success).to.equal(true);
    expect(ApplicationDraft.safeParse({ mobile: { $gt: '' } }).success).to.equal(false);
  });
});

describe('the registration form without zod', () => {
  it('lists the fields of the schema in its order, and marks as required exactly those the schema requires', () => {
    expect(APPLICATION_FIELD_NAMES).to.deep.equal(Object.keys(applicationFields));
    const required = (name: keyof typeof applicationFields) =>
      (applicationFields[name] as unknown as { _zod: { def: { type: string } } })._zod.def.type !== 'optional';
    const mismatched = APPLICATION_FIELD_NAMES.filter((name) => required(name) !== isRequiredField(name));
    expect(mismatched).to.deep.equal([]);
  });
});

describe('response schemas', () => {
  it('take every image URL of the rule and refuse anything else', () => {
    const image = (url: string) => Captcha.safeParse({ id: 'c', image: url }).success;
    const accepted = [
      'https://exam.example.gov.cn/captcha/1.png',
      'HTTP://exam.example.gov.cn/captcha/1.png',
      '//cdn.example.gov.cn/captcha/1.png',
      '/captcha/1.png',
      '/',
      'captcha/1.png',
      'captcha.png?v=2',
      './captcha/1.png',
      '../files/1.jpg',
      'blob:https://exam.example.gov.cn/2f3c',
      'data:image/png;base64,AAAA',
      'data:image/jpg;base64,AAAA',
      'data:image/jpeg;base64,AAAA',
      'data:image/svg+xml;charset=utf-8,%3Csvg%2F%3E',
    ];
    const refused = [
      '',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html;base64,AAAA',
      'data:image/png',
      'file:///etc/passwd',
      ' https://exam.example.gov.cn/1.png',
      'https://exam.example.gov.cn/a b.png',
      '?x=1',
      '#x',
    ];
    expect(accepted.filter((url) => !image(url))).to.deep.equal([]);
    expect(refused.filter((url) => image(url))).to.deep.equal([]);
  });

  it('tell availability states apart', () => {
    expect(TicketAvailability.safeParse({ status: 'not-yet', opensAt: '2027-05-16T09:00:00+08:00' }).success).to.equal(true);
    expect(TicketAvailability.safeParse({ status: 'available' }).success).to.equal(false);
    expect(TicketAvailability.safeParse({ status: 'soon' }).success).to.equal(false);
  });
});

describe('i18n', () => {
  before(() => loadLocale('en'));
  it('has every zh-CN key in English, each key in one catalog only, and fills placeholders', () => {
    const zhCatalogs = [coreZhCN, documentsZhCN, loginZhCN, noticeZhCN, paymentZhCN, photoZhCN, planZhCN, portalZhCN, printerZhCN, queriesZhCN, realnameZhCN, registrationZhCN, timelineZhCN, validationZhCN];
    const zhKeys = zhCatalogs.flatMap((catalog) => Object.keys(catalog));
    expect(new Set(zhKeys).size).to.equal(zhKeys.length);
    expect(Object.keys(en).sort()).to.deep.equal(zhKeys.sort());
    expect(translate('zh-CN', 'error.http', { status: 503 })).to.equal('服务器暂时无法处理请求（错误 503），请稍后重试。');
    expect(translate('en', 'error.http', { status: 503 })).to.contain('error 503');
    expect(translate('zh-CN', 'no.such.key')).to.equal('no.such.key');
  });

  it("knows an element's zh-CN messages once the element registers them", () => {
    // No element is defined in this file: rk-login's messages come only from this call.
    expect(translate('zh-CN', 'login.title.login')).to.equal('login.title.login');
    registerMessages(loginZhCN);
    expect(translate('zh-CN', 'login.title.login')).to.equal('考生登录');
  });

  it('resolves language tags', () => {
    expect(resolveLocale('en-GB')).to.equal('en');
    expect(resolveLocale('zh-Hans-CN')).to.equal('zh-CN');
    expect(resolveLocale(undefined)).to.equal('zh-CN');
  });

  it('words every kind of error for the candidate', () => {
    expect(errorMessage('zh-CN', new NetworkError('login', 'x'))).to.contain('网络连接失败');
    expect(errorMessage('zh-CN', new TimeoutError('login', 100))).to.contain('没有响应');
    expect(errorMessage('zh-CN', new HttpError('login', 502))).to.contain('502');
    expect(errorMessage('zh-CN', new InvalidResponseError('login', []))).to.contain('数据有误');
    expect(errorMessage('zh-CN', new BusinessError('login', 'TOO_MANY_ATTEMPTS', 'x', { retryAfterSeconds: 290 }))).to.equal(
      '尝试次数过多，请 5 分钟后再试。',
    );
    expect(errorMessage('zh-CN', new BusinessError('login', 'SOMETHING_NEW', '请到窗口办理'))).to.equal('请到窗口办理');
    expect(errorMessage('en', new Error('boom'))).to.contain('Something went wrong');
  });
});
