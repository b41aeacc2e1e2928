/**
 * Every story of the login journey renders (loaders, render, play) and is accessible: a smoke
 * test that keeps the stories working without a Storybook build.
 */
import { expect } from '@open-wc/testing';
import { nextTask } from '../../support/login.js';
import type { TemplateResult } from 'lit';
import * as login from '../../../stories/login.stories.js';
import * as verify from '../../../stories/verify-account.stories.js';
import * as typing from '../../../stories/typing-pattern.stories.js';

type Ctx = { loaded: Record<string, unknown>; canvasElement: HTMLElement };
type Loader = () => Promise<Record<string, unknown>>;
interface StoryLike {
  loaders?: Loader[];
  render?: (args: object, ctx: Ctx) => TemplateResult;
  play?: (ctx: Ctx) => Promise<void>;
}

const canvases: HTMLElement[] = [];
afterEach(() => {
  for (const c of canvases.splice(0)) c.remove();
});

async function runStory(meta: StoryLike, story: StoryLike): Promise<HTMLElement> {
  const loaders = story.loaders ?? meta.loaders ?? [];
  const loaded = Object.assign({}, ...(await Promise.all(loaders.map((l) => l()))));
  const render = story.render ?? meta.render!;
  // (Not open-wc's fixture(): for a plain element it waits for an animation frame, which a
  // background page of the parallel test runner never gets.)
  const canvas = document.createElement('div');
  document.body.append(canvas);
  canvases.push(canvas);
  const ctx: Ctx = { loaded, canvasElement: canvas };
  const { render: litRender } = await import('lit');
  litRender(render({}, ctx), canvas);
  await nextTask();
  await story.play?.(ctx);
  for (let i = 0; i < 20; i++) await nextTask();
  return canvas;
}

for (const [name, mod] of Object.entries({ login, verify, typing })) {
  const meta = mod.default as unknown as StoryLike & { title: string };
  describe(`stories: ${meta.title}`, () => {
    for (const [storyName, story] of Object.entries(mod)) {
      if (storyName === 'default') continue;
      it(`${name}/${storyName} renders and is accessible`, async () => {
        const canvas = await runStory(meta, story as StoryLike);
        const el = canvas.firstElementChild as HTMLElement;
        expect(el.localName).to.match(/^pep-/);
        expect(
          el.shadowRoot!.querySelector(
            '[data-step-heading], pep-typing-pattern, pep-verify-account, pep-passkey-offer',
          ),
        ).to.exist;
        await expect(el).to.be.accessible();
      });
    }
  });
}
