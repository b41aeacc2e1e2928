/**
 * Two instances, one database: two {@link AuthEngine}s, each over its own {@link PostgresStore}
 * (its own pool — two "nodes" behind a load balancer) on the same schema. Requests are spread
 * over both nodes and must obey the rules as if there were one: lockout at exactly the 5th wrong
 * password, a link or code usable once, a session started on one node valid on the other.
 *
 * Reads of login guards, links, flows and pending logins are slowed down (a few ms after each read) so that the
 * read-modify-write windows of the two nodes overlap for sure. The last block is the negative
 * control: the same scenarios with each node's `withLock` replaced by an in-process mutex (what
 * the SQLite server uses) break the rules — proof that these tests can fail, and that the lock
 * must live in the shared database.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it, test } from 'node:test';
import { ManualClock } from '../../src/core/clock.js';
import { tokenDigest } from '../../src/core/hash.js';
import { AdapterError } from '../../src/adapter/errors.js';
import {
  AUTH_LIMITS,
  AuthEngine,
  KeyedMutex,
  Pbkdf2Hasher,
  type AuthStore,
  type RequestContext,
  uniqueDelegateInput,
} from '../../src/adapter/engine/index.js';
import { OutboxWorker } from '../../src/adapter/engine/outbox-worker.js';
import { Keyring } from '../../src/adapter/engine/sealing.js';
import { latestCode, latestLinkToken } from '../../src/adapter/memory/outbox.js';
import { typingSamplesFor } from '../../src/adapter/memory/typist.js';
import type { DelegateInput, OutboxMessage } from '../../src/adapter/types.js';
import { PostgresStore } from '../../server/store/postgres/postgres-store.js';
import {
  dropSchema,
  freshSchemaName,
  mustRun,
  postgresUnavailable,
  startTestPostgres,
  type TestPostgres,
} from './postgres-support.js';

const missing = postgresUnavailable();

const PRODUCER = {
  username: 'multiprod',
  password: 'Prod-Secret-2026!',
  firstName: 'Pat',
  lastName: 'Morgan',
  email: 'pat.morgan@agency.example',
  mobile: '(312) 555-0100',
  states: ['IL', 'TX'] as DelegateInput['states'],
  producerId: 'P-100200',
};
const PASSWORD = 'Blue-Sky-Quote-42!';
const WRONG = 'Wrong-Password-1!';
const READ_DELAY_MS = 25;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const ctx = (): RequestContext => ({ sessionToken: null });

/**
 * A view of `store` whose guard, link, flow and pending-login reads take READ_DELAY_MS longer (widening the race
 * window), and whose lock is either the store's own (shared, PostgreSQL) or an in-process mutex.
 */
function node(store: PostgresStore, lock: 'shared' | 'in-process'): AuthStore {
  const mutex = new KeyedMutex();
  const slow =
    <K, R>(read: (key: K) => Promise<R>) =>
    async (key: K): Promise<R> => {
      const value = await read(key);
      await sleep(READ_DELAY_MS);
      return value;
    };
  return {
    accounts: store.accounts,
    links: { ...store.links, get: slow(store.links.get) },
    flows: { ...store.flows, get: slow(store.flows.get) },
    pendings: { ...store.pendings, get: slow(store.pendings.get) },
    devices: store.devices,
    guards: { ...store.guards, get: slow(store.guards.get) },
    throttles: store.throttles,
    sessions: store.sessions,
    tickets: store.tickets,
    outbox: store.outbox,
    passkeys: store.passkeys,
    ceremonies: store.ceremonies,
    activity: store.activity,
    secret: () => store.secret(),
    withLock: lock === 'shared' ? (key, fn) => store.withLock(key, fn) : mutex.withLock.bind(mutex),
  };
}

interface Cluster {
  a: AuthEngine;
  b: AuthEngine;
  /** Node i % 2: spreads requests over both, like a round-robin balancer. */
  at(i: number): AuthEngine;
  clock: ManualClock;
  outbox: OutboxMessage[];
  /** Send what both nodes queued (one shared outbox table) into `outbox`. */
  drain(): Promise<void>;
  stores: PostgresStore[];
}

/** The producer plus an active delegate (email confirmed, password set), created on node A. */
async function activeDelegate(c: Cluster): Promise<DelegateInput> {
  if (!(await c.a.admin.hasAccount(PRODUCER.username))) await c.a.admin.createProducer(PRODUCER);
  const input = uniqueDelegateInput();
  await c.a.admin.createDelegate({ ...input, producer: PRODUCER.username, password: PASSWORD });
  return input;
}

/** 20 parallel wrong passwords for one username, alternating between the nodes. */
function wrongPasswords(c: Cluster, username: string) {
  return Promise.allSettled(
    Array.from({ length: 20 }, (_, i) => c.at(i).login(ctx(), { username, password: WRONG })),
  );
}

/** Tally settled outcomes as `ok` or the AdapterError code. */
function tallyOf(settled: PromiseSettledResult<unknown>[]): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const r of settled) {
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

/** Settle every promise and tally the outcomes. */
async function outcomes(promises: Promise<unknown>[]): Promise<Record<string, number>> {
  return tallyOf(await Promise.allSettled(promises));
}

/** A producer signed in on node A adds a delegate; 10 confirmations of its link race. */
async function raceLink(c: Cluster): Promise<Record<string, number>> {
  await c.a.admin.createProducer(PRODUCER);
  const producer = ctx();
  await c.a.admin.signIn(producer, PRODUCER.username);
  const input = uniqueDelegateInput();
  await c.a.addDelegate(producer, input);
  await c.drain();
  const token = latestLinkToken(c.outbox, input.email);
  return outcomes(Array.from({ length: 10 }, (_, i) => c.at(i).confirmEmail(ctx(), { token })));
}

/** A login (node A), enrollment (B), code sent (A); 8 verifications of the code race. */
async function raceLoginCode(c: Cluster) {
  const input = await activeDelegate(c);
  const r = await c.a.login(ctx(), { username: input.username, password: PASSWORD });
  if (r.status !== 'verification-required') throw new Error(`unexpected ${r.status}`);
  const { pendingId } = r.pending;
  const samples = typingSamplesFor(r.pending.sampleText).enroll;
  await c.b.enrollTypingPattern(ctx(), { pendingId, samples });
  await c.a.sendVerificationCode(ctx(), { pendingId, channel: 'sms' });
  await c.drain();
  const code = latestCode(c.outbox, 'sms');
  const contexts = Array.from({ length: 8 }, ctx);
  const tally = await outcomes(
    contexts.map((x, i) =>
      c.at(i).verifyAccountCode(x, { pendingId, code, rememberDevice: false }),
    ),
  );
  return { tally, sessions: contexts.filter((x) => x.sessionToken !== null).length };
}

if (missing && !mustRun) {
  test('PostgreSQL multi-instance', { skip: missing }, () => {});
} else {
  let server: TestPostgres;
  before(async () => {
    if (missing) throw new Error(`CI=true: ${missing}`);
    server = await startTestPostgres();
  });
  after(async () => {
    await server?.stop();
  });

  let schema: string;
  let stores: PostgresStore[] = [];
  afterEach(async () => {
    await Promise.all(stores.map((s) => s.close()));
    stores = [];
    await dropSchema(server.url, schema);
  });

  /** Two nodes (two pools) on one fresh schema, one clock, one outbox. */
  async function cluster(lock: 'shared' | 'in-process'): Promise<Cluster> {
    schema = freshSchemaName('multi');
    stores = await Promise.all(
      [0, 1].map(() => PostgresStore.open({ connectionString: server.url, schema, poolSize: 5 })),
    );
    const clock = new ManualClock();
    const outbox: OutboxMessage[] = [];
    // One sealing key for both nodes (a deployment gives every instance the same TYPING_KEYS).
    const sealer = await Keyring.fromSpecs([Keyring.newKeySpec('multi')]);
    const engine = (store: PostgresStore) =>
      new AuthEngine({
        store: node(store, lock),
        clock,
        sealer,
        hasher: new Pbkdf2Hasher(1000),
        confirmLinkUrl: (token) =>
          `https://portal.example/#/verify?token=${encodeURIComponent(token)}`,
      });
    const a = engine(stores[0]!);
    const b = engine(stores[1]!);
    const worker = new OutboxWorker({
      store: stores[0]!,
      sealer,
      clock,
      sender: {
        send: async (m) => void outbox.push({ id: `m${outbox.length}`, sentAt: clock.now(), ...m }),
      },
    });
    const drain = async () => void (await worker.drain());
    return { a, b, at: (i) => (i % 2 === 0 ? a : b), clock, outbox, drain, stores };
  }

  describe('two instances on one PostgreSQL database', () => {
    let c: Cluster;
    beforeEach(async () => {
      c = await cluster('shared');
    });

    it('20 parallel wrong passwords spread over both nodes lock at exactly the 5th', async () => {
      const input = await activeDelegate(c);
      const settled = await wrongPasswords(c, input.username);
      assert.deepEqual(tallyOf(settled), { ACCOUNT_LOCKED: 16, INVALID_CREDENTIALS: 4 });
      const unlocks = new Set(
        settled.map((r) =>
          r.status === 'rejected' && (r.reason as AdapterError).code === 'ACCOUNT_LOCKED'
            ? (r.reason as AdapterError<'ACCOUNT_LOCKED'>).data.unlocksAt
            : null,
        ),
      );
      unlocks.delete(null);
      assert.equal(unlocks.size, 1, 'one unlocksAt, not extended by later attempts');
      const key = await tokenDigest(`login:${input.username.toLowerCase()}`);
      assert.deepEqual(await c.stores[1]!.guards.get(key), {
        failures: 5,
        lockedUntil: [...unlocks][0],
      });
      // Locked on both nodes, also for the right password; free on both after the lock.
      for (const e of [c.a, c.b]) {
        await assert.rejects(e.login(ctx(), { username: input.username, password: PASSWORD }), {
          code: 'ACCOUNT_LOCKED',
        });
      }
      c.clock.advance(AUTH_LIMITS.lockDuration);
      const r = await c.b.login(ctx(), { username: input.username, password: PASSWORD });
      assert.equal(r.status, 'verification-required');
    });

    it('20 parallel wrong passwords for an unknown username lock it the same way', async () => {
      const settled = await wrongPasswords(c, 'nobodyhere');
      assert.deepEqual(tallyOf(settled), { ACCOUNT_LOCKED: 16, INVALID_CREDENTIALS: 4 });
    });

    it('an email link confirmed in parallel on both nodes succeeds once', async () => {
      assert.deepEqual(await raceLink(c), { LINK_USED: 9, ok: 1 });
    });

    it('a session created on node A is valid on node B, and a logout on B ends it on A', async () => {
      const input = await activeDelegate(c);
      const browser = ctx();
      await c.a.admin.signIn(browser, input.username);
      assert.ok(browser.sessionToken);
      assert.equal((await c.b.getSession(browser))?.user.username, input.username);
      const producer = ctx();
      await c.b.admin.signIn(producer, PRODUCER.username);
      assert.deepEqual(
        (await c.a.listDelegates(producer)).map((d) => d.username),
        [input.username],
      );
      await c.b.logout(browser);
      assert.equal(browser.sessionToken, null);
      assert.equal(await c.a.getSession({ sessionToken: browser.sessionToken }), null);
    });

    it('a code verified on node A cannot be reused on node B; the flow continues on B', async () => {
      const input = await activeDelegate(c);
      const flow = await c.a.findAccount(ctx(), { username: input.username, purpose: 'reset' });
      await c.b.sendCode(ctx(), { flowId: flow.flowId, channel: 'email' });
      await c.drain();
      const code = latestCode(c.outbox, 'email', input.email);
      await c.a.verifyCode(ctx(), { flowId: flow.flowId, code });
      await assert.rejects(c.b.verifyCode(ctx(), { flowId: flow.flowId, code }), {
        code: 'CODE_EXPIRED',
      });
      await c.b.setPassword(ctx(), { flowId: flow.flowId, password: 'Green-Field-Plan-77?' });
      await assert.rejects(
        c.a.setPassword(ctx(), { flowId: flow.flowId, password: 'Other-Secret-Pass-9!' }),
        { code: 'FLOW_EXPIRED' },
      );
    });

    it('a login code raced on both nodes starts exactly one session', async () => {
      const { tally, sessions } = await raceLoginCode(c);
      assert.equal(tally['ok'], 1, JSON.stringify(tally));
      assert.equal(sessions, 1);
    });
  });

  describe('negative control: the same nodes with in-process locks only', () => {
    let c: Cluster;
    beforeEach(async () => {
      c = await cluster('in-process');
    });

    it('lose lockout counts: more than 4 wrong passwords pass before the lock', async () => {
      const input = await activeDelegate(c);
      const tally = tallyOf(await wrongPasswords(c, input.username));
      assert.ok((tally['INVALID_CREDENTIALS'] ?? 0) > 4, JSON.stringify(tally));
    });

    it('confirm one email link twice', async () => {
      const tally = await raceLink(c);
      assert.ok((tally['ok'] ?? 0) > 1, JSON.stringify(tally));
    });

    it('start two sessions from one login code', async () => {
      const { tally, sessions } = await raceLoginCode(c);
      assert.ok(sessions > 1, JSON.stringify(tally));
    });
  });
}
