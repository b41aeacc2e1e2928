/**
 * The docs page of every element (`tags: ['autodocs']` on an `Elements/*` story file): the
 * summary and description from the element's JSDoc, its first story, the API tables read from
 * custom-elements.json (attributes, properties, events with their `detail` types, CSS shadow
 * parts, CSS custom properties, slots), then every step and error state with its play function
 * run, so each story shows the state it is named after.
 *
 * Read-only `ArgTypes` tables, not `Controls`: the stories draw their element from a seeded
 * MemoryAdapter and a play function, not from args.
 */
import { createElement as h, Fragment } from 'react';
import {
  ArgTypes,
  Description,
  Heading,
  Primary,
  Stories,
  Subtitle,
  Title,
  useOf,
} from '@storybook/addon-docs/blocks';
import manifest from '../custom-elements.json';

interface Declaration {
  tagName?: string;
  summary?: string;
}

/** The `@summary` of the element's JSDoc, under the title. */
function Summary() {
  const resolved = useOf('meta');
  const tag = resolved.type === 'meta' ? (resolved.preparedMeta.component as unknown) : undefined;
  const declaration = manifest.modules
    .flatMap((m) => (m.declarations ?? []) as Declaration[])
    .find((d) => d.tagName === tag);
  return declaration?.summary ? h(Subtitle, null, declaration.summary) : null;
}

export function ElementDocsPage() {
  return h(
    Fragment,
    null,
    h(Title),
    h(Summary),
    h(Description),
    h(Primary),
    h(Heading, null, 'API (from custom-elements.json)'),
    h(ArgTypes, { sort: 'alpha' }),
    h(Stories, { title: 'Steps and error states', includePrimary: false }),
  );
}
