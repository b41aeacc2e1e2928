/**
 * The engine beyond the store and adapter conformance suites: the password hasher contract
 * (algorithm recorded, foreign hashes refused, re-hash on login, BUSY passed through), equal
 * hashing work for unknown users, the request context, the outbox (one sealed item per request,
 * decoys for missing accounts, a failing relay), typing templates sealed at rest, the request
 * limiter's keys, the security events (and that none holds a secret), help desk switched off,
 * idle sessions, hostile Report an Issue input, and the MemoryAdapter's persisted client
 * context.
 */
import { expect } from '@open-wc/testing';
import {
  AuthEngine,
  Keyring,
  MemoryStore,
  OutboxWorker,
  Pbkdf2Hasher,
  STATE_VERSION,
  isSealedValue,
  type AuthEngineOperations,
  type AuthEngineOptions,
  type KeySpec,
  type LimitKeys,
  type LimitedOperation,
  type MessageSender,
  type PasswordHasher,
  type RequestContext,
  type RequestLimiter,
  type SealedValue,
  type SecurityEvent,
  type StoredPassword,
} from '../../src/adapter/engine/index.js';
import { AdapterError, adapterError, type AdapterErrorCode } from '../../src/adapter/errors.js';
import { MemoryAdapter, type StorageLike } from '../../src/adapter/memory/memory-adapter.js';
import { latestCode } from '../../src/adapter/memory/outbox.js';
import { DEMO_PRODUCER, seedDemo } from '../../src/adapter/memory/seed.js';
import { typingSamplesFor } from '../../src/adapter/memory/typist.js';
import type { AuthAdapter, IssueReport, OutboxMessage } from '../../src/adapter/types.js';
import { ManualClock, MINUTE, SECOND } from '../../src/core/clock.js';

const PASSWORD = 'Blue-Sky-Quote-42!';
const NEW_PASSWORD = 'Green-Field-Plan-77?';
const STAFF_PASSWORD = 'Desk-Lamp-Orbit-58!';
const WRONG = 'Wrong-Pass-1!';
const CLIENT = '203.0.113.7';

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

/** Counts the work a hasher does, delegating to PBKDF2; can refuse (BUSY) the next calls. */
class CountingHasher implements PasswordHasher {
  hashes = 0;
  verifies = 0;
  /** Refuse this many next `hash` / `verify` calls with BUSY. */
  refuseHash = 0;
  refuseVerify = 0;
  constructor(private readonly inner = new Pbkdf2Hasher(1000)) {}
  hash(password: string): Promise<StoredPassword> {
    this.hashes += 1;
    if (this.refuseHash > 0) {
      this.refuseHash -= 1;
      return Promise.reject(adapterError('BUSY', { retryAfter: 4242 }));
    }
    return this.inner.hash(password);
  }
  verify(password: string, stored: StoredPassword): Promise<boolean> {
    this.verifies += 1;
    if (this.refuseVerify > 0) {
      this.refuseVerify -= 1;
      return Promise.reject(adapterError('BUSY', { retryAfter: 4242 }));
    }
    return this.inner.verify(password, stored);
  }
}

/** Records every request the engine counts; refuses the operations in `refuse`. */
class RecordingLimiter implements RequestLimiter {
  readonly calls: { operation: LimitedOperation; keys: LimitKeys }[] = [];
  readonly refuse = new Set<LimitedOperation>();
  async consume(operation: LimitedOperation, keys: LimitKeys): Promise<void> {
    this.calls.push({ operation, keys: { ...keys } });
    if (this.refuse.has(operation)) throw adapterError('RATE_LIMITED', { retryAfter: 99 });
  }
}

const KEY_1: KeySpec = Keyring.newKeySpec('k1');
const KEY_2: KeySpec = Keyring.newKeySpec('k2');

interface WorldOptions {
  hasher?: PasswordHasher;
  store?: MemoryStore;
  keys?: KeySpec[];
  sender?: MessageSender;
  engine?: Partial<AuthEngineOptions>;
}

async function world(options: WorldOptions = {}) {
  const clock = new ManualClock();
  const store = options.store ?? new MemoryStore();
  const sealer = await Keyring.fromSpecs(options.keys ?? [KEY_1]);
  const outbox: OutboxMessage[] = [];
  const events: SecurityEvent[] = [];
  let wakeUps = 0;
  const engine = new AuthEngine({
    store,
    hasher: options.hasher ?? new Pbkdf2Hasher(1000),
    clock,
    sealer,
    securityLog: (e) => void events.push(e),
    onQueued: () => void (wakeUps += 1),
    confirmLinkUrl: (t) => `https://portal.example/#/verify?token=${t}`,
    ...options.engine,
  });
  const worker = new OutboxWorker({
    store,
    sealer,
    clock,
    sender: options.sender ?? {
      send: async (m) => void outbox.push({ id: `m${outbox.length}`, sentAt: clock.now(), ...m }),
    },
  });
  /** Send what waits, then return every message sent so far. */
  const sent = async (): Promise<OutboxMessage[]> => {
    await worker.drain();
    return outbox;
  };
  return { engine, store, clock, outbox, events, worker, sealer, sent, wakeUps: () => wakeUps };
}

type World = Awaited<ReturnType<typeof world>>;

async function withDelegate(w: World, username = 'janedoe01', typing = false) {
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
    ...(typing ? { typingSamples: typingSamplesFor(w.engine.sampleText).enroll } : {}),
  });
  return username;
}

async function failure(promise: Promise<unknown>): Promise<AdapterError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, 'rejected').to.be.instanceOf(AdapterError);
  return err as AdapterError;
}

async function failsWith(promise: Promise<unknown>, code: AdapterErrorCode): Promise<AdapterError> {
  const err = await failure(promise);
  expect(err.code).to.equal(code);
  return err;
}

const anon = (): RequestContext => ({ sessionToken: null, clientAddress: CLIENT });

function report(overrides: Record<string, unknown> = {}): IssueReport {
  return {
    description: 'Quote page shows an error after choosing a plan.',
    stepsTaken: 'Opened Quote, chose ACA Medical, selected a plan.',
    agentName: 'Jane Doe',
    producerId: 'P-100200',
    productType: 'ACA Medical',
    state: 'IL',
    observedAt: '2026-01-05T14:30:00.000Z',
    ...overrides,
  } as IssueReport;
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
      const weak = await world({ store });
      const username = await withDelegate(weak);
      const strong = await world({ store, hasher: new Pbkdf2Hasher(1500) });
      await strong.engine.login(anon(), { username, password: WRONG }).catch(() => undefined);
      expect(store.accountByUsernameKey(username)!.password!.iterations).to.equal(1000);
      await strong.engine.login(anon(), { username, password: PASSWORD });
      const account = store.accountByUsernameKey(username)!;
      expect(account.password!.iterations).to.equal(1500);
      expect(account.passwordHistory.map((h) => h.iterations)).to.deep.equal([1500]);
      expect(await new Pbkdf2Hasher(1500).verify(PASSWORD, account.password!)).to.equal(true);
      // The history holds the new hash in place of the old one.
      expect(account.passwordHistory[0]).to.deep.equal(account.password);
    });

    it('does one verification per login for unknown users, invited users and wrong passwords', async () => {
      const hasher = new CountingHasher();
      const w = await world({ hasher });
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
        [username, WRONG],
        [username, PASSWORD],
      ] as const) {
        const before = hasher.verifies;
        await w.engine.login(anon(), { username: u, password: p }).catch(() => 0);
        expect(hasher.verifies - before, u).to.equal(1);
      }
    });

    it('a BUSY hasher passes through unchanged, counts no failure, and the next login works', async () => {
      const hasher = new CountingHasher();
      const w = await world({ hasher });
      const username = await withDelegate(w);
      hasher.refuseVerify = 1;
      const busy = await failsWith(w.engine.login(anon(), { username, password: WRONG }), 'BUSY');
      expect(busy.data).to.deep.equal({ retryAfter: 4242 });
      expect(w.store.state.guards, 'no failed login counted').to.deep.equal({});
      const ok = await w.engine.login(anon(), { username, password: PASSWORD });
      expect(ok.status).to.equal('verification-required');
    });

    it('a refused dummy hash is not kept: unknown usernames get BUSY once, then the usual answer', async () => {
      const hasher = new CountingHasher();
      // The engine's first dummy hash (at construction) and the next one are refused.
      hasher.refuseHash = 2;
      const w = await world({ hasher });
      await Promise.resolve();
      await failsWith(w.engine.login(anon(), { username: 'nobody0001', password: WRONG }), 'BUSY');
      await failsWith(
        w.engine.login(anon(), { username: 'nobody0001', password: WRONG }),
        'INVALID_CREDENTIALS',
      );
    });
  });

  describe('expiry sweep', () => {
    it('deletes expired records at most once a minute of clock time', async () => {
      const w = await world();
      const username = await withDelegate(w);
      let sweeps = 0;
      const inner = w.store.flows.deleteExpired.bind(w.store.flows);
      w.store.flows.deleteExpired = (now: number) => {
        sweeps += 1;
        return inner(now);
      };
      const wrong = () =>
        w.engine.login(anon(), { username, password: WRONG }).catch(() => undefined);
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
    it('the engine offers every adapter operation, and authorize', async () => {
      const w = await world();
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
        'searchDelegates',
        'getDelegateDetail',
        'listDelegateActivity',
        'helpDeskAction',
        'setDelegateActive',
        'unlockDelegate',
        'listMyActivity',
      ];
      for (const n of names) expect(typeof ops[n], n).to.equal('function');
      expect(typeof w.engine.authorize).to.equal('function');
    });

    it('tokens are opaque, replaced on sign-in, stored only as digests, cleared on logout', async () => {
      const w = await world();
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
  });

  describe('authority', () => {
    it('authorize: no session NOT_AUTHENTICATED, another role FORBIDDEN, each an access.refused event', async () => {
      const w = await world();
      await withDelegate(w);
      const ctx = anon();
      await failsWith(w.engine.authorize(ctx, 'session'), 'NOT_AUTHENTICATED');
      await failsWith(w.engine.authorize(ctx, 'help-desk'), 'NOT_AUTHENTICATED');
      await w.engine.admin.signIn(ctx, 'janedoe01');
      await w.engine.authorize(ctx, 'session');
      await failsWith(w.engine.authorize(ctx, 'producer', 'add-delegate'), 'FORBIDDEN');
      await failsWith(w.engine.authorize(ctx, 'help-desk'), 'FORBIDDEN');
      await w.engine.admin.signIn(ctx, DEMO_PRODUCER.username);
      await w.engine.authorize(ctx, 'producer');
      await failsWith(w.engine.authorize(ctx, 'help-desk'), 'FORBIDDEN');
      const refused = w.events.filter((e) => e.type === 'access.refused');
      expect(refused.map((e) => [e.operation, e.reason, e.username ?? null])).to.deep.equal([
        ['session', 'no-session', null],
        ['help-desk', 'no-session', null],
        ['add-delegate', 'not-producer', 'janedoe01'],
        ['help-desk', 'not-help-desk', 'janedoe01'],
        ['help-desk', 'not-help-desk', DEMO_PRODUCER.username],
      ]);
      expect(refused.every((e) => e.client === CLIENT)).to.equal(true);
    });

    it('helpDesk: false refuses the help-desk operations NOT_FOUND to everyone, help desk included', async () => {
      const w = await world({ engine: { helpDesk: false } });
      await withDelegate(w);
      await w.engine.admin.createHelpDeskUser({
        username: 'deskuser1',
        password: STAFF_PASSWORD,
        firstName: 'Dana',
        lastName: 'Reyes',
        email: 'dana.reyes@helpdesk.example',
        mobile: '312-555-0177',
      });
      const ctx = anon();
      for (const who of [null, 'deskuser1', DEMO_PRODUCER.username]) {
        if (who) await w.engine.admin.signIn(ctx, who);
        for (const username of ['janedoe01', 'nobody0001']) {
          await failsWith(w.engine.unlockAccount(ctx, { username }), 'NOT_FOUND');
          await failsWith(w.engine.resetTypingPattern(ctx, { username }), 'NOT_FOUND');
        }
        await failsWith(w.engine.authorize(ctx, 'help-desk'), 'NOT_FOUND');
      }
      expect(w.engine.helpDesk).to.equal(false);
    });

    it('a help-desk user: validated like a producer, capabilities help desk only, its name in the events', async () => {
      const w = await world();
      const username = await withDelegate(w, 'janedoe01', true);
      const bad = await failsWith(
        w.engine.admin.createHelpDeskUser({
          username: 'ab',
          password: STAFF_PASSWORD,
          firstName: ' ',
          lastName: 'R3yes',
          email: 'nope',
          mobile: '555',
        }),
        'VALIDATION',
      );
      expect(bad.data).to.deep.equal({
        fields: {
          username: 'too-short',
          email: 'invalid-email',
          firstName: 'required',
          lastName: 'invalid-characters',
          mobile: 'invalid-phone',
        },
      });
      const staff = {
        username: 'deskuser1',
        password: STAFF_PASSWORD,
        firstName: 'Dana',
        lastName: 'Reyes',
        email: 'dana.reyes@helpdesk.example',
        mobile: '312-555-0177',
      };
      const weak = await failsWith(
        w.engine.admin.createHelpDeskUser({ ...staff, password: 'Password1!' }),
        'PASSWORD_POLICY',
      );
      expect(weak.data).to.deep.equal({ failed: ['not-common'] });
      const profile = await w.engine.admin.createHelpDeskUser(staff);
      expect([profile.role, profile.states, profile.producerId]).to.deep.equal([
        'help-desk',
        [],
        undefined,
      ]);
      await failsWith(
        w.engine.admin.createHelpDeskUser({ ...staff, username: 'DESKUSER1' }),
        'USERNAME_TAKEN',
      );
      const ctx = anon();
      const session = await w.engine.admin.signIn(ctx, 'deskuser1');
      expect(session.capabilities).to.deep.equal({
        quote: false,
        onExchangeEnrollmentSso: false,
        medicareQuotingSso: false,
        manageDelegates: false,
        helpDesk: true,
      });
      await failsWith(w.engine.listDelegates(ctx), 'FORBIDDEN');
      await w.engine.resetTypingPattern(ctx, { username });
      await w.engine.unlockAccount(ctx, { username });
      expect(w.store.accountByUsernameKey(username)!.typing).to.equal(null);
      const acted = w.events.filter(
        (e) => e.type === 'pattern.reset' || e.type === 'account.unlocked',
      );
      expect(acted.map((e) => [e.type, e.username, e.actor, e.client])).to.deep.equal([
        ['pattern.reset', username, 'deskuser1', CLIENT],
        ['account.unlocked', username, 'deskuser1', CLIENT],
      ]);
    });
  });

  describe('outbox', () => {
    it('one sealed item per send, whether or not the account exists: a decoy for a missing one', async () => {
      const w = await world();
      const username = await withDelegate(w);
      const ctx = anon();
      const count = () => w.store.outbox.count();
      const real = await w.engine.findAccount(ctx, { username, purpose: 'reset' });
      const ghost = await w.engine.findAccount(ctx, { username: 'nobody0001', purpose: 'reset' });
      expect(await count(), 'find account queues nothing').to.equal(0);
      await w.engine.sendCode(ctx, { flowId: real.flowId, channel: 'sms' });
      expect(await count()).to.equal(1);
      await w.engine.sendCode(ctx, { flowId: ghost.flowId, channel: 'sms' });
      expect(await count()).to.equal(2);
      await w.engine.forgotUsername(ctx, { email: 'JaneDoe01@example.com' });
      expect(await count()).to.equal(3);
      await w.engine.forgotUsername(ctx, { email: 'nobody@example.com' });
      expect(await count()).to.equal(4);
      expect(w.wakeUps(), 'onQueued once per item').to.equal(4);

      const items = w.store.state.outbox;
      const opened = await Promise.all(
        items.map((i) => w.sealer.open<{ kind: string }>(i.payload, `outbox:${i.id}`)),
      );
      expect(opened.map((q) => q.kind)).to.deep.equal(['message', 'decoy', 'message', 'decoy']);
      expect(new Set(items.map((i) => i.id)).size, 'random ids').to.equal(4);
      // A sealed payload opens only for its own item.
      await w.sealer.open(items[0]!.payload, `outbox:${items[1]!.id}`).then(
        () => expect.fail('opened for another item'),
        () => undefined,
      );
      // A decoy is about as large as the message it stands for.
      for (const [realItem, decoy] of [
        [items[0]!, items[1]!],
        [items[2]!, items[3]!],
      ] as const) {
        const a = realItem.payload.ct.length;
        const b = decoy.payload.ct.length;
        expect(Math.abs(a - b) / a, `sizes ${a} / ${b}`).to.be.below(0.3);
      }
      // Nothing readable waits: the code is sealed.
      const box = await w.sent();
      const code = latestCode(box, 'sms');
      expect(JSON.stringify(w.store.state)).to.not.include(code);
      expect(box.map((m) => [m.channel, m.to])).to.deep.equal([
        ['sms', '+13125550101'],
        ['email', 'janedoe01@example.com'],
      ]);
      expect(await count(), 'decoys dropped, messages sent').to.equal(0);
    });

    it('every other sending request queues exactly one message', async () => {
      const w = await world();
      const username = await withDelegate(w, 'janedoe01', true);
      const ctx = anon();
      const step = async (what: string, call: () => Promise<unknown>) => {
        const before = await w.store.outbox.count();
        await call();
        expect((await w.store.outbox.count()) - before, what).to.equal(1);
        await w.worker.drain();
      };
      await w.engine.admin.signIn(ctx, DEMO_PRODUCER.username);
      let delegateId = '';
      await step('add delegate', async () => {
        const added = await w.engine.addDelegate(ctx, {
          username: 'newbie001',
          email: 'newbie001@example.com',
          firstName: 'Nia',
          lastName: 'Bee',
          mobile: '312-555-0103',
          states: ['IL'],
        });
        delegateId = added.id;
      });
      await step('resend invitation', () => w.engine.resendInvitation(ctx, { delegateId }));
      await step('report an issue', () => w.engine.reportIssue(ctx, report()));
      const login = await w.engine.login(ctx, { username, password: PASSWORD });
      if (login.status !== 'verification-required') throw new Error('expected a pending login');
      await step('send verification code', () =>
        w.engine.sendVerificationCode(ctx, { pendingId: login.pending.pendingId, channel: 'sms' }),
      );
      const flow = await w.engine.findAccount(ctx, { username, purpose: 'reset' });
      await w.engine.sendCode(ctx, { flowId: flow.flowId, channel: 'email' });
      await w.worker.drain();
      await w.engine.verifyCode(ctx, {
        flowId: flow.flowId,
        code: latestCode(w.outbox, 'email', 'janedoe01@example.com'),
      });
      await step('set password', () =>
        w.engine.setPassword(ctx, { flowId: flow.flowId, password: NEW_PASSWORD }),
      );
      expect(w.outbox.map((m) => m.subject ?? m.channel)).to.deep.equal([
        'Confirm Your Email Address',
        'Confirm Your Email Address',
        w.outbox[2]!.subject,
        'sms',
        'Your Verification Code',
        'Account Information - Update Password',
      ]);
      expect(w.outbox[2]!.subject).to.match(/^Issue report PEP-/);
    });

    it('placeholders of unknown usernames: the real mask shape, a configured domain, stable per username', async () => {
      const w = await world({ engine: { placeholderDomains: ['corp.example'] } });
      const username = await withDelegate(w);
      const find = (name: string) =>
        w.engine.findAccount(anon(), { username: name, purpose: 'reset' });
      const real = await find(username);
      expect(real.destinations.map((d) => d.masked)).to.deep.equal([
        'j•••@e•••.com',
        '•••-•••-0101',
      ]);
      const ghost = await find('nobody0001');
      const [email, sms] = ghost.destinations.map((d) => d.masked);
      expect(email).to.match(/^[a-z]•••@c•••\.example$/);
      expect(sms).to.match(/^•••-•••-\d{4}$/);
      expect((await find('NOBODY0001')).destinations).to.deep.equal(ghost.destinations);
      const others = new Set<string>();
      for (let i = 0; i < 12; i++)
        others.add((await find(`nobody${1000 + i}`)).destinations[0]!.masked);
      expect(others.size, 'initials vary between usernames').to.be.above(1);
    });

    it('a failing relay never changes the answer: the call resolves, the message waits for a retry', async () => {
      const w = await world({
        sender: { send: () => Promise.reject(new Error('SMTP down')) },
      });
      const username = await withDelegate(w);
      const ctx = anon();
      const flow = await w.engine.findAccount(ctx, { username, purpose: 'reset' });
      const sent = await w.engine.sendCode(ctx, { flowId: flow.flowId, channel: 'sms' });
      expect(sent.channel).to.equal('sms');
      expect(await w.worker.drain()).to.equal(0);
      expect(await w.store.outbox.count(), 'kept for a retry').to.equal(1);
      expect(w.store.state.outbox[0]!.attempts).to.equal(1);
    });
  });

  describe('typing templates at rest', () => {
    it('sealed to their account; a legacy plain template still verifies and is sealed at the next write; an old key is resealed', async () => {
      const store = new MemoryStore();
      const w = await world({ store, keys: [KEY_1] });
      const username = await withDelegate(w, 'janedoe01', true);
      const account = () => store.accountByUsernameKey(username)!;
      const sealed = account().typing!;
      expect(isSealedValue(sealed)).to.equal(true);
      expect(sealed.kid).to.equal('k1');
      const template = await w.sealer.open(sealed, `typing:${account().id}`);
      await w.sealer.open(sealed, 'typing:someone-else').then(
        () => expect.fail('opened for another account'),
        () => undefined,
      );
      const samples = typingSamplesFor(w.engine.sampleText);
      const byPattern = async (e: AuthEngine) => {
        const login = await e.login(anon(), { username, password: PASSWORD });
        if (login.status !== 'verification-required') throw new Error('expected a pending login');
        await e.verifyTypingPattern(anon(), {
          pendingId: login.pending.pendingId,
          samples: samples.genuine,
          rememberDevice: false,
        });
      };

      // An old database: the template stored as a plain object.
      await store.accounts.update(account().id, { typing: template as unknown as SealedValue });
      await byPattern(w.engine);
      expect(isSealedValue(account().typing), 'sealed at the next write').to.equal(true);

      // Key rotation: a new current key; the old one still opens, and a code verification
      // (no pattern write of its own) seals the template again with the new key.
      const rotated = await world({ store, keys: [KEY_2, KEY_1] });
      const login = await rotated.engine.login(anon(), { username, password: PASSWORD });
      if (login.status !== 'verification-required') throw new Error('expected a pending login');
      expect(login.pending.options.find((o) => o.method === 'pattern')?.available).to.equal(true);
      await rotated.engine.sendVerificationCode(anon(), {
        pendingId: login.pending.pendingId,
        channel: 'email',
      });
      await rotated.engine.verifyAccountCode(anon(), {
        pendingId: login.pending.pendingId,
        code: latestCode(await rotated.sent(), 'email'),
        rememberDevice: false,
      });
      expect(account().typing!.kid).to.equal('k2');
      await byPattern(rotated.engine);
    });

    it('an enrollment is held sealed with the pending login, and the account gets it only with a code', async () => {
      const w = await world();
      const username = await withDelegate(w);
      const login = await w.engine.login(anon(), { username, password: PASSWORD });
      if (login.status !== 'verification-required') throw new Error('expected a pending login');
      const { pendingId } = login.pending;
      await w.engine.enrollTypingPattern(anon(), {
        pendingId,
        samples: typingSamplesFor(w.engine.sampleText).enroll,
      });
      const account = () => w.store.accountByUsernameKey(username)!;
      expect(account().typing, 'not on the account yet').to.equal(null);
      const pending = w.store.state.pendings[0]!;
      expect(pending.stage).to.equal('code-only');
      expect(isSealedValue(pending.enrolled)).to.equal(true);
      await w.sealer.open(pending.enrolled!, `typing:${account().id}`);
      await w.engine.sendVerificationCode(anon(), { pendingId, channel: 'sms' });
      const code = latestCode(await w.sent(), 'sms');
      await failsWith(
        w.engine.verifyAccountCode(anon(), {
          pendingId,
          code: code === 'ABCDEFGH' ? 'ABCDEFGJ' : 'ABCDEFGH',
          rememberDevice: true,
        }),
        'CODE_INVALID',
      );
      expect(account().typing, 'a failed verification binds nothing').to.equal(null);
      expect(w.store.state.devices, 'and remembers no device').to.deep.equal([]);
      await w.engine.verifyAccountCode(anon(), { pendingId, code, rememberDevice: false });
      expect(account().typing).to.deep.equal(pending.enrolled);
      expect(w.events.filter((e) => e.type === 'pattern.enrolled')).to.have.length(1);
    });

    for (const [reason, keys] of [
      ['unknown-key', [KEY_2]],
      ['damaged', [{ kid: 'k1', key: KEY_2.key }]],
    ] as const) {
      it(`a template that does not open (${reason}) leaves the codes, is logged and is kept`, async () => {
        const store = new MemoryStore();
        const w = await world({ store, keys: [KEY_1] });
        const username = await withDelegate(w, 'janedoe01', true);
        const account = () => store.accountByUsernameKey(username)!;
        const stored = account().typing!;
        // The same database, but the instance no longer holds the template's key (or the key
        // under its id is another one: the value does not open, it reads as damaged).
        const other = await world({ store, keys: [...keys] });
        const login = await other.engine.login(anon(), { username, password: PASSWORD });
        if (login.status !== 'verification-required') throw new Error('expected a pending login');
        const { pendingId, options, mustEnrollPattern } = login.pending;
        expect(mustEnrollPattern).to.equal(false);
        expect(options.map((o) => [o.method, o.available])).to.deep.equal([
          ['email', true],
          ['sms', true],
          ['pattern', false],
        ]);
        const refused = await failsWith(
          other.engine.verifyTypingPattern(anon(), {
            pendingId,
            samples: typingSamplesFor(other.engine.sampleText).genuine,
            rememberDevice: false,
          }),
          'PATTERN_UNAVAILABLE',
        );
        expect(refused.data).to.deep.equal({ reason: 'not-enrolled' });
        const unreadable = other.events.filter((e) => e.type === 'pattern.unreadable');
        expect(unreadable).to.have.length(2);
        expect(unreadable[0]).to.deep.include({ username, reason, client: CLIENT });
        expect(JSON.stringify(unreadable)).not.to.contain(stored.ct);
        expect(account().patternFailures, 'not a failed attempt').to.equal(0);

        await other.engine.sendVerificationCode(anon(), { pendingId, channel: 'email' });
        const verified = await other.engine.verifyAccountCode(anon(), {
          pendingId,
          code: latestCode(await other.sent(), 'email'),
          rememberDevice: false,
        });
        expect(verified.session.user.username).to.equal(username);
        expect(account().typing, 'the stored value is kept').to.deep.equal(stored);

        // The key restored: the pattern verifies again.
        const restored = await world({ store, keys: [KEY_1] });
        const again = await restored.engine.login(anon(), { username, password: PASSWORD });
        if (again.status !== 'verification-required') throw new Error('expected a pending login');
        expect(again.pending.options.find((o) => o.method === 'pattern')?.available).to.equal(true);
        await restored.engine.verifyTypingPattern(anon(), {
          pendingId: again.pending.pendingId,
          samples: typingSamplesFor(restored.engine.sampleText).genuine,
          rememberDevice: false,
        });
        expect(restored.events.some((e) => e.type === 'pattern.unreadable')).to.equal(false);
      });
    }
  });

  describe('request limits', () => {
    it('counts every public request, with account keys computed alike whether or not the account exists', async () => {
      const limiter = new RecordingLimiter();
      const w = await world({ engine: { limiter } });
      await withDelegate(w, 'janedoe01', true);
      const journey = async (username: string) => {
        const from = limiter.calls.length;
        const ctx = anon();
        await w.engine.login(ctx, { username, password: WRONG }).catch(() => undefined);
        const flow = await w.engine.findAccount(ctx, { username, purpose: 'reset' });
        await w.engine.sendCode(ctx, { flowId: flow.flowId, channel: 'sms' });
        await failure(w.engine.verifyCode(ctx, { flowId: flow.flowId, code: 'ABCDEFGH' }));
        return limiter.calls.slice(from);
      };
      for (const username of ['janedoe01', 'nobody0001']) {
        const calls = await journey(username);
        expect(
          calls.map((c) => c.operation),
          username,
        ).to.deep.equal(['login', 'find-account', 'send-code', 'verify-code']);
        expect(new Set(calls.map((c) => c.keys.account)).size, 'one account key').to.equal(1);
        expect(calls[0]!.keys.account).to.match(/^[A-Za-z0-9_-]{43}$/);
        expect(calls.every((c) => c.keys.client === CLIENT)).to.equal(true);
      }
      // The key of a username does not depend on whether its account exists.
      const before = (await journey('laterjoe01'))[0]!.keys.account;
      await withDelegate(w, 'laterjoe01', true);
      w.clock.advance(31 * SECOND);
      const after = await journey('LaterJoe01');
      expect(after.map((c) => c.keys.account)).to.deep.equal([before, before, before, before]);

      // Login verification counts under the same key as the login.
      const from = limiter.calls.length;
      const ctx = anon();
      const login = await w.engine.login(ctx, { username: 'janedoe01', password: PASSWORD });
      if (login.status !== 'verification-required') throw new Error('expected a pending login');
      const pendingId = login.pending.pendingId;
      w.clock.advance(31 * SECOND);
      await w.engine.sendVerificationCode(ctx, { pendingId, channel: 'email' });
      await failure(
        w.engine.verifyAccountCode(ctx, { pendingId, code: 'ABCDEFGH', rememberDevice: false }),
      );
      await w.engine.verifyTypingPattern(ctx, {
        pendingId,
        samples: typingSamplesFor(w.engine.sampleText).genuine,
        rememberDevice: false,
      });
      const calls = limiter.calls.slice(from);
      expect(calls.map((c) => c.operation)).to.deep.equal([
        'login',
        'send-code',
        'verify-code',
        'verify-code',
      ]);
      expect(new Set(calls.map((c) => c.keys.account)).size).to.equal(1);

      // Forgot Username: keyed by the normalised email, the same for a known and unknown one.
      const mark = limiter.calls.length;
      await w.engine.forgotUsername(anon(), { email: ' JaneDoe01@Example.com' });
      w.clock.advance(31 * SECOND);
      await w.engine.forgotUsername(anon(), { email: 'janedoe01@example.com' });
      await w.engine.forgotUsername(anon(), { email: 'nobody@example.com' });
      const forgot = limiter.calls.slice(mark);
      expect(forgot.map((c) => c.operation)).to.deep.equal([
        'forgot-username',
        'forgot-username',
        'forgot-username',
      ]);
      expect(forgot[0]!.keys.account).to.equal(forgot[1]!.keys.account);
      expect(forgot[2]!.keys.account).to.match(/^[A-Za-z0-9_-]{43}$/);
      expect(forgot[2]!.keys.account).to.not.equal(forgot[0]!.keys.account);
    });

    it('a refusal stops the request before any work, passes RATE_LIMITED through, and is logged', async () => {
      const limiter = new RecordingLimiter();
      const hasher = new CountingHasher();
      const w = await world({ hasher, engine: { limiter } });
      const username = await withDelegate(w);
      limiter.refuse.add('login').add('find-account').add('forgot-username');
      const verifies = hasher.verifies;
      for (const name of [username, 'nobody0001']) {
        const err = await failsWith(
          w.engine.login(anon(), { username: name, password: WRONG }),
          'RATE_LIMITED',
        );
        expect(err.data).to.deep.equal({ retryAfter: 99 });
        await failsWith(
          w.engine.findAccount(anon(), { username: name, purpose: 'reset' }),
          'RATE_LIMITED',
        );
      }
      await failsWith(
        w.engine.forgotUsername(anon(), { email: 'janedoe01@example.com' }),
        'RATE_LIMITED',
      );
      expect(hasher.verifies, 'no hashing').to.equal(verifies);
      expect(w.store.state.guards, 'no failure counted').to.deep.equal({});
      expect(w.store.state.flows, 'no flow').to.have.length(0);
      expect(await w.store.outbox.count(), 'nothing queued').to.equal(0);

      limiter.refuse.clear();
      limiter.refuse.add('send-code').add('verify-code');
      const flow = await w.engine.findAccount(anon(), { username, purpose: 'reset' });
      await failsWith(
        w.engine.sendCode(anon(), { flowId: flow.flowId, channel: 'sms' }),
        'RATE_LIMITED',
      );
      expect(w.store.state.flows[0]!.code, 'no code made').to.equal(null);
      expect(await w.store.outbox.count(), 'nothing queued').to.equal(0);
      await failsWith(
        w.engine.verifyCode(anon(), { flowId: flow.flowId, code: 'ABCDEFGH' }),
        'RATE_LIMITED',
      );
      const limited = w.events.filter((e) => e.type === 'rate.limited');
      expect(limited.map((e) => [e.operation, e.username ?? null])).to.deep.equal([
        ['login', null],
        ['find-account', null],
        ['login', null],
        ['find-account', null],
        ['forgot-username', null],
        ['send-code', username],
        ['verify-code', username],
      ]);
      expect(limited.every((e) => e.client === CLIENT)).to.equal(true);
    });
  });

  describe('security events', () => {
    it('are emitted at every security point and hold no secret, full email or phone number', async () => {
      const w = await world();
      const username = await withDelegate(w);
      const hd = anon();
      await w.engine.admin.createHelpDeskUser({
        username: 'deskuser1',
        password: STAFF_PASSWORD,
        firstName: 'Dana',
        lastName: 'Reyes',
        email: 'dana.reyes@helpdesk.example',
        mobile: '312-555-0177',
      });
      await w.engine.admin.signIn(hd, 'deskuser1');
      const secrets: string[] = [PASSWORD, NEW_PASSWORD, STAFF_PASSWORD, WRONG, hd.sessionToken!];
      const ctx = anon();
      await failure(w.engine.login(ctx, { username: 'nobody0001', password: WRONG }));
      for (let i = 0; i < 5; i++) await failure(w.engine.login(ctx, { username, password: WRONG }));
      await failsWith(w.engine.login(ctx, { username, password: PASSWORD }), 'ACCOUNT_LOCKED');
      await w.engine.unlockAccount(hd, { username });

      // First login: enroll, a wrong code, the right one with "remember this device".
      const login = await w.engine.login(ctx, { username, password: PASSWORD });
      if (login.status !== 'verification-required') throw new Error('expected a pending login');
      const { pendingId } = login.pending;
      secrets.push(pendingId);
      await w.engine.enrollTypingPattern(ctx, {
        pendingId,
        samples: typingSamplesFor(w.engine.sampleText).enroll,
      });
      await w.engine.sendVerificationCode(ctx, { pendingId, channel: 'email' });
      const code = latestCode(await w.sent(), 'email');
      secrets.push(code);
      await failure(
        w.engine.verifyAccountCode(ctx, {
          pendingId,
          code: code === 'ABCDEFGH' ? 'ABCDEFGJ' : 'ABCDEFGH',
          rememberDevice: true,
        }),
      );
      const verified = await w.engine.verifyAccountCode(ctx, {
        pendingId,
        code,
        rememberDevice: true,
      });
      secrets.push(verified.deviceToken!.token, ctx.sessionToken!);
      await w.engine.logout(ctx);
      await w.engine.resetTypingPattern(hd, { username });

      // Forgot password, then a resend too soon.
      const flow = await w.engine.findAccount(ctx, { username, purpose: 'reset' });
      secrets.push(flow.flowId);
      await w.engine.sendCode(ctx, { flowId: flow.flowId, channel: 'sms' });
      const sms = latestCode(await w.sent(), 'sms');
      secrets.push(sms);
      await w.engine.verifyCode(ctx, { flowId: flow.flowId, code: sms });
      await w.engine.setPassword(ctx, { flowId: flow.flowId, password: NEW_PASSWORD });
      await failsWith(
        w.engine.sendCode(ctx, { flowId: flow.flowId, channel: 'sms' }),
        'FLOW_EXPIRED',
      );
      const again = await w.engine.findAccount(ctx, { username, purpose: 'reset' });
      await failsWith(
        w.engine.sendCode(ctx, { flowId: again.flowId, channel: 'sms' }),
        'RATE_LIMITED',
      );
      await failsWith(w.engine.unlockAccount(anon(), { username }), 'NOT_AUTHENTICATED');
      const stale = await w.engine.login(ctx, {
        username,
        password: NEW_PASSWORD,
        deviceToken: verified.deviceToken!.token,
      });
      expect(stale.status).to.equal('verification-required');

      // An idle session.
      await w.engine.admin.signIn(ctx, username);
      w.clock.advance(30 * MINUTE);
      expect(await w.engine.getSession(ctx)).to.equal(null);

      const types = new Set(w.events.map((e) => e.type));
      for (const type of [
        'login.succeeded',
        'login.failed',
        'login.refused-locked',
        'account.locked',
        'account.unlocked',
        'password.changed',
        'code.sent',
        'verification.succeeded',
        'verification.failed',
        'pattern.enrolled',
        'pattern.reset',
        'device.remembered',
        'device.refused',
        'session.ended',
        'session.idle-expired',
        'rate.limited',
        'access.refused',
      ] as const) {
        expect(types.has(type), type).to.equal(true);
      }
      const unknown = w.events.find((e) => e.type === 'login.failed' && !e.username);
      expect(unknown, 'the unknown username failed').to.not.equal(undefined);
      expect(w.events.filter((e) => e.type === 'login.failed')).to.have.length(6);
      expect(w.events.find((e) => e.type === 'account.locked')!.until).to.be.a('number');
      expect(
        w.events
          .filter((e) => e.type === 'account.unlocked' || e.type === 'pattern.reset')
          .map((e) => e.actor),
      ).to.deep.equal(['deskuser1', 'deskuser1']);
      const sent = w.events.filter((e) => e.type === 'code.sent');
      expect(sent.map((e) => [e.method, e.destination])).to.deep.equal([
        ['email', 'j•••@e•••.com'],
        ['sms', '•••-•••-0101'],
      ]);
      expect(w.events.every((e) => e.client === CLIENT)).to.equal(true);
      expect(w.events.every((e) => typeof e.at === 'number')).to.equal(true);

      const json = JSON.stringify(w.events);
      for (const secret of [
        ...secrets,
        'nobody0001',
        'janedoe01@example.com',
        'dana.reyes@helpdesk.example',
        '+13125550101',
        '3125550101',
        '5550101',
      ]) {
        expect(json.includes(secret), `no ${secret} in the events`).to.equal(false);
      }
    });
  });

  describe('sessions', () => {
    it('end after the idle timeout; a call records use at most once per 15 s; idleExpiresAt tells when', async () => {
      const w = await world({ engine: { idleTimeout: 10 * MINUTE } });
      const username = await withDelegate(w);
      const ctx = anon();
      const start = await w.engine.admin.signIn(ctx, username);
      expect(start.idleExpiresAt).to.equal(start.issuedAt + 10 * MINUTE);
      const lastSeen = () => w.store.state.sessions[0]!.lastSeenAt;
      expect(lastSeen()).to.equal(start.issuedAt);
      w.clock.advance(14 * SECOND);
      expect((await w.engine.getSession(ctx))!.idleExpiresAt).to.equal(start.idleExpiresAt);
      expect(lastSeen(), 'not written within 15 s').to.equal(start.issuedAt);
      w.clock.advance(SECOND);
      const moved = (await w.engine.getSession(ctx))!;
      expect(lastSeen()).to.equal(start.issuedAt + 15 * SECOND);
      expect(moved.idleExpiresAt).to.equal(start.issuedAt + 15 * SECOND + 10 * MINUTE);
      w.clock.advance(10 * MINUTE - 1);
      await w.engine.reportIssue(
        ctx,
        report({ observedAt: new Date(w.clock.now()).toISOString() }),
      );
      w.clock.advance(10 * MINUTE);
      await failsWith(w.engine.reportIssue(ctx, report()), 'NOT_AUTHENTICATED');
      expect(ctx.sessionToken).to.equal(null);
      expect(w.store.state.sessions, 'deleted').to.have.length(0);
      const idle = w.events.filter((e) => e.type === 'session.idle-expired');
      expect(idle.map((e) => e.username)).to.deep.equal([username]);
    });

    it('idleExpiresAt never passes the absolute end', async () => {
      const w = await world({ engine: { idleTimeout: 9 * 60 * MINUTE } });
      await withDelegate(w);
      const s = await w.engine.admin.signIn(anon(), 'janedoe01');
      expect(s.idleExpiresAt).to.equal(s.expiresAt);
    });
  });

  describe('report an issue', () => {
    it('hostile values are VALIDATION fields, never an exception, and nothing is written', async () => {
      const w = await world();
      await withDelegate(w);
      const ctx = anon();
      await w.engine.admin.signIn(ctx, 'janedoe01');
      let creates = 0;
      const inner = w.store.tickets.create.bind(w.store.tickets);
      w.store.tickets.create = (t) => {
        creates += 1;
        return inner(t);
      };
      const hostile: [Record<string, unknown>, Record<string, string>][] = [
        [{ clientName: 5 }, {}],
        [
          { description: { toString: 'x' }, agentName: ['a'] },
          { description: 'required', agentName: 'required' },
        ],
        [{ observedAt: 5 }, { observedAt: 'required' }],
        [
          { productType: 7, state: null },
          { productType: 'required', state: 'required' },
        ],
        [{ screenshot: 'x.png' }, { screenshot: 'invalid-file-type' }],
        [{ screenshot: { type: 'image/png', size: '100' } }, { screenshot: 'file-too-large' }],
      ];
      for (const [overrides, fields] of hostile) {
        const valid = Object.keys(fields).length === 0;
        if (valid) {
          // A number where a string is optional is dropped to '' (no client name), not a crash.
          await w.engine.reportIssue(ctx, report(overrides));
          continue;
        }
        const err = await failsWith(w.engine.reportIssue(ctx, report(overrides)), 'VALIDATION');
        expect(err.data, JSON.stringify(overrides)).to.deep.equal({ fields });
      }
      await failsWith(w.engine.reportIssue(ctx, null as unknown as IssueReport), 'VALIDATION');
      expect(creates, 'only the valid report made a ticket').to.equal(1);
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

    it('state of a previous version starts fresh', async () => {
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
      expect(JSON.parse(a.admin.snapshot()).version).to.equal(STATE_VERSION);
      expect(JSON.parse(a.admin.snapshot()).accounts).to.deep.equal([]);
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
