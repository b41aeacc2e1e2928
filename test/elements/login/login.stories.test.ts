/**
 * Each story of stories/login.stories.ts reaches the state it is named after and is axe clean
 * (stories.test.ts checks that the journey's stories render; this names each one's state).
 */
import * as stories from '../../../stories/login.stories.js';
import { storySuite, type StoryElement } from '../../support/story-runner.js';

type El = StoryElement;
/** In the shadow layout, else in the light-DOM credential form. */
const find = <T extends Element = Element>(el: El, sel: string) =>
  el.shadowRoot!.querySelector<T>(sel) ?? el.querySelector<T>(`[data-pep-credentials] ${sel}`);
const text = (el: El, sel: string) => find(el, sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const alert = (el: El) => text(el, '[role=alert]');

const shows: Record<string, (el: El) => boolean> = {
  Credentials: (el) =>
    el.step === 'credentials' && alert(el) === '' && !!find(el, '[name="password"]'),
  EmptyFields: (el) => text(el, '[id$="-username-error"]') === 'Enter a username.',
  InvalidCredentials: (el) =>
    alert(el) === 'The username or password you entered is incorrect.' &&
    find<HTMLInputElement>(el, '[name="username"]')!.value !== '',
  Locked: (el) => alert(el).startsWith('Your account is locked after 5 incorrect'),
  NetworkError: (el) =>
    alert(el).includes('could not reach') && !!el.shadowRoot!.querySelector('[part~=retry-button]'),
  FirstLoginEnrollPattern: (el) =>
    el.step === 'enroll' && !!el.shadowRoot!.querySelector('pep-typing-pattern'),
  VerifyAccount: (el) =>
    el.step === 'verify' && !!el.shadowRoot!.querySelector('pep-verify-account'),
  SignedIn: (el) => el.step === 'done' && text(el, '[role=status]') === 'You are logged in.',
  PasskeyOffer: (el) => el.step === 'offer' && !!el.shadowRoot!.querySelector('pep-passkey-offer'),
  VerificationExpired: (el) =>
    el.step === 'credentials' &&
    alert(el) === 'Your login took too long and has expired. Please log in again.',
};

storySuite('login stories', stories, 'pep-login', shows);
