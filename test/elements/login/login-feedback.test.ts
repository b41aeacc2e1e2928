/**
 * Issue 23 on `<pep-login>`: focus after a failed Log In (by Enter and by click), the lockout
 * message (what unlocks, and what shows once the unlock time has passed), and the password
 * field's width on a phone. Runs in Chromium (`npm run test:unit`) and, for the focus and the
 * widths, in Firefox and WebKit too (`ENGINE_FILES=… npm run test:engines`).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/elements/login/pep-login.js';
import type { PepLogin } from '../../../src/elements/login/pep-login.js';
import { adapterError } from '../../../src/adapter/errors.js';
import type { AuthAdapter } from '../../../src/adapter/types.js';
import { ManualTimers } from '../../../stories/manual-timers.js';
import { memoryStore, until } from '../../support/login.js';

/** In the shadow layout, else in the light-DOM credential form. */
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) =>
  (el.shadowRoot!.querySelector<T>(sel) ?? el.querySelector<T>(`[data-pep-credentials] ${sel}`))!;
const alertText = (el: Element) => $(el, '[role="alert"]').textContent!.trim();

/** An adapter whose `login` fails with `fail()` (a fresh error each time). */
function failing(fail: () => Error): AuthAdapter {
  return {
    login: () => new Promise((_, reject) => setTimeout(() => reject(fail()), 20)),
  } as Partial<AuthAdapter> as AuthAdapter;
}

async function mount(adapter: AuthAdapter, lang?: string): Promise<PepLogin> {
  return fixture<PepLogin>(
    html`<pep-login
      lang=${lang ?? 'en'}
      .adapter=${adapter}
      .deviceStore=${memoryStore()}
      forgot-username-href="#/forgot-username"
      forgot-password-href="#/forgot-password"
    ></pep-login>`,
  );
}

/** Type into an input as a person does: focus it, then keys. */
async function typeIn(el: PepLogin, name: string, text: string): Promise<void> {
  $<HTMLInputElement>(el, `[name="${name}"]`).focus();
  await sendKeys({ type: text });
}

/** Where focus is: the innermost focused element, through shadow roots. */
function focused(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<pep-login>: issue 23', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  describe('focus after a failed Log In', () => {
    for (const [what, error] of [
      ['a wrong password', () => adapterError('INVALID_CREDENTIALS')],
      ['a locked account', () => adapterError('ACCOUNT_LOCKED', { unlocksAt: Date.now() + 1e6 })],
    ] as const) {
      it(`${what}, submitted with Enter: focus goes to the alert`, async () => {
        const el = await mount(failing(error));
        await typeIn(el, 'username', 'dana0001');
        await typeIn(el, 'password', 'Wrong-Password-1');
        await sendKeys({ press: 'Enter' });
        await until(() => alertText(el) !== '', 'the alert');
        await until(() => focused() !== document.body, 'focus to move');
        const region = $(el, '[role="alert"]');
        expect(focused()).to.equal(region);
        expect(region.textContent).to.contain(alertText(el));
        // Back to the field to fix with Shift+Tab (Show password, then Password).
        await sendKeys({ down: 'Shift' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ up: 'Shift' });
        expect(focused()).to.equal($(el, '[name="password"]'));
      });

      it(`${what}, submitted with a click on Log In: focus goes to the alert`, async () => {
        const el = await mount(failing(error));
        await typeIn(el, 'username', 'dana0001');
        await typeIn(el, 'password', 'Wrong-Password-1');
        const submit = $<HTMLButtonElement>(el, '[part="submit-button"]');
        submit.focus();
        submit.click();
        await until(() => alertText(el) !== '', 'the alert');
        await until(() => focused() !== document.body, 'focus to move');
        expect(focused()).to.equal($(el, '[role="alert"]'));
        // Tried again while the person went elsewhere in the page: focus stays there.
        const elsewhere = document.createElement('button');
        elsewhere.textContent = 'Elsewhere';
        el.after(elsewhere);
        await typeIn(el, 'password', '2');
        await sendKeys({ press: 'Enter' });
        elsewhere.focus();
        await until(() => !$<HTMLButtonElement>(el, '[part="submit-button"]').disabled, 'idle');
        await el.updateComplete;
        expect(document.activeElement).to.equal(elsewhere);
        elsewhere.remove();
      });
    }
  });

  describe('the lockout message', () => {
    it('says what unlocks (Forgot Password, the help desk), not Forgot Username', async () => {
      const el = await mount(failing(() => adapterError('ACCOUNT_LOCKED', { unlocksAt: 1e15 })));
      el.config = { ...el.config, helpDeskPhone: '1-888-706-0583' };
      await typeIn(el, 'username', 'dana0001');
      await typeIn(el, 'password', 'x');
      await sendKeys({ press: 'Enter' });
      await until(() => alertText(el) !== '', 'the alert');
      const text = alertText(el);
      expect(text).to.contain('Forgot Password');
      expect(text).to.contain('1-888-706-0583');
      expect(text).not.to.contain('Forgot Username');
    });

    it('says so in Spanish too, without ¿Olvidó su nombre de usuario?', async () => {
      const el = await mount(
        failing(() => adapterError('ACCOUNT_LOCKED', { unlocksAt: 1e15 })),
        'es',
      );
      await el.updateComplete;
      await typeIn(el, 'username', 'dana0001');
      await typeIn(el, 'password', 'x');
      await sendKeys({ press: 'Enter' });
      await until(() => alertText(el) !== '', 'the alert');
      expect(alertText(el)).to.contain('¿Olvidó su contraseña?');
      expect(alertText(el)).not.to.contain('nombre de usuario');
    });

    /** Log In on an element clock (`ManualTimers`) answered "locked until now + `unlocksIn`". */
    async function lockedOut(unlocksIn: number) {
      const timers = new ManualTimers();
      const unlocksAt = timers.clock.now() + unlocksIn;
      const el = await mount(failing(() => adapterError('ACCOUNT_LOCKED', { unlocksAt })));
      el.now = () => timers.clock.now();
      el.timers = timers;
      await typeIn(el, 'username', 'dana0001');
      await typeIn(el, 'password', 'x');
      await sendKeys({ press: 'Enter' });
      await until(() => alertText(el) !== '', 'the alert');
      return { el, timers };
    }

    it('goes once the unlock time has passed (by the element clock), saying it is unlocked', async () => {
      const { el, timers } = await lockedOut(30 * 60_000);
      expect(alertText(el)).to.contain('locked');
      timers.advance(29 * 60_000);
      await el.updateComplete;
      expect(alertText(el)).to.contain('locked');
      timers.advance(60_000);
      await el.updateComplete;
      expect(alertText(el)).to.equal('');
      expect($(el, '[part="notice"]').textContent!.trim()).to.equal(
        'Your account is unlocked. You can log in again.',
      );
      expect(timers.pending).to.equal(0);
      await expect(el).to.be.accessible();
      // A new attempt replaces it.
      await typeIn(el, 'password', 'y');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="notice"]')).to.equal(null);
    });

    it('stays when its unlock time had already passed by the element clock (clocks disagree)', async () => {
      const { el, timers } = await lockedOut(-60_000);
      await el.updateComplete;
      expect(alertText(el)).to.contain('locked');
      expect(timers.pending).to.equal(0);
      const parent = el.parentNode!;
      el.remove();
      parent.append(el);
      await el.updateComplete;
      expect(alertText(el)).to.contain('locked');
      expect(el.shadowRoot!.querySelector('[part="notice"]')).to.equal(null);
    });

    it('runs out while the element is out of the page too: back, it says unlocked', async () => {
      const { el, timers } = await lockedOut(30 * 60_000);
      expect(timers.pending).to.equal(1);
      const parent = el.parentNode!;
      el.remove();
      timers.advance(31 * 60_000);
      expect(timers.pending).to.equal(0);
      parent.append(el);
      await el.updateComplete;
      expect(alertText(el)).to.equal('');
      expect($(el, '[part="notice"]').textContent).to.contain('unlocked');
    });
  });

  describe('the password field on a phone', () => {
    for (const lang of ['en', 'es']) {
      for (const width of [375, 320]) {
        it(`${lang}, ${width} px: the input is usable and Show password stays in the field`, async () => {
          await setViewport({ width, height: 800 });
          const el = await mount(
            failing(() => adapterError('INVALID_CREDENTIALS')),
            lang,
          );
          await el.updateComplete;
          const input = $(el, '[name="password"]').getBoundingClientRect();
          const field = $(el, '[name="password"]').closest('.field')!.getBoundingClientRect();
          const toggle = $(el, '[part="toggle-button"]').getBoundingClientRect();
          // The whole width of the field, not what a 157 / 189 px button leaves of it.
          expect(input.width).to.be.at.least(field.width - 1);
          expect(input.width).to.be.at.least(220);
          // The toggle is not squeezed either, and stays inside the field.
          expect(toggle.right).to.be.at.most(field.right + 1);
          expect(toggle.left).to.be.at.least(field.left - 1);
          expect(toggle.width).to.be.at.least(24);
          expect(document.documentElement.scrollWidth).to.be.at.most(width);
          // On a wide screen the toggle stays beside the input.
          await setViewport({ width: 1280, height: 800 });
          const wide = $(el, '[name="password"]').getBoundingClientRect();
          const beside = $(el, '[part="toggle-button"]').getBoundingClientRect();
          expect(Math.abs(beside.top - wide.top)).to.be.below(2);
          expect(wide.width).to.be.at.least(192);
        });
      }
    }
  });
});
