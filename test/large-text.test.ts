/**
 * 适老化 large-text mode (`large-text` on rk-provider): 18 pt text, 60 px touch targets, contrast
 * of at least 4.5:1, and nothing cut off or scrolling sideways in a 320 px column (a 640 px
 * phone at 200 % zoom).
 */
import { expect, fixture, html, waitUntil } from './helpers/testing.js';
import '../src/index.js';
import type { RkProvider } from '../src/components/provider/rk-provider.js';
import type { CandidateStage, ExamOffice } from '../src/mocks/index.js';
import { HttpBackend } from '../src/services/http-backend.js';
import { freshOffice } from './helpers/mock-office.js';
import { setViewport } from './helpers/commands.js';

let office: ExamOffice;
beforeEach(async () => {
  office = await freshOffice();
  sessionStorage.clear();
});
afterEach(async () => {
  await setViewport({ width: 800, height: 600 });
});

/** Relative luminance and contrast ratio (WCAG). */
function luminance(color: string): number {
  const [r, g, b] = color.match(/[\d.]+/g)!.slice(0, 3).map((value) => {
    const channel = Number(value) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
};

const CASES: { tag: string; stage: CandidateStage | null; ready: (el: HTMLElement) => boolean }[] = [
  { tag: 'rk-login', stage: null, ready: (el) => el.shadowRoot!.querySelector('[part="captcha-image"] img') !== null },
  { tag: 'rk-realname', stage: 'registered', ready: (el) => el.getAttribute('state') === 'idle' },
  { tag: 'rk-exam-plan', stage: null, ready: (el) => el.getAttribute('state') === 'ready' },
  { tag: 'rk-registration-form', stage: 'draft', ready: (el) => el.getAttribute('state') === 'editing' },
  { tag: 'rk-payment-panel', stage: 'approved', ready: (el) => el.getAttribute('state') === 'choose' },
  { tag: 'rk-ticket-printer', stage: 'paid', ready: (el) => el.getAttribute('state') === 'ready' },
  { tag: 'rk-portal', stage: 'approved', ready: (el) => el.shadowRoot!.querySelector('rk-payment-panel[state="choose"]') !== null },
];

async function mount(tag: string, stage: CandidateStage | null): Promise<HTMLElement> {
  const token = stage ? office.seedCandidate({ stage }).token : 'nobody';
  const backend = new HttpBackend({ baseUrl: '/api', authHeaders: () => ({ Authorization: `Bearer ${token}` }) });
  const provider = await fixture<RkProvider>(html`<rk-provider large-text .backend=${backend}></rk-provider>`);
  const element = document.createElement(tag);
  provider.append(element);
  return element;
}

/** The colour behind an element: the first ancestor (across shadow roots) with a background. */
function backgroundOf(element: Element): string {
  for (let node: Element | null = element; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null)) {
    const color = getComputedStyle(node).backgroundColor;
    if (color && !/rgba\(.*,\s*0\)$/.test(color) && color !== 'transparent') return color;
  }
  return 'rgb(255, 255, 255)';
}

/** Every visible button and input of the element (and of elements inside it). */
function controls(root: ShadowRoot): HTMLElement[] {
  const found = Array.from(root.querySelectorAll<HTMLElement>('button, input:not([type="checkbox"]):not([type="radio"]):not([type="file"]), select'));
  for (const host of root.querySelectorAll('*')) if (host.shadowRoot) found.push(...controls(host.shadowRoot));
  return found.filter((control) => control.getBoundingClientRect().width > 0 && getComputedStyle(control).visibility !== 'hidden');
}

describe('large-text mode (适老化)', () => {
  for (const { tag, stage, ready } of CASES) {
    it(`${tag}: 24 px text, 60 px targets, 4.5:1 contrast, nothing sideways at 320 px`, async () => {
      await setViewport({ width: 320, height: 800 });
      const el = await mount(tag, stage);
      await waitUntil(() => ready(el), `${tag} never ready`, { timeout: 8000 });
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expect(getComputedStyle(el).fontSize).to.equal('24px');
      const root = el.shadowRoot!;
      for (const control of controls(root)) {
        const box = control.getBoundingClientRect();
        expect(box.height, `${tag} ${control.localName}.${control.className} "${control.textContent?.trim().slice(0, 20)}" height`).to.be.at.least(60);
      }
      for (const text of root.querySelectorAll<HTMLElement>('.hint, p, dt, label, legend')) {
        if (!text.textContent?.trim() || text.getBoundingClientRect().width === 0) continue;
        const style = getComputedStyle(text);
        expect(contrast(style.color, backgroundOf(text)), `${tag} ${text.localName}.${text.className} contrast`).to.be.at.least(4.5);
      }
      expect(document.documentElement.scrollWidth, `${tag}: the page scrolls sideways`).to.be.at.most(320);
    });
  }

  it('follows the candidate’s own font size (rem, not px)', async () => {
    document.documentElement.style.fontSize = '20px';
    try {
      const el = await mount('rk-exam-plan', null);
      await waitUntil(() => el.getAttribute('state') === 'ready', 'plan never ready', { timeout: 8000 });
      expect(getComputedStyle(el).fontSize).to.equal('30px');
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });
});
