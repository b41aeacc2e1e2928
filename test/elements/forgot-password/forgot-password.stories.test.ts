import { expect } from '@open-wc/testing';
import * as stories from '../../../stories/forgot-password.stories.js';
import { runStory, storiesOf } from '../forgot-username/story-runner.js';

type El = HTMLElement & { updateComplete: Promise<unknown> } & Record<string, any>;

const q = <E extends Element = HTMLElement>(el: El, sel: string) =>
  el.shadowRoot!.querySelector<E>(sel);
const text = (el: El, sel: string) => q(el, sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** What each story must show: the step or error state it is named after. */
const shows: Record<string, (el: El) => boolean> = {
  FindAccount: (el) =>
    el.step === 'find' && text(el, '[data-step-heading]').includes('Step 1 of 4'),
  InvalidUsername: (el) => text(el, '#username-error') !== '',
  ChooseMethod: (el) => el.step === 'choose',
  EnterCode: (el) => el.step === 'code' && text(el, '[part="countdown"]') !== '',
  WrongCode: (el) => text(el, '[role="alert"]').includes('incorrect'),
  SendRateLimited: (el) => text(el, '[role="alert"]').includes('Too many requests'),
  CreateNewPassword: (el) =>
    el.step === 'password' && text(el, '[data-step-heading]').includes('Step 4 of 4'),
  PasswordReused: (el) => text(el, '[role="alert"]').includes('last 10 passwords'),
  Updated: (el) => el.step === 'done',
  FlowExpired: (el) => el.step === 'find' && text(el, '[role="alert"]').includes('expired'),
  NetworkError: (el) => text(el, '[role="alert"]').includes('could not reach'),
};

/** Every story renders the element, reaches the state it names, and is axe clean. */
describe('forgot-password stories', () => {
  it('every story has a check', () => {
    expect(storiesOf(stories).map(([name]) => name)).to.have.members(Object.keys(shows));
  });

  for (const [name, story] of storiesOf(stories)) {
    it(`${name} shows its state and is accessible`, async () => {
      const container = await runStory(stories.default as never, story);
      const el = container.querySelector('pep-forgot-password') as El;
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
