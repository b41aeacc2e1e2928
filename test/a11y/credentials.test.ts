/**
 * WCAG 2.2 Accessible Authentication: password and code fields accept paste and carry the
 * `autocomplete` tokens password managers use, and a new password is offered to the browser's
 * password manager through the Credential Management API (fields in a shadow root are invisible
 * to some managers).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { offerCredential } from '../../src/base/credentials.js';
import { latestCode, latestLinkToken } from '../../src/adapter/memory/outbox.js';
import type { PepForgotPassword } from '../../src/elements/forgot-password/pep-forgot-password.js';
import '../../src/elements/forgot-password/pep-forgot-password.js';
import '../../src/elements/create-password/pep-create-password.js';
import type { PepCreatePassword } from '../../src/elements/create-password/pep-create-password.js';
import { CASES, until } from './cases.js';
import { DELEGATE, setupDelegate } from '../support/login.js';

interface Stored {
  id: string;
  password: string;
}

/** Replace PasswordCredential and navigator.credentials.store for one test. */
function stubCredentialApi(): { stored: Stored[]; restore(): void } {
  const stored: Stored[] = [];
  const g = globalThis as unknown as Record<string, unknown>;
  const hadCtor = 'PasswordCredential' in g;
  const ctor = g['PasswordCredential'];
  const desc = Object.getOwnPropertyDescriptor(navigator, 'credentials');
  g['PasswordCredential'] = class {
    constructor(readonly data: Stored) {}
  };
  Object.defineProperty(navigator, 'credentials', {
    configurable: true,
    value: {
      store: async (c: { data: Stored }) => {
        stored.push({ id: c.data.id, password: c.data.password });
        return c;
      },
    },
  });
  return {
    stored,
    restore() {
      if (hadCtor) g['PasswordCredential'] = ctor;
      else delete g['PasswordCredential'];
      if (desc) Object.defineProperty(navigator, 'credentials', desc);
      else delete (navigator as unknown as Record<string, unknown>)['credentials'];
    },
  };
}

/** Widgets whose Username field is the user's own account (password managers fill it). */
const OWN_USERNAME = new Set(['pep-login', 'pep-forgot-password', 'pep-create-password']);

describe('accessible authentication', () => {
  for (const c of CASES) {
    it(`<${c.tag}>: password and code fields accept paste and have autocomplete tokens`, async () => {
      const el = await c.render();
      const sel =
        'input[type="password"], input[autocomplete="one-time-code"], input[name="username"]';
      // Shadow root, and the light-DOM credential form (Log In's, the new-password step's).
      const fields = [
        ...el.shadowRoot!.querySelectorAll<HTMLInputElement>(sel),
        ...el.querySelectorAll<HTMLInputElement>(`[data-pep-credentials] ${sel}`),
      ];
      if (OWN_USERNAME.has(c.tag)) expect(fields.length, 'its Username field').to.be.above(0);
      for (const f of fields) {
        const paste = new Event('paste', { bubbles: true, cancelable: true, composed: true });
        f.dispatchEvent(paste);
        expect(paste.defaultPrevented, `paste into #${f.id}`).to.be.false;
        if (f.type === 'password')
          expect(f.autocomplete).to.be.oneOf(['current-password', 'new-password']);
        // (Add Delegate's Username is someone else's: autocomplete stays off there.)
        else if (f.name === 'username') {
          if (OWN_USERNAME.has(c.tag)) expect(f.autocomplete).to.equal('username');
        } else expect(f.autocomplete).to.equal('one-time-code');
      }
    });
  }

  it('offerCredential stores a PasswordCredential, and is a no-op without the API', async () => {
    const api = stubCredentialApi();
    try {
      expect(await offerCredential('dana0001', 'Secret-Pass-1')).to.be.true;
      expect(api.stored).to.deep.equal([{ id: 'dana0001', password: 'Secret-Pass-1' }]);
      expect(await offerCredential('', 'x')).to.be.false;
    } finally {
      api.restore();
    }
    const g = globalThis as unknown as Record<string, unknown>;
    const ctor = g['PasswordCredential'];
    delete g['PasswordCredential'];
    try {
      expect(await offerCredential('dana0001', 'Secret-Pass-1')).to.be.false;
    } finally {
      if (ctor) g['PasswordCredential'] = ctor;
    }
  });

  it('<pep-forgot-password> offers the new password to the password manager', async () => {
    const api = stubCredentialApi();
    try {
      const { adapter, clock } = await setupDelegate();
      const el = await fixture<PepForgotPassword>(
        html`<pep-forgot-password
          .adapter=${adapter}
          .now=${() => clock.now()}
        ></pep-forgot-password>`,
      );
      // (The new-password step's fields are in the element's light DOM.)
      const $ = <T extends HTMLElement>(s: string) =>
        (el.shadowRoot!.querySelector<T>(s) ?? el.querySelector<T>(s))!;
      const fill = async (name: string, value: string) => {
        const input = $<HTMLInputElement>(`[name="${name}"]`);
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        await el.updateComplete;
      };
      const submit = () => $('[part~="submit-button"]').click();

      await fill('username', DELEGATE.username);
      submit();
      await until(() => !!el.shadowRoot!.querySelector('input[name="channel"]'), 'choose');
      $('input[name="channel"][value="email"]').click();
      await el.updateComplete;
      submit();
      await until(() => el.step === 'code', 'code');
      await el.updateComplete;
      await fill('code', latestCode(adapter, 'email'));
      submit();
      await until(() => el.step === 'password', 'password');
      await el.updateComplete;
      await fill('password', 'Fresh-Start-2027x');
      await fill('confirm', 'Fresh-Start-2027x');
      submit();
      await until(() => el.step === 'done', 'done');
      await until(() => api.stored.length > 0, 'the credential');
      expect(api.stored).to.deep.equal([{ id: DELEGATE.username, password: 'Fresh-Start-2027x' }]);
    } finally {
      api.restore();
    }
  });
  it('<pep-login> offers the credentials once the password is accepted, not after a wrong one', async () => {
    const api = stubCredentialApi();
    try {
      const el = await CASES.find((c) => c.tag === 'pep-login')!.render();
      // The fields are in the element's light DOM (the credential form), the rest in its shadow.
      const $ = <T extends HTMLElement>(s: string) =>
        (el.shadowRoot!.querySelector<T>(s) ?? el.querySelector<T>(s))!;
      const fill = async (name: string, value: string) => {
        const input = $<HTMLInputElement>(`[name="${name}"]`);
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        await el.updateComplete;
      };
      await fill('username', DELEGATE.username);
      await fill('password', 'Wrong-Password-1');
      $('[part~="submit-button"]').click();
      await until(() => !!$('[role="alert"]').textContent?.trim(), 'the error');
      expect(api.stored).to.deep.equal([]);
      await fill('password', DELEGATE.password);
      $('[part~="submit-button"]').click();
      await until(() => api.stored.length > 0, 'the credential');
      expect(api.stored).to.deep.equal([{ id: DELEGATE.username, password: DELEGATE.password }]);
    } finally {
      api.restore();
    }
  });

  it('<pep-create-password> offers the new password to the password manager', async () => {
    const api = stubCredentialApi();
    try {
      const { adapter } = await setupDelegate();
      await adapter.admin.signIn('demoproducer');
      await adapter.addDelegate({
        username: 'janedoe01',
        email: 'jane.doe@example.com',
        firstName: 'Jane',
        lastName: 'Doe',
        mobile: '(312) 555-0101',
        states: ['IL'],
      });
      await adapter.logout();
      await adapter.confirmEmail({ token: latestLinkToken(adapter, 'jane.doe@example.com') });
      const el = await fixture<PepCreatePassword>(
        html`<pep-create-password .adapter=${adapter} username="janedoe01"></pep-create-password>`,
      );
      // (The new-password step's fields are in the element's light DOM.)
      const $ = <T extends HTMLElement>(s: string) =>
        (el.shadowRoot!.querySelector<T>(s) ?? el.querySelector<T>(s))!;
      const fill = async (name: string, value: string) => {
        const input = $<HTMLInputElement>(`input[name="${name}"]:not([hidden])`);
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
        await el.updateComplete;
      };
      const submit = () => $('[part~="submit-button"]').click();
      submit();
      await until(() => !!el.shadowRoot!.querySelector('input[name="channel"]'), 'choose');
      $('input[name="channel"][value="email"]').click();
      await el.updateComplete;
      submit();
      await until(
        () => !!el.shadowRoot!.querySelector('input[autocomplete="one-time-code"]'),
        'code',
      );
      await fill(
        $<HTMLInputElement>('input[autocomplete="one-time-code"]').name,
        latestCode(adapter, 'email'),
      );
      submit();
      await until(() => !!el.querySelector('input[name="confirm"]'), 'password');
      await fill('password', 'Fresh-Start-2027x');
      await fill('confirm', 'Fresh-Start-2027x');
      submit();
      await until(() => api.stored.length > 0, 'the credential');
      expect(api.stored).to.deep.equal([{ id: 'janedoe01', password: 'Fresh-Start-2027x' }]);
    } finally {
      api.restore();
    }
  });
});
