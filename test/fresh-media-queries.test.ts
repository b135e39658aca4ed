/**
 * An element made after the viewport changed gets the layout of the new viewport. WebKit keeps
 * the media queries of a constructed style sheet as they were when the last element using it left
 * the page (src/components/base/fresh-media-queries.ts): without the fix, a plan made on a phone
 * turned from landscape to portrait keeps its wide table. Fails in WebKit without the fix.
 */
import { expect, fixture, html, waitUntil } from './helpers/testing.js';
import '../src/components/exam-plan/rk-exam-plan.js';
import '../src/components/provider/rk-provider.js';
import type { RkExamPlan } from '../src/components/exam-plan/rk-exam-plan.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import { HttpBackend } from '../src/services/http-backend.js';
import { setViewport } from './helpers/commands.js';
import { freshOffice } from './helpers/mock-office.js';

async function plan(): Promise<RkExamPlan> {
  const provider = await fixture<RkProvider>(html`<rk-provider .backend=${new HttpBackend({ baseUrl: '/api' })}><rk-exam-plan></rk-exam-plan></rk-provider>`);
  const el = provider.querySelector('rk-exam-plan')!;
  await waitUntil(() => el.state === 'ready', 'plan never loaded', { timeout: 8000 });
  await el.updateComplete;
  return el;
}

const rowDisplay = (el: RkExamPlan) => getComputedStyle(el.shadowRoot!.querySelector('tbody tr')!).display;

describe('media queries of an element made after the viewport changed', () => {
  before(() => freshOffice());
  after(() => setViewport({ width: 800, height: 600 }));

  it('a plan made after the phone turned to portrait reads as cards, and one made after it turned back as a table', async function () {
    this.timeout(30000);
    await setViewport({ width: 800, height: 600 });
    const wide = await plan();
    expect(rowDisplay(wide)).to.equal('table-row');
    wide.closest('rk-provider')!.remove();

    await setViewport({ width: 375, height: 800 });
    const narrow = await plan();
    expect(rowDisplay(narrow), 'cards on the phone').to.equal('block');
    narrow.closest('rk-provider')!.remove();

    await setViewport({ width: 800, height: 600 });
    expect(rowDisplay(await plan()), 'a table again').to.equal('table-row');
  });
});
