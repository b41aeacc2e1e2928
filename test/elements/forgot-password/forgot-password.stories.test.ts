import * as stories from '../../../stories/forgot-password.stories.js';
import { storySuite, type StoryElement } from '../../support/story-runner.js';

type El = StoryElement;

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
  CodeExpired: (el) =>
    el.step === 'code' && text(el, '[role="alert"]').startsWith('This code has expired'),
  TooManyWrongCodes: (el) =>
    el.step === 'code' && text(el, '[role="alert"]').startsWith('Too many incorrect codes'),
  SendRateLimited: (el) => text(el, '[role="alert"]').includes('Too many attempts'),
  CreateNewPassword: (el) =>
    el.step === 'password' && text(el, '[data-step-heading]').includes('Step 4 of 4'),
  PasswordReused: (el) => text(el, '[role="alert"]').includes('last 10 passwords'),
  Updated: (el) => el.step === 'done',
  FlowExpired: (el) => el.step === 'find' && text(el, '[role="alert"]').includes('expired'),
  NetworkError: (el) => text(el, '[role="alert"]').includes('could not reach'),
};

/** Every story renders the element, reaches the state it names, and is axe clean. */
storySuite('forgot-password stories', stories, 'pep-forgot-password', shows);
