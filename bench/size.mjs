// `npm run bench:size` (after `npm run build`): what a host really loads, minified and gzipped,
// Lit included, checked against issue 20's size goals. Measured on the BUILT package (dist/),
// bundled the way an app bundler would (Rollup, node-resolve with the `production` export
// condition so Lit's dev mode is not included, Terser):
//   1. the first screen of any one element ≤ 16 KB: what `import '…/pep-<name>.js'` loads before
//      any lazy `import()` (the entry chunk and every chunk it imports statically);
//   2. the whole Log In journey ≤ 25 KB: `<pep-login>` and everything it can fetch on the way to
//      signed in (its lazy chunks, transitively: `<pep-typing-pattern>`, `<pep-verify-account>`…),
//      each chunk gzipped on its own as a server sends it;
//   3. today's twelve elements with everything they can ever fetch ≤ 50 KB: one bundle of their
//      twelve `pep-*.js`, every chunk it loads first or may fetch later, in English;
//   4. a CDN-like bundle of those twelve ≤ 55 KB: one file, every element whole (lazy imports
//      inlined), Lit included, no adapter beyond what the elements import.
// Never counted, in any of them: other languages (a page fetches the one it uses) and the HTTP
// adapter behind `LazyHttpAdapter` (a backend choice, not a widget's). The common-password
// dictionary (@zxcvbn-ts/language-common, fetched once a new password is typed) is data, not
// code: it is not counted either, and is reported on a row of its own. Nor is what only passkeys
// fetch (`<pep-auth-provider passkeys>`, off by default: `<pep-passkeys>`, `<pep-passkey-offer>`,
// `@simplewebauthn/browser` behind their `import()`s), nor any other element added after the
// twelve that one of them fetches behind an `import()` (`<pep-activity-log>`, …): shown as
// "+ N KB added later" beside the element that may fetch them.
// Elements added after these twelve (any other `pep-*.js`) get a row of their own, held to the
// first-screen goal, and count against neither 3 nor 4. Reported as information: the shipped CDN
// file (dist/cdn/pep-auth-elements.js, the whole API) and what the demo loads.
//
//   node bench/size.mjs            Markdown table
//   node bench/size.mjs --json     rows as JSON
//   node bench/size.mjs --check    exit 1 when a goal is missed (CI)
//   node bench/size.mjs --why      also: where the bytes of goal 3's bundle come from
//   node bench/size.mjs --why pep-login   … or of one element with everything it can fetch
//   node bench/size.mjs --modules pep-login   the biggest modules of one element (`all`: of the
//                                    twelve), those of its first screen and those fetched later
//   node bench/size.mjs --splits     what each remaining lazy import() saves on a first screen
//   node bench/size.mjs --marginal   what each of the twelve adds (the twelve's size minus the size
//                                    without it): to their first screens, and to their one file
import { rollup } from 'rollup';
import resolve from '@rollup/plugin-node-resolve';
import { minify } from 'terser';
import { gzipSync } from 'node:zlib';
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { Buffer } from 'node:buffer';

const KB = 1024;
const GOAL_FIRST_SCREEN = 16 * KB;
const GOAL_LOGIN_JOURNEY = 25 * KB;
const GOAL_TWELVE = 50 * KB;
const GOAL_CDN_LIKE = 55 * KB;
/**
 * Open misses of goal 1 (issue 20 stays open on them; README "Size and speed" has the numbers).
 * Until they are back under the goal, `--check` holds them to these ceilings (today's size plus
 * under 1 %), so they cannot grow; any other element is held to the goal itself.
 */
const FIRST_SCREEN_OPEN = new Map([
  // Issue 23 (what people see) paid for its fixes on these first screens, measured at the commit
  // that landed it (gzip bytes, before → after): spoken masks and the same resend countdown on
  // every code step (verify-account 16,197 → 16,943; create/forgot-password 16,635 / 16,811 →
  // 16,992 / 17,161), focus after a failed login and the lockout that lifts itself (login
  // 16,374 → 16,660), landing views in history and texts per language (portal-home 16,513 →
  // 16,689), and the invalid-field styles every form shares (+20–90 B each).
  ['pep-create-password', 17_050],
  ['pep-forgot-password', 17_250],
  ['pep-login', 16_750],
  ['pep-portal-home', 16_750],
  ['pep-verify-account', 17_000],
]);
/**
 * Open miss of goal 2 (issue 20 stays open on it): issue 21 put the login form in light DOM for
 * password managers (credential-form, 0.9 KB) and the passkey plumbing that must exist with
 * passkeys off (+0.6 KB; the passkey code itself is lazy and not counted), and the error
 * catalogue gained the passkey and deactivation messages (+0.14 KB): 25,239 B at b658f63 →
 * 26,694 B. Held to this ceiling until it is back under 25 KB.
 */
// Issue 23 (see FIRST_SCREEN_OPEN) took it from 26.1 KB to 28,116 B.
const LOGIN_JOURNEY_OPEN = 28_250;
/**
 * Open miss of goal 3 since issue 23 (the fixes above, across the twelve): 48.7 KB → 51,791 B
 * (50.6 KB) with everything they can fetch. Held to this ceiling until it is back under 50 KB.
 */
const TWELVE_OPEN = 52_000;
// The elements the goals were set for (issue 20). Any other `pep-*.js` is measured on its own.
const TODAY = [
  'add-delegate',
  'auth-provider',
  'create-password',
  'forgot-password',
  'forgot-username',
  'login',
  'my-delegates',
  'portal-home',
  'report-issue',
  'typing-pattern',
  'verify-account',
  'verify-email',
].map((name) => `pep-${name}`);

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = `${root}dist/`;

if (!existsSync(`${dist}define.js`)) {
  console.error('bench:size measures the built package: run `npm run build` first.');
  process.exit(1);
}

const tagOf = (file) => file.split('/').pop().replace('.js', '');
const elements = readdirSync(`${dist}elements`, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(`${dist}elements/${d.name}`)
      .filter((f) => /^pep-.*\.js$/.test(f))
      .map((f) => `${dist}elements/${d.name}/${f}`),
  )
  .sort();
const twelve = elements.filter((e) => TODAY.includes(tagOf(e)));
const addedLater = elements.filter((e) => !TODAY.includes(tagOf(e)));
const missing = TODAY.filter((tag) => !twelve.some((e) => tagOf(e) === tag));
if (missing.length) {
  console.error(`bench:size: no dist/elements/*/${missing.join('.js, ')}.js in the build`);
  process.exit(1);
}

// What only passkeys fetch: their elements, `<pep-login>`'s passkey sign-in, the WebAuthn library.
// (With an element added later behind an `import()`: kind 'added later', not counted.)
const PASSKEYS =
  /\/dist\/elements\/passkeys?(-offer)?\/|\/dist\/elements\/login\/login\.passkeys\.js$|\/@simplewebauthn\//;
/**
 * What a lazily loaded module is, when it is one that is never counted: another language, the
 * HTTP adapter, the common-password dictionary (reported on its own), or what only passkeys or
 * elements added later fetch (reported as "+ N KB added later"). `null` otherwise.
 */
const uncounted = (id) =>
  /\/dist\/locales\//.test(id)
    ? 'language'
    : /\/dist\/adapter\/http\//.test(id)
      ? 'http adapter'
      : /\/node_modules\/@zxcvbn-ts\//.test(id)
        ? 'dictionary'
        : PASSKEYS.test(id) || addedLater.some((e) => id.endsWith(e.slice(root.length)))
          ? 'added later'
          : null;
// A lazy chunk is what its `import()` names (its facade), whatever Rollup put beside it.
const kindOf = (chunk) =>
  chunk.facadeModuleId
    ? uncounted(chunk.facadeModuleId)
    : Object.keys(chunk.modules).every((id) => uncounted(id) === 'dictionary')
      ? 'dictionary'
      : null;

const terserOptions = {
  ecma: 2022,
  module: true,
  compress: { passes: 2 },
  format: { comments: false },
};
// The same chunk comes back in many measurements (Lit, the dictionary): minify it once.
const minified = new Map();
async function minGz(code) {
  if (!minified.has(code)) {
    const out = (await minify(code, terserOptions)).code;
    minified.set(code, { min: Buffer.byteLength(out), gz: gzipSync(out, { level: 9 }).length });
  }
  return minified.get(code);
}

/** The entry of a bundle: `imports` (absolute paths), and `uses` kept reachable (see below). */
function virtualEntry(imports, uses) {
  const code = [
    ...imports.map((e) => `import ${JSON.stringify(e)};`),
    ...uses.map(([name, e]) => `import { ${name} } from ${JSON.stringify(e)};`),
    ...uses.map(([name]) => `globalThis.__bench_${name} = ${name};`),
  ].join('\n');
  return {
    name: 'virtual',
    resolveId: (id) => (id === 'virtual-entry' ? id : null),
    load: (id) => (id === 'virtual-entry' ? code : null),
  };
}

/**
 * Bundle `imports` (absolute module paths) like an app would, with code splitting; return the
 * first screen (`min`, `gz`: the entry chunk and every chunk it imports statically — Rollup may
 * move code shared with a lazy chunk out of the entry into such a chunk, and a host loads it up
 * front all the same), everything it can fetch later in English too (`gzAll`: every chunk
 * reachable through dynamic imports as well, each gzipped on its own as a server sends it), and
 * the dictionary when it is reachable (`dictionary`). `uses` are `[name, module]` pairs an app
 * imports and really uses (the entry keeps them reachable from `globalThis`, so they are not
 * tree-shaken).
 */
async function measure(imports, uses = []) {
  const bundle = await rollup({
    input: 'virtual-entry',
    onwarn: () => {},
    plugins: [virtualEntry(imports, uses), resolve({ exportConditions: ['production'] })],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((o) => [o.fileName, o]));
  const entry = output.find((o) => o.type === 'chunk' && o.isEntry);
  // A chunk imported statically is loaded with its importer, whatever it holds; an uncounted one
  // (another language, the HTTP adapter, the dictionary) is left out only behind an `import()`.
  const dictionary = new Set();
  const passkeys = new Set();
  const reach = (start, lazyToo) => {
    const seen = new Set();
    const visit = (c) => {
      if (seen.has(c)) return;
      seen.add(c);
      for (const f of c.imports) visit(chunks.get(f));
      if (!lazyToo) return;
      for (const f of c.dynamicImports) {
        const next = chunks.get(f);
        // `import()` of something Rollup could not resolve (none today): nothing to count
        if (!next) continue;
        const kind = kindOf(next);
        if (kind === 'dictionary') dictionary.add(next);
        if (kind === 'added later') passkeys.add(next);
        if (!kind) visit(next);
      }
    };
    visit(start);
    return seen;
  };
  const first = reach(entry, false);
  const everything = reach(entry, true);
  // What passkeys and elements added later add: their chunks and what those fetch.
  const withPasskeys = new Set();
  for (const c of passkeys) for (const d of reach(c, true)) withPasskeys.add(d);
  for (const c of [...passkeys]) passkeys.delete(c);
  for (const c of withPasskeys) if (!everything.has(c) && !dictionary.has(c)) passkeys.add(c);
  const r = { min: 0, gz: 0, gzAll: 0, dictionary: null, passkeys: 0, first: [], later: [] };
  for (const c of everything) {
    const { min, gz } = await minGz(c.code);
    r.gzAll += gz;
    if (first.has(c)) {
      r.min += min;
      r.gz += gz;
    }
  }
  for (const c of passkeys) r.passkeys += (await minGz(c.code)).gz;
  for (const c of dictionary) {
    const { min, gz } = await minGz(c.code);
    r.dictionary ??= { min: 0, gz: 0 };
    r.dictionary.min += min;
    r.dictionary.gz += gz;
  }
  const modules = (set) =>
    [...set]
      .flatMap((c) => Object.entries(c.modules))
      .map(([id, m]) => ({
        // node_modules may be a link elsewhere: name it from the project all the same
        id: id.replace(root, '').replace(/^.*\/node_modules\//, 'node_modules/'),
        rendered: m.renderedLength,
        code: m.code ?? '',
      }))
      .sort((a, b) => b.rendered - a.rendered);
  r.first = modules(first);
  r.later = modules([...everything].filter((c) => !first.has(c)));
  return r;
}

/**
 * One file as a CDN would serve it: `imports` bundled with every lazy `import()` inlined (other
 * languages, the HTTP adapter and the dictionary stay outside, uncounted), minified and gzipped.
 */
async function measureOneFile(imports) {
  const bundle = await rollup({
    input: 'virtual-entry',
    onwarn: () => {},
    plugins: [
      virtualEntry(imports, []),
      {
        name: 'keep-uncounted-lazy',
        async resolveDynamicImport(specifier, importer) {
          if (typeof specifier !== 'string') return null;
          const resolved = await this.resolve(specifier, importer);
          return resolved && uncounted(resolved.id) ? false : null;
        },
      },
      resolve({ exportConditions: ['production'] }),
    ],
  });
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  await bundle.close();
  return minGz(output.find((o) => o.type === 'chunk' && o.isEntry).code);
}

/** Where a module belongs, for `--why` and `--splits`: Lit, one element's folder, or itself. */
const groupOf = (id) =>
  id.startsWith('node_modules/')
    ? 'Lit + @lit/context'
    : id.startsWith('dist/elements/')
      ? id.split('/').slice(0, 3).join('/') + '/'
      : id;
const kb = (n) => `${(n / KB).toFixed(1)} KB`;
const arg = (flag) =>
  process.argv.includes(flag) ? (process.argv[process.argv.indexOf(flag) + 1] ?? null) : undefined;
const pick = (name) => {
  if (!name || name === 'all') return { title: "today's twelve elements", entries: twelve };
  const one = elements.find((e) => tagOf(e) === name || e.endsWith(name));
  if (!one) throw new Error(`no element ${name}`);
  return { title: `<${tagOf(one)}>`, entries: [one] };
};

if (arg('--modules') !== undefined) {
  const { title, entries } = pick(arg('--modules'));
  const r = await measure(entries);
  console.log(
    `${title}: first screen ${r.min} B min, ${r.gz} B min+gzip; with everything it can fetch ` +
      `${r.gzAll} B min+gzip. Biggest modules (rendered, unminified):`,
  );
  for (const [what, list] of [
    ['first screen', r.first],
    ['fetched later', r.later],
  ]) {
    console.log(`-- ${what}`);
    for (const m of list.slice(0, 25)) console.log(`${String(m.rendered).padStart(8)}  ${m.id}`);
  }
  process.exit(0);
}

if (process.argv.includes('--marginal')) {
  // Without an element, the bundle of the other eleven (split like an app, and as one file). The
  // one file, not the split bundle's later chunks: there, an element dropped from the entry may
  // come back as a lazy chunk of its parent, gzipped on its own, and look like a saving below 0.
  // An element another one fetches (<pep-typing-pattern>, <pep-verify-account>,
  // <pep-add-delegate>) stays in the one file all the same: what it adds shows as shared.
  const first = await measure(twelve);
  const oneFile = await measureOneFile(twelve);
  const sum = { first: 0, oneFile: 0 };
  console.log(
    `| element | adds to the twelve's first screens (${kb(first.gz)}) | … to their one file ` +
      `(${kb(oneFile.gz)}) |\n| --- | ---: | ---: |`,
  );
  for (const e of twelve) {
    const others = twelve.filter((x) => x !== e);
    const adds = {
      first: first.gz - (await measure(others)).gz,
      oneFile: oneFile.gz - (await measureOneFile(others)).gz,
    };
    sum.first += adds.first;
    sum.oneFile += adds.oneFile;
    console.log(`| <${tagOf(e)}> | ${kb(adds.first)} | ${kb(adds.oneFile)} |`);
  }
  console.log(
    `| sum of the above | ${kb(sum.first)} | ${kb(sum.oneFile)} |\n` +
      `| what the elements share | ${kb(first.gz - sum.first)} | ${kb(oneFile.gz - sum.oneFile)} |`,
  );
  process.exit(0);
}

if (process.argv.includes('--splits')) {
  // What each remaining lazy `import()` saves on a first screen: the element's first screen as
  // it is, and as one file with every lazy import inlined (other languages, the HTTP adapter and
  // the dictionary still left out), with what it fetches later.
  console.log(
    '| element | first screen | if nothing were lazy | saving | fetched later |\n' +
      '| --- | ---: | ---: | ---: | --- |',
  );
  for (const e of elements) {
    const r = await measure([e]);
    if (!r.later.length) continue;
    const whole = await measureOneFile([e]);
    const size = new Map();
    for (const m of r.later) size.set(groupOf(m.id), (size.get(groupOf(m.id)) ?? 0) + m.rendered);
    const biggest = [...size].sort((a, b) => b[1] - a[1]).map(([group]) => group);
    const later = biggest.slice(0, 3).join(', ') + (biggest.length > 3 ? ', …' : '');
    console.log(
      `| <${tagOf(e)}> | ${kb(r.gz)} | ${kb(whole.gz)} | ${kb(whole.gz - r.gz)} | ${later} |`,
    );
  }
  process.exit(0);
}

// A goal holds one number of its row: `on` 'gz' (first screen, or the one file) or 'gzAll' (with
// everything it can fetch); `name` says which in the table.
const rows = [];
const row = (what, r, goal) => {
  const out = { what, min: r.min, gz: r.gz };
  if (r.gzAll !== undefined) out.gzAll = r.gzAll;
  if (r.dictionary) out.dictionary = true;
  if (r.passkeys) out.passkeys = r.passkeys;
  if (goal) Object.assign(out, { goal: goal.name, on: goal.on, limit: goal.limit });
  if (goal) out.ok = out[goal.on] <= goal.limit;
  if (goal?.ceiling !== undefined) out.ceiling = goal.ceiling;
  rows.push(out);
  return out;
};
const firstScreen = { name: 'first screen', on: 'gz', limit: GOAL_FIRST_SCREEN };
const alone = new Map();
for (const e of elements) alone.set(e, await measure([e]));
for (const e of twelve) {
  const ceiling = FIRST_SCREEN_OPEN.get(tagOf(e));
  row(`<${tagOf(e)}>`, alone.get(e), ceiling ? { ...firstScreen, ceiling } : firstScreen);
}
for (const e of addedLater) row(`<${tagOf(e)}> (added later)`, alone.get(e), firstScreen);
const login = alone.get(twelve.find((e) => tagOf(e) === 'pep-login'));
row('Log In journey: <pep-login> + everything it can fetch', login, {
  name: 'in all',
  on: 'gzAll',
  limit: GOAL_LOGIN_JOURNEY,
  ceiling: LOGIN_JOURNEY_OPEN,
});
const all = await measure(twelve);
row("today's twelve elements", all, {
  name: 'in all',
  on: 'gzAll',
  limit: GOAL_TWELVE,
  ceiling: TWELVE_OPEN,
});
row(
  "CDN-like bundle of today's twelve (one file, every element whole)",
  await measureOneFile(twelve),
  {
    name: 'one file',
    on: 'gz',
    limit: GOAL_CDN_LIKE,
  },
);
const everyElement = addedLater.length ? await measure(elements) : all;
if (addedLater.length) row('every element (added later ones too)', everyElement);
row(
  'every element + MemoryAdapter (what the demo loads)',
  await measure(elements, [['MemoryAdapter', `${dist}adapter/memory/memory-adapter.js`]]),
);
const cdn = readFileSync(`${dist}cdn/pep-auth-elements.js`);
row('CDN bundle as shipped (dist/cdn, whole API)', {
  min: cdn.length,
  gz: gzipSync(cdn, { level: 9 }).length,
});
const { dictionary } = everyElement;
if (dictionary)
  row('common-password dictionary (@zxcvbn-ts/language-common, data: not counted)', dictionary);

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows));
} else {
  console.log(
    `Sizes measured ${new Date().toISOString().slice(0, 10)} on the built package (minified, gzip -9, Lit included)\n`,
  );
  console.log('| what | min | min+gzip, first screen | with everything it can fetch | goal |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  for (const r of rows) {
    const open =
      r.ceiling !== undefined
        ? ` (open miss, issues 20 and 23; may not grow past ${kb(r.ceiling)})`
        : '';
    const goal = r.goal ? `${r.goal} ≤ ${kb(r.limit)} ${r.ok ? '✓' : `✗ over${open}`}` : '';
    const later =
      r.gzAll === undefined
        ? ''
        : `${kb(r.gzAll)}${r.dictionary ? ' + dictionary' : ''}` +
          (r.passkeys ? ` + ${kb(r.passkeys)} added later` : '');
    console.log(`| ${r.what} | ${kb(r.min)} | ${kb(r.gz)} | ${later} | ${goal} |`);
  }
}

if (arg('--why') !== undefined) {
  // Where a bundle's bytes come from: each module without comments or spaces, grouped by
  // folder, its share applied to the bundle's min+gzip size (first screen and later chunks
  // together). `--why` explains goal 3's bundle, `--why pep-login` one element with everything
  // it can fetch.
  const target = arg('--why');
  const { title, entries } = pick(target?.startsWith('pep-') ? target : null);
  const subject = entries === twelve ? all : alone.get(entries[0]);
  const groups = new Map();
  let total = 0;
  for (const m of [...subject.first, ...subject.later]) {
    // Comments and whitespace only: a module on its own has no exports to keep it alive.
    const { code } = await minify(m.code, { ecma: 2022, compress: false, mangle: false });
    const bytes = Buffer.byteLength(code ?? '');
    const group = groupOf(m.id);
    groups.set(group, (groups.get(group) ?? 0) + bytes);
    total += bytes;
  }
  console.log(
    `\n| where (${title} with everything ${entries === twelve ? 'they' : 'it'} can fetch) | min | share | ≈ min+gzip |\n| --- | ---: | ---: | ---: |`,
  );
  for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    const share = bytes / total;
    console.log(
      `| ${group} | ${kb(bytes)} | ${(share * 100).toFixed(1)}% | ${kb(share * subject.gzAll)} |`,
    );
  }
}

const missed = rows.filter((r) => r.goal && !r.ok && !(r[r.on] <= (r.ceiling ?? -1)));
if (missed.length && process.argv.includes('--check')) {
  console.error(
    `size goals missed: ${missed.map((r) => `${r.what}: ${r.goal} ${kb(r[r.on])} > ${kb(r.limit)}`).join('; ')}`,
  );
  process.exit(1);
}
