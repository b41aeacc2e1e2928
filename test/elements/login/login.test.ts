import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/login/pep-login.js';
import type { PepLogin } from '../../../src/elements/login/pep-login.js';
import type { MemoryAdapter } from '../../../src/adapter/memory/memory-adapter.js';
import { latestCode } from '../../../src/adapter/memory/outbox.js';
import { adapterError } from '../../../src/adapter/errors.js';
import type { AuthAdapter } from '../../../src/adapter/types.js';
import type { ManualClock } from '../../../src/core/clock.js';
import { DEVICE_KEY_PREFIX } from '../../../src/shared/device-store.js';
import {
  DELEGATE,
  SAMPLE,
  TYPIST_A,
  memoryStore,
  pendingLogin,
  settle,
  setupDelegate,
  spying,
  typeInto,
  until,
} from '../../support/login.js';

type WithRoot = HTMLElement & { updateComplete: Promise<boolean> };
/** In the shadow layout, else in the light-DOM credential form (`[data-pep-credentials]`). */
const $ = <T extends Element = HTMLElement>(el: Element, sel: string) =>
  (el.shadowRoot!.querySelector<T>(sel) ?? el.querySelector<T>(`[data-pep-credentials] ${sel}`))!;
const alertText = (el: Element) => $(el, '[role="alert"]').textContent!.trim();

async function mount(adapter: AuthAdapter, store = memoryStore()) {
  return fixture<PepLogin>(
    html`<pep-login
      .adapter=${adapter}
      .deviceStore=${store}
      forgot-username-href="#/forgot-username"
      forgot-password-href="#/forgot-password"
    ></pep-login>`,
  );
}

function fill(el: PepLogin, username: string, password: string): void {
  for (const [id, value] of [
    ['username', username],
    ['password', password],
  ] as const) {
    const input = $<HTMLInputElement>(el, `[name="${id}"]`);
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
}

async function logIn(el: PepLogin, password: string = DELEGATE.password): Promise<void> {
  fill(el, DELEGATE.username, password);
  $<HTMLButtonElement>(el, '[part="submit-button"]').click();
  await settle(el);
}

describe('<pep-login>', () => {
  let adapter: MemoryAdapter;
  let clock: ManualClock;

  beforeEach(async () => {
    ({ adapter, clock } = await setupDelegate());
  });

  it('is accessible', async () => {
    const el = await mount(adapter);
    await expect(el).to.be.accessible();
  });

  it('shows the password-updated notice and prefills the username; an error replaces it', async () => {
    const el = await fixture<PepLogin>(
      html`<pep-login
        .adapter=${adapter}
        .deviceStore=${memoryStore()}
        notice="password-updated"
        username=${DELEGATE.username}
      ></pep-login>`,
    );
    const notice = $(el, '[part="notice"]');
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.textContent).to.contain('Your password was updated');
    expect($<HTMLInputElement>(el, '[name="username"]').value).to.equal(DELEGATE.username);
    await expect(el).to.be.accessible();
    fill(el, DELEGATE.username, 'Wrong-Password-1');
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    // Wait for the adapter's answer (it checks a password hash), not a fixed number of tasks.
    await until(() => alertText(el) !== '', 'the error');
    expect(alertText(el)).to.contain('incorrect');
    expect(el.shadowRoot!.querySelector('[part="notice"]')).to.equal(null);
  });

  it('has labelled Username / Password with the right autocomplete, and the Forgot links', async () => {
    const el = await mount(adapter);
    expect($(el, '[name="username"]').getAttribute('autocomplete')).to.equal('username');
    expect($(el, '[name="password"]').getAttribute('autocomplete')).to.equal('current-password');
    expect($(el, '[name="password"]').getAttribute('type')).to.equal('password');
    expect($(el, `label[for="${$(el, '[name="username"]').id}"]`).textContent!.trim()).to.equal(
      'Username',
    );
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[part="link"]')];
    expect(links.map((a) => [a.textContent!.trim(), a.getAttribute('href')])).to.deep.equal([
      ['Forgot Username', '#/forgot-username'],
      ['Forgot Password', '#/forgot-password'],
    ]);
    $<HTMLButtonElement>(el, '[part="toggle-button"]').click();
    await el.updateComplete;
    expect($(el, '[name="password"]').getAttribute('type')).to.equal('text');
  });

  it('Forgot events are cancelable so a SPA can route', async () => {
    const el = await mount(adapter);
    fill(el, 'dana0001', '');
    el.addEventListener('pep-forgot-password', (e) => e.preventDefault(), { once: true });
    const ev = oneEvent(el, 'pep-forgot-password');
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    el.shadowRoot!.querySelectorAll('a[part="link"]')[1]!.dispatchEvent(click);
    expect((await ev).detail.username).to.equal('dana0001');
    expect(click.defaultPrevented).to.equal(true);
  });

  it('without hrefs the Forgot links are buttons that fire the events', async () => {
    const el = await fixture<PepLogin>(html`<pep-login .adapter=${adapter}></pep-login>`);
    expect(el.shadowRoot!.querySelector('a[part="link"]')).to.equal(null);
    const ev = oneEvent(el, 'pep-forgot-username');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="link"]')!.click();
    expect((await ev).detail.username).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('empty fields are caught before calling the adapter; focus to the first', async () => {
    const el = await mount(adapter);
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    await settle(el);
    expect($(el, '[id$="-username-error"]').textContent).to.contain('Enter a username');
    expect($(el, '[id$="-password-error"]').textContent).to.contain('Enter a password');
    expect(document.activeElement).to.equal($(el, '[name="username"]'));
  });

  it('a wrong password shows one generic message and keeps the username', async () => {
    const el = await mount(adapter);
    await logIn(el, 'Wrong-Password-1');
    await until(() => alertText(el) !== '', 'the alert');
    expect(alertText(el)).to.equal('The username or password you entered is incorrect.');
    expect($<HTMLInputElement>(el, '[name="username"]').value).to.equal(DELEGATE.username);
    await expect(el).to.be.accessible();
    // unknown user: the same message
    fill(el, 'nobody0001', 'Wrong-Password-1');
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    await el.updateComplete;
    // The new attempt clears the previous message; wait for its own answer.
    await until(() => alertText(el) !== '', 'the second alert');
    expect(alertText(el)).to.equal('The username or password you entered is incorrect.');
  });

  it('the 5th wrong password locks with the unlock time; 30 minutes later login works', async () => {
    const el = await mount(adapter);
    for (let i = 0; i < 5; i++) {
      await logIn(el, `Wrong-Password-${i}`);
      await until(() => !$<HTMLButtonElement>(el, '[part="submit-button"]').disabled, 'idle');
      await settle(el);
    }
    const text = alertText(el);
    expect(text).to.contain('locked');
    const locked = await adapter.login({ username: DELEGATE.username, password: 'x' }).then(
      () => null,
      (e: { data: { unlocksAt: number } }) => e.data.unlocksAt,
    );
    expect(locked).to.be.a('number');
    expect(locked! - clock.now()).to.be.within(29 * 60_000, 30 * 60_000);
    const unlocksAt = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(
      locked!,
    );
    expect(text).to.contain(`unlock automatically at ${unlocksAt}`);
    expect(text).to.contain('set a new password with Forgot Password');
    expect(text).not.to.contain('Forgot Username');
    expect(text).to.contain('1-888-706-0583');
    await expect(el).to.be.accessible();
    // the right password is refused while locked
    await logIn(el);
    await until(() => !$<HTMLButtonElement>(el, '[part="submit-button"]').disabled, 'idle');
    await settle(el);
    expect(alertText(el)).to.contain('locked');
    clock.advance(30 * 60_000);
    await logIn(el);
    await until(() => el.step === 'enroll', 'the enroll step');
  });

  it('first login: enroll the pattern, then verify by email code; password leaves the DOM', async () => {
    const store = memoryStore();
    const el = await mount(adapter, store);
    const steps: string[] = [];
    el.addEventListener('pep-step-change', (e) => steps.push(e.detail.step));
    await logIn(el);
    await until(() => el.step === 'enroll', 'the enroll step');
    expect(el.shadowRoot!.querySelector('[name="password"]')).to.equal(null);
    expect(el.querySelector('[name="password"]')).to.equal(null);
    expect(el.shadowRoot!.innerHTML).not.to.contain(DELEGATE.password);
    const tp = $(el, 'pep-typing-pattern') as WithRoot;
    await tp.updateComplete;
    expect(tp.getAttribute('mode')).to.equal('enroll');
    expect(tp.shadowRoot!.activeElement).to.equal(
      tp.shadowRoot!.querySelector('[data-step-heading]'),
    );
    await expect(el).to.be.accessible();
    for (let i = 0; i < 3; i++) {
      typeInto(tp.shadowRoot!.querySelector<HTMLInputElement>('#typing')!, SAMPLE, TYPIST_A, i);
      await tp.updateComplete;
    }
    tp.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    await until(() => el.step === 'verify', 'the verify step');
    const va = $(el, 'pep-verify-account') as WithRoot;
    await va.updateComplete;
    va.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    await until(() => !!va.shadowRoot!.querySelector('#code'), 'the code step');
    const input = va.shadowRoot!.querySelector<HTMLInputElement>('#code')!;
    input.value = latestCode(adapter, 'email');
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    let count = 0;
    el.addEventListener('pep-authenticated', () => count++);
    const auth = oneEvent(el, 'pep-authenticated');
    va.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    expect((await auth).detail.session.user.username).to.equal(DELEGATE.username);
    await settle(el);
    expect(count).to.equal(1);
    expect(el.step).to.equal('done');
    expect(steps).to.include.members(['enroll', 'verify', 'done']);
    expect(store.map.size).to.equal(0);
  });

  it('a remembered device skips verification; a refused token is forgotten', async () => {
    // first login with "remember this device"
    const store = memoryStore();
    const el = await mount(adapter, store);
    await logIn(el);
    await until(() => el.step === 'enroll', 'enroll');
    const tp = $(el, 'pep-typing-pattern') as WithRoot;
    for (let i = 0; i < 3; i++) {
      typeInto(tp.shadowRoot!.querySelector<HTMLInputElement>('#typing')!, SAMPLE, TYPIST_A, i);
      await tp.updateComplete;
    }
    tp.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    await until(() => el.step === 'verify', 'verify');
    const va = $(el, 'pep-verify-account') as WithRoot;
    await va.updateComplete;
    va.shadowRoot!.querySelector<HTMLInputElement>('#method-sms')!.click();
    await va.updateComplete;
    va.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    await until(() => !!va.shadowRoot!.querySelector('#code'), 'code');
    const input = va.shadowRoot!.querySelector<HTMLInputElement>('#code')!;
    input.value = latestCode(adapter, 'sms');
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    va.shadowRoot!.querySelector<HTMLInputElement>('#remember')!.click();
    const auth = oneEvent(el, 'pep-authenticated');
    va.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    await auth;
    expect(store.map.has(DELEGATE.username)).to.equal(true);
    await adapter.logout();

    // next login: no verification
    const el2 = await mount(adapter, store);
    const auth2 = oneEvent(el2, 'pep-authenticated');
    await logIn(el2);
    expect((await auth2).detail.session.user.username).to.equal(DELEGATE.username);
    expect(el2.step).to.equal('done');
    await adapter.logout();

    // a token the backend no longer accepts is dropped
    store.set(DELEGATE.username, 'not-a-real-token', clock.now() + 1000_000);
    const el3 = await mount(adapter, store);
    await logIn(el3);
    await until(() => el3.step === 'verify', 'verify');
    expect(store.map.has(DELEGATE.username)).to.equal(false);
  });

  describe('the default device store (no deviceStore set)', () => {
    const key = DEVICE_KEY_PREFIX + DELEGATE.username;
    /** A device token the adapter accepts (a first login verified with "remember"). */
    async function rememberedToken(): Promise<string> {
      const first = await pendingLogin(adapter);
      await adapter.sendVerificationCode({ pendingId: first.pendingId, channel: 'email' });
      const verified = await adapter.verifyAccountCode({
        pendingId: first.pendingId,
        code: latestCode(adapter, 'email'),
        rememberDevice: true,
      });
      await adapter.logout();
      return verified.deviceToken!.token;
    }
    // A far expiry: the default store checks it against the real clock, the adapter its own.
    const storeInLocalStorage = (token: string) =>
      localStorage.setItem(key, JSON.stringify({ token, expiresAt: Date.now() + 3_600_000 }));
    afterEach(() => localStorage.removeItem(key));

    it('a device remembered in localStorage goes with the login; a refused one is dropped', async () => {
      const token = await rememberedToken();
      const el = await fixture<PepLogin>(html`<pep-login .adapter=${adapter}></pep-login>`);
      expect(el.deviceStore).to.equal(undefined);
      storeInLocalStorage(token);
      const auth = oneEvent(el, 'pep-authenticated');
      await logIn(el);
      expect((await auth).detail.session.user.username).to.equal(DELEGATE.username);
      expect(el.step).to.equal('done');
      await adapter.logout();

      storeInLocalStorage('not-a-real-token');
      const el2 = await fixture<PepLogin>(html`<pep-login .adapter=${adapter}></pep-login>`);
      await logIn(el2);
      await until(() => el2.step === 'verify', 'verify');
      expect(localStorage.getItem(key)).to.equal(null);
    });

    it('a host deviceStore wins: localStorage is neither read nor changed', async () => {
      const token = await rememberedToken();
      const store = memoryStore();
      store.set(DELEGATE.username, token, clock.now() + 3_600_000);
      storeInLocalStorage('not-a-real-token');
      const el = await mount(adapter, store);
      const auth = oneEvent(el, 'pep-authenticated');
      await logIn(el);
      await auth;
      expect(el.step).to.equal('done');
      expect(localStorage.getItem(key)).to.contain('not-a-real-token');
    });
  });

  it('a network failure keeps both fields and Try again logs in', async () => {
    let fail = true;
    const flaky = new Proxy(adapter, {
      get(target, prop, receiver) {
        if (prop === 'login' && fail) {
          return async () => {
            fail = false;
            throw adapterError('NETWORK');
          };
        }
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const el = await mount(flaky);
    await logIn(el);
    expect(alertText(el)).to.contain('could not reach the server');
    expect($<HTMLInputElement>(el, '[name="password"]').value).to.equal(DELEGATE.password);
    $<HTMLButtonElement>(el, '[part="retry-button"]').click();
    await until(() => el.step === 'enroll', 'enroll');
  });

  it('one click, one login call (no double submit)', async () => {
    let calls = 0;
    const counting = new Proxy(adapter, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (prop === 'login')
          return (...args: Parameters<MemoryAdapter['login']>) => {
            calls++;
            return target.login(...args);
          };
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const el = await mount(counting);
    fill(el, DELEGATE.username, DELEGATE.password);
    const button = $<HTMLButtonElement>(el, '[part="submit-button"]');
    button.click();
    button.click();
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await until(() => el.step === 'enroll', 'enroll');
    expect(calls).to.equal(1);
  });

  it('keyboard only: type credentials and press Enter', async () => {
    const el = await mount(adapter);
    $<HTMLInputElement>(el, '[name="username"]').focus();
    await sendKeys({ type: DELEGATE.username });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: DELEGATE.password });
    await sendKeys({ press: 'Enter' });
    await until(() => el.step === 'enroll', 'enroll');
  });

  describe('reset()', () => {
    const disabled = (el: PepLogin) =>
      ['[name="username"]', '[name="password"]', '[part="submit-button"]'].filter(
        (sel) => $<HTMLInputElement | HTMLButtonElement>(el, sel).disabled,
      );

    it('while the login call is pending: the call is abandoned, the form is empty and enabled', async () => {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const el = await mount(spying(adapter, (m) => (m === 'login' ? held : undefined)));
      fill(el, DELEGATE.username, DELEGATE.password);
      $<HTMLButtonElement>(el, '[part="submit-button"]').click();
      await until(() => disabled(el).length === 3, 'the pending login');
      el.reset();
      await settle(el);
      expect(disabled(el)).to.deep.equal([]);
      expect($<HTMLInputElement>(el, '[name="username"]').value).to.equal('');
      expect($<HTMLInputElement>(el, '[name="password"]').value).to.equal('');
      expect(alertText(el)).to.equal('');
      // The abandoned call's answer changes nothing.
      release();
      await settle(el);
      expect(el.step).to.equal('credentials');
      expect(disabled(el)).to.deep.equal([]);
      // …and the form works again.
      await logIn(el);
      await until(() => el.step === 'enroll', 'the enroll step');
    });

    it('an error already shown does not survive it', async () => {
      const el = await mount(adapter);
      await logIn(el, 'Wrong-Password-1');
      await until(() => alertText(el) !== '', 'the alert');
      el.reset();
      await settle(el);
      expect(alertText(el)).to.equal('');
      expect($<HTMLInputElement>(el, '[name="username"]').value).to.equal('');
      expect(disabled(el)).to.deep.equal([]);
    });
  });

  it('an expired pending login returns to Log In with a message', async () => {
    const el = await mount(adapter);
    await logIn(el);
    await until(() => el.step === 'enroll', 'enroll');
    clock.advance(16 * 60_000);
    const tp = $(el, 'pep-typing-pattern') as WithRoot;
    for (let i = 0; i < 3; i++) {
      typeInto(tp.shadowRoot!.querySelector<HTMLInputElement>('#typing')!, SAMPLE, TYPIST_A, i);
      await tp.updateComplete;
    }
    tp.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    await until(() => el.step === 'credentials', 'credentials');
    await settle(el);
    expect(alertText(el)).to.contain('expired');
    expect($<HTMLInputElement>(el, '[name="username"]').value).to.equal(DELEGATE.username);
  });
});
