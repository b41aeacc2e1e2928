import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { adapterError } from '../../../src/adapter/errors.js';
import type { MemoryAdapter } from '../../../src/adapter/memory/memory-adapter.js';
import { loadLocale } from '../../../src/base/localize.js';
import { OFFER_SNOOZE_MS } from '../../../src/elements/passkey-offer/passkey-offer.machine.js';
import '../../../src/elements/passkey-offer/pep-passkey-offer.js';
import {
  OFFER_KEY_PREFIX,
  type OfferStorage,
} from '../../../src/elements/passkey-offer/passkey-offer.component.js';
import type { PepPasskeyOffer } from '../../../src/elements/passkey-offer/pep-passkey-offer.js';
import {
  $,
  alertText,
  deepActive,
  failing,
  producerAdapter,
  until,
} from '../../support/registration.js';
import { addVirtualAuthenticator, type VirtualAuthenticator } from '../../support/webauthn.js';

const NOW = Date.UTC(2026, 11, 7, 12);

function memoryStorage(): OfferStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

interface Mounted {
  el: PepPasskeyOffer;
  outcomes: string[];
}

async function mount(
  adapter: unknown,
  storage: OfferStorage,
  { now = NOW, lang }: { now?: number; lang?: string } = {},
): Promise<Mounted> {
  const outcomes: string[] = [];
  const el = await fixture<PepPasskeyOffer>(
    html`<pep-passkey-offer
      username="JaneDoe01"
      lang=${lang ?? 'en'}
      .adapter=${adapter as PepPasskeyOffer['adapter']}
      .storage=${storage}
      .now=${() => now}
      @pep-passkey-offer-done=${(e: CustomEvent<{ outcome: string }>) =>
        outcomes.push(e.detail.outcome)}
    ></pep-passkey-offer>`,
  );
  await el.updateComplete;
  return { el, outcomes };
}

const text = (el: Element, sel: string) =>
  el.shadowRoot!.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const KEY = `${OFFER_KEY_PREFIX}janedoe01`;

async function create(el: PepPasskeyOffer): Promise<void> {
  $<HTMLButtonElement>(el, '[part~=submit-button]').click();
  await until(() => el.step !== 'creating', 5000, 'the ceremony to end');
  await el.updateComplete;
}

describe('<pep-passkey-offer>', () => {
  let adapter: MemoryAdapter;
  let auth: VirtualAuthenticator | undefined;
  beforeEach(async () => {
    adapter = await producerAdapter();
  });
  afterEach(async () => {
    await auth?.remove();
    auth = undefined;
  });

  it('offers "Create a passkey to log in faster" with Create a passkey and Not now; accessible', async () => {
    const { el, outcomes } = await mount(adapter, memoryStorage());
    expect(el.step).to.equal('offer');
    expect(text(el, 'h2')).to.equal('Create a passkey to log in faster');
    expect(text(el, '[part~=submit-button]')).to.equal('Create a passkey');
    expect(text(el, '[part~=secondary-button]')).to.equal('Not now');
    expect(outcomes).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('Not now hides it and it is not offered again on this device for 30 days', async () => {
    const storage = memoryStorage();
    const { el, outcomes } = await mount(adapter, storage);
    $<HTMLButtonElement>(el, '[part~=secondary-button]').click();
    await el.updateComplete;
    expect(outcomes).to.deep.equal(['dismissed']);
    expect(el.shadowRoot!.childElementCount).to.equal(0);
    expect(JSON.parse(storage.map.get(KEY)!)).to.deep.equal({
      snoozedUntil: NOW + OFFER_SNOOZE_MS,
    });

    const later = await mount(adapter, storage, { now: NOW + OFFER_SNOOZE_MS - 60_000 });
    expect(later.el.step).to.equal('done');
    expect(later.outcomes).to.deep.equal(['not-offered']);
    expect(later.el.shadowRoot!.childElementCount).to.equal(0);

    const after30 = await mount(adapter, storage, { now: NOW + OFFER_SNOOZE_MS });
    expect(after30.el.step).to.equal('offer');
    // Another account on the same device is asked on its own.
    storage.map.set(KEY, JSON.stringify({ snoozedUntil: NOW + OFFER_SNOOZE_MS }));
    const other = await fixture<PepPasskeyOffer>(
      html`<pep-passkey-offer
        username="someone9"
        .adapter=${adapter}
        .storage=${storage}
        .now=${() => NOW}
      ></pep-passkey-offer>`,
    );
    expect(other.step).to.equal('offer');
  });

  it('creates a passkey: success message with focus on it, events without secrets, never offered again', async () => {
    auth = await addVirtualAuthenticator();
    const storage = memoryStorage();
    const { el, outcomes } = await mount(adapter, storage);
    const createdEvent = oneEvent(el, 'pep-passkey-created');
    await create(el);
    const { detail } = await createdEvent;
    expect(Object.keys(detail.passkey).sort()).to.deep.equal([
      'createdAt',
      'id',
      'lastUsedAt',
      'name',
    ]);
    expect(el.step).to.equal('created');
    expect(text(el, 'h2')).to.equal('Your passkey is ready');
    expect(text(el, '.success')).to.contain('Log in with a passkey');
    await until(() => deepActive()?.getAttribute('part') === 'step-heading', 2000, 'focus');
    await expect(el).to.be.accessible();
    expect((await adapter.listPasskeys()).map((p) => p.id)).to.deep.equal([detail.passkey.id]);
    expect(await auth.credentials()).to.have.length(1);

    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await el.updateComplete;
    expect(outcomes).to.deep.equal(['created']);
    expect(JSON.parse(storage.map.get(KEY)!)).to.deep.equal({ created: true });
    const again = await mount(adapter, storage, { now: NOW + 365 * 24 * 3600_000 });
    expect(again.outcomes).to.deep.equal(['not-offered']);
  });

  it('cancelled (NotAllowedError): says so, the offer stays and Create works again', async () => {
    auth = await addVirtualAuthenticator();
    await auth.setUserVerified(false);
    const { el, outcomes } = await mount(adapter, memoryStorage());
    await create(el);
    expect(el.step).to.equal('offer');
    expect(alertText(el)).to.contain('cancelled or timed out');
    expect(outcomes).to.deep.equal([]);
    await expect(el).to.be.accessible();
    await auth.setUserVerified(true);
    await create(el);
    expect(el.step).to.equal('created');
  });

  it('already registered on this authenticator: says so, only Continue, and is not offered again', async () => {
    auth = await addVirtualAuthenticator();
    const storage = memoryStorage();
    const first = await mount(adapter, storage);
    await create(first.el);
    storage.map.clear();
    const { el, outcomes } = await mount(adapter, storage);
    await create(el);
    expect(alertText(el)).to.contain('already has a passkey for your account');
    expect(el.shadowRoot!.querySelector('[part~=submit-button]')).to.equal(null);
    expect(text(el, '[part~=secondary-button]')).to.equal('Continue');
    expect(JSON.parse(storage.map.get(KEY)!).created).to.equal(true);
    $<HTMLButtonElement>(el, '[part~=secondary-button]').click();
    expect(outcomes).to.deep.equal(['dismissed']);
  });

  it('an adapter failure is retryable: Create again succeeds', async () => {
    auth = await addVirtualAuthenticator();
    const wrapped = failing(adapter, { finishPasskeyRegistration: [adapterError('NETWORK')] });
    const { el } = await mount(wrapped, memoryStorage());
    await create(el);
    expect(el.step).to.equal('offer');
    expect(alertText(el)).to.contain('could not reach the server');
    await create(el);
    expect(el.step).to.equal('created');
  });

  it('an expired ceremony (PASSKEY_REJECTED) has its own message', async () => {
    auth = await addVirtualAuthenticator();
    const wrapped = failing(adapter, {
      finishPasskeyRegistration: [adapterError('PASSKEY_REJECTED', { reason: 'expired' })],
    });
    const { el } = await mount(wrapped, memoryStorage());
    await create(el);
    expect(alertText(el)).to.equal('The passkey request expired. Please try again.');
  });

  it('signed out (NOT_AUTHENTICATED): the message, and Continue instead of Create', async () => {
    await adapter.logout();
    auth = await addVirtualAuthenticator();
    const { el } = await mount(adapter, memoryStorage());
    await create(el);
    expect(alertText(el)).to.contain('log in again');
    expect(el.shadowRoot!.querySelector('[part~=submit-button]')).to.equal(null);
  });

  it('without WebAuthn: not offered, nothing shown', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential');
    Object.defineProperty(window, 'PublicKeyCredential', { value: undefined, configurable: true });
    try {
      const { el, outcomes } = await mount(adapter, memoryStorage());
      expect(el.step).to.equal('done');
      expect(outcomes).to.deep.equal(['not-offered']);
      expect(el.shadowRoot!.childElementCount).to.equal(0);
      expect(el.getBoundingClientRect().height).to.equal(0);
    } finally {
      if (original) Object.defineProperty(window, 'PublicKeyCredential', original);
    }
  });

  it('a storage that throws does not break the offer', async () => {
    const broken: OfferStorage = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    const { el, outcomes } = await mount(adapter, broken);
    expect(el.step).to.equal('offer');
    $<HTMLButtonElement>(el, '[part~=secondary-button]').click();
    expect(outcomes).to.deep.equal(['dismissed']);
  });

  it('renders in Spanish', async () => {
    await loadLocale('es');
    auth = await addVirtualAuthenticator();
    await auth.setUserVerified(false);
    const { el } = await mount(adapter, memoryStorage(), { lang: 'es' });
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal('Cree una llave de acceso para iniciar sesión más rápido');
    expect(text(el, '[part~=secondary-button]')).to.equal('Ahora no');
    await create(el);
    expect(alertText(el)).to.contain('se canceló');
    await expect(el).to.be.accessible();
  });
});
