// Library build: ES modules, one file per source module (preserveModules), so that importing one
// element pulls in only what it uses; `.d.ts` types and source maps beside them. Lit and
// @lit/context stay external for npm users; `dist/cdn/pep-auth-elements.js` bundles everything
// (Lit included, production build, minified) for hosts without a bundler.
//
// The `html` and `css` template literals are minified in both builds (whitespace and comments
// removed by @lit-labs/rollup-plugin-minify-html-literals): an app's own minifier cannot do that
// for a library's templates, and it is a fifth of what a host loads.
import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { readdirSync, existsSync, readFileSync } from 'node:fs';

const elementEntries = readdirSync('src/elements', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(`src/elements/${d.name}`)
      .filter((f) => /^pep-.*\.ts$/.test(f))
      .map((f) => `src/elements/${d.name}/${f}`),
  );

// Every module is an entry of its own (preserveModules); these are the public ones. Adapter
// modules other than the index (chaos, conformance, memory/…) are reachable as
// `pep-auth-elements/adapters/<name>.js`.
const adapterEntries = readdirSync('src/adapter', { recursive: true })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => `src/adapter/${f}`);

const input = ['src/index.ts', 'src/define.ts', ...elementEntries, ...adapterEntries].filter((f) =>
  existsSync(f),
);

// Ready-made themes: plain CSS files of --pep-* values, copied as they are to dist/themes/
// (`pep-auth-elements/themes/<name>.css`).
const copyThemes = () => ({
  name: 'copy-themes',
  generateBundle() {
    for (const file of readdirSync('src/themes').filter((f) => f.endsWith('.css'))) {
      this.addWatchFile(`src/themes/${file}`);
      this.emitFile({
        type: 'asset',
        fileName: `themes/${file}`,
        source: readFileSync(`src/themes/${file}`, 'utf8'),
      });
    }
  },
});

const onwarn = (warning, warn) => {
  // `this` at the top level of TypeScript's decorator helper: harmless in ES modules.
  if (warning.code === 'THIS_IS_UNDEFINED') return;
  // Cycles inside a dependency (@simplewebauthn/server's helpers) are its own business.
  if (
    warning.code === 'CIRCULAR_DEPENDENCY' &&
    warning.ids?.every((id) => id.includes('/node_modules/'))
  )
    return;
  warn(warning);
};

const ts = (extra = {}) =>
  typescript({
    tsconfig: './tsconfig.json',
    // Patterns are resolved from filterRoot (it defaults to rootDir, i.e. src/).
    filterRoot: '.',
    include: ['src/**/*.ts'],
    exclude: ['test/**', 'stories/**', 'demo/**', 'bench/**', 'src/**/*.test.ts'],
    rootDir: 'src',
    outDir: 'dist',
    ...extra,
  });

const minifyTemplates = () =>
  minifyHtmlLiterals({
    options: { minifyOptions: { minifyCSS: { minify: true } } },
    failOnError: true,
  });

export default [
  {
    input,
    external: [
      /^lit(\/.*)?$/,
      /^@lit\/context/,
      /^@lit\/reactive-element/,
      /^lit-html/,
      /^lit-element/,
      // The common-password dictionary (a dependency, loaded on first use): npm users' bundlers
      // resolve it themselves.
      /^@zxcvbn-ts\//,
      // WebAuthn (dependencies, loaded with `import()` only where passkeys are used).
      /^@simplewebauthn\//,
    ],
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: 'src',
      // TypeScript's helpers (tslib's __decorate) are bundled, not a runtime dependency; keep
      // them out of a `node_modules` folder, which `npm pack` would leave out.
      entryFileNames: (chunk) =>
        chunk.name.includes('node_modules/')
          ? `vendor/${chunk.name.slice(chunk.name.lastIndexOf('node_modules/') + 13)}.js`
          : '[name].js',
    },
    onwarn,
    // inlineSources: the source maps carry the TypeScript they map to (src/ is not published).
    plugins: [
      resolve(),
      ts({ declaration: true, declarationMap: false, inlineSources: true }),
      minifyTemplates(),
      copyThemes(),
    ],
  },
  {
    input: 'src/define.ts',
    // One file with every element and the whole API; languages other than English stay lazy
    // chunks beside it (dist/cdn/locales/), fetched only by pages that use them, and so does the
    // common-password dictionary (dist/cdn/data/).
    // A lazy chunk that needs shared code (e.g. the HTTP adapter) imports it from this file, which
    // may export a few more (internal) names for that; without this Rollup would move everything
    // into a shared chunk and leave pep-auth-elements.js a two-line facade.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist/cdn',
      entryFileNames: 'pep-auth-elements.js',
      // Lazy chunks: the languages, the common-password dictionary (data/), fetched only
      // once a new password is typed or set, and WebAuthn (webauthn/), fetched only by passkeys.
      chunkFileNames: (chunk) =>
        chunk.moduleIds.some((id) => id.includes('@zxcvbn-ts'))
          ? 'data/[name]-[hash].js'
          : chunk.moduleIds.some((id) => id.includes('@simplewebauthn'))
            ? 'webauthn/[name]-[hash].js'
            : 'locales/[name]-[hash].js',
      format: 'es',
      sourcemap: true,
    },
    onwarn,
    plugins: [
      resolve({ exportConditions: ['production'] }),
      ts({ declaration: false, declarationMap: false, inlineSources: true, outDir: 'dist/cdn' }),
      minifyTemplates(),
      terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
    ],
  },
];
