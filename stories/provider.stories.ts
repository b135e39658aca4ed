import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/provider/rk-provider.js';
import '../demo/round-card.js';
import { HttpBackend } from '../src/services/http-backend.js';

/**
 * `rk-provider` is invisible: it hands the backend, the session and the locale to the elements
 * inside it. These stories nest a small card that reads all three from the provider, on the mock
 * exam office.
 */
const meta: Meta = {
  title: 'Foundation/rk-provider',
  component: 'rk-provider',
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
  },
  args: { lang: 'zh-CN' },
  render: (args) => html`
    <rk-provider api-base="/api" lang=${args.lang}>
      <demo-round-card></demo-round-card>
    </rk-provider>
  `,
};
export default meta;
type Story = StoryObj;

/** Nobody signed in; the round comes from the mock office. */
export const SignedOut: Story = {};

/** A candidate with a verified real name, signed in through the `backend` property. */
export const SignedIn: Story = {
  parameters: { stage: 'verified' },
  render: (args, { loaded }) => {
    const token = (loaded.candidate as { token: string }).token;
    const backend = new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
    return html`<rk-provider .backend=${backend} lang=${args.lang}><demo-round-card></demo-round-card></rk-provider>`;
  },
};

/** The elements in English. */
export const English: Story = { args: { lang: 'en' } };

/** The backend answers 503: the provider says so and offers a retry. */
export const BackendDown: Story = { parameters: { scenario: 'backend-down' } };

/** Every call takes 3 s: loading states. */
export const SlowNetwork: Story = { parameters: { scenario: 'slow-network' } };
