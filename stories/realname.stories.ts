import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import '../src/components/provider/rk-provider.js';
import '../src/components/realname/rk-realname.js';
import type { RkRealname } from '../src/components/realname/rk-realname.js';
import { MISMATCH_NAME, SEED_ID_NUMBER, type ExamOffice, type SeededCandidate } from '../src/mocks/index.js';
import { HttpBackend } from '../src/services/http-backend.js';

/**
 * `rk-realname` on the mock exam office, for a candidate who is signed in (a seeded candidate's
 * token) and has not verified yet. In the mock, resident ID numbers are verified at once, other
 * documents go to manual review (pending), and the name `测试不符` does not match its number.
 * 张三's card: 530702199005121238, issued 2020-06-01, valid until 2040-06-01.
 */
const meta: Meta = {
  title: 'Elements/rk-realname',
  component: 'rk-realname',
  argTypes: { lang: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  args: { lang: 'zh-CN' },
  parameters: { stage: 'registered' },
  render: (args, { loaded }) => {
    const candidate = loaded.candidate as SeededCandidate | undefined;
    const backend = new HttpBackend({
      baseUrl: '/api',
      authHeaders: (): Record<string, string> => (candidate ? { Authorization: `Bearer ${candidate.token}` } : {}),
    });
    return html`<rk-provider
      .backend=${backend}
      lang=${args.lang}
      .config=${{ contactPhones: ['0871-64312910 转 835、836', '0871-63626248'] }}
    >
      <rk-realname></rk-realname>
    </rk-provider>`;
  },
};
export default meta;
type Story = StoryObj;

// --- driving the element like a candidate ------------------------------------------------------

async function element(canvas: HTMLElement, state = 'idle'): Promise<RkRealname> {
  const el = await waitFor(
    () => {
      const found = canvas.querySelector('rk-realname');
      if (!found || found.getAttribute('state') !== state) throw new Error('not ready');
      return found;
    },
    { timeout: 5000 },
  );
  await el.updateComplete;
  return el;
}

function inner<T extends Element>(el: RkRealname, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

async function fill(el: RkRealname, values: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    const input = inner<HTMLInputElement | HTMLSelectElement>(el, `#${id}`);
    input.value = value;
    input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
    await el.updateComplete;
  }
}

async function leave(el: RkRealname, id: string): Promise<void> {
  inner(el, `#${id}`).dispatchEvent(new FocusEvent('blur'));
  await el.updateComplete;
}

async function submitAndWait(el: RkRealname, state: string): Promise<void> {
  inner<HTMLButtonElement>(el, 'button[type="submit"]').click();
  await waitFor(
    () => {
      if (el.getAttribute('state') !== state) throw new Error(`state ${el.getAttribute('state')}`);
    },
    { timeout: 5000 },
  );
  await el.updateComplete;
}

const seedCard = {
  name: '张三',
  'document-number': SEED_ID_NUMBER,
  'valid-from': '2020.06.01',
  'valid-to': '2040.06.01',
};

const office = (context: StoryContext) => context.loaded.office as ExamOffice;

// --- states ---------------------------------------------------------------------------------------

/** The empty form: 居民身份证 by default. */
export const Empty: Story = {};

/** In English. */
export const English: Story = { args: { lang: 'en' } };

/** Nobody is signed in: the element asks to log in first. */
export const SignedOut: Story = { parameters: { stage: null } };

/** Who is signed in is not known yet (every answer of the office takes 3 s). */
export const Loading: Story = { parameters: { scenario: 'slow-network' } };

/** A valid ID number: birth date, gender and age are derived and shown read-only. */
export const Derived: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await fill(el, { name: '阿依古丽·买买提', 'document-number': SEED_ID_NUMBER });
  },
};

/** Mistakes while typing: a wrong check character (live), an expired card, an end before the start. */
export const TypingErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await fill(el, {
      name: '张3',
      'document-number': `${SEED_ID_NUMBER.slice(0, 17)}0`,
      'valid-from': '2000.06.01',
      'valid-to': '2010.06.01',
    });
    await leave(el, 'name');
    await leave(el, 'valid-to');
  },
};

/** Submitted with problems: the summary takes focus and links to each field. */
export const ErrorSummary: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await fill(el, { name: '张三', 'valid-from': '2020.13.01' });
    await submitAndWait(el, 'error');
  },
};

/** The validity does not fit the ID-card rules (长期 at 30): a warning that does not block. */
export const ValidityWarning: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await fill(el, seedCard);
    inner<HTMLInputElement>(el, '#long-term').click();
    await el.updateComplete;
  },
};

/** The verification on its way. */
export const Submitting: Story = {
  play: async (context) => {
    const el = await element(context.canvasElement);
    office(context).faults = { latencyMs: 600_000, down: 'none', only: ['verifyRealName'] };
    await fill(el, seedCard);
    await submitAndWait(el, 'submitting');
  },
};

/** Name and number do not match: at both fields, with the next step and the office's phones. */
export const Mismatch: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await fill(el, { ...seedCard, name: MISMATCH_NAME });
    await submitAndWait(el, 'error');
  },
};

/** A passport goes to manual review: its own message and next step; the number only masked. */
export const Pending: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await fill(el, {
      name: 'Maria Garcia',
      'document-type': 'passport',
      'document-number': 'PA1234567',
      'valid-from': '2022.01.01',
      'valid-to': '2032.01.01',
    });
    await submitAndWait(el, 'pending');
  },
};

/**
 * The backend refuses with a reason (status `rejected`; the mock office never does, so this story
 * wraps its adapter): the reason on top, the form again with what was typed.
 */
export const Rejected: Story = {
  render: (args, { loaded }) => {
    const { token } = loaded.candidate as SeededCandidate;
    const backend = new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
    const verifyRealName = backend.verifyRealName.bind(backend);
    backend.verifyRealName = async (input, options) => ({
      ...(await verifyRealName(input, options)),
      status: 'rejected',
      verifiedAt: null,
      reason: '证件有效期与公安系统记录不一致，请核对证件背面的有效期限。',
    });
    return html`<rk-provider .backend=${backend} lang=${args.lang} .config=${{ contactPhones: ['0871-64312910'] }}>
      <rk-realname></rk-realname>
    </rk-provider>`;
  },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await fill(el, seedCard);
    await submitAndWait(el, 'rejected');
  },
};

/** The server fails: said at the top with a retry; nothing typed is lost. */
export const ServerError: Story = {
  play: async (context) => {
    const el = await element(context.canvasElement);
    office(context).faults = { latencyMs: 0, down: 'http-500', only: ['verifyRealName'] };
    await fill(el, seedCard);
    await submitAndWait(el, 'error');
  },
};

/** Verified: the number only masked, the session updated, and the way back home. */
export const Verified: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await fill(el, seedCard);
    await submitAndWait(el, 'verified');
  },
};

/** A candidate verified earlier: the result, masked. */
export const AlreadyVerified: Story = {
  parameters: { stage: 'verified' },
  play: async ({ canvasElement }) => {
    await element(canvasElement, 'verified');
  },
};
