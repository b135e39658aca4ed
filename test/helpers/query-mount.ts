/** Mounts a query element in a provider, signed in as 张三 at a stage of the mock office. */
import { fixture, html, waitUntil } from './testing.js';
import type { LitElement, TemplateResult } from 'lit';
import '../../src/components/provider/rk-provider.js';
import type { CandidateStage, ExamOffice } from '../../src/mocks/index.js';
import { HttpBackend } from '../../src/services/http-backend.js';

export async function mountQuery<T extends LitElement>(
  office: ExamOffice,
  /** A stage to seed 张三 at, the token of a candidate seeded already, or null: nobody signed in. */
  stage: CandidateStage | { token: string } | null,
  element: TemplateResult,
  tag: string,
  state: string,
  lang = 'zh-CN',
): Promise<T> {
  const token = stage === null ? 'nobody' : typeof stage === 'string' ? office.seedCandidate({ stage }).token : stage.token;
  const backend = new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
  const provider = await fixture(html`<rk-provider .backend=${backend} lang=${lang}>${element}</rk-provider>`);
  const el = provider.querySelector(tag) as T;
  await waitUntil(() => el.getAttribute('state') === state, `${tag}: state never became ${state} (is ${el.getAttribute('state')})`, {
    timeout: 5000,
  });
  await el.updateComplete;
  return el;
}
