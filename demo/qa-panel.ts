/**
 * The demo's QA panel, outside the embedded elements: it plays the exam office's part
 * (scenarios, a signed-in candidate at any stage, approve/reject, paid, publish) on the mock office.
 */
import { css, html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ExamOffice } from '../src/mocks/index.js';
import { SCENARIOS, type ScenarioName } from '../src/mocks/index.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import { HttpBackend } from '../src/services/http-backend.js';

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
  `;

  /** The id of the rk-provider the panel drives. */
  @property() for = '';
  @property({ attribute: false }) office: ExamOffice | undefined;
  @state() private message = '';

  get #provider(): RkProvider | null {
    return document.getElementById(this.for) as RkProvider | null;
  }

  #act(label: string, action: (office: ExamOffice) => void) {
    if (!this.office) return;
    try {
      action(this.office);
      this.message = `${label}：完成`;
    } catch (error) {
      this.message = `${label}：${error instanceof Error ? error.message : String(error)}`;
    }
  }

  #setScenario(name: ScenarioName) {
    this.#act(`场景「${SCENARIO_LABELS[name]}」`, (office) => office.setScenario(name));
    const provider = this.#provider;
    if (provider) {
      provider.backend = undefined;
      provider.session = undefined;
      void provider.reloadSession();
    }
  }

  #signIn(stage: (typeof STAGES)[number][0]) {
    this.#act('模拟考生登录', (office) => {
      const { token } = office.seedCandidate({ stage });
      const provider = this.#provider;
      if (provider) {
        provider.backend = new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
      }
    });
  }

  protected override render() {
    return html`
      <label for="scenario">场景</label>
      <select id="scenario" @change=${(e: Event) => this.#setScenario((e.target as HTMLSelectElement).value as ScenarioName)}>
        ${SCENARIOS.map((name) => html`<option value=${name}>${SCENARIO_LABELS[name]}</option>`)}
      </select>
      <label for="stage">模拟考生登录（流程阶段）</label>
      <select id="stage" @change=${(e: Event) => this.#signIn((e.target as HTMLSelectElement).value as (typeof STAGES)[number][0])}>
        <option value="">— 选择阶段 —</option>
        ${STAGES.map(([value, label]) => html`<option value=${value}>${label}</option>`)}
      </select>
      <div class="actions">
        <button type="button" @click=${() => this.#act('审核通过', (o) => o.approve())}>审核通过</button>
        <button type="button" @click=${() => this.#act('审核不通过', (o) => o.reject('照片背景不是白色，请重新上传符合要求的照片。'))}>审核不通过</button>
        <button type="button" @click=${() => this.#act('标记已缴费', (o) => o.markPaid())}>标记订单已支付</button>
        <button type="button" @click=${() => this.#act('发布准考证', (o) => o.publishTickets())}>发布准考证</button>
        <button type="button" @click=${() => this.#act('发布成绩', (o) => o.publishScores())}>发布成绩</button>
      </div>
      <p role="status">${this.message}</p>
    `;
  }
}
customElements.get('demo-qa-panel') ?? customElements.define('demo-qa-panel', DemoQaPanel);
