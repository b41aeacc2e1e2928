import { expect } from '@open-wc/testing';
import * as stories from '../../../stories/add-delegate.stories.js';
import { runStory, storiesOf } from '../forgot-username/story-runner.js';

type El = HTMLElement & { updateComplete: Promise<unknown> } & Record<string, any>;
const text = (el: El, sel: string) =>
  el.shadowRoot!.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const boxes = (el: El) =>
  [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=states]')].map((i) => i.value);

/** What each story must show: the step or error state it is named after. */
const shows: Record<string, (el: El) => boolean> = {
  Form: (el) => el.step === 'form' && boxes(el).length === 5 && text(el, '[role=alert]') === '',
  LimitedStates: (el) => boxes(el).join() === 'IL,TX',
  FieldErrors: (el) =>
    text(el, '#username-error') === 'Enter a username.' &&
    text(el, '#states-error') === 'Choose at least one state.',
  UsernameTaken: (el) => text(el, '#username-error').includes('already registered as a Producer'),
  AdapterValidation: (el) =>
    text(el, '#email-error').includes('valid email') &&
    text(el, '#states-error') === 'You cannot assign this state.',
  NetworkError: (el) =>
    text(el, '[role=alert]').includes('could not reach') &&
    !!el.shadowRoot!.querySelector('[part=retry-button]'),
  DelegateAdded: (el) => el.step === 'done' && text(el, 'h2') === 'Delegate was added',
};

describe('add-delegate stories', () => {
  it('every story has a check', () => {
    expect(storiesOf(stories).map(([name]) => name)).to.have.members(Object.keys(shows));
  });

  for (const [name, story] of storiesOf(stories)) {
    it(`${name} shows its state and is accessible`, async () => {
      const container = await runStory(stories.default as never, story);
      const el = container.querySelector('pep-add-delegate') as El;
      expect(el, 'element rendered').to.exist;
      for (let i = 0; i < 300 && !shows[name]!(el); i++)
        await new Promise((r) => setTimeout(r, 10));
      await el.updateComplete;
      expect(shows[name]!(el), `${name} reached its state`).to.equal(true);
      await expect(el).to.be.accessible();
      container.remove();
    });
  }
});
