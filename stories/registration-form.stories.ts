import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import '../src/components/exam-plan/rk-exam-plan.js';
import '../src/components/provider/rk-provider.js';
import '../src/components/registration-form/rk-registration-form.js';
import type { PlanSelectDetail } from '../src/components/exam-plan/rk-exam-plan.js';
import type { RkRegistrationForm } from '../src/components/registration-form/rk-registration-form.js';
import { LIJIANG_AREA_CODE, LIJIANG_OFFICE_CODE, type ExamOffice, type SeededCandidate } from '../src/mocks/index.js';
import { HttpBackend } from '../src/services/http-backend.js';
import type { Session } from '../src/services/schemas.js';

/**
 * `rk-registration-form` on the mock exam office, for 张三 (verified real name, 丽江) at the stage
 * the story names. The photo slot is empty in these stories, so the plain file input stands in
 * for `rk-photo-checker`; stories that need an accepted photo upload one to the office first.
 */
const meta: Meta = {
  title: 'Elements/rk-registration-form',
  component: 'rk-registration-form',
  argTypes: { lang: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  args: { lang: 'zh-CN' },
  parameters: { stage: 'verified' },
  render: (args, context) => formFor(args.lang as string, context),
};
export default meta;
type Story = StoryObj;

// --- helpers ----------------------------------------------------------------------------------

/** Drafts of earlier stories (the mock reuses account ids after a reset) must not leak in. */
function forgetLocalDrafts(): void {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith('rk-draft:')) sessionStorage.removeItem(key);
}

const office = (context: Pick<StoryContext, 'loaded'>) => context.loaded.office as ExamOffice;

function backendOf(context: Pick<StoryContext, 'loaded'>): HttpBackend {
  const candidate = context.loaded.candidate as SeededCandidate | undefined;
  return new HttpBackend({
    baseUrl: '/api',
    authHeaders: (): Record<string, string> => (candidate ? { Authorization: `Bearer ${candidate.token}` } : {}),
  });
}

/** A tiny JPEG the mock accepts as the checked photo. */
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);

/** Attaches an accepted photo at the office, as rk-photo-checker would have. */
function withPhoto(context: Pick<StoryContext, 'loaded'>): void {
  const candidate = context.loaded.candidate as SeededCandidate;
  office(context).uploadPhoto(candidate.token, { type: 'image/jpeg', bytes: JPEG });
}

function formFor(lang: string, context: Pick<StoryContext, 'loaded'>, photo = false) {
  forgetLocalDrafts();
  if (photo) withPhoto(context);
  return html`<rk-provider
    .backend=${backendOf(context)}
    lang=${lang}
    .config=${{ contactPhones: ['0871-64312910 转 835、836', '0871-63626248'] }}
  >
    <rk-registration-form draft-delay="300"></rk-registration-form>
  </rk-provider>`;
}

async function element(canvas: HTMLElement, state = 'editing'): Promise<RkRegistrationForm> {
  const el = await waitFor(
    () => {
      const found = canvas.querySelector('rk-registration-form');
      if (!found || found.getAttribute('state') !== state) throw new Error(`state ${found?.getAttribute('state')}`);
      return found;
    },
    { timeout: 8000 },
  );
  await el.updateComplete;
  return el;
}

function inner<T extends Element>(el: RkRegistrationForm, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

/** Types into inputs and chooses in selects (by id), as a candidate would. */
async function fill(el: RkRegistrationForm, values: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    const input = inner<HTMLInputElement | HTMLSelectElement>(el, `#${id}`);
    if (input instanceof HTMLInputElement && input.type === 'radio') {
      input.click();
    } else {
      input.value = value;
      input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
    }
    await el.updateComplete;
  }
}

async function leave(el: RkRegistrationForm, ids: string[]): Promise<void> {
  for (const id of ids) inner(el, `#${id}`).dispatchEvent(new FocusEvent('blur'));
  await el.updateComplete;
}

const REQUIRED = {
  'level-id-intermediate': 'x',
  'qualification-id': 'software-designer',
  'province-code': LIJIANG_OFFICE_CODE,
  'area-code': LIJIANG_AREA_CODE,
  'fee-category': 'normal',
  education: 'bachelor',
  address: '云南省丽江市古城区福慧路8号',
  mobile: '13800138000',
};

const MORE = {
  'title-category': 'junior',
  'work-location': 'employed',
  employer: '丽江市古城区信息技术服务中心',
  'work-start-date': '2013.7',
  'professional-years': '12',
  'study-status': 'graduated',
  degree: 'bachelor',
  school: '云南大学',
  major: '计算机科学与技术',
  'graduation-date': '201307',
  email: 'zhangsan@example.com',
  'postal-code': '674100',
};

async function toReview(el: RkRegistrationForm, canvas: HTMLElement): Promise<void> {
  await fill(el, { ...REQUIRED, ...MORE });
  inner<HTMLButtonElement>(el, '[part="continue"]').click();
  await element(canvas, 'review');
}

// --- editing ------------------------------------------------------------------------------------

/** A verified candidate's empty form: personal data from the real name; 报名省市 among Yunnan's city offices. */
export const Empty: Story = {};

/** In English. */
export const English: Story = { args: { lang: 'en' } };

/** Partly filled: the exam choice cascade (中级 → 软件设计师 → its two subjects, the fee), 丽江. */
export const PartlyFilled: Story = {
  parameters: { stage: 'draft' },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await fill(el, { employer: '丽江市古城区信息技术服务中心', 'work-start-date': '2013.7' });
    await leave(el, ['work-start-date']);
  },
};

/** Every kind of validation error: at the fields (on leaving them) and in the summary (on continuing). */
export const EveryValidationError: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await fill(el, {
      'work-start-date': '2013.13',
      'professional-years': '七十',
      'graduation-date': '13-07',
      mobile: '1380013800',
      email: 'zhangsan@',
      'postal-code': '6741',
      landline: '64312910',
    });
    await leave(el, ['work-start-date', 'professional-years', 'graduation-date', 'mobile', 'email', 'postal-code', 'landline']);
    inner<HTMLButtonElement>(el, '[part="continue"]').click();
    await waitFor(() => inner(el, '.error-summary'));
  },
};

/** The draft cannot reach the server: kept on this device, retried, nothing lost. */
export const DraftSaveFailing: Story = {
  play: async (context) => {
    const el = await element(context.canvasElement);
    office(context).faults = { latencyMs: 0, down: 'network', only: ['saveApplicationDraft'] };
    await fill(el, { employer: '丽江市古城区信息技术服务中心' });
    await waitFor(
      () => {
        if (el.shadowRoot!.querySelector('[part="save-status"]')?.classList.contains('error') !== true) throw new Error('not yet');
      },
      { timeout: 5000 },
    );
  },
};

/** The qualification chosen in the plan (rk-exam-plan's rk-plan-select) fills in the form. */
export const FromThePlan: Story = {
  render: (args, context) => {
    forgetLocalDrafts();
    const choose = (event: CustomEvent<PlanSelectDetail>) => {
      const form = (event.currentTarget as HTMLElement).querySelector('rk-registration-form')!;
      form.qualification = event.detail;
      form.scrollIntoView({ block: 'start' });
    };
    return html`<rk-provider .backend=${backendOf(context)} lang=${args.lang} @rk-plan-select=${choose}>
      <rk-exam-plan level="senior"></rk-exam-plan>
      <rk-registration-form draft-delay="300"></rk-registration-form>
    </rk-provider>`;
  },
  play: async ({ canvasElement }) => {
    await element(canvasElement);
    const plan = await waitFor(() => {
      const found = canvasElement.querySelector('rk-exam-plan');
      if (found?.getAttribute('state') !== 'ready') throw new Error('plan not ready');
      return found;
    });
    await plan.updateComplete;
    plan.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="select"]')[2]!.click();
  },
};

// --- review and submit --------------------------------------------------------------------------

/** 核对报考信息: every answer with a change link; only here is the application submitted. */
export const ReviewStep: Story = {
  render: (args, context) => formFor(args.lang as string, context, true),
  play: async ({ canvasElement }) => {
    await toReview(await element(canvasElement), canvasElement);
  },
};

/** The submission on its way (the office takes its time). */
export const Submitting: Story = {
  render: (args, context) => formFor(args.lang as string, context, true),
  play: async (context) => {
    const el = await element(context.canvasElement);
    await toReview(el, context.canvasElement);
    office(context).faults = { latencyMs: 600_000, down: 'none', only: ['submitApplication'] };
    inner<HTMLButtonElement>(el, '[part="submit"]').click();
    await element(context.canvasElement, 'submitting');
  },
};

/** The network fails on submit: said at the top with a retry; every answer is kept. */
export const SubmitFailure: Story = {
  render: (args, context) => formFor(args.lang as string, context, true),
  play: async (context) => {
    const el = await element(context.canvasElement);
    await toReview(el, context.canvasElement);
    office(context).faults = { latencyMs: 0, down: 'network', only: ['submitApplication'] };
    inner<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitFor(() => inner(el, '[part="retry"]'), { timeout: 5000 });
  },
};

/** Submitted without a photo: the backend's VALIDATION answer lands at the photo field and in the summary. */
export const BackendValidation: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await fill(el, REQUIRED);
    // As if a checker had reported a photo the backend never received.
    el.dispatchEvent(
      new CustomEvent('rk-photo-accepted', {
        detail: {
          photo: {
            id: 'x',
            url: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
            width: 295,
            height: 413,
            bytes: 1,
            uploadedAt: new Date().toISOString(),
          },
        },
        bubbles: true,
        composed: true,
      }),
    );
    inner<HTMLButtonElement>(el, '[part="continue"]').click();
    await element(canvasElement, 'review');
    inner<HTMLButtonElement>(el, '[part="submit"]').click();
    await waitFor(() => inner(el, '#photo-error'), { timeout: 5000 });
  },
};

/** Just submitted: 待审核, read-only, with the registration number. */
export const Submitted: Story = {
  render: (args, context) => formFor(args.lang as string, context, true),
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await toReview(el, canvasElement);
    inner<HTMLButtonElement>(el, '[part="submit"]').click();
    await element(canvasElement, 'submitted');
  },
};

// --- the backend's states ---------------------------------------------------------------------------

/** 待审核 (a candidate who submitted earlier): read-only. */
export const WaitingForReview: Story = {
  parameters: { stage: 'submitted' },
  play: async ({ canvasElement }) => {
    await element(canvasElement, 'submitted');
  },
};

/** Rejected: the reviewer's reason above the form; correct and resubmit. */
export const Rejected: Story = {
  parameters: { stage: 'rejected' },
  play: async ({ canvasElement }) => {
    await element(canvasElement);
  },
};

/** Approved (待缴费): read-only; changes only through a change request after paying. */
export const Approved: Story = {
  parameters: { stage: 'approved' },
  play: async ({ canvasElement }) => {
    await element(canvasElement, 'approved');
  },
};

/** Paid: read-only with the status. */
export const Paid: Story = {
  parameters: { stage: 'paid' },
  play: async ({ canvasElement }) => {
    await element(canvasElement, 'locked');
  },
};

/** The registration window has closed: the saved answers read-only, with the dates. */
export const WindowClosed: Story = {
  parameters: { stage: 'draft', scenario: 'registration-closed' },
  play: async ({ canvasElement }) => {
    await element(canvasElement, 'closed');
  },
};

/** Real name not verified yet. */
export const NotVerified: Story = {
  parameters: { stage: 'registered' },
  play: async ({ canvasElement }) => {
    await element(canvasElement, 'unverified');
  },
};

/** The office does not answer: said, with a retry. */
export const LoadError: Story = {
  parameters: { scenario: 'backend-down' },
  render: (args, context) => {
    forgetLocalDrafts();
    // The session is given, so only the form's own requests fail.
    const session: Session = {
      user: { id: 'u-1', account: '13800138000', accountType: 'phone' },
      realName: {
        status: 'verified',
        name: '张三',
        documentType: 'resident-id',
        documentNumberMasked: '530702********1238',
        gender: 'male',
        birthDate: '1990-05-12',
        validFrom: '2020-06-01',
        validTo: '2040-06-01',
        verifiedAt: null,
      },
    };
    return html`<rk-registration-form lang=${args.lang} .backend=${backendOf(context)} .session=${session}></rk-registration-form>`;
  },
  play: async ({ canvasElement }) => {
    await element(canvasElement, 'load-error');
  },
};
