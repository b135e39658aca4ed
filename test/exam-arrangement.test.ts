/** rk-exam-arrangement: the arrangement with the ticket, when it opens, why there is none, errors. */
import { expect, html, waitUntil } from './helpers/testing.js';
import '../src/components/exam-arrangement/rk-exam-arrangement.js';
import type { RkExamArrangement } from '../src/components/exam-arrangement/rk-exam-arrangement.js';
import type { ExamOffice } from '../src/mocks/index.js';
import { textOf } from './helpers/form-driver.js';
import { freshOffice } from './helpers/mock-office.js';
import { mountQuery } from './helpers/query-mount.js';
import { setViewport } from './helpers/commands.js';

let office: ExamOffice;
beforeEach(async () => {
  office = await freshOffice();
});
afterEach(async () => {
  await setViewport({ width: 800, height: 600 });
});

const mount = (stage: Parameters<typeof mountQuery>[1], state: string, lang?: string) =>
  mountQuery<RkExamArrangement>(office, stage, html`<rk-exam-arrangement></rk-exam-arrangement>`, 'rk-exam-arrangement', state, lang);

describe('rk-exam-arrangement', () => {
  it('shows every subject with its time, site, address, room and seat', async () => {
    const token = office.seedCandidate({ stage: 'ticket' }).token;
    const answer = office.getExamArrangement(token);
    if (answer.status !== 'available') throw new Error('the mock has no arrangement');
    const el = await mountQuery<RkExamArrangement>(office, { token }, html`<rk-exam-arrangement></rk-exam-arrangement>`, 'rk-exam-arrangement', 'ready');
    const rows = el.shadowRoot!.querySelectorAll('tbody tr');
    expect(rows).to.have.length(answer.content.items.length);
    const text = textOf(el);
    for (const item of answer.content.items) {
      for (const value of [item.subject, item.site.name, item.site.address, item.site.room, item.site.seat]) expect(text).to.contain(value);
    }
    // Beijing time, as the office gives it (+08:00).
    const [first] = answer.content.items;
    expect(first!.startsAt).to.match(/\+08:00$/);
    expect(text).to.contain(`${first!.startsAt.slice(11, 16)}–${first!.endsAt.slice(11, 16)}`);
    await expect(el).to.be.accessible();
  });

  it('says when the arrangement opens before tickets are published, and why there is none before payment', async () => {
    const notYet = await mount('paid', 'unavailable');
    const opensAt = office.getExamSession().ticketWindow.opensAt;
    expect(textOf(notYet)).to.contain('考试安排将于');
    expect(textOf(notYet)).to.contain(`${Number(opensAt.slice(5, 7))}月${Number(opensAt.slice(8, 10))}日`);
    notYet.parentElement!.remove();
    const none = await mount('approved', 'unavailable');
    expect(textOf(none)).to.contain('缴费成功后方可打印准考证');
  });

  it('shows a load failure with 重试 that recovers, and cards on phones', async () => {
    office.faults = { ...office.faults, down: 'http-500', only: ['getExamArrangement'] };
    const el = await mount('ticket', 'error');
    expect(textOf(el)).to.contain('500');
    office.faults = { ...office.faults, down: 'none' };
    el.shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await waitUntil(() => el.state === 'ready', 'did not recover', { timeout: 5000 });
    await setViewport({ width: 360, height: 700 });
    const cell = el.shadowRoot!.querySelector('td')!;
    expect(getComputedStyle(cell).display).to.equal('block');
    // The label comes from data-label through `content: attr(data-label)`: Chromium and WebKit
    // compute the text, Firefox keeps the attr() (its computed value), so read the attribute then.
    const content = getComputedStyle(cell, '::before').content;
    const label = content === 'attr(data-label)' ? cell.dataset.label : content;
    expect(label).to.contain('考试时间');
  });

  it('asks the candidate to sign in when the backend does not know them', async () => {
    const el = await mount(null, 'signed-out');
    expect(textOf(el)).to.contain('请先登录');
  });
});
