/** rk-score-query: scores against the pass line, absent subjects, the overall result, before release. */
import { expect, html } from '@open-wc/testing';
import '../src/components/score-query/rk-score-query.js';
import type { RkScoreQuery } from '../src/components/score-query/rk-score-query.js';
import type { ExamOffice } from '../src/mocks/index.js';
import { textOf } from './helpers/form-driver.js';
import { freshOffice } from './helpers/mock-office.js';
import { mountQuery } from './helpers/query-mount.js';

let office: ExamOffice;
beforeEach(async () => {
  office = await freshOffice();
});

const mount = (stage: Parameters<typeof mountQuery>[1], state: string, lang?: string) =>
  mountQuery<RkScoreQuery>(office, stage, html`<rk-score-query></rk-score-query>`, 'rk-score-query', state, lang);

const cells = (el: RkScoreQuery) =>
  Array.from(el.shadowRoot!.querySelectorAll('tbody tr'), (tr) => Array.from(tr.children, (cell) => cell.textContent!.trim()));

describe('rk-score-query', () => {
  it('shows each subject’s score, the pass line and the result, and the overall pass', async () => {
    const el = await mount('scored', 'ready');
    expect(el.result).to.equal('passed');
    expect(cells(el)).to.deep.equal([
      ['基础知识', '52 / 75', '45', '合格'],
      ['应用技术', '48 / 75', '45', '合格'],
    ]);
    expect(textOf(el)).to.contain('各科成绩均已合格');
    await expect(el).to.be.accessible();
  });

  it('marks a subject under the line and an absent one, and the overall fail, in words', async () => {
    const token = office.seedCandidate({ stage: 'ticket' }).token;
    office.publishScores([44.5, null], 42);
    const shown = await mountQuery<RkScoreQuery>(office, { token }, html`<rk-score-query></rk-score-query>`, 'rk-score-query', 'ready');
    expect(shown.result).to.equal('failed');
    expect(cells(shown)).to.deep.equal([
      ['基础知识', '44.5 / 75', '42', '合格'],
      ['应用技术', '缺考', '42', '不合格'],
    ]);
    expect(textOf(shown)).to.contain('未全部合格');
  });

  it('says when scores are published before release', async () => {
    const el = await mount('ticket', 'unavailable');
    const release = office.getExamSession().scoreReleaseAt;
    expect(textOf(el)).to.contain(release ? '成绩将于' : '成绩尚未开放查询');
  });

  it('speaks English', async () => {
    const el = await mount('scored', 'ready', 'en');
    expect(cells(el)[0]).to.deep.equal(['基础知识', '52 / 75', '45', 'Pass']);
    expect(textOf(el)).to.contain('Congratulations');
  });
});
