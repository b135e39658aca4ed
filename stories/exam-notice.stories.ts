import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import '../src/components/exam-notice/rk-exam-notice.js';
import '../src/components/provider/rk-provider.js';
import type { RkExamNotice } from '../src/components/exam-notice/rk-exam-notice.js';

/**
 * `rk-exam-notice` on the mock exam office: the round's 考生须知. The "我已阅读并同意" box unlocks
 * once the candidate has scrolled to the end, or after `min-seconds`.
 */
const meta: Meta = {
  title: 'Elements/rk-exam-notice',
  component: 'rk-exam-notice',
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    minSeconds: { control: 'number' },
  },
  args: { lang: 'zh-CN', minSeconds: 15 },
  render: (args) => {
    // An acceptance remembered from another story must not show here.
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('rk-notice-accepted:')) sessionStorage.removeItem(key);
    return html`<rk-provider api-base="/api" lang=${args.lang}>
      <rk-exam-notice min-seconds=${args.minSeconds}></rk-exam-notice>
    </rk-provider>`;
  },
};
export default meta;
type Story = StoryObj;

async function element(canvas: HTMLElement, state: string): Promise<RkExamNotice> {
  const el = await waitFor(
    () => {
      const found = canvas.querySelector('rk-exam-notice');
      if (!found || found.getAttribute('state') !== state) throw new Error(`state ${found?.getAttribute('state')}`);
      return found;
    },
    { timeout: 8000 },
  );
  await el.updateComplete;
  return el;
}

async function readToEnd(el: RkExamNotice, canvas: HTMLElement): Promise<void> {
  const text = el.shadowRoot!.querySelector<HTMLElement>('[part="text"]')!;
  text.scrollTop = text.scrollHeight;
  await element(canvas, 'ready');
}

/** Just opened: the box is locked, the hint counts down. */
export const Reading: Story = {
  play: async ({ canvasElement }) => {
    await element(canvasElement, 'reading');
  },
};

/** Read to the end: the box can be ticked. */
export const ReadToTheEnd: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement, 'reading');
    await readToEnd(el, canvasElement);
  },
};

/** "同意并继续" without ticking the box: said at the box. */
export const NotTicked: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement, 'reading');
    await readToEnd(el, canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="accept"]')!.click();
  },
};

/** Agreed: rk-notice-accepted fired. */
export const Accepted: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement, 'reading');
    await readToEnd(el, canvasElement);
    el.shadowRoot!.querySelector<HTMLInputElement>('#agree')!.click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="accept"]')!.click();
    await element(canvasElement, 'accepted');
  },
};

/** Unlocked by time (min-seconds="2") without scrolling. */
export const UnlockedByTime: Story = {
  args: { minSeconds: 2 },
  play: async ({ canvasElement }) => {
    await element(canvasElement, 'ready');
  },
};

/** In English (the notice itself is the backend's text). */
export const English: Story = { args: { lang: 'en' } };

/** The office does not answer: said, with a retry. */
export const LoadError: Story = {
  parameters: { scenario: 'backend-down' },
  play: async ({ canvasElement }) => {
    await element(canvasElement, 'error');
  },
};
