import { expect } from '@open-wc/testing';
import {
  MemoryStore,
  STATE_VERSION,
  freshMemoryState,
  isMemoryState,
} from '../../src/adapter/engine/memory-store.js';
import { isSealedValue, Keyring } from '../../src/adapter/engine/sealing.js';
import { storeConformanceSuite } from '../../src/adapter/engine/store-conformance.js';
import { MemoryAdapter, type StorageLike } from '../../src/adapter/memory/memory-adapter.js';
import { latestCode, latestLinkToken } from '../../src/adapter/memory/outbox.js';
import { DEMO_PRODUCER, seedDemo } from '../../src/adapter/memory/seed.js';
import { typingSamplesFor } from '../../src/adapter/memory/typist.js';
import { ManualClock } from '../../src/core/clock.js';

storeConformanceSuite('MemoryStore', async () => ({ store: new MemoryStore() }));

class MapStorage implements StorageLike {
  readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
  removeItem(key: string): void {
    this.map.delete(key);
  }
}

const PASSWORD = 'Blue-Sky-Quote-42!';
const DELEGATE = {
  username: 'sealdelegate',
  email: 'sam.seal@example.com',
  firstName: 'Sam',
  lastName: 'Seal',
  mobile: '(312) 555-0123',
  states: ['IL' as const],
};

describe('MemoryStore state (version 3)', () => {
  it('a fresh state carries its own seal key and an empty outbox', async () => {
    const a = freshMemoryState();
    const b = freshMemoryState();
    expect(STATE_VERSION).to.equal(3);
    expect(a.version).to.equal(3);
    expect(a.outbox).to.deep.equal([]);
    expect(a.sealKey.key).not.to.equal(b.sealKey.key);
    const ring = await Keyring.fromSpecs([a.sealKey]);
    expect(await ring.open(await ring.seal('x', 'aad'), 'aad')).to.equal('x');
    expect(isMemoryState(JSON.parse(JSON.stringify(a)))).to.equal(true);
  });

  it('older or malformed state is refused (the adapter starts fresh)', () => {
    const json = () => JSON.parse(JSON.stringify(freshMemoryState())) as Record<string, unknown>;
    expect(isMemoryState({ ...json(), version: 2 })).to.equal(false);
    const noKey = json();
    delete noKey['sealKey'];
    expect(isMemoryState(noKey)).to.equal(false);
    expect(isMemoryState({ ...json(), sealKey: { kid: 'k' } })).to.equal(false);
    const noOutbox = json();
    delete noOutbox['outbox'];
    expect(isMemoryState(noOutbox)).to.equal(false);
    expect(isMemoryState({ ...json(), outbox: {} })).to.equal(false);
  });

  it('MemoryAdapter: a version 2 state in storage is dropped for a fresh one', async () => {
    const storage = new MapStorage();
    const old = { ...JSON.parse(JSON.stringify(freshMemoryState())), version: 2 };
    delete old.sealKey;
    delete old.outbox;
    storage.setItem('k', JSON.stringify(old));
    const adapter = new MemoryAdapter({ storage, storageKey: 'k', pbkdf2Iterations: 1000 });
    await seedDemo(adapter);
    const saved = JSON.parse(storage.getItem('k')!) as Record<string, unknown>;
    expect(saved['version']).to.equal(3);
    expect(isMemoryState(saved)).to.equal(true);
    expect(adapter.admin.hasAccount(DEMO_PRODUCER.username)).to.equal(true);
  });

  it('MemoryAdapter: messages go through the sealed outbox and are delivered when a call resolves', async () => {
    const storage = new MapStorage();
    const clock = new ManualClock();
    const adapter = new MemoryAdapter({ clock, storage, storageKey: 'k', pbkdf2Iterations: 1000 });
    await seedDemo(adapter);
    await adapter.admin.signIn(DEMO_PRODUCER.username);
    await adapter.addDelegate(DELEGATE);
    // The invitation is in the adapter's outbox when the call resolves; none waits in the store.
    expect(adapter.outbox.at(-1)?.to).to.equal(DELEGATE.email);
    const token = latestLinkToken(adapter, DELEGATE.email);
    const state = JSON.parse(storage.getItem('k')!) as { outbox: unknown[] };
    expect(state.outbox).to.deep.equal([]);
    await adapter.logout();
    // An unknown username: the same queue work, a decoy dropped, nothing delivered.
    const before = adapter.outbox.length;
    const flow = await adapter.findAccount({ username: 'nobodyatall', purpose: 'reset' });
    await adapter.sendCode({ flowId: flow.flowId, channel: 'email' });
    expect(adapter.outbox.length).to.equal(before);
    expect((JSON.parse(storage.getItem('k')!) as { outbox: unknown[] }).outbox).to.deep.equal([]);
    await adapter.confirmEmail({ token });
  });

  it('MemoryAdapter: a demo reloaded from storage still opens its sealed typing templates', async () => {
    const storage = new MapStorage();
    const clock = new ManualClock();
    const make = () =>
      new MemoryAdapter({ clock, storage, storageKey: 'k', pbkdf2Iterations: 1000 });
    const adapter = make();
    await seedDemo(adapter);
    const samples = typingSamplesFor(adapter.sampleText);
    await adapter.admin.createDelegate({
      ...DELEGATE,
      producer: DEMO_PRODUCER.username,
      password: PASSWORD,
      typingSamples: samples.enroll,
    });
    const saved = JSON.parse(storage.getItem('k')!) as {
      accounts: { username: string; typing: unknown }[];
    };
    const typing = saved.accounts.find((a) => a.username === DELEGATE.username)?.typing;
    expect(isSealedValue(typing), 'the template is stored sealed').to.equal(true);

    const reloaded = make();
    const r = await reloaded.login({ username: DELEGATE.username, password: PASSWORD });
    if (r.status !== 'verification-required') throw new Error('expected a verification');
    expect(r.pending.options.map((o) => [o.method, o.available])).to.deep.include([
      'pattern',
      true,
    ]);
    const verified = await reloaded.verifyTypingPattern({
      pendingId: r.pending.pendingId,
      samples: samples.genuine,
      rememberDevice: false,
    });
    expect(verified.session.user.username).to.equal(DELEGATE.username);
    expect(() => latestCode(reloaded, 'email', DELEGATE.email)).to.throw(/no/);
  });
});
