/**
 * The design-system stories render (as Storybook would run them): the token table lists every
 * token, the brand example applies its tokens and parts, and each "Parts" story outlines the
 * parts of its element.
 */
import { expect } from '@open-wc/testing';
import * as stories from '../../stories/theming.stories.js';
import { runStory, storiesOf } from '../support/story-runner.js';
import { until } from '../a11y/cases.js';

const meta = stories.default as Parameters<typeof runStory>[0];

describe('Design system stories', () => {
  afterEach(() => {
    document.querySelectorAll('body > div').forEach((d) => d.remove());
  });

  it('TokenReference lists the tokens parsed from the code', async () => {
    const c = await runStory(meta, stories.TokenReference as Parameters<typeof runStory>[1]);
    const names = [...c.querySelectorAll('tbody td:first-child code')].map((n) => n.textContent);
    expect(names).to.include.members([
      '--pep-color-primary',
      '--pep-radius',
      '--pep-button-radius',
    ]);
  });

  it('Brand re-themes the widgets with tokens and parts only', async () => {
    const c = await runStory(meta, stories.Brand as Parameters<typeof runStory>[1]);
    const login = c.querySelector('pep-login')!;
    await login.updateComplete;
    const button = login.shadowRoot!.querySelector('[part~="submit-button"]')!;
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(0, 83, 155)');
    expect(getComputedStyle(button).textTransform).to.equal('uppercase');
  });

  for (const [name, story] of storiesOf(stories).filter(([n]) => n.startsWith('Parts'))) {
    it(`${name} outlines every part it shows`, async () => {
      const c = await runStory(meta, story);
      const el = c.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>(
        '[class] > div > *',
      )!;
      expect(el.localName.startsWith('pep-')).to.be.true;
      await el.updateComplete;
      await until(() => !!el.shadowRoot!.querySelector('[part]'), 'parts');
      const shown = [...el.shadowRoot!.querySelectorAll('[part]')];
      const outlined = shown.filter((n) => getComputedStyle(n).outlineStyle === 'dashed');
      expect(outlined.length, 'parts outlined').to.be.greaterThan(0);
      expect(c.querySelectorAll('dt').length).to.be.greaterThan(2);
    });
  }
});
