/**
 * The engine beyond the store conformance suite: the password hasher contract (algorithm
 * recorded, foreign hashes refused, re-hash on login), equal hashing work for unknown users, the
 * request context, message delivery, and the MemoryAdapter's persisted client context.
 */
import { expect } from '@open-wc/testing';
import {
  AuthEngine,
  MemoryStore,
  Pbkdf2Hasher,
  type AuthEngineOperations,
  type PasswordHasher,
  type RequestContext,
  type StoredPassword,
} from '../../src/adapter/engine/index.js';
import { MemoryAdapter, type StorageLike } from '../../src/adapter/memory/memory-adapter.js';
import { latestCode } from '../../src/adapter/memory/outbox.js';
import { DEMO_PRODUCER, seedDemo } from '../../src/adapter/memory/seed.js';
import type { AuthAdapter, OutboxMessage } from '../../src/adapter/types.js';
import { ManualClock } from '../../src/core/clock.js';

const PASSWORD = 'Blue-Sky-Quote-42!';
const NEW_PASSWORD = 'Green-Field-Plan-77?';

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

/** Counts the work a hasher does, delegating to PBKDF2. */
class CountingHasher implements PasswordHasher {
  hashes = 0;
  verifies = 0;
  constructor(private readonly inner = new Pbkdf2Hasher(1000)) {}
  hash(password: string): Promise<StoredPassword> {
    this.hashes += 1;
    return this.inner.hash(password);
  }
  verify(password: string, stored: StoredPassword): Promise<boolean> {
    this.verifies += 1;
    return this.inner.verify(password, stored);
  }
}

function world(hasher: PasswordHasher = new Pbkdf2Hasher(1000), store = new MemoryStore()) {
  const clock = new ManualClock();
  const outbox: OutboxMessage[] = [];
  const engine = new AuthEngine({
    store,
    hasher,
    clock,
    sender: {
      send: async (m) => void outbox.push({ id: `m${outbox.length}`, sentAt: clock.now(), ...m }),
    },
    confirmLinkUrl: (t) => `https://portal.example/#/verify?token=${t}`,
  });
  return { engine, store, clock, outbox };
}

async function withDelegate(w: ReturnType<typeof world>, username = 'janedoe01') {
  if (!(await w.engine.admin.hasAccount(DEMO_PRODUCER.username))) {
    await w.engine.admin.createProducer({ ...DEMO_PRODUCER, states: [...DEMO_PRODUCER.states] });
  }
  await w.engine.admin.createDelegate({
    username,
    email: `${username}@example.com`,
    firstName: 'Jane',
    lastName: 'Doe',
    mobile: '312-555-0101',
    states: ['IL'],
    producer: DEMO_PRODUCER.username,
    password: PASSWORD,
  });
  return username;
}

describe('AuthEngine', () => {
  describe('password hashing', () => {
    it('PBKDF2 records its algorithm and parameters, and refuses hashes of another algorithm', async () => {
      const hasher = new Pbkdf2Hasher(1000);
      const stored = await hasher.hash(PASSWORD);
      expect(stored.alg).to.equal('pbkdf2-sha256');
      expect(stored.iterations).to.equal(1000);
      expect(await hasher.verify(PASSWORD, stored)).to.equal(true);
      expect(await hasher.verify(NEW_PASSWORD, stored)).to.equal(false);
      const scrypt: StoredPassword = { ...stored, alg: 'scrypt', cost: 1024, blockSize: 8 };
      expect(await hasher.verify(PASSWORD, scrypt)).to.equal(false);
      expect(await hasher.verify(PASSWORD, { ...stored, salt: '!!!' })).to.equal(false);
      expect(hasher.needsRehash(stored)).to.equal(false);
      expect(new Pbkdf2Hasher(2000).needsRehash(stored)).to.equal(true);
      expect(hasher.needsRehash(scrypt)).to.equal(true);
      expect(() => new Pbkdf2Hasher(0)).to.throw(RangeError);
    });

    it('re-hashes a weaker stored hash at the next successful login, history included', async () => {
      const store = new MemoryStore();
      const weak = world(new Pbkdf2Hasher(1000), store);
      const username = await withDelegate(weak);
      const strong = world(new Pbkdf2Hasher(1500), store);
      await strong.engine
        .login({ sessionToken: null }, { username, password: 'Wrong-Pass-1!' })
        .catch(() => undefined);
      expect(store.accountByUsernameKey(username)!.password!.iterations).to.equal(1000);
      await strong.engine.login({ sessionToken: null }, { username, password: PASSWORD });
      const account = store.accountByUsernameKey(username)!;
      expect(account.password!.iterations).to.equal(1500);
      expect(account.passwordHistory.map((h) => h.iterations)).to.deep.equal([1500]);
      expect(await new Pbkdf2Hasher(1500).verify(PASSWORD, account.password!)).to.equal(true);
      // The history holds the new hash in place of the old one.
      expect(account.passwordHistory[0]).to.deep.equal(account.password);
    });

    it('does one verification per login for unknown users, invited users and wrong passwords', async () => {
      const hasher = new CountingHasher();
      const w = world(hasher);
      const username = await withDelegate(w);
      await w.engine.admin.createDelegate({
        username: 'invited01',
        email: 'invited01@example.com',
        firstName: 'Ivy',
        lastName: 'Vitt',
        mobile: '312-555-0102',
        states: ['IL'],
        producer: DEMO_PRODUCER.username,
      });
      for (const [u, p] of [
        ['nobody0001', PASSWORD],
        ['invited01', PASSWORD],
        [username, 'Wrong-Pass-1!'],
        [username, PASSWORD],
      ] as const) {
        const before = hasher.verifies;
        await w.engine.login({ sessionToken: null }, { username: u, password: p }).catch(() => 0);
        expect(hasher.verifies - before, u).to.equal(1);
      }
    });
  });

  describe('expiry sweep', () => {
    it('deletes expired records at most once a minute of clock time', async () => {
      const w = world();
      const username = await withDelegate(w);
      let sweeps = 0;
      const inner = w.store.flows.deleteExpired.bind(w.store.flows);
      w.store.flows.deleteExpired = (now: number) => {
        sweeps += 1;
        return inner(now);
      };
      const wrong = () =>
        w.engine
          .login({ sessionToken: null }, { username, password: 'Wrong-Pass-1!' })
          .catch(() => undefined);
      await wrong();
      await wrong();
      expect(sweeps).to.equal(1);
      w.clock.advance(59_000);
      await wrong();
      expect(sweeps).to.equal(1);
      w.clock.advance(2_000);
      await wrong();
      expect(sweeps).to.equal(2);
      // A clock set back (tests, a corrected system clock) sweeps again at once.
      w.clock.advance(-10 * 60_000);
      await wrong();
      expect(sweeps).to.equal(3);
    });
  });

  describe('request context', () => {
    it('the engine offers every adapter operation', () => {
      const w = world();
      const ops: AuthEngineOperations = w.engine;
      const names: (keyof AuthAdapter)[] = [
        'addDelegate',
        'listDelegates',
        'resendInvitation',
        'confirmEmail',
        'findAccount',
        'sendCode',
        'verifyCode',
        'setPassword',
        'login',
        'sendVerificationCode',
        'verifyAccountCode',
        'enrollTypingPattern',
        'verifyTypingPattern',
        'checkDevice',
        'forgotUsername',
        'getSession',
        'logout',
        'reportIssue',
        'resetTypingPattern',
        'unlockAccount',
      ];
      for (const n of names) expect(typeof ops[n], n).to.equal('function');
    });

    it('tokens are opaque, replaced on sign-in, stored only as digests, cleared on logout', async () => {
      const w = world();
      await withDelegate(w);
      const ctx: RequestContext = { sessionToken: null };
      await w.engine.admin.signIn(ctx, 'janedoe01');
      const first = ctx.sessionToken!;
      expect(first).to.match(/^[A-Za-z0-9_-]{40,}$/);
      expect(JSON.stringify(w.store.state)).to.not.include(first);
      await w.engine.admin.signIn(ctx, DEMO_PRODUCER.username);
      expect(ctx.sessionToken).to.not.equal(first);
      expect(w.store.state.sessions).to.have.length(1);
      await w.engine.logout(ctx);
      expect(ctx.sessionToken).to.equal(null);
      expect(w.store.state.sessions).to.have.length(0);
      // An unknown or hostile token is simply no session.
      for (const token of ['forged', '', 42 as unknown as string]) {
        const c = { sessionToken: token };
        expect(await w.engine.getSession(c)).to.equal(null);
      }
    });

    it('a failing sender fails the call after the state changed (the code stands)', async () => {
      const store = new MemoryStore();
      const engine = new AuthEngine({
        store,
        hasher: new Pbkdf2Hasher(1000),
        sender: { send: async () => Promise.reject(new Error('SMTP down')) },
        confirmLinkUrl: (t) => t,
      });
      await engine.admin.createProducer({ ...DEMO_PRODUCER, states: ['IL'] });
      const ctx = { sessionToken: null };
      const flow = await engine.findAccount(ctx, {
        username: DEMO_PRODUCER.username,
        purpose: 'reset',
      });
      const err = await engine
        .sendCode(ctx, { flowId: flow.flowId, channel: 'sms' })
        .catch((e: unknown) => e);
      expect((err as Error).message).to.equal('SMTP down');
      expect(store.state.flows[0]!.code).to.not.equal(null);
    });
  });

  describe('MemoryAdapter over the engine', () => {
    it('a page reload stays signed in; the session token is in the stored client context', async () => {
      const storage = new MapStorage();
      const clock = new ManualClock();
      const a = new MemoryAdapter({ clock, storage, pbkdf2Iterations: 1000 });
      await seedDemo(a);
      await a.admin.signIn(DEMO_PRODUCER.username);
      const reloaded = new MemoryAdapter({ clock, storage, pbkdf2Iterations: 1000 });
      expect((await reloaded.getSession())?.user.username).to.equal(DEMO_PRODUCER.username);
      await reloaded.logout();
      const again = new MemoryAdapter({ clock, storage, pbkdf2Iterations: 1000 });
      expect(await again.getSession()).to.equal(null);
    });

    it('state of the previous version starts fresh', async () => {
      const storage = new MapStorage();
      storage.setItem(
        'pep-memory-adapter',
        JSON.stringify({
          version: 1,
          pepper: 'p',
          accounts: [],
          links: [],
          flows: [],
          pendings: [],
          devices: [],
          throttles: {},
          guards: {},
          session: null,
        }),
      );
      const a = new MemoryAdapter({ storage, pbkdf2Iterations: 1000 });
      expect(JSON.parse(a.admin.snapshot()).version).to.equal(2);
    });

    it('a password reset in one adapter signs out its own session', async () => {
      const a = new MemoryAdapter({ clock: new ManualClock(), pbkdf2Iterations: 1000 });
      await seedDemo(a);
      await a.admin.signIn(DEMO_PRODUCER.username);
      const flow = await a.findAccount({ username: DEMO_PRODUCER.username, purpose: 'reset' });
      await a.sendCode({ flowId: flow.flowId, channel: 'email' });
      await a.verifyCode({ flowId: flow.flowId, code: latestCode(a, 'email') });
      await a.setPassword({ flowId: flow.flowId, password: NEW_PASSWORD });
      expect(await a.getSession()).to.equal(null);
      expect(JSON.parse(a.admin.snapshot()).context).to.deep.equal({ sessionToken: null });
    });
  });
});
