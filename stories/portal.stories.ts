import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/portal/rk-portal.js';
import '../src/components/provider/rk-provider.js';
import { waitFor } from 'storybook/test';
import { queryStory } from './query-story.js';

/**
 * `rk-portal`: the whole flow in one element, on the mock exam office, for 张三 at the stage the
 * story names (signed out when none). The view follows the candidate's state.
 */
const meta: Meta = {
  title: 'Elements/rk-portal',
  component: 'rk-portal',
  argTypes: { lang: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  args: { lang: 'zh-CN' },
  parameters: { layout: 'fullscreen' },
  render: (args, context) => queryStory(args, context, () => html`<rk-portal></rk-portal>`),
};
export default meta;
type Story = StoryObj;

/** Waits until the portal's timeline has the candidate's state and its view's element is there (fetched on demand). */
const play: Story['play'] = async ({ canvasElement }) => {
  await waitFor(
    () => {
      const root = canvasElement.querySelector('rk-portal')?.shadowRoot;
      if (root?.querySelector('rk-status-timeline')?.getAttribute('state') !== 'ready') throw new Error('timeline not ready');
      if (root.querySelector('[part="content"] p[role="status"]')) throw new Error('view still loading');
    },
    { timeout: 8000 },
  );
};

/** Nobody signed in: log in or register. */
export const SignedOut: Story = { play };
/** Registered: real-name verification. */
export const Registered: Story = { parameters: { stage: 'registered' }, play };
/** Filling in the form. */
export const Draft: Story = { parameters: { stage: 'draft' }, play };
/** Waiting for review (待审核). */
export const Submitted: Story = { parameters: { stage: 'submitted' }, play };
/** Approved: the payment panel. */
export const Approved: Story = { parameters: { stage: 'approved' }, play };
/** Paid: the 报名表 to print. */
export const Paid: Story = { parameters: { stage: 'paid' }, play };
/** Tickets published: the 准考证. */
export const Ticket: Story = { parameters: { stage: 'ticket' }, play };
/** Certified: the certificate. */
export const Certified: Story = { parameters: { stage: 'certified' }, play };
/** In a phone-wide column: the navigation is a menu. */
export const Narrow: Story = {
  parameters: { stage: 'approved' },
  render: (args, context) => html`<div style="max-width: 375px">${queryStory(args, context, () => html`<rk-portal></rk-portal>`)}</div>`,
  play,
};
/** 适老化 large-text mode (`large-text` on rk-provider) in a phone-wide column. */
export const LargeText: Story = {
  parameters: { stage: 'approved' },
  render: (args, context) =>
    html`<div style="max-width: 375px">${queryStory(args, context, () => html`<rk-portal></rk-portal>`, { largeText: true })}</div>`,
  play,
};
/** In English. */
export const English: Story = { args: { lang: 'en' }, parameters: { stage: 'approved' }, play };
