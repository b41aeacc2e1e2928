// Library build: ES modules, one file per source module (preserveModules), so that importing one
// element pulls in only what it uses; `.d.ts` types and source maps beside them. Lit and
// @lit/context stay external for npm users; `dist/cdn/pep-auth-elements.js` bundles everything
// (Lit included, minified) for hosts without a bundler.
import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { readdirSync, existsSync } from 'node:fs';

const elementEntries = readdirSync('src/elements', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(`src/elements/${d.name}`)
      .filter((f) => /^pep-.*\.ts$/.test(f))
      .map((f) => `src/elements/${d.name}/${f}`),
  );

const input = ['src/index.ts', 'src/define.ts', ...elementEntries].filter((f) => existsSync(f));

const onwarn = (warning, warn) => {
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  warn(warning);
};

const ts = (extra = {}) =>
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts'],
    exclude: ['test/**', 'stories/**', 'demo/**', 'bench/**', 'src/**/*.test.ts'],
    rootDir: 'src',
    outDir: 'dist',
    ...extra,
  });

export default [
  {
    input,
    external: [/^lit(\/.*)?$/, /^@lit\/context/, /^@lit\/reactive-element/, /^lit-html/, /^lit-element/],
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: 'src',
    },
    onwarn,
    plugins: [resolve(), ts({ declaration: true, declarationMap: true })],
  },
  {
    input: 'src/define.ts',
    output: { file: 'dist/cdn/pep-auth-elements.js', format: 'es', sourcemap: true },
    onwarn,
    plugins: [
      resolve({ exportConditions: ['production'] }),
      ts({ declaration: false, declarationMap: false, outDir: 'dist/cdn' }),
      terser({ ecma: 2022, module: true, format: { comments: false } }),
    ],
  },
];
