import { expect } from '@open-wc/testing';
import * as stories from '../../../stories/verify-email.stories.js';
import { runStory, storiesOf } from '../forgot-username/story-runner.js';

type El = HTMLElement & { updateComplete: Promise<unknown> } & Record<string, any>;
const text = (el: El, sel: string) =>
  el.shadowRoot!.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** What each story must show: the page it is named after. */
const shows: Record<string, (el: El) => boolean> = {
  Verified: (el) =>
    text(el, 'h2') === 'Email Verification Complete!' &&
    el.shadowRoot!.querySelector('button[part=submit-button]') !== null,
  VerifiedWithHref: (el) =>
    el.shadowRoot!.querySelector('a[part=submit-button]')?.getAttribute('href') ===
    '#/delegate/create-password',
  LinkUsed: (el) => text(el, 'h2') === 'This link was already used',
  LinkExpired: (el) => text(el, 'h2') === 'This link has expired',
  LinkInvalid: (el) => text(el, 'h2') === 'This link is not valid',
  NetworkError: (el) =>
    text(el, '[role=alert]').includes('could not reach') &&
    el.shadowRoot!.querySelector('[part=retry-button]') !== null,
  Verifying: (el) => el.step === 'verifying' && text(el, '[role=status]') === 'Please wait…',
};

describe('verify-email stories', () => {
  it('every story has a check', () => {
    expect(storiesOf(stories).map(([name]) => name)).to.have.members(Object.keys(shows));
  });

  for (const [name, story] of storiesOf(stories)) {
    it(`${name} shows its state and is accessible`, async () => {
      const container = await runStory(stories.default as never, story);
      const el = container.querySelector('pep-verify-email') as El;
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
