/**
 * rk-login against the mock exam office (MSW): the three modes, checks on blur and submit, every
 * backend refusal at its place, the resend countdown, one request at a time, keyboard-only use,
 * both languages and axe.
 */
import { expect, fixture, html, oneEvent, waitUntil } from './helpers/testing.js';
import '../src/components/login/rk-login.js';
import '../src/components/provider/rk-provider.js';
import type { RkLogin } from '../src/components/login/rk-login.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import { HttpBackend } from '../src/services/http-backend.js';
import { BusinessError } from '../src/services/errors.js';
import type { CodeSent, LoginInput, LoginResult, SendCodeInput } from '../src/services/schemas.js';
import { SEED_ACCOUNT, type ExamOffice } from '../src/mocks/index.js';
import { $, deepActiveElement, fieldError, leave, maybe, stateIs, submit, summaryLinks, textOf, type } from './helpers/form-driver.js';
import { freshOffice } from './helpers/mock-office.js';
import { sendKeys } from './helpers/commands.js';

/** The HTTP adapter with a count of each call, to prove one request per action. */
class CountingBackend extends HttpBackend {
  calls = { login: 0, sendVerificationCode: 0, getCaptcha: 0 };
  resendAfterSeconds: number | undefined;
  constructor() {
    super({ baseUrl: '/api' });
  }
  override login(input: LoginInput, options?: { signal?: AbortSignal }): Promise<LoginResult> {
    this.calls.login += 1;
    return super.login(input, options);
  }
  override getCaptcha(options?: { signal?: AbortSignal }) {
    this.calls.getCaptcha += 1;
    return super.getCaptcha(options);
  }
  override async sendVerificationCode(input: SendCodeInput, options?: { signal?: AbortSignal }): Promise<CodeSent> {
    this.calls.sendVerificationCode += 1;
    const sent = await super.sendVerificationCode(input, options);
    return this.resendAfterSeconds === undefined ? sent : { ...sent, resendAfterSeconds: this.resendAfterSeconds };
  }
}

let office: ExamOffice;

beforeEach(async () => {
  office = await freshOffice();
  sessionStorage.clear();
});

async function loginElement(backend = new HttpBackend({ baseUrl: '/api' }), mode = 'login'): Promise<RkLogin> {
  const el = await fixture<RkLogin>(html`<rk-login .backend=${backend} mode=${mode}></rk-login>`);
  await captchaShown(el);
  return el;
}

async function captchaShown(el: RkLogin): Promise<HTMLImageElement> {
  await waitUntil(() => maybe(el, '[part="captcha-image"] img'), 'captcha never shown', { timeout: 5000 });
  return $<HTMLImageElement>(el, '[part="captcha-image"] img');
}

async function fillLogin(el: RkLogin, account: string, password: string, captcha = '0000'): Promise<void> {
  await type(el, 'account', account);
  await type(el, 'password', password);
  await type(el, 'captcha', captcha);
}

describe('rk-login: the form', () => {
  it('has labelled inputs with the autocomplete values password managers and SMS autofill need', async () => {
    const el = await loginElement();
    expect(el.getAttribute('mode')).to.equal('login');
    expect($(el, 'form')).to.exist;
    expect($(el, '#account').getAttribute('autocomplete')).to.equal('username');
    expect($(el, '#password').getAttribute('autocomplete')).to.equal('current-password');
    expect($(el, '#password').getAttribute('type')).to.equal('password');
    expect($(el, 'label[for="account"]').textContent).to.contain('手机号或邮箱');
    expect($(el, 'label[for="captcha"]').textContent).to.contain('图形验证码');
    expect($(el, '#account').getAttribute('aria-describedby')).to.contain('account-hint');
    // The captcha picture can be shown twice as big.
    const enlarge = $<HTMLButtonElement>(el, '.captcha-tools button');
    expect(enlarge.getAttribute('aria-pressed')).to.equal('false');
    const smallWidth = $(el, '[part="captcha-image"]').getBoundingClientRect().width;
    enlarge.click();
    await el.updateComplete;
    expect(enlarge.getAttribute('aria-pressed')).to.equal('true');
    expect($(el, '[part="captcha-image"]').getBoundingClientRect().width).to.be.at.least(smallWidth * 1.9);
    // A click on the picture loads another one.
    const firstSrc = $<HTMLImageElement>(el, '[part="captcha-image"] img').src;
    $<HTMLButtonElement>(el, '[part="captcha-image"]').click();
    await waitUntil(() => maybe<HTMLImageElement>(el, '[part="captcha-image"] img')?.src && maybe<HTMLImageElement>(el, '[part="captcha-image"] img')!.src !== firstSrc, 'no new captcha', { timeout: 5000 });

    el.setMode('register');
    await el.updateComplete;
    expect($(el, 'legend').textContent).to.contain('选择手机号或邮箱注册方式');
    expect($(el, '#account').getAttribute('type')).to.equal('tel');
    expect($(el, '#account').getAttribute('inputmode')).to.equal('tel');
    expect($(el, '#password').getAttribute('autocomplete')).to.equal('new-password');
    expect($(el, '#confirm').getAttribute('autocomplete')).to.equal('new-password');
    expect($(el, '#code').getAttribute('autocomplete')).to.equal('one-time-code');
    expect($(el, '#code').getAttribute('inputmode')).to.equal('numeric');
    await expect(el).to.be.accessible();
  });

  it('recognises the account as typed, and switches the way of registering to e-mail', async () => {
    const el = await loginElement();
    await type(el, 'account', '13912345678');
    expect(textOf(el)).to.contain('已识别为手机号码');
    await type(el, 'account', 'wang@example.com');
    expect(textOf(el)).to.contain('已识别为电子邮箱');

    el.setMode('register');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, 'input[value="email"]').checked).to.equal(true);
    expect($(el, '#account').getAttribute('type')).to.equal('email');
    expect($(el, '#code-hint').textContent).to.contain('邮箱');
  });

  it('keeps what was typed when switching modes, where it applies', async () => {
    const el = await loginElement();
    await fillLogin(el, '13912345678', 'abc12345', 'ABCD');
    el.setMode('register');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#account').value).to.equal('13912345678');
    expect($<HTMLInputElement>(el, '#password').value).to.equal('abc12345');
    expect($<HTMLInputElement>(el, '#captcha').value).to.equal('ABCD');
    el.setMode('reset');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#account').value).to.equal('13912345678');
    expect($<HTMLInputElement>(el, '#password').value, 'a new password is not the old one').to.equal('');
    // The mode links move between modes and focus the new heading.
    $<HTMLButtonElement>(el, '[part="mode-links"] button').click();
    await el.updateComplete;
    await el.updateComplete;
    expect(el.mode).to.equal('login');
    expect(deepActiveElement()?.id).to.equal('title');
  });

  it('shows the password rules before they are failed, ticking them off while typing', async () => {
    const el = await loginElement(undefined, 'register');
    const hint = $(el, '#password-hint');
    expect(hint.textContent).to.contain('8至32位');
    expect(el.shadowRoot!.querySelectorAll('.rules li.met')).to.have.length(0);
    await type(el, 'password', 'abc');
    expect(el.shadowRoot!.querySelectorAll('.rules li.met')).to.have.length(1);
    await type(el, 'password', 'abc12345');
    expect(el.shadowRoot!.querySelectorAll('.rules li.met')).to.have.length(3);
    // show / hide
    $<HTMLButtonElement>(el, '[part="password-toggle"]').click();
    await el.updateComplete;
    expect($(el, '#password').getAttribute('type')).to.equal('text');
    expect($(el, '#confirm').getAttribute('type')).to.equal('text');
    expect($(el, '[part="password-toggle"]').textContent!.trim()).to.equal('隐藏');
  });

  it('checks a field on blur, but not an empty one', async () => {
    const el = await loginElement();
    await leave(el, 'account');
    expect(fieldError(el, 'account')).to.equal('');
    await type(el, 'account', '12345');
    await leave(el, 'account');
    expect(fieldError(el, 'account')).to.equal('请输入手机号码或电子邮箱');
    expect($(el, '#account').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#account').getAttribute('aria-describedby')).to.contain('account-error');
    // The error clears as soon as it is right.
    await type(el, 'account', '13912345678');
    expect(fieldError(el, 'account')).to.equal('');
    expect($(el, '#account').getAttribute('aria-invalid')).to.equal('false');
  });

  it('lists every problem in a summary that takes focus and links to each field', async () => {
    const el = await loginElement(undefined, 'register');
    await submit(el);
    await el.updateComplete;
    const summary = $(el, '.error-summary');
    expect(deepActiveElement()).to.equal(summary);
    expect(summaryLinks(el)).to.deep.equal([
      '请输入手机号码或电子邮箱',
      '请输入收到的验证码',
      '请输入密码',
      '请再输入一次密码',
    ]);
    expect(el.getAttribute('state')).to.equal('error');
    el.shadowRoot!.querySelector<HTMLAnchorElement>('.error-summary a[href="#code"]')!.click();
    expect(deepActiveElement()?.id).to.equal('code');
    await type(el, 'password', 'abc12345');
    await type(el, 'confirm', 'abc12346');
    await submit(el);
    expect(fieldError(el, 'confirm')).to.equal('两次输入的密码不一致');
    await expect(el).to.be.accessible();
  });
});

describe('rk-login: a captcha that runs out', () => {
  it('is replaced when it expires, its answer cleared and the new picture announced, before the backend would refuse it', async () => {
    /** Captchas that run out 1.2 s after they are given. */
    class ShortCaptchas extends CountingBackend {
      override async getCaptcha(options?: { signal?: AbortSignal }) {
        const captcha = await super.getCaptcha(options);
        return { ...captcha, expiresAt: new Date(Date.now() + 1200).toISOString() };
      }
    }
    const backend = new ShortCaptchas();
    const el = await loginElement(backend);
    const first = (await captchaShown(el)).src;
    await type(el, 'captcha', 'AB');
    await waitUntil(() => backend.calls.getCaptcha === 2, 'no new captcha after the first ran out', { timeout: 5000 });
    await waitUntil(() => maybe(el, '[part="captcha-image"] img') && $<HTMLImageElement>(el, '[part="captcha-image"] img').src !== first, 'the picture was not replaced', {
      timeout: 5000,
    });
    expect($<HTMLInputElement>(el, '#captcha').value).to.equal('');
    expect(textOf(el)).to.contain('已换一张新的图形验证码');
  });
});

describe('rk-login: without a backend', () => {
  it('says the page is not connected instead of loading for ever', async () => {
    const el = await fixture<RkLogin>(html`<rk-login></rk-login>`);
    expect($(el, '[part="notice"]').textContent).to.contain('页面没有连接报名系统');
    el.backend = new HttpBackend({ baseUrl: '/api' });
    await captchaShown(el);
    expect(maybe(el, '[part="notice"]')).to.equal(null);
  });
});

describe('rk-login: backend answers at their place', () => {
  it('wrong password: at the password, with a new captcha; nothing typed is lost', async () => {
    office.seedCandidate({ stage: 'registered' });
    const el = await loginElement();
    const firstImage = (await captchaShown(el)).src;
    await fillLogin(el, SEED_ACCOUNT.account, 'wrong1234');
    await submit(el);
    await stateIs(el, 'error');
    expect(fieldError(el, 'password')).to.equal('账号或密码错误。还可尝试 4 次，之后账号将暂时锁定。');
    expect(summaryLinks(el)).to.deep.equal(['账号或密码错误。还可尝试 4 次，之后账号将暂时锁定。']);
    expect($<HTMLInputElement>(el, '#account').value).to.equal(SEED_ACCOUNT.account);
    expect($<HTMLInputElement>(el, '#password').value).to.equal('wrong1234');
    expect($<HTMLInputElement>(el, '#captcha').value, 'the used captcha answer is cleared').to.equal('');
    const next = await captchaShown(el);
    await waitUntil(() => $<HTMLImageElement>(el, '[part="captcha-image"] img').src !== firstImage || next.src !== firstImage);
  });

  it('unknown account: at the account, with a way to register it', async () => {
    const el = await loginElement();
    await fillLogin(el, '13700001111', 'abc12345');
    await submit(el);
    await stateIs(el, 'error');
    expect(fieldError(el, 'account')).to.equal('该账号尚未注册。');
    $<HTMLButtonElement>(el, '.field-action button').click();
    await el.updateComplete;
    expect(el.mode).to.equal('register');
    expect($<HTMLInputElement>(el, '#account').value).to.equal('13700001111');
  });

  it('VALIDATION: each message at its field; those of fields the form does not show listed as text', async () => {
    // A backend that checks more than the contract's fields (a region), and one about the SMS code
    // while the form logs in with a password.
    class CheckingMore extends HttpBackend {
      override login(): Promise<LoginResult> {
        return Promise.reject(
          new BusinessError('login', 'VALIDATION', '提交的信息有误，请按提示修改。', {
            fields: { account: '本考区只接受手机号码登录。', code: '请输入短信验证码。', 'region.code': '请先选择报名地区。' },
          }),
        );
      }
    }
    const el = await loginElement(new CheckingMore({ baseUrl: '/api' }));
    await fillLogin(el, 'someone@example.com', 'abc12345');
    await submit(el);
    await stateIs(el, 'error');
    expect(fieldError(el, 'account')).to.equal('本考区只接受手机号码登录。');
    expect(summaryLinks(el)).to.deep.equal(['本考区只接受手机号码登录。']);
    const items = Array.from(el.shadowRoot!.querySelectorAll('.error-summary li'), (li) => li.textContent!.trim());
    expect(items).to.deep.equal(['本考区只接受手机号码登录。', '请输入短信验证码。', '请先选择报名地区。']);
    expect($(el, '.error-summary').textContent).to.contain('提交的信息有误，请按以下提示修改。');
    expect($<HTMLInputElement>(el, '#password').value).to.equal('abc12345');
    await expect(el).to.be.accessible();
  });

  it('wrong captcha: at the captcha', async () => {
    office.seedCandidate({ stage: 'registered' });
    const el = await loginElement();
    await fillLogin(el, SEED_ACCOUNT.account, SEED_ACCOUNT.password, 'ZZZZ');
    await submit(el);
    await stateIs(el, 'error');
    expect(fieldError(el, 'captcha')).to.equal('图形验证码错误，请重新输入。');
    expect(fieldError(el, 'password')).to.equal('');
  });

  it('too many attempts: at the top, with the wait time', async () => {
    office.seedCandidate({ stage: 'registered' });
    const el = await loginElement();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await fillLogin(el, SEED_ACCOUNT.account, `wrong${attempt}abc`);
      await captchaShown(el);
      await submit(el);
      await stateIs(el, 'error');
      await waitUntil(() => maybe(el, '[part="captcha-image"] img'), 'captcha', { timeout: 5000 });
    }
    const summary = $(el, '.error-summary');
    expect(summary.textContent).to.contain('尝试次数过多，请 5 分钟后再试。');
    expect(fieldError(el, 'password')).to.equal('');
  });

  it('account exists on register: at the account, with a way to log in', async () => {
    office.seedCandidate({ stage: 'registered' });
    const el = await loginElement(undefined, 'register');
    await type(el, 'account', SEED_ACCOUNT.account);
    await type(el, 'captcha', '0000');
    $<HTMLButtonElement>(el, '[part="send-code"]').click();
    await waitUntil(() => fieldError(el, 'account') !== '', 'no error at the account', { timeout: 5000 });
    expect(fieldError(el, 'account')).to.equal('该账号已注册，请直接登录。');
    expect($(el, '.field-action button').textContent).to.contain('用这个账号登录');
  });

  it('wrong verification code: at the code', async () => {
    const el = await loginElement(undefined, 'register');
    await type(el, 'account', '13700002222');
    await type(el, 'captcha', '0000');
    await type(el, 'code', '999999');
    await type(el, 'password', 'abc12345');
    await type(el, 'confirm', 'abc12345');
    await submit(el);
    await stateIs(el, 'error');
    expect(fieldError(el, 'code')).to.equal('验证码错误或已过期。');
  });

  it('backend down: at the top with a retry that works once the backend is back', async () => {
    office.seedCandidate({ stage: 'registered' });
    const el = await loginElement();
    office.faults = { latencyMs: 0, down: 'http-503', only: ['login'] };
    await fillLogin(el, SEED_ACCOUNT.account, SEED_ACCOUNT.password);
    await submit(el);
    await stateIs(el, 'error');
    const summary = $(el, '.error-summary');
    expect(summary.textContent).to.contain('错误 503');
    office.faults = { latencyMs: 0, down: 'none' };
    await captchaShown(el);
    await type(el, 'captcha', '0000');
    const loggedIn = oneEvent(el, 'rk-login');
    $<HTMLButtonElement>(el, '.error-summary button').click();
    expect((await loggedIn).detail.session.user.account).to.equal(SEED_ACCOUNT.account);
  });
});

describe('rk-login: one request at a time', () => {
  it('a double click on submit sends one login', async () => {
    office.seedCandidate({ stage: 'registered' });
    const backend = new CountingBackend();
    const el = await loginElement(backend);
    await fillLogin(el, SEED_ACCOUNT.account, SEED_ACCOUNT.password);
    const button = $<HTMLButtonElement>(el, 'button[type="submit"]');
    const loggedIn = oneEvent(el, 'rk-login');
    button.click();
    button.click();
    button.dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('submitting');
    expect($(el, 'button[type="submit"]').getAttribute('aria-disabled')).to.equal('true');
    expect($(el, '[role="status"]').textContent).to.contain('正在登录');
    await expect(el, 'readable while submitting').to.be.accessible();
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await loggedIn;
    expect(backend.calls.login).to.equal(1);
  });
});

describe('rk-login: the resend countdown', () => {
  it('counts down from the backend’s 60 s, announces it, and cannot be restarted by clicking', async () => {
    const backend = new CountingBackend();
    const el = await loginElement(backend, 'register');
    await type(el, 'account', '13700003333');
    await type(el, 'captcha', '0000');
    const send = () => $<HTMLButtonElement>(el, '[part="send-code"]');
    send().click();
    send().click();
    await waitUntil(() => send().textContent!.includes('秒后重新获取'), 'no countdown', { timeout: 5000 });
    expect(send().textContent!.trim()).to.match(/^(60|59)秒后重新获取$/);
    expect(send().getAttribute('aria-disabled')).to.equal('true');
    expect($(el, '[role="status"]').textContent).to.contain('验证码已发送至 137****3333');
    expect(textOf(el)).to.contain('验证码已发送至 137****3333');
    expect(deepActiveElement()?.id, 'focus moves to the code').to.equal('code');
    await expect(el, 'readable while counting down').to.be.accessible();
    // Clicking while it counts does nothing, even with a new captcha answer.
    await captchaShown(el);
    await type(el, 'captcha', '0000');
    send().click();
    send().click();
    await el.updateComplete;
    expect(backend.calls.sendVerificationCode).to.equal(1);
    // The deadline is a timestamp in sessionStorage: no phone number in it.
    const keys = Object.keys(sessionStorage);
    expect(keys).to.have.length(1);
    expect(keys[0]).to.match(/^rk-countdown:code:register:/);
    expect(keys[0]).to.not.contain('13700003333');
    expect(Number(sessionStorage.getItem(keys[0]!))).to.be.greaterThan(Date.now() + 55_000);
  });

  it('survives re-rendering and the element leaving and re-entering the page', async () => {
    const backend = new CountingBackend();
    const el = await loginElement(backend, 'register');
    await type(el, 'account', '13700004444');
    await type(el, 'captcha', '0000');
    $<HTMLButtonElement>(el, '[part="send-code"]').click();
    await waitUntil(() => $(el, '[part="send-code"]').textContent!.includes('秒后'), 'no countdown', { timeout: 5000 });
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect($(el, '[part="send-code"]').textContent).to.contain('秒后重新获取');
    // A new element for the same account picks the countdown up too.
    const other = await fixture<RkLogin>(html`<rk-login .backend=${backend} mode="register"></rk-login>`);
    await type(other, 'account', '13700004444');
    expect($(other, '[part="send-code"]').textContent).to.contain('秒后重新获取');
    // Another account has its own.
    await type(other, 'account', '13700005555');
    expect($(other, '[part="send-code"]').textContent!.trim()).to.equal('获取验证码');
  });

  it('ends, says so, and allows a new code (a short countdown from the backend)', async () => {
    const backend = new CountingBackend();
    backend.resendAfterSeconds = 2;
    const el = await loginElement(backend, 'register');
    await type(el, 'account', '13700006666');
    await type(el, 'captcha', '0000');
    $<HTMLButtonElement>(el, '[part="send-code"]').click();
    await waitUntil(() => $(el, '[part="send-code"]').textContent!.includes('2秒后'), 'no countdown', { timeout: 5000 });
    await waitUntil(() => $(el, '[part="send-code"]').textContent!.includes('1秒后'), 'no tick', { timeout: 3000 });
    await waitUntil(() => $(el, '[part="send-code"]').textContent!.trim() === '重新获取', 'never ended', { timeout: 3000 });
    expect($(el, '[part="send-code"]').getAttribute('aria-disabled')).to.equal('false');
    expect($(el, '[role="status"]').textContent).to.contain('现在可以重新获取验证码');
  });

  it('uses resend-seconds when the backend gives no wait', async () => {
    const backend = new CountingBackend();
    backend.resendAfterSeconds = 0;
    const el = await fixture<RkLogin>(html`<rk-login .backend=${backend} mode="register" resend-seconds="5"></rk-login>`);
    await captchaShown(el);
    await type(el, 'account', '13700007777');
    await type(el, 'captcha', '0000');
    $<HTMLButtonElement>(el, '[part="send-code"]').click();
    await waitUntil(() => /^[45]秒后重新获取$/.test($(el, '[part="send-code"]').textContent!.trim()), 'no 5 s countdown', {
      timeout: 5000,
    });
  });
});

describe('rk-login: signing in', () => {
  it('registers with a code and puts the session into the provider; the token never reaches storage or the page', async () => {
    const provider = await fixture<RkProvider>(html`<rk-provider api-base="/api"><rk-login mode="register"></rk-login></rk-provider>`);
    const el = provider.querySelector('rk-login')!;
    await captchaShown(el);
    await type(el, 'account', '13700008888');
    await type(el, 'captcha', '0000');
    $<HTMLButtonElement>(el, '[part="send-code"]').click();
    await waitUntil(() => $(el, '[part="send-code"]').textContent!.includes('秒后'), 'no code sent', { timeout: 5000 });
    await type(el, 'code', '123456');
    await type(el, 'password', 'Kaoshi2026');
    await type(el, 'confirm', 'Kaoshi2026');
    const registered = oneEvent(el, 'rk-registered');
    await submit(el);
    const { detail } = await registered;
    expect(detail.session.user).to.include({ account: '13700008888', accountType: 'phone' });
    expect(detail.session.realName).to.equal(null);
    expect(detail).to.not.have.property('token');
    expect(provider.session?.user.account).to.equal('13700008888');
    await stateIs(el, 'success');
    expect(textOf(el)).to.contain('注册成功');
    expect(textOf(el)).to.contain('137****8888');
    expect(localStorage.length).to.equal(0);
    for (const key of Object.keys(sessionStorage)) expect(sessionStorage.getItem(key)).to.match(/^\d+$/);
    await expect(el).to.be.accessible();
  });

  it('resets a forgotten password, then logs in with the new one', async () => {
    office.seedCandidate({ stage: 'registered' });
    const el = await loginElement(undefined, 'reset');
    await type(el, 'account', SEED_ACCOUNT.account);
    await type(el, 'captcha', '0000');
    $<HTMLButtonElement>(el, '[part="send-code"]').click();
    await waitUntil(() => $(el, '[part="send-code"]').textContent!.includes('秒后'), 'no code sent', { timeout: 5000 });
    await type(el, 'code', '123456');
    await type(el, 'password', 'NewPass2026');
    await type(el, 'confirm', 'NewPass2026');
    const reset = oneEvent(el, 'rk-password-reset');
    await submit(el);
    expect((await reset).detail.account).to.equal(SEED_ACCOUNT.account);
    await el.updateComplete;
    expect(el.mode).to.equal('login');
    expect(textOf(el)).to.contain('密码已重置');
    expect($<HTMLInputElement>(el, '#account').value).to.equal(SEED_ACCOUNT.account);
    await captchaShown(el);
    await type(el, 'password', 'NewPass2026');
    await type(el, 'captcha', '0000');
    const loggedIn = oneEvent(el, 'rk-login');
    await submit(el);
    expect((await loggedIn).detail.session.user.account).to.equal(SEED_ACCOUNT.account);
  });

  it('can be completed with the keyboard only (Tab, typing, Enter)', async () => {
    office.seedCandidate({ stage: 'registered' });
    const holder = await fixture<HTMLDivElement>(html`<div>
      <button id="before">before</button>
      <rk-login .backend=${new HttpBackend({ baseUrl: '/api' })}></rk-login>
    </div>`);
    const el = holder.querySelector('rk-login')!;
    await captchaShown(el);
    holder.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('account');
    await sendKeys({ type: SEED_ACCOUNT.account });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('password');
    await sendKeys({ type: SEED_ACCOUNT.password });
    await sendKeys({ press: 'Tab' }); // the show/hide button
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('captcha');
    await sendKeys({ type: '0000' });
    const loggedIn = oneEvent(el, 'rk-login');
    await sendKeys({ press: 'Enter' });
    expect((await loggedIn).detail.session.user.account).to.equal(SEED_ACCOUNT.account);
  });

  it('shows who is signed in, and logs out', async () => {
    const candidate = office.seedCandidate({ stage: 'registered' });
    const backend = new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${candidate.token}` }) });
    const provider = await fixture<RkProvider>(html`<rk-provider .backend=${backend}><rk-login></rk-login></rk-provider>`);
    const el = provider.querySelector('rk-login')!;
    await stateIs(el, 'success');
    expect(textOf(el)).to.contain('您已登录');
    expect(textOf(el)).to.contain('138****8000');
    const loggedOut = oneEvent(el, 'rk-logout');
    $<HTMLButtonElement>(el, '[part="logout"]').click();
    await loggedOut;
    expect(provider.session).to.equal(null);
    await stateIs(el, 'idle');
  });
});

describe('rk-login: languages', () => {
  it('speaks English inside an English provider, including the backend’s errors', async () => {
    const provider = await fixture<RkProvider>(html`<rk-provider api-base="/api" lang="en"><rk-login></rk-login></rk-provider>`);
    const el = provider.querySelector('rk-login')!;
    await captchaShown(el);
    expect($(el, '#title').textContent).to.equal('Log in');
    expect($(el, 'label[for="account"]').textContent).to.contain('Mobile number or e-mail address');
    await fillLogin(el, '13700009999', 'abc12345');
    await submit(el);
    await stateIs(el, 'error');
    expect(fieldError(el, 'account')).to.equal('No account is registered under this name.');
    expect($(el, '.error-summary h2').textContent).to.equal('There is a problem');
    await expect(el).to.be.accessible();
  });
});
