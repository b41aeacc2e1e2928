/** Each story of stories/typing-pattern.stories.ts reaches its state and is axe clean. */
import * as stories from '../../../stories/typing-pattern.stories.js';
import { storySuite, type StoryElement } from '../../support/story-runner.js';

type El = StoryElement;
const $ = <T extends Element = HTMLElement>(el: El, sel: string) =>
  el.shadowRoot!.querySelector<T>(sel);
const text = (el: El, sel: string) => $(el, sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const alert = (el: El) => text(el, '[role=alert]');
const heading = (el: El) => text(el, '[data-step-heading]');

const shows: Record<string, (el: El) => boolean> = {
  Enroll: (el) =>
    heading(el) === 'Set up your keyboard typing pattern' && !!$(el, '#typing') && alert(el) === '',
  OneAttemptRecorded: (el) => text(el, 'form').includes('Attempt 2 of 3'),
  Mismatch: (el) => alert(el).startsWith('That does not match the highlighted sentence'),
  Backspace: (el) => alert(el).startsWith('No problem: corrections change the typing rhythm'),
  PasteBlocked: (el) => alert(el).startsWith('Pasting is turned off here'),
  Ready: (el) =>
    text(el, '[part~=submit-button]') === 'Continue' &&
    text(el, 'form').includes('All three attempts are recorded.'),
  Verify: (el) =>
    heading(el) === 'Verify your account by keyboard pattern' &&
    !!$(el, '#typing') &&
    !$(el, '#remember'),
  VerifyReady: (el) =>
    text(el, '[part~=submit-button]') === 'Submit' &&
    text(el, '[part=remember]').startsWith('Remember this device for 30 days'),
  ImeComposition: (el) => alert(el).startsWith('Your keyboard is composing characters'),
  Rejected: (el) => alert(el).startsWith('The typing pattern did not match'),
  Enrolled: (el) => text(el, '[role=status]') === 'Your typing pattern is saved.',
  SubmitNetworkError: (el) =>
    alert(el).includes('could not reach') &&
    !!$(el, '[part~=retry-button]') &&
    !!$(el, '[part~=submit-button]'),
  Unavailable: (el) =>
    !$(el, '#typing') && alert(el).startsWith('The keyboard typing pattern is not available'),
  LoginExpired: (el) =>
    !$(el, '#typing') && alert(el) === 'This login has expired. Please log in again.',
};

storySuite('typing-pattern stories', stories, 'pep-typing-pattern', shows);
