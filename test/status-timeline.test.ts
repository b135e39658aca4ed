/**
 * rk-status-timeline: the state of every step for every stage of the mock office's candidate,
 * rk-navigate from a step and from the current step's action, the ordered list for screen
 * readers, vertical in a narrow column.
 */
import { expect, fixture, html, oneEvent, waitUntil } from './helpers/testing.js';
import '../src/components/provider/rk-provider.js';
import '../src/components/status-timeline/rk-status-timeline.js';
import type { RkStatusTimeline } from '../src/components/status-timeline/rk-status-timeline.js';
import type { StepState } from '../src/components/status-timeline/journey.js';
import { REJECTION_REASON, type CandidateStage, type ExamOffice } from '../src/mocks/index.js';
import { HttpBackend } from '../src/services/http-backend.js';
import { $ } from './helpers/form-driver.js';
import { freshOffice } from './helpers/mock-office.js';

let office: ExamOffice;
beforeEach(async () => {
  office = await freshOffice();
  sessionStorage.clear();
});

async function timelineAt(stage: CandidateStage | null, width = 1000): Promise<RkStatusTimeline> {
  const token = stage ? office.seedCandidate({ stage }).token : 'nobody';
  const backend = new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
  const wrapper = await fixture<HTMLDivElement>(
    html`<div class="frame"><rk-provider .backend=${backend}><rk-status-timeline></rk-status-timeline></rk-provider></div>`,
  );
  wrapper.style.width = `${width}px`;
  const el = wrapper.querySelector('rk-status-timeline')!;
  await waitUntil(() => el.state === 'ready', `timeline never ready (is ${el.state})`, { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const states = (el: RkStatusTimeline): Record<string, string> =>
  Object.fromEntries(Array.from(el.shadowRoot!.querySelectorAll('li'), (li) => [li.dataset.step!, li.dataset.state!]));

const W = 'waiting';
const D = 'done';
const C = 'current';
/** account, real-name, notice, form, photo, review, payment, ticket, exam, score, certificate. */
const EXPECTED: Record<CandidateStage | 'signed-out', StepState[]> = {
  'signed-out': [C, W, W, W, W, W, W, W, W, W, W],
  registered: [D, C, W, W, W, W, W, W, W, W, W],
  verified: [D, D, C, W, W, W, W, W, W, W, W],
  draft: [D, D, D, C, W, W, W, W, W, W, W],
  submitted: [D, D, D, D, D, 'pending', W, W, W, W, W],
  rejected: [D, D, D, C, D, 'failed', W, W, W, W, W],
  approved: [D, D, D, D, D, D, C, W, W, W, W],
  paid: [D, D, D, D, D, D, D, W, W, W, W],
  ticket: [D, D, D, D, D, D, D, C, W, W, W],
  scored: [D, D, D, D, D, D, D, D, D, D, W],
  certified: [D, D, D, D, D, D, D, D, D, D, D],
};

describe('rk-status-timeline', () => {
  for (const [stage, expected] of Object.entries(EXPECTED)) {
    it(`shows each step’s state for a candidate at “${stage}”`, async () => {
      const el = await timelineAt(stage === 'signed-out' ? null : (stage as CandidateStage));
      expect(Object.values(states(el))).to.deep.equal(expected);
      const current = expected.indexOf('current');
      const items = el.shadowRoot!.querySelectorAll('li');
      expect(el.current).to.equal(current >= 0 ? items[current]!.dataset.step : '');
      expect(Array.from(items, (li) => li.getAttribute('aria-current')).filter((value) => value === 'step')).to.have.length(current >= 0 ? 1 : 0);
    });
  }

  it('says when a waiting step opens, and why review failed', async () => {
    const paid = await timelineAt('paid');
    const opensAt = office.getExamSession().ticketWindow.opensAt;
    const ticket = $(paid, 'li[data-step="ticket"] button');
    expect(ticket.textContent).to.contain(`${Number(opensAt.slice(5, 7))}月${Number(opensAt.slice(8, 10))}日 开放`);
    paid.parentElement!.parentElement!.remove();
    const rejected = await timelineAt('rejected');
    expect(rejected.shadowRoot!.textContent).to.contain(REJECTION_REASON);
    expect($(rejected, '[part="action"]').textContent).to.contain('填写报名信息');
  });

  it('is an ordered list whose steps say their number, name and state', async () => {
    const el = await timelineAt('approved');
    expect(el.shadowRoot!.querySelector('ol')).to.not.equal(null);
    // The button's name is its text: visible name and state, with the step number and separators hidden.
    // (The marker's number is aria-hidden: not part of the name.)
    const label = $(el, 'li[data-step="payment"] button .label').textContent!.replace(/<!--.*?-->/g, '').trim();
    expect($(el, 'li[data-step="payment"] [part="marker"]').getAttribute('aria-hidden')).to.equal('true');
    expect(label).to.equal('第 7 步，网上缴费：进行中');
    await expect(el).to.be.accessible();
  });

  it('fires rk-navigate for a step and for the current step’s action', async () => {
    const el = await timelineAt('approved');
    let event = oneEvent(el, 'rk-navigate');
    $<HTMLButtonElement>(el, 'li[data-step="review"] button').click();
    expect((await event).detail).to.deep.equal({ step: 'review', action: false });
    event = oneEvent(el, 'rk-navigate');
    const action = $<HTMLButtonElement>(el, '[part="action"]');
    expect(action.textContent).to.contain('去缴费');
    action.click();
    expect((await event).detail).to.deep.equal({ step: 'payment', action: true });
  });

  it('lies horizontally in a wide column and vertically in a narrow one', async () => {
    const wide = await timelineAt('approved', 1000);
    expect(getComputedStyle($(wide, 'ol')).flexDirection).to.equal('row');
    wide.parentElement!.parentElement!.remove();
    const narrow = await timelineAt('approved', 360);
    expect(getComputedStyle($(narrow, 'ol')).flexDirection).to.equal('column');
  });

  it('follows a step done elsewhere on refresh()', async () => {
    const el = await timelineAt('submitted');
    expect(el.current).to.equal('');
    office.approve();
    await el.refresh();
    await el.updateComplete;
    expect(el.current).to.equal('payment');
  });

  it('a session that has ended: rk-session-expired, and the steps start again from 登录', async () => {
    const el = await timelineAt('approved');
    office.reset(); // every session ends
    const expired = oneEvent(el, 'rk-session-expired');
    void el.refresh();
    await expired;
    await waitUntil(() => el.state === 'ready' && states(el).account === 'current', `not back at 登录 (is ${el.state})`, { timeout: 5000 });
    expect((el.closest('rk-provider') as HTMLElement & { session: unknown }).session).to.equal(null);
    expect(Object.values(states(el))).to.deep.equal(EXPECTED['signed-out']);
  });

  it('says 审核中 while the office reviews, not 未开始', async () => {
    const el = await timelineAt('submitted');
    const review = $(el, 'li[data-step="review"] button .label').textContent!.replace(/<!--.*?-->/g, '').trim();
    expect(review).to.equal('第 6 步，报名审核：审核中');
  });

  it('keeps a date and “开放” each in one piece in a narrow horizontal bar (Chinese breaks between any two characters)', async () => {
    const el = await timelineAt('paid', 700);
    expect(getComputedStyle($(el, 'ol')).flexDirection).to.equal('row');
    const state = $(el, 'li[data-step="ticket"] .state');
    const node = state.firstChild!.nodeType === Node.TEXT_NODE ? state.firstChild! : Array.from(state.childNodes).find((child) => child.nodeType === Node.TEXT_NODE)!;
    const text = node.textContent!;
    const opensAt = office.getExamSession().ticketWindow.opensAt;
    const day = `${Number(opensAt.slice(5, 7))}月${Number(opensAt.slice(8, 10))}日`;
    /** How many lines the substring takes on screen. */
    const lines = (part: string) => {
      const range = document.createRange();
      const start = text.indexOf(part);
      expect(start, `${part} in ${text}`).to.be.at.least(0);
      range.setStart(node, start);
      range.setEnd(node, start + part.length);
      return new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size;
    };
    expect(lines(day), `${day} on one line`).to.equal(1);
    expect(lines('开放'), '开放 on one line').to.equal(1);
  });

  it('asks again by itself when its action is used, alone on a page', async () => {
    const el = await timelineAt('ticket');
    expect(el.current).to.equal('ticket');
    office.publishScores();
    $<HTMLButtonElement>(el, '[part="action"]').click();
    await waitUntil(() => states(el).score === 'done', 'the step bar stayed behind', { timeout: 5000 });
  });

  it('asks again by itself when the tab is shown again, alone on a page', async function () {
    this.timeout(15_000);
    const el = await timelineAt('submitted');
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    office.approve();
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => el.current === 'payment', 'the step bar stayed behind', { timeout: 5000 });
  });
});
