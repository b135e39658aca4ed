import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/certificate-query/rk-certificate-query.js';
import '../src/components/provider/rk-provider.js';
import { queryStory, waitForState } from './query-story.js';

/** `rk-certificate-query` on the mock exam office, for 张三 at the stage the story names. */
const meta: Meta = {
  title: 'Elements/rk-certificate-query',
  component: 'rk-certificate-query',
  argTypes: { lang: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  args: { lang: 'zh-CN' },
  parameters: { stage: 'certified' },
  render: (args, context) => queryStory(args, context, (lang) => html`<rk-certificate-query lang=${lang}></rk-certificate-query>`),
};
export default meta;
type Story = StoryObj;

const play = (state: string): Story['play'] => async ({ canvasElement }) => void (await waitForState(canvasElement, 'rk-certificate-query', state));

/** Issued: number, qualification, level, date, status, issuer. */
export const Issued: Story = { play: play('ready') };

/** Scored but no certificate yet: when certificates usually appear. */
export const None: Story = { parameters: { stage: 'scored' }, play: play('empty') };

/** The backend does not answer: the reason and 重试. */
export const LoadError: Story = { parameters: { scenario: 'backend-down' }, play: play('error') };

/** In English. */
export const English: Story = { args: { lang: 'en' }, play: play('ready') };
