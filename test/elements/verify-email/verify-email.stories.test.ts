import * as stories from '../../../stories/verify-email.stories.js';
import { storySuite, type StoryElement } from '../../support/story-runner.js';

type El = StoryElement;
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

storySuite('verify-email stories', stories, 'pep-verify-email', shows);
