// Vue 3 example without the SFC plugin: the runtime + template compiler build of Vue, with
// pep-* tags declared as custom elements so Vue does not try to resolve them as components.
import { defineConfig } from 'vite';
import { pepAuthElementsFromDist } from '../vite.shared.mjs';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  plugins: [pepAuthElementsFromDist()],
  resolve: { alias: { vue: 'vue/dist/vue.esm-bundler.js' } },
  define: {
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
