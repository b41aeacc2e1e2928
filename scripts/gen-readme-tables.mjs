// `node scripts/gen-readme-tables.mjs` (run by `npm run analyze`): turns custom-elements.json
// into docs/elements.md, the element reference (attributes, properties, methods, events, CSS
// parts, CSS custom properties, slots per element), preceded by the design tokens table read
// from src/base/styles.ts (every `--pep-*` token with its light and dark default).
//
// If README.md has the markers `<!-- elements:start -->` and `<!-- elements:end -->`, the text
// between them is replaced by a compact index of the elements linking to docs/elements.md.
//
// `--check` (CI) writes nothing and exits 1 on drift: when custom-elements.json is not what the
// analyzer makes of the sources now (JSDoc changed, `npm run analyze` not run), or when
// docs/elements.md or the README index is not what the manifest gives.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { URL, fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const OUT = new URL('docs/elements.md', root);

/** Markdown table cell: one line, pipes escaped. */
const cell = (text) =>
  String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
const code = (text) =>
  text
    ? `\`${String(text)
        .replace(/\s*\n\s*/g, ' ')
        .replace(/`/g, "'")
        .trim()}\``
    : '';

function table(headers, rows) {
  if (!rows.length) return '';
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

const isPublic = (m) =>
  !m.static &&
  m.privacy !== 'private' &&
  m.privacy !== 'protected' &&
  !m.name.startsWith('#') &&
  !m.name.startsWith('_');

/** The first paragraph of a JSDoc description. */
const firstParagraph = (text) => (text ?? '').split(/\n\s*\n/)[0].replace(/\s*\n\s*/g, ' ');

const styles = readFileSync(new URL('src/base/styles.ts', root), 'utf8');
/** `--pep-*` token → default, from one `:host…` block of src/base/styles.ts. */
function tokenBlock(selector) {
  const start = styles.indexOf(selector);
  if (start < 0) return new Map();
  const body = styles.slice(start, styles.indexOf('}', start));
  const out = new Map();
  for (const m of body.matchAll(/var\((--pep-[\w-]+),\s*(.+)\);\s*$/gm)) out.set(m[1], m[2]);
  return out;
}
const light = tokenBlock(':host {');
const dark = tokenBlock(":host([theme='dark'])");

function tokensSection() {
  if (!light.size) return '';
  const rows = [...light].map(([name, value]) => [
    code(name),
    code(value),
    dark.has(name) ? code(dark.get(name)) : 'same',
  ]);
  return `## Design tokens

Set these custom properties on any ancestor of the widgets (or on the tags themselves) to theme
every element at once, e.g. \`pep-login { --pep-color-primary: #6b2fb3; --pep-radius: 12px; }\`.
Dark defaults apply with \`prefers-color-scheme: dark\`, or always with \`theme="dark"\` on an
element (\`theme="light"\` keeps the light ones). For finer control, style the CSS parts listed
for each element with \`::part()\`.

${table(['Token', 'Light default', 'Dark default'], rows)}
`;
}

function elementSection(decl, modulePath) {
  const tag = decl.tagName;
  const parts = [`## \`<${tag}>\``];
  if (decl.summary) parts.push(`**${cell(decl.summary)}**`);
  if (decl.description) parts.push(firstParagraph(decl.description));
  const folder = modulePath.split('/').slice(-2, -1)[0];
  parts.push(
    `\`import 'pep-auth-elements/elements/${folder}/${tag}.js'\` defines the tag. The class alone, ` +
      `defining nothing: \`import { ${decl.name} } from 'pep-auth-elements'\`.`,
  );

  const attributes = (decl.attributes ?? []).map((a) => [
    code(a.name),
    a.fieldName ? code(a.fieldName) : '',
    code(a.type?.text),
    code(a.default),
    a.description,
  ]);
  const attributeFields = new Set((decl.attributes ?? []).map((a) => a.fieldName));
  const fields = (decl.members ?? []).filter(
    (m) => m.kind === 'field' && isPublic(m) && !attributeFields.has(m.name),
  );
  const properties = fields.map((m) => [
    code(m.name),
    code(m.type?.text),
    code(m.default),
    `${m.readonly ? '(read-only) ' : ''}${m.description ?? ''}${
      m.inheritedFrom ? ` (from \`${m.inheritedFrom.name}\`)` : ''
    }`,
  ]);
  const methods = (decl.members ?? [])
    .filter((m) => m.kind === 'method' && isPublic(m))
    .map((m) => [
      code(
        `${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.optional || p.default !== undefined ? '?' : ''}`).join(', ')})`,
      ),
      code(m.return?.type?.text),
      `${m.description ?? ''}${m.inheritedFrom ? ` (from \`${m.inheritedFrom.name}\`)` : ''}`,
    ]);
  const events = (decl.events ?? []).map((e) => [code(e.name), code(e.type?.text), e.description]);
  const cssParts = (decl.cssParts ?? []).map((p) => [code(p.name), p.description]);
  const cssProperties = (decl.cssProperties ?? []).map((p) => [
    code(p.name),
    code(p.default ?? light.get(p.name)),
    p.description,
  ]);
  const slots = (decl.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', s.description]);

  const sections = [
    ['Attributes', ['Attribute', 'Property', 'Type', 'Default', 'Description'], attributes],
    ['Properties', ['Property', 'Type', 'Default', 'Description'], properties],
    ['Methods', ['Method', 'Returns', 'Description'], methods],
    ['Events', ['Event', 'Type', 'Description'], events],
    ['CSS parts', ['Part', 'Description'], cssParts],
    ['CSS custom properties', ['Property', 'Default', 'Description'], cssProperties],
    ['Slots', ['Slot', 'Description'], slots],
  ];
  for (const [title, headers, rows] of sections) {
    if (rows.length) parts.push(`### ${title}\n\n${table(headers, rows)}`);
  }
  return parts.join('\n\n');
}

const elements = manifest.modules
  .flatMap((m) => (m.declarations ?? []).map((d) => ({ d, path: m.path })))
  .filter(({ d }) => d.customElement && d.tagName)
  .sort((a, b) => a.d.tagName.localeCompare(b.d.tagName));

const text = `# Element reference

<!-- Generated by scripts/gen-readme-tables.mjs from custom-elements.json (npm run analyze). Do not edit. -->

Every element takes its backend from \`<pep-auth-provider>\` (or its \`adapter\` property), fires
\`pep-*\` events that bubble and cross shadow roots, and renders its text from an English catalogue
that the \`messages\` property overrides key by key.

${elements.map(({ d }) => `- [\`<${d.tagName}>\`](#${d.tagName}) ${cell(d.summary ?? '')}`).join('\n')}

${tokensSection()}
${elements.map(({ d, path }) => elementSection(d, path)).join('\n\n')}
`;

// The README carries a compact index (element, what it does, its events) between
// `<!-- elements:start -->` and `<!-- elements:end -->` when those markers are there.
const README = new URL('README.md', root);
const START = '<!-- elements:start -->';
const END = '<!-- elements:end -->';
const summary = `${START}
<!-- Generated by scripts/gen-readme-tables.mjs from custom-elements.json. Do not edit. -->

${table(
  ['Element', 'What it does', 'Events'],
  elements.map(({ d }) => [
    `[\`<${d.tagName}>\`](docs/elements.md#${d.tagName})`,
    d.summary ?? firstParagraph(d.description),
    (d.events ?? []).map((e) => code(e.name)).join(' '),
  ]),
)}

Attributes, properties, methods, events with their \`detail\` types, CSS parts, CSS custom
properties and slots of every element: [docs/elements.md](docs/elements.md) (generated from
\`custom-elements.json\`, which IDEs and Storybook read too).
${END}`;
const readme = existsSync(README) ? readFileSync(README, 'utf8') : '';
const start = readme.indexOf(START);
const end = readme.indexOf(END);
const newReadme =
  start >= 0 && end > start
    ? readme.slice(0, start) + summary + readme.slice(end + END.length)
    : readme;

/** The manifest the analyzer makes of the sources now (custom-elements-manifest.config.mjs). */
function freshManifest() {
  const cwd = fileURLToPath(root);
  const out = mkdtempSync(join(tmpdir(), 'pep-cem-'));
  try {
    // The analyzer joins --outdir to the working directory: give it a relative path.
    execFileSync(
      process.execPath,
      [
        join(cwd, 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
        'analyze',
        '--litelement',
        '--outdir',
        relative(cwd, out),
      ],
      { cwd, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    return readFileSync(join(out, 'custom-elements.json'), 'utf8');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv.includes('--check')) {
  const stale = [];
  if (freshManifest() !== readFileSync(new URL('custom-elements.json', root), 'utf8')) {
    stale.push('custom-elements.json (the JSDoc of the sources changed)');
  }
  if ((existsSync(OUT) ? readFileSync(OUT, 'utf8') : '') !== text) stale.push('docs/elements.md');
  if (newReadme !== readme) stale.push('the element index in README.md');
  if (stale.length) {
    console.error(`Out of date: ${stale.join(', ')}. Run npm run analyze and commit the result.`);
    process.exit(1);
  }
  console.log(
    `custom-elements.json, docs/elements.md and the README index match the sources (${elements.length} elements)`,
  );
} else {
  mkdirSync(new URL('docs/', root), { recursive: true });
  writeFileSync(OUT, text);
  console.log(`wrote docs/elements.md (${elements.length} elements)`);
  if (newReadme !== readme) {
    writeFileSync(README, newReadme);
    console.log('updated the element index in README.md');
  }
}
