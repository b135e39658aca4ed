import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import '../src/components/payment-panel/rk-payment-panel.js';
import '../src/components/provider/rk-provider.js';
import type { RkPaymentPanel } from '../src/components/payment-panel/rk-payment-panel.js';
import type { ExamOffice, SeededCandidate } from '../src/mocks/index.js';
import { HttpBackend } from '../src/services/http-backend.js';
import type { ExamSession } from '../src/services/schemas.js';

/**
 * `rk-payment-panel` on the mock exam office, for 张三 (approved application, 中级 软件设计师,
 * 100.00 元) unless the story names another stage. The QA controls of the office play the
 * candidate's phone: `office.markPaid()` is the scan and pay.
 */
const meta: Meta = {
  title: 'Elements/rk-payment-panel',
  component: 'rk-payment-panel',
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    channel: { control: 'inline-radio', options: ['', 'alipay', 'wechat'] },
  },
  args: { lang: 'zh-CN', channel: '' },
  parameters: { stage: 'approved' },
  render: (args, context) => panelFor(args, context),
};
export default meta;
type Story = StoryObj;

const PHONES = ['0871-64312910 转 835、836', '0871-63626248'];

const office = (context: Pick<StoryContext, 'loaded'>) => context.loaded.office as ExamOffice;

/** The mock's backend, with the payment window moved when `shift` is given (an adapter may extend another like this). */
class StoryBackend extends HttpBackend {
  constructor(
    token: string | undefined,
    private readonly shift?: (session: ExamSession) => ExamSession['paymentWindow'],
  ) {
    super({ baseUrl: '/api', authHeaders: (): Record<string, string> => (token ? { Authorization: `Bearer ${token}` } : {}) });
  }
  override async getExamSession(options?: { signal?: AbortSignal }): Promise<ExamSession> {
    const session = await super.getExamSession(options);
    return this.shift ? { ...session, paymentWindow: this.shift(session) } : session;
  }
}

function backendOf(context: Pick<StoryContext, 'loaded'>, shift?: (session: ExamSession) => ExamSession['paymentWindow']): HttpBackend {
  const candidate = context.loaded.candidate as SeededCandidate | undefined;
  return new StoryBackend(candidate?.token, shift);
}

function forgetKeys(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('rk-payment-key:')) sessionStorage.removeItem(key);
}

function panelFor(args: Record<string, unknown>, context: Pick<StoryContext, 'loaded'>, backend: HttpBackend = backendOf(context)) {
  forgetKeys();
  return html`<rk-provider .backend=${backend} lang=${args.lang as string} .config=${{ contactPhones: PHONES }}>
    <rk-payment-panel channel=${(args.channel as string) || ''} help-after=${(args['help-after'] as number | undefined) ?? 60}></rk-payment-panel>
  </rk-provider>`;
}

async function panel(canvas: HTMLElement, state: string): Promise<RkPaymentPanel> {
  const el = await waitFor(
    () => {
      const found = canvas.querySelector('rk-payment-panel');
      if (!found || found.getAttribute('state') !== state) throw new Error(`state ${found?.getAttribute('state')}`);
      return found;
    },
    { timeout: 8000 },
  );
  await el.updateComplete;
  return el;
}

async function showCode(canvas: HTMLElement, channel: 'alipay' | 'wechat'): Promise<RkPaymentPanel> {
  const el = await panel(canvas, 'choose');
  el.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${channel}"]`)!.click();
  const shown = await panel(canvas, 'unpaid');
  await waitFor(() => {
    if (!shown.shadowRoot!.querySelector('svg[part="qr-code"]')) throw new Error('no code yet');
  });
  return shown;
}

/** Approved: the fee and the window; the candidate chooses how to pay. */
export const Choose: Story = { play: async ({ canvasElement }) => void (await panel(canvasElement, 'choose')) };

/** The Alipay QR code (支付宝扫码), its countdown and "我已完成支付". */
export const AlipayCode: Story = { play: async ({ canvasElement }) => void (await showCode(canvasElement, 'alipay')) };

/** The WeChat QR code (微信扫码). */
export const WeChatCode: Story = { play: async ({ canvasElement }) => void (await showCode(canvasElement, 'wechat')) };

/** Paid while the page polled: the receipt of the seed (支付单号, 非税支付, 时间, 金额, 缴费成功). */
export const Paid: Story = {
  play: async ({ canvasElement, loaded }) => {
    await showCode(canvasElement, 'alipay');
    office({ loaded }).markPaid();
    await panel(canvasElement, 'paid');
  },
};

/** The gateway is processing the payment (支付处理中). */
export const Paying: Story = {
  parameters: { scenario: 'payment-failed' },
  play: async ({ canvasElement }) => {
    const el = await showCode(canvasElement, 'wechat');
    el.pollInterval = 600_000;
    await el.checkNow();
    await panel(canvasElement, 'paying');
  },
};

/** The payment failed (scenario payment-failed): the reason and "重新支付". */
export const Failed: Story = {
  parameters: { scenario: 'payment-failed' },
  play: async ({ canvasElement }) => {
    const el = await showCode(canvasElement, 'alipay');
    await el.checkNow();
    await el.checkNow();
    await panel(canvasElement, 'failed');
  },
};

/** The code ran out (scenario payment-expired): covered with "二维码已过期，点击刷新". */
export const Expired: Story = {
  parameters: { scenario: 'payment-expired' },
  play: async ({ canvasElement }) => {
    const el = await panel(canvasElement, 'choose');
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value="alipay"]')!.click();
    await panel(canvasElement, 'expired');
  },
};

/** The candidate said they paid long ago and nothing arrived: the help text with the office's phones. */
export const Help: Story = {
  args: { 'help-after': 0 },
  play: async ({ canvasElement }) => {
    const el = await showCode(canvasElement, 'alipay');
    await el.checkNow();
    await el.updateComplete;
  },
};

/** Opened again after paying: the receipt, and no order can be created. */
export const AlreadyPaid: Story = {
  parameters: { stage: 'paid' },
  play: async ({ canvasElement }) => void (await panel(canvasElement, 'paid')),
};

/** Before the payment window: the dates, no code. */
export const WindowNotOpen: Story = {
  render: (args, context) =>
    panelFor(
      args,
      context,
      backendOf(context, (session) => ({
        opensAt: new Date(Date.parse(session.serverTime) + 3 * 86_400_000).toISOString(),
        closesAt: new Date(Date.parse(session.serverTime) + 10 * 86_400_000).toISOString(),
      })),
    ),
  play: async ({ canvasElement }) => void (await panel(canvasElement, 'window-not-open')),
};

/** After the payment window: the dates, no code. */
export const WindowClosed: Story = {
  render: (args, context) =>
    panelFor(
      args,
      context,
      backendOf(context, (session) => ({
        opensAt: new Date(Date.parse(session.serverTime) - 10 * 86_400_000).toISOString(),
        closesAt: new Date(Date.parse(session.serverTime) - 86_400_000).toISOString(),
      })),
    ),
  play: async ({ canvasElement }) => void (await panel(canvasElement, 'window-closed')),
};

/** Submitted, waiting for review (待审核): nothing to pay yet. */
export const AwaitingReview: Story = {
  parameters: { stage: 'submitted' },
  play: async ({ canvasElement }) => void (await panel(canvasElement, 'not-eligible')),
};

/** Rejected by the reviewer: the reason, nothing to pay. */
export const Rejected: Story = {
  parameters: { stage: 'rejected' },
  play: async ({ canvasElement }) => void (await panel(canvasElement, 'not-eligible')),
};

/** The backend does not answer (scenario backend-down): the reason and 重试. */
export const LoadError: Story = {
  parameters: { scenario: 'backend-down' },
  play: async ({ canvasElement }) => void (await panel(canvasElement, 'error')),
};

/** In English. */
export const English: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement }) => void (await showCode(canvasElement, 'wechat')),
};
