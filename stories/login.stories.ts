import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import '../src/components/login/rk-login.js';
import '../src/components/provider/rk-provider.js';
import type { RkLogin } from '../src/components/login/rk-login.js';
import { SEED_ACCOUNT, type ExamOffice, type SeededCandidate } from '../src/mocks/index.js';
import { HttpBackend } from '../src/services/http-backend.js';

/**
 * `rk-login` on the mock exam office: log in, register (phone or e-mail, code with a resend
 * countdown) and forgot password, with each answer of the backend at its place. In the mock the
 * captcha `0000` and the code `123456` always work; the seeded candidate logs in with
 * 13800138000 / Ruankao2026.
 */
const meta: Meta = {
  title: 'Elements/rk-login',
  component: 'rk-login',
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    mode: { control: 'inline-radio', options: ['login', 'register', 'reset'] },
  },
  args: { lang: 'zh-CN', mode: 'login' },
  render: (args) => html`
    <rk-provider api-base="/api" lang=${args.lang} .config=${{ contactPhones: ['0871-64312910 转 835、836'] }}>
      <rk-login mode=${args.mode}></rk-login>
    </rk-provider>
  `,
};
export default meta;
type Story = StoryObj;

// --- driving the element like a candidate ------------------------------------------------------

async function element(canvas: HTMLElement): Promise<RkLogin> {
  const el = await waitFor(() => {
    const found = canvas.querySelector('rk-login');
    if (!found) throw new Error('no rk-login yet');
    return found;
  });
  await el.updateComplete;
  return el;
}

function inner<T extends Element>(el: RkLogin, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

async function fill(el: RkLogin, values: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    const input = inner<HTMLInputElement>(el, `#${id}`);
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
  }
}

async function captchaLoaded(el: RkLogin): Promise<void> {
  await waitFor(() => inner(el, '[part="captcha-image"] img'), { timeout: 5000 });
}

async function submitAndWait(el: RkLogin, state: string): Promise<void> {
  inner<HTMLButtonElement>(el, 'button[type="submit"]').click();
  await waitFor(
    () => {
      if (el.getAttribute('state') !== state) throw new Error(`state ${el.getAttribute('state')}`);
    },
    { timeout: 5000 },
  );
  await el.updateComplete;
}

async function sendCode(el: RkLogin): Promise<void> {
  inner<HTMLButtonElement>(el, '[part="send-code"]').click();
  await waitFor(
    () => {
      const button = inner(el, '[part="send-code"]');
      if (button.textContent!.includes('…')) throw new Error('sending');
    },
    { timeout: 5000 },
  );
  await el.updateComplete;
}

const office = (context: StoryContext) => context.loaded.office as ExamOffice;

// --- empty -----------------------------------------------------------------------------------------

/** Log in: account (phone or e-mail, recognised as typed), password, captcha. */
export const LogIn: Story = {};

/** Register: phone or e-mail, captcha, verification code, password with its rules, confirmation. */
export const Register: Story = { args: { mode: 'register' } };

/** Forgot password: a code to the account, then a new password. */
export const ForgotPassword: Story = { args: { mode: 'reset' } };

/** The same in English. */
export const English: Story = { args: { lang: 'en', mode: 'register' } };

// --- typing --------------------------------------------------------------------------------------

/** While typing: the account recognised, the password rules ticking off. */
export const Typing: Story = {
  args: { mode: 'register' },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await captchaLoaded(el);
    await fill(el, { account: 'li.na@example.com', captcha: '0000', password: 'lina20' });
  },
};

/** The captcha picture shown twice as big (适老化: a captcha can be enlarged). */
export const CaptchaEnlarged: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await captchaLoaded(el);
    inner<HTMLButtonElement>(el, '.captcha-tools button').click();
    await el.updateComplete;
  },
};

/** Submitted with mistakes: the error summary takes focus and links to each field. */
export const TypingErrors: Story = {
  args: { mode: 'register' },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await captchaLoaded(el);
    await fill(el, { account: '1391234', password: 'abc', confirm: 'abd' });
    inner<HTMLInputElement>(el, '#account').dispatchEvent(new FocusEvent('blur'));
    await submitAndWait(el, 'error');
  },
};

// --- requests ------------------------------------------------------------------------------------

/** A log-in on its way: the button says so and a second click does nothing. */
export const Submitting: Story = {
  play: async (context) => {
    office(context).seedCandidate({ stage: 'registered' });
    const el = await element(context.canvasElement);
    await captchaLoaded(el);
    office(context).faults = { latencyMs: 600_000, down: 'none', only: ['login'] };
    await fill(el, { account: SEED_ACCOUNT.account, password: SEED_ACCOUNT.password, captcha: '0000' });
    await submitAndWait(el, 'submitting');
  },
};

/** A code was sent: the resend countdown (60 s) and the confirmation under the code. */
export const CodeSent: Story = {
  args: { mode: 'register' },
  play: async ({ canvasElement }) => {
    sessionStorage.clear();
    const el = await element(canvasElement);
    await captchaLoaded(el);
    await fill(el, { account: '13912345678', captcha: '0000' });
    await sendCode(el);
  },
};

// --- backend answers -------------------------------------------------------------------------------

/** Wrong password: at the password, with a new captcha; what was typed stays. */
export const WrongPassword: Story = {
  play: async (context) => {
    office(context).seedCandidate({ stage: 'registered' });
    const el = await element(context.canvasElement);
    await captchaLoaded(el);
    await fill(el, { account: SEED_ACCOUNT.account, password: 'wrong1234', captcha: '0000' });
    await submitAndWait(el, 'error');
  },
};

/** Unknown account: at the account, with a way to register it. */
export const UnknownAccount: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await captchaLoaded(el);
    await fill(el, { account: '13700001111', password: 'abc12345', captcha: '0000' });
    await submitAndWait(el, 'error');
  },
};

/** Wrong captcha: at the captcha, with a new picture. */
export const CaptchaWrong: Story = {
  play: async (context) => {
    office(context).seedCandidate({ stage: 'registered' });
    const el = await element(context.canvasElement);
    await captchaLoaded(el);
    await fill(el, { account: SEED_ACCOUNT.account, password: SEED_ACCOUNT.password, captcha: 'ZZZZ' });
    await submitAndWait(el, 'error');
  },
};

/** Too many attempts (5 wrong passwords): at the top, with the wait time. */
export const TooManyAttempts: Story = {
  play: async (context) => {
    const exam = office(context);
    exam.seedCandidate({ stage: 'registered' });
    for (let i = 0; i < 5; i++) {
      try {
        exam.login({ account: SEED_ACCOUNT.account, password: 'wrong', captchaId: 'x', captchaAnswer: '0000' });
      } catch {
        // expected: the office counts the failures
      }
    }
    const el = await element(context.canvasElement);
    await captchaLoaded(el);
    await fill(el, { account: SEED_ACCOUNT.account, password: SEED_ACCOUNT.password, captcha: '0000' });
    await submitAndWait(el, 'error');
  },
};

/** Registering an account that exists: at the account, with a way to log in. */
export const AccountExists: Story = {
  args: { mode: 'register' },
  play: async (context) => {
    office(context).seedCandidate({ stage: 'registered' });
    const el = await element(context.canvasElement);
    await captchaLoaded(el);
    await fill(el, { account: SEED_ACCOUNT.account, captcha: '0000' });
    await sendCode(el);
  },
};

/** A wrong verification code: at the code. */
export const CodeWrong: Story = {
  args: { mode: 'register' },
  play: async ({ canvasElement }) => {
    sessionStorage.clear();
    const el = await element(canvasElement);
    await captchaLoaded(el);
    await fill(el, { account: '13912345679', captcha: '0000' });
    await sendCode(el);
    await fill(el, { code: '999999', password: 'Kaoshi2026', confirm: 'Kaoshi2026' });
    await submitAndWait(el, 'error');
  },
};

/** The server fails (503) on log-in: said at the top, with a retry; nothing typed is lost. */
export const ServerError: Story = {
  play: async (context) => {
    office(context).seedCandidate({ stage: 'registered' });
    const el = await element(context.canvasElement);
    await captchaLoaded(el);
    office(context).faults = { latencyMs: 0, down: 'http-503', only: ['login'] };
    await fill(el, { account: SEED_ACCOUNT.account, password: SEED_ACCOUNT.password, captcha: '0000' });
    await submitAndWait(el, 'error');
  },
};

/** The backend is down: the captcha picture cannot load; the reason is said under it, with 重试. */
export const BackendDown: Story = {
  parameters: { scenario: 'backend-down' },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await waitFor(
      () => {
        if (inner(el, '[part="captcha-image"]').getAttribute('aria-busy') !== 'false') throw new Error('loading');
      },
      { timeout: 5000 },
    );
  },
};

// --- success ---------------------------------------------------------------------------------------

/** Logged in: the session is in the provider; the element says who is signed in. */
export const LoggedIn: Story = {
  play: async (context) => {
    office(context).seedCandidate({ stage: 'registered' });
    const el = await element(context.canvasElement);
    await captchaLoaded(el);
    await fill(el, { account: SEED_ACCOUNT.account, password: SEED_ACCOUNT.password, captcha: '0000' });
    await submitAndWait(el, 'success');
  },
};

/** Already signed in when the page opens (a seeded candidate's token). */
export const AlreadySignedIn: Story = {
  parameters: { stage: 'registered' },
  render: (args, { loaded }) => {
    const { token } = loaded.candidate as SeededCandidate;
    const backend = new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
    return html`<rk-provider .backend=${backend} lang=${args.lang}><rk-login></rk-login></rk-provider>`;
  },
};
