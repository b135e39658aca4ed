import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/provider/rk-provider.js';
import '../src/components/ticket-printer/rk-ticket-printer.js';
import { queryStory, waitForState } from './query-story.js';

/** `rk-ticket-printer` on the mock exam office, for 张三 at the stage the story names. */
const meta: Meta = {
  title: 'Elements/rk-ticket-printer',
  component: 'rk-ticket-printer',
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    document: { control: 'inline-radio', options: ['slip', 'ticket'] },
  },
  args: { lang: 'zh-CN', document: 'slip' },
  parameters: { stage: 'paid' },
  render: (args, context) =>
    queryStory(args, context, () => html`<rk-ticket-printer document=${args.document as string}></rk-ticket-printer>`),
};
export default meta;
type Story = StoryObj;

const play =
  (state = 'ready'): Story['play'] =>
  async ({ canvasElement }) =>
    void (await waitForState(canvasElement, 'rk-ticket-printer', state));

/** The 报名表 with barcode, photo and every field; 申请变更 and 打印报名表. */
export const Slip: Story = { play: play() };
/** A change request is being reviewed. */
export const ChangeRequested: Story = {
  render: (args, context) => {
    const candidate = context.loaded.candidate as { token: string };
    (context.loaded.office as import('../src/mocks/index.js').ExamOffice).requestChange(candidate.token, { reason: '考区选错，申请由丽江改为昆明考区。' });
    return queryStory(args, context, () => html`<rk-ticket-printer document="slip"></rk-ticket-printer>`);
  },
  play: play(),
};
/** Not paid yet: no 报名表. */
export const SlipNotYet: Story = { parameters: { stage: 'approved' }, play: play('unavailable') };
/** The 准考证. */
export const Ticket: Story = { args: { document: 'ticket' }, parameters: { stage: 'ticket' }, play: play() };
/** Before ticket printing opens: the date. */
export const TicketNotYet: Story = { args: { document: 'ticket' }, play: play('unavailable') };
/** In English. */
export const English: Story = { args: { lang: 'en', document: 'ticket' }, parameters: { stage: 'ticket' }, play: play() };
