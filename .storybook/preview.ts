/// <reference types="vite/client" />
import { Controls, Description, Primary, Subtitle, Title } from '@storybook/addon-docs/blocks';
import { setCustomElementsManifest } from '@storybook/web-components';
import { createElement, Fragment } from 'react';
import type { Preview } from '@storybook/web-components-vite';
import { startMockOffice, type ScenarioName } from '../src/mocks/index.js';

// Written by `npm run analyze`, which the storybook scripts run first: each element's docs page
// (attributes, properties, events, parts, CSS properties, slots) comes from its JSDoc. A glob,
// so that type-checking a fresh clone does not need the generated file.
const manifest = Object.values(import.meta.glob('../custom-elements.json', { eager: true, import: 'default' }))[0];
if (manifest) setCustomElementsManifest(manifest);

/**
 * Every story runs on the mock exam office. A story picks the office's behaviour with
 * `parameters.scenario` and a signed-in candidate at a stage of the flow with `parameters.stage`;
 * the loader hands `{ office, candidate }` to the story as `loaded`.
 */
/**
 * An element's docs page: its description, the primary story and the API table from the
 * manifest. Only one story: every story seeds its own 张三 in the one mock office, so several
 * rendered side by side would sign each other out. The other states are the stories themselves.
 */
const docsPage = () =>
  createElement(Fragment, null, createElement(Title), createElement(Subtitle), createElement(Description), createElement(Primary), createElement(Controls));

const preview: Preview = {
  tags: ['autodocs'],
  loaders: [
    async ({ parameters }) => {
      const { office } = await startMockOffice({ quiet: true });
      office.setScenario((parameters.scenario as ScenarioName | undefined) ?? 'happy-path');
      const candidate = parameters.stage ? office.seedCandidate({ stage: parameters.stage }) : undefined;
      return { office, candidate };
    },
  ],
  parameters: {
    docs: { page: docsPage },
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
