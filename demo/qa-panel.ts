/**
 * The demo's QA panel, outside the embedded elements: it plays the exam office's part
 * (scenarios, a signed-in candidate at any stage, approve/reject, paid, publish) on the mock office.
 */
import { css, html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ExamOffice } from '../src/mocks/index.js';
import { SCENARIOS, type ScenarioName } from '../src/mocks/index.js';
import type { RkPortal } from '../src/components/portal/rk-portal.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import { forgetDemoState, signInSeededCandidate } from './demo-state.js';

const SCENARIO_LABELS: Record<ScenarioName, string> = {
  'happy-path': '正常流程',
  'review-rejected': '审核不通过',
  'registration-closed': '报名已截止',
  'payment-expired': '二维码已过期',
  'payment-failed': '支付失败',
  'backend-down': '服务器故障',
  'slow-network': '网络缓慢（3 秒）',
};

const STAGES = [
  ['registered', '已注册，未实名'],
  ['verified', '已实名认证'],
  ['submitted', '已提交，待审核'],
  ['rejected', '审核不通过'],
  ['approved', '审核通过，待缴费'],
  ['paid', '已缴费'],
  ['ticket', '可打印准考证'],
  ['scored', '成绩已发布'],
  ['certified', '证书已签发'],
] as const;

export class DemoQaPanel extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 0.95rem; }
    label { display: block; margin: 12px 0 4px; font-weight: 600; }
    select, button { font: inherit; min-height: 44px; width: 100%; }
    .actions { display: grid; gap: 8px; margin-top: 12px; }
    button { border: 1px solid #0b4f94; background: #fff; color: #0b4f94; border-radius: 4px; cursor: pointer; }
    button:focus-visible, select:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
    p[role='status'] { color: #067647; min-height: 1.6em; }
    .hint { color: #52606d; font-size: 0.875rem; }
  `;

  /** The id of the rk-provider the panel drives. */
  @property() for = '';
  @property({ attribute: false }) office: ExamOffice | undefined;
  @state() private message = '';

  get #provider(): RkProvider | null {
    return document.getElementById(this.for) as RkProvider | null;
  }

  /** Does what the office does, says so, and lets the portal show the new state. */
  #act(label: string, action: (office: ExamOffice) => unknown) {
    if (!this.office) return;
    try {
      action(this.office);
      this.message = `${label}：完成`;
    } catch (error) {
      this.message = `${label}：${error instanceof Error ? error.message : String(error)}`;
    }
    void document.querySelector<RkPortal>('rk-portal')?.refresh();
  }

  /** The session changed behind the provider's back (a new scenario forgets every account). */
  #reloadSession() {
    const provider = this.#provider;
    if (provider) void provider.reloadSession();
  }

  #setScenario(name: ScenarioName) {
    this.#act(`场景「${SCENARIO_LABELS[name]}」`, (office) => office.setScenario(name));
    this.#reloadSession();
  }

  async #signIn(stage: (typeof STAGES)[number][0]) {
    this.#act('模拟考生登录', (office) => office.seedCandidate({ stage }));
    try {
      await signInSeededCandidate();
    } catch (error) {
      this.message = `模拟考生登录：${error instanceof Error ? error.message : String(error)}`;
    }
    this.#reloadSession();
  }

  #reset() {
    forgetDemoState();
    location.reload();
  }

  protected override render() {
    return html`
      <label for="scenario">场景</label>
      <select id="scenario" @change=${(e: Event) => this.#setScenario((e.target as HTMLSelectElement).value as ScenarioName)}>
        ${SCENARIOS.map((name) => html`<option value=${name} ?selected=${this.office?.scenario === name}>${SCENARIO_LABELS[name]}</option>`)}
      </select>
      <label for="stage">模拟考生登录（流程阶段）</label>
      <select id="stage" @change=${(e: Event) => void this.#signIn((e.target as HTMLSelectElement).value as (typeof STAGES)[number][0])}>
        <option value="">— 选择阶段 —</option>
        ${STAGES.map(([value, label]) => html`<option value=${value}>${label}</option>`)}
      </select>
      <div class="actions">
        <button type="button" @click=${() => this.#act('审核通过', (o) => o.approve())}>审核通过</button>
        <button type="button" @click=${() => this.#act('审核不通过', (o) => o.reject('照片背景不是白色，请重新上传符合要求的照片。'))}>审核不通过</button>
        <button type="button" @click=${() => this.#act('标记已缴费', (o) => o.markPaid())}>标记订单已支付</button>
        <button type="button" @click=${() => this.#act('支付失败', (o) => o.failPayment('支付失败：银行卡余额不足，请更换支付方式后重新支付。'))}>模拟支付失败</button>
        <button type="button" @click=${() => this.#act('二维码过期', (o) => o.expireOrders())}>让二维码过期</button>
        <button type="button" @click=${() => this.#act('同意变更申请', (o) => o.answerChangeRequest(true, '已按申请变更。'))}>同意变更申请</button>
        <button type="button" @click=${() => this.#act('发布准考证', (o) => o.publishTickets())}>发布准考证</button>
        <button type="button" @click=${() => this.#act('发布成绩', (o) => o.publishScores())}>发布成绩</button>
        <button type="button" @click=${() => this.#act('签发证书', (o) => o.issueCertificates())}>签发证书</button>
        <button type="button" @click=${() => this.#reset()}>重置演示（清除所有数据）</button>
      </div>
      <p class="hint">提示：验证码固定为 123456，图形验证码可填 0000。</p>
      <p role="status">${this.message}</p>
    `;
  }
}
customElements.get('demo-qa-panel') ?? customElements.define('demo-qa-panel', DemoQaPanel);
