/** rk-score-query: scores against the pass line, absent subjects, the overall result, before release. */
import { expect, fixture, html, waitUntil } from './helpers/testing.js';
import '../src/components/score-query/rk-score-query.js';
import type { RkScoreQuery } from '../src/components/score-query/rk-score-query.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import type { ExamOffice } from '../src/mocks/index.js';
import { HttpBackend } from '../src/services/http-backend.js';
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

  it('asks again when the candidate signs in after the page opened signed out', async () => {
    // The element asks before the provider knows who is signed in: nobody, so it says 请先登录.
    let token = 'nobody';
    const backend = new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
    const provider = await fixture<RkProvider>(html`<rk-provider .backend=${backend}><rk-score-query></rk-score-query></rk-provider>`);
    const el = provider.querySelector('rk-score-query') as RkScoreQuery;
    await waitUntil(() => provider.session === null && el.getAttribute('state') === 'signed-out', 'not signed out', { timeout: 5000 });
    // Then the candidate logs in (here: the page hands the provider the new session).
    const seeded = office.seedCandidate({ stage: 'scored' });
    token = seeded.token;
    provider.session = office.getSession(token).session;
    await waitUntil(() => el.getAttribute('state') === 'ready', `not asked again (state ${el.getAttribute('state')})`, { timeout: 5000 });
    expect(el.result).to.equal('passed');
  });
});

