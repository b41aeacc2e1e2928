import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { adapterError } from '../../../src/adapter/errors.js';
import type { MemoryAdapter } from '../../../src/adapter/memory/memory-adapter.js';
import { loadLocale } from '../../../src/base/localize.js';
import '../../../src/elements/passkeys/pep-passkeys.js';
import type { PepPasskeys } from '../../../src/elements/passkeys/pep-passkeys.js';
import { getPasskey } from '../../../src/shared/webauthn.js';
import {
  $,
  alertText,
  deepActive,
  failing,
  producerAdapter,
  typeInto,
  until,
} from '../../support/registration.js';
import { addVirtualAuthenticator, type VirtualAuthenticator } from '../../support/webauthn.js';

async function mount(adapter: unknown, lang?: string): Promise<PepPasskeys> {
  const el = await fixture<PepPasskeys>(
    lang ? html`<pep-passkeys lang=${lang}></pep-passkeys>` : html`<pep-passkeys></pep-passkeys>`,
  );
  el.adapter = adapter as PepPasskeys['adapter'];
  await until(() => el.state.list !== 'loading', 3000, 'list loaded');
  await el.updateComplete;
  return el;
}

const text = (el: Element, sel: string) =>
  el.shadowRoot!.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const names = (el: PepPasskeys) =>
  [...el.shadowRoot!.querySelectorAll('[part=passkey] h3')].map((h) => h.textContent!.trim());

async function add(el: PepPasskeys): Promise<void> {
  $<HTMLButtonElement>(el, '[part~=add-button]').click();
  await until(() => el.state.busy === null && el.state.list === 'ready', 5000, 'added');
  await el.updateComplete;
}

describe('<pep-passkeys>', () => {
  let adapter: MemoryAdapter;
  let auth: VirtualAuthenticator | undefined;
  beforeEach(async () => {
    adapter = await producerAdapter();
  });
  afterEach(async () => {
    await auth?.remove();
    auth = undefined;
  });

  it('is accessible (empty state) with its heading and Add a passkey', async () => {
    const el = await mount(adapter);
    await expect(el).to.be.accessible();
    expect(text(el, 'h2')).to.equal('Passkeys');
    expect(text(el, '[part=empty]')).to.contain('no passkeys yet');
    expect(text(el, '[part~=add-button]')).to.equal('Add a passkey');
  });

  it('adds a passkey with the authenticator and lists it (created, Never used)', async () => {
    auth = await addVirtualAuthenticator();
    const el = await mount(adapter);
    const created = oneEvent(el, 'pep-passkey-created');
    await add(el);
    const { detail } = await created;
    expect(Object.keys(detail.passkey).sort()).to.deep.equal([
      'createdAt',
      'id',
      'lastUsedAt',
      'name',
    ]);
    expect(names(el)).to.deep.equal([detail.passkey.name]);
    expect(detail.passkey.name).to.match(/^Passkey on /);
    const item = $(el, '[part=passkey]');
    expect(item.textContent).to.contain('Never used');
    expect(item.textContent).to.contain('Created');
    expect(text(el, '[part=status]')).to.contain('was added');
    expect(await auth.credentials()).to.have.length(1);
    expect((await adapter.listPasskeys()).map((p) => p.id)).to.deep.equal([detail.passkey.id]);
    await expect(el).to.be.accessible();
  });

  it('shows "Last used" once the passkey signed in', async () => {
    auth = await addVirtualAuthenticator();
    const el = await mount(adapter);
    await add(el);
    const { ceremonyId, options } = await adapter.startPasskeySignIn();
    const got = await getPasskey(options);
    expect(got.ok).to.equal(true);
    if (got.ok) await adapter.finishPasskeySignIn({ ceremonyId, response: got.response });
    await el.load();
    await el.updateComplete;
    expect($(el, '[part=passkey]').textContent).to.contain('Last used');
    expect($(el, '[part=passkey]').textContent).to.not.contain('Never used');
  });

  it('renames inline: errors next to the field keep what was typed; focus is managed', async () => {
    auth = await addVirtualAuthenticator();
    const el = await mount(adapter);
    await add(el);
    const rename = $<HTMLButtonElement>(el, '[part~=rename-button]');
    expect(rename.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^Rename passkey Passkey on/);
    rename.click();
    await el.updateComplete;
    await until(() => deepActive()?.id === 'passkey-name', 2000, 'focus on the name');
    await expect(el).to.be.accessible();

    typeInto(el, '#passkey-name', '   ');
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await el.updateComplete;
    const input = $<HTMLInputElement>(el, '#passkey-name');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('passkey-name-error');
    expect(text(el, '#passkey-name-error')).to.equal('Enter a name for the passkey.');

    const long = 'x'.repeat(65);
    typeInto(el, '#passkey-name', long);
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await el.updateComplete;
    expect(text(el, '#passkey-name-error')).to.equal('Use 64 characters or fewer.');
    expect($<HTMLInputElement>(el, '#passkey-name').value).to.equal(long);
    expect(deepActive()?.id).to.equal('passkey-name');

    typeInto(el, '#passkey-name', '  Work laptop ');
    const renamed = oneEvent(el, 'pep-passkey-renamed');
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    expect((await renamed).detail.passkey.name).to.equal('Work laptop');
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Work laptop']);
    expect(text(el, '[part=status]')).to.contain('now called "Work laptop"');
    await until(
      () => deepActive()?.getAttribute('part') === 'rename-button',
      2000,
      'focus back on Rename',
    );
    expect((await adapter.listPasskeys())[0]!.name).to.equal('Work laptop');
  });

  it('Escape or Cancel closes the rename form without saving', async () => {
    auth = await addVirtualAuthenticator();
    const el = await mount(adapter);
    await add(el);
    const before = names(el);
    $<HTMLButtonElement>(el, '[part~=rename-button]').click();
    await until(() => deepActive()?.id === 'passkey-name', 2000, 'focus on the name');
    typeInto(el, '#passkey-name', 'Never saved');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.state.editing).to.equal(null);
    expect(names(el)).to.deep.equal(before);
    await until(() => deepActive()?.getAttribute('part') === 'rename-button', 2000, 'focus back');
  });

  it('a rename the backend refuses on the network keeps the form and what was typed', async () => {
    auth = await addVirtualAuthenticator();
    const wrapped = failing(adapter, { renamePasskey: [adapterError('NETWORK')] });
    const el = await mount(wrapped);
    await add(el);
    $<HTMLButtonElement>(el, '[part~=rename-button]').click();
    await el.updateComplete;
    typeInto(el, '#passkey-name', 'Phone');
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await until(() => el.state.busy === null && !!el.state.problem, 3000, 'failed');
    await el.updateComplete;
    expect(alertText(el)).to.contain('could not reach the server');
    expect($<HTMLInputElement>(el, '#passkey-name').value).to.equal('Phone');
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await until(() => names(el)[0] === 'Phone', 3000, 'renamed on the second try');
  });

  it('deletes after a confirmation (Escape cancels); the deleted passkey no longer signs in', async () => {
    auth = await addVirtualAuthenticator();
    const el = await mount(adapter);
    await add(el);
    $<HTMLButtonElement>(el, '[part~=delete-button]').click();
    await until(() => deepActive()?.id === 'confirm-text', 2000, 'focus on the question');
    expect(text(el, '[part=confirm]')).to.contain('You will no longer be able to log in with it');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => deepActive()?.getAttribute('part') === 'delete-button', 2000, 'back');
    expect(names(el)).to.have.length(1);

    $<HTMLButtonElement>(el, '[part~=delete-button]').click();
    await el.updateComplete;
    const deleted = oneEvent(el, 'pep-passkey-deleted');
    $<HTMLButtonElement>(el, '[part~=confirm-button]').click();
    await deleted;
    await el.updateComplete;
    expect(names(el)).to.deep.equal([]);
    expect(text(el, '[part=empty]')).to.contain('no passkeys yet');
    expect(text(el, '[part=status]')).to.contain('was deleted');
    await until(() => deepActive()?.getAttribute('part') === 'step-heading', 2000, 'heading');
    expect(await adapter.listPasskeys()).to.deep.equal([]);

    // The authenticator still holds it; the backend no longer knows it.
    expect(await auth.credentials()).to.have.length(1);
    const { ceremonyId, options } = await adapter.startPasskeySignIn();
    const got = await getPasskey(options);
    expect(got.ok).to.equal(true);
    if (!got.ok) return;
    const refused = await adapter
      .finishPasskeySignIn({ ceremonyId, response: got.response })
      .catch((e: unknown) => e);
    expect((refused as { code?: string }).code).to.equal('PASSKEY_UNKNOWN');
  });

  it('a deletion that fails on the network keeps the confirmation with Try again', async () => {
    auth = await addVirtualAuthenticator();
    const wrapped = failing(adapter, { deletePasskey: [adapterError('TIMEOUT')] });
    const el = await mount(wrapped);
    await add(el);
    $<HTMLButtonElement>(el, '[part~=delete-button]').click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~=confirm-button]').click();
    await until(() => !!el.state.problem, 3000, 'failed');
    await el.updateComplete;
    expect(alertText(el)).to.contain('took too long');
    expect(el.state.confirming).to.not.equal(null);
    $<HTMLButtonElement>(el, '[part~=retry-button]').click();
    await until(() => names(el).length === 0, 3000, 'deleted on Try again');
  });

  it('cancelled (user verification fails: NotAllowedError) says so; nothing is added', async () => {
    auth = await addVirtualAuthenticator();
    await auth.setUserVerified(false);
    const el = await mount(adapter);
    await add(el);
    expect(alertText(el)).to.contain('cancelled or timed out');
    expect(names(el)).to.deep.equal([]);
    expect(await adapter.listPasskeys()).to.deep.equal([]);
    // The Add button is there to try again.
    expect($<HTMLButtonElement>(el, '[part~=add-button]').getAttribute('aria-disabled')).to.equal(
      'false',
    );
  });

  it('a second passkey on the same authenticator: "already has a passkey"', async () => {
    auth = await addVirtualAuthenticator();
    const el = await mount(adapter);
    await add(el);
    await add(el);
    expect(alertText(el)).to.contain('already has a passkey');
    expect(names(el)).to.have.length(1);
  });

  it('loading failures end in a retryable message, never a stuck spinner', async () => {
    const wrapped = failing(adapter, { listPasskeys: [adapterError('UNAVAILABLE')] });
    const el = await mount(wrapped);
    expect(el.state.list).to.equal('failed');
    expect(el.shadowRoot!.querySelector('.spinner')).to.equal(null);
    expect(alertText(el)).to.contain('temporarily unavailable');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~=retry-button]').click();
    await until(() => el.state.list === 'ready', 3000, 'loaded');
    await el.updateComplete;
    expect(text(el, '[part=empty]')).to.contain('no passkeys yet');
  });

  it('a failing registration start (network) is retryable', async () => {
    auth = await addVirtualAuthenticator();
    const wrapped = failing(adapter, { startPasskeyRegistration: [adapterError('NETWORK')] });
    const el = await mount(wrapped);
    await add(el);
    expect(alertText(el)).to.contain('could not reach the server');
    $<HTMLButtonElement>(el, '[part~=retry-button]').click();
    await until(() => names(el).length === 1, 5000, 'added on Try again');
  });

  it('shows nothing at all without WebAuthn (and asks the backend nothing)', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential');
    Object.defineProperty(window, 'PublicKeyCredential', { value: undefined, configurable: true });
    try {
      const wrapped = failing(adapter, {});
      const el = await fixture<PepPasskeys>(
        html`<pep-passkeys .adapter=${wrapped}></pep-passkeys>`,
      );
      await el.updateComplete;
      expect(el.shadowRoot!.childElementCount).to.equal(0);
      expect(el.getBoundingClientRect().height).to.equal(0);
      expect(wrapped.calls['listPasskeys'] ?? 0).to.equal(0);
    } finally {
      if (original) Object.defineProperty(window, 'PublicKeyCredential', original);
    }
  });

  it('removed while loading, then put back: it loads again (no stuck spinner)', async () => {
    let first = true;
    const slow = new Proxy(adapter, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (prop !== 'listPasskeys' || typeof value !== 'function') return value;
        return (options?: { signal?: AbortSignal }) => {
          if (!first) return target.listPasskeys(options);
          first = false;
          // The first load waits until it is aborted.
          return new Promise((_ok, fail) =>
            options?.signal?.addEventListener('abort', () => fail(new Error('aborted'))),
          );
        };
      },
    });
    const el = await fixture<PepPasskeys>(html`<pep-passkeys .adapter=${slow}></pep-passkeys>`);
    expect(el.state.list).to.equal('loading');
    const parent = el.parentElement!;
    el.remove();
    await new Promise((r) => setTimeout(r, 20));
    parent.append(el);
    await until(() => el.state.list === 'ready', 3000, 'loaded again');
    await el.updateComplete;
    expect(text(el, '[part=empty]')).to.contain('no passkeys yet');
  });

  it('renders in Spanish', async () => {
    await loadLocale('es');
    auth = await addVirtualAuthenticator();
    const el = await mount(adapter, 'es');
    expect(text(el, 'h2')).to.equal('Llaves de acceso');
    expect(text(el, '[part=empty]')).to.contain('Todavía no tiene llaves de acceso');
    await add(el);
    expect($(el, '[part=passkey]').textContent).to.contain('Nunca se usó');
    expect(names(el)[0]).to.match(/^Llave de acceso en /);
    $<HTMLButtonElement>(el, '[part~=delete-button]').click();
    await el.updateComplete;
    expect(text(el, '[part=confirm]')).to.contain('¿Eliminar la llave de acceso');
    await expect(el).to.be.accessible();
  });
});
