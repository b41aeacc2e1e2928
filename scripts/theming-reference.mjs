// The theming reference, read from the code: design tokens from the `tokens` block of
// src/base/styles.ts (light and dark defaults; component tokens with the token they fall back
// to), element-specific `--pep-*` tokens from src/elements/*/*.styles.ts, and CSS parts from
// custom-elements.json (`npm run analyze`, issue 10). Used by scripts/gen-theming-docs.mjs
// (docs/theming.md) and by stories/theming.stories.ts (Storybook), so both show the same thing.

/**
 * Parse the `tokens` css`` source. Returns one row per `--pep-*` token, in source order:
 * `{ name, internal, light, dark, fallsBackTo }` (`fallsBackTo` is the `--pep-*` token a
 * component token defaults to, e.g. `--pep-button-radius` → `--pep-radius`).
 */
export function parseTokens(stylesSource) {
  const block = (selector) => {
    const start = stylesSource.indexOf(selector);
    if (start < 0) return [];
    const body = stylesSource.slice(start, stylesSource.indexOf('}', start));
    return [...body.matchAll(/(--_[\w-]+):\s*var\((--pep-[\w-]+),\s*(.+)\);\s*$/gm)].map((m) => ({
      internal: m[1],
      name: m[2],
      value: m[3].trim(),
    }));
  };
  const light = block(':host {');
  const dark = new Map(block(":host([theme='dark'])").map((t) => [t.name, t.value]));
  const byInternal = new Map(light.map((t) => [t.internal, t.name]));
  return light.map((t) => {
    const ref = /^var\((--_[\w-]+)\)$/.exec(t.value);
    const fallsBackTo = ref ? byInternal.get(ref[1]) : undefined;
    return {
      name: t.name,
      internal: t.internal,
      light: fallsBackTo ? undefined : t.value,
      dark: fallsBackTo ? undefined : (dark.get(t.name) ?? t.value),
      fallsBackTo,
    };
  });
}

/** `--pep-*` tokens an element's own styles read (not in the shared set), with defaults. */
export function parseElementTokens(elementStylesSource, sharedNames) {
  const out = new Map();
  for (const m of elementStylesSource.matchAll(/var\((--pep-[\w-]+),\s*([^;]+?)\)\s*;/g)) {
    if (!sharedNames.has(m[1]) && !out.has(m[1])) out.set(m[1], m[2].trim());
  }
  return out;
}

/** `{ tag, summary, path, parts: [{ name, description }], cssProperties }` per element. */
export function elementsFromManifest(manifest) {
  const out = [];
  for (const mod of manifest.modules ?? []) {
    for (const d of mod.declarations ?? []) {
      if (!d.tagName) continue;
      out.push({
        tag: d.tagName,
        summary: d.summary ?? '',
        path: mod.path,
        parts: (d.cssParts ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
        cssProperties: (d.cssProperties ?? []).map((p) => ({
          name: p.name,
          description: p.description ?? '',
        })),
      });
    }
  }
  return out.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** Parts by scanning `part="…"` in an element's template (when there is no manifest). */
export function partsFromTemplate(componentSource) {
  const names = new Set();
  for (const m of componentSource.matchAll(/\bpart="([^"$]+)"/g))
    for (const n of m[1].split(/\s+/)) if (n) names.add(n);
  return [...names].sort().map((name) => ({ name, description: '' }));
}
