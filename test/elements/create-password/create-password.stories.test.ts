import * as stories from '../../../stories/create-password.stories.js';
import { storySuite, type StoryElement } from '../../support/story-runner.js';

type El = StoryElement;
/** In the shadow root, else in the light-DOM credential form (the new-password step's). */
const text = (el: El, sel: string) =>
  (
    el.shadowRoot!.querySelector(sel) ?? el.querySelector(`[data-pep-credentials] ${sel}`)
  )?.textContent
    ?.replace(/\s+/g, ' ')
    .trim() ?? '';
const alert = (el: El) => text(el, '[role=alert]');

/** What each story must show: the step or error state it is named after. */
const shows: Record<string, (el: El) => boolean> = {
  FindAccount: (el) => el.step === 'find' && text(el, 'h2') === 'Step 1 of 4 Find Account',
  FindAccountFieldError: (el) =>
    text(el, '#username-error') === 'Username must be at least 7 characters.',
  FindAccountNetworkError: (el) => el.step === 'find' && alert(el).includes('could not reach'),
  ChooseChannel: (el) => el.step === 'choose' && text(el, 'form').includes('•••-•••-0101'),
  SendRateLimited: (el) => el.step === 'choose' && alert(el).startsWith('Too many attempts'),
  SendNetworkError: (el) =>
    el.step === 'choose' &&
    alert(el).includes('could not reach') &&
    !!el.shadowRoot!.querySelector('[part~=retry-button]'),
  EnterCode: (el) => el.step === 'code' && alert(el) === '',
  WrongCode: (el) => alert(el) === 'That code is incorrect. You have 4 attempts left.',
  CodeExpired: (el) => alert(el).startsWith('This code has expired'),
  TooManyWrongCodes: (el) => el.step === 'code' && alert(el).startsWith('Too many incorrect codes'),
  ResendRateLimited: (el) =>
    el.step === 'code' &&
    alert(el) === '' &&
    text(el, '[part=countdown]').startsWith('You can resend the code in'),
  CreateNewPassword: (el) =>
    el.step === 'password' && el.querySelectorAll('[part=checklist] li[data-met=false]').length > 0,
  PasswordsDoNotMatch: (el) =>
    el.step === 'password' && text(el, '[id$="-confirm-error"]') === 'The passwords do not match.',
  PasswordReused: (el) => text(el, '[id$="-password-error"]').includes('last 10 passwords'),
  ResetPurpose: (el) =>
    el.step === 'password' && text(el, '[part~=submit-button]') === 'Update Password',
  FlowExpired: (el) => el.step === 'find' && alert(el).startsWith('This step has expired'),
  Done: (el) => el.step === 'done' && text(el, 'h2') === 'Your password was created',
};

storySuite('create-password stories', stories, 'pep-create-password', shows);
