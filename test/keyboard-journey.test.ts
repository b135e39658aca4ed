/**
 * The whole journey in rk-portal by keyboard alone: Tab, Shift+Tab, typing, arrows, Space and
 * Enter (the photo through the browser's file dialog, opened with Enter). At every stop of Tab
 * the focused control shows a focus indicator; when a step is done and its element replaced,
 * focus stays in the portal's content instead of falling back to the top of the page.
 */
import { expect, fixture, html, oneEvent } from './helpers/testing.js';
import { removeFile } from '@web/test-runner-commands';
import '../src/components/portal/rk-portal.js';
import '../src/components/provider/rk-provider.js';
import type { RkPortal } from '../src/components/portal/rk-portal.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import type { RkTicketPrinter } from '../src/components/ticket-printer/rk-ticket-printer.js';
import { LIJIANG_AREA_CODE, LIJIANG_OFFICE_CODE, SEED_ID_NUMBER, type ExamOffice } from '../src/mocks/index.js';
import { HttpBackend } from '../src/services/http-backend.js';
import { portraitJpeg } from './fixtures/photo-fixtures.js';
import { pressAndChoose, writeToDisk } from './helpers/disk.js';
import { deepActiveElement, waitFor } from './helpers/form-driver.js';
import { freshOffice } from './helpers/mock-office.js';
import { sendKeys } from './helpers/commands.js';
import { describeElement, recordInput, watchWindowFocus } from './helpers/input-log.js';

const PHOTO_PATH = '.tmp/keyboard-photo.jpg';

let office: ExamOffice;
/** When the window lost focus, by step (said by a failure: keys then reach the page, but Firefox activates nothing). */
let windowFocus: ReturnType<typeof watchWindowFocus>;
beforeEach(async () => {
  office = await freshOffice();
  sessionStorage.clear();
  windowFocus = watchWindowFocus();
});
afterEach(function () {
  if (this.currentTest?.state === 'failed') console.log(`window focus: ${windowFocus.text()}`);
  windowFocus.stop();
  return removeFile({ path: PHOTO_PATH }).catch(() => undefined);
});

/** Focused controls that showed no focus indicator (outline or ring on it or its label). */
const unseen: string[] = [];

function showsFocus(element: Element): boolean {
  for (let node: Element | null = element, depth = 0; node && depth < 3; node = node.parentElement, depth += 1) {
    const style = getComputedStyle(node);
    if ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none') return true;
  }
  return false;
}

/** Presses Tab (or Shift+Tab) until the focused element matches; checks each stop shows focus. */
async function tabTo(match: (element: Element) => boolean, what: string, backwards = false): Promise<Element> {
  for (let presses = 0; presses < 80; presses += 1) {
    if (backwards) await sendKeys({ down: 'Shift' });
    try {
      await sendKeys({ press: 'Tab' });
    } catch (error) {
      throw new Error(`on the way to ${what}: ${(error as Error).message}; window focus: ${windowFocus.text()}`);
    } finally {
      if (backwards) await sendKeys({ up: 'Shift' });
    }
    const active = deepActiveElement();
    if (!active || active === document.body) continue;
    if (!showsFocus(active)) unseen.push(describeElement(active));
    if (match(active)) return active;
  }
  throw new Error(`Tab never reached ${what} (focus on ${describeElement(deepActiveElement() ?? document.body)})`);
}

const inside = (tag: string) => (element: Element) => (element.getRootNode() as ShadowRoot).host?.localName === tag;
const byId = (tag: string, id: string) => (element: Element) => inside(tag)(element) && element.id === id;
const byPart = (tag: string, part: string) => (element: Element) => inside(tag)(element) && element.getAttribute('part') === part;
const byText = (tag: string, text: string) => (element: Element) => inside(tag)(element) && element.localName === 'button' && element.textContent!.includes(text);

async function typeInto(tag: string, id: string, text: string): Promise<void> {
  const field = (await tabTo(byId(tag, id), `${tag} #${id}`)) as HTMLInputElement;
  // Select what is there (prefilled, or from a draft) so typing replaces it.
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'a' });
  await sendKeys({ up: 'Control' });
  await sendKeys({ type: text });
  expect(field.value, `${tag} #${id}`).to.equal(text);
}

/** Chooses an option of a closed select with the arrow keys. */
async function chooseWithArrows(tag: string, id: string, value: string): Promise<void> {
  const select = (await tabTo(byId(tag, id), `${tag} #${id}`)) as HTMLSelectElement;
  const target = Array.from(select.options).findIndex((option) => option.value === value);
  expect(target, `${id} has ${value}`).to.be.greaterThan(-1);
  while (select.selectedIndex !== target) await sendKeys({ press: select.selectedIndex < target ? 'ArrowDown' : 'ArrowUp' });
}

/** The portal's element `tag`, once shown. */
async function step(portal: RkPortal, selector: string, events?: () => string): Promise<HTMLElement> {
  // A step's element loads its modules when first shown: over 10 s in a full run's Firefox.
  await waitFor(
    () => portal.shadowRoot!.querySelector(selector),
    () => `the portal never showed ${selector} (it shows ${portal.shadowRoot!.querySelector('[aria-current="page"]')?.textContent?.trim()}: “${portal.shadowRoot!.textContent!.replace(/\s+/g, ' ').slice(0, 300)}”)${events ? `; events: ${events()}` : ''}; window focus: ${windowFocus.text()}`,
    30_000,
  );
  return portal.shadowRoot!.querySelector<HTMLElement>(selector)!;
}

async function until(condition: () => unknown, message: string): Promise<void> {
  await waitFor(condition, () => `${message}; window focus: ${windowFocus.text()}`, 10_000);
}

/** After a step is done, focus is still in the portal (not back at the top of the page). */
function focusStaysInPortal(portal: RkPortal, when: string): void {
  const active = document.activeElement;
  expect(active === portal.closest('rk-provider') || active === portal || portal.contains(active), `focus after ${when}: ${active?.localName}`).to.equal(true);
}

describe('keyboard only', () => {
  it('takes a new candidate from registration to the certificate without a mouse', async function () {
    this.timeout(120_000);
    unseen.length = 0;
    await writeToDisk(PHOTO_PATH, await portraitJpeg(600, 840));
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1100px">
      <button id="start">start</button>
      <rk-provider .backend=${new HttpBackend({ baseUrl: '/api' })} .config=${{ contactPhones: ['0871-64312910'] }}>
        <rk-portal></rk-portal>
      </rk-provider>
    </div>`);
    const provider = wrapper.querySelector<RkProvider>('rk-provider')!;
    const portal = provider.querySelector<RkPortal>('rk-portal')!;
    const login = await step(portal, 'rk-login');
    await until(() => login.shadowRoot!.querySelector('[part="captcha-image"] img'), 'no captcha');
    wrapper.querySelector<HTMLButtonElement>('#start')!.focus();

    // 注册: switch the login to registration, send the code, set the password.
    windowFocus.at('注册');
    await tabTo(byText('rk-login', '立即注册'), '立即注册');
    await sendKeys({ press: 'Enter' });
    await typeInto('rk-login', 'account', '13700005678');
    await typeInto('rk-login', 'captcha', '0000');
    await tabTo(byPart('rk-login', 'send-code'), '获取验证码');
    await sendKeys({ press: 'Enter' });
    await until(() => login.shadowRoot!.querySelector('[part="send-code"]')!.textContent!.includes('秒后'), 'no code sent');
    // Sending moves focus to the code.
    await until(() => deepActiveElement()?.id === 'code', 'focus did not move to the code');
    await sendKeys({ type: '123456' });
    await typeInto('rk-login', 'password', 'Kaoshi2026');
    await typeInto('rk-login', 'confirm', 'Kaoshi2026');
    await sendKeys({ press: 'Enter' });
    await until(() => provider.session?.user.account === '13700005678', 'not registered');

    // 实名认证.
    windowFocus.at('实名认证');
    const realname = await step(portal, 'rk-realname');
    await until(() => realname.getAttribute('state') === 'idle', 'no real-name form');
    focusStaysInPortal(portal, 'registering');
    await typeInto('rk-realname', 'name', '张三');
    await typeInto('rk-realname', 'document-number', SEED_ID_NUMBER);
    await typeInto('rk-realname', 'valid-from', '2020.06.01');
    await typeInto('rk-realname', 'valid-to', '2040.06.01');
    await sendKeys({ press: 'Enter' });
    await until(() => provider.session?.realName?.status === 'verified', 'not verified');

    // 考生须知: read to the end with the keyboard, agree, go on.
    windowFocus.at('考生须知');
    const notice = await step(portal, 'rk-exam-notice');
    await until(() => ['reading', 'ready'].includes(notice.getAttribute('state') ?? ''), 'no notice');
    focusStaysInPortal(portal, 'the real name');
    await tabTo(byPart('rk-exam-notice', 'text'), 'the notice text');
    await sendKeys({ press: 'End' });
    await until(() => notice.getAttribute('state') === 'ready', 'End did not read the notice to its end');
    await tabTo(byId('rk-exam-notice', 'agree'), '我已阅读并同意');
    await sendKeys({ press: 'Space' });
    await tabTo(byPart('rk-exam-notice', 'accept'), '下一步');
    await sendKeys({ press: 'Enter' });

    // 报名表单: arrows for the level and the lists, typing for the rest, the photo through the dialog.
    windowFocus.at('报名表单');
    const form = await step(portal, 'rk-registration-form');
    await until(() => form.getAttribute('state') === 'editing', 'no form');
    focusStaysInPortal(portal, 'the notice');
    await tabTo((element) => inside('rk-registration-form')(element) && (element as HTMLInputElement).name === 'levelId', '报考级别');
    while (!form.shadowRoot!.querySelector<HTMLInputElement>('#level-id-intermediate')!.checked) await sendKeys({ press: 'ArrowDown' });
    await chooseWithArrows('rk-registration-form', 'qualification-id', 'software-designer');
    await chooseWithArrows('rk-registration-form', 'province-code', LIJIANG_OFFICE_CODE);
    await until(() => form.shadowRoot!.querySelector<HTMLSelectElement>('#area-code')!.value === LIJIANG_AREA_CODE, '丽江’s exam area not preselected');
    await chooseWithArrows('rk-registration-form', 'fee-category', 'normal');
    await chooseWithArrows('rk-registration-form', 'education', 'bachelor');
    await typeInto('rk-registration-form', 'address', '云南省丽江市古城区福慧路8号');
    const checker = form.querySelector<HTMLElement>('rk-photo-checker')!;
    await tabTo(byPart('rk-photo-checker', 'choose'), '选择照片');
    await pressAndChoose(PHOTO_PATH);
    await until(() => checker.getAttribute('state') === 'ready', 'photo not checked');
    await tabTo(byPart('rk-photo-checker', 'action'), '上传照片');
    await sendKeys({ press: 'Enter' });
    await until(() => checker.getAttribute('state') === 'accepted', 'photo not uploaded');
    await tabTo(byPart('rk-registration-form', 'continue'), '下一步：核对');
    await sendKeys({ press: 'Enter' });
    await until(() => form.getAttribute('state') === 'review', 'no review');
    await tabTo(byPart('rk-registration-form', 'submit'), '确认提交');
    await sendKeys({ press: 'Enter' });

    // 报名审核: the office approves; the candidate checks again and goes to pay.
    windowFocus.at('报名审核');
    await until(() => portal.currentView === 'review' && portal.shadowRoot!.textContent!.includes('待审核'), 'not waiting for review');
    focusStaysInPortal(portal, 'submitting');
    office.approve();
    await tabTo(byText('rk-portal', '刷新审核状态'), '刷新审核状态');
    await sendKeys({ press: 'Enter' });
    await until(() => portal.shadowRoot!.textContent!.includes('审核通过'), 'approval not shown');
    // 去缴费 is above (the portal's next step, before its content): back up to it.
    await tabTo(byText('rk-portal', '去缴费'), '去缴费', true);
    await sendKeys({ press: 'Enter' });

    // 网上缴费: the channel with the arrows, then "我已完成支付" once paid.
    windowFocus.at('网上缴费');
    const panel = await step(portal, 'rk-payment-panel');
    await until(() => panel.getAttribute('state') === 'choose', 'no payment panel');
    await tabTo((element) => inside('rk-payment-panel')(element) && (element as HTMLInputElement).name === 'channel', '支付方式');
    await sendKeys({ press: 'ArrowDown' });
    await until(() => panel.getAttribute('state') === 'unpaid' && panel.shadowRoot!.querySelector('svg[part="qr-code"]'), 'no QR code');
    windowFocus.at('网上缴费: the QR code shown');
    office.markPaid();
    await tabTo(byPart('rk-payment-panel', 'check'), '我已完成支付');
    windowFocus.at('网上缴费: 我已完成支付');
    await sendKeys({ press: 'Enter' });

    // The receipt first (缴费状态), then on to the 报名表.
    windowFocus.at('The receipt first (缴费状态), then on to the 报名表.');
    await until(() => panel.getAttribute('state') === 'paid', 'no receipt');
    focusStaysInPortal(portal, 'the payment');
    // The way on comes once the portal knows the application is paid: wait for it, or Tab runs
    // past the end of the page before it is there.
    await until(() => portal.shadowRoot!.querySelector('.next button'), 'no 下一步：查看并打印报名表');
    await tabTo(byText('rk-portal', '打印报名表'), '下一步：查看并打印报名表');
    // What reached the page decides a failure here (in full Firefox runs this Enter has led nowhere).
    const input = recordInput();
    let slip: RkTicketPrinter;
    try {
      await sendKeys({ press: 'Enter' });
      slip = (await step(portal, 'rk-ticket-printer', input.text)) as RkTicketPrinter;
    } finally {
      input.stop();
    }

    // 报名表: printed.
    windowFocus.at('报名表');
    await until(() => slip.state === 'ready', 'no 报名表');
    focusStaysInPortal(portal, 'paying');
    slip.printer = () => undefined;
    await tabTo(byPart('rk-ticket-printer', 'print'), '打印报名表');
    const printed = oneEvent(slip, 'rk-printed');
    await sendKeys({ press: 'Enter' });
    expect((await printed).detail.document).to.equal('slip');

    // The navigation, back up with Shift+Tab: 打印准考证, 成绩查询, 证书查询.
    windowFocus.at('The navigation, back up with Shift+Tab');
    office.publishTickets();
    office.publishScores();
    office.issueCertificates();
    for (const [label, selector] of [
      ['打印准考证', 'rk-ticket-printer[document="ticket"]'],
      ['成绩查询', 'rk-score-query'],
      ['证书查询', 'rk-certificate-query'],
    ] as const) {
      await tabTo((element) => inside('rk-portal')(element) && element.closest('nav') !== null && element.textContent!.includes(label), label, true);
      await sendKeys({ press: 'Enter' });
      const shown = await step(portal, selector);
      await until(() => shown.getAttribute('state') === 'ready', `${label} not ready`);
      expect(portal.shadowRoot!.activeElement?.getAttribute('part'), `focus after choosing ${label}`).to.equal('content');
    }
    expect(portal.shadowRoot!.querySelector('rk-certificate-query')!.shadowRoot!.textContent).to.contain('软件设计师');
    expect(unseen, 'focused without a visible indicator').to.deep.equal([]);
  });
});
