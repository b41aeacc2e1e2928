/**
 * `<pep-login>` with passkeys (issue 21), against the MemoryAdapter (passkeys on for the test
 * page) and Chromium's virtual authenticator (scripts/wtr-webauthn.mjs): Log in with a passkey,
 * passkey autofill (conditional mediation), the failures and their messages, the offer to create
 * a passkey after a password sign-in, and no passkey UI when passkeys are off or WebAuthn is
 * missing.
 *
 * In Chromium's virtual-authenticator environment a conditional (autofill) request completes at
 * once with the authenticator's passkey, as if the person had picked it: that is how autofill is
 * tested. Tests of the button turn conditional mediation off (as in a browser without it), so
 * that autofill does not sign in first.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/elements/login/pep-login.js';
import type { PepLogin } from '../../../src/elements/login/pep-login.js';
import type { MemoryAdapter } from '../../../src/adapter/memory/memory-adapter.js';
import { latestCode } from '../../../src/adapter/memory/outbox.js';
import { adapterError } from '../../../src/adapter/errors.js';
import type { AuthAdapter, Session } from '../../../src/adapter/types.js';
import type { PepConfig } from '../../../src/base/context.js';
import type { ManualClock } from '../../../src/core/clock.js';
import { createPasskey } from '../../../src/shared/webauthn.js';
import {
  DELEGATE,
  memoryStore,
  setupDelegate,
  spying,
  until,
  verifiedDelegateLogin,
} from '../../support/login.js';
import { addVirtualAuthenticator, type VirtualAuthenticator } from '../../support/webauthn.js';

const ON: PepConfig = { helpDeskPhone: '1-888-706-0583', passkeys: true };
const OFF: PepConfig = { helpDeskPhone: '1-888-706-0583' };

/** Light DOM first (the credential form lives there), then the shadow root. */
function find<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return el.querySelector<T>(selector) ?? el.shadowRoot!.querySelector<T>(selector);
}
const get = <T extends Element = HTMLElement>(el: Element, selector: string): T => {
  const found = find<T>(el, selector);
  if (!found) throw new Error(`no ${selector} in <${el.localName}>`);
  return found;
};
const passkeyButton = (el: PepLogin) => find<HTMLButtonElement>(el, '[part~="passkey-button"]');
const alertText = (el: Element) =>
  [...el.querySelectorAll('[role="alert"]'), ...el.shadowRoot!.querySelectorAll('[role="alert"]')]
    .map((n) => n.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Record every `navigator.credentials.get` the page makes (and let it through). */
function recordGets(): { calls: CredentialRequestOptions[]; restore(): void } {
  const original = navigator.credentials.get.bind(navigator.credentials);
  const calls: CredentialRequestOptions[] = [];
  navigator.credentials.get = (options?: CredentialRequestOptions) => {
    calls.push(options ?? {});
    return original(options);
  };
  return { calls, restore: () => void (navigator.credentials.get = original) };
}

/** Conditional mediation off, as in a browser without passkey autofill. */
function noConditionalMediation(): () => void {
  const original = PublicKeyCredential.isConditionalMediationAvailable;
  PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);
  return () => void (PublicKeyCredential.isConditionalMediationAvailable = original);
}

/** Sign the delegate in (admin), create a passkey on the virtual authenticator, sign out. */
async function registerPasskey(adapter: MemoryAdapter): Promise<string> {
  await adapter.admin.signIn(DELEGATE.username);
  const { ceremonyId, options } = await adapter.startPasskeyRegistration();
  const created = await createPasskey(options);
  if (!created.ok) throw new Error(`passkey not created: ${created.reason}`);
  const passkey = await adapter.finishPasskeyRegistration({
    ceremonyId,
    response: created.response,
    name: 'Test passkey',
  });
  await adapter.logout();
  return passkey.id;
}

async function mount(adapter: AuthAdapter, config: PepConfig = ON, lang?: string) {
  return fixture<PepLogin>(
    html`<pep-login
      .adapter=${adapter}
      .config=${config}
      .deviceStore=${memoryStore()}
      lang=${lang ?? 'en'}
    ></pep-login>`,
  );
}

describe('<pep-login> passkeys', () => {
  let adapter: MemoryAdapter;
  let clock: ManualClock;
  let auth: VirtualAuthenticator | undefined;
  const cleanups: (() => void)[] = [];

  before(async function () {
    // The first passkey ceremony of the page loads the MemoryAdapter's WebAuthn library (many
    // modules through the dev server): once, here, not inside a test's waits.
    this.timeout(60_000);
    const warm = (await setupDelegate()).adapter;
    await warm.startPasskeySignIn();
  });

  beforeEach(async () => {
    ({ adapter, clock } = await setupDelegate());
  });

  afterEach(async () => {
    while (cleanups.length) cleanups.pop()!();
    await auth?.remove();
    auth = undefined;
  });

  describe('when off, or without WebAuthn, no passkey UI', () => {
    it('passkeys off: no button, plain username autocomplete, no passkey request', async () => {
      const calls: string[] = [];
      const el = await mount(
        spying(adapter, (m) => void calls.push(m)),
        OFF,
      );
      await until(() => !!find(el, '[name="username"]'), 'the form');
      expect(passkeyButton(el)).to.equal(null);
      expect(get(el, '[name="username"]').getAttribute('autocomplete')).to.equal('username');
      await new Promise((r) => setTimeout(r, 50));
      expect(calls.filter((m) => m.includes('Passkey'))).to.deep.equal([]);
    });

    it('WebAuthn missing: no button, no webauthn autocomplete, even with passkeys on', async () => {
      const saved = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential')!;
      delete (window as { PublicKeyCredential?: unknown }).PublicKeyCredential;
      cleanups.push(() => Object.defineProperty(window, 'PublicKeyCredential', saved));
      const calls: string[] = [];
      const el = await mount(spying(adapter, (m) => void calls.push(m)));
      expect(passkeyButton(el)).to.equal(null);
      expect(get(el, '[name="username"]').getAttribute('autocomplete')).to.equal('username');
      await new Promise((r) => setTimeout(r, 50));
      expect(calls.filter((m) => m.includes('Passkey'))).to.deep.equal([]);
    });
  });

  describe('Log in with a passkey (the button)', () => {
    beforeEach(() => {
      cleanups.push(noConditionalMediation());
    });

    it('is accessible, labelled, and in Spanish with lang="es"', async () => {
      auth = await addVirtualAuthenticator();
      const el = await mount(adapter);
      const button = passkeyButton(el)!;
      expect(button.textContent!.trim()).to.equal('Log in with a passkey');
      expect(button.type).to.equal('button');
      expect(get(el, '[name="username"]').getAttribute('autocomplete')).to.equal(
        'username webauthn',
      );
      await expect(el).to.be.accessible();
      const es = await mount(adapter, ON, 'es');
      await until(() => passkeyButton(es)?.textContent?.trim() !== 'Log in with a passkey', 'es');
      expect(passkeyButton(es)!.textContent!.trim()).to.equal(
        'Iniciar sesión con una llave de acceso',
      );
    });

    it('signs in with the passkey alone: no verification, the same success event', async () => {
      auth = await addVirtualAuthenticator();
      await registerPasskey(adapter);
      const el = await mount(adapter);
      const steps: string[] = [];
      el.addEventListener('pep-step-change', (e) => steps.push(e.detail.step));
      const signedIn = oneEvent(el, 'pep-authenticated');
      passkeyButton(el)!.click();
      const { session } = (await signedIn).detail as { session: Session };
      expect(session.user.username).to.equal(DELEGATE.username);
      await el.updateComplete;
      expect(el.step).to.equal('done');
      expect(steps).to.deep.equal(['done']);
      expect((await adapter.getSession())?.user.username).to.equal(DELEGATE.username);
      expect(
        el.querySelector('pep-passkey-offer') ?? el.shadowRoot!.querySelector('pep-passkey-offer'),
      ).to.equal(null);
      expect((await auth.credentials())[0]!.signCount).to.be.greaterThan(1);
    });

    it('cancelled (user verification refused): a specific message; the password still works', async () => {
      auth = await addVirtualAuthenticator();
      await registerPasskey(adapter);
      await auth.setUserVerified(false);
      const el = await mount(adapter);
      passkeyButton(el)!.click();
      await until(() => alertText(el) !== '', 'the message');
      expect(alertText(el)).to.contain('cancelled or timed out');
      expect(alertText(el)).to.contain('no passkey for this site');
      expect(el.step).to.equal('credentials');
      expect(find(el, '[part~="retry-button"]')).to.equal(null);
      expect(passkeyButton(el)!.getAttribute('aria-disabled')).to.equal('false');
      await expect(el).to.be.accessible();
      // the password path
      const username = get<HTMLInputElement>(el, '[name="username"]');
      const password = get<HTMLInputElement>(el, '[name="password"]');
      username.value = DELEGATE.username;
      username.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      password.value = DELEGATE.password;
      password.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      get<HTMLButtonElement>(el, '[part~="submit-button"]').click();
      // (this delegate's first login: the typing pattern comes first)
      await until(() => el.step === 'enroll', 'the step after the password');
    });

    it('no passkey for this site: the same specific message, button usable again', async () => {
      auth = await addVirtualAuthenticator();
      const el = await mount(adapter);
      passkeyButton(el)!.click();
      await until(() => alertText(el) !== '', 'the message');
      expect(alertText(el)).to.contain('no passkey for this site');
      // Once this device has one, the button works.
      await registerPasskey(adapter);
      const signedIn = oneEvent(el, 'pep-authenticated');
      passkeyButton(el)!.click();
      await signedIn;
      expect(alertText(el)).to.equal('');
    });

    it('a deleted passkey: PASSKEY_UNKNOWN has its own message', async () => {
      auth = await addVirtualAuthenticator();
      const id = await registerPasskey(adapter);
      await adapter.admin.signIn(DELEGATE.username);
      await adapter.deletePasskey({ passkeyId: id });
      await adapter.logout();
      const el = await mount(adapter);
      passkeyButton(el)!.click();
      await until(() => alertText(el) !== '', 'the message');
      expect(alertText(el)).to.contain('not registered for any account');
      expect(el.step).to.equal('credentials');
      expect(await adapter.getSession()).to.equal(null);
    });

    it('a locked account stays locked for passkeys: the lockout message with its time', async () => {
      auth = await addVirtualAuthenticator();
      await registerPasskey(adapter);
      let unlocksAt = 0;
      for (let i = 0; i < 5; i++)
        await adapter
          .login({ username: DELEGATE.username, password: `Wrong-${i}-Pass` })
          .catch((e: { data: { unlocksAt?: number } }) => (unlocksAt = e.data.unlocksAt ?? 0));
      expect(unlocksAt).to.be.greaterThan(0);
      const el = await mount(adapter);
      passkeyButton(el)!.click();
      await until(() => alertText(el) !== '', 'the message');
      const time = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(
        unlocksAt,
      );
      expect(alertText(el)).to.contain('locked');
      expect(alertText(el)).to.contain(`unlock automatically at ${time}`);
      expect(await adapter.getSession()).to.equal(null);
    });

    it('a retryable failure offers Try again, which runs the passkey sign-in again', async () => {
      auth = await addVirtualAuthenticator();
      await registerPasskey(adapter);
      let fail = true;
      const flaky = spying(adapter, (method) => {
        if (method === 'startPasskeySignIn' && fail) {
          fail = false;
          throw adapterError('NETWORK');
        }
      });
      const el = await mount(flaky);
      passkeyButton(el)!.click();
      await until(() => !!find(el, '[part~="retry-button"]'), 'Try again');
      expect(alertText(el)).to.contain('could not reach the server');
      const signedIn = oneEvent(el, 'pep-authenticated');
      get<HTMLButtonElement>(el, '[part~="retry-button"]').click();
      await signedIn;
      expect(el.step).to.equal('done');
    });

    it('while the browser asks, the button is busy and a second click does nothing', async () => {
      auth = await addVirtualAuthenticator();
      await registerPasskey(adapter);
      let starts = 0;
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const slow = spying(adapter, async (method) => {
        if (method === 'startPasskeySignIn') {
          starts++;
          await gate;
        }
      });
      const el = await mount(slow);
      passkeyButton(el)!.click();
      await el.updateComplete;
      expect(passkeyButton(el)!.getAttribute('aria-disabled')).to.equal('true');
      expect(get<HTMLButtonElement>(el, '[part~="submit-button"]').disabled).to.equal(true);
      passkeyButton(el)!.click();
      get<HTMLButtonElement>(el, '[part~="submit-button"]').click();
      const signedIn = oneEvent(el, 'pep-authenticated');
      release();
      await signedIn;
      expect(starts).to.equal(1);
    });

    it('reset() abandons a passkey sign-in: the empty form, no message', async () => {
      auth = await addVirtualAuthenticator();
      await registerPasskey(adapter);
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const slow = spying(adapter, async (method) => {
        if (method === 'finishPasskeySignIn') await gate;
      });
      const el = await mount(slow);
      passkeyButton(el)!.click();
      await until(() => passkeyButton(el)!.getAttribute('aria-disabled') === 'true', 'busy');
      el.reset();
      await el.updateComplete;
      expect(passkeyButton(el)!.getAttribute('aria-disabled')).to.equal('false');
      release();
      await new Promise((r) => setTimeout(r, 50));
      await el.updateComplete;
      expect(el.step).to.equal('credentials');
      expect(alertText(el)).to.equal('');
    });
  });

  describe('passkey autofill (conditional mediation)', () => {
    it('is started with the username input marked "username webauthn"; a picked passkey signs in', async () => {
      auth = await addVirtualAuthenticator();
      await registerPasskey(adapter);
      const gets = recordGets();
      cleanups.push(gets.restore);
      const signedIn = new Promise<Session>((resolve) =>
        document.body.addEventListener('pep-authenticated', (e) => resolve(e.detail.session), {
          once: true,
        }),
      );
      const el = await mount(adapter);
      expect(get(el, '[name="username"]').getAttribute('autocomplete')).to.equal(
        'username webauthn',
      );
      // The virtual authenticator "picks" its passkey at once.
      expect((await signedIn).user.username).to.equal(DELEGATE.username);
      expect(gets.calls.map((c) => c.mediation)).to.deep.equal(['conditional']);
      await until(() => el.step === 'done', 'done');
    });

    it('is not started when conditional mediation is unavailable', async () => {
      cleanups.push(noConditionalMediation());
      auth = await addVirtualAuthenticator();
      const gets = recordGets();
      cleanups.push(gets.restore);
      const el = await mount(adapter);
      await new Promise((r) => setTimeout(r, 100));
      expect(gets.calls).to.deep.equal([]);
      expect(passkeyButton(el)).to.not.equal(null);
    });

    it('is aborted before the modal request of the button', async () => {
      auth = await addVirtualAuthenticator();
      await registerPasskey(adapter);
      // No touch: the conditional request waits, as for a person who does not pick a passkey.
      await auth.setPresence(false);
      const gets = recordGets();
      cleanups.push(gets.restore);
      const el = await mount(adapter);
      await until(() => gets.calls.length === 1, 'the conditional request');
      const conditional = gets.calls[0]!;
      expect(conditional.mediation).to.equal('conditional');
      expect(conditional.signal!.aborted).to.equal(false);
      let abortedFirst: boolean | undefined;
      const recorded = navigator.credentials.get;
      navigator.credentials.get = (options?: CredentialRequestOptions) => {
        abortedFirst ??= conditional.signal!.aborted;
        return recorded(options);
      };
      cleanups.push(() => void (navigator.credentials.get = recorded));
      passkeyButton(el)!.click();
      await until(() => gets.calls.length === 2, 'the modal request');
      expect(abortedFirst, 'the conditional request was aborted before the modal one').to.equal(
        true,
      );
      expect(gets.calls[1]!.mediation).to.equal(undefined);
      expect(find(el, '[part~="passkey-status"]')!.textContent).to.contain(
        'Follow the instructions of your browser or device',
      );
      // The person gives up (here: reset()): the dialog is aborted, no message.
      el.reset();
      await until(() => gets.calls[1]!.signal!.aborted, 'the modal request aborted');
      await el.updateComplete;
      expect(alertText(el)).to.equal('');
      expect(el.step).to.equal('credentials');
    });

    it('is aborted when the password is submitted, and when the element is removed', async () => {
      auth = await addVirtualAuthenticator();
      await registerPasskey(adapter);
      await auth.setPresence(false); // the requests wait
      const gets = recordGets();
      cleanups.push(gets.restore);
      const el = await mount(adapter);
      await until(() => gets.calls.length === 1, 'the conditional request');
      const username = get<HTMLInputElement>(el, '[name="username"]');
      const password = get<HTMLInputElement>(el, '[name="password"]');
      username.value = DELEGATE.username;
      username.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      password.value = 'Wrong-Password-1';
      password.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      get<HTMLButtonElement>(el, '[part~="submit-button"]').click();
      expect(gets.calls[0]!.signal!.aborted, 'aborted on submit').to.equal(true);
      // A wrong password: back to the form, autofill offered again.
      await until(() => gets.calls.length === 2, 'a new conditional request');
      expect(alertText(el)).to.contain('incorrect');
      el.remove();
      expect(gets.calls[1]!.signal!.aborted, 'aborted on removal').to.equal(true);
    });

    it('a deleted passkey picked in the autofill gets its message', async () => {
      auth = await addVirtualAuthenticator();
      const id = await registerPasskey(adapter);
      await adapter.admin.signIn(DELEGATE.username);
      await adapter.deletePasskey({ passkeyId: id });
      await adapter.logout();
      const el = await mount(adapter);
      await until(() => alertText(el) !== '', 'the message');
      expect(alertText(el)).to.contain('not registered for any account');
      expect(el.step).to.equal('credentials');
    });
  });

  describe('the offer to create a passkey after a password sign-in', () => {
    const offerKey = `pep-passkey-offer:${DELEGATE.username}`;
    beforeEach(() => {
      localStorage.removeItem(offerKey);
      cleanups.push(noConditionalMediation());
    });
    afterEach(() => localStorage.removeItem(offerKey));

    function typePassword(el: PepLogin): void {
      const username = get<HTMLInputElement>(el, '[name="username"]');
      const password = get<HTMLInputElement>(el, '[name="password"]');
      username.value = DELEGATE.username;
      username.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      password.value = DELEGATE.password;
      password.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      get<HTMLButtonElement>(el, '[part~="submit-button"]').click();
    }

    /** Password, then an email code in <pep-verify-account>. */
    async function passwordAndCode(el: PepLogin): Promise<void> {
      typePassword(el);
      await until(() => el.step === 'verify', 'the verify step');
      const va = el.shadowRoot!.querySelector('pep-verify-account')!;
      await va.updateComplete;
      va.shadowRoot!.querySelector<HTMLInputElement>('#method-email')!.click();
      await va.updateComplete;
      va.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
      await until(() => !!va.shadowRoot!.querySelector('#code'), 'the code step');
      const input = va.shadowRoot!.querySelector<HTMLInputElement>('#code')!;
      input.value = latestCode(adapter, 'email');
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      va.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    }

    const offerOf = (el: PepLogin) => el.shadowRoot!.querySelector('pep-passkey-offer');
    const offerButton = (el: PepLogin, part: string) =>
      offerOf(el)?.shadowRoot?.querySelector<HTMLButtonElement>(`[part~="${part}"]`) ?? null;

    it('after password + code: <pep-passkey-offer> before the success event; create, Continue', async () => {
      auth = await addVirtualAuthenticator();
      await verifiedDelegateLogin(adapter);
      await adapter.logout();
      clock.advance(60_000); // past the 30 s between two codes
      const el = await mount(adapter);
      let authenticated = 0;
      el.addEventListener('pep-authenticated', () => authenticated++);
      const steps: string[] = [];
      el.addEventListener('pep-step-change', (e) => {
        if (e.composedPath()[0] === el) steps.push(e.detail.step);
      });
      await passwordAndCode(el);
      await until(() => !!offerButton(el, 'submit-button'), 'the offer');
      expect(el.step).to.equal('offer');
      expect(authenticated, 'no success event yet').to.equal(0);
      expect(offerOf(el)!.shadowRoot!.textContent).to.contain('Create a passkey to log in faster');
      await until(() => offerOf(el)!.shadowRoot!.activeElement !== null, 'focus on the offer');
      await expect(el).to.be.accessible();
      offerButton(el, 'submit-button')!.click();
      await until(() => offerOf(el)?.step === 'created', 'created');
      expect(await auth.credentials()).to.have.length(1);
      expect(await adapter.listPasskeys()).to.have.length(1);
      const signedIn = oneEvent(el, 'pep-authenticated');
      offerButton(el, 'submit-button')!.click();
      expect((await signedIn).detail.session.user.username).to.equal(DELEGATE.username);
      await el.updateComplete;
      expect(el.step).to.equal('done');
      expect(authenticated).to.equal(1);
      expect(steps).to.deep.equal(['verify', 'offer', 'done']);
    });

    it('Not now: signed in at once; not offered again on this device', async () => {
      auth = await addVirtualAuthenticator();
      await verifiedDelegateLogin(adapter);
      await adapter.logout();
      clock.advance(60_000); // past the 30 s between two codes
      const el = await mount(adapter);
      await passwordAndCode(el);
      await until(() => !!offerButton(el, 'secondary-button'), 'the offer');
      const signedIn = oneEvent(el, 'pep-authenticated');
      offerButton(el, 'secondary-button')!.click();
      await signedIn;
      expect(el.step).to.equal('done');
      expect(await auth.credentials()).to.deep.equal([]);
      await adapter.logout();
      // next time: straight to done after verification
      clock.advance(60_000);
      const again = await mount(adapter);
      const signedInAgain = oneEvent(again, 'pep-authenticated');
      await passwordAndCode(again);
      await signedInAgain;
      expect(again.step).to.equal('done');
      expect(offerOf(again)).to.equal(null);
    });

    it('no authenticator of its own on this device: no offer, signed in after verification', async () => {
      // (no virtual authenticator: isUserVerifyingPlatformAuthenticatorAvailable() is false)
      expect(await PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable()).to.equal(
        false,
      );
      await verifiedDelegateLogin(adapter);
      await adapter.logout();
      clock.advance(60_000);
      const el = await mount(adapter);
      expect(passkeyButton(el)).to.not.equal(null);
      const signedIn = oneEvent(el, 'pep-authenticated');
      await passwordAndCode(el);
      await signedIn;
      await el.updateComplete;
      expect(el.step).to.equal('done');
      expect(offerOf(el)).to.equal(null);
    });

    it('passkeys off: no offer, the success event right after verification', async () => {
      await verifiedDelegateLogin(adapter);
      await adapter.logout();
      clock.advance(60_000); // past the 30 s between two codes
      const el = await mount(adapter, OFF);
      const signedIn = oneEvent(el, 'pep-authenticated');
      await passwordAndCode(el);
      await signedIn;
      await el.updateComplete;
      expect(el.step).to.equal('done');
      expect(offerOf(el)).to.equal(null);
    });
  });
});
