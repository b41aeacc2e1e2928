/**
 * Password managers that do not look into shadow roots (issue 21): the credential forms render
 * their `<form>`, Username and Password inputs in the element's own light DOM
 * (`shared/credential-form.ts`), slotted into the shadow layout. In Chromium, Firefox and WebKit
 * (`ENGINES=chromium,firefox,webkit ENGINE_FILES=test/elements/credentials-light-dom.test.ts
 * npm run test:engines`): the document finds the fields, a value filled by a script (with only
 * `change`, only `input` or no event) is what is submitted, axe stays clean, two widgets do not
 * clash, and the form's styles neither leak out into the page nor let the page's in.
 */
import { expect, fixture, fixtureCleanup, fixtureSync, html } from '@open-wc/testing';
import '../../src/elements/login/pep-login.js';
import '../../src/elements/create-password/pep-create-password.js';
import '../../src/elements/forgot-password/pep-forgot-password.js';
import type { PepLogin } from '../../src/elements/login/pep-login.js';
import type { PepCreatePassword } from '../../src/elements/create-password/pep-create-password.js';
import type { PepForgotPassword } from '../../src/elements/forgot-password/pep-forgot-password.js';
import type { MemoryAdapter } from '../../src/adapter/memory/memory-adapter.js';
import type { AuthAdapter } from '../../src/adapter/types.js';
import { latestCode, latestLinkToken } from '../../src/adapter/memory/outbox.js';
import { DELEGATE, noStore, setupDelegate, settle, spying, until } from '../support/login.js';

type Fill = 'change' | 'input' | 'none';

/** Set `.value` as a password manager or a script does, firing only `how` (or nothing). */
function fillAs(input: HTMLInputElement, value: string, how: Fill): void {
  input.value = value;
  if (how !== 'none') input.dispatchEvent(new Event(how, { bubbles: true }));
}

/** The computed styles a page cares about for `el`. */
function look(el: Element): Record<string, string> {
  const s = getComputedStyle(el);
  const out: Record<string, string> = {};
  for (const p of [
    'display',
    'width',
    'min-height',
    'padding-top',
    'padding-left',
    'border-top-width',
    'border-top-style',
    'border-top-color',
    'border-top-left-radius',
    'color',
    'background-color',
    'font-family',
    'font-weight',
    'box-sizing',
  ])
    out[p] = s.getPropertyValue(p);
  return out;
}

describe('credential forms in light DOM (password managers)', () => {
  let adapter: MemoryAdapter;
  let logins: { username: string; password: string }[];
  let spied: ReturnType<typeof spying>;

  beforeEach(async () => {
    ({ adapter } = await setupDelegate());
    logins = [];
    spied = spying(adapter, (method, args) => {
      if (method === 'login') logins.push(args[0] as { username: string; password: string });
    });
  });
  afterEach(() => fixtureCleanup());

  const mount = () =>
    fixture<PepLogin>(html`<pep-login .adapter=${spied} .deviceStore=${noStore}></pep-login>`);
  const submit = (el: PepLogin) =>
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();

  describe('<pep-login>', () => {
    it('the document finds the form, Username and Password, labelled, with their tokens', async () => {
      const el = await mount();
      const passwords = document.querySelectorAll<HTMLInputElement>(
        'input[autocomplete~="current-password"]',
      );
      expect(passwords.length).to.equal(1);
      const password = passwords[0]!;
      const username = document.querySelector<HTMLInputElement>('input[autocomplete~="username"]')!;
      expect(el.contains(password) && el.contains(username)).to.equal(true);
      expect(password.type).to.equal('password');
      expect(password.name).to.equal('password');
      expect(username.name).to.equal('username');
      // One real form holds both; the document reaches it.
      // (Identity checks: chai's deep comparison of DOM nodes never ends.)
      const form = password.form;
      expect(form !== null && form === username.form, 'one form').to.equal(true);
      expect(form!.getRootNode() === document, 'in the document tree').to.equal(true);
      expect([...document.forms].includes(form!), 'in document.forms').to.equal(true);
      // Real <label for> in the same tree.
      expect(username.labels![0]!.textContent!.trim()).to.equal('Username');
      expect(password.labels![0]!.textContent!.trim()).to.equal('Password');
      // Shown through the card's slot, not a copy.
      const slot = el.shadowRoot!.querySelector('slot')!;
      const assigned = slot.assignedElements();
      expect(assigned.length === 1 && assigned[0] === form!.parentElement, 'slotted').to.equal(
        true,
      );
      expect(password.getClientRects().length).to.be.above(0);
      await expect(el).to.be.accessible();
    });

    for (const how of ['change', 'input', 'none'] as const) {
      it(`a value filled by a script with ${how === 'none' ? 'no event' : `only "${how}"`} is the one submitted`, async () => {
        const el = await mount();
        const form = document.forms[0]!;
        fillAs(form.elements.namedItem('username') as HTMLInputElement, DELEGATE.username, how);
        fillAs(form.elements.namedItem('password') as HTMLInputElement, DELEGATE.password, how);
        submit(el);
        await until(() => el.step !== 'credentials', 'the next step');
        expect(logins).to.deep.equal([
          { username: DELEGATE.username, password: DELEGATE.password, language: 'en' },
        ]);
      });
    }

    it('a silent fill survives a re-render before submit (Show password), and Enter submits', async () => {
      const el = await mount();
      const input = (name: string) => el.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      fillAs(input('username'), DELEGATE.username, 'none');
      fillAs(input('password'), DELEGATE.password, 'none');
      el.querySelector<HTMLButtonElement>('[part~="toggle-button"]')!.click();
      await el.updateComplete;
      expect(input('password').type).to.equal('text');
      expect(input('username').value).to.equal(DELEGATE.username);
      expect(input('password').value).to.equal(DELEGATE.password);
      input('password').dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
      );
      await until(() => logins.length === 1, 'the login call');
      expect(logins[0]).to.deep.equal({
        username: DELEGATE.username,
        password: DELEGATE.password,
        language: 'en',
      });
    });

    it('field errors are linked in the document; the first invalid field gets focus', async () => {
      const el = await mount();
      submit(el);
      await settle(el);
      const username = el.querySelector<HTMLInputElement>('[name="username"]')!;
      const password = el.querySelector<HTMLInputElement>('[name="password"]')!;
      expect(document.activeElement === username, 'focus on Username').to.equal(true);
      for (const [input, text] of [
        [username, 'Enter a username.'],
        [password, 'Enter a password.'],
      ] as const) {
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        const ids = input.getAttribute('aria-describedby')!.split(' ');
        const texts = ids.map((id) => document.getElementById(id)?.textContent?.trim());
        expect(texts).to.include(text);
      }
      const toggle = el.querySelector('[part~="toggle-button"]')!;
      expect(document.getElementById(toggle.getAttribute('aria-controls')!) === password).to.equal(
        true,
      );
      expect(logins).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    // (fixtureSync for a plain wrapper: fixture() would wait for an animation frame, which a
    // background page of the parallel test runner may never get.)
    it('two widgets on one page: unique ids, each label and error its own field', async () => {
      const wrapper = fixtureSync<HTMLElement>(
        html`<div>
          <pep-login .adapter=${spied} .deviceStore=${noStore}></pep-login>
          <pep-login .adapter=${spied} .deviceStore=${noStore}></pep-login>
        </div>`,
      );
      const [a, b] = [...wrapper.querySelectorAll('pep-login')] as [PepLogin, PepLogin];
      await a.updateComplete;
      await b.updateComplete;
      const ids = [...document.querySelectorAll('[id]')].map((n) => n.id);
      expect(ids.length).to.equal(new Set(ids).size);
      for (const el of [a, b]) {
        for (const input of el.querySelectorAll('input')) {
          expect(el.contains(input.labels![0]!)).to.equal(true);
          for (const id of (input.getAttribute('aria-describedby') ?? '')
            .split(' ')
            .filter(Boolean))
            expect(el.contains(document.getElementById(id))).to.equal(true);
        }
      }
      fillAs(a.querySelector<HTMLInputElement>('[name="username"]')!, 'first0001', 'input');
      await a.updateComplete;
      expect(b.querySelector<HTMLInputElement>('[name="username"]')!.value).to.equal('');
      expect(document.querySelectorAll('input[autocomplete~="current-password"]').length).to.equal(
        2,
      );
      // Each widget (two on a page repeat the "Account help" nav landmark's name: a page
      // with two Log In forms is not what this checks).
      await expect(a).to.be.accessible();
      await expect(b).to.be.accessible();
    });

    it('reset(), removal and re-insertion, and re-renders keep one consistent form', async () => {
      const el = await mount();
      const parent = el.parentElement!;
      const input = (name: string) => el.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      fillAs(input('username'), DELEGATE.username, 'input');
      fillAs(input('password'), 'Typed-Pass-1', 'change');
      el.remove();
      parent.append(el);
      await el.updateComplete;
      expect(el.querySelectorAll('[data-pep-credentials]').length).to.equal(1);
      expect(input('username').value).to.equal(DELEGATE.username);
      expect(input('password').value).to.equal('Typed-Pass-1');
      // A page that empties the element's children: the form comes back on the next render.
      el.replaceChildren();
      el.requestUpdate();
      await el.updateComplete;
      expect(el.querySelectorAll('[data-pep-credentials]').length).to.equal(1);
      expect(input('username').value).to.equal(DELEGATE.username);
      el.reset();
      await settle(el);
      expect(input('username').value).to.equal('');
      expect(input('password').value).to.equal('');
      // A silent fill after reset() is still read.
      fillAs(input('username'), DELEGATE.username, 'none');
      fillAs(input('password'), DELEGATE.password, 'none');
      submit(el);
      await until(() => logins.length === 1, 'the login call');
      expect(logins[0]).to.deep.equal({
        username: DELEGATE.username,
        password: DELEGATE.password,
        language: 'en',
      });
    });

    it('after the password step the password leaves the light DOM too', async () => {
      const el = await mount();
      fillAs(el.querySelector<HTMLInputElement>('[name="username"]')!, DELEGATE.username, 'none');
      fillAs(el.querySelector<HTMLInputElement>('[name="password"]')!, DELEGATE.password, 'none');
      submit(el);
      await until(() => el.step === 'enroll', 'the enroll step');
      await el.updateComplete;
      expect(el.querySelector('input') === null, 'no input left').to.equal(true);
      expect(document.querySelectorAll('input[autocomplete~="current-password"]').length).to.equal(
        0,
      );
      el.reset();
      await settle(el);
      expect(el.querySelector<HTMLInputElement>('[name="password"]')!.value).to.equal('');
    });

    it('user text is rendered as text', async () => {
      const markup = '<img src=x onerror=alert(1)>';
      const el = await fixture<PepLogin>(
        html`<pep-login
          .adapter=${spied}
          username=${markup}
          .messages=${{ 'login.username': '<b>Name</b>' }}
        ></pep-login>`,
      );
      expect(el.querySelector('img, b') === null, 'no markup from user text').to.equal(true);
      expect(el.querySelector<HTMLInputElement>('[name="username"]')!.value).to.equal(
        '<img src=x onerror=alert(1)>',
      );
      expect(el.querySelector('label')!.textContent!.trim()).to.equal('<b>Name</b>');
    });

    it('looks as before: tokens reach the slotted form, page styles stay out and in', async () => {
      const page = document.createElement('style');
      page.textContent = `input, label, form, button, div { border: 7px dotted rgb(1, 2, 3);
        padding: 19px; text-transform: uppercase; font-weight: 100; color: rgb(1, 2, 3) }`;
      document.head.append(page);
      try {
        const wrapper = fixtureSync<HTMLElement>(
          html`<div style="--pep-radius: 13px; --pep-color-border: rgb(0, 90, 60)">
            <input id="sibling" />
            <label for="sibling">Sibling</label>
            <button type="button">Sibling</button>
            <pep-login .adapter=${spied} .deviceStore=${noStore}></pep-login>
          </div>`,
        );
        const el = wrapper.querySelector('pep-login')!;
        await el.updateComplete;
        const input = el.querySelector<HTMLInputElement>('[name="username"]')!;
        const s = getComputedStyle(input);
        expect(s.borderTopLeftRadius).to.equal('13px');
        expect(s.borderTopColor).to.equal('rgb(0, 90, 60)');
        expect(s.borderTopStyle).to.equal('solid');
        expect(s.borderTopWidth).to.equal('1px');
        expect(s.boxSizing).to.equal('border-box');
        const label = input.labels![0]!;
        expect(getComputedStyle(label).textTransform).to.equal('none');
        expect(getComputedStyle(label).fontWeight).to.equal('600');
        expect(getComputedStyle(label).borderTopStyle).to.equal('none');
        // The page's own sibling fields keep exactly the page's styles.
        for (const sel of ['#sibling', 'label[for="sibling"]', 'button']) {
          const sibling = wrapper.querySelector(sel)!;
          const withWidget = look(sibling);
          el.remove();
          expect(look(sibling), sel).to.deep.equal(withWidget);
          expect(withWidget['border-top-width'], sel).to.equal('7px');
          expect(withWidget['border-top-left-radius'], sel).to.equal('0px');
          wrapper.append(el);
          await el.updateComplete;
        }
      } finally {
        page.remove();
      }
    });

    it('the slotted form looks like the shadow form did (same computed styles)', async () => {
      const el = await mount();
      el.setAttribute('theme', 'dark');
      const input = el.querySelector<HTMLInputElement>('[name="password"]')!;
      // A field rendered in the shadow root with the same styles, for comparison.
      const probe = document.createElement('div');
      probe.innerHTML = `<form><div class="field"><label for="p">Password</label>
        <div class="input-row"><input id="p" type="password" /><button type="button"
        class="secondary toggle">Show password</button></div></div></form>`;
      const card = el.shadowRoot!.querySelector('.card')!;
      card.append(probe);
      try {
        const shadowInput = probe.querySelector('input')!;
        expect(look(input)).to.deep.equal(look(shadowInput));
        expect(look(input.labels![0]!)).to.deep.equal(look(probe.querySelector('label')!));
        expect(look(el.querySelector('[part~="toggle-button"]')!)).to.deep.equal(
          look(probe.querySelector('button')!),
        );
      } finally {
        probe.remove();
      }
    });

    it('offers the filled credential where the Credential Management API exists, and works where not', async () => {
      const g = globalThis as unknown as Record<string, unknown>;
      const had = 'PasswordCredential' in g;
      const ctor = g['PasswordCredential'];
      const desc = Object.getOwnPropertyDescriptor(navigator, 'credentials');
      const signIn = async () => {
        const el = await mount();
        fillAs(el.querySelector<HTMLInputElement>('[name="username"]')!, DELEGATE.username, 'none');
        fillAs(el.querySelector<HTMLInputElement>('[name="password"]')!, DELEGATE.password, 'none');
        submit(el);
        await until(() => el.step === 'enroll', 'the enroll step');
        el.remove();
      };
      try {
        const stored: unknown[] = [];
        g['PasswordCredential'] = class {
          constructor(readonly data: unknown) {}
        };
        Object.defineProperty(navigator, 'credentials', {
          configurable: true,
          value: { store: async (c: { data: unknown }) => void stored.push(c.data) },
        });
        await signIn();
        await until(() => stored.length > 0, 'the offered credential');
        expect(stored).to.deep.equal([{ id: DELEGATE.username, password: DELEGATE.password }]);
        // No API at all (Firefox, WebKit): signing in works the same.
        delete g['PasswordCredential'];
        await signIn();
      } finally {
        if (had) g['PasswordCredential'] = ctor;
        else delete g['PasswordCredential'];
        if (desc) Object.defineProperty(navigator, 'credentials', desc);
        else delete (navigator as unknown as Record<string, unknown>)['credentials'];
      }
    });
  });

  describe('the new-password step (Create Password, Forgot Password)', () => {
    const FRESH = 'Fresh-Start-2027x';
    let saved: { flowId: string; password: string }[];

    /** A delegate invited and confirmed (Create Password), or with a password (Forgot). */
    async function flowAdapter(tag: string): Promise<AuthAdapter> {
      if (tag === 'pep-create-password') {
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
      }
      saved = [];
      return spying(adapter, (method, args) => {
        if (method === 'setPassword') saved.push(args[0] as { flowId: string; password: string });
      });
    }

    /** Render `tag` and walk it to Create New Password (by email code). */
    async function toNewPassword(
      tag: 'pep-create-password' | 'pep-forgot-password',
    ): Promise<{ el: PepCreatePassword | PepForgotPassword; username: string }> {
      const a = await flowAdapter(tag);
      const username = tag === 'pep-create-password' ? 'janedoe01' : DELEGATE.username;
      const el = await fixture<PepCreatePassword | PepForgotPassword>(
        tag === 'pep-create-password'
          ? html`<pep-create-password .adapter=${a} username=${username}></pep-create-password>`
          : html`<pep-forgot-password .adapter=${a}></pep-forgot-password>`,
      );
      const $ = <T extends HTMLElement>(sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
      const press = () => $('[part~="submit-button"]').click();
      if (tag === 'pep-forgot-password') fillAs($('[name="username"]'), username, 'input');
      await el.updateComplete;
      press();
      await until(() => !!el.shadowRoot!.querySelector('input[name="channel"]'), 'choose');
      $('input[name="channel"][value="email"]').click();
      await el.updateComplete;
      press();
      await until(() => el.step === 'code', 'the code step');
      await el.updateComplete;
      fillAs($('input[autocomplete="one-time-code"]'), latestCode(adapter, 'email'), 'input');
      await el.updateComplete;
      press();
      await until(() => el.step === 'password', 'the new-password step');
      await el.updateComplete;
      return { el, username };
    }

    for (const tag of ['pep-create-password', 'pep-forgot-password'] as const) {
      it(`<${tag}>: the document finds the form with the username and the new password`, async () => {
        const { el, username } = await toNewPassword(tag);
        const news = [
          ...document.querySelectorAll<HTMLInputElement>('input[autocomplete~="new-password"]'),
        ];
        expect(news.map((n) => n.name)).to.deep.equal(['password', 'confirm']);
        const form = news[0]!.form!;
        expect(form.getRootNode() === document && el.contains(form), 'in the light DOM').to.equal(
          true,
        );
        expect(news[1]!.form === form, 'one form').to.equal(true);
        const user = form.querySelector<HTMLInputElement>('input[autocomplete~="username"]')!;
        expect(user.value).to.equal(username);
        // Each labelled by its own <label for> in the light DOM.
        for (const n of news) {
          expect(n.labels!.length, n.name).to.equal(1);
          expect(el.contains(n.labels![0]!) && n.labels![0]!.textContent!.trim() !== '').to.equal(
            true,
          );
        }
        expect(news[0]!.labels![0]!.textContent).to.match(/Password/);
        // New Password is described by the checklist, in the same tree.
        const described = news[0]!.getAttribute('aria-describedby')!.split(' ');
        const checklist = el.querySelector('[part~="checklist"]')!;
        expect(described).to.include(checklist.id);
        expect(document.getElementById(checklist.id) === checklist).to.equal(true);
        expect(news[0]!.getClientRects().length).to.be.above(0);
        await expect(el).to.be.accessible();
      });

      for (const how of ['change', 'input', 'none'] as const) {
        it(`<${tag}>: a fill with ${how === 'none' ? 'no event' : `only "${how}"`} is the password saved`, async () => {
          const { el } = await toNewPassword(tag);
          fillAs(el.querySelector<HTMLInputElement>('[name="password"]')!, FRESH, how);
          fillAs(el.querySelector<HTMLInputElement>('[name="confirm"]')!, FRESH, how);
          el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
          await until(() => el.step === 'done', 'the confirmation');
          expect(saved.map((c) => c.password)).to.deep.equal([FRESH]);
          // The step is gone, and its fields (and the password) with it.
          await el.updateComplete;
          expect(el.querySelector('input') === null, 'no field left').to.equal(true);
        });
      }
    }

    it('errors are linked in the document, the first invalid field is focused, Enter submits', async () => {
      const { el } = await toNewPassword('pep-create-password');
      const input = (name: string) => el.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      fillAs(input('password'), FRESH, 'none');
      fillAs(input('confirm'), 'Other-Start-2027x', 'none');
      input('confirm').dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
      );
      await until(
        () => document.activeElement === input('confirm'),
        'focus on Confirm New Password',
      );
      expect(input('confirm').getAttribute('aria-invalid')).to.equal('true');
      const ids = input('confirm').getAttribute('aria-describedby')!.split(' ');
      expect(ids.map((id) => document.getElementById(id)?.textContent?.trim())).to.include(
        'The passwords do not match.',
      );
      expect(saved).to.deep.equal([]);
      await expect(el).to.be.accessible();
      fillAs(input('confirm'), FRESH, 'change');
      input('confirm').dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }),
      );
      await until(() => el.step === 'done', 'the confirmation');
      expect(saved.map((c) => c.password)).to.deep.equal([FRESH]);
    });

    it('reset() on the step empties the light DOM; the step again starts empty', async () => {
      const { el } = await toNewPassword('pep-forgot-password');
      fillAs(el.querySelector<HTMLInputElement>('[name="password"]')!, FRESH, 'none');
      el.reset();
      await settle(el);
      expect(el.step).to.equal('find');
      expect(el.querySelector('[name="password"]') === null, 'no password field').to.equal(true);
      expect(el.querySelectorAll('[data-pep-credentials]').length).to.equal(1);
    });
  });
});
