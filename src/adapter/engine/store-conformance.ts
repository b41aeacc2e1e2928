/**
 * The store conformance suite: behavioural tests of the {@link AuthStore} contract that any
 * implementation (the in-memory `MemoryStore`, the reference server's SQLite store, a
 * PostgreSQL or Redis store) must pass: every repository's round trips and edge cases, the
 * keyed lock, and the engine's rules under concurrent requests against the store (20 parallel
 * wrong passwords lock at exactly the 5th; a link, code, flow, pending login or WebAuthn
 * ceremony is usable once however many requests race for it; many sessions side by side; an outbox item is claimed by
 * one worker only).
 *
 *   storeConformanceSuite('MemoryStore', async () => ({ store: new MemoryStore() }));
 *
 *   // node:test (no mocha globals): pass its functions.
 *   import { describe, it, beforeEach, afterEach } from 'node:test';
 *   storeConformanceSuite('SqliteStore', async () => {
 *     const store = openStore(tmpFile());
 *     return { store, dispose: async () => store.close() };
 *   }, { describe, it, beforeEach, afterEach });
 *
 * A fresh harness is made for every test. The suite uses its own tiny assertions (no assertion
 * library) and only the engine's own dependencies, so it runs in browsers and in Node.
 */
import { ManualClock, HOUR, MINUTE } from '../../core/clock.js';
import { tokenDigest } from '../../core/hash.js';
import { AdapterError, type AdapterErrorCode } from '../errors.js';
import { latestCode, latestLinkToken } from '../memory/outbox.js';
import { typingSamplesFor } from '../memory/typist.js';
import type { DelegateInput, OutboxMessage } from '../types.js';
import { AUTH_LIMITS, AuthEngine, type RequestContext } from './engine.js';
import { Pbkdf2Hasher } from './hasher.js';
import { OutboxWorker } from './outbox-worker.js';
import { Keyring, type SealedValue } from './sealing.js';
import type {
  AccountRecord,
  ActivityRecord,
  AuthStore,
  CodeRecord,
  FlowRecord,
  CeremonyRecord,
  OutboxItem,
  PasskeyRecord,
  PendingRecord,
  SessionRecord,
} from './store.js';

export interface StoreConformanceHarness {
  /** A fresh, empty store. */
  store: AuthStore;
  /** Release resources after each test. */
  dispose?(): Promise<void>;
}

/** The test-framework functions the suite registers with (mocha's globals by default). */
export interface SuiteApi {
  describe(name: string, fn: () => void): unknown;
  it(name: string, fn: () => Promise<void>): unknown;
  beforeEach(fn: () => Promise<void>): unknown;
  afterEach(fn: () => Promise<void>): unknown;
}

// ---------------------------------------------------------------------------------------------
// Tiny assertions
// ---------------------------------------------------------------------------------------------

class StoreConformanceError extends Error {
  override name = 'StoreConformanceError';
}

function ok(condition: unknown, message: string): asserts condition {
  if (!condition) throw new StoreConformanceError(message);
}

/** JSON with sorted keys; `undefined` members vanish (an absent optional field is fine). */
function show(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function equal(actual: unknown, expected: unknown, what: string): void {
  const a = show(actual);
  const e = show(expected);
  if (a !== e) throw new StoreConformanceError(`${what}: expected ${e}, got ${a}`);
}

async function rejects(
  promise: Promise<unknown>,
  code: AdapterErrorCode,
  what: string,
): Promise<AdapterError> {
  try {
    await promise;
  } catch (err) {
    ok(err instanceof AdapterError, `${what}: rejected with a non-AdapterError ${String(err)}`);
    ok(err.code === code, `${what}: expected ${code}, got ${err.code} ${show(err.data)}`);
    return err;
  }
  throw new StoreConformanceError(`${what}: expected ${code}, but it resolved`);
}

/** Settle every promise; tally outcomes as `ok` or the AdapterError code. */
async function outcomes(promises: Promise<unknown>[]): Promise<Record<string, number>> {
  const tally: Record<string, number> = {};
  for (const r of await Promise.allSettled(promises)) {
    const key =
      r.status === 'fulfilled'
        ? 'ok'
        : r.reason instanceof AdapterError
          ? r.reason.code
          : `THREW ${String(r.reason)}`;
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return tally;
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

/** A SealedValue-shaped JSON value (the store keeps it as it is; it never opens one). */
function sealed(ct: string, kid = 'k1'): SealedValue {
  return { v: 1, kid, iv: 'AAECAwQFBgcICQoL', ct };
}

function accountRecord(over: Partial<AccountRecord> = {}): AccountRecord {
  return {
    id: 'usr_1',
    role: 'producer',
    username: 'PatMorgan',
    usernameKey: 'patmorgan',
    email: 'Pat.Morgan@Agency.example',
    emailKey: 'pat.morgan@agency.example',
    firstName: 'Pat',
    lastName: 'Morgan',
    mobile: '+13125550100',
    states: ['TX', 'IL'],
    language: 'en',
    producerId: 'P-100200',
    createdAt: 1_000,
    emailConfirmed: true,
    password: { alg: 'pbkdf2-sha256', iterations: 1000, salt: 'c2FsdA', hash: 'aGFzaA' },
    passwordHistory: [
      {
        alg: 'scrypt',
        cost: 131072,
        blockSize: 8,
        parallelization: 1,
        keyLength: 32,
        salt: 'b2xk',
        hash: 'b2xkaA',
      },
      { alg: 'pbkdf2-sha256', iterations: 1000, salt: 'c2FsdA', hash: 'aGFzaA' },
    ],
    typing: sealed('c2VhbGVkLXR5cGluZy10ZW1wbGF0ZQ'),
    patternFailures: 0,
    ...over,
  };
}

function delegateRecord(id: string, producerAccountId: string, createdAt: number): AccountRecord {
  const { producerId: _drop, ...base } = accountRecord();
  void _drop;
  return {
    ...base,
    id,
    role: 'delegate',
    username: `Dlg${id}`,
    usernameKey: `dlg${id}`.toLowerCase(),
    email: `shared@example.com`,
    emailKey: 'shared@example.com',
    producerAccountId,
    createdAt,
    emailConfirmed: false,
    password: null,
    passwordHistory: [],
    typing: null,
  };
}

function activityRecord(
  id: string,
  accountId: string,
  at: number,
  over: Partial<ActivityRecord> = {},
): ActivityRecord {
  return {
    id,
    accountId,
    at,
    type: 'sign-in',
    method: null,
    outcome: 'success',
    actorRole: 'self',
    actorId: null,
    actorName: null,
    reason: null,
    ...over,
  };
}

const code = (over: Partial<CodeRecord> = {}): CodeRecord => ({
  salt: 'c2FsdA',
  hash: 'aGFzaA',
  channel: 'sms',
  expiresAt: 5_000,
  failures: 2,
  used: false,
  ...over,
});

function flowRecord(digest: string, over: Partial<FlowRecord> = {}): FlowRecord {
  return {
    digest,
    purpose: 'reset',
    accountId: null,
    throttleKey: 'tk',
    masked: { email: 'a•••@g•••.com', sms: '•••-•••-0101' },
    expiresAt: 10_000,
    code: null,
    verified: false,
    ...over,
  };
}

function pendingRecord(digest: string, over: Partial<PendingRecord> = {}): PendingRecord {
  return {
    digest,
    accountId: 'usr_1',
    stage: 'verify',
    expiresAt: 10_000,
    code: null,
    enrolled: null,
    sampleLang: 'en',
    ...over,
  };
}

function passkeyRecord(id: string, accountId: string, createdAt: number): PasskeyRecord {
  return {
    id,
    accountId,
    publicKey: `pQECAyYgASFYI${id}`,
    counter: 0,
    transports: ['internal', 'hybrid'],
    name: `Key ${id}`,
    createdAt,
    lastUsedAt: null,
  };
}

function ceremonyRecord(digest: string, over: Partial<CeremonyRecord> = {}): CeremonyRecord {
  return {
    digest,
    purpose: 'sign-in',
    challenge: `challenge-${digest}`,
    accountId: null,
    expiresAt: 10_000,
    used: false,
    ...over,
  };
}

function outboxItem(id: string, createdAt: number, over: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id,
    payload: sealed(`cGF5bG9hZC0${id}`),
    createdAt,
    availableAt: createdAt,
    attempts: 0,
    ...over,
  };
}

const PRODUCER = {
  username: 'storeprod',
  password: 'Prod-Secret-2026!',
  firstName: 'Pat',
  lastName: 'Morgan',
  email: 'pat.morgan@agency.example',
  mobile: '(312) 555-0100',
  states: ['IL', 'TX'] as DelegateInput['states'],
  producerId: 'P-100200',
};
const PASSWORD = 'Blue-Sky-Quote-42!';
const NEW_PASSWORD = 'Green-Field-Plan-77?';

interface EngineWorld {
  engine: AuthEngine;
  clock: ManualClock;
  outbox: OutboxMessage[];
  ctx(): RequestContext;
}

/**
 * `target` whose every method (and `admin`'s) drains the outbox worker when it settles, so the
 * sent messages are in `outbox` when a call resolves (as with the in-memory adapter).
 */
function drainingAfterCalls<T extends object>(target: T, drain: () => Promise<unknown>): T {
  return new Proxy(target, {
    get(obj, prop) {
      const value: unknown = Reflect.get(obj, prop);
      if (prop === 'admin' && typeof value === 'object' && value !== null) {
        return drainingAfterCalls(value, drain);
      }
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => unknown).apply(obj, args);
        } finally {
          await drain();
        }
      };
    },
  });
}

/**
 * The engine over the store under test: manual clock, fast PBKDF2, a fresh key, and an outbox
 * worker (over the same store) that delivers into an array after every call.
 */
async function engineOver(
  store: AuthStore,
  options: { activityRetention?: number } = {},
): Promise<EngineWorld> {
  const clock = new ManualClock();
  const outbox: OutboxMessage[] = [];
  const sealer = await Keyring.fromSpecs([Keyring.newKeySpec('conformance')]);
  const worker = new OutboxWorker({
    store,
    sealer,
    clock,
    sender: {
      send: async (m) => void outbox.push({ id: `m${outbox.length}`, sentAt: clock.now(), ...m }),
    },
  });
  const engine = new AuthEngine({
    store,
    clock,
    sealer,
    hasher: new Pbkdf2Hasher(1000),
    confirmLinkUrl: (token) => `https://portal.example/#/verify?token=${encodeURIComponent(token)}`,
    ...options,
  });
  return {
    engine: drainingAfterCalls(engine, () => worker.drain()),
    clock,
    outbox,
    ctx: () => ({ sessionToken: null }),
  };
}

let serial = 0;
/** A delegate's details with a username and email no other call returns (for store tests). */
export function uniqueDelegateInput(): DelegateInput {
  serial += 1;
  const id = `${serial}${Math.floor(Math.random() * 1e6)}`.replace(/\d/g, (d) => 'abcdefghij'[+d]!);
  return {
    username: `dlg${id}`,
    email: `jane.${id}@example.com`,
    firstName: 'Jane',
    lastName: 'Doe',
    mobile: '(312) 555-0101',
    states: ['IL'],
  };
}

/** A producer plus an active delegate (email confirmed, password set), nobody signed in. */
async function activeDelegate(w: EngineWorld): Promise<DelegateInput> {
  const { engine } = w;
  if (!(await engine.admin.hasAccount(PRODUCER.username))) {
    await engine.admin.createProducer(PRODUCER);
  }
  const input = uniqueDelegateInput();
  await engine.admin.createDelegate({ ...input, producer: PRODUCER.username, password: PASSWORD });
  return input;
}

// ---------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------

/**
 * Register the store conformance tests for one {@link AuthStore} implementation. `makeHarness`
 * is called before every test and must return a fresh, empty store.
 */
export function storeConformanceSuite(
  name: string,
  makeHarness: () => Promise<StoreConformanceHarness>,
  api: SuiteApi = globalThis as typeof globalThis & SuiteApi,
): void {
  const { describe, it, beforeEach, afterEach } = api;

  describe(`${name} — store conformance`, () => {
    let h: StoreConformanceHarness;
    let store: AuthStore;

    beforeEach(async () => {
      h = await makeHarness();
      store = h.store;
    });

    afterEach(async () => {
      await h?.dispose?.();
    });

    describe('accounts', () => {
      it('round-trips every field, looks up by id, username key and email key', async () => {
        const a = accountRecord();
        equal(await store.accounts.create(a), true, 'create');
        equal(await store.accounts.get(a.id), a, 'get');
        equal(await store.accounts.getByUsername('patmorgan'), a, 'getByUsername');
        equal(await store.accounts.getByUsername('PatMorgan'), null, 'keys are exact');
        equal(await store.accounts.get('nope'), null, 'unknown id');
        equal(await store.accounts.listByEmail(a.emailKey), [a], 'listByEmail');
        equal(await store.accounts.listByEmail('other@example.com'), [], 'no email match');
      });

      it('refuses a second account with the same username key, also when racing', async () => {
        equal(await store.accounts.create(accountRecord()), true, 'first');
        equal(
          await store.accounts.create(accountRecord({ id: 'usr_2', username: 'PATMORGAN' })),
          false,
          'same key',
        );
        const racers = await Promise.all(
          [3, 4, 5, 6].map((i) =>
            store.accounts.create(
              accountRecord({ id: `usr_${i}`, username: 'Racer', usernameKey: 'racer' }),
            ),
          ),
        );
        equal(racers.filter(Boolean).length, 1, 'one racer wins');
        equal((await store.accounts.get('usr_2')) === null, true, 'loser not stored');
      });

      it('lists delegates of a producer in creation order, and by shared email', async () => {
        await store.accounts.create(accountRecord({ id: 'p1', username: 'p1', usernameKey: 'p1' }));
        await store.accounts.create(accountRecord({ id: 'p2', username: 'p2', usernameKey: 'p2' }));
        const d = [
          delegateRecord('d1', 'p1', 10),
          delegateRecord('d2', 'p2', 20),
          delegateRecord('d3', 'p1', 30),
          delegateRecord('d4', 'p1', 30),
        ];
        for (const x of d) await store.accounts.create(x);
        equal(
          (await store.accounts.listDelegates('p1')).map((x) => x.id),
          ['d1', 'd3', 'd4'],
          'p1 delegates',
        );
        equal(await store.accounts.listDelegates('p2'), [d[1]], 'p2 delegates (full records)');
        equal(await store.accounts.listDelegates('nobody'), [], 'none');
        equal(
          (await store.accounts.listByEmail('shared@example.com')).map((x) => x.id),
          ['d1', 'd2', 'd3', 'd4'],
          'by email',
        );
      });

      it('update changes only the given fields; reads are copies', async () => {
        const a = accountRecord();
        await store.accounts.create(a);
        const read = (await store.accounts.get(a.id))!;
        read.firstName = 'Mutated';
        read.states.push('OK');
        read.passwordHistory.pop();
        equal(await store.accounts.get(a.id), a, 'a mutated read changes nothing');
        const typing = sealed('bmV3LXRlbXBsYXRl', 'k2');
        await store.accounts.update(a.id, { patternFailures: 2, typing, emailConfirmed: false });
        equal(
          await store.accounts.get(a.id),
          { ...a, patternFailures: 2, typing, emailConfirmed: false },
          'patched',
        );
        await store.accounts.update(a.id, { typing: null, password: null, passwordHistory: [] });
        equal(
          await store.accounts.get(a.id),
          {
            ...a,
            patternFailures: 2,
            emailConfirmed: false,
            typing: null,
            password: null,
            passwordHistory: [],
          },
          'nulls and empty lists',
        );
        await store.accounts.update('nope', { firstName: 'X' });
        equal(await store.accounts.get('nope'), null, 'update of an unknown id creates nothing');
      });
    });

    describe('links', () => {
      it('create, get, update, void every link of one account', async () => {
        const l1 = {
          digest: 'L1',
          accountId: 'a',
          createdAt: 1,
          expiresAt: 9,
          usedAt: null,
          voided: false,
        };
        const l2 = { ...l1, digest: 'L2' };
        const l3 = { ...l1, digest: 'L3', accountId: 'b' };
        for (const l of [l1, l2, l3]) await store.links.create(l);
        equal(await store.links.get('L1'), l1, 'get');
        equal(await store.links.get('nope'), null, 'unknown');
        await store.links.update('L1', { usedAt: 5 });
        equal(await store.links.get('L1'), { ...l1, usedAt: 5 }, 'used');
        await store.links.voidForAccount('a');
        equal((await store.links.get('L1'))?.voided, true, 'L1 voided');
        equal((await store.links.get('L2'))?.voided, true, 'L2 voided');
        equal((await store.links.get('L3'))?.voided, false, 'other account untouched');
      });
    });

    describe('flows and pending logins', () => {
      it('flows: nested code and masked destinations round-trip; update, delete, expiry', async () => {
        const f = flowRecord('F1', { accountId: 'usr_1', code: code() });
        await store.flows.create(f);
        await store.flows.create(flowRecord('F2', { expiresAt: 20_000 }));
        equal(await store.flows.get('F1'), f, 'get');
        await store.flows.update('F1', { code: code({ failures: 3, used: true }), verified: true });
        equal(
          await store.flows.get('F1'),
          { ...f, code: code({ failures: 3, used: true }), verified: true },
          'update',
        );
        await store.flows.update('F1', { code: null });
        equal((await store.flows.get('F1'))?.code, null, 'code cleared');
        equal(await store.flows.deleteExpired(9_999), 0, 'nothing expired yet');
        equal(await store.flows.deleteExpired(10_000), 1, 'expiresAt <= now is expired');
        equal(await store.flows.get('F1'), null, 'F1 gone');
        await store.flows.delete('F2');
        await store.flows.delete('F2');
        equal(await store.flows.get('F2'), null, 'F2 deleted (twice is fine)');
      });

      it('pending logins: a held enrolment round-trips; set, replaced, cleared', async () => {
        const p = pendingRecord('P1', { stage: 'enroll' });
        await store.pendings.create(p);
        equal(await store.pendings.get('P1'), p, 'created without an enrolment');
        const enrolled = sealed('ZW5yb2xsZWQtdGVtcGxhdGU');
        await store.pendings.update('P1', { enrolled, stage: 'code-only' });
        equal(
          await store.pendings.get('P1'),
          { ...p, enrolled, stage: 'code-only' },
          'enrolment held with the pending login',
        );
        const read = (await store.pendings.get('P1'))!;
        read.enrolled!.ct = 'mutated';
        equal((await store.pendings.get('P1'))?.enrolled, enrolled, 'reads are copies');
        const again = sealed('c2Vjb25kLWF0dGVtcHQ', 'k2');
        await store.pendings.update('P1', { enrolled: again });
        equal((await store.pendings.get('P1'))?.enrolled, again, 'replaced');
        await store.pendings.update('P1', { code: code({ channel: 'sms' }) });
        equal((await store.pendings.get('P1'))?.enrolled, again, 'another field leaves it');
        await store.pendings.update('P1', { enrolled: null });
        equal((await store.pendings.get('P1'))?.enrolled, null, 'cleared');
        const withOne = pendingRecord('P2', { stage: 'code-only', enrolled });
        await store.pendings.create(withOne);
        equal(await store.pendings.get('P2'), withOne, 'created with an enrolment');
      });

      it('pending logins: stage and code round-trip; update, delete, expiry', async () => {
        const p = pendingRecord('P1', { code: code({ channel: 'email' }) });
        await store.pendings.create(p);
        await store.pendings.create(pendingRecord('P2', { stage: 'enroll', expiresAt: 30_000 }));
        equal(await store.pendings.get('P1'), p, 'get');
        equal((await store.pendings.get('P2'))?.stage, 'enroll', 'stage');
        await store.pendings.update('P2', { stage: 'code-only' });
        equal((await store.pendings.get('P2'))?.stage, 'code-only', 'updated stage');
        equal(await store.pendings.deleteExpired(10_000), 1, 'one expired');
        equal(await store.pendings.get('P1'), null, 'P1 gone');
        await store.pendings.delete('P2');
        equal(await store.pendings.get('P2'), null, 'P2 deleted');
      });
    });

    describe('devices, guards, throttles, sessions, tickets, secret', () => {
      it('devices: get, revoke per account, expiry', async () => {
        await store.devices.create({ digest: 'D1', accountId: 'a', expiresAt: 100 });
        await store.devices.create({ digest: 'D2', accountId: 'a', expiresAt: 300 });
        await store.devices.create({ digest: 'D3', accountId: 'b', expiresAt: 300 });
        equal(
          await store.devices.get('D1'),
          { digest: 'D1', accountId: 'a', expiresAt: 100 },
          'get',
        );
        equal(await store.devices.deleteExpired(100), 1, 'D1 expired');
        await store.devices.deleteForAccount('a');
        equal(await store.devices.get('D2'), null, 'D2 revoked');
        equal((await store.devices.get('D3'))?.accountId, 'b', 'D3 kept');
      });

      it('guards: absent is null; put replaces; delete', async () => {
        equal(await store.guards.get('g'), null, 'absent');
        await store.guards.put('g', { failures: 3, lockedUntil: null });
        equal(await store.guards.get('g'), { failures: 3, lockedUntil: null }, 'put');
        await store.guards.put('g', { failures: 5, lockedUntil: 1234 });
        equal(await store.guards.get('g'), { failures: 5, lockedUntil: 1234 }, 'replaced');
        await store.guards.delete('g');
        await store.guards.delete('g');
        equal(await store.guards.get('g'), null, 'deleted');
      });

      it('throttles: absent is empty; put keeps order; stale keys dropped', async () => {
        equal(await store.throttles.get('t'), [], 'absent');
        const sends = [
          { at: 10, channel: 'email' as const },
          { at: 20, channel: 'sms' as const },
          { at: 30, channel: 'email' as const },
        ];
        await store.throttles.put('t', sends);
        await store.throttles.put('u', [{ at: 5, channel: 'sms' }]);
        equal(await store.throttles.get('t'), sends, 'order kept');
        await store.throttles.put('t', sends.slice(1));
        equal(await store.throttles.get('t'), sends.slice(1), 'replaced');
        equal(await store.throttles.deleteStale(20), 1, 'u is stale, t has a send after 20');
        equal(await store.throttles.get('u'), [], 'u dropped');
        equal((await store.throttles.get('t')).length, 2, 't kept whole');
      });

      it('sessions: many side by side; delete one, all of an account, expired', async () => {
        const s = (digest: string, accountId: string, expiresAt: number): SessionRecord => ({
          digest,
          accountId,
          issuedAt: 1,
          expiresAt,
          lastSeenAt: 1,
        });
        for (const x of [s('S1', 'a', 100), s('S2', 'a', 200), s('S3', 'b', 200)]) {
          await store.sessions.create(x);
        }
        equal(await store.sessions.get('S2'), s('S2', 'a', 200), 'get');
        await store.sessions.delete('S2');
        equal(await store.sessions.get('S2'), null, 'deleted');
        equal(await store.sessions.deleteExpired(100), 1, 'S1 expired');
        await store.sessions.create(s('S4', 'b', 300));
        await store.sessions.create(s('S5', 'c', 300));
        await store.sessions.deleteForAccount('b');
        equal(await store.sessions.get('S3'), null, 'S3 ended');
        equal(await store.sessions.get('S4'), null, 'S4 ended');
        equal((await store.sessions.get('S5'))?.accountId, 'c', 'S5 kept');
      });

      it('sessions: touch moves lastSeenAt only', async () => {
        const s1: SessionRecord = {
          digest: 'S1',
          accountId: 'a',
          issuedAt: 1_000,
          expiresAt: 90_000,
          lastSeenAt: 1_000,
        };
        const s2: SessionRecord = { ...s1, digest: 'S2' };
        await store.sessions.create(s1);
        await store.sessions.create(s2);
        equal(await store.sessions.get('S1'), s1, 'lastSeenAt round-trips');
        await store.sessions.touch('S1', 61_000);
        equal(await store.sessions.get('S1'), { ...s1, lastSeenAt: 61_000 }, 'touched');
        equal(await store.sessions.get('S2'), s2, 'another session untouched');
        await store.sessions.touch('S1', 75_500);
        equal((await store.sessions.get('S1'))?.lastSeenAt, 75_500, 'touched again');
        await store.sessions.touch('nope', 80_000);
        equal(await store.sessions.get('nope'), null, 'touching an unknown digest creates nothing');
      });

      it('tickets: unique ids', async () => {
        equal(
          await store.tickets.create({ ticketId: 'T1', accountId: 'a', createdAt: 1 }),
          true,
          'new',
        );
        equal(
          await store.tickets.create({ ticketId: 'T1', accountId: 'b', createdAt: 2 }),
          false,
          'dup',
        );
      });

      it('secret: at least 128 bits, stable, the same to concurrent first callers', async () => {
        const all = await Promise.all([store.secret(), store.secret(), store.secret()]);
        ok(typeof all[0] === 'string' && all[0].length >= 22, 'a long random string');
        equal(new Set(all).size, 1, 'one value');
        equal(await store.secret(), all[0], 'stable');
      });
    });

    describe('passkeys and ceremonies', () => {
      /** Two accounts the passkeys belong to (a store may enforce the reference). */
      async function owners(): Promise<[string, string]> {
        const producer = accountRecord();
        await store.accounts.create(producer);
        await store.accounts.create(delegateRecord('dlg_1', producer.id, 2_000));
        return [producer.id, 'dlg_1'];
      }

      it('passkeys: round-trip, list per account oldest first, refuse a duplicate id', async () => {
        const [a, b] = await owners();
        const k1 = passkeyRecord('k1', a, 300);
        const k2 = passkeyRecord('k2', a, 100);
        const k3 = passkeyRecord('k3', b, 200);
        for (const k of [k1, k2, k3]) equal(await store.passkeys.create(k), true, `create ${k.id}`);
        equal(await store.passkeys.get('k1'), k1, 'get');
        equal(await store.passkeys.get('nope'), null, 'missing');
        equal(await store.passkeys.create({ ...k1, accountId: b }), false, 'duplicate id');
        equal((await store.passkeys.get('k1'))?.accountId, a, 'the first owner stays');
        equal(
          (await store.passkeys.listForAccount(a)).map((k) => k.id),
          ['k2', 'k1'],
          'oldest first',
        );
        equal(await store.passkeys.listForAccount('nobody'), [], 'none');
        const read = await store.passkeys.get('k1');
        read!.name = 'changed';
        equal((await store.passkeys.get('k1'))?.name, 'Key k1', 'reads are copies');
      });

      it('passkeys: update changes only the given fields; delete; deletePasskeysOf', async () => {
        const [a, b] = await owners();
        await store.passkeys.create(passkeyRecord('k1', a, 100));
        await store.passkeys.create(passkeyRecord('k2', a, 200));
        await store.passkeys.create(passkeyRecord('k3', b, 300));
        await store.passkeys.update('k1', { counter: 7, lastUsedAt: 5_000 });
        await store.passkeys.update('k1', { name: 'Phone' });
        await store.passkeys.update('nope', { name: 'x' });
        equal(
          await store.passkeys.get('k1'),
          { ...passkeyRecord('k1', a, 100), counter: 7, lastUsedAt: 5_000, name: 'Phone' },
          'updated',
        );
        await store.passkeys.delete('k2');
        await store.passkeys.delete('k2');
        equal(await store.passkeys.get('k2'), null, 'deleted');
        await store.passkeys.create(passkeyRecord('k4', a, 400));
        equal(await store.passkeys.deletePasskeysOf(a), 2, 'every passkey of the account');
        equal(await store.passkeys.listForAccount(a), [], 'none left');
        equal((await store.passkeys.get('k3'))?.accountId, b, "another account's kept");
      });

      it('passkeys: one user handle per account, the same to concurrent first callers', async () => {
        const [a, b] = await owners();
        const handles = await Promise.all(
          Array.from({ length: 8 }, (_, i) => store.passkeys.userHandle(a, `candidate-${i}`)),
        );
        equal(new Set(handles).size, 1, `one handle (${show(handles)})`);
        ok(handles[0]!.startsWith('candidate-'), 'a candidate was kept');
        equal(await store.passkeys.userHandle(a, 'later'), handles[0], 'stable');
        equal(await store.passkeys.userHandle(b, 'other'), 'other', 'per account');
        await store.passkeys.create(passkeyRecord('k1', a, 100));
        await store.passkeys.deletePasskeysOf(a);
        equal(await store.passkeys.userHandle(a, 'again'), handles[0], 'kept without passkeys');
      });

      it('ceremonies: round-trip; used once however many race; expiry', async () => {
        const [a] = await owners();
        const reg = ceremonyRecord('C1', { purpose: 'registration', accountId: a });
        await store.ceremonies.create(reg);
        await store.ceremonies.create(ceremonyRecord('C2', { expiresAt: 20_000 }));
        equal(await store.ceremonies.get('C1'), reg, 'get');
        equal(await store.ceremonies.get('nope'), null, 'missing');
        const tally = await Promise.all(
          Array.from({ length: 12 }, () => store.ceremonies.markUsed('C2')),
        );
        equal(tally.filter(Boolean).length, 1, 'one caller uses it');
        equal((await store.ceremonies.get('C2'))?.used, true, 'used');
        equal(await store.ceremonies.markUsed('C2'), false, 'not twice');
        equal(await store.ceremonies.markUsed('nope'), false, 'missing');
        equal(await store.ceremonies.deleteExpired(10_000), 1, 'C1 expired');
        equal(await store.ceremonies.get('C1'), null, 'gone');
        equal((await store.ceremonies.get('C2'))?.used, true, 'C2 kept');
      });
    });

    describe('languages (issue 23)', () => {
      it('accounts: language round-trips and is changed by update; none reads as English', async () => {
        const a = accountRecord({ language: 'es' });
        await store.accounts.create(a);
        equal(await store.accounts.get(a.id), a, 'Spanish round-trips');
        equal((await store.accounts.listByEmail(a.emailKey))[0]?.language, 'es', 'listByEmail');
        await store.accounts.update(a.id, { language: 'en' });
        equal((await store.accounts.get(a.id))?.language, 'en', 'updated');
        equal((await store.accounts.get(a.id))?.username, a.username, 'other fields kept');
        const legacy = accountRecord({ id: 'usr_2', username: 'Legacy1', usernameKey: 'legacy1' });
        delete legacy.language;
        await store.accounts.create(legacy);
        const read = await store.accounts.get('usr_2');
        ok(
          read && (read.language ?? 'en') === 'en',
          `no language reads as English: ${show(read?.language)}`,
        );
      });

      it('pending logins: sampleLang round-trips and is changed by update', async () => {
        const p = pendingRecord('P1', { stage: 'enroll', sampleLang: 'es' });
        await store.pendings.create(p);
        equal(await store.pendings.get('P1'), p, 'Spanish round-trips');
        await store.pendings.update('P1', { stage: 'code-only' });
        equal((await store.pendings.get('P1'))?.sampleLang, 'es', 'another field leaves it');
        await store.pendings.update('P1', { sampleLang: 'en' });
        equal((await store.pendings.get('P1'))?.sampleLang, 'en', 'updated');
      });
    });

    describe('activity, search, deactivation (issue 22)', () => {
      it('accounts: deactivatedAt round-trips, is set and cleared by update', async () => {
        const a = accountRecord();
        await store.accounts.create(a);
        equal(Boolean((await store.accounts.get(a.id))?.deactivatedAt), false, 'active');
        await store.accounts.update(a.id, { deactivatedAt: 5_000 });
        equal((await store.accounts.get(a.id))?.deactivatedAt, 5_000, 'deactivated');
        equal((await store.accounts.get(a.id))?.username, a.username, 'other fields kept');
        await store.accounts.update(a.id, { deactivatedAt: null });
        equal(Boolean((await store.accounts.get(a.id))?.deactivatedAt), false, 'reactivated');
      });

      it('accounts: searchDelegates matches username, email, names, mobile; delegates only', async () => {
        const producer = accountRecord();
        await store.accounts.create(producer);
        const d = (id: string, over: Partial<AccountRecord>) => ({
          ...delegateRecord(id, producer.id, 2_000),
          ...over,
        });
        await store.accounts.create(
          d('d1', { username: 'Zed_1', usernameKey: 'zed_1', firstName: 'Ann', lastName: 'Lee' }),
        );
        await store.accounts.create(
          d('d2', {
            username: 'bob2',
            usernameKey: 'bob2',
            email: 'Bob@Mail.example',
            emailKey: 'bob@mail.example',
            firstName: 'Bob',
            lastName: 'Stone',
            mobile: '+17735550199',
          }),
        );
        const ids = async (needle: string, limit = 20) =>
          (await store.accounts.searchDelegates(needle, limit)).map((a) => a.id);
        equal(await ids('zed'), ['d1'], 'username');
        equal(await ids('mail.ex'), ['d2'], 'email');
        equal(await ids('ann lee'), ['d1'], 'full name');
        equal(await ids('stone'), ['d2'], 'last name');
        equal(await ids('7735550'), ['d2'], 'mobile digits');
        equal(await ids('pat'), [], 'the producer is not a delegate');
        equal(await ids('b_'), [], '_ is literal, not a wildcard');
        equal(await ids('%'), [], '% is literal');
        equal(await ids('e', 1), ['d2'], 'ordered by username key, limited');
      });

      it('devices: countForAccount counts the unexpired devices of one account', async () => {
        await store.devices.create({ digest: 'D1', accountId: 'a', expiresAt: 100 });
        await store.devices.create({ digest: 'D2', accountId: 'a', expiresAt: 300 });
        await store.devices.create({ digest: 'D3', accountId: 'b', expiresAt: 300 });
        equal(await store.devices.countForAccount('a', 50), 2, 'both live');
        equal(await store.devices.countForAccount('a', 100), 1, 'D1 expired at 100');
        equal(await store.devices.countForAccount('c', 0), 0, 'none');
      });

      it('activity: newest first, cursor pages, type filter, retention delete', async () => {
        const producer = accountRecord();
        await store.accounts.create(producer);
        await store.accounts.create(delegateRecord('dlg_1', producer.id, 2_000));
        const a = producer.id;
        const entries = [
          activityRecord('e1', a, 100),
          activityRecord('e2', a, 200, {
            type: 'unlocked',
            actorRole: 'help-desk',
            actorId: 'hd_1',
            actorName: 'Hal Desk',
            reason: 'Caller verified',
          }),
          activityRecord('e3', a, 200, { type: 'code-sent', method: 'sms' }),
          activityRecord('e4', a, 300, { type: 'sign-in-failed', outcome: 'failure' }),
          activityRecord('x1', 'dlg_1', 250),
        ];
        for (const e of entries) await store.activity.add(e);
        equal(
          await store.activity.list(a, null, 10),
          [entries[3], entries[2], entries[1], entries[0]],
          'newest first, ties by id descending, own account only',
        );
        const first = await store.activity.list(a, null, 2);
        equal(
          first.map((e) => e.id),
          ['e4', 'e3'],
          'page 1',
        );
        const last = first[first.length - 1]!;
        const second = await store.activity.list(a, { at: last.at, id: last.id }, 2);
        equal(
          second.map((e) => e.id),
          ['e2', 'e1'],
          'page 2 continues after the cursor',
        );
        equal(
          (await store.activity.list(a, null, 10, ['sign-in', 'unlocked'])).map((e) => e.id),
          ['e2', 'e1'],
          'type filter',
        );
        equal(await store.activity.list(a, null, 10, []), [], 'empty filter');
        equal(await store.activity.deleteBefore(200), 1, 'e1 is older than 200');
        equal(
          (await store.activity.list(a, null, 10)).map((e) => e.id),
          ['e4', 'e3', 'e2'],
          'kept',
        );
        equal((await store.activity.list('dlg_1', null, 10)).length, 1, 'other account kept');
      });
    });

    describe('outbox', () => {
      it('add and count; claim takes due items oldest first, leases them, counts the attempt', async () => {
        equal(await store.outbox.count(), 0, 'empty');
        equal(await store.outbox.claim(10_000, 10, 500), [], 'nothing to claim');
        // Added out of order: claims go by createdAt.
        const items = [
          outboxItem('o3', 3_000),
          outboxItem('o1', 1_000),
          outboxItem('o2', 2_000),
          outboxItem('o4', 4_000, { availableAt: 9_000 }),
        ];
        for (const item of items) await store.outbox.add(item);
        equal(await store.outbox.count(), 4, 'count');
        const first = await store.outbox.claim(5_000, 2, 500);
        equal(
          first,
          [
            { ...items[1]!, availableAt: 5_500, attempts: 1 },
            { ...items[2]!, availableAt: 5_500, attempts: 1 },
          ],
          'the two oldest due, leased until now + leaseMs, one attempt each, payload intact',
        );
        const second = await store.outbox.claim(5_000, 10, 500);
        equal(
          second.map((x) => x.id),
          ['o3'],
          'leased items and items not yet available are not claimed',
        );
        equal(await store.outbox.count(), 4, 'claimed items still count');
        equal(await store.outbox.claim(5_499, 10, 500), [], 'the lease holds until it ends');
        const again = await store.outbox.claim(5_500, 10, 1_000);
        equal(
          again.map((x) => [x.id, x.availableAt, x.attempts]),
          [
            ['o1', 6_500, 2],
            ['o2', 6_500, 2],
            ['o3', 6_500, 2],
          ],
          'an ended lease is claimed again (a worker stopped mid-send): attempts 2',
        );
        equal(await store.outbox.claim(6_499, 10, 100), [], 'nothing due before 6 500');
        equal(
          (await store.outbox.claim(9_000, 10, 100)).map((x) => [x.id, x.attempts, x.createdAt]),
          [
            ['o1', 3, 1_000],
            ['o2', 3, 2_000],
            ['o3', 3, 3_000],
            ['o4', 1, 4_000],
          ],
          'o4 due at its availableAt, after the older ones; createdAt kept',
        );
        const read = (await store.outbox.claim(9_100, 10, 100))[0]!;
        equal(read.id, 'o1', 'oldest first again');
        read.payload.ct = 'mutated';
        const next = await store.outbox.claim(9_200, 1, 100);
        equal(next[0]?.payload, items[1]!.payload, 'claimed items are copies');
      });

      it('reschedule and delete: no-ops for unknown ids', async () => {
        await store.outbox.add(outboxItem('a', 100));
        await store.outbox.add(outboxItem('b', 200));
        equal((await store.outbox.claim(1_000, 10, 60_000)).length, 2, 'both claimed');
        await store.outbox.reschedule('a', 3_000);
        equal(await store.outbox.claim(2_999, 10, 60_000), [], 'not before its new time');
        equal(
          await store.outbox.claim(3_000, 10, 60_000),
          [{ ...outboxItem('a', 100), availableAt: 63_000, attempts: 2 }],
          'rescheduled item claimed at its new time, attempts kept counting',
        );
        await store.outbox.reschedule('nope', 0);
        await store.outbox.delete('nope');
        equal(await store.outbox.count(), 2, 'unknown ids change nothing');
        await store.outbox.delete('a');
        await store.outbox.delete('a');
        equal(await store.outbox.count(), 1, 'a deleted (twice is fine)');
        await store.outbox.reschedule('a', 0);
        equal(await store.outbox.count(), 1, 'rescheduling a deleted item does not revive it');
        await store.outbox.reschedule('b', 0);
        equal(
          (await store.outbox.claim(0, 10, 1)).map((x) => x.id),
          ['b'],
          'only b is left, due again',
        );
        await store.outbox.delete('b');
        equal(await store.outbox.count(), 0, 'empty');
        equal(await store.outbox.claim(1e15, 10, 1), [], 'nothing left to claim');
      });

      it('claim honours its limit', async () => {
        for (let i = 0; i < 5; i += 1) await store.outbox.add(outboxItem(`n${i}`, 100 + i));
        equal((await store.outbox.claim(1_000, 0, 100)).length, 0, 'limit 0');
        equal(
          (await store.outbox.claim(1_000, 3, 100)).map((x) => x.id),
          ['n0', 'n1', 'n2'],
          'limit 3',
        );
        equal(
          (await store.outbox.claim(1_000, 3, 100)).map((x) => x.id),
          ['n3', 'n4'],
          'the rest',
        );
      });

      it('concurrent claims never return the same item', async () => {
        for (let i = 0; i < 12; i += 1) await store.outbox.add(outboxItem(`c${i}`, 1_000 + i));
        const claims = await Promise.all([
          ...Array.from({ length: 6 }, () => store.outbox.claim(5_000, 3, 60_000)),
          ...Array.from({ length: 10 }, () => store.outbox.claim(5_000, 1, 60_000)),
        ]);
        const ids = claims.flat().map((x) => x.id);
        equal(ids.length, new Set(ids).size, `no item claimed twice (${ids.join(' ')})`);
        ok(
          claims.flat().every((x) => x.attempts === 1 && x.availableAt === 65_000),
          'each claimed once',
        );
        const rest = await store.outbox.claim(5_000, 12, 60_000);
        const all = [...ids, ...rest.map((x) => x.id)].sort();
        equal(
          all,
          Array.from({ length: 12 }, (_, i) => `c${i}`).sort(),
          'every item claimed exactly once in all',
        );
        equal(await store.outbox.count(), 12, 'claims delete nothing');
      });
    });

    describe('withLock', () => {
      it('runs callers of one key one at a time, in order, and returns their results', async () => {
        let inside = 0;
        let maxInside = 0;
        const order: number[] = [];
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) =>
            store.withLock('k', async () => {
              inside += 1;
              maxInside = Math.max(maxInside, inside);
              await tick();
              order.push(i);
              inside -= 1;
              return i * 10;
            }),
          ),
        );
        equal(maxInside, 1, 'never two inside');
        equal(order, [0, 1, 2, 3, 4, 5, 6, 7], 'FIFO');
        equal(results, [0, 10, 20, 30, 40, 50, 60, 70], 'results');
      });

      it('lets different keys run at the same time, and releases after a failure', async () => {
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        const a = store.withLock('a', () => gate);
        let bRan = false;
        await store.withLock('b', async () => void (bRan = true));
        equal(bRan, true, 'b did not wait for a');
        release();
        await a;
        let error: unknown;
        try {
          await store.withLock('a', async () => {
            throw new Error('boom');
          });
        } catch (e) {
          error = e;
        }
        ok(error instanceof Error && error.message === 'boom', 'the failure propagates');
        equal(await store.withLock('a', async () => 'free'), 'free', 'released after failure');
      });

      it('makes read-modify-write safe: 30 concurrent increments', async () => {
        await store.guards.put('counter', { failures: 0, lockedUntil: null });
        await Promise.all(
          Array.from({ length: 30 }, () =>
            store.withLock('guard:counter', async () => {
              const g = (await store.guards.get('counter'))!;
              await tick();
              await store.guards.put('counter', { ...g, failures: g.failures + 1 });
            }),
          ),
        );
        equal((await store.guards.get('counter'))?.failures, 30, 'no lost update');
      });
    });

    describe('engine rules under concurrent requests', () => {
      it('20 parallel wrong passwords for an unknown username lock at exactly the 5th', async () => {
        const { engine, ctx } = await engineOver(store);
        const tally = await outcomes(
          Array.from({ length: 20 }, () =>
            engine.login(ctx(), { username: 'nobodyhere', password: 'Wrong-Password-1!' }),
          ),
        );
        equal(tally, { ACCOUNT_LOCKED: 16, INVALID_CREDENTIALS: 4 }, 'outcomes');
        const key = await tokenDigest('login:nobodyhere');
        equal((await store.guards.get(key))?.failures, 5, 'counted exactly 5');
      });

      it('20 parallel wrong passwords for a real account: locked, one unlocksAt, then locked for the right one', async () => {
        const w = await engineOver(store);
        const input = await activeDelegate(w);
        const errors = await Promise.allSettled(
          Array.from({ length: 20 }, () =>
            w.engine.login(w.ctx(), { username: input.username, password: 'Wrong-Password-1!' }),
          ),
        );
        const locked = errors
          .map((r) => (r.status === 'rejected' ? (r.reason as AdapterError) : null))
          .filter((e): e is AdapterError => e?.code === 'ACCOUNT_LOCKED');
        equal(locked.length, 16, 'locked answers');
        equal(
          new Set(locked.map((e) => (e.data as { unlocksAt: number }).unlocksAt)).size,
          1,
          'one unlocksAt (not extended)',
        );
        await rejects(
          w.engine.login(w.ctx(), { username: input.username, password: PASSWORD }),
          'ACCOUNT_LOCKED',
          'right password while locked',
        );
        w.clock.advance(AUTH_LIMITS.lockDuration);
        const r = await w.engine.login(w.ctx(), { username: input.username, password: PASSWORD });
        equal(r.status, 'verification-required', 'after the lock');
      });

      it('a confirmation link works once, however many requests race for it', async () => {
        const w = await engineOver(store);
        await w.engine.admin.createProducer(PRODUCER);
        const producer = w.ctx();
        await w.engine.admin.signIn(producer, PRODUCER.username);
        const input = uniqueDelegateInput();
        await w.engine.addDelegate(producer, input);
        const token = latestLinkToken(w.outbox, input.email);
        const tally = await outcomes(
          Array.from({ length: 10 }, () => w.engine.confirmEmail(w.ctx(), { token })),
        );
        equal(tally, { LINK_USED: 9, ok: 1 }, 'outcomes');
      });

      it('a flow code verifies once; parallel wrong codes void it at exactly the 5th', async () => {
        const w = await engineOver(store);
        const input = await activeDelegate(w);
        const flow = await w.engine.findAccount(w.ctx(), {
          username: input.username,
          purpose: 'reset',
        });
        await w.engine.sendCode(w.ctx(), { flowId: flow.flowId, channel: 'email' });
        const right = latestCode(w.outbox, 'email', input.email);
        const tally = await outcomes(
          Array.from({ length: 10 }, () =>
            w.engine.verifyCode(w.ctx(), { flowId: flow.flowId, code: right }),
          ),
        );
        equal(tally, { CODE_EXPIRED: 9, ok: 1 }, 'right code raced');

        const second = await w.engine.findAccount(w.ctx(), {
          username: input.username,
          purpose: 'reset',
        });
        await w.engine.sendCode(w.ctx(), { flowId: second.flowId, channel: 'sms' });
        const sms = latestCode(w.outbox, 'sms');
        const wrong = sms === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA';
        const wrongs = await outcomes(
          Array.from({ length: 10 }, () =>
            w.engine.verifyCode(w.ctx(), { flowId: second.flowId, code: wrong }),
          ),
        );
        equal(wrongs, { CODE_ATTEMPTS_EXCEEDED: 6, CODE_INVALID: 4 }, 'wrong codes raced');
        await rejects(
          w.engine.verifyCode(w.ctx(), { flowId: second.flowId, code: sms }),
          'CODE_ATTEMPTS_EXCEEDED',
          'right code after the limit',
        );
      });

      it('parallel sends on one flow: one code goes out, the rest are throttled', async () => {
        const w = await engineOver(store);
        const input = await activeDelegate(w);
        const flow = await w.engine.findAccount(w.ctx(), {
          username: input.username,
          purpose: 'reset',
        });
        const before = w.outbox.length;
        const tally = await outcomes(
          Array.from({ length: 10 }, () =>
            w.engine.sendCode(w.ctx(), { flowId: flow.flowId, channel: 'email' }),
          ),
        );
        equal(tally, { RATE_LIMITED: 9, ok: 1 }, 'outcomes');
        equal(w.outbox.length - before, 1, 'one message');
      });

      it('a verified flow sets one password, however many requests race', async () => {
        const w = await engineOver(store);
        const input = await activeDelegate(w);
        const flow = await w.engine.findAccount(w.ctx(), {
          username: input.username,
          purpose: 'reset',
        });
        await w.engine.sendCode(w.ctx(), { flowId: flow.flowId, channel: 'email' });
        await w.engine.verifyCode(w.ctx(), {
          flowId: flow.flowId,
          code: latestCode(w.outbox, 'email', input.email),
        });
        const tally = await outcomes(
          [NEW_PASSWORD, 'Other-Secret-Pass-9!', 'Third-Secret-Pass-8!'].map((password) =>
            w.engine.setPassword(w.ctx(), { flowId: flow.flowId, password }),
          ),
        );
        equal(tally, { FLOW_EXPIRED: 2, ok: 1 }, 'outcomes');
        const account = await store.accounts.getByUsername(input.username.toLowerCase());
        equal(account?.passwordHistory.length, 2, 'one new password in the history');
      });

      it('a login code starts one session, however many requests race', async () => {
        const w = await engineOver(store);
        const input = await activeDelegate(w);
        const r = await w.engine.login(w.ctx(), { username: input.username, password: PASSWORD });
        ok(r.status === 'verification-required', 'verification required');
        const { pendingId } = r.pending;
        await rejects(
          w.engine.sendVerificationCode(w.ctx(), { pendingId, channel: 'email' }),
          'FORBIDDEN',
          'codes before enrolling',
        );
        const samples = typingSamplesFor(r.pending.sampleText).enroll;
        await w.engine.enrollTypingPattern(w.ctx(), { pendingId, samples });
        await w.engine.sendVerificationCode(w.ctx(), { pendingId, channel: 'email' });
        const c = latestCode(w.outbox, 'email', input.email);
        const contexts = Array.from({ length: 8 }, () => w.ctx());
        const tally = await outcomes(
          contexts.map((ctx) =>
            w.engine.verifyAccountCode(ctx, { pendingId, code: c, rememberDevice: true }),
          ),
        );
        equal(tally.ok, 1, `one success (${show(tally)})`);
        equal(contexts.filter((x) => x.sessionToken !== null).length, 1, 'one session token');
      });

      it('username uniqueness holds when delegates are created in parallel', async () => {
        const w = await engineOver(store);
        await w.engine.admin.createProducer(PRODUCER);
        const input = uniqueDelegateInput();
        const tally = await outcomes(
          Array.from({ length: 6 }, () =>
            w.engine.admin.createDelegate({ ...input, producer: PRODUCER.username }),
          ),
        );
        equal(tally, { USERNAME_TAKEN: 5, ok: 1 }, 'outcomes');
      });
    });

    describe('engine sessions over the store', () => {
      it('many users signed in at once, each by its own token; logout ends only its own', async () => {
        const w = await engineOver(store);
        const one = await activeDelegate(w);
        const two = await activeDelegate(w);
        const a = w.ctx();
        const b = w.ctx();
        const p = w.ctx();
        await w.engine.admin.signIn(a, one.username);
        await w.engine.admin.signIn(b, two.username);
        await w.engine.admin.signIn(p, PRODUCER.username);
        ok(a.sessionToken && b.sessionToken && a.sessionToken !== b.sessionToken, 'two tokens');
        equal((await w.engine.getSession(a))?.user.username, one.username, 'a is one');
        equal((await w.engine.getSession(b))?.user.username, two.username, 'b is two');
        equal((await w.engine.getSession(p))?.user.role, 'producer', 'p is the producer');
        await w.engine.logout(a);
        equal(a.sessionToken, null, 'a cleared');
        equal(await w.engine.getSession(a), null, 'a signed out');
        equal((await w.engine.getSession(b))?.user.username, two.username, 'b still in');
        equal((await w.engine.listDelegates(p)).length, 2, 'producer still in');
      });

      it('a new sign-in replaces the caller’s previous session; sessions expire', async () => {
        const w = await engineOver(store);
        const one = await activeDelegate(w);
        const ctx = w.ctx();
        await w.engine.admin.signIn(ctx, one.username);
        const first = ctx.sessionToken!;
        await w.engine.admin.signIn(ctx, PRODUCER.username);
        ok(ctx.sessionToken !== first, 'new token');
        equal(await store.sessions.get(await tokenDigest(first)), null, 'old session ended');
        equal(await w.engine.getSession({ sessionToken: first }), null, 'old token is dead');
        w.clock.advance(AUTH_LIMITS.sessionTtl);
        equal(await w.engine.getSession(ctx), null, 'expired after 8 hours');
        equal(ctx.sessionToken, null, 'expired token cleared');
      });

      it('a password change ends every session of that account and revokes its devices', async () => {
        const w = await engineOver(store);
        const one = await activeDelegate(w);
        const other = await activeDelegate(w);
        const tabs = [w.ctx(), w.ctx()];
        for (const t of tabs) await w.engine.admin.signIn(t, one.username);
        const bystander = w.ctx();
        await w.engine.admin.signIn(bystander, other.username);
        const account = (await store.accounts.getByUsername(one.username.toLowerCase()))!;
        await store.devices.create({
          digest: await tokenDigest('device-1'),
          accountId: account.id,
          expiresAt: w.clock.now() + HOUR,
        });
        const flow = await w.engine.findAccount(tabs[0]!, {
          username: one.username,
          purpose: 'reset',
        });
        await w.engine.sendCode(tabs[0]!, { flowId: flow.flowId, channel: 'email' });
        await w.engine.verifyCode(tabs[0]!, {
          flowId: flow.flowId,
          code: latestCode(w.outbox, 'email', one.email),
        });
        w.clock.advance(MINUTE);
        await w.engine.setPassword(tabs[0]!, { flowId: flow.flowId, password: NEW_PASSWORD });
        equal(tabs[0]!.sessionToken, null, 'the caller’s own token cleared');
        equal(await w.engine.getSession(tabs[1]!), null, 'the other tab is signed out');
        equal(
          (await w.engine.getSession(bystander))?.user.username,
          other.username,
          'another account is untouched',
        );
        equal(await store.devices.get(await tokenDigest('device-1')), null, 'device revoked');
      });
    });

    describe('engine activity and deactivation over the store', () => {
      it('records sign-ins and failures (never a secret), pages them, purges after retention', async () => {
        const w = await engineOver(store, { activityRetention: 30 * 24 * HOUR });
        const one = await activeDelegate(w);
        await rejects(
          w.engine.login(w.ctx(), { username: one.username, password: 'Wrong-Password-9!' }),
          'INVALID_CREDENTIALS',
          'wrong password',
        );
        w.clock.advance(MINUTE);
        await rejects(
          w.engine.login(w.ctx(), { username: one.username, password: 'Wrong-Password-8!' }),
          'INVALID_CREDENTIALS',
          'second wrong password',
        );
        const ctx = w.ctx();
        await w.engine.admin.signIn(ctx, one.username);
        w.clock.advance(MINUTE);
        const page = await w.engine.listMyActivity(ctx, { limit: 1 });
        equal(
          page.entries.map((e) => e.type),
          ['sign-in-failed'],
          'the failure',
        );
        ok(page.nextCursor, 'more');
        const next = await w.engine.listMyActivity(ctx, { cursor: page.nextCursor, limit: 5 });
        equal(
          next.entries.map((e) => e.type),
          ['sign-in-failed'],
          'the older failure',
        );
        equal(next.nextCursor, null, 'no more');
        ok(next.entries[0]!.at < page.entries[0]!.at, 'older');
        const text = JSON.stringify(
          await store.activity.list(
            (await store.accounts.getByUsername(one.username.toLowerCase()))!.id,
            null,
            50,
          ),
        );
        ok(!text.includes('Wrong-Password') && !text.includes(PASSWORD), 'no password stored');
        w.clock.advance(31 * 24 * HOUR);
        await w.engine.admin.signIn(ctx, one.username);
        equal((await w.engine.listMyActivity(ctx)).entries, [], 'purged after the retention');
      });

      it('a deactivated delegate: no sign-in, Find Account as for a missing one; reactivation restores', async () => {
        const w = await engineOver(store);
        const one = await activeDelegate(w);
        const producer = w.ctx();
        await w.engine.admin.signIn(producer, PRODUCER.username);
        const mine = w.ctx();
        await w.engine.admin.signIn(mine, one.username);
        const [summary] = await w.engine.listDelegates(producer);
        const off = await w.engine.setDelegateActive(producer, {
          delegateId: summary!.id,
          active: false,
        });
        equal(off.status, 'deactivated', 'status');
        equal(await w.engine.getSession(mine), null, 'their session ended');
        await rejects(
          w.engine.login(w.ctx(), { username: one.username, password: PASSWORD }),
          'ACCOUNT_DEACTIVATED',
          'right password',
        );
        await rejects(
          w.engine.login(w.ctx(), { username: one.username, password: 'Wrong-Password-9!' }),
          'INVALID_CREDENTIALS',
          'wrong password says nothing more',
        );
        const sent = w.outbox.length;
        const flow = await w.engine.findAccount(w.ctx(), {
          username: one.username,
          purpose: 'reset',
        });
        // The real mask ends `@e•••.com` (example.com); placeholders are webmail domains.
        ok(!flow.destinations.some((d) => d.masked.includes('@e')), 'placeholder destinations');
        await w.engine.sendCode(w.ctx(), { flowId: flow.flowId, channel: 'email' });
        equal(w.outbox.length, sent, 'no code goes out');
        const on = await w.engine.setDelegateActive(producer, {
          delegateId: summary!.id,
          active: true,
        });
        equal(on.status, 'active', 'reactivated');
        const result = await w.engine.login(w.ctx(), {
          username: one.username,
          password: PASSWORD,
        });
        equal(result.status, 'verification-required', 'signs in again');
      });
    });
  });
}
