/**
 * The demo's QA panel, outside the embedded elements: it plays the exam office's part (approve,
 * reject, paid, publish, …) on the demo's backend: the mock office in the browser (`npm start`:
 * scenarios and a signed-in candidate at any stage too) or the reference server (`npm run
 * server`: through the office API and the simulated payment gateway).
 */
import { css, html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SCENARIOS, type ScenarioName } from '../src/mocks/scenarios.js';
import type { RkPortal } from '../src/components/portal/rk-portal.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import type { DemoOfficeControls, SeedStage } from './office-controls.js';

const SCENARIO_LABELS: Record<ScenarioName, string> = {
  'happy-path': '正常流程',
  'review-rejected': '审核不通过',
  'registration-closed': '报名已截止',
  'payment-expired': '二维码已过期',
  'payment-failed': '支付失败',
  'backend-down': '服务器故障',
  'slow-network': '网络缓慢（3 秒）',
};

const STAGES: ReadonlyArray<readonly [SeedStage, string]> = [
  ['registered', '已注册，未实名'],
  ['verified', '已实名认证'],
  ['submitted', '已提交，待审核'],
  ['rejected', '审核不通过'],
  ['approved', '审核通过，待缴费'],
  ['paid', '已缴费'],
  ['ticket', '可打印准考证'],
  ['scored', '成绩已发布'],
  ['certified', '证书已签发'],
];

export class DemoQaPanel extends LitElement {
  static override styles = css`
    :host { display: block; font-size: 0.95rem; }
    label { display: block; margin: 12px 0 4px; font-weight: 600; }
    select, button, input { font: inherit; min-height: 44px; width: 100%; box-sizing: border-box; }
    .actions { display: grid; gap: 8px; margin-top: 12px; }
    button { border: 1px solid #0b4f94; background: #fff; color: #0b4f94; border-radius: 4px; cursor: pointer; }
    button:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
    p[role='status'] { color: #067647; min-height: 1.6em; }
    .hint { color: #52606d; font-size: 0.875rem; }
    .code { display: grid; grid-template-columns: 1fr auto; gap: 8px; }
    .code button { width: auto; padding: 0 12px; }
  `;

  /** The id of the rk-provider the panel drives. */
  @property() for = '';
  @property({ attribute: false }) controls: DemoOfficeControls | undefined;
  @state() private message = '';
  @state() private codeTarget = '';

  get #provider(): RkProvider | null {
    return document.getElementById(this.for) as RkProvider | null;
  }

  /** Does what the office does, says so, and lets the portal show the new state. */
  async #act(label: string, action: (controls: DemoOfficeControls) => Promise<unknown> | undefined) {
    if (!this.controls) return;
    try {
      await action(this.controls);
      this.message = `${label}：完成`;
    } catch (error) {
      this.message = `${label}：${error instanceof Error ? error.message : String(error)}`;
    }
    await document.querySelector<RkPortal>('rk-portal')?.refresh();
  }

  /** The session changed behind the provider's back (a new scenario forgets every account). */
  #reloadSession() {
    const provider = this.#provider;
    if (provider) void provider.reloadSession();
  }

  async #setScenario(name: ScenarioName) {
    await this.#act(`场景「${SCENARIO_LABELS[name]}」`, async (controls) => controls.setScenario?.(name));
    this.#reloadSession();
  }

  async #signIn(stage: SeedStage) {
    await this.#act('模拟考生登录', (controls) => controls.signInSeeded?.(stage));
    this.#reloadSession();
  }

  async #showCode() {
    const target = this.codeTarget.trim();
    try {
      this.message = `验证码：${await this.controls!.sentCode!(target)}`;
    } catch (error) {
      this.message = `查看验证码：${error instanceof Error ? error.message : String(error)}`;
    }
  }

  async #reset() {
    await this.controls?.reset();
    location.reload();
  }

  protected override render() {
    const controls = this.controls;
    if (!controls) return nothing;
    const server = controls.backend === 'server';
    return html`
      ${controls.setScenario
        ? html`<label for="scenario">场景</label>
            <select id="scenario" @change=${(e: Event) => void this.#setScenario((e.target as HTMLSelectElement).value as ScenarioName)}>
              ${SCENARIOS.map((name) => html`<option value=${name} ?selected=${controls.scenario === name}>${SCENARIO_LABELS[name]}</option>`)}
            </select>`
        : nothing}
      ${controls.signInSeeded
        ? html`<label for="stage">模拟考生登录（流程阶段）</label>
            <select id="stage" @change=${(e: Event) => void this.#signIn((e.target as HTMLSelectElement).value as SeedStage)}>
              <option value="">— 选择阶段 —</option>
              ${STAGES.map(([value, label]) => html`<option value=${value}>${label}</option>`)}
            </select>`
        : nothing}
      <div class="actions">
        <button type="button" id="approve" @click=${() => this.#act('审核通过', (c) => c.approve())}>审核通过</button>
        <button type="button" id="reject" @click=${() => this.#act('审核不通过', (c) => c.reject('照片背景不是白色，请重新上传符合要求的照片。'))}>审核不通过</button>
        ${controls.payAtGateway
          ? html`<button type="button" id="pay-at-gateway" @click=${() => this.#act('模拟扫码支付', (c) => c.payAtGateway!())}>模拟扫码支付（网关通知）</button>`
          : nothing}
        <button type="button" id="mark-paid" @click=${() => this.#act('确认缴费', (c) => c.markPaid())}>${server ? '人工确认缴费（考务接口）' : '标记订单已支付'}</button>
        <button type="button" id="fail-payment" @click=${() => this.#act('支付失败', (c) => c.failPayment('支付失败：银行卡余额不足，请更换支付方式后重新支付。'))}>模拟支付失败</button>
        ${controls.expireOrders ? html`<button type="button" id="expire" @click=${() => this.#act('二维码过期', (c) => c.expireOrders!())}>让二维码过期</button>` : nothing}
        <button type="button" id="answer-change" @click=${() => this.#act('同意变更申请', (c) => c.answerChangeRequest(true, '已按申请变更。'))}>同意变更申请</button>
        <button type="button" id="publish-tickets" @click=${() => this.#act('发布准考证', (c) => c.publishTickets())}>发布准考证</button>
        <button type="button" id="publish-scores" @click=${() => this.#act('发布成绩', (c) => c.publishScores())}>发布成绩</button>
        <button type="button" id="issue-certificates" @click=${() => this.#act('签发证书', (c) => c.issueCertificates())}>签发证书</button>
        <button type="button" id="reset" @click=${() => void this.#reset()}>${server ? '退出登录并刷新' : '重置演示（清除所有数据）'}</button>
      </div>
      ${controls.sentCode
        ? html`<label for="code-target">查看已发送的验证码（测试接口）</label>
            <div class="code">
              <input id="code-target" inputmode="email" placeholder="手机号或邮箱" .value=${this.codeTarget} @input=${(e: Event) => (this.codeTarget = (e.target as HTMLInputElement).value)} />
              <button type="button" id="show-code" @click=${() => void this.#showCode()}>查看</button>
            </div>`
        : nothing}
      <p class="hint">
        ${server
          ? '提示：连接的是参考服务器（PostgreSQL，数据保存在服务器上）。图形验证码须按图填写，短信/邮件验证码写在服务器日志里，也可在上方查看。'
          : '提示：验证码固定为 123456，图形验证码可填 0000。'}
      </p>
      <p role="status">${this.message}</p>
    `;
  }
}
customElements.get('demo-qa-panel') ?? customElements.define('demo-qa-panel', DemoQaPanel);
