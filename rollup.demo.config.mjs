// Builds the demo host portal: demo/main.ts → demo/dist/main.js (one ES module, Lit included).
import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import { copyFileSync, mkdirSync } from 'node:fs';

const copyStatic = () => ({
  name: 'copy-demo-static',
  writeBundle() {
    mkdirSync('demo/dist', { recursive: true });
    for (const f of ['index.html', 'demo.css']) copyFileSync(`demo/${f}`, `demo/dist/${f}`);
  },
});

export default {
  input: 'demo/main.ts',
  output: { dir: 'demo/dist', format: 'es', sourcemap: true, entryFileNames: 'main.js' },
  onwarn(warning, warn) {
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
  plugins: [
    resolve({ exportConditions: ['production'] }),
    typescript({
      tsconfig: './tsconfig.json',
      include: ['src/**/*.ts', 'demo/**/*.ts'],
      exclude: ['test/**', 'stories/**', 'bench/**'],
      declaration: false,
      declarationMap: false,
      noEmitOnError: false,
      outDir: 'demo/dist',
      rootDir: '.',
      noUnusedLocals: false,
    }),
    copyStatic(),
  ],
};
