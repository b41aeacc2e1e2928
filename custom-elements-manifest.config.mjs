// `npm run analyze`: custom-elements.json from the elements' JSDoc (@summary, @fires, @csspart,
// @cssprop, @slot) and their Lit properties (`--litelement`). Read by IDEs, Storybook and
// scripts/gen-readme-tables.mjs (docs/elements.md).
//
// One plugin, `pepEvents`, completes what the JSDoc says:
// - every event gets its `CustomEvent<…>` type from the `HTMLElementEventMap` declarations in
//   the sources (the one place each detail type is declared);
// - a `@csspart a, b, c - …` line documents several parts: it becomes one entry per part;
// - PepElement's generic `emit(name, …)` is not an event of its own and is dropped;
// - private members (TypeScript `private`, `#fields`) are implementation, not API: dropped;
// - modules are sorted by path (the analyzer's own order varies between runs);
// - module paths name the published files (`dist/elements/login/login.component.js`), not the
//   TypeScript sources, which are not in the package.
export default {
  globs: ['src/elements/**/*.ts', 'src/base/pep-element.ts', 'src/base/events.ts'],
  exclude: [
    'src/**/*.machine.ts',
    'src/**/*.messages.ts',
    'src/**/*.styles.ts',
    'src/**/*.steps.ts',
    'src/**/*.page.ts',
  ],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: false,
  plugins: [pepEvents()],
};

function pepEvents() {
  const eventTypes = new Map();
  return {
    name: 'pep-events',
    collectPhase({ ts, node }) {
      if (!ts.isInterfaceDeclaration(node) || node.name.text !== 'HTMLElementEventMap') return;
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) || !member.type || !member.name) continue;
        const name = ts.isStringLiteral(member.name) ? member.name.text : member.name.getText();
        eventTypes.set(name, member.type.getText().replace(/\s+/g, ' '));
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      toDistPaths(customElementsManifest);
      // The analyzer lists modules in the order it finished reading them, which varies from run
      // to run: sort them so that the manifest (and `--check`) is stable.
      customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (decl.events) {
            decl.events = decl.events
              .filter((e) => e.name?.startsWith('pep-'))
              .map((e) =>
                eventTypes.has(e.name) ? { ...e, type: { text: eventTypes.get(e.name) } } : e,
              );
          }
          if (decl.members) {
            decl.members = decl.members.filter(
              (m) => m.privacy !== 'private' && !m.name.startsWith('#'),
            );
          }
          if (decl.cssParts) {
            decl.cssParts = decl.cssParts.flatMap((part) => {
              if (!part.name.endsWith(',')) return [part];
              // "@csspart field, label, input - The fields." arrives as name "field," and
              // description "label, input - The fields."
              const [more, ...rest] = (part.description ?? '').split(' - ');
              const description = rest.join(' - ');
              const names = [part.name, ...more.split(',')].map((n) => n.replace(',', '').trim());
              return names.filter(Boolean).map((name) => ({ name, description }));
            });
          }
        }
      }
    },
  };
}

/** `src/x/y.ts` → `dist/x/y.js` in every `path` and `module` field of the manifest. */
function toDistPaths(node) {
  if (Array.isArray(node)) {
    node.forEach(toDistPaths);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'path' || key === 'module') && typeof value === 'string') {
        node[key] = value.replace(/^\/?src\/(.*)\.ts$/, 'dist/$1.js');
      } else {
        toDistPaths(value);
      }
    }
  }
}
