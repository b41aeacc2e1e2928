// `node scripts/gen-ide-data.mjs` (run by `npm run analyze`): editor autocompletion from
// custom-elements.json, for people writing plain HTML and CSS:
//   vscode.html-custom-data.json  every pep-* tag with its description and attributes
//                                 (enumerated values where the type is a union of strings)
//   vscode.css-custom-data.json   every --pep-* custom property (design tokens and the ones the
//                                 elements document) and every CSS part, for ::part()
// In VS Code: "html.customData": ["./node_modules/pep-auth-elements/vscode.html-custom-data.json"]
// and "css.customData": ["./node_modules/pep-auth-elements/vscode.css-custom-data.json"].
import { readFileSync, writeFileSync } from 'node:fs';
import { URL } from 'node:url';

const root = new URL('../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
// A link per tag to its reference, when package.json says where the docs live.
const references = (tag) =>
  pkg.homepage ? { references: [{ name: 'Reference', url: `${pkg.homepage}#${tag}` }] } : {};

const declarations = manifest.modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d) => d.customElement && d.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

/** `'a' | 'b' | ''` → ['a', 'b'] (attribute values an editor can offer). */
const valuesOf = (type) => {
  const parts = (type ?? '').split('|').map((p) => p.trim());
  const strings = parts.filter((p) => /^'[^']*'$/.test(p)).map((p) => p.slice(1, -1));
  return strings.length && strings.length === parts.filter((p) => p !== 'undefined').length
    ? strings.filter(Boolean).map((name) => ({ name }))
    : undefined;
};

const html = {
  version: 1.1,
  tags: declarations.map((d) => ({
    name: d.tagName,
    description: [d.summary, d.description].filter(Boolean).join('\n\n'),
    attributes: (d.attributes ?? []).map((a) => ({
      name: a.name,
      description: a.description ?? '',
      ...(valuesOf(a.type?.text) ? { values: valuesOf(a.type?.text) } : {}),
    })),
    ...references(d.tagName),
  })),
};

const properties = new Map();
const styles = readFileSync(new URL('src/base/styles.ts', root), 'utf8');
const hostBlock = styles.slice(
  styles.indexOf(':host {'),
  styles.indexOf('}', styles.indexOf(':host {')),
);
for (const m of hostBlock.matchAll(/var\((--pep-[\w-]+),\s*(.+)\);\s*$/gm)) {
  properties.set(m[1], `Design token of every pep-* element. Default: ${m[2]}`);
}
for (const d of declarations) {
  for (const p of d.cssProperties ?? []) {
    if (!properties.has(p.name)) properties.set(p.name, `<${d.tagName}>: ${p.description ?? ''}`);
  }
}
const parts = new Map();
for (const d of declarations) {
  for (const p of d.cssParts ?? []) {
    const line = `<${d.tagName}>: ${p.description ?? ''}`;
    parts.set(p.name, [...(parts.get(p.name) ?? []), line]);
  }
}
const css = {
  version: 1.1,
  properties: [...properties].map(([name, description]) => ({ name, description })),
  pseudoElements: [...parts].map(([name, lines]) => ({
    name: `::part(${name})`,
    description: lines.join('\n'),
  })),
};

writeFileSync(new URL('vscode.html-custom-data.json', root), JSON.stringify(html, null, 2) + '\n');
writeFileSync(new URL('vscode.css-custom-data.json', root), JSON.stringify(css, null, 2) + '\n');
console.log(
  `wrote vscode.html-custom-data.json (${html.tags.length} tags) and vscode.css-custom-data.json (${css.properties.length} properties, ${css.pseudoElements.length} parts)`,
);
