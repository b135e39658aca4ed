import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import '../src/components/photo-checker/rk-photo-checker.js';
import '../src/components/provider/rk-provider.js';
import type { RkPhotoChecker } from '../src/components/photo-checker/rk-photo-checker.js';
import type { ExamOffice, SeededCandidate } from '../src/mocks/index.js';
import { HttpBackend } from '../src/services/http-backend.js';
import {
  asFile,
  enlargedJpeg,
  heicRenamed,
  jpegOf,
  pngRenamed,
  portraitCanvas,
  portraitJpeg,
  truncated,
} from '../test/fixtures/photo-fixtures.js';

/**
 * `rk-photo-checker` on the mock exam office, for a signed-in candidate who passed real-name
 * verification. The photos are drawn in the browser (the same fixtures as the tests): a genuine
 * 600×840 colour photo on white, and one of each failing kind.
 */
const meta: Meta = {
  title: 'Elements/rk-photo-checker',
  component: 'rk-photo-checker',
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    upload: { control: 'boolean' },
    advisory: { control: 'text' },
  },
  args: { lang: 'zh-CN', upload: true, advisory: '' },
  parameters: { stage: 'verified' },
  render: (args, { loaded }) => {
    // Each story starts without the photo a previous one kept for "reload".
    sessionStorage.removeItem('rk-photo-checker:photo');
    const candidate = loaded.candidate as SeededCandidate | undefined;
    const backend = new HttpBackend({
      baseUrl: '/api',
      authHeaders: (): Record<string, string> => (candidate ? { Authorization: `Bearer ${candidate.token}` } : {}),
    });
    return html`<rk-provider .backend=${backend} lang=${args.lang}>
      <rk-photo-checker upload=${args.upload ? 'true' : 'false'} advisory=${args.advisory}></rk-photo-checker>
    </rk-provider>`;
  },
};
export default meta;
type Story = StoryObj;

async function element(canvas: HTMLElement): Promise<RkPhotoChecker> {
  const el = await waitFor(
    () => {
      const found = canvas.querySelector('rk-photo-checker');
      if (!found) throw new Error('not ready');
      return found;
    },
    { timeout: 5000 },
  );
  await el.updateComplete;
  return el;
}

async function stateIs(el: RkPhotoChecker, ...states: string[]): Promise<void> {
  await waitFor(
    () => {
      if (!states.includes(el.state)) throw new Error(`state ${el.state}`);
    },
    { timeout: 15000 },
  );
  await el.updateComplete;
}

/** Checks `file` in the element and waits until it settles in one of `states`. */
async function check(canvas: HTMLElement, file: File | Promise<File>, ...states: string[]): Promise<RkPhotoChecker> {
  const el = await element(canvas);
  await el.checkFile(await file);
  await stateIs(el, ...states);
  return el;
}

async function clickAction(el: RkPhotoChecker): Promise<void> {
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part="action"]')!.click();
  await el.updateComplete;
}

const office = (context: StoryContext) => context.loaded.office as ExamOffice;
const good = async () => asFile(await portraitJpeg(600, 840), 'IMG_20260315.jpg');

// --- states ---------------------------------------------------------------------------------------

/** Nothing chosen yet: the rules, choose / drop / paste. */
export const Empty: Story = {};

/** In English. */
export const English: Story = { args: { lang: 'en' } };

/** A good photo: every rule passes; the frame over the photo, the checked 295×413 photo of about 10 KB. */
export const Cropping: Story = {
  play: async ({ canvasElement }) => {
    await check(canvasElement, good(), 'ready');
  },
};

/** Moved closer with the keyboard: the frame is smaller, the checked photo made again. */
export const CroppedCloser: Story = {
  play: async ({ canvasElement }) => {
    const el = await check(canvasElement, asFile(await portraitJpeg(900, 1260)), 'ready');
    const frame = el.shadowRoot!.querySelector<HTMLElement>('[part="crop-frame"]')!;
    frame.focus();
    for (const key of ['+', '+', '+', 'ArrowUp']) frame.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    await stateIs(el, 'ready');
  },
};

/** Checking a 24-megapixel photo (decoded at reduced size, off the main thread). */
export const Checking: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    const photo = asFile(await portraitJpeg(4000, 6000, { grain: 12 }));
    void el.checkFile(photo);
    await stateIs(el, 'reading', 'compressing');
  },
};

/** A black-and-white photo. */
export const FailsColour: Story = {
  play: async ({ canvasElement }) => {
    await check(canvasElement, asFile(await portraitJpeg(600, 840, { grayscale: true })), 'failed');
  },
};

/** A blue background. */
export const FailsBackground: Story = {
  play: async ({ canvasElement }) => {
    await check(canvasElement, asFile(await portraitJpeg(600, 840, { background: '#438edb' })), 'failed');
  },
};

/** A 150×210 photo enlarged to 600×840: 严禁小照片放大后使用, with the measured detail and the threshold. */
export const FailsEnlarged: Story = {
  play: async ({ canvasElement }) => {
    await check(canvasElement, asFile(await enlargedJpeg({ width: 150, height: 210 }, 600, 840)), 'failed');
  },
};

/** A file of 30 KB or less (a compressed copy). */
export const FailsFileSize: Story = {
  play: async ({ canvasElement }) => {
    await check(canvasElement, asFile(await portraitJpeg(600, 840, { grain: 0, quality: 0.5 })), 'failed');
  },
};

/** Not larger than 296×413 pixels. */
export const FailsPixels: Story = {
  play: async ({ canvasElement }) => {
    await check(canvasElement, asFile(await portraitJpeg(296, 414)), 'failed');
  },
};

/** The background is only advisory on this site: the candidate may use the photo after confirming. */
export const AdvisoryBackground: Story = {
  args: { advisory: 'background enlargement' },
  play: async ({ canvasElement }) => {
    await check(canvasElement, asFile(await portraitJpeg(600, 840, { background: '#b9d3ee' })), 'ready');
  },
};

/** A PNG renamed to .jpg: refused by its bytes. */
export const RefusedPng: Story = {
  play: async ({ canvasElement }) => {
    await check(canvasElement, pngRenamed(), 'refused');
  },
};

/** An iPhone HEIC photo renamed to .jpg. */
export const RefusedHeic: Story = {
  play: async ({ canvasElement }) => {
    await check(canvasElement, heicRenamed(), 'refused');
  },
};

/** A cut-off file. */
export const RefusedTruncated: Story = {
  play: async ({ canvasElement }) => {
    await check(canvasElement, truncated(await portraitJpeg(600, 840)), 'refused');
  },
};

/** The photo on its way to the office, with progress. */
export const Uploading: Story = {
  play: async (context) => {
    const el = await check(context.canvasElement, good(), 'ready');
    office(context).faults = { latencyMs: 600_000, down: 'none', only: ['uploadPhoto'] };
    await clickAction(el);
    await stateIs(el, 'uploading');
  },
};

/** Uploaded: the checked photo and its measurements. */
export const Uploaded: Story = {
  play: async ({ canvasElement }) => {
    const el = await check(canvasElement, good(), 'ready');
    await clickAction(el);
    await stateIs(el, 'accepted');
  },
};

/** The upload failed (the office answers 503): the photo is kept, with the reason and a retry. */
export const UploadFailed: Story = {
  play: async (context) => {
    const el = await check(context.canvasElement, good(), 'ready');
    office(context).faults = { latencyMs: 0, down: 'http-503', only: ['uploadPhoto'] };
    await clickAction(el);
    await stateIs(el, 'upload-failed');
  },
};

/** A door frame at the left edge: a frame moved onto it fails the background rule. */
export const CropMovedOntoEdge: Story = {
  play: async ({ canvasElement }) => {
    const canvas = portraitCanvas(900, 840);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#333';
    ctx.fillRect(0, 0, 120, 840);
    const el = await check(canvasElement, asFile(await jpegOf(canvas)), 'ready');
    const frame = el.shadowRoot!.querySelector<HTMLElement>('[part="crop-frame"]')!;
    for (let i = 0; i < 3; i++) frame.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', shiftKey: true, bubbles: true }));
    await stateIs(el, 'failed');
  },
};
