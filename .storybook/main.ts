import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Docs pages: each element's API from the custom elements manifest (see preview.ts).
  addons: ['@storybook/addon-docs'],
  // Serves MSW's worker (/mockServiceWorker.js) so stories run on the mock exam office.
  staticDirs: ['../public'],
  core: {
    disableTelemetry: true,
    // The library build in the root vite.config.ts is not Storybook's.
    builder: { name: '@storybook/builder-vite', options: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
};
export default config;
