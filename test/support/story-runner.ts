import { expect } from '@open-wc/testing';
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

export type StoryElement = HTMLElement & { updateComplete: Promise<unknown> } & Record<string, any>;

/**
 * One test per story of a CSF module: it renders `tag`, reaches the state it is named after
 * (`shows[name]` becomes true within 3 s), and is axe clean; plus a test that every story has
 * a check. `cleanup` runs before the container is removed (e.g. to close a modal dialog).
 */
export function storySuite(
  label: string,
  module: Record<string, unknown> & { default: unknown },
  tag: string,
  shows: Record<string, (el: StoryElement) => boolean>,
  cleanup?: (el: StoryElement) => void,
): void {
  describe(label, () => {
    it('every story has a check', () => {
      expect(storiesOf(module).map(([name]) => name)).to.have.members(Object.keys(shows));
    });

    for (const [name, story] of storiesOf(module)) {
      it(`${name} shows its state and is accessible`, async () => {
        const container = await runStory(module.default as never, story);
        const el = container.querySelector(tag) as StoryElement;
        expect(el, 'element rendered').to.exist;
        for (let i = 0; i < 300 && !shows[name]!(el); i++) {
          await new Promise((r) => setTimeout(r, 10));
        }
        await el.updateComplete;
        expect(shows[name]!(el), `${name} reached its state`).to.equal(true);
        await expect(el).to.be.accessible();
        cleanup?.(el);
        container.remove();
      });
    }
  });
}
