// React 19 example: JSX compiled by Vite's own esbuild (automatic runtime), no React plugin.
import { defineConfig } from 'vite';
import { pepAuthElementsFromDist } from '../vite.shared.mjs';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  logLevel: 'warn',
  plugins: [pepAuthElementsFromDist()],
  esbuild: { jsx: 'automatic' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
});
