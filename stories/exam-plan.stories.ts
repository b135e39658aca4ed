import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import '../src/components/exam-plan/rk-exam-plan.js';
import '../src/components/provider/rk-provider.js';
import type { RkExamPlan } from '../src/components/exam-plan/rk-exam-plan.js';
import type { ExamOffice } from '../src/mocks/index.js';

/**
 * `rk-exam-plan` on the mock exam office: the round's levels, qualifications, subjects with
 * their times, and Yunnan's fee per level. A table on wide screens, cards on phones.
 */
const meta: Meta = {
  title: 'Elements/rk-exam-plan',
  component: 'rk-exam-plan',
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    level: { control: 'inline-radio', options: ['', 'senior', 'intermediate', 'junior'] },
    readonly: { control: 'boolean' },
  },
  args: { lang: 'zh-CN', level: '', readonly: false, selected: '' },
  render: (args) => html`<rk-provider api-base="/api" lang=${args.lang}>
    <rk-exam-plan level=${args.level} selected=${args.selected} ?readonly=${args.readonly}></rk-exam-plan>
  </rk-provider>`,
};
export default meta;
type Story = StoryObj;

async function ready(canvas: HTMLElement, state = 'ready'): Promise<RkExamPlan> {
  const el = await waitFor(
    () => {
      const found = canvas.querySelector('rk-exam-plan');
      if (!found || found.getAttribute('state') !== state) throw new Error(`state ${found?.getAttribute('state')}`);
      return found;
    },
    { timeout: 8000 },
  );
  await el.updateComplete;
  return el;
}

const play: Story['play'] = async ({ canvasElement }) => {
  await ready(canvasElement);
};

/** Every level of the round. */
export const Plan: Story = { play };

/** Filtered: 中级 only. */
export const Intermediate: Story = { args: { level: 'intermediate' }, play };

/** A qualification chosen (软件设计师): the row marked, rk-plan-select fired. */
export const Chosen: Story = {
  args: { level: 'intermediate' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="select"]')!.click();
  },
};

/** Only to read (no choose buttons), as on an information page. */
export const ReadOnly: Story = { args: { readonly: true, level: 'senior' }, play };

/** A province that charges per subject and per qualification (the plan given as a property). */
export const FeesPerSubject: Story = {
  render: (args, context: StoryContext) => {
    const session = (context.loaded.office as ExamOffice).getExamSession();
    for (const level of session.plan.levels) {
      delete level.feeFen;
      level.qualifications.forEach((q, i) => {
        if (i % 2 === 0) q.subjects.forEach((s) => (s.feeFen = 6000 + (level.id === 'senior' ? 2000 : 0)));
        else q.feeFen = 11000;
      });
    }
    return html`<rk-exam-plan lang=${args.lang} level="senior" .examSession=${session}></rk-exam-plan>`;
  },
  play,
};

/** In English. */
export const English: Story = { args: { lang: 'en', level: 'senior' }, play };

/** The office does not answer: said, with a retry. */
export const LoadError: Story = {
  parameters: { scenario: 'backend-down' },
  play: async ({ canvasElement }) => {
    await ready(canvasElement, 'error');
  },
};
