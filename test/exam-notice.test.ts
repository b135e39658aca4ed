/** rk-exam-notice: the backend's notice as text, agreeing unlocked by reading to the end or by time. */
import { expect, fixture, html, oneEvent, waitUntil } from './helpers/testing.js';
import '../src/components/exam-notice/rk-exam-notice.js';
import '../src/components/provider/rk-provider.js';
import type { RkExamNotice } from '../src/components/exam-notice/rk-exam-notice.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import { HttpBackend } from '../src/services/http-backend.js';
import type { Notice } from '../src/services/schemas.js';
import type { ExamOffice } from '../src/mocks/index.js';
import { $, deepActiveElement, stateIs, textOf } from './helpers/form-driver.js';
import { freshOffice } from './helpers/mock-office.js';

let office: ExamOffice;

beforeEach(async () => {
  office = await freshOffice();
  sessionStorage.clear();
});

async function noticeFromBackend(minSeconds = 600): Promise<RkExamNotice> {
  const provider = await fixture<RkProvider>(
    html`<rk-provider .backend=${new HttpBackend({ baseUrl: '/api' })}>
      <rk-exam-notice min-seconds=${minSeconds}></rk-exam-notice>
    </rk-provider>`,
  );
  const el = provider.querySelector('rk-exam-notice')!;
  await waitUntil(() => el.state !== 'loading', 'never loaded', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

async function scrollToEnd(el: RkExamNotice): Promise<void> {
  const text = $(el, '[part="text"]');
  text.scrollTop = text.scrollHeight;
  await waitUntil(() => el.state === 'ready', 'reading to the end did not unlock', { timeout: 3000 });
  await el.updateComplete;
}

describe('rk-exam-notice', () => {
  it('shows the round’s notice as paragraphs; the box is locked until the end is read', async () => {
    const el = await noticeFromBackend();
    const notice = office.getExamSession().notice;
    expect(el.state).to.equal('reading');
    expect($(el, '#title').textContent).to.equal(notice.title);
    expect(el.shadowRoot!.querySelectorAll('[part="text"] p:not(.end)')).to.have.length(notice.paragraphs.length);
    expect($<HTMLInputElement>(el, '#agree').disabled).to.equal(true);
    expect($(el, '[part="progress"]').textContent).to.contain('请阅读至末尾');
    await expect(el).to.be.accessible();
    await scrollToEnd(el);
    expect($<HTMLInputElement>(el, '#agree').disabled).to.equal(false);
    expect($(el, '[role="status"]').textContent).to.contain('您已阅读完毕');
  });

  it('renders backend text as text, never as HTML', async () => {
    const notice: Notice = { title: '考生须知', paragraphs: ['<img src=x onerror="window.__pwned=1"><b>粗体</b>'] };
    const el = await fixture<RkExamNotice>(html`<rk-exam-notice min-seconds="0" .notice=${notice}></rk-exam-notice>`);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="text"] img, [part="text"] b')).to.equal(null);
    expect(textOf(el)).to.contain('<b>粗体</b>');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('unlocks after min-seconds without scrolling', async () => {
    const el = await noticeFromBackend(1);
    expect(el.state).to.equal('reading');
    expect($(el, '[part="progress"]').textContent).to.contain('1 秒');
    await stateIs(el, 'ready');
    expect($<HTMLInputElement>(el, '#agree').disabled).to.equal(false);
  });

  it('asks to tick the box, then fires rk-notice-accepted and remembers it for the tab', async () => {
    const el = await noticeFromBackend();
    await scrollToEnd(el);
    $<HTMLButtonElement>(el, '[part="accept"]').click();
    await el.updateComplete;
    expect(textOf(el)).to.contain('请先勾选');
    expect(deepActiveElement()).to.equal($(el, '#agree'));
    expect($(el, '#agree').getAttribute('aria-invalid')).to.equal('true');
    $<HTMLInputElement>(el, '#agree').click();
    const accepted = oneEvent(el, 'rk-notice-accepted');
    $<HTMLButtonElement>(el, '[part="accept"]').click();
    const { detail } = await accepted;
    expect(detail.examSessionId).to.equal(office.getExamSession().id);
    expect(detail.unlockedBy).to.equal('scroll');
    await stateIs(el, 'accepted');
    expect(el.hasAttribute('accepted')).to.equal(true);
    expect(textOf(el)).to.contain('您已阅读并同意《考生须知》');
    // A reload in the same tab does not ask again.
    const again = await noticeFromBackend();
    expect(again.state).to.equal('accepted');
  });

  it('the button does nothing while locked', async () => {
    const el = await noticeFromBackend();
    let fired = false;
    el.addEventListener('rk-notice-accepted', () => (fired = true));
    $<HTMLButtonElement>(el, '[part="accept"]').click();
    await el.updateComplete;
    expect(fired).to.equal(false);
    expect(el.state).to.equal('reading');
  });

  it('a failed load says why and offers a retry', async () => {
    office.faults = { latencyMs: 0, down: 'http-503', only: ['getExamSession'] };
    const el = await noticeFromBackend();
    expect(el.state).to.equal('error');
    expect(textOf(el)).to.contain('考生须知加载失败');
    office.faults = { latencyMs: 0, down: 'none' };
    $<HTMLButtonElement>(el, '[role="alert"] button').click();
    await waitUntil(() => el.state === 'reading', 'retry did not load');
  });
});
