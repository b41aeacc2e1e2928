// `npm run bench:size` (after `npm run build`): what a host really loads, minified and gzipped,
// Lit included. Measured on the BUILT package (dist/), bundled the way an app bundler would
// (Rollup, node-resolve with the `production` export condition so Lit's dev mode is not
// included, Terser), for:
//   - each element alone, as if `import 'pep-auth-elements/elements/login/pep-login.js'` were
//     the only import of an app (nested tags an element renders come with it),
//   - every element together (every `pep-*.js`),
//   - every element plus the in-memory reference adapter (what the demo loads),
//   - the CDN bundle as shipped (dist/cdn/pep-auth-elements.js: every element, the whole public
//     API including MemoryAdapter, chaos adapter and typing matcher; lazy language chunks in
//     dist/cdn/locales/ not counted).
//
//   node bench/size.mjs            Markdown table
//   node bench/size.mjs --json     rows as JSON
//   node bench/size.mjs --check    exit 1 when a budget is exceeded (CI)
//   node bench/size.mjs --check-elements   exit 1 when an element alone is over its budget
//   node bench/size.mjs --why      also: where the every-element bundle's bytes come from
//   node bench/size.mjs --why pep-login   … or one element's
//   node bench/size.mjs --modules pep-login   the biggest modules of one measurement
//   node bench/size.mjs --marginal   what each element adds to the every-element bundle (that
//                                    bundle's size minus its size without the element)
import { rollup } from 'rollup';
import resolve from '@rollup/plugin-node-resolve';
import { minify } from 'terser';
import { gzipSync } from 'node:zlib';
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { Buffer } from 'node:buffer';

const BUDGET_ONE = 15 * 1024;
const BUDGET_ALL = 30 * 1024;
const root = fileURLToPath(new URL('../', import.meta.url));
const dist = `${root}dist/`;

if (!existsSync(`${dist}define.js`)) {
  console.error('bench:size measures the built package: run `npm run build` first.');
  process.exit(1);
}

const elements = readdirSync(`${dist}elements`, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(`${dist}elements/${d.name}`)
      .filter((f) => /^pep-.*\.js$/.test(f))
      .map((f) => `${dist}elements/${d.name}/${f}`),
  )
  .sort();

const terserOptions = {
  ecma: 2022,
  module: true,
  compress: { passes: 2 },
  format: { comments: false },
};

/**
 * Bundle `imports` (absolute module paths) like an app would; return sizes and module shares.
 * `uses` are `[name, module]` pairs an app imports and really uses (each is referenced, so
 * it is not tree-shaken): the entry imports them and keeps them reachable from `globalThis`.
 */
async function measure(imports, uses = []) {
  const virtual = [
    ...imports.map((e) => `import ${JSON.stringify(e)};`),
    ...uses.map(([name, e]) => `import { ${name} } from ${JSON.stringify(e)};`),
    ...uses.map(([name]) => `globalThis.__bench_${name} = ${name};`),
  ].join('\n');
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
    ],
  });
  // Lazy chunks (languages other than English, nested widgets and the HTTP adapter, loaded by
  // dynamic import) are not counted: a host loads them only when a page needs them. The entry
  // chunk and every chunk it imports statically are counted: Rollup may move code shared with a
  // lazy chunk out of the entry into such a chunk, and a host loads it up front all the same.
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((o) => [o.fileName, o]));
  const loaded = new Set();
  const visit = (c) => {
    if (loaded.has(c)) return;
    loaded.add(c);
    for (const f of c.imports) visit(chunks.get(f));
  };
  visit(output.find((o) => o.type === 'chunk' && o.isEntry));
  // …and, reported beside it, everything the widgets may fetch later while used in English:
  // every chunk reachable through dynamic imports too, except other languages and the HTTP
  // adapter (a backend choice, not a widget's).
  const later = new Set(loaded);
  const optional = (c) =>
    Object.keys(c.modules).every((id) => /\/dist\/(locales|adapter\/http)\//.test(id));
  const visitLater = (c) => {
    if (later.has(c) && !loaded.has(c)) return;
    later.add(c);
    for (const f of [...c.imports, ...c.dynamicImports]) {
      const next = chunks.get(f);
      if (next && !loaded.has(next) && !later.has(next) && !optional(next)) visitLater(next);
    }
  };
  for (const c of loaded) visitLater(c);
  let min = 0;
  let gz = 0;
  let gzLater = 0;
  for (const c of later) {
    const { code } = await minify(c.code, terserOptions);
    const z = gzipSync(code, { level: 9 }).length;
    gzLater += z;
    if (!loaded.has(c)) continue;
    min += Buffer.byteLength(code);
    gz += z;
  }
  const modules = [...loaded]
    .flatMap((c) => Object.entries(c.modules))
    .map(([id, m]) => ({
      id: id.replace(root, ''),
      rendered: m.renderedLength,
      code: m.code ?? '',
    }))
    .sort((a, b) => b.rendered - a.rendered);
  return { min, gz, gzLater, modules };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const tagOf = (file) => file.split('/').pop().replace('.js', '');
const only = process.argv.includes('--modules')
  ? process.argv[process.argv.indexOf('--modules') + 1]
  : null;

if (only) {
  const entries =
    only === 'all' ? elements : elements.filter((e) => tagOf(e) === only || e.endsWith(only));
  if (!entries.length) throw new Error(`no element ${only}`);
  const r = await measure(entries);
  console.log(
    `${only}: ${r.min} B min, ${r.gz} B min+gzip. Biggest modules (rendered, unminified):`,
  );
  for (const m of r.modules.slice(0, 25)) console.log(`${String(m.rendered).padStart(8)}  ${m.id}`);
  process.exit(0);
}

if (process.argv.includes('--marginal')) {
  const all = await measure(elements);
  let sum = 0;
  console.log(`| element | adds to every element (${kb(all.gz)}) |\n| --- | ---: |`);
  for (const e of elements) {
    const without = await measure(elements.filter((x) => x !== e));
    sum += all.gz - without.gz;
    console.log(`| <${tagOf(e)}> | ${kb(all.gz - without.gz)} |`);
  }
  console.log(
    `| sum of the above | ${kb(sum)} |\n| what the elements share | ${kb(all.gz - sum)} |`,
  );
  process.exit(0);
}

const rows = [];
for (const e of elements) {
  const r = await measure([e]);
  rows.push({
    what: `<${tagOf(e)}> alone`,
    min: r.min,
    gz: r.gz,
    gzLater: r.gzLater,
    budget: BUDGET_ONE,
  });
}
const all = await measure(elements);
rows.push({
  what: 'every element',
  min: all.min,
  gz: all.gz,
  gzLater: all.gzLater,
  budget: BUDGET_ALL,
});
const withAdapter = await measure(elements, [
  ['MemoryAdapter', `${dist}adapter/memory/memory-adapter.js`],
]);
rows.push({
  what: 'every element + MemoryAdapter',
  min: withAdapter.min,
  gz: withAdapter.gz,
  gzLater: withAdapter.gzLater,
});
const cdn = readFileSync(`${dist}cdn/pep-auth-elements.js`);
rows.push({
  what: 'CDN bundle (dist/cdn, whole API)',
  min: cdn.length,
  gz: gzipSync(cdn, { level: 9 }).length,
});

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows));
} else {
  console.log(
    `Sizes measured ${new Date().toISOString().slice(0, 10)} on the built package (minified, gzip -9, Lit included)\n`,
  );
  console.log('| what | min | min+gzip (first load) | budget | + later steps (min+gzip) |');
  console.log('| --- | ---: | ---: | --- | ---: |');
  for (const r of rows) {
    const budget = r.budget ? `≤ ${kb(r.budget)} ${r.gz <= r.budget ? '✓' : '✗ over'}` : '';
    const later = r.gzLater === undefined ? '' : kb(r.gzLater);
    console.log(`| ${r.what} | ${kb(r.min)} | ${kb(r.gz)} | ${budget} | ${later} |`);
  }
}
if (process.argv.includes('--why')) {
  // Where a bundle's bytes come from: each module without comments or spaces, grouped by
  // folder, its share applied to the bundle's min+gzip size. `--why` explains every element
  // together, `--why pep-login` one element alone.
  const target = process.argv[process.argv.indexOf('--why') + 1];
  const one = target?.startsWith('pep-') ? elements.find((e) => tagOf(e) === target) : null;
  if (target?.startsWith('pep-') && !one) throw new Error(`no element ${target}`);
  const subject = one ? await measure([one]) : all;
  const groups = new Map();
  let total = 0;
  for (const m of subject.modules) {
    // Comments and whitespace only: a module on its own has no exports to keep it alive.
    const { code } = await minify(m.code, { ecma: 2022, compress: false, mangle: false });
    const bytes = Buffer.byteLength(code ?? '');
    const group = m.id.startsWith('node_modules/')
      ? 'Lit + @lit/context'
      : m.id.startsWith('dist/elements/')
        ? m.id.split('/').slice(0, 3).join('/') + '/'
        : m.id;
    groups.set(group, (groups.get(group) ?? 0) + bytes);
    total += bytes;
  }
  const title = one ? `<${target}> alone` : 'every element';
  console.log(`\n| where (${title}) | min | share | ≈ min+gzip |\n| --- | ---: | ---: | ---: |`);
  for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    const share = bytes / total;
    console.log(
      `| ${group} | ${kb(bytes)} | ${(share * 100).toFixed(1)}% | ${kb(share * subject.gz)} |`,
    );
  }
}

const over = rows.filter((r) => r.budget && r.gz > r.budget);
const overAlone = over.filter((r) => r.budget === BUDGET_ONE);
if (over.length && process.argv.includes('--check')) {
  console.error(`over budget: ${over.map((r) => r.what).join(', ')}`);
  process.exit(1);
}
if (overAlone.length && process.argv.includes('--check-elements')) {
  console.error(`over the one-element budget: ${overAlone.map((r) => r.what).join(', ')}`);
  process.exit(1);
}
