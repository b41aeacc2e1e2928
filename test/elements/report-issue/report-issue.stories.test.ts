import * as stories from '../../../stories/report-issue.stories.js';
import { storySuite, type StoryElement } from '../../support/story-runner.js';

type El = StoryElement;

const q = <E extends Element = HTMLElement>(el: El, sel: string) =>
  el.shadowRoot!.querySelector<E>(sel);
const text = (el: El, sel: string) => q(el, sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** What each story must show: the step or error state it is named after. */
const shows: Record<string, (el: El) => boolean> = {
  Form: (el) => el.step === 'form' && q<HTMLInputElement>(el, '#producerId')?.value === 'P-100200',
  FieldErrors: (el) => text(el, '#description-error') !== '',
  WithScreenshot: (el) => !!q(el, '[part="preview"] img'),
  WrongFileType: (el) => text(el, '#screenshot-error').includes('image file'),
  OversizeFile: (el) => text(el, '#screenshot-error').includes('larger than 1 KB'),
  SignedOut: (el) =>
    el.step === 'form' &&
    q<HTMLInputElement>(el, '#producerId')?.value === '' &&
    q<HTMLInputElement>(el, '#agentName')?.value === '' &&
    !q<HTMLInputElement>(el, '#producerId')?.readOnly,
  Submitted: (el) => el.step === 'done' && /PEP-/.test(text(el, '[part="ticket"]')),
  NetworkError: (el) => text(el, '[role="alert"]').includes('could not reach'),
};

/** Every story renders the element, reaches the state it names, and is axe clean. */
storySuite('report-issue stories', stories, 'pep-report-issue', shows);
