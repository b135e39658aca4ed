/**
 * A demo-only element: shows the current round from the provider's backend and who is signed in,
 * proving the provider's contexts reach a nested element. The flow's real elements replace it.
 */
import { ContextConsumer } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { backendContext, sessionContext } from '../src/services/context.js';
import { LocalizeController } from '../src/controllers/localize-controller.js';
import type { ExamSession } from '../src/services/schemas.js';

const dateTime = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
const dateOnly = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'long', timeZone: 'UTC' });

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
    const session = this.#session.value;
    const who =
      session === undefined ? '正在确认登录状态…' : session === null ? '未登录' : `已登录：${session.user.account}${session.realName?.status === 'verified' ? '（已实名认证）' : '（未实名认证）'}`;
    if (this.error) {
      return html`<p class="error" role="alert">${this.#localize.error(this.error)}</p>
        <button type="button" @click=${() => this.load()}>${this.#localize.t('common.retry')}</button>`;
    }
    if (!this.round) return html`<p role="status">${this.#localize.t('common.loading')}</p>`;
    const { round } = this;
    const window = (w: { opensAt: string; closesAt: string }) =>
      `${dateTime.format(new Date(w.opensAt))} 至 ${dateTime.format(new Date(w.closesAt))}`;
    return html`<h2>${round.name}</h2>
      <dl>
        <dt>报名时间</dt><dd>${window(round.registrationWindow)}</dd>
        <dt>缴费时间</dt><dd>${window(round.paymentWindow)}</dd>
        <dt>考试时间</dt><dd>${round.examDates.map((d) => dateOnly.format(new Date(d))).join('、')}</dd>
        <dt>报名省市</dt><dd>${round.provinces.map((p) => p.name).join('、')}（考区 ${round.provinces[0].areas.length} 个）</dd>
        <dt>报考资格</dt><dd>${round.plan.levels.map((l) => `${l.name} ${l.qualifications.length} 个`).join('，')}</dd>
        <dt>登录状态</dt><dd role="status">${who}</dd>
      </dl>
      ${this.loading ? html`<p role="status">${this.#localize.t('common.loading')}</p>` : nothing}`;
  }
}
customElements.get('demo-round-card') ?? customElements.define('demo-round-card', DemoRoundCard);
