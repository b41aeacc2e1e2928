import * as stories from '../../../stories/delegate-admin.stories.js';
import { storySuite, type StoryElement } from '../../support/story-runner.js';

type El = StoryElement;
const text = (el: El, sel: string) =>
  el.shadowRoot!.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** What each story must show: the state it is named after. */
const shows: Record<string, (el: El) => boolean> = {
  Search: (el) => text(el, 'h2') === 'Internet Help Desk: Find a Delegate',
  Results: (el) => text(el, '[part=result]').includes('Bob Smith'),
  NoResults: (el) => text(el, '[part=empty]').includes('No delegate matches'),
  QueryTooShort: (el) => text(el, '#query-error') === 'Enter at least 2 characters.',
  DelegatePage: (el) =>
    text(el, 'h2') === 'Bob Smith' &&
    text(el, '[part=details] .status').startsWith('Locked until') &&
    !!el.shadowRoot!.querySelector('pep-activity-log'),
  ReasonRequired: (el) => text(el, '#reason-error') === 'Enter the reason for this action.',
  Unlocked: (el) => text(el, '[part=status]') === 'Bob Smith was unlocked.',
  NotAllowed: (el) => text(el, 'h2') === 'Not allowed',
  SearchError: (el) =>
    text(el, '[role=alert]').includes('could not reach') &&
    !!el.shadowRoot!.querySelector('[part=retry-button]'),
};

storySuite('delegate-admin stories', stories, 'pep-delegate-admin', shows);
