/**
 * rk-realname against the mock exam office (MSW), and the whole path register → log in → verify
 * with rk-login and rk-realname in one rk-provider.
 */
import { expect, fixture, html, oneEvent, waitUntil } from './helpers/testing.js';
import '../src/components/login/rk-login.js';
import '../src/components/provider/rk-provider.js';
import '../src/components/realname/rk-realname.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import type { RkRealname } from '../src/components/realname/rk-realname.js';
import { gb11643CheckChar } from '../src/services/id-document.js';
import { HttpBackend } from '../src/services/http-backend.js';
import { BusinessError } from '../src/services/errors.js';
import type { RealNameInput } from '../src/services/schemas.js';
import { MISMATCH_NAME, SEED_ID_NUMBER, type ExamOffice } from '../src/mocks/index.js';
import { $, deepActiveElement, fieldError, leave, maybe, stateIs, submit, summaryLinks, textOf, type } from './helpers/form-driver.js';
import { freshOffice } from './helpers/mock-office.js';
import { sendKeys } from './helpers/commands.js';

let office: ExamOffice;

beforeEach(async () => {
  office = await freshOffice();
});

/** A backend signed in as a freshly seeded candidate who has not verified yet. */
function signedInBackend(): HttpBackend {
  const { token } = office.seedCandidate({ stage: 'registered' });
  return new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
}

class CountingBackend extends HttpBackend {
  verifyCalls = 0;
  override verifyRealName(input: RealNameInput, options?: { signal?: AbortSignal }) {
    this.verifyCalls += 1;
    return super.verifyRealName(input, options);
  }
}

async function realnameIn(backend: HttpBackend, lang = 'zh-CN'): Promise<{ provider: RkProvider; el: RkRealname }> {
  const provider = await fixture<RkProvider>(
    html`<rk-provider .backend=${backend} lang=${lang} .config=${{ contactPhones: ['0871-64312910'] }}>
      <rk-realname></rk-realname>
    </rk-provider>`,
  );
  const el = provider.querySelector('rk-realname')!;
  await stateIs(el, 'idle');
  return { provider, el };
}

/** 张三's card, as on the mock's seeded candidate: issued 2020-06-01 at 30, valid 20 years. */
async function fillSeedCard(el: RkRealname, name = '张三'): Promise<void> {
  await type(el, 'name', name);
  await type(el, 'document-number', SEED_ID_NUMBER);
  await type(el, 'valid-from', '2020.06.01');
  await type(el, 'valid-to', '20400601');
}

describe('rk-realname: who it is for', () => {
  it('asks to log in first when nobody is signed in', async () => {
    const provider = await fixture<RkProvider>(html`<rk-provider api-base="/api"><rk-realname></rk-realname></rk-provider>`);
    const el = provider.querySelector('rk-realname')!;
    await stateIs(el, 'signed-out');
    expect(textOf(el)).to.contain('请先登录');
    await expect(el).to.be.accessible();
  });

  it('works without a provider, asking the backend who is signed in', async () => {
    const el = await fixture<RkRealname>(html`<rk-realname .backend=${signedInBackend()}></rk-realname>`);
    await stateIs(el, 'idle');
    expect($(el, 'form')).to.exist;
  });

  it('without provider or backend, says the page is not connected', async () => {
    const el = await fixture<RkRealname>(html`<rk-realname></rk-realname>`);
    await stateIs(el, 'signed-out');
    expect(textOf(el)).to.contain('页面没有连接报名系统');
  });

  it('shows the verified result of an already verified candidate, number masked', async () => {
    const { token } = office.seedCandidate({ stage: 'verified' });
    const backend = new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
    const provider = await fixture<RkProvider>(html`<rk-provider .backend=${backend}><rk-realname></rk-realname></rk-provider>`);
    const el = provider.querySelector('rk-realname')!;
    await stateIs(el, 'verified');
    expect(textOf(el)).to.contain('530702********1238');
    expect(textOf(el)).to.not.contain(SEED_ID_NUMBER);
  });
});

describe('rk-realname: the form', () => {
  it('has labelled fields, 居民身份证 by default and every document type', async () => {
    const { el } = await realnameIn(signedInBackend());
    const select = $<HTMLSelectElement>(el, '#document-type');
    expect(select.value).to.equal('resident-id');
    expect(Array.from(select.options, (o) => o.textContent)).to.deep.equal([
      '居民身份证',
      '社会保障卡',
      '港澳台居民居住证',
      '港澳居民来往内地通行证',
      '台湾居民来往大陆通行证',
      '外国人永久居留身份证',
      '护照',
    ]);
    expect($(el, 'label[for="name"]').textContent).to.contain('姓名');
    expect($(el, '#name').getAttribute('autocomplete')).to.equal('name');
    expect($(el, '#valid-from').getAttribute('inputmode')).to.equal('numeric');
    expect($(el, '#document-number-hint').textContent).to.contain('18位');
    await expect(el).to.be.accessible();
  });

  it('accepts Chinese names with the middle dot', async () => {
    const { el } = await realnameIn(signedInBackend());
    await type(el, 'name', '阿依古丽·买买提');
    await leave(el, 'name');
    expect(fieldError(el, 'name')).to.equal('');
    await type(el, 'name', '张3');
    await leave(el, 'name');
    expect(fieldError(el, 'name')).to.contain('请输入证件上的姓名');
  });

  it('checks the number live for the chosen type, and derives birth date, gender and age', async () => {
    const { el } = await realnameIn(signedInBackend());
    await type(el, 'document-number', SEED_ID_NUMBER.slice(0, 17));
    expect(fieldError(el, 'document-number'), 'not yet: it is incomplete').to.equal('');
    const wrongCheck = SEED_ID_NUMBER.slice(0, 17) + (SEED_ID_NUMBER[17] === '0' ? '1' : '0');
    await type(el, 'document-number', wrongCheck);
    expect(fieldError(el, 'document-number')).to.equal('证件号码校验位不正确，请核对');
    expect(maybe(el, '[part="derived"]')).to.equal(null);
    await type(el, 'document-number', SEED_ID_NUMBER.toLowerCase());
    expect(fieldError(el, 'document-number')).to.equal('');
    expect(textOf(el)).to.contain('号码格式正确');
    const derived = $(el, '[part="derived"]').textContent!.replace(/\s+/g, ' ');
    expect(derived).to.contain('1990年5月12日');
    expect(derived).to.contain('男');
    expect(derived).to.match(/\d+岁/);
    expect(maybe(el, '[part="derived"] input'), 'read-only: nothing to type').to.equal(null);
    // Another type: checked by that type's rules at once.
    const select = $<HTMLSelectElement>(el, '#document-type');
    select.value = 'hk-macao-pass';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(fieldError(el, 'document-number')).to.equal('证件号码格式不正确');
    expect(maybe(el, '[part="derived"]')).to.equal(null);
    expect($(el, '#document-number-hint').textContent).to.contain('H 或 M');
    await type(el, 'document-number', 'H12345678');
    expect(fieldError(el, 'document-number')).to.equal('');
  });

  it('refuses an end before the start, an expired card and a start in the future', async () => {
    const { el } = await realnameIn(signedInBackend());
    await fillSeedCard(el);
    await type(el, 'valid-to', '2019-01-01');
    await leave(el, 'valid-to');
    expect(fieldError(el, 'valid-to')).to.equal('有效期截止日期须晚于开始日期');
    await type(el, 'valid-from', '2000-06-01');
    await type(el, 'valid-to', '2010-06-01');
    await leave(el, 'valid-to');
    expect(fieldError(el, 'valid-to')).to.equal('证件已过有效期，请使用有效期内的证件');
    await type(el, 'valid-from', '2999-01-01');
    await type(el, 'valid-to', '3009-01-01');
    await leave(el, 'valid-from');
    expect(fieldError(el, 'valid-from')).to.equal('开始日期不能晚于今天');
    await type(el, 'valid-from', '2020-13-45');
    await leave(el, 'valid-from');
    expect(fieldError(el, 'valid-from')).to.equal('请输入证件上的日期，如 2015.03.12 或 20150312');
  });

  it('warns, without blocking, when an ID card’s validity does not fit the rules', async () => {
    const { token } = office.seedCandidate({ stage: 'registered' });
    const authed = new CountingBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
    const { el } = await realnameIn(authed);
    await fillSeedCard(el);
    // 30 at issue: 20 years, not 长期.
    $<HTMLInputElement>(el, '#long-term').click();
    await el.updateComplete;
    const warning = $(el, '#valid-to-warning').textContent!;
    expect(warning).to.contain('30岁');
    expect(warning).to.contain('20年');
    expect($(el, '#long-term').getAttribute('aria-describedby')).to.equal('valid-to-warning');
    expect($<HTMLInputElement>(el, '#valid-to').disabled).to.equal(true);
    const verified = oneEvent(el, 'rk-verified');
    await submit(el);
    expect((await verified).detail.validTo).to.equal(null);
    expect(authed.verifyCalls).to.equal(1);
  });

  it('lists the problems in a focused summary with links', async () => {
    const { el } = await realnameIn(signedInBackend());
    await submit(el);
    await el.updateComplete;
    expect(deepActiveElement()).to.equal($(el, '.error-summary'));
    expect(summaryLinks(el)).to.deep.equal([
      '请输入姓名',
      '请输入证件号码',
      '请输入有效期开始日期',
      '请输入有效期截止日期，或勾选“长期”',
    ]);
    el.shadowRoot!.querySelector<HTMLAnchorElement>('.error-summary a[href="#document-number"]')!.click();
    expect(deepActiveElement()?.id).to.equal('document-number');
    expect(el.getAttribute('state')).to.equal('error');
    await expect(el).to.be.accessible();
  });
});

describe('rk-realname: the backend’s answers', () => {
  it('verified: the number only masked, the session updated, rk-verified fired, a way home', async () => {
    const { provider, el } = await realnameIn(signedInBackend());
    await fillSeedCard(el);
    const verified = oneEvent(el, 'rk-verified');
    await submit(el);
    const { detail } = await verified;
    expect(detail.status).to.equal('verified');
    expect(detail.documentNumberMasked).to.equal('530702********1238');
    expect(provider.session?.realName?.status).to.equal('verified');
    await stateIs(el, 'verified');
    expect(textOf(el)).to.contain('实名认证成功');
    expect(textOf(el)).to.contain('530702********1238');
    expect(el.shadowRoot!.innerHTML).to.not.contain(SEED_ID_NUMBER);
    expect(deepActiveElement()?.id).to.equal('title');
    await expect(el).to.be.accessible();
    const home = oneEvent(el, 'rk-home');
    $<HTMLButtonElement>(el, '[part="home"]').click();
    await home;
  });

  it('VALIDATION: each message at its field; those of fields the form does not have listed as text', async () => {
    class CheckingMore extends CountingBackend {
      override verifyRealName(): ReturnType<HttpBackend['verifyRealName']> {
        this.verifyCalls += 1;
        return Promise.reject(
          new BusinessError('verifyRealName', 'VALIDATION', '提交的信息有误，请按提示修改。', {
            fields: { validTo: '证件已过期，请先换领新证。', nationality: '请选择国籍。', 'photoOfCard.front': '请上传证件人像面照片。' },
          }),
        );
      }
    }
    const { token } = office.seedCandidate({ stage: 'registered' });
    const backend = new CheckingMore({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
    const { el } = await realnameIn(backend);
    await fillSeedCard(el);
    await submit(el);
    await stateIs(el, 'error');
    expect(backend.verifyCalls).to.equal(1);
    expect(fieldError(el, 'valid-to')).to.equal('证件已过期，请先换领新证。');
    expect(summaryLinks(el)).to.deep.equal(['证件已过期，请先换领新证。']);
    const items = Array.from(el.shadowRoot!.querySelectorAll('.error-summary li'), (li) => li.textContent!.trim());
    expect(items).to.deep.equal(['证件已过期，请先换领新证。', '请选择国籍。', '请上传证件人像面照片。']);
    expect($(el, '.error-summary').textContent).to.contain('提交的信息有误，请按以下提示修改。');
    expect(deepActiveElement()).to.equal($(el, '.error-summary'));
    expect($<HTMLInputElement>(el, '#document-number').value).to.equal(SEED_ID_NUMBER);
    await expect(el).to.be.accessible();
  });

  it('mismatch: at the name and the number, with the next step and the office’s phone', async () => {
    const { el } = await realnameIn(signedInBackend());
    await fillSeedCard(el, MISMATCH_NAME);
    await submit(el);
    await stateIs(el, 'error');
    expect(fieldError(el, 'name')).to.equal('姓名与证件号码不一致，请核对。');
    expect(fieldError(el, 'document-number')).to.equal('姓名与证件号码不一致，请核对。');
    expect(summaryLinks(el)).to.deep.equal(['姓名与证件号码不一致，请核对。']);
    expect($(el, '.error-summary').textContent).to.contain('0871-64312910');
    expect(deepActiveElement()).to.equal($(el, '.error-summary'));
    // Nothing typed is lost.
    expect($<HTMLInputElement>(el, '#document-number').value).to.equal(SEED_ID_NUMBER);
    await expect(el).to.be.accessible();
  });

  it('pending manual review: its own message and next step, number masked', async () => {
    const { el } = await realnameIn(signedInBackend());
    await type(el, 'name', 'Maria Garcia');
    const select = $<HTMLSelectElement>(el, '#document-type');
    select.value = 'passport';
    select.dispatchEvent(new Event('change'));
    await type(el, 'document-number', 'PA1234567');
    await type(el, 'valid-from', '2022-01-01');
    await type(el, 'valid-to', '2032-01-01');
    const pending = oneEvent(el, 'rk-verification-pending');
    await submit(el);
    expect((await pending).detail.status).to.equal('pending');
    await stateIs(el, 'pending');
    expect(textOf(el)).to.contain('已转人工审核');
    expect(textOf(el)).to.contain('人工核验');
    expect(textOf(el)).to.contain('PA1**4567');
    expect(textOf(el)).to.contain('0871-64312910');
    await expect(el).to.be.accessible();
  });

  it('rejected with a reason: the reason on top, the form again with what was typed', async () => {
    const backend = signedInBackend();
    const verify = backend.verifyRealName.bind(backend);
    backend.verifyRealName = async (input, options) => ({
      ...(await verify(input, options)),
      status: 'rejected',
      verifiedAt: null,
      reason: '证件有效期与记录不一致',
    });
    const { provider, el } = await realnameIn(backend);
    await fillSeedCard(el);
    const rejected = oneEvent(el, 'rk-verification-rejected');
    await submit(el);
    expect((await rejected).detail.reason).to.equal('证件有效期与记录不一致');
    await stateIs(el, 'rejected');
    expect($(el, '[part="result"]').textContent).to.contain('原因：证件有效期与记录不一致');
    expect($<HTMLInputElement>(el, '#name').value).to.equal('张三');
    expect(provider.session?.realName?.status, 'the session carries the latest result').to.equal('rejected');
    await expect(el).to.be.accessible();
  });

  it('a document verified on another account: at the number', async () => {
    office.seedCandidate({ stage: 'verified' });
    const { token } = office.register({ accountType: 'phone', account: '13900139000', password: 'Lina2027pass', code: '123456' });
    const backend = new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token!}` }) });
    const { el } = await realnameIn(backend);
    await fillSeedCard(el);
    await submit(el);
    await stateIs(el, 'error');
    expect(fieldError(el, 'document-number')).to.equal('该证件已在其他账号完成实名认证，请用原来的账号登录。');
  });

  it('the backend failing: at the top with a retry that works', async () => {
    const { el } = await realnameIn(signedInBackend());
    await fillSeedCard(el);
    office.faults = { latencyMs: 0, down: 'http-500', only: ['verifyRealName'] };
    await submit(el);
    await stateIs(el, 'error');
    expect($(el, '.error-summary').textContent).to.contain('错误 500');
    office.faults = { latencyMs: 0, down: 'none' };
    const verified = oneEvent(el, 'rk-verified');
    $<HTMLButtonElement>(el, '.error-summary button').click();
    await verified;
  });

  it('a session that has ended: rk-session-expired, then the log-in notice', async () => {
    const { el } = await realnameIn(signedInBackend());
    await fillSeedCard(el);
    office.reset();
    const expired = oneEvent(el, 'rk-session-expired');
    await submit(el);
    await expired;
    await stateIs(el, 'signed-out');
    expect(textOf(el)).to.contain('登录已失效');
  });

  it('one request at a time: a double click sends one verification', async () => {
    const { token } = office.seedCandidate({ stage: 'registered' });
    const backend = new CountingBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
    const { el } = await realnameIn(backend);
    await fillSeedCard(el);
    const button = $<HTMLButtonElement>(el, 'button[type="submit"]');
    button.click();
    button.click();
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('submitting');
    expect($(el, 'button[type="submit"]').getAttribute('aria-disabled')).to.equal('true');
    expect($(el, 'button[type="submit"]').textContent).to.contain('正在认证');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await stateIs(el, 'verified');
    expect(backend.verifyCalls).to.equal(1);
  });

  it('can be completed with the keyboard only', async () => {
    const backend = signedInBackend();
    const holder = await fixture<HTMLDivElement>(html`<div>
      <button id="before">before</button>
      <rk-provider .backend=${backend}><rk-realname></rk-realname></rk-provider>
    </div>`);
    const el = holder.querySelector('rk-realname')!;
    await stateIs(el, 'idle');
    holder.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('name');
    await sendKeys({ type: 'Zhang San' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('document-type');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('document-number');
    await sendKeys({ type: SEED_ID_NUMBER });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('valid-from');
    await sendKeys({ type: '20200601' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()?.id).to.equal('valid-to');
    await sendKeys({ type: '20400601' });
    const verified = oneEvent(el, 'rk-verified');
    await sendKeys({ press: 'Enter' });
    expect((await verified).detail.name).to.equal('Zhang San');
  });
});

describe('rk-realname: languages', () => {
  it('speaks English', async () => {
    const { el } = await realnameIn(signedInBackend(), 'en');
    expect($(el, '#title').textContent).to.equal('Verify your identity');
    expect($(el, 'label[for="document-number"]').textContent).to.contain('Document number');
    expect($<HTMLSelectElement>(el, '#document-type').selectedOptions[0]!.textContent).to.equal('Resident identity card');
    await fillSeedCard(el, MISMATCH_NAME);
    await submit(el);
    await stateIs(el, 'error');
    expect(fieldError(el, 'name')).to.equal('The name does not match the document number.');
    await expect(el).to.be.accessible();
  });
});

describe('register → log in → verify, against the mock office', () => {
  it('takes a new candidate through the whole path in one provider', async function () {
    this.timeout(30_000);
    const provider = await fixture<RkProvider>(html`<rk-provider api-base="/api">
      <rk-login mode="register"></rk-login>
      <rk-realname></rk-realname>
    </rk-provider>`);
    const login = provider.querySelector('rk-login')!;
    const realname = provider.querySelector('rk-realname')!;
    await stateIs(realname, 'signed-out');
    // Register by e-mail.
    await waitUntil(() => maybe(login, '[part="captcha-image"] img'), 'captcha', { timeout: 5000 });
    await type(login, 'account', 'li.na@example.com');
    expect($<HTMLInputElement>(login, 'input[value="email"]').checked).to.equal(true);
    await type(login, 'captcha', '0000');
    $<HTMLButtonElement>(login, '[part="send-code"]').click();
    await waitUntil(() => $(login, '[part="send-code"]').textContent!.includes('秒后'), 'no code', { timeout: 5000 });
    await type(login, 'code', '123456');
    await type(login, 'password', 'Lina2027pass');
    await type(login, 'confirm', 'Lina2027pass');
    const registered = oneEvent(login, 'rk-registered');
    await submit(login);
    await registered;
    await stateIs(realname, 'idle');
    // Log out and log in again.
    await stateIs(login, 'success');
    const loggedOut = oneEvent(login, 'rk-logout');
    $<HTMLButtonElement>(login, '[part="logout"]').click();
    await loggedOut;
    await stateIs(realname, 'signed-out');
    await stateIs(login, 'idle');
    await waitUntil(() => maybe(login, '[part="captcha-image"] img'), 'captcha', { timeout: 5000 });
    await type(login, 'account', 'li.na@example.com');
    await type(login, 'password', 'Lina2027pass');
    await type(login, 'captcha', '0000');
    const loggedIn = oneEvent(login, 'rk-login');
    await submit(login);
    expect((await loggedIn).detail.session.realName).to.equal(null);
    // Verify: 李娜, born 1992-08-16 in Kunming; card issued 2018-03-12 at 25 → 10 years.
    await stateIs(realname, 'idle');
    const first17 = '53010219920816204';
    const idNumber = first17 + gb11643CheckChar(first17);
    await type(realname, 'name', '李娜');
    await type(realname, 'document-number', idNumber);
    expect($(realname, '[part="derived"]').textContent).to.contain('女');
    await type(realname, 'valid-from', '2018.03.12');
    await type(realname, 'valid-to', '2028.03.12');
    expect(maybe(realname, '#valid-to-warning')).to.equal(null);
    const verified = oneEvent(realname, 'rk-verified');
    await submit(realname);
    expect((await verified).detail.documentNumberMasked).to.equal(`530102********${idNumber.slice(14)}`);
    expect(provider.session?.realName?.status).to.equal('verified');
    await stateIs(realname, 'verified');
    expect(localStorage.length).to.equal(0);
  });
});
