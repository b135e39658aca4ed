import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/exam-arrangement/rk-exam-arrangement.js';
import '../src/components/provider/rk-provider.js';
import { queryStory, waitForState } from './query-story.js';

/** `rk-exam-arrangement` on the mock exam office, for 张三 at the stage the story names. */
const meta: Meta = {
  title: 'Elements/rk-exam-arrangement',
  component: 'rk-exam-arrangement',
  argTypes: { lang: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  args: { lang: 'zh-CN' },
  parameters: { stage: 'ticket' },
  render: (args, context) => queryStory(args, context, (lang) => html`<rk-exam-arrangement lang=${lang}></rk-exam-arrangement>`),
};
export default meta;
type Story = StoryObj;

const play = (state: string): Story['play'] => async ({ canvasElement }) => void (await waitForState(canvasElement, 'rk-exam-arrangement', state));

/** Tickets published: each subject's time, site, address, room and seat. */
export const Arrangement: Story = { play: play('ready') };

/** Paid, tickets not published yet: when the arrangement opens. */
export const NotYet: Story = { parameters: { stage: 'paid' }, play: play('unavailable') };

/** Not paid: why there is no arrangement. */
export const NotApplicable: Story = { parameters: { stage: 'approved' }, play: play('unavailable') };

/** The backend does not answer: the reason and 重试. */
export const LoadError: Story = { parameters: { scenario: 'backend-down' }, play: play('error') };

/** In English. */
export const English: Story = { args: { lang: 'en' }, play: play('ready') };
