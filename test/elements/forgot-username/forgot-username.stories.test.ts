import * as stories from '../../../stories/forgot-username.stories.js';
import { storySuite, type StoryElement } from '../../support/story-runner.js';

type El = StoryElement;

const q = <E extends Element = HTMLElement>(el: El, sel: string) =>
  el.shadowRoot!.querySelector<E>(sel);
const text = (el: El, sel: string) => q(el, sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** What each story must show: the step or error state it is named after. */
const shows: Record<string, (el: El) => boolean> = {
  Email: (el) => el.step === 'email',
  InvalidEmail: (el) => text(el, '#email-error').includes('valid email'),
  Sent: (el) => el.step === 'sent' && text(el, '[part="countdown"]').includes('resend'),
  SentUnknownAddress: (el) => text(el, '[part="confirmation"]').includes('nobody@example.com'),
  ResendAvailable: (el) =>
    el.step === 'sent' &&
    q(el, '[part="resend-button"]')?.getAttribute('aria-disabled') === 'false',
  RateLimited: (el) => text(el, '[role="alert"]').includes('Too many attempts'),
  NetworkError: (el) => text(el, '[role="alert"]').includes('could not reach'),
};

/** Every story renders the element, reaches the state it names, and is axe clean. */
storySuite('forgot-username stories', stories, 'pep-forgot-username', shows);
