import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  // addon-docs: a docs page per element (its tables come from custom-elements.json, see
  // preview.ts); addon-a11y: axe on every story, violations fail (`parameters.a11y.test`).
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
};

export default config;
