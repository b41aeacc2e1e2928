import * as stories from '../../../stories/passkeys.stories.js';
import { storySuite, type StoryElement } from '../../support/story-runner.js';

type El = StoryElement;
const text = (el: El, sel: string) =>
  el.shadowRoot!.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const count = (el: El, sel: string) => el.shadowRoot!.querySelectorAll(sel).length;

/** What each story must show: the state it is named after. */
const shows: Record<string, (el: El) => boolean> = {
  List: (el) =>
    count(el, '[part=passkey]') === 2 &&
    text(el, '[part=list]').includes('Never used') &&
    text(el, '[part=list]').includes('Last used'),
  Empty: (el) => text(el, '[part=empty]').includes('no passkeys yet'),
  Rename: (el) => !!el.shadowRoot!.querySelector('#passkey-name'),
  RenameError: (el) => text(el, '#passkey-name-error') === 'Enter a name for the passkey.',
  ConfirmDelete: (el) => text(el, '[part=confirm]').includes('Delete the passkey "Work laptop"'),
  LoadError: (el) => text(el, '[role=alert]').includes('temporarily unavailable'),
  AddError: (el) =>
    text(el, '[role=alert]').includes('could not reach') && count(el, '[part=retry-button]') === 1,
};

storySuite('passkeys stories', stories, 'pep-passkeys', shows);
