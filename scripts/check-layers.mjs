#!/usr/bin/env node
// The layers of src/ point one way: core/ (pure domain) ← adapter/ (contract, engine, adapters)
// ← the widgets (elements/, shared/, base/, i18n/, locales/). A file may import from its own
// layer or a lower one, never a higher one; type-only imports, re-exports and dynamic import()
// count too. Exits 1 and lists each offending import.
//
//   node scripts/check-layers.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

/** Layer of each top-level folder of src/: higher numbers may import lower ones only. */
const LAYERS = {
  core: 0,
  adapter: 1,
  elements: 2,
  shared: 2,
  base: 2,
  i18n: 2,
  locales: 2,
};

function layerOf(file) {
  const [top] = relative(src, file).split(sep);
  return top in LAYERS ? { name: top, rank: LAYERS[top] } : null;
}

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|mts|js|mjs)$/.test(entry.name)) yield path;
  }
}

const problems = [];
for (const file of sourceFiles(src)) {
  const from = layerOf(file);
  if (!from) continue;
  const text = readFileSync(file, 'utf8');
  // Imports, `export … from`, `import type` and `import()`; comments and strings are ignored.
  const { importedFiles } = ts.preProcessFile(text, true, true);
  for (const { fileName: specifier, pos } of importedFiles) {
    if (!specifier.startsWith('.')) continue;
    const to = layerOf(resolve(dirname(file), specifier));
    if (!to || to.rank <= from.rank) continue;
    const line = text.slice(0, pos).split('\n').length;
    problems.push(
      `${relative(root, file)}:${line} imports '${specifier}': ${from.name}/ may not import ${to.name}/`,
    );
  }
}

if (problems.length > 0) {
  console.error(`Layer violations (core/ ← adapter/ ← elements/):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  'Layers OK: core/ imports nothing from adapter/ or the widgets; adapter/ nothing from the widgets.',
);
