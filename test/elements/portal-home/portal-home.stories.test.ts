import * as stories from '../../../stories/portal-home.stories.js';
import { storySuite, type StoryElement } from '../../support/story-runner.js';

type El = StoryElement;

const q = <E extends Element = HTMLElement>(el: El, sel: string) =>
  el.shadowRoot!.querySelector<E>(sel);
const text = (el: El, sel: string) => q(el, sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** What each story must show: the step or error state it is named after. */
const shows: Record<string, (el: El) => boolean> = {
  Home: (el) => el.view === 'home' && !!q(el, '[part="unavailable"]'),
  UserMenuOpen: (el) => q(el, '[part="menu-button"]')?.getAttribute('aria-expanded') === 'true',
  MyInformation: (el) =>
    el.view === 'information' && text(el, '[part="profile"]').includes('janedoe01'),
  MyHierarchy: (el) =>
    el.view === 'hierarchy' && text(el, '[part="producer"]').includes('P-100200'),
  QuoteAndEnroll: (el) => el.view === 'quote',
  ProducerSession: (el) => el.view === 'home' && !q(el, '[part="unavailable"]'),
  LoggedOut: (el) => text(el, '[role="status"]').includes('You have logged out'),
  LogoutFailed: (el) => text(el, '[role="alert"]').includes('could not reach'),
  NoSession: (el) => text(el, '[role="status"]').includes('session has ended'),
  SessionUnavailable: (el) => text(el, '[role="alert"]').includes('temporarily unavailable'),
  IdleWarning: (el) =>
    !!q<HTMLDialogElement>(el, 'dialog[part="idle-dialog"]')?.open &&
    text(el, '#idle-title') === 'You will be logged out soon',
  SignedOutForInactivity: (el) =>
    text(el, '[role="status"]') === 'You were logged out because you were inactive for 30 minutes.',
};

/** Every story renders the element, reaches the state it names, and is axe clean. */
storySuite('portal-home stories', stories, 'pep-portal-home', shows, (el) =>
  q<HTMLDialogElement>(el, 'dialog')?.close(),
);
