/** Each story of stories/verify-account.stories.ts reaches its state and is axe clean. */
import * as stories from '../../../stories/verify-account.stories.js';
import { storySuite, type StoryElement } from '../../support/story-runner.js';

type El = StoryElement;
const $ = <T extends Element = HTMLElement>(el: El, sel: string) =>
  el.shadowRoot!.querySelector<T>(sel);
const text = (el: El, sel: string) => $(el, sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const alert = (el: El) => text(el, '[role=alert]');
const enabled = (el: El, method: string) =>
  $<HTMLInputElement>(el, `#method-${method}`)?.disabled === false;

const shows: Record<string, (el: El) => boolean> = {
  ChooseMethod: (el) => ['email', 'sms', 'pattern'].every((m) => enabled(el, m)),
  AfterEnrollment: (el) =>
    enabled(el, 'email') &&
    !enabled(el, 'pattern') &&
    text(el, '#method-pattern-reason').startsWith('Available from your next login'),
  PatternLocked: (el) =>
    !enabled(el, 'pattern') &&
    text(el, '#method-pattern-reason').startsWith('Turned off after 3 unsuccessful attempts'),
  EmailCode: (el) => !!$(el, '#code') && text(el, 'form').includes('in an email to'),
  SmsCode: (el) => !!$(el, '#code') && text(el, 'form').includes('in a SMS Text to'),
  WrongCode: (el) => alert(el).startsWith('That code is incorrect'),
  CodeResent: (el) => !!$(el, '#code') && text(el, 'p.status').startsWith('A new code was sent'),
  RememberTooltip: (el) => $(el, '[part~=tooltip]')?.hidden === false,
  KeyboardPattern: (el) => !!$(el, 'pep-typing-pattern'),
  Verified: (el) => text(el, '[role=status]') === 'Your account is verified.',
  SendNetworkError: (el) =>
    !$(el, '#code') && alert(el).includes('could not reach') && !!$(el, '[part~=retry-button]'),
  CodeExpired: (el) => !!$(el, '#code') && alert(el).startsWith('This code has expired'),
  LoginExpired: (el) =>
    !$(el, 'form') && alert(el) === 'This login has expired. Please log in again.',
};

storySuite('verify-account stories', stories, 'pep-verify-account', shows);
