import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/provider/rk-provider.js';
import '../src/components/score-query/rk-score-query.js';
import type { ExamOffice } from '../src/mocks/index.js';
import { queryStory, waitForState } from './query-story.js';

/** `rk-score-query` on the mock exam office, for 张三 at the stage the story names. */
const meta: Meta = {
  title: 'Elements/rk-score-query',
  component: 'rk-score-query',
  argTypes: { lang: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  args: { lang: 'zh-CN' },
  parameters: { stage: 'scored' },
  render: (args, context) => queryStory(args, context, (lang) => html`<rk-score-query lang=${lang}></rk-score-query>`),
};
export default meta;
type Story = StoryObj;

const play = (state: string): Story['play'] => async ({ canvasElement }) => void (await waitForState(canvasElement, 'rk-score-query', state));

/** Passed: every subject at or above the pass line of 45. */
export const Passed: Story = { play: play('ready') };

/** Not passed: one subject under the line, one absent (缺考). */
export const NotPassed: Story = {
  parameters: { stage: 'ticket' },
  render: (args, context) => {
    (context.loaded.office as ExamOffice).publishScores([44.5, null]);
    return queryStory(args, context, (lang) => html`<rk-score-query lang=${lang}></rk-score-query>`);
  },
  play: play('ready'),
};

/** Before release: when scores are published. */
export const NotYet: Story = { parameters: { stage: 'ticket' }, play: play('unavailable') };

/** The backend does not answer: the reason and 重试. */
export const LoadError: Story = { parameters: { scenario: 'backend-down' }, play: play('error') };

/** In English. */
export const English: Story = { args: { lang: 'en' }, play: play('ready') };
