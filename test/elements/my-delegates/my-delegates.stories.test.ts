import * as stories from '../../../stories/my-delegates.stories.js';
import { storySuite, type StoryElement } from '../../support/story-runner.js';

type El = StoryElement;
const text = (el: El, sel: string) =>
  el.shadowRoot!.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const count = (el: El, sel: string) => el.shadowRoot!.querySelectorAll(sel).length;

/** What each story must show: the state it is named after. */
const shows: Record<string, (el: El) => boolean> = {
  List: (el) => count(el, '[part=delegate]') === 2 && count(el, '[part=resend-button]') === 2,
  Empty: (el) => text(el, '[part=empty]').includes('not added any delegates'),
  Active: (el) => count(el, '[part=delegate]') === 2 && count(el, '[part=resend-button]') === 0,
  MixedStatuses: (el) =>
    [...el.shadowRoot!.querySelectorAll('.status')]
      .map((s) => s.getAttribute('data-status'))
      .join() === 'active,locked,invited',
  AddDelegateDialog: (el) =>
    el.shadowRoot!.querySelector('dialog')?.open === true &&
    !!el.shadowRoot!.querySelector('dialog pep-add-delegate'),
  InvitationResent: (el) => text(el, '[part=status]').includes('sent a new invitation'),
  LoadError: (el) => text(el, '[role=alert]').includes('temporarily unavailable'),
  ResendError: (el) =>
    text(el, '[role=alert]').includes('could not reach') && count(el, '[part=retry-button]') === 1,
  NotSignedIn: (el) => text(el, '[role=alert]').includes('log in again'),
  ConfirmDeactivate: (el) => text(el, '[part=confirm]').startsWith('Deactivate Jane Doe?'),
  Deactivated: (el) =>
    text(el, '[part=status]') === 'Jane Doe was deactivated.' &&
    count(el, '[data-control=reactivate]') === 1,
};

storySuite('my-delegates stories', stories, 'pep-my-delegates', shows, (el) =>
  el.shadowRoot!.querySelector('dialog')?.close(),
);
