/**
 * The PostgreSQL store: the engine's store conformance suite (every repository, the keyed lock,
 * the rules under concurrent requests), plus what is specific to PostgreSQL — migrations raced
 * by instances starting together, lock timeouts, a holder that dies mid-lock, and the schema.
 *
 *   npm run test:postgres     # needs PostgreSQL binaries (or PEP_PG_TEST_URL); skips otherwise
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it, test } from 'node:test';
import pg from 'pg';
import { AdapterError } from '../../src/adapter/errors.js';
import { storeConformanceSuite } from '../../src/adapter/engine/store-conformance.js';
import type { SealedValue } from '../../src/adapter/engine/sealing.js';
import type { AccountRecord } from '../../src/adapter/engine/store.js';
import { loadPgMigrations } from '../../server/store/postgres/migrate.js';
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

/** A SealedValue-shaped JSON value (the store keeps whatever the engine wrote). */
const sealed = (tag: string): SealedValue => ({
  v: 1,
  kid: 'k1',
  iv: `iv-${tag}`,
  ct: `ct-${tag}`,
});

function account(over: Partial<AccountRecord> = {}): AccountRecord {
  return {
    id: 'h1',
    role: 'help-desk',
    username: 'helpdesk1',
    usernameKey: 'helpdesk1',
    email: 'hd@example.com',
    emailKey: 'hd@example.com',
    firstName: 'Hal',
    lastName: 'Desk',
    mobile: '+13125550100',
    states: [],
    createdAt: 1,
    emailConfirmed: true,
    password: null,
    passwordHistory: [],
    typing: null,
    patternFailures: 0,
    ...over,
  };
}

if (missing && !mustRun) {
  test('PostgreSQL store', { skip: missing }, () => {});
} else {
  let server: TestPostgres;
  before(async () => {
    if (missing) throw new Error(`CI=true: ${missing}`);
    server = await startTestPostgres();
  });
  after(async () => {
    await server?.stop();
  });

  /** A store on a fresh schema; the schema is dropped on dispose. */
  async function openFresh(options: { lockTimeoutMs?: number; poolSize?: number } = {}) {
    const schema = freshSchemaName('conf');
    const store = await PostgresStore.open({ connectionString: server.url, schema, ...options });
    return {
      store,
      schema,
      dispose: async () => {
        await store.close();
        await dropSchema(server.url, schema);
      },
    };
  }

  storeConformanceSuite('PostgresStore', () => openFresh(), {
    describe,
    it,
    beforeEach,
    afterEach,
  });

  describe('PostgresStore — PostgreSQL specifics', () => {
    it('two instances starting together on an empty schema migrate it exactly once', async () => {
      const schema = freshSchemaName('mig');
      const open = () => PostgresStore.open({ connectionString: server.url, schema });
      const stores = await Promise.all([open(), open(), open()]);
      try {
        const client = new pg.Client({ connectionString: server.url });
        await client.connect();
        const { rows } = await client.query<{ version: number; name: string }>(
          `SELECT version, name FROM "${schema}".schema_migrations ORDER BY version`,
        );
        await client.end();
        assert.deepEqual(
          rows.map((r) => [r.version, r.name]),
          loadPgMigrations().map((m) => [m.version, m.name]),
        );
        assert.deepEqual(
          stores.map((x) => x.appliedMigrations).sort((x, y) => y.length - x.length),
          [loadPgMigrations().map((m) => m.version), [], []],
          'one instance migrated, the others found the schema current',
        );
        // All three see one schema: a write on one is read on another.
        await stores[0]!.guards.put('g', { failures: 2, lockedUntil: null });
        assert.deepEqual(await stores[2]!.guards.get('g'), { failures: 2, lockedUntil: null });
        assert.equal(await stores[0]!.secret(), await stores[1]!.secret());
      } finally {
        await Promise.all(stores.map((s) => s.close()));
        await dropSchema(server.url, schema);
      }
    });

    it('clearAll empties every table but keeps the server secret and the schema', async () => {
      const h = await openFresh();
      try {
        const secret = await h.store.secret();
        await h.store.guards.put('g', { failures: 1, lockedUntil: null });
        await h.store.sessions.create({
          digest: 'S',
          accountId: 'a',
          issuedAt: 1,
          expiresAt: 9,
          lastSeenAt: 1,
        });
        await h.store.throttles.put('t', [{ at: 1, channel: 'sms' }]);
        await h.store.outbox.add({
          id: 'o',
          payload: sealed('o'),
          createdAt: 1,
          availableAt: 1,
          attempts: 0,
        });
        await h.store.pool.query(
          `INSERT INTO "${h.schema}".rate_limits (key, points, expire) VALUES ('k', 1, 9)`,
        );
        await h.store.clearAll();
        assert.equal(await h.store.outbox.count(), 0);
        assert.equal(
          (await h.store.pool.query(`SELECT 1 FROM "${h.schema}".rate_limits`)).rowCount,
          0,
        );
        assert.equal(await h.store.guards.get('g'), null);
        assert.equal(await h.store.sessions.get('S'), null);
        assert.deepEqual(await h.store.throttles.get('t'), []);
        const reopened = await PostgresStore.open({
          connectionString: server.url,
          schema: h.schema,
        });
        assert.equal(await reopened.secret(), secret);
        assert.deepEqual(reopened.appliedMigrations, []);
        await reopened.close();
      } finally {
        await h.dispose();
      }
    });

    it('refuses a schema written by a newer version', async () => {
      const schema = freshSchemaName('new');
      const store = await PostgresStore.open({ connectionString: server.url, schema });
      await store.close();
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      await client.query(
        `INSERT INTO "${schema}".schema_migrations (version, name) VALUES (99, 'future')`,
      );
      await client.end();
      await assert.rejects(
        PostgresStore.open({ connectionString: server.url, schema }),
        /version 99, newer than this server knows/,
      );
      await dropSchema(server.url, schema);
    });

    it('the lock holds across connections: another pool waits, then times out UNAVAILABLE', async () => {
      const h = await openFresh({ lockTimeoutMs: 300 });
      const other = await PostgresStore.open({
        connectionString: server.url,
        schema: h.schema,
        lockTimeoutMs: 300,
      });
      try {
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        let entered!: () => void;
        const inside = new Promise<void>((resolve) => (entered = resolve));
        const holding = h.store.withLock('account:x', async () => {
          entered();
          await gate;
        });
        await inside;
        const t0 = Date.now();
        const err = await other.withLock('account:x', async () => 'never').catch((e) => e);
        assert.ok(err instanceof AdapterError, String(err));
        assert.equal(err.code, 'UNAVAILABLE');
        assert.ok(Date.now() - t0 >= 250, 'it waited for the lock first');
        // Other keys are free meanwhile.
        assert.equal(await other.withLock('account:y', async () => 'free'), 'free');
        release();
        await holding;
        assert.equal(await other.withLock('account:x', async () => 'now'), 'now');
        // In-process waiters time out too (the queue in front of the connection).
        let release2!: () => void;
        const gate2 = new Promise<void>((resolve) => (release2 = resolve));
        const holding2 = h.store.withLock('k2', () => gate2);
        const err2 = await h.store.withLock('k2', async () => 'never').catch((e) => e);
        assert.equal((err2 as AdapterError).code, 'UNAVAILABLE');
        release2();
        await holding2;
      } finally {
        await other.close();
        await h.dispose();
      }
    });

    it('writes made before fn throws are committed (a counted failure is never rolled back)', async () => {
      const h = await openFresh();
      try {
        await assert.rejects(
          h.store.withLock('guard:g', async () => {
            await h.store.guards.put('g', { failures: 5, lockedUntil: 99 });
            throw new AdapterError('ACCOUNT_LOCKED', { unlocksAt: 99 });
          }),
          (e: unknown) => e instanceof AdapterError && e.code === 'ACCOUNT_LOCKED',
        );
        assert.deepEqual(await h.store.guards.get('g'), { failures: 5, lockedUntil: 99 });
      } finally {
        await h.dispose();
      }
    });

    it('a holder that dies mid-lock releases it (the server ends its transaction)', async () => {
      const h = await openFresh({ lockTimeoutMs: 5_000 });
      try {
        // Take the lock by hand on a raw connection, as a crashed instance would have.
        const raw = new pg.Client({ connectionString: server.url });
        await raw.connect();
        raw.on('error', () => {});
        await raw.query(
          `BEGIN; SELECT pg_advisory_xact_lock(hashtextextended($$${h.schema}:flow:f$$, 0))`,
        );
        const waiting = h.store.withLock('flow:f', async () => 'got it');
        await new Promise((resolve) => setTimeout(resolve, 100));
        const peek = new pg.Client({ connectionString: server.url });
        await peek.connect();
        const { rows } = await peek.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
        );
        await peek.end();
        assert.equal(rows[0]!.n, 1, 'the store is waiting on the advisory lock');
        // The "crash": the connection goes away without COMMIT.
        const killer = new pg.Client({ connectionString: server.url });
        await killer.connect();
        await killer.query('SELECT pg_terminate_backend($1)', [
          (raw as unknown as { processID: number }).processID,
        ]);
        await killer.end();
        assert.equal(await waiting, 'got it');
      } finally {
        await h.dispose();
      }
    });

    it('counts round trips: one lock transaction is BEGIN+lock and COMMIT', async () => {
      const h = await openFresh();
      try {
        const before = { ...h.store.stats };
        await h.store.withLock('guard:x', async () => {
          await h.store.guards.get('x');
          await h.store.withLock('throttle:y', async () => h.store.throttles.get('y'));
        });
        assert.deepEqual(
          {
            queries: h.store.stats.queries - before.queries,
            lockTransactions: h.store.stats.lockTransactions - before.lockTransactions,
            advisoryLocks: h.store.stats.advisoryLocks - before.advisoryLocks,
          },
          { queries: 5, lockTransactions: 1, advisoryLocks: 2 },
        );
      } finally {
        await h.dispose();
      }
    });

    it('has one table per entity, plus meta and schema_migrations', async () => {
      const h = await openFresh();
      try {
        const client = new pg.Client({ connectionString: server.url });
        await client.connect();
        const { rows } = await client.query<{ table_name: string }>(
          `SELECT table_name FROM information_schema.tables
           WHERE table_schema = $1 ORDER BY table_name`,
          [h.schema],
        );
        await client.end();
        assert.deepEqual(
          rows.map((r) => r.table_name),
          [
            'accounts',
            'activity',
            'ceremonies',
            'devices',
            'flows',
            'links',
            'login_guards',
            'meta',
            'outbox',
            'passkey_users',
            'passkeys',
            'pendings',
            'rate_limits',
            'schema_migrations',
            'sessions',
            'throttles',
            'tickets',
          ],
        );
      } finally {
        await h.dispose();
      }
    });

    it('0002: help-desk role, sealed typing, held enrollment, idle sessions round-trip', async () => {
      const h = await openFresh();
      try {
        assert.equal(await h.store.accounts.create(account({ typing: sealed('t') })), true);
        assert.equal((await h.store.accounts.get('h1'))!.role, 'help-desk');
        assert.deepEqual((await h.store.accounts.get('h1'))!.typing, sealed('t'));
        await h.store.accounts.update('h1', { typing: sealed('t2') });
        assert.deepEqual((await h.store.accounts.get('h1'))!.typing, sealed('t2'));
        await assert.rejects(
          h.store.accounts.create(
            account({ id: 'x', username: 'x', usernameKey: 'x', role: 'admin' as never }),
          ),
          /accounts_role_check/,
        );
        await h.store.pendings.create({
          digest: 'P',
          accountId: 'h1',
          stage: 'enroll',
          expiresAt: 9,
          code: null,
          enrolled: null,
        });
        await h.store.pendings.update('P', { stage: 'code-only', enrolled: sealed('e') });
        assert.deepEqual((await h.store.pendings.get('P'))!.enrolled, sealed('e'));
        await h.store.pendings.update('P', { enrolled: null });
        assert.equal((await h.store.pendings.get('P'))!.enrolled, null);
        await h.store.sessions.create({
          digest: 'S',
          accountId: 'h1',
          issuedAt: 1,
          expiresAt: 99,
          lastSeenAt: 1,
        });
        await h.store.sessions.touch('S', 50);
        await h.store.sessions.touch('nobody', 60);
        assert.deepEqual(await h.store.sessions.get('S'), {
          digest: 'S',
          accountId: 'h1',
          issuedAt: 1,
          expiresAt: 99,
          lastSeenAt: 50,
        });
      } finally {
        await h.dispose();
      }
    });

    it('0002 upgrades a version-1 schema with data in place', async () => {
      const schema = freshSchemaName('up');
      const [first] = loadPgMigrations();
      const v1 = await PostgresStore.open({
        connectionString: server.url,
        schema,
        migrations: [first!],
      });
      const legacy = { matcher: 'm', version: 1, text: 't', data: { raw: [1, 2] } };
      await v1.pool.query(
        `INSERT INTO "${schema}".accounts (id, role, username, username_key, email, email_key,
           first_name, last_name, mobile, created_at, typing)
         VALUES ('p1', 'producer', 'p', 'p', 'e', 'e', 'F', 'L', 'm', 1, $1::jsonb)`,
        [JSON.stringify(legacy)],
      );
      await v1.pool.query(
        `INSERT INTO "${schema}".sessions (digest, account_id, issued_at, expires_at)
         VALUES ('S', 'p1', 100, 900)`,
      );
      await v1.close();
      // The store reads the current schema: upgrade all the way (0002 runs first, on v1 data).
      const v2 = await PostgresStore.open({ connectionString: server.url, schema });
      try {
        assert.deepEqual(v2.appliedMigrations.slice(0, 2), [2, 3]);
        assert.deepEqual((await v2.accounts.get('p1'))!.typing, legacy, 'kept as written');
        assert.equal((await v2.sessions.get('S'))!.lastSeenAt, 100);
        assert.equal(await v2.accounts.create(account()), true);
      } finally {
        await v2.close();
        await dropSchema(server.url, schema);
      }
    });

    it('0003 adds passkeys to a version-2 schema with data in place', async () => {
      const schema = freshSchemaName('pk');
      const [first, second] = loadPgMigrations();
      const v2 = await PostgresStore.open({
        connectionString: server.url,
        schema,
        migrations: [first!, second!],
      });
      // Written as a version-2 store would (the store's own code reads the current schema).
      await v2.pool.query(
        `INSERT INTO "${schema}".accounts (id, role, username, username_key, email, email_key,
           first_name, last_name, mobile, created_at)
         VALUES ($1, 'producer', 'p', 'p', 'e', 'e', 'F', 'L', 'm', 1)`,
        [account().id],
      );
      await v2.close();
      const v3 = await PostgresStore.open({ connectionString: server.url, schema });
      try {
        assert.deepEqual(v3.appliedMigrations.slice(0, 1), [3]);
        const id = account().id;
        assert.ok(await v3.accounts.get(id), 'the account is kept');
        const passkey = {
          id: 'cred-1',
          accountId: id,
          publicKey: 'pQECAyYg',
          counter: 0,
          transports: ['internal'],
          name: 'Laptop',
          createdAt: 1,
          lastUsedAt: null,
        };
        assert.equal(await v3.passkeys.create(passkey), true);
        assert.deepEqual(await v3.passkeys.get('cred-1'), passkey);
        await v3.clearAll();
        assert.equal(await v3.passkeys.get('cred-1'), null, 'clearAll includes passkeys');
      } finally {
        await v3.close();
        await dropSchema(server.url, schema);
      }
    });

    it('0005 gives a version-4 schema English accounts and pending logins; only en / es', async () => {
      const schema = freshSchemaName('lang');
      const v4 = await PostgresStore.open({
        connectionString: server.url,
        schema,
        migrations: loadPgMigrations().slice(0, 4),
      });
      // Written as a version-4 store would (the store's own code reads the current schema).
      await v4.pool.query(
        `INSERT INTO "${schema}".accounts (id, role, username, username_key, email, email_key,
           first_name, last_name, mobile, created_at)
         VALUES ('p1', 'producer', 'p', 'p', 'e', 'e', 'F', 'L', 'm', 1)`,
      );
      await v4.pool.query(
        `INSERT INTO "${schema}".pendings (digest, account_id, stage, expires_at)
         VALUES ('D1', 'p1', 'verify', 9)`,
      );
      await v4.close();
      const v5 = await PostgresStore.open({ connectionString: server.url, schema });
      try {
        assert.deepEqual(v5.appliedMigrations, [5]);
        assert.equal((await v5.accounts.get('p1'))?.language, 'en');
        assert.equal((await v5.pendings.get('D1'))?.sampleLang, 'en');
        await v5.accounts.update('p1', { language: 'es' });
        await v5.pendings.update('D1', { sampleLang: 'es' });
        assert.equal((await v5.accounts.get('p1'))?.language, 'es');
        assert.equal((await v5.pendings.get('D1'))?.sampleLang, 'es');
        await assert.rejects(
          v5.pool.query(`UPDATE "${schema}".accounts SET language = 'fr'`),
          /check constraint/,
        );
        await assert.rejects(
          v5.pool.query(`UPDATE "${schema}".pendings SET sample_lang = 'fr'`),
          /check constraint/,
        );
      } finally {
        await v5.close();
        await dropSchema(server.url, schema);
      }
    });

    it('outbox: due-only, oldest first, leased; two instances claiming at once never share an item', async () => {
      const h = await openFresh();
      const other = await PostgresStore.open({ connectionString: server.url, schema: h.schema });
      try {
        await h.store.outbox.add({
          id: 'later',
          payload: sealed('later'),
          createdAt: 0,
          availableAt: 5_000,
          attempts: 0,
        });
        for (let i = 0; i < 60; i++) {
          await h.store.outbox.add({
            id: `m${String(i).padStart(2, '0')}`,
            payload: sealed(String(i)),
            createdAt: 100 + i,
            availableAt: 100 + i,
            attempts: 0,
          });
        }
        assert.equal(await h.store.outbox.count(), 61);
        const firstTwo = await h.store.outbox.claim(1_000, 2, 60_000);
        assert.deepEqual(
          firstTwo.map((i) => [i.id, i.availableAt, i.attempts]),
          [
            ['m00', 61_000, 1],
            ['m01', 61_000, 1],
          ],
        );
        assert.deepEqual(firstTwo[0]!.payload, sealed('0'));
        const claimed: string[] = firstTwo.map((i) => i.id);
        for (let round = 0; round < 12; round++) {
          const batches = await Promise.all([
            h.store.outbox.claim(1_000, 3, 60_000),
            other.outbox.claim(1_000, 3, 60_000),
            h.store.outbox.claim(1_000, 3, 60_000),
            other.outbox.claim(1_000, 3, 60_000),
          ]);
          for (const b of batches) claimed.push(...b.map((i) => i.id));
        }
        assert.equal(claimed.length, 60, 'every due item claimed, the later one not');
        assert.equal(new Set(claimed).size, 60, 'no item claimed twice');
        await h.store.outbox.reschedule('m05', 2_000);
        await h.store.outbox.delete('m06');
        assert.deepEqual(
          (await other.outbox.claim(2_000, 10, 1)).map((i) => [i.id, i.attempts]),
          [['m05', 2]],
        );
        assert.equal(await other.outbox.count(), 60);
      } finally {
        await other.close();
        await h.dispose();
      }
    });
  });
}
