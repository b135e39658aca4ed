/**
 * A demo-only element: shows the current round from the provider's backend and who is signed in,
 * proving the provider's contexts reach a nested element (the provider's stories use it).
 */
import { ContextConsumer } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { backendContext, sessionContext } from '../src/services/context.js';
import { LocalizeController } from '../src/controllers/localize-controller.js';
import type { ExamSession } from '../src/services/schemas.js';

/** The card's own words: it is demo code, so they are not in the library's catalogs. */
const WORDS = {
  'zh-CN': {
    registration: '报名时间', payment: '缴费时间', exam: '考试时间', province: '报名省市', plan: '报考资格', session: '登录状态',
    to: ' 至 ', areas: (n: number) => `（考区 ${n} 个）`, count: (n: number) => ` ${n} 个`, sep: '，', list: '、',
    checking: '正在确认登录状态…', signedOut: '未登录', signedIn: '已登录：', verified: '（已实名认证）', unverified: '（未实名认证）',
  },
  en: {
    registration: 'Registration', payment: 'Payment', exam: 'Exam days', province: 'Province', plan: 'Qualifications', session: 'Signed in',
    to: ' to ', areas: (n: number) => ` (${n} exam areas)`, count: (n: number) => `: ${n}`, sep: '; ', list: ', ',
    checking: 'Checking…', signedOut: 'No', signedIn: 'Yes: ', verified: ' (real name verified)', unverified: ' (real name not verified)',
  },
};

export class DemoRoundCard extends LitElement {
  static override styles = css`
    :host { display: block; border: 1px solid var(--rk-color-border); border-radius: var(--rk-radius); padding: 16px; }
    h2 { margin: 0 0 8px; font-size: 1.15rem; color: var(--rk-color-primary); }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 12px; }
    dt { color: var(--rk-color-muted); }
    dd { margin: 0; }
    .error { color: var(--rk-color-danger); }
    button { font: inherit; min-height: var(--rk-target-size); padding: 0 16px; border-radius: var(--rk-radius);
      border: 1px solid var(--rk-color-primary); background: var(--rk-color-primary); color: var(--rk-color-primary-contrast); cursor: pointer; }
    button:focus-visible { outline: 3px solid var(--rk-color-focus); outline-offset: 2px; }
    @media (max-width: 480px) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 6px; } }
  `;

  #backend = new ContextConsumer(this, {
    context: backendContext,
    subscribe: true,
    callback: () => void this.load(),
  });
  #session = new ContextConsumer(this, { context: sessionContext, subscribe: true });
  #localize = new LocalizeController(this);
  @state() private round: ExamSession | undefined;
  @state() private error: unknown;
  @state() private loading = false;

  async load(): Promise<void> {
    const backend = this.#backend.value;
    if (!backend) return;
    this.loading = true;
    this.error = undefined;
    try {
      this.round = await backend.getExamSession();
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
  }

  protected override render() {
    const lang = this.#localize.lang;
    const w = WORDS[lang];
    const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
    const dateOnly = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
    const session = this.#session.value;
    const who =
      session === undefined
        ? w.checking
        : session === null
          ? w.signedOut
          : `${w.signedIn}${session.user.account}${session.realName?.status === 'verified' ? w.verified : w.unverified}`;
    if (this.error) {
      return html`<p class="error" role="alert">${this.#localize.error(this.error)}</p>
        <button type="button" @click=${() => this.load()}>${this.#localize.t('common.retry')}</button>`;
    }
    if (!this.round) return html`<p role="status">${this.#localize.t('common.loading')}</p>`;
    const { round } = this;
    const window = (span: { opensAt: string; closesAt: string }) =>
      `${dateTime.format(new Date(span.opensAt))}${w.to}${dateTime.format(new Date(span.closesAt))}`;
    return html`<h2>${round.name}</h2>
      <dl>
        <dt>${w.registration}</dt><dd>${window(round.registrationWindow)}</dd>
        <dt>${w.payment}</dt><dd>${window(round.paymentWindow)}</dd>
        <dt>${w.exam}</dt><dd>${round.examDates.map((d) => dateOnly.format(new Date(d))).join(w.list)}</dd>
        <dt>${w.province}</dt><dd>${round.provinces.map((p) => p.name).join(w.list)}${w.areas(round.provinces[0].areas.length)}</dd>
        <dt>${w.plan}</dt><dd>${round.plan.levels.map((l) => `${l.name}${w.count(l.qualifications.length)}`).join(w.sep)}</dd>
        <dt>${w.session}</dt><dd><span role="status">${who}</span></dd>
      </dl>
      ${this.loading ? html`<p role="status">${this.#localize.t('common.loading')}</p>` : nothing}`;
  }
}
customElements.get('demo-round-card') ?? customElements.define('demo-round-card', DemoRoundCard);
