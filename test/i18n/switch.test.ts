/**
 * Switching `lang` between English and Spanish mid-flow re-renders the widget in place: the
 * current step and everything typed stay; only the words change. Three ways to set the
 * language: `<html lang>`, `<pep-auth-provider lang>`, and the element's own `lang`.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { loadLocale } from '../../src/base/localize.js';
import type { PepElement } from '../../src/base/pep-element.js';
import '../../src/define.js';
import type { PepLogin } from '../../src/elements/login/pep-login.js';
import type { PepAddDelegate } from '../../src/elements/add-delegate/pep-add-delegate.js';
import type { PepForgotPassword } from '../../src/elements/forgot-password/pep-forgot-password.js';
import { es } from '../../src/locales/es.js';
import { loginEn } from '../../src/elements/login/login.messages.js';
import { addDelegateEn } from '../../src/elements/add-delegate/add-delegate.messages.js';
import { forgotPasswordEn } from '../../src/elements/forgot-password/forgot-password.messages.js';
import { typingPatternEn } from '../../src/elements/typing-pattern/typing-pattern.messages.js';
import { commonEn } from '../../src/i18n/common.en.js';
import { CASES, deepActive, typeText, until } from '../a11y/cases.js';
import { DELEGATE } from '../support/login.js';

const heading = (el: Element) =>
  el.shadowRoot!.querySelector('[data-step-heading]')!.textContent!.replace(/\s+/g, ' ').trim();
/** In the shadow root, else in the light-DOM credential form. */
const input = (el: Element, name: string) =>
  (el.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`) ??
    el.querySelector<HTMLInputElement>(`[data-pep-credentials] [name="${name}"]`))!;

async function typeInto(el: Element, name: string, text: string): Promise<void> {
  input(el, name).focus();
  await typeText(text);
}

/** Wait until the language change has been applied (the Spanish chunk may still be loading). */
async function settled(el: PepElement): Promise<void> {
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
}

const render = (tag: string) => CASES.find((c) => c.tag === tag)!.render();

describe('switching language mid-flow', () => {
  before(async () => {
    await loadLocale('es');
  });
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  it('<pep-login> follows <html lang>, keeping typed input and then the nested step', async () => {
    const el = (await render('pep-login')) as PepLogin;
    await typeInto(el, 'username', DELEGATE.username);
    await typeInto(el, 'password', DELEGATE.password);

    document.documentElement.lang = 'es';
    await settled(el);
    expect(heading(el)).to.equal(es['login.title']);
    expect(input(el, 'username').labels![0]!.textContent).to.contain(es['login.username']);
    expect(input(el, 'username').value).to.equal(DELEGATE.username);
    expect(input(el, 'password').value).to.equal(DELEGATE.password);
    expect(el.step).to.equal('credentials');

    const changed = oneEvent(el, 'pep-step-change');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    expect((await changed).detail.step).to.equal('enroll');
    const nested = el.shadowRoot!.querySelector('pep-typing-pattern')!;
    await nested.updateComplete;
    expect(heading(nested)).to.equal(es['typing.title.enroll']);
    // Focus first goes to the new step's heading; then type into the sentence field.
    await until(() => !!deepActive()?.hasAttribute('data-step-heading'), 'focus on the heading');
    nested.shadowRoot!.querySelector<HTMLInputElement>('[part~="input"]')!.focus();
    await typeText('Go');
    expect(nested.shadowRoot!.querySelector<HTMLInputElement>('[part~="input"]')!.value).to.equal(
      'Go',
    );

    document.documentElement.lang = 'en-US';
    await settled(el);
    await nested.updateComplete;
    expect(el.step).to.equal('enroll');
    expect(heading(nested)).to.equal(typingPatternEn['typing.title.enroll']);
    const typed = nested.shadowRoot!.querySelector<HTMLInputElement>('[part~="input"]')!;
    expect(typed.value).to.equal('Go');
  });

  it('<pep-add-delegate> follows <pep-auth-provider lang>, keeping input and field errors', async () => {
    const c = CASES.find((x) => x.tag === 'pep-add-delegate')!;
    const el = (await c.render(
      (t) => html`<pep-auth-provider lang="en">${t}</pep-auth-provider>`,
    )) as PepAddDelegate;
    const provider = el.closest('pep-auth-provider')!;
    await typeInto(el, 'username', 'janedoe01');
    await typeInto(el, 'firstName', 'Jane');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    await el.updateComplete;
    const emailError = () =>
      el
        .shadowRoot!.getElementById(
          input(el, 'email')
            .getAttribute('aria-describedby')!
            .split(' ')
            .find((id) => id.endsWith('error'))!,
        )!
        .textContent!.trim();
    expect(emailError()).to.equal(commonEn['field.email.required']);

    provider.setAttribute('lang', 'es');
    await settled(el);
    expect(heading(el)).to.equal(es['add-delegate.title']);
    expect(emailError()).to.equal(es['field.email.required']);
    expect(input(el, 'username').value).to.equal('janedoe01');
    expect(input(el, 'firstName').value).to.equal('Jane');
    expect(el.step).to.equal('form');

    provider.setAttribute('lang', 'en');
    await settled(el);
    expect(heading(el)).to.equal(addDelegateEn['add-delegate.title']);
    expect(emailError()).to.equal(commonEn['field.email.required']);
    expect(input(el, 'username').value).to.equal('janedoe01');
  });

  it('<pep-forgot-password> follows its own lang on a later step', async () => {
    const el = (await render('pep-forgot-password')) as PepForgotPassword;
    await typeInto(el, 'username', DELEGATE.username);
    const changed = oneEvent(el, 'pep-step-change');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    expect((await changed).detail.step).to.equal('choose');
    await el.updateComplete;
    const sms = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"][value="sms"]')!;
    sms.click();
    await el.updateComplete;

    el.lang = 'es';
    await settled(el);
    expect(el.step).to.equal('choose');
    expect(heading(el)).to.contain(es['forgot-password.choose-title']);
    expect(el.shadowRoot!.textContent).to.contain(es['forgot-password.channel.sms']);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[value="sms"]')!.checked).to.be
      .true;

    el.lang = 'en';
    await settled(el);
    expect(heading(el)).to.contain(forgotPasswordEn['forgot-password.choose-title']);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[value="sms"]')!.checked).to.be
      .true;
  });

  it('formats times with Intl in the active language', async () => {
    const el = (await render('pep-login')) as PepLogin;
    const fmt = (el as unknown as { formatTime(ms: number): string }).formatTime.bind(el);
    const t = Date.UTC(2026, 0, 5, 15, 45);
    const en = fmt(t);
    document.documentElement.lang = 'es-MX';
    await settled(el);
    expect(fmt(t)).to.equal(
      new Intl.DateTimeFormat('es-MX', { hour: 'numeric', minute: '2-digit' }).format(t),
    );
    expect(fmt(t)).to.not.equal(en);
  });

  it('host overrides win in every language', async () => {
    const el = await fixture<PepLogin>(
      html`<pep-login lang="es" .messages=${{ 'login.title': 'Acceso / Sign in' }}></pep-login>`,
    );
    await settled(el);
    expect(heading(el)).to.equal('Acceso / Sign in');
    expect(input(el, 'password').labels![0]!.textContent).to.contain(es['login.password']);
    el.lang = 'en';
    await settled(el);
    expect(heading(el)).to.equal('Acceso / Sign in');
    expect(loginEn['login.password']).to.not.equal(es['login.password']);
  });
});
