import * as stories from '../../../stories/auth-provider.stories.js';
import { storySuite, type StoryElement } from '../../support/story-runner.js';

type El = StoryElement;
/** A widget inside the provider (none has its own adapter: it comes from the provider). */
const inner = (el: El, tag: string) => el.querySelector(tag) as El | null;
const alert = (el: El | null) =>
  el?.shadowRoot?.querySelector('[role=alert]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** What each story must show: the state it is named after. */
const shows: Record<string, (el: El) => boolean> = {
  ProvidesAdapter: (el) => inner(el, 'pep-login')?.step === 'enroll',
  HelpDeskPhone: (el) =>
    alert(inner(el, 'pep-login')).includes('locked') &&
    alert(inner(el, 'pep-login')).includes('1-800-555-0142'),
  SeveralWidgets: (el) =>
    !!inner(el, 'pep-login')?.adapter &&
    inner(el, 'pep-login')?.adapter === inner(el, 'pep-forgot-username')?.adapter &&
    inner(el, 'pep-login')?.adapter === el.adapter,
};

storySuite('auth-provider stories', stories, 'pep-auth-provider', shows);
