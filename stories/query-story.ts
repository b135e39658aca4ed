import type { StoryContext } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { waitFor } from 'storybook/test';
import type { SeededCandidate } from '../src/mocks/index.js';
import { HttpBackend } from '../src/services/http-backend.js';

/** A query element in a provider on the mock office, signed in as the story's seeded candidate. */
export function queryStory(
  args: Record<string, unknown>,
  context: Pick<StoryContext, 'loaded'>,
  element: (lang: string) => TemplateResult,
  options: { largeText?: boolean } = {},
) {
  const candidate = context.loaded.candidate as SeededCandidate | undefined;
  const backend = new HttpBackend({
    baseUrl: '/api',
    authHeaders: (): Record<string, string> => (candidate ? { Authorization: `Bearer ${candidate.token}` } : {}),
  });
  const lang = args.lang as string;
  return html`<rk-provider .backend=${backend} lang=${lang} ?large-text=${options.largeText ?? false}>${element(lang)}</rk-provider>`;
}

/** Waits until the element named `tag` reflects `state`. */
export async function waitForState(canvas: HTMLElement, tag: string, state: string): Promise<HTMLElement> {
  return waitFor(
    () => {
      const found = canvas.querySelector<HTMLElement>(tag);
      if (!found || found.getAttribute('state') !== state) throw new Error(`state ${found?.getAttribute('state')}`);
      return found;
    },
    { timeout: 8000 },
  );
}
