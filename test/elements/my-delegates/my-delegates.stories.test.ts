import { expect } from '@open-wc/testing';
import * as stories from '../../../stories/my-delegates.stories.js';
import { runStory, storiesOf } from '../forgot-username/story-runner.js';

type El = HTMLElement & { updateComplete: Promise<unknown> } & Record<string, any>;
const text = (el: El, sel: string) =>
  el.shadowRoot!.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const count = (el: El, sel: string) => el.shadowRoot!.querySelectorAll(sel).length;

/** What each story must show: the state it is named after. */
const shows: Record<string, (el: El) => boolean> = {
  List: (el) => count(el, '[part=delegate]') === 2 && count(el, '[part=resend-button]') === 2,
  Empty: (el) => text(el, '[part=empty]').includes('not added any delegates'),
  Active: (el) => count(el, '[part=delegate]') === 2 && count(el, '[part=resend-button]') === 0,
  MixedStatuses: (el) =>
    [...el.shadowRoot!.querySelectorAll('.status')]
      .map((s) => s.getAttribute('data-status'))
      .join() === 'active,locked,invited',
  AddDelegateDialog: (el) =>
    el.shadowRoot!.querySelector('dialog')?.open === true &&
    !!el.shadowRoot!.querySelector('dialog pep-add-delegate'),
  InvitationResent: (el) => text(el, '[part=status]').includes('sent a new invitation'),
  LoadError: (el) => text(el, '[role=alert]').includes('temporarily unavailable'),
  ResendError: (el) =>
    text(el, '[role=alert]').includes('could not reach') && count(el, '[part=retry-button]') === 1,
  NotSignedIn: (el) => text(el, '[role=alert]').includes('log in again'),
};

describe('my-delegates stories', () => {
  it('every story has a check', () => {
    expect(storiesOf(stories).map(([name]) => name)).to.have.members(Object.keys(shows));
  });

  for (const [name, story] of storiesOf(stories)) {
    it(`${name} shows its state and is accessible`, async () => {
      const container = await runStory(stories.default as never, story);
      const el = container.querySelector('pep-my-delegates') as El;
      expect(el, 'element rendered').to.exist;
      for (let i = 0; i < 300 && !shows[name]!(el); i++)
        await new Promise((r) => setTimeout(r, 10));
      await el.updateComplete;
      expect(shows[name]!(el), `${name} reached its state`).to.equal(true);
      await expect(el).to.be.accessible();
      el.shadowRoot!.querySelector('dialog')?.close();
      container.remove();
    });
  }
});
