/**
 * The API tables of the docs pages, from custom-elements.json.
 *
 * Storybook's web-components extractor keys every row by its bare name, so a CSS part, an
 * attribute and a property that share a name (`notice`, `theme`, `username`…) overwrite one
 * another and rows go missing. This one keys rows by category and name, and lays them out like
 * docs/elements.md: attributes (with the property each reflects), the properties that have no
 * attribute, methods, events with their `detail` types, CSS shadow parts, CSS custom
 * properties, slots. Every row is documentation only (`control: false`): the stories draw their
 * element from a seeded adapter and a play function, not from args.
 */
interface Item {
  name: string;
  kind?: string;
  description?: string;
  summary?: string;
  type?: { text?: string };
  default?: string;
  fieldName?: string;
  static?: boolean;
  privacy?: string;
  readonly?: boolean;
  parameters?: { name: string; optional?: boolean; default?: string }[];
  return?: { type?: { text?: string } };
  inheritedFrom?: { name: string };
}

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: Item[];
  members?: Item[];
  events?: Item[];
  slots?: Item[];
  cssParts?: Item[];
  cssProperties?: Item[];
}

interface Manifest {
  modules: { declarations?: unknown[] }[];
}

interface ArgTypeRow {
  name: string;
  description: string;
  control: false;
  table: {
    category: string;
    type?: { summary: string };
    defaultValue?: { summary: string };
  };
}

const isPublic = (m: Item) =>
  !m.static &&
  m.privacy !== 'private' &&
  m.privacy !== 'protected' &&
  !m.name.startsWith('#') &&
  !m.name.startsWith('_');

function row(category: string, item: Item, description = item.description ?? ''): ArgTypeRow {
  const type = item.type?.text;
  return {
    name: item.name,
    description,
    control: false,
    table: {
      category,
      ...(type ? { type: { summary: type } } : {}),
      ...(item.default !== undefined ? { defaultValue: { summary: item.default } } : {}),
    },
  };
}

/** `extractArgTypes` for `parameters.docs`: the rows of element `tag`, or null if unknown. */
export function argTypesFromManifest(manifest: Manifest) {
  const declarations = manifest.modules.flatMap((m) => (m.declarations ?? []) as Declaration[]);
  return (tag: unknown): Record<string, ArgTypeRow> | null => {
    const decl = declarations.find((d) => d.customElement && d.tagName === tag);
    if (!decl) return null;
    const rows: Record<string, ArgTypeRow> = {};
    const add = (category: string, item: Item, description?: string) => {
      rows[`${category}:${item.name}`] = row(category, item, description);
    };
    const attributeFields = new Set((decl.attributes ?? []).map((a) => a.fieldName));
    for (const a of decl.attributes ?? []) {
      const property = a.fieldName ? `Property: \`${a.fieldName}\`. ` : '';
      add('attributes', a, `${property}${a.description ?? ''}`);
    }
    const members = (decl.members ?? []).filter(isPublic);
    for (const m of members) {
      if (m.kind !== 'field' || attributeFields.has(m.name)) continue;
      const from = m.inheritedFrom ? ` (from \`${m.inheritedFrom.name}\`)` : '';
      add('properties', m, `${m.readonly ? '(read-only) ' : ''}${m.description ?? ''}${from}`);
    }
    for (const m of members) {
      if (m.kind !== 'method') continue;
      const params = (m.parameters ?? [])
        .map((p) => `${p.name}${p.optional || p.default !== undefined ? '?' : ''}`)
        .join(', ');
      const returns = m.return?.type?.text;
      add(
        'methods',
        { ...m, name: `${m.name}(${params})`, type: returns ? { text: returns } : {} },
        m.description,
      );
    }
    for (const e of decl.events ?? []) add('events', e);
    for (const p of decl.cssParts ?? []) add('css shadow parts', p);
    for (const p of decl.cssProperties ?? []) add('css custom properties', p);
    for (const s of decl.slots ?? []) add('slots', { ...s, name: s.name || 'default' });
    return rows;
  };
}
