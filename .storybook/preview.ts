import type { Preview } from '@storybook/web-components-vite';

const preview: Preview = {
  parameters: {
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  globalTypes: {
    theme: {
      description: 'Widget colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  decorators: [
    (story, context) => {
      const theme = context.globals['theme'] === 'dark' ? 'dark' : 'light';
      document.documentElement.style.colorScheme = theme;
      document.body.style.background = theme === 'dark' ? '#0d1117' : '#f3f6f9';
      for (const el of document.querySelectorAll('[data-pep-theme-root] *')) {
        if (el.localName.startsWith('pep-')) el.setAttribute('theme', theme);
      }
      return story();
    },
  ],
};

export default preview;
