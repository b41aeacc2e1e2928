import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { ElementDocsPage } from './element-docs.js';
import { argTypesFromManifest } from './manifest-arg-types.js';

// Attributes, properties, events, CSS parts and CSS custom properties in the docs tables come
// from the JSDoc of the elements (custom-elements.json, `npm run analyze`).
setCustomElementsManifest(manifest);

/**
 * A docs page runs the play function of every story on it at once, and each widget moves focus
 * to its new step's heading (or first invalid field): on a docs page those moves must not
 * scroll the page away from where the reader is. Story pages (and the tests) are unchanged.
 */
let docsPage = false;
const nativeFocus = HTMLElement.prototype.focus;
HTMLElement.prototype.focus = function focus(this: HTMLElement, options?: FocusOptions) {
  nativeFocus.call(this, docsPage ? { ...options, preventScroll: true } : options);
};

const PAGE_BACKGROUND = { light: '#f3f6f9', dark: '#0d1117' } as const;

/**
 * Theme: `theme="light|dark"` on `<html>`; every widget (nested ones too) follows it through
 * its ThemeController. "System" removes it, so `prefers-color-scheme` decides.
 * Language: `<html lang>`; every widget re-renders in place (Spanish loads on first use).
 */
const preview: Preview = {
  parameters: {
    // axe runs on every story; a violation fails the story (and the test runner).
    a11y: { test: 'error' },
    controls: { expanded: true },
    // Docs pages (the `autodocs` tag on each element's story file): the element's API tables
    // from the manifest, then every story with its play function run.
    docs: {
      page: ElementDocsPage,
      story: { autoplay: true },
      extractArgTypes: argTypesFromManifest(manifest),
    },
  },
  globalTypes: {
    theme: {
      description: 'Widget colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'system', title: 'System (prefers-color-scheme)' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Widget language',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  decorators: [
    (story, context) => {
      docsPage = context.viewMode === 'docs';
      const root = document.documentElement;
      const theme = context.globals['theme'];
      const dark =
        theme === 'dark' ||
        (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
      if (theme === 'light' || theme === 'dark') root.setAttribute('theme', theme);
      else root.removeAttribute('theme');
      root.style.colorScheme = dark ? 'dark' : 'light';
      document.body.style.background = dark ? PAGE_BACKGROUND.dark : PAGE_BACKGROUND.light;
      root.lang = context.globals['locale'] === 'es' ? 'es' : 'en';
      return story();
    },
  ],
};

export default preview;
