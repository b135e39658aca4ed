/** rk-exam-plan: the round's plan as tables (cards on phones), filter by level, choosing for the form. */
import { expect, fixture, html, oneEvent, waitUntil } from './helpers/testing.js';
import { a11ySnapshot, findAccessibilityNode } from '@web/test-runner-commands';
import '../src/components/exam-plan/rk-exam-plan.js';
import '../src/components/provider/rk-provider.js';
import type { RkExamPlan } from '../src/components/exam-plan/rk-exam-plan.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import { HttpBackend } from '../src/services/http-backend.js';
import type { ExamSession } from '../src/services/schemas.js';
import { QUALIFICATIONS, type ExamOffice } from '../src/mocks/index.js';
import { $, textOf } from './helpers/form-driver.js';
import { freshOffice } from './helpers/mock-office.js';
import { engine, setViewport } from './helpers/commands.js';

let office: ExamOffice;

beforeEach(async () => {
  office = await freshOffice();
});

afterEach(async () => {
  await setViewport({ width: 800, height: 600 });
});

async function plan(): Promise<RkExamPlan> {
  const provider = await fixture<RkProvider>(
    html`<rk-provider .backend=${new HttpBackend({ baseUrl: '/api' })}><rk-exam-plan></rk-exam-plan></rk-provider>`,
  );
  const el = provider.querySelector('rk-exam-plan')!;
  await waitUntil(() => el.state === 'ready', 'plan never loaded', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

const rowNames = (el: RkExamPlan) => Array.from(el.shadowRoot!.querySelectorAll('tbody th.name'), (th) => th.textContent!.trim());

describe('rk-exam-plan', () => {
  it('lists every level, qualification and subject of the round, with Yunnan’s fee per level', async () => {
    const el = await plan();
    const session = office.getExamSession();
    expect(rowNames(el)).to.deep.equal(session.plan.levels.flatMap((level) => level.qualifications.map((q) => q.name)));
    expect(rowNames(el)).to.include.members(QUALIFICATIONS.junior.map(([, name]) => name));
    const text = textOf(el);
    expect(text).to.contain('高级（5 个资格）');
    expect(text).to.contain('150.00 元（按级别）');
    expect(text).to.contain('100.00 元（按级别）');
    expect(text).to.contain('论文');
    expect(text).to.contain('14:30–16:30');
    expect(text).to.contain(session.name);
    await expect(el).to.be.accessible();
  });

  it('filters by level', async () => {
    const el = await plan();
    const radios = el.shadowRoot!.querySelectorAll<HTMLInputElement>('[part="filter"] input');
    radios[3]!.click(); // 初级
    await el.updateComplete;
    expect(el.getAttribute('level')).to.equal('junior');
    expect(rowNames(el)).to.deep.equal(QUALIFICATIONS.junior.map(([, name]) => name));
    radios[0]!.click();
    await el.updateComplete;
    expect(rowNames(el)).to.have.length(20);
  });

  it('choosing fires rk-plan-select with the ids the form takes, and marks the row', async () => {
    const el = await plan();
    const row = Array.from(el.shadowRoot!.querySelectorAll('tbody tr')).find((tr) => tr.textContent!.includes('软件设计师'))!;
    const chosen = oneEvent(el, 'rk-plan-select');
    row.querySelector('button')!.click();
    const { detail } = await chosen;
    expect(detail).to.deep.equal({ levelId: 'intermediate', qualificationId: 'software-designer', level: '中级', qualification: '软件设计师' });
    await el.updateComplete;
    expect(el.getAttribute('selected')).to.equal('software-designer');
    expect(row.getAttribute('aria-current')).to.equal('true');
    expect(row.querySelector('button')!.getAttribute('aria-pressed')).to.equal('true');
  });

  // The accessibility tree as the browser gives it to screen readers: Chromium's (over CDP; neither
  // WebDriver BiDi nor classic WebDriver hands it out).
  (engine === 'chromium' ? it : it.skip)('names each choose button once, with its qualification, for screen readers (选择报考…, 已选择报考…)', async () => {
    const el = await plan();
    type Node = { role: string; name: string; children: Node[] };
    const buttons = async () => {
      const names: string[] = [];
      findAccessibilityNode<Node>((await a11ySnapshot({})) as unknown as Node, (node) => {
        if (node.role === 'button' && node.name.includes('软件设计师')) names.push(node.name.replace(/\s+/g, ''));
        return false;
      });
      return names;
    };
    expect(await buttons()).to.deep.equal(['选择报考软件设计师']);
    const row = Array.from(el.shadowRoot!.querySelectorAll('tbody tr')).find((tr) => tr.textContent!.includes('软件设计师'))!;
    row.querySelector('button')!.click();
    await el.updateComplete;
    expect(await buttons()).to.deep.equal(['已选择报考软件设计师']);
  });

  it('shows a fee per subject or per qualification where the province charges so', async () => {
    const session: ExamSession = office.getExamSession();
    const [senior, intermediate] = session.plan.levels;
    delete senior!.feeFen;
    delete intermediate!.feeFen;
    senior!.qualifications[0]!.subjects.forEach((subject) => (subject.feeFen = 6000));
    intermediate!.qualifications[0]!.feeFen = 12000;
    const el = await fixture<RkExamPlan>(html`<rk-exam-plan readonly .examSession=${session}></rk-exam-plan>`);
    await el.updateComplete;
    const fees = Array.from(el.shadowRoot!.querySelectorAll('td.fee'), (td) => td.textContent!.trim());
    expect(fees[0]).to.equal('每科 60.00 元');
    expect(fees[senior!.qualifications.length]).to.equal('120.00 元');
    expect(fees[1]).to.equal('以考区公布为准');
    expect(el.shadowRoot!.querySelector('[part="select"]')).to.equal(null);
  });

  it('reads as cards on a 375 px phone, nothing wider than the screen', async () => {
    await setViewport({ width: 375, height: 800 });
    const el = await plan();
    const firstRow = $(el, 'tbody tr');
    expect(getComputedStyle(firstRow).display).to.equal('block');
    const tooWide = Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('*')).filter((n) => n.getBoundingClientRect().right > 376);
    expect(tooWide.map((n) => n.outerHTML.slice(0, 60))).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('a failed load offers a retry', async () => {
    office.faults = { latencyMs: 0, down: 'http-500', only: ['getExamSession'] };
    const provider = await fixture<RkProvider>(
      html`<rk-provider .backend=${new HttpBackend({ baseUrl: '/api' })}><rk-exam-plan></rk-exam-plan></rk-provider>`,
    );
    const el = provider.querySelector('rk-exam-plan')!;
    await waitUntil(() => el.state === 'error', 'no error state', { timeout: 5000 });
    office.faults = { latencyMs: 0, down: 'none' };
    $<HTMLButtonElement>(el, '[role="alert"] button').click();
    await waitUntil(() => el.state === 'ready', 'retry did not load');
  });
});
