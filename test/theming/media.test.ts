/**
 * User preferences from media queries: `prefers-color-scheme: dark` gives the dark defaults
 * unless `theme="light"`, and `prefers-reduced-motion: reduce` slows the spinner and stops other
 * motion. (Emulation needs the browser's DevTools protocol: skipped where the launcher cannot.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import '../../src/elements/forgot-username/pep-forgot-username.js';
import type { PepForgotUsername } from '../../src/elements/forgot-username/pep-forgot-username.js';

const DARK_TEXT = 'rgb(230, 235, 240)';
const LIGHT_TEXT = 'rgb(28, 36, 48)';

async function emulate(
  ctx: Mocha.Context,
  media: Parameters<typeof emulateMedia>[0],
): Promise<void> {
  try {
    await emulateMedia(media);
  } catch {
    ctx.skip();
  }
}

describe('media preferences', () => {
  afterEach(async () => {
    for (const reset of [
      () => emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' }),
      () => executeServerCommand('emulate-forced-colors', { active: false }),
    ]) {
      try {
        await reset();
      } catch {
        /* not supported here */
      }
    }
  });

  it('forced-colors: active (High Contrast) keeps boundaries and system colours', async function () {
    try {
      await executeServerCommand('emulate-forced-colors', { active: true });
    } catch {
      this.skip();
    }
    if (!matchMedia('(forced-colors: active)').matches) this.skip();
    const el = await fixture<PepForgotUsername>(html`<pep-forgot-username></pep-forgot-username>`);
    const button = el.shadowRoot!.querySelector<HTMLElement>('[part~="submit-button"]')!;
    const card = el.shadowRoot!.querySelector<HTMLElement>('.card')!;
    expect(getComputedStyle(button).borderTopWidth).to.equal('2px');
    expect(getComputedStyle(button).borderTopStyle).to.equal('solid');
    expect(getComputedStyle(card).borderTopStyle).to.equal('solid');
    await expect(el).to.be.accessible();
  });

  it('prefers-color-scheme: dark gives the dark defaults unless theme="light"', async function () {
    await emulate(this, { colorScheme: 'dark' });
    if (!matchMedia('(prefers-color-scheme: dark)').matches) this.skip();
    const el = await fixture<PepForgotUsername>(html`<pep-forgot-username></pep-forgot-username>`);
    expect(getComputedStyle(el).color).to.equal(DARK_TEXT);
    el.setAttribute('theme', 'light');
    expect(getComputedStyle(el).color).to.equal(LIGHT_TEXT);
    await expect(el).to.be.accessible();
  });

  it('prefers-reduced-motion: reduce slows the spinner and stops other animation', async function () {
    await emulate(this, { reducedMotion: 'reduce' });
    if (!matchMedia('(prefers-reduced-motion: reduce)').matches) this.skip();
    const el = await fixture<PepForgotUsername>(html`<pep-forgot-username></pep-forgot-username>`);
    const spinner = document.createElement('span');
    spinner.className = 'spinner';
    const other = document.createElement('span');
    other.style.animation = 'pep-spin 1s linear infinite';
    el.shadowRoot!.append(spinner, other);
    expect(getComputedStyle(spinner).animationDuration).to.equal('2.4s');
    expect(getComputedStyle(other).animationName).to.equal('none');
  });
});
