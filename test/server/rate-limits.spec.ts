/**
 * The server's request rate limits (server/security/rate-limits.ts) on each backend: a budget
 * per client address and per account, refused RATE_LIMITED with `retryAfter` on the engine's
 * clock; on PostgreSQL one budget shared by two instances (two pools on one schema). The HTTP
 * replay (429 + Retry-After) is in rate-limits-http.spec.ts.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AdapterError } from '../../src/adapter/errors.js';
import { ManualClock } from '../../src/core/clock.js';
import {
  DEFAULT_RATE_LIMITS,
  RateLimits,
  rateLimitTable,
  type RateLimitBackend,
} from '../../server/security/rate-limits.js';
import { SqliteStore } from '../../server/store/sqlite-store.js';
import { PostgresStore } from '../../server/store/postgres/postgres-store.js';
import { dropSchema, freshSchemaName, testPostgresOrSkip } from './postgres-support.js';

async function outcome(p: Promise<void>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return err instanceof AdapterError ? err.code : `unexpected: ${String(err)}`;
  }
}

test('the defaults: every window at most 15 minutes, two budgets per operation', () => {
  assert.deepEqual(Object.keys(DEFAULT_RATE_LIMITS).sort(), [
    'find-account',
    'forgot-username',
    'login',
    'passkey-options',
    'passkey-sign-in',
    'send-code',
    'verify-code',
  ]);
  for (const [op, scopes] of Object.entries(DEFAULT_RATE_LIMITS)) {
    for (const budget of [scopes.client, scopes.account]) {
      assert.ok(budget.windowMs <= 15 * 60_000, op);
      assert.ok(budget.points >= 5, op);
    }
  }
  assert.deepEqual(DEFAULT_RATE_LIMITS.login, {
    client: { points: 30, windowMs: 5 * 60_000 },
    account: { points: 20, windowMs: 15 * 60_000 },
  });
  assert.deepEqual(DEFAULT_RATE_LIMITS['forgot-username'].account, {
    points: 5,
    windowMs: 15 * 60_000,
  });
});

test('overrides change counts, keep windows, and are validated', () => {
  const t = rateLimitTable({ login: { account: 2 } });
  assert.deepEqual(t.login.account, { points: 2, windowMs: 15 * 60_000 });
  assert.deepEqual(t.login.client, DEFAULT_RATE_LIMITS.login.client);
  assert.equal(DEFAULT_RATE_LIMITS.login.account.points, 20, 'defaults untouched');
  assert.throws(() => rateLimitTable({ login: { account: 0 } }), /integer ≥ 1/);
  assert.throws(() => rateLimitTable({ nope: { account: 1 } } as never), /unknown operation/);
  assert.throws(() => rateLimitTable({ login: { other: 1 } } as never), /unknown scope/);
});

/** The same behaviour on every backend. */
function behaviour(
  name: string,
  open: () => Promise<{ backend: RateLimitBackend; done(): Promise<void> }>,
) {
  describe(name, () => {
    test('per account: refused after the budget whatever the client; retryAfter on the engine clock', async () => {
      const { backend, done } = await open();
      const clock = new ManualClock(5_000_000);
      const limits = new RateLimits(backend, {
        clock,
        table: rateLimitTable({ login: { account: 3, client: 100 } }),
      });
      try {
        const results: string[] = [];
        for (let i = 0; i < 5; i++) {
          results.push(
            await outcome(limits.consume('login', { client: `10.0.0.${i}`, account: 'acct-A' })),
          );
        }
        assert.deepEqual(results, ['ok', 'ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED']);
        const err = await limits
          .consume('login', { client: '10.9.9.9', account: 'acct-A' })
          .catch((e) => e);
        assert.ok(err instanceof AdapterError);
        const wait = (err.data as { retryAfter: number }).retryAfter - clock.now();
        assert.ok(wait > 14 * 60_000 && wait <= 15 * 60_000, `retry in ${wait} ms`);
        // Another account, another operation: their own budgets.
        assert.equal(
          await outcome(limits.consume('login', { client: '10.0.0.1', account: 'acct-B' })),
          'ok',
        );
        assert.equal(
          await outcome(limits.consume('find-account', { client: '10.0.0.1', account: 'acct-A' })),
          'ok',
        );
      } finally {
        limits.close();
        await done();
      }
    });

    test('per client: refused after the budget whatever the account; a missing key counts nothing', async () => {
      const { backend, done } = await open();
      const limits = new RateLimits(backend, {
        clock: new ManualClock(0),
        table: rateLimitTable({ 'send-code': { client: 2, account: 100 } }),
      });
      try {
        const results: string[] = [];
        for (let i = 0; i < 4; i++) {
          results.push(
            await outcome(limits.consume('send-code', { client: '192.0.2.7', account: `a${i}` })),
          );
        }
        assert.deepEqual(results, ['ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED']);
        assert.equal(
          await outcome(limits.consume('send-code', { client: '192.0.2.8', account: 'a9' })),
          'ok',
        );
        // No client address known: only the account budget applies.
        for (let i = 0; i < 5; i++) {
          assert.equal(
            await outcome(limits.consume('send-code', { client: null, account: 'a8' })),
            'ok',
          );
        }
        assert.equal(
          await outcome(limits.consume('send-code', { client: null, account: null })),
          'ok',
        );
      } finally {
        limits.close();
        await done();
      }
    });
  });
}

behaviour('memory', async () => ({ backend: { kind: 'memory' }, done: async () => {} }));

behaviour('SQLite (the rate_limits table of the store)', async () => {
  const store = new SqliteStore({ path: ':memory:' });
  return { backend: { kind: 'sqlite', db: store.db }, done: async () => store.close() };
});

test('SQLite: the counters are rows of the database (they survive a restart)', async () => {
  const store = new SqliteStore({ path: ':memory:' });
  const table = rateLimitTable({ 'forgot-username': { account: 1 } });
  const first = new RateLimits(
    { kind: 'sqlite', db: store.db },
    { clock: new ManualClock(0), table },
  );
  assert.equal(
    await outcome(first.consume('forgot-username', { client: null, account: 'x' })),
    'ok',
  );
  first.close();
  // A new limiter on the same database (a restarted server) still counts that request.
  const second = new RateLimits(
    { kind: 'sqlite', db: store.db },
    { clock: new ManualClock(0), table },
  );
  assert.equal(
    await outcome(second.consume('forgot-username', { client: null, account: 'x' })),
    'RATE_LIMITED',
  );
  const rows = store.db.prepare('SELECT key FROM rate_limits ORDER BY key').all() as {
    key: string;
  }[];
  assert.deepEqual(
    rows.map((r) => r.key),
    ['forgot-username:account:x'],
  );
  second.close();
  store.close();
});

const { postgres, skip } = await testPostgresOrSkip();
after(async () => {
  await postgres?.stop();
});

describe('PostgreSQL', { skip }, () => {
  let schema: string;
  let a: PostgresStore;
  let b: PostgresStore;
  before(async () => {
    if (!postgres) return;
    schema = freshSchemaName('rl');
    a = await PostgresStore.open({ connectionString: postgres.url, schema });
    b = await PostgresStore.open({ connectionString: postgres.url, schema });
  });
  after(async () => {
    await a?.close();
    await b?.close();
    if (postgres) await dropSchema(postgres.url, schema);
  });

  test('one budget shared by two instances (two pools on one schema), also under a race', async () => {
    const table = rateLimitTable({ 'verify-code': { account: 6, client: 1000 } });
    const onA = new RateLimits(
      { kind: 'postgres', pool: a.pool, schema },
      { clock: new ManualClock(0), table },
    );
    const onB = new RateLimits(
      { kind: 'postgres', pool: b.pool, schema },
      { clock: new ManualClock(0), table },
    );
    try {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          outcome(
            (i % 2 ? onA : onB).consume('verify-code', {
              client: `10.1.0.${i}`,
              account: 'shared',
            }),
          ),
        ),
      );
      assert.equal(results.filter((r) => r === 'ok').length, 6, results.join());
      assert.equal(results.filter((r) => r === 'RATE_LIMITED').length, 4, results.join());
    } finally {
      onA.close();
      onB.close();
    }
  });

  behaviour('PostgreSQL backend', async () => ({
    backend: { kind: 'postgres', pool: a.pool, schema },
    done: async () => {
      await a.pool.query(`DELETE FROM "${schema}".rate_limits`);
    },
  }));
});
