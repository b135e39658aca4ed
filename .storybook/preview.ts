import type { Preview } from '@storybook/web-components-vite';
import { startMockOffice, type ScenarioName } from '../src/mocks/index.js';

/**
 * Every story runs on the mock exam office. A story picks the office's behaviour with
 * `parameters.scenario` and a signed-in candidate at a stage of the flow with `parameters.stage`;
 * the loader hands `{ office, candidate }` to the story as `loaded`.
 */
const preview: Preview = {
  loaders: [
    async ({ parameters }) => {
      const { office } = await startMockOffice({ quiet: true });
      office.setScenario((parameters.scenario as ScenarioName | undefined) ?? 'happy-path');
      const candidate = parameters.stage ? office.seedCandidate({ stage: parameters.stage }) : undefined;
      return { office, candidate };
    },
  ],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
