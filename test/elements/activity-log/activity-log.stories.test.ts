import * as stories from '../../../stories/activity-log.stories.js';
import { storySuite, type StoryElement } from '../../support/story-runner.js';

type El = StoryElement;
const text = (el: El, sel: string) =>
  el.shadowRoot!.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** What each story must show: the state it is named after. */
const shows: Record<string, (el: El) => boolean> = {
  RecentActivity: (el) =>
    text(el, '[part=entry]').includes('Unlocked by the Internet Help Desk') &&
    !!el.shadowRoot!.querySelector('[part=more-button]'),
  Empty: (el) => text(el, '[part=empty]') === 'No activity yet.',
  LoadError: (el) => text(el, '[role=alert]').includes('could not reach'),
};

storySuite('activity-log stories', stories, 'pep-activity-log', shows);
