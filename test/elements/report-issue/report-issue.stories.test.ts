import { expect } from '@open-wc/testing';
import * as stories from '../../../stories/report-issue.stories.js';
import { runStory, storiesOf } from '../forgot-username/story-runner.js';

type El = HTMLElement & { updateComplete: Promise<unknown> } & Record<string, any>;

const q = <E extends Element = HTMLElement>(el: El, sel: string) =>
  el.shadowRoot!.querySelector<E>(sel);
const text = (el: El, sel: string) => q(el, sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** What each story must show: the step or error state it is named after. */
const shows: Record<string, (el: El) => boolean> = {
  Form: (el) => el.step === 'form' && q<HTMLInputElement>(el, '#producerId')?.value === 'P-100200',
  FieldErrors: (el) => text(el, '#description-error') !== '',
  WithScreenshot: (el) => !!q(el, '[part="preview"] img'),
  WrongFileType: (el) => text(el, '#screenshot-error').includes('image file'),
  OversizeFile: (el) => text(el, '#screenshot-error').includes('larger than 1 KB'),
  Submitted: (el) => el.step === 'done' && /PEP-/.test(text(el, '[part="ticket"]')),
  NetworkError: (el) => text(el, '[role="alert"]').includes('could not reach'),
};

/** Every story renders the element, reaches the state it names, and is axe clean. */
describe('report-issue stories', () => {
  it('every story has a check', () => {
    expect(storiesOf(stories).map(([name]) => name)).to.have.members(Object.keys(shows));
  });

  for (const [name, story] of storiesOf(stories)) {
    it(`${name} shows its state and is accessible`, async () => {
      const container = await runStory(stories.default as never, story);
      const el = container.querySelector('pep-report-issue') as El;
      expect(el, 'element rendered').to.exist;
      for (let i = 0; i < 300 && !shows[name]!(el); i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      await el.updateComplete;
      expect(shows[name]!(el), `${name} reached its state`).to.equal(true);
      await expect(el).to.be.accessible();
      container.remove();
    });
  }
});
