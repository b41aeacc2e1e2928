import * as stories from '../../../stories/add-delegate.stories.js';
import { storySuite, type StoryElement } from '../../support/story-runner.js';

type El = StoryElement;
const text = (el: El, sel: string) =>
  el.shadowRoot!.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const boxes = (el: El) =>
  [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=states]')].map((i) => i.value);

/** What each story must show: the step or error state it is named after. */
const shows: Record<string, (el: El) => boolean> = {
  Form: (el) => el.step === 'form' && boxes(el).length === 5 && text(el, '[role=alert]') === '',
  LimitedStates: (el) => boxes(el).join() === 'IL,TX',
  FieldErrors: (el) =>
    text(el, '#username-error') === 'Enter a username.' &&
    text(el, '#states-error') === 'Choose at least one state.',
  UsernameTaken: (el) => text(el, '#username-error').includes('already registered as a Producer'),
  AdapterValidation: (el) =>
    text(el, '#email-error').includes('valid email') &&
    text(el, '#states-error') === 'You cannot assign this state.',
  NetworkError: (el) =>
    text(el, '[role=alert]').includes('could not reach') &&
    !!el.shadowRoot!.querySelector('[part=retry-button]'),
  RetryAfterNetworkError: (el) =>
    el.step === 'done' && text(el, 'h2') === 'Delegate was added' && text(el, 'form') === '',
  SessionExpired: (el) =>
    el.step === 'form' &&
    text(el, '[role=alert]') === 'Your session has ended. Please log in again.' &&
    el.shadowRoot!.querySelector<HTMLInputElement>('#username')!.value === 'janedoe01',
  DelegateAdded: (el) => el.step === 'done' && text(el, 'h2') === 'Delegate was added',
};

storySuite('add-delegate stories', stories, 'pep-add-delegate', shows);
