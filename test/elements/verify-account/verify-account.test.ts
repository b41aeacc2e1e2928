import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/verify-account/pep-verify-account.js';
import type { PepVerifyAccount } from '../../../src/elements/verify-account/pep-verify-account.js';
import type { MemoryAdapter } from '../../../src/adapter/memory/memory-adapter.js';
import { latestCode } from '../../../src/adapter/memory/outbox.js';
import { adapterError } from '../../../src/adapter/errors.js';
import type { AuthAdapter, PendingLogin } from '../../../src/adapter/types.js';
import { DEVICE_KEY_PREFIX } from '../../../src/shared/device-store.js';
import type { ManualClock } from '../../../src/core/clock.js';
import {
  DELEGATE,
  TYPIST_A,
  SAMPLE,
  memoryStore,
  pendingLogin,
  settle,
  setupDelegate,
  typeInto,
  verifiedDelegateLogin,
} from '../../support/login.js';

const root = (el: HTMLElement) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: HTMLElement, sel: string) =>
  root(el).querySelector<T>(sel)!;
const alertText = (el: HTMLElement) => $(el, '[role="alert"]').textContent!.trim();
/** The label as seen (a mask's spoken form is visually hidden). */
const labelOf = (el: HTMLElement, method: string) => {
  const label = $(el, `label[for="method-${method}"]`).cloneNode(true) as HTMLElement;
  label.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
  return label.textContent!.replace(/\s+/g, ' ').trim();
};

async function mount(adapter: AuthAdapter, pending: PendingLogin, store = memoryStore()) {
  return fixture<PepVerifyAccount>(
    html`<pep-verify-account
      .adapter=${adapter}
      .pending=${pending}
      .deviceStore=${store}
    ></pep-verify-account>`,
  );
}

function typeCode(el: PepVerifyAccount, code: string): void {
  const input = $<HTMLInputElement>(el, '#code');
  input.value = code;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

describe('<pep-verify-account>', () => {
  let adapter: MemoryAdapter;
  let clock: ManualClock;

  beforeEach(async () => {
    ({ adapter, clock } = await setupDelegate());
  });

  it('is accessible', async () => {
    const el = await mount(adapter, await verifiedDelegateLogin(adapter));
    await expect(el).to.be.accessible();
  });

  it('shows the three options in the spec words', async () => {
    const el = await mount(adapter, await verifiedDelegateLogin(adapter));
    expect(labelOf(el, 'email')).to.equal('Send verification code in an email to d•••@e•••.com');
    expect(labelOf(el, 'sms')).to.equal('Send verification code in a SMS Text to •••-•••-0101');
    expect(labelOf(el, 'pattern')).to.equal('Prompt me for personalized keyboard typing pattern');
    expect($(el, '[part="submit-button"]').textContent!.trim()).to.equal('Send Code');
    $<HTMLInputElement>(el, '#method-pattern').click();
    await el.updateComplete;
    expect($(el, '[part="submit-button"]').textContent!.trim()).to.equal('Next');
  });

  it('right after enrolling, the pattern option is disabled with the reason', async () => {
    const el = await mount(adapter, await pendingLogin(adapter));
    const radio = $<HTMLInputElement>(el, '#method-pattern');
    expect(radio.disabled).to.equal(true);
    const reason = $(el, '#method-pattern-reason');
    expect(reason.textContent).to.contain('next login');
    expect(radio.getAttribute('aria-describedby')).to.equal('method-pattern-reason');
    await expect(el).to.be.accessible();
  });

  it('email: Send Code, enter the code, remember the device, Submit', async () => {
    const store = memoryStore();
    const el = await mount(adapter, await pendingLogin(adapter), store);
    expect(el.step).to.equal('choose');
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    await settle(el);
    expect(el.step).to.equal('code');
    expect($(el, 'form').textContent).to.contain('in an email to d•••@e•••.com');
    expect($(el, '#code').getAttribute('autocomplete')).to.equal('one-time-code');
    expect(root(el).activeElement).to.equal($(el, '[data-step-heading]'));
    await expect(el).to.be.accessible();
    typeCode(el, latestCode(adapter, 'email').toLowerCase());
    $<HTMLInputElement>(el, '#remember').click();
    const auth = oneEvent(el, 'pep-authenticated');
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    const ev = await auth;
    expect(ev.detail.session.user.username).to.equal(DELEGATE.username);
    expect(store.map.get(DELEGATE.username)!.expiresAt).to.be.greaterThan(clock.now());
  });

  it('the code step brings the Remember row styles: a flex row, its tooltip hidden until asked', async () => {
    const el = await mount(adapter, await pendingLogin(adapter));
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    await settle(el);
    expect(getComputedStyle($(el, '[part="remember"]')).display).to.equal('flex');
    const tip = $(el, '#remember-tip');
    expect(getComputedStyle(tip).display).to.equal('none');
    expect(getComputedStyle(tip).position).to.equal('absolute');
    $<HTMLButtonElement>(el, '[part="tooltip-button"]').click();
    await el.updateComplete;
    expect(getComputedStyle(tip).display).to.equal('block');
  });

  it('with no deviceStore set, a remembered verification goes to localStorage', async () => {
    const key = DEVICE_KEY_PREFIX + DELEGATE.username;
    localStorage.removeItem(key);
    const el = await fixture<PepVerifyAccount>(
      html`<pep-verify-account
        .adapter=${adapter}
        .pending=${await pendingLogin(adapter)}
      ></pep-verify-account>`,
    );
    expect(el.deviceStore).to.equal(undefined);
    try {
      $<HTMLButtonElement>(el, '[part="submit-button"]').click();
      await settle(el);
      typeCode(el, latestCode(adapter, 'email'));
      $<HTMLInputElement>(el, '#remember').click();
      const auth = oneEvent(el, 'pep-authenticated');
      $<HTMLButtonElement>(el, '[part="submit-button"]').click();
      await auth;
      expect(localStorage.getItem(key)).to.contain('"token"');
    } finally {
      localStorage.removeItem(key);
    }
  });

  it('sms: a wrong code shows attempts left and keeps the code; the right one works', async () => {
    const store = memoryStore();
    const el = await mount(adapter, await pendingLogin(adapter), store);
    $<HTMLInputElement>(el, '#method-sms').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    await settle(el);
    expect($(el, 'form').textContent).to.contain('SMS Text to •••-•••-0101');
    typeCode(el, 'ZZZZZZZZ');
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    await settle(el);
    expect(alertText(el)).to.contain('incorrect');
    expect(alertText(el)).to.contain('4 attempts left');
    expect($<HTMLInputElement>(el, '#code').value).to.equal('ZZZZZZZZ');
    typeCode(el, latestCode(adapter, 'sms'));
    const auth = oneEvent(el, 'pep-authenticated');
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    await auth;
    expect(store.map.size, 'not remembered unless asked').to.equal(0);
  });

  it('an empty or short code is caught before calling the adapter, focus to the field', async () => {
    const el = await mount(adapter, await pendingLogin(adapter));
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    await settle(el);
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    await settle(el);
    expect($(el, '#code-error').textContent).to.contain('Enter the code');
    expect(root(el).activeElement).to.equal($(el, '#code'));
    typeCode(el, 'ABC');
    await el.updateComplete;
    expect($(el, '#code-error').textContent).to.contain('8-character');
    expect($(el, '#code').getAttribute('aria-invalid')).to.equal('true');
  });

  it("resend it: the adapter's RATE_LIMITED says when and counts down; later a new code is sent", async () => {
    const pending = await pendingLogin(adapter);
    let refuse = false;
    // The adapter may keep a longer throttle than the element knows of.
    const strict = new Proxy(adapter, {
      get(target, prop, receiver) {
        if (prop === 'sendVerificationCode' && refuse) {
          return async () => {
            refuse = false;
            throw adapterError('RATE_LIMITED', { retryAfter: clock.now() + 60_000 });
          };
        }
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const el = await mount(strict, pending);
    el.now = () => clock.now();
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    await settle(el);
    const resend = [...root(el).querySelectorAll<HTMLButtonElement>('[part="link"]')].find((b) =>
      b.textContent!.includes('resend it'),
    )!;
    clock.advance(31_000);
    el.requestUpdate();
    await el.updateComplete;
    expect(resend.getAttribute('aria-disabled')).to.equal('false');
    refuse = true;
    resend.click();
    await settle(el);
    expect(alertText(el)).to.equal('Too many attempts. Please try again in 1 minute.');
    expect(resend.getAttribute('aria-disabled')).to.equal('true');
    expect($(el, '[part="countdown"]').textContent).to.contain('You can resend the code in 1:00');
    clock.advance(61_000);
    el.requestUpdate();
    await el.updateComplete;
    const before = adapter.outbox.length;
    resend.click();
    await settle(el);
    expect(adapter.outbox.length).to.equal(before + 1);
    expect($(el, '[part="status"]').textContent).to.contain('A new code was sent');
    expect(alertText(el)).to.equal('');
  });

  it('a network failure on Send Code offers Try again, which works', async () => {
    const pending = await pendingLogin(adapter);
    let fail = true;
    const flaky = new Proxy(adapter, {
      get(target, prop, receiver) {
        if (prop === 'sendVerificationCode' && fail) {
          return async () => {
            fail = false;
            throw adapterError('TIMEOUT');
          };
        }
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const el = await mount(flaky, pending);
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    await settle(el);
    expect(alertText(el)).to.contain('took too long');
    $<HTMLButtonElement>(el, '[part="retry-button"]').click();
    await settle(el);
    expect($(el, '#code')).to.exist;
  });

  it('one click sends one code (no double submit)', async () => {
    const el = await mount(adapter, await pendingLogin(adapter));
    const before = adapter.outbox.length;
    const button = $<HTMLButtonElement>(el, '[part="submit-button"]');
    button.click();
    button.click();
    await settle(el);
    expect(adapter.outbox.length).to.equal(before + 1);
  });

  it('Choose another method returns to the options', async () => {
    const el = await mount(adapter, await pendingLogin(adapter));
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    await settle(el);
    [...root(el).querySelectorAll<HTMLButtonElement>('[part="link"]')]
      .find((b) => b.textContent!.includes('another method'))!
      .click();
    await settle(el);
    expect($(el, '#method-email')).to.exist;
  });

  it('pattern: Next shows the typing pattern; the enrolled typist is signed in once', async () => {
    const store = memoryStore();
    const el = await mount(adapter, await verifiedDelegateLogin(adapter), store);
    $<HTMLInputElement>(el, '#method-pattern').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    // <pep-typing-pattern> is a chunk of its own, loaded when the pattern option is chosen.
    await customElements.whenDefined('pep-typing-pattern');
    await settle(el);
    const tp = $(el, 'pep-typing-pattern') as HTMLElement & { updateComplete: Promise<boolean> };
    expect(tp.getAttribute('mode')).to.equal('verify');
    await expect(el).to.be.accessible();
    const box = tp.shadowRoot!.querySelector<HTMLInputElement>('#typing')!;
    for (let i = 0; i < 3; i++) {
      typeInto(
        tp.shadowRoot!.querySelector<HTMLInputElement>('#typing') ?? box,
        SAMPLE,
        TYPIST_A,
        i,
      );
      await tp.updateComplete;
    }
    let count = 0;
    el.addEventListener('pep-authenticated', () => count++);
    tp.shadowRoot!.querySelector<HTMLInputElement>('#remember')!.click();
    const auth = oneEvent(el, 'pep-authenticated');
    tp.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    await auth;
    await settle(el);
    expect(count).to.equal(1);
    expect(store.map.has(DELEGATE.username)).to.equal(true);
    expect($(el, '[part="status"]').textContent).to.contain('verified');
  });

  it('an expired pending login fires pep-verification-expired', async () => {
    const el = await mount(adapter, await pendingLogin(adapter));
    clock.advance(16 * 60_000);
    const expired = oneEvent(el, 'pep-verification-expired');
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    await expired;
    await settle(el);
    expect(alertText(el)).to.contain('expired');
    expect(root(el).activeElement).to.equal($(el, '[data-step-heading]'));
    await expect(el).to.be.accessible();
  });

  it('keyboard only: arrow to SMS, send, type the code, Submit', async () => {
    const el = await mount(adapter, await pendingLogin(adapter));
    $<HTMLInputElement>(el, '#method-email').focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(root(el).activeElement).to.equal($(el, '#method-sms'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(root(el).activeElement).to.equal($(el, '[data-step-heading]'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: latestCode(adapter, 'sms') });
    const auth = oneEvent(el, 'pep-authenticated');
    await sendKeys({ press: 'Enter' });
    await auth;
  });
});
