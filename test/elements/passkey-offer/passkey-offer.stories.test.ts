import * as stories from '../../../stories/passkey-offer.stories.js';
import { storySuite, type StoryElement } from '../../support/story-runner.js';

type El = StoryElement;
const text = (el: El, sel: string) =>
  el.shadowRoot!.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** What each story must show: the state it is named after. */
const shows: Record<string, (el: El) => boolean> = {
  Offer: (el) =>
    text(el, 'h2') === 'Create a passkey to log in faster' &&
    text(el, '[part~=secondary-button]') === 'Not now',
  NetworkError: (el) =>
    text(el, '[role=alert]').includes('could not reach') &&
    !!el.shadowRoot!.querySelector('[part~=submit-button]'),
  Created: (el) => el.step === 'created' && text(el, 'h2') === 'Your passkey is ready',
  SignedOut: (el) =>
    text(el, '[role=alert]').includes('log in again') &&
    text(el, '[part~=secondary-button]') === 'Continue',
};

storySuite('passkey-offer stories', stories, 'pep-passkey-offer', shows);
