import { expect } from '@open-wc/testing';
import * as stories from '../../../stories/portal-home.stories.js';
import { runStory, storiesOf } from '../forgot-username/story-runner.js';

type El = HTMLElement & { updateComplete: Promise<unknown> } & Record<string, any>;

const q = <E extends Element = HTMLElement>(el: El, sel: string) =>
  el.shadowRoot!.querySelector<E>(sel);
const text = (el: El, sel: string) => q(el, sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** What each story must show: the step or error state it is named after. */
const shows: Record<string, (el: El) => boolean> = {
  Home: (el) => el.view === 'home' && !!q(el, '[part="unavailable"]'),
  UserMenuOpen: (el) => q(el, '[part="menu-button"]')?.getAttribute('aria-expanded') === 'true',
  MyInformation: (el) =>
    el.view === 'information' && text(el, '[part="profile"]').includes('janedoe01'),
  MyHierarchy: (el) =>
    el.view === 'hierarchy' && text(el, '[part="producer"]').includes('P-100200'),
  QuoteAndEnroll: (el) => el.view === 'quote',
  ProducerSession: (el) => el.view === 'home' && !q(el, '[part="unavailable"]'),
  LoggedOut: (el) => text(el, '[role="status"]').includes('You have logged out'),
  LogoutFailed: (el) => text(el, '[role="alert"]').includes('could not reach'),
  NoSession: (el) => text(el, '[role="status"]').includes('session has ended'),
  SessionUnavailable: (el) => text(el, '[role="alert"]').includes('temporarily unavailable'),
};

/** Every story renders the element, reaches the state it names, and is axe clean. */
describe('portal-home stories', () => {
  it('every story has a check', () => {
    expect(storiesOf(stories).map(([name]) => name)).to.have.members(Object.keys(shows));
  });

  for (const [name, story] of storiesOf(stories)) {
    it(`${name} shows its state and is accessible`, async () => {
      const container = await runStory(stories.default as never, story);
      const el = container.querySelector('pep-portal-home') as El;
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
