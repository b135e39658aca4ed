import { defineConfig } from 'vite';

// Storybook's own Vite config: the root one builds the library, which Storybook must not do.
export default defineConfig({});
