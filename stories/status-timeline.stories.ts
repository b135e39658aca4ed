import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/provider/rk-provider.js';
import '../src/components/status-timeline/rk-status-timeline.js';
import { queryStory, waitForState } from './query-story.js';

/** `rk-status-timeline` on the mock exam office, for 张三 at the stage the story names. */
const meta: Meta = {
  title: 'Elements/rk-status-timeline',
  component: 'rk-status-timeline',
  argTypes: { lang: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  args: { lang: 'zh-CN' },
  parameters: { stage: 'approved' },
  render: (args, context) => queryStory(args, context, () => html`<rk-status-timeline></rk-status-timeline>`),
};
export default meta;
type Story = StoryObj;

const play: Story['play'] = async ({ canvasElement }) => void (await waitForState(canvasElement, 'rk-status-timeline', 'ready'));

/** Nobody signed in: the first step is current. */
export const SignedOut: Story = { parameters: { stage: undefined }, play };
/** Registered, real name not verified yet. */
export const Registered: Story = { parameters: { stage: 'registered' }, play };
/** Filling in the form. */
export const Draft: Story = { parameters: { stage: 'draft' }, play };
/** Submitted, waiting for review (待审核). */
export const Submitted: Story = { parameters: { stage: 'submitted' }, play };
/** Rejected by the reviewer: the reason, back to the form. */
export const Rejected: Story = { parameters: { stage: 'rejected' }, play };
/** Approved: pay next. */
export const Approved: Story = { play };
/** Paid: the ticket opens on a date. */
export const Paid: Story = { parameters: { stage: 'paid' }, play };
/** The ticket can be printed. */
export const Ticket: Story = { parameters: { stage: 'ticket' }, play };
/** Everything done. */
export const Certified: Story = { parameters: { stage: 'certified' }, play };
/** In a phone-wide column: vertical. */
export const Narrow: Story = {
  render: (args, context) => html`<div style="max-width: 360px">${queryStory(args, context, () => html`<rk-status-timeline></rk-status-timeline>`)}</div>`,
  play,
};
/** In English. */
export const English: Story = { args: { lang: 'en' }, play };
