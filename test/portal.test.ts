/**
 * rk-portal on the mock exam office: the whole journey of the seed, driven as a candidate would
 * (register → log in → real name → notice → form → photo → submit → the office approves → pay →
 * the office marks it paid → print the 报名表 → tickets published → ticket → scores →
 * certificate), the navigation, and the layout in a narrow column.
 */
import { expect, fixture, html, oneEvent, waitUntil } from './helpers/testing.js';
import '../src/components/portal/rk-portal.js';
import '../src/components/provider/rk-provider.js';
import type { RkExamNotice } from '../src/components/exam-notice/rk-exam-notice.js';
import type { RkLogin } from '../src/components/login/rk-login.js';
import type { RkPaymentPanel } from '../src/components/payment-panel/rk-payment-panel.js';
import type { RkPhotoChecker } from '../src/components/photo-checker/rk-photo-checker.js';
import type { RkPortal } from '../src/components/portal/rk-portal.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import type { RkRealname } from '../src/components/realname/rk-realname.js';
import type { RkRegistrationForm } from '../src/components/registration-form/rk-registration-form.js';
import type { RkTicketPrinter } from '../src/components/ticket-printer/rk-ticket-printer.js';
import { LIJIANG_AREA_CODE, LIJIANG_OFFICE_CODE, SEED_ID_NUMBER, type CandidateStage, type ExamOffice } from '../src/mocks/index.js';
import type { CallOptions } from '../src/services/backend.js';
import { HttpBackend } from '../src/services/http-backend.js';
import { asFile, portraitJpeg } from './fixtures/photo-fixtures.js';
import { $, stateIs, textOf, type } from './helpers/form-driver.js';
import { linesOf } from './helpers/lines.js';
import { freshOffice } from './helpers/mock-office.js';

let office: ExamOffice;

/** Counts the application requests. */
class CountingBackend extends HttpBackend {
  applications = 0;
  override getApplication(options?: CallOptions) {
    this.applications += 1;
    return super.getApplication(options);
  }
}
beforeEach(async () => {
  office = await freshOffice();
  sessionStorage.clear();
});

async function portalIn(width = 1100): Promise<{ provider: RkProvider; portal: RkPortal }> {
  const wrapper = await fixture<HTMLDivElement>(html`<div>
    <rk-provider .backend=${new HttpBackend({ baseUrl: '/api' })} .config=${{ contactPhones: ['0871-64312910'] }}>
      <rk-portal></rk-portal>
    </rk-provider>
  </div>`);
  wrapper.style.width = `${width}px`;
  const provider = wrapper.querySelector('rk-provider')!;
  return { provider, portal: provider.querySelector('rk-portal')! };
}

/** The right edge of the rightmost character (not a space) of `element`'s text. */
function textRight(element: Element): number {
  let right = -Infinity;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.textContent!.length; i += 1) {
      if (/\s/.test(node.textContent![i]!)) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      for (const rect of range.getClientRects()) right = Math.max(right, rect.right);
    }
  }
  return right;
}

/** The element `tag` the portal shows, once it is there and rendered. */
async function shown<T extends HTMLElement & { updateComplete: Promise<boolean> }>(portal: RkPortal, tag: string, timeout = 8000): Promise<T> {
  await waitUntil(() => portal.shadowRoot!.querySelector(tag), `the portal never showed ${tag} (view ${portal.currentView})`, { timeout });
  const el = portal.shadowRoot!.querySelector(tag) as T;
  await el.updateComplete;
  return el;
}

async function select(el: RkRegistrationForm, id: string, value: string): Promise<void> {
  const control = $<HTMLSelectElement>(el, `#${id}`);
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** The portal's own button whose text contains `text`. */
const button = (portal: RkPortal, text: string) =>
  Array.from(portal.shadowRoot!.querySelectorAll('button')).find((candidate) => candidate.textContent!.includes(text));

const timeline = (portal: RkPortal) => portal.shadowRoot!.querySelector('rk-status-timeline')!;
const stepState = (portal: RkPortal, step: string) => timeline(portal).shadowRoot?.querySelector<HTMLElement>(`li[data-step="${step}"]`)?.dataset.state;
const stepText = (portal: RkPortal, step: string) => timeline(portal).shadowRoot!.querySelector(`li[data-step="${step}"]`)!.textContent!;
const timelineAction = (portal: RkPortal) => timeline(portal).shadowRoot!.querySelector<HTMLButtonElement>('[part="action"]');

const timelineCurrent = (portal: RkPortal) => portal.shadowRoot!.querySelector('rk-status-timeline')?.getAttribute('current');

describe('rk-portal', () => {
  it('walks the whole journey of the seed', async function () {
    this.timeout(90_000);
    const photo = asFile(await portraitJpeg(600, 840), 'me.jpg');
    const { provider, portal } = await portalIn();

    // Register (signed out: 考生报名 shows the login, switched to registration). The first view of
    // the file loads its element's modules from the test server (over 8 s in WebKit).
    const login = await shown<RkLogin>(portal, 'rk-login', 30_000);
    expect(portal.currentView).to.equal('apply');
    login.setMode('register');
    await login.updateComplete;
    await waitUntil(() => login.shadowRoot!.querySelector('[part="captcha-image"] img'), 'captcha never shown', { timeout: 5000 });
    await type(login, 'account', '13700001234');
    await type(login, 'captcha', '0000');
    $<HTMLButtonElement>(login, '[part="send-code"]').click();
    await waitUntil(() => $(login, '[part="send-code"]').textContent!.includes('秒后'), 'no code sent', { timeout: 5000 });
    await type(login, 'code', '123456');
    await type(login, 'password', 'Kaoshi2026');
    await type(login, 'confirm', 'Kaoshi2026');
    $<HTMLButtonElement>(login, 'button[type="submit"]').click();
    await waitUntil(() => provider.session?.user.account === '13700001234', 'not registered', { timeout: 8000 });

    // Real name.
    const realname = await shown<RkRealname>(portal, 'rk-realname');
    await stateIs(realname, 'idle');
    await type(realname, 'name', '张三');
    await type(realname, 'document-number', SEED_ID_NUMBER);
    await type(realname, 'valid-from', '2020.06.01');
    await type(realname, 'valid-to', '20400601');
    $<HTMLButtonElement>(realname, 'button[type="submit"]').click();
    await waitUntil(() => provider.session?.realName?.status === 'verified', 'not verified', { timeout: 8000 });

    // The notice, read to the end and accepted.
    const notice = await shown<RkExamNotice>(portal, 'rk-exam-notice');
    await waitUntil(() => notice.state === 'reading' || notice.state === 'ready', 'notice not loaded', { timeout: 5000 });
    const text = $(notice, '[part="text"]');
    text.scrollTop = text.scrollHeight;
    await waitUntil(() => notice.state === 'ready', 'reading to the end did not unlock', { timeout: 5000 });
    $<HTMLInputElement>(notice, '#agree').click();
    $<HTMLButtonElement>(notice, '[part="accept"]').click();

    // The form with the photo checker in its slot.
    const form = await shown<RkRegistrationForm>(portal, 'rk-registration-form');
    await stateIs(form, 'editing');
    await waitUntil(() => timelineCurrent(portal) === 'form', 'the timeline did not move on to the form', { timeout: 5000 });
    $<HTMLInputElement>(form, '#level-id-intermediate').click();
    await form.updateComplete;
    await select(form, 'qualification-id', 'software-designer');
    await select(form, 'province-code', LIJIANG_OFFICE_CODE);
    expect($<HTMLSelectElement>(form, '#area-code').value).to.equal(LIJIANG_AREA_CODE);
    await select(form, 'fee-category', 'normal');
    await select(form, 'education', 'bachelor');
    await type(form, 'address', '云南省丽江市古城区福慧路8号');
    await type(form, 'mobile', '13700001234');
    const checker = form.querySelector<RkPhotoChecker>('rk-photo-checker')!;
    await checker.checkFile(photo);
    await stateIs(checker, 'ready');
    $<HTMLButtonElement>(checker, '[part="action"]').click();
    await stateIs(checker, 'accepted');
    // The step bar follows at once: 上传照片 done (it stayed 未开始 until the view was left).
    await waitUntil(() => stepState(portal, 'photo') === 'done', `上传照片 is ${stepState(portal, 'photo')}`, { timeout: 5000 });
    $<HTMLButtonElement>(form, '[part="continue"]').click();
    await stateIs(form, 'review');
    $<HTMLButtonElement>(form, '[part="submit"]').click();

    // Submitted: 报名审核 says 待审核 until the office approves.
    await waitUntil(() => portal.currentView === 'review' && textOf(portal).includes('待审核'), 'not waiting for review', { timeout: 8000 });
    await waitUntil(() => stepState(portal, 'review') === 'pending', `报名审核 is ${stepState(portal, 'review')}`, { timeout: 5000 });
    expect(stepText(portal, 'review')).to.contain('审核中');
    office.approve();
    await portal.refresh();
    await portal.updateComplete;
    expect(textOf(portal)).to.contain('审核通过');
    Array.from(portal.shadowRoot!.querySelectorAll('button')).find((button) => button.textContent!.includes('去缴费'))!.click();

    // Pay: the office marks the order paid; the portal shows the receipt, then the way on to the 报名表.
    const panel = await shown<RkPaymentPanel>(portal, 'rk-payment-panel');
    await stateIs(panel, 'choose');
    $<HTMLInputElement>(panel, 'input[value="wechat"]').click();
    await stateIs(panel, 'unpaid');
    office.markPaid();
    const paid = oneEvent(panel, 'rk-paid');
    await panel.checkNow();
    const { detail: payment } = await paid;
    await stateIs(panel, 'paid');
    expect(portal.currentView).to.equal('payment');
    expect(textOf(panel)).to.contain('缴费状态');
    expect(textOf(panel)).to.contain(payment.receipt.tradeNo);
    await waitUntil(() => button(portal, '打印报名表'), 'no way on to the 报名表 below the receipt', { timeout: 5000 });
    button(portal, '打印报名表')!.click();
    const slip = await shown<RkTicketPrinter>(portal, 'rk-ticket-printer');
    await stateIs(slip, 'ready');
    expect(portal.currentView).to.equal('apply');
    expect(textOf(slip)).to.contain('报名成功');
    let printed = '';
    slip.printer = (win) => {
      printed = win.document.body.textContent ?? '';
    };
    $<HTMLButtonElement>(slip, '[part="print"]').click();
    await oneEvent(slip, 'rk-printed');
    expect(printed).to.contain(slip.slip!.registrationNumber);

    // Tickets published (the demo's office panel then refreshes the portal): the step bar's action leads on.
    office.publishTickets();
    await portal.refresh();
    await waitUntil(() => timelineCurrent(portal) === 'ticket', 'the step bar did not move on to the ticket', { timeout: 5000 });
    timelineAction(portal)!.click();
    await waitUntil(() => portal.shadowRoot!.querySelector('rk-ticket-printer[document="ticket"]')?.getAttribute('state') === 'ready', 'no ticket', {
      timeout: 8000,
    });
    expect(textOf(portal.shadowRoot!.querySelector('rk-ticket-printer[document="ticket"]') as RkTicketPrinter)).to.contain('准考证号');

    // Scores and the certificate.
    office.publishScores();
    portal.navigate('score');
    const scores = await shown<HTMLElement & { updateComplete: Promise<boolean> }>(portal, 'rk-score-query');
    await waitUntil(() => scores.getAttribute('state') === 'ready', 'no scores', { timeout: 8000 });
    expect(scores.getAttribute('result')).to.equal('passed');
    office.issueCertificates();
    portal.navigate('certificate');
    const certificates = await shown<HTMLElement & { updateComplete: Promise<boolean> }>(portal, 'rk-certificate-query');
    await waitUntil(() => certificates.getAttribute('state') === 'ready', 'no certificate', { timeout: 8000 });
    expect(textOf(certificates as never)).to.contain('软件设计师');
  });

  it('leaves the page’s focus alone when it opens (focus moves to a new step only from inside)', async () => {
    // A candidate who signed in before opens the page: the portal goes from loading to 网上缴费 by itself.
    const token = office.seedCandidate({ stage: 'approved' }).token;
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <rk-provider .backend=${new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) })}>
        <rk-portal></rk-portal>
      </rk-provider>
    </div>`);
    const portal = wrapper.querySelector('rk-portal')!;
    await shown(portal, 'rk-payment-panel');
    await portal.updateComplete;
    // (Names, not elements: chai's diff of two elements walks the whole page.)
    expect(document.activeElement?.localName, 'focus on the page when it opened').to.equal('body');
    // From inside, a step done keeps the focus in the portal: test/keyboard-journey.test.ts.
  });

  it('shows the round, the navigation of the seed and the view a step of the timeline names', async () => {
    const { portal } = await portalIn();
    await waitUntil(() => portal.shadowRoot!.querySelector('[part="round"] h2'), 'no round', { timeout: 5000 });
    expect(portal.shadowRoot!.querySelector('[part="round"] h2')!.textContent).to.equal(office.getExamSession().name);
    const items = Array.from(portal.shadowRoot!.querySelectorAll('[part="nav-item"]'), (a) => a.textContent!.trim());
    expect(items).to.deep.equal(['返回首页', '考生须知', '考试计划', '考生报名', '报名审核', '网上缴费', '打印准考证', '考试安排', '成绩查询', '证书查询']);
    (portal.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="nav-item"]')[2]!).click();
    await shown(portal, 'rk-exam-plan');
    expect(portal.shadowRoot!.querySelector('[aria-current="page"]')!.textContent!.trim()).to.equal('考试计划');
    const changed = oneEvent(portal, 'rk-view-change');
    portal.shadowRoot!.querySelector('rk-status-timeline')!.dispatchEvent(
      new CustomEvent('rk-navigate', { detail: { step: 'notice', action: false }, bubbles: true, composed: true }),
    );
    expect((await changed).detail).to.deep.equal({ view: 'notice', cause: 'navigation' });
    await shown(portal, 'rk-exam-notice');
    expect(location.hash).to.equal('');
    await expect(portal).to.be.accessible({ ignoredRules: ['region'] });
  });

  it('keeps the view in the URL only when asked (routing="hash")', async () => {
    const { portal } = await portalIn();
    portal.routing = 'hash';
    portal.navigate('plan');
    expect(location.hash).to.equal('#/plan');
    location.hash = '#/notice';
    await waitUntil(() => portal.currentView === 'notice', 'hash not followed', { timeout: 3000 });
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('folds the navigation into a menu button in a narrow column', async () => {
    const { portal } = await portalIn(360);
    const button = $<HTMLButtonElement>(portal as never, '[part="menu-button"]');
    expect(getComputedStyle(button).display).to.not.equal('none');
    const list = portal.shadowRoot!.querySelector('#nav-list')!;
    expect(getComputedStyle(list).display).to.equal('none');
    button.click();
    await portal.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle(list).display).to.equal('block');
    expect(portal.getBoundingClientRect().width).to.be.at.most(360);
    expect(portal.scrollWidth).to.be.at.most(360);
  });

  describe('keeps up with the office', () => {
    /** A portal of a seeded candidate, counting the application requests. */
    async function candidatePortal(stage: CandidateStage, width = 1100) {
      const token = office.seedCandidate({ stage }).token;
      const backend = new CountingBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
      const wrapper = await fixture<HTMLDivElement>(html`<div style=${`width: ${width}px`}>
        <rk-provider .backend=${backend}><rk-portal></rk-portal></rk-provider>
      </div>`);
      const portal = wrapper.querySelector('rk-portal')!;
      await waitUntil(() => timeline(portal)?.getAttribute('state') === 'ready', 'no timeline', { timeout: 8000 });
      return { portal, backend };
    }

    afterEach(() => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    });

    it('brings the view shown up to date when the office publishes tickets, scores and certificates, without leaving it', async function () {
      this.timeout(30_000);
      const { portal } = await candidatePortal('paid');
      portal.navigate('ticket');
      const printer = await shown<RkTicketPrinter>(portal, 'rk-ticket-printer');
      await stateIs(printer, 'unavailable');
      office.publishTickets();
      await portal.refresh(); // what the demo's office panel does after acting
      await stateIs(printer, 'ready');
      expect(portal.shadowRoot!.querySelector('rk-ticket-printer') === printer, 'the same element, not a new one').to.equal(true);

      portal.navigate('score');
      const scores = await shown<HTMLElement & { updateComplete: Promise<boolean> }>(portal, 'rk-score-query');
      await waitUntil(() => scores.getAttribute('state') === 'unavailable', 'scores not withheld', { timeout: 5000 });
      office.publishScores();
      await portal.refresh();
      await waitUntil(() => scores.getAttribute('state') === 'ready', 'the scores view stayed stale', { timeout: 5000 });

      portal.navigate('certificate');
      const certificates = await shown<HTMLElement & { updateComplete: Promise<boolean> }>(portal, 'rk-certificate-query');
      await waitUntil(() => certificates.getAttribute('state') === 'empty', 'certificates not empty', { timeout: 5000 });
      office.issueCertificates();
      await portal.refresh();
      await waitUntil(() => certificates.getAttribute('state') === 'ready', 'the certificates view stayed stale', { timeout: 5000 });
      expect(stepState(portal, 'certificate')).to.equal('done');
    });

    it('asks again when the candidate asks: the view shown chosen again, a step of the step bar', async () => {
      const { portal } = await candidatePortal('paid');
      portal.navigate('ticket');
      const printer = await shown<RkTicketPrinter>(portal, 'rk-ticket-printer');
      await stateIs(printer, 'unavailable');
      office.publishTickets(); // nobody tells the portal
      const item = Array.from(portal.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="nav-item"]')).find((a) => a.textContent!.includes('打印准考证'))!;
      item.click();
      await stateIs(printer, 'ready');
      await waitUntil(() => stepState(portal, 'ticket') === 'current', 'the step bar stayed behind', { timeout: 5000 });

      office.publishScores();
      timeline(portal).shadowRoot!.querySelector<HTMLButtonElement>('li[data-step="ticket"] button')!.click();
      await waitUntil(() => stepState(portal, 'score') === 'done', 'a step of the step bar did not ask again', { timeout: 5000 });
    });

    it('asks again when the tab is shown again, never while it is hidden: 报名审核 follows the office', async function () {
      this.timeout(20_000);
      const { portal, backend } = await candidatePortal('submitted');
      await waitUntil(() => textOf(portal).includes('待审核'), 'not waiting for review', { timeout: 5000 });
      expect(stepText(portal, 'review')).to.contain('审核中');
      await new Promise((resolve) => setTimeout(resolve, 2_100));
      const before = backend.applications;
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange'));
      office.approve();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(backend.applications, 'no request while hidden').to.equal(before);
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
      document.dispatchEvent(new Event('visibilitychange'));
      window.dispatchEvent(new Event('focus'));
      // Approved: the state leads on to 网上缴费 (the candidate had not chosen a view).
      await shown(portal, 'rk-payment-panel');
      // The portal's one for the tab shown and the window focused together, and the payment panel's own.
      expect(backend.applications).to.equal(before + 2);
      await waitUntil(() => timelineCurrent(portal) === 'payment', 'the step bar stayed behind', { timeout: 5000 });
    });
  });

  it('says the session has ended when its own load is refused, shows the login form in the same view, and that view again once signed in', async () => {
    const seeded = office.seedCandidate({ stage: 'submitted' });
    let token = seeded.token;
    const backend = new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1100px"><rk-provider .backend=${backend}><rk-portal></rk-portal></rk-provider></div>`);
    const provider = wrapper.querySelector('rk-provider')!;
    const portal = provider.querySelector('rk-portal')!;
    await waitUntil(() => portal.currentView === 'review' && textOf(portal).includes('待审核'), 'not waiting for review', { timeout: 8000 });

    token = 'ended';
    const expired = oneEvent(portal, 'rk-session-expired');
    await portal.refresh();
    await expired;
    await waitUntil(() => portal.shadowRoot!.querySelector('rk-login'), 'no login form', { timeout: 8000 });
    expect(provider.session).to.equal(null);
    expect(portal.currentView).to.equal('review');
    const notice = portal.shadowRoot!.querySelector('[part="session-ended"]')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.textContent).to.equal('登录已失效，请重新登录后继续办理报名审核。');

    token = seeded.token;
    provider.session = office.getSession(token).session;
    await waitUntil(() => textOf(portal).includes('待审核') && !portal.shadowRoot!.querySelector('rk-login'), 'not back on 报名审核', { timeout: 8000 });
    expect(portal.currentView).to.equal('review');
    expect(portal.shadowRoot!.querySelector('[part="session-ended"]')).to.equal(null);
  });

  it('opens the view its address names on a reload, and says so (certified candidate on #/plan)', async () => {
    const token = office.seedCandidate({ stage: 'certified' }).token;
    history.replaceState(null, '', `${location.pathname}${location.search}#/plan`);
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1100px">
        <rk-provider .backend=${new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) })}>
          <rk-portal routing="hash"></rk-portal>
        </rk-provider>
      </div>`);
      const portal = wrapper.querySelector('rk-portal')!;
      await shown(portal, 'rk-exam-plan');
      // The session and the application arrive after the first render: the view stays.
      await waitUntil(() => timeline(portal)?.getAttribute('state') === 'ready', 'no timeline', { timeout: 8000 });
      await portal.updateComplete;
      expect(portal.currentView).to.equal('plan');
      expect(portal.shadowRoot!.querySelector('rk-certificate-query') === null, 'no 证书查询').to.equal(true);
      expect(location.hash).to.equal('#/plan');
      expect(portal.shadowRoot!.querySelector('[aria-current="page"]')!.textContent!.trim()).to.equal('考试计划');
      expect(portal.shadowRoot!.querySelector('p[role="status"]')!.textContent).to.equal('当前位置：考试计划');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('leads home (the view the candidate’s state leads to) from 返回首页 and from the round’s name', async () => {
    const { portal } = await (async () => {
      const token = office.seedCandidate({ stage: 'approved' }).token;
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1100px">
        <rk-provider .backend=${new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) })}>
          <rk-portal></rk-portal>
        </rk-provider>
      </div>`);
      return { portal: wrapper.querySelector('rk-portal')! };
    })();
    await shown(portal, 'rk-payment-panel');
    portal.navigate('plan');
    await shown(portal, 'rk-exam-plan');
    const home = Array.from(portal.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="nav-item"]')).find((a) => a.textContent!.includes('返回首页'))!;
    home.click();
    await shown(portal, 'rk-payment-panel');
    expect(portal.currentView).to.equal('payment');
    portal.navigate('notice');
    await shown(portal, 'rk-exam-notice');
    const name = portal.shadowRoot!.querySelector<HTMLAnchorElement>('[part="round"] h2 a[part="home"]')!;
    expect(name.textContent).to.equal(office.getExamSession().name);
    name.click();
    await shown(portal, 'rk-payment-panel');
    expect(portal.currentView).to.equal('payment');
  });

  it('does not offer the way to the page the candidate is on, and folds the step bar on a phone', async () => {
    const token = office.seedCandidate({ stage: 'approved' }).token;
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 375px">
      <rk-provider .backend=${new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) })}>
        <rk-portal></rk-portal>
      </rk-provider>
    </div>`);
    const portal = wrapper.querySelector('rk-portal')!;
    await shown(portal, 'rk-payment-panel');
    await waitUntil(() => timeline(portal)?.getAttribute('state') === 'ready', 'no timeline', { timeout: 8000 });
    await timeline(portal).updateComplete;
    expect(timelineCurrent(portal)).to.equal('payment');
    expect(timelineAction(portal)?.textContent ?? null, '下一步：去缴费 on the payment page itself').to.equal(null);
    // The round's dates stay whole at phone widths (2027年2月5日, not 2027年2月5 / 日).
    for (let width = 300; width <= 480; width += 4) {
      wrapper.style.width = `${width}px`;
      for (const line of portal.shadowRoot!.querySelectorAll('[part="round"] p')) {
        const lines = linesOf(line);
        const insideADate = lines.slice(1).some((text, i) => /[0-9年月:]$/.test(lines[i]!) && /^[0-9年月日:]/.test(text));
        expect(insideADate, `${width} px: ${lines.join(' / ')}`).to.equal(false);
        // …and no line runs past its paragraph (WebKit broke a keep-all line of dates nowhere, and
        // at 320 px it ran 170 px off the screen). A few pixels are allowed: WebKitGTK set a line
        // it had judged to fit 3 px wider than its paragraph (480 px, Chinese and Latin fonts mixed).
        expect(textRight(line), `${width} px: ${lines.join(' / ')} runs over`).to.be.at.most(line.getBoundingClientRect().right + 4);
      }
    }
    wrapper.style.width = '375px';
    await timeline(portal).updateComplete;
    // Folded: the current step and a button to see every step, not 11 steps above the view.
    const bar = timeline(portal);
    const visible = () => Array.from(bar.shadowRoot!.querySelectorAll('li')).filter((li) => li.getBoundingClientRect().height > 0);
    expect(visible().map((li) => li.dataset.step)).to.deep.equal(['payment']);
    expect(visible()[0]!.querySelector('[part="marker"]')!.textContent!.trim(), 'its number in the journey').to.equal('7');
    expect(bar.getBoundingClientRect().height).to.be.below(160);
    const toggle = bar.shadowRoot!.querySelector<HTMLButtonElement>('[part="toggle"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.textContent!.replace(/\s+/g, ' ').trim()).to.equal('全部 11 个步骤 ▾');
    toggle.click();
    await bar.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(visible()).to.have.length(11);
    // On another view the action leads to the payment.
    portal.navigate('plan');
    await shown(portal, 'rk-exam-plan');
    await bar.updateComplete;
    expect(timelineAction(portal)!.textContent).to.contain('去缴费');
  });
});
