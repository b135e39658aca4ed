/**
 * Script order does not matter: an element defined (and on the page) before the rk-provider
 * around it is defined gets the provider's backend, session and language once the provider is
 * defined, as a page that loads the provider's file last, or a bundle that imports it last,
 * would have it. Without the autoloader (which does the same for the files it loads).
 */
import { expect, waitUntil } from './helpers/testing.js';
import '../src/components/exam-plan/rk-exam-plan.js';
import type { RkExamPlan } from '../src/components/exam-plan/rk-exam-plan.js';
import { freshOffice } from './helpers/mock-office.js';

describe('an element defined before its rk-provider', () => {
  let provider: HTMLElement;
  before(() => freshOffice());
  after(() => provider.remove());

  it('gets the provider once the provider is defined, and loads its data in the provider’s language', async () => {
    expect(customElements.get('rk-provider'), 'this test needs rk-provider undefined at first').to.equal(undefined);
    provider = document.createElement('rk-provider');
    provider.setAttribute('api-base', '/api');
    provider.setAttribute('lang', 'en');
    const plan = document.createElement('rk-exam-plan') as RkExamPlan;
    provider.append(plan);
    document.body.append(provider);
    await plan.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await import('../src/components/provider/rk-provider.js');
    await waitUntil(() => plan.state === 'ready', `the plan never loaded (state ${plan.state})`, { timeout: 5000 });
    await plan.updateComplete;
    expect(plan.shadowRoot!.textContent).to.contain('Exam plan');
  });
});
