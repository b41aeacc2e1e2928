import { render, type TemplateResult } from 'lit';

type Loaded = Record<string, unknown>;
interface StoryLike {
  loaders?: ((ctx: unknown) => Promise<Loaded>)[];
  render?: (args: unknown, ctx: { loaded: Loaded }) => TemplateResult;
  play?: (ctx: { canvasElement: HTMLElement; loaded: Loaded }) => Promise<void> | void;
}

/**
 * Run one story of a CSF module the way Storybook does (meta and story loaders merged, the
 * story's or meta's render, then play) into a fresh container; returns the container.
 */
export async function runStory(meta: StoryLike, story: StoryLike): Promise<HTMLElement> {
  const loaded: Loaded = {};
  for (const loader of [...(meta.loaders ?? []), ...(story.loaders ?? [])]) {
    Object.assign(loaded, await loader({}));
  }
  const draw = story.render ?? meta.render;
  if (!draw) throw new Error('story without render');
  const container = document.createElement('div');
  document.body.append(container);
  render(draw({}, { loaded }), container);
  await story.play?.({ canvasElement: container, loaded });
  return container;
}

/** The named story exports of a CSF module (everything but `default`). */
export function storiesOf(module: Record<string, unknown>): [string, StoryLike][] {
  return Object.entries(module).filter(([name]) => name !== 'default') as [string, StoryLike][];
}
