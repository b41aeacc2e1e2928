/**
 * Later steps and error states, in every engine: zero axe violations, labels bound, focus on
 * the step heading after a step change, and errors in the live region / linked to the field.
 */
import { expect } from '@open-wc/testing';
import type { PepElement } from '../../src/base/pep-element.js';
import { CASES, deepActive, until } from './cases.js';
import { DELEGATE } from '../support/login.js';

const render = (tag: string) => CASES.find((c) => c.tag === tag)!.render();
/** In the shadow root, else in the light-DOM credential form. */
const $ = <T extends HTMLElement = HTMLElement>(el: PepElement, sel: string) =>
  el.shadowRoot!.querySelector<T>(sel) ?? el.querySelector<T>(`[data-pep-credentials] ${sel}`);
const heading = (el: PepElement) => $(el, '[data-step-heading]')!.textContent!.trim();

async function fill(el: PepElement, name: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `[name="${name}"]`)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function submit(el: PepElement): Promise<void> {
  $(el, '[part~="submit-button"]')!.click();
  await el.updateComplete;
}

/** After a step change the new step's heading (in this widget or a nested one) has focus. */
async function headingFocused(text: RegExp): Promise<void> {
  await until(() => {
    const a = deepActive();
    return !!a?.hasAttribute('data-step-heading') && text.test(a.textContent ?? '');
  }, `focus on the "${text.source}" heading`);
}

function labelsBound(el: PepElement): void {
  for (const c of el.shadowRoot!.querySelectorAll<HTMLInputElement>('input, select, textarea')) {
    if (c.type === 'hidden') continue;
    const ok =
      (c.labels?.length ?? 0) > 0 ||
      c.hasAttribute('aria-label') ||
      c.hasAttribute('aria-labelledby');
    expect(ok, `${c.outerHTML} has a label`).to.be.true;
  }
}

describe('later steps and error states', () => {
  it('<pep-login>: invalid credentials in the alert region, then the enrollment step', async () => {
    const el = await render('pep-login');
    await fill(el, 'username', DELEGATE.username);
    await fill(el, 'password', 'Wrong-Password-1');
    await submit(el);
    await until(() => !!$(el, '[role="alert"]')?.textContent?.trim(), 'the alert');
    expect($<HTMLInputElement>(el, '[name="username"]')!.value).to.equal(DELEGATE.username);
    await expect(el).to.be.accessible();

    await fill(el, 'password', DELEGATE.password);
    await submit(el);
    const nested = await until(() => !!$(el, 'pep-typing-pattern'), 'the enrollment step').then(
      () => $(el, 'pep-typing-pattern') as PepElement,
    );
    await nested.updateComplete;
    await headingFocused(/./);
    labelsBound(nested);
    await expect(el).to.be.accessible();
  });

  it('<pep-forgot-password>: choose a method, then the code step', async () => {
    const el = await render('pep-forgot-password');
    await fill(el, 'username', DELEGATE.username);
    await submit(el);
    await until(() => !!$(el, 'input[name="channel"]'), 'the choose step');
    await headingFocused(/Code/);
    labelsBound(el);
    await expect(el).to.be.accessible();

    $(el, 'input[name="channel"][value="email"]')!.click();
    await el.updateComplete;
    await submit(el);
    await until(() => !!$(el, 'input[autocomplete="one-time-code"]'), 'the code step');
    await headingFocused(/Verification Code/);
    const code = $<HTMLInputElement>(el, 'input[autocomplete="one-time-code"]')!;
    expect(code.labels?.length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();

    // A wrong code: the message is in the alert region or linked to the field.
    await fill(el, code.name, 'AAAAAAAA');
    await submit(el);
    await until(
      () =>
        !!$(el, '[role="alert"]')?.textContent?.trim() ||
        code.getAttribute('aria-invalid') === 'true',
      'the wrong-code message',
    );
    await expect(el).to.be.accessible();
  });

  it('<pep-verify-account>: the code step after sending an email code', async () => {
    const el = await render('pep-verify-account');
    $(el, 'input[name="method"][value="email"]')!.click();
    await el.updateComplete;
    await submit(el);
    await until(() => !!$(el, 'input[autocomplete="one-time-code"]'), 'the code step');
    labelsBound(el);
    await expect(el).to.be.accessible();
  });

  it('<pep-forgot-username>: the confirmation step', async () => {
    const el = await render('pep-forgot-username');
    await fill(el, 'email', 'dana.lee@example.com');
    await submit(el);
    await until(() => heading(el) !== 'Forgot Username', 'the sent step');
    await headingFocused(/Check Your Email/);
    await expect(el).to.be.accessible();
  });

  for (const tag of ['pep-add-delegate', 'pep-report-issue', 'pep-create-password']) {
    it(`<${tag}>: an empty submit marks fields invalid, linked to their errors`, async () => {
      const el = await render(tag);
      await submit(el);
      await until(() => !!$(el, '[aria-invalid="true"]'), 'invalid fields');
      for (const field of el.shadowRoot!.querySelectorAll('[aria-invalid="true"]')) {
        const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
        const texts = ids.map((id) => el.shadowRoot!.getElementById(id)?.textContent?.trim());
        expect(texts.some(Boolean), `${field.id} has a linked error`).to.be.true;
      }
      await expect(el).to.be.accessible();
    });
  }
});
