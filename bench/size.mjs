// `npm run bench:size`: what a host really loads, minified and gzipped, Lit included.
// For each element alone (as if `import 'pep-auth-elements/elements/login/pep-login.js'` were the
// only import of an app), for every element together, and for the CDN bundle.
import { rollup } from 'rollup';
import typescript from '@rollup/plugin-typescript';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { gzipSync } from 'node:zlib';
import { readdirSync, existsSync, readFileSync } from 'node:fs';

const BUDGET_ONE = 15 * 1024;
const BUDGET_ALL = 30 * 1024;

const elements = readdirSync('src/elements', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(`src/elements/${d.name}`)
      .filter((f) => /^pep-.*\.ts$/.test(f))
      .map((f) => `src/elements/${d.name}/${f}`),
  );

async function measure(entries) {
  const virtual = entries.map((e) => `import './${e}';`).join('\n');
  const bundle = await rollup({
    input: 'virtual-entry',
    onwarn: () => {},
    plugins: [
      {
        name: 'virtual',
        resolveId: (id) => (id === 'virtual-entry' ? id : null),
        load: (id) => (id === 'virtual-entry' ? virtual : null),
      },
      resolve({ exportConditions: ['production'] }),
      typescript({
        tsconfig: './tsconfig.json',
        include: ['src/**/*.ts'],
        declaration: false,
        declarationMap: false,
        sourceMap: false,
        outDir: 'bench/.size-tmp',
        noEmitOnError: false,
      }),
      terser({ ecma: 2022, module: true, format: { comments: false } }),
    ],
  });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  await bundle.close();
  const code = output.map((o) => (o.type === 'chunk' ? o.code : '')).join('');
  return { min: Buffer.byteLength(code), gz: gzipSync(code, { level: 9 }).length };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [];
for (const e of elements) {
  const tag = e.split('/').pop().replace('.ts', '');
  if (tag === 'pep-auth-provider') continue;
  const r = await measure([e, 'src/elements/auth-provider/pep-auth-provider.ts']);
  rows.push({ what: `<${tag}> + provider`, ...r, budget: BUDGET_ONE });
}
rows.push({ what: 'every element', ...(await measure(elements)), budget: BUDGET_ALL });
if (existsSync('dist/cdn/pep-auth-elements.js')) {
  const code = readFileSync('dist/cdn/pep-auth-elements.js');
  rows.push({ what: 'CDN bundle (dist/cdn)', min: code.length, gz: gzipSync(code, { level: 9 }).length });
}

const json = process.argv.includes('--json');
if (json) {
  console.log(JSON.stringify(rows));
} else {
  console.log(`Sizes measured ${new Date().toISOString().slice(0, 10)} (minified, gzip -9, Lit included)\n`);
  console.log('| what | min | min+gzip | budget |');
  console.log('| --- | ---: | ---: | --- |');
  for (const r of rows)
    console.log(
      `| ${r.what} | ${kb(r.min)} | ${kb(r.gz)} | ${r.budget ? (r.gz <= r.budget ? `≤ ${kb(r.budget)} ✓` : `≤ ${kb(r.budget)} ✗ over`) : ''} |`,
    );
}
const over = rows.filter((r) => r.budget && r.gz > r.budget);
if (over.length && process.argv.includes('--check')) process.exit(1);
