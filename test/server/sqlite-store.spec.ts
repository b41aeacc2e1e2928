/**
 * The SQLite store: migrations (fresh database, re-open, recorded version, refusing a newer
 * schema), the schema's constraints and indexes, and round trips of every entity through a
 * close and re-open of the file.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { SqliteStore } from '../../server/store/sqlite-store.js';
import { loadMigrations, migrate } from '../../server/store/migrate.js';
import type { AccountRecord, CodeRecord } from '../../src/adapter/engine/store.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'pep-store-'));
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string) => join(dir, name);

function account(over: Partial<AccountRecord> = {}): AccountRecord {
  return {
    id: 'acc-1',
    role: 'producer',
    username: 'DemoProducer',
    usernameKey: 'demoproducer',
    email: 'Pat.Morgan@agency.example',
    emailKey: 'pat.morgan@agency.example',
    firstName: 'Pat',
    lastName: 'Morgan',
    mobile: '+13125550100',
    states: ['IL', 'TX'],
    producerId: 'P-100200',
    createdAt: 1_000,
    emailConfirmed: true,
    password: {
      alg: 'scrypt',
      cost: 1024,
      blockSize: 8,
      parallelization: 1,
      keyLength: 32,
      salt: 's',
      hash: 'h',
    },
    passwordHistory: [
      {
        alg: 'scrypt',
        cost: 1024,
        blockSize: 8,
        parallelization: 1,
        keyLength: 32,
        salt: 's',
        hash: 'h',
      },
    ],
    typing: null,
    patternFailures: 0,
    ...over,
  };
}

const code: CodeRecord = {
  salt: 'c-salt',
  hash: 'c-hash',
  channel: 'sms',
  expiresAt: 5_000,
  failures: 2,
  used: false,
};

describe('migrations', () => {
  test('a fresh database gets every migration, recorded in schema_migrations and user_version', () => {
    const store = new SqliteStore({ path: file('fresh.sqlite') });
    const latest = loadMigrations().length;
    assert.ok(latest >= 1);
    assert.deepEqual(
      store.appliedMigrations,
      Array.from({ length: latest }, (_, i) => i + 1),
    );
    assert.equal(store.schemaVersion(), latest);
    assert.equal(store.db.pragma('user_version', { simple: true }), latest);
    const rows = store.db
      .prepare('SELECT version, name, applied_at FROM schema_migrations')
      .all() as {
      version: number;
      name: string;
      applied_at: number;
    }[];
    assert.equal(rows.length, latest);
    assert.equal(rows[0]!.name, 'initial');
    assert.ok(rows[0]!.applied_at > 0);
    store.close();
  });

  test('re-opening applies nothing and keeps the recorded version', () => {
    const path = file('reopen.sqlite');
    new SqliteStore({ path }).close();
    const again = new SqliteStore({ path });
    assert.deepEqual(again.appliedMigrations, []);
    assert.equal(again.schemaVersion(), loadMigrations().length);
    const count = again.db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as {
      n: number;
    };
    assert.equal(count.n, loadMigrations().length);
    again.close();
  });

  test('a later migration is applied on re-open, after the earlier ones', () => {
    const path = file('upgrade.sqlite');
    const base = loadMigrations();
    new SqliteStore({ path, migrations: base }).close();
    const next = [
      ...base,
      {
        version: base.length + 1,
        name: 'add_probe',
        sql: 'CREATE TABLE probe (id INTEGER PRIMARY KEY) STRICT;',
      },
    ];
    const store = new SqliteStore({ path, migrations: next });
    assert.deepEqual(store.appliedMigrations, [base.length + 1]);
    assert.equal(store.schemaVersion(), base.length + 1);
    assert.ok(store.db.prepare("SELECT name FROM sqlite_master WHERE name = 'probe'").get());
    store.close();
  });

  test('a failing migration leaves the database at the previous version', () => {
    const path = file('failing.sqlite');
    const base = loadMigrations();
    new SqliteStore({ path, migrations: base }).close();
    const broken = [
      ...base,
      {
        version: base.length + 1,
        name: 'broken',
        sql: 'CREATE TABLE half (id INTEGER) STRICT; CREATE TABLE accounts (x INTEGER);',
      },
    ];
    assert.throws(() => new SqliteStore({ path, migrations: broken }), /already exists/);
    const store = new SqliteStore({ path, migrations: base });
    assert.equal(store.schemaVersion(), base.length);
    assert.equal(
      store.db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get(),
      undefined,
    );
    store.close();
  });

  test('a database from a newer server is refused', () => {
    const path = file('newer.sqlite');
    new SqliteStore({ path }).close();
    const db = new Sqlite(path);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
      999,
      'future',
      Date.now(),
    );
    db.close();
    assert.throws(() => new SqliteStore({ path }), /newer than this server knows/);
  });

  test('migration files are numbered without gaps', () => {
    const list = loadMigrations();
    list.forEach((m, i) => assert.equal(m.version, i + 1));
    const db = new Sqlite(':memory:');
    assert.deepEqual(
      migrate(db, list),
      list.map((m) => m.version),
    );
    assert.deepEqual(migrate(db, list), []);
    db.close();
  });

  test('WAL journal, foreign keys on, full synchronous', () => {
    const store = new SqliteStore({ path: file('pragmas.sqlite') });
    assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(store.db.pragma('foreign_keys', { simple: true }), 1);
    assert.equal(store.db.pragma('synchronous', { simple: true }), 2);
    store.close();
  });
});

describe('schema', () => {
  test('one table per entity, with the look-up indexes', () => {
    const store = new SqliteStore({ path: ':memory:' });
    const names = (type: string) =>
      (
        store.db
          .prepare('SELECT name FROM sqlite_master WHERE type = ? ORDER BY name')
          .all(type) as {
          name: string;
        }[]
      ).map((r) => r.name);
    const tables = names('table');
    for (const t of [
      'accounts',
      'account_states',
      'password_history',
      'links',
      'flows',
      'pendings',
      'devices',
      'login_guards',
      'throttle_sends',
      'sessions',
      'tickets',
      'meta',
      'schema_migrations',
    ]) {
      assert.ok(tables.includes(t), `table ${t}`);
    }
    const indexes = names('index');
    for (const i of [
      'accounts_email_key',
      'accounts_producer',
      'links_account',
      'flows_expires',
      'pendings_expires',
      'devices_account',
      'devices_expires',
      'sessions_account',
      'sessions_expires',
    ]) {
      assert.ok(indexes.includes(i), `index ${i}`);
    }
    // The e-mail look-up uses its index, not a scan.
    const plan = store.db
      .prepare("EXPLAIN QUERY PLAN SELECT * FROM accounts WHERE email_key = 'x'")
      .all() as { detail: string }[];
    assert.match(plan.map((p) => p.detail).join(' '), /accounts_email_key/);
    store.close();
  });

  test("foreign keys tie an account's states, history and producer to it", async () => {
    const store = new SqliteStore({ path: ':memory:' });
    await store.accounts.create(account());
    assert.throws(
      () =>
        store.db
          .prepare("INSERT INTO account_states (account_id, position, state) VALUES ('x', 0, 'IL')")
          .run(),
      /FOREIGN KEY/,
    );
    await assert.rejects(
      store.accounts.create(
        account({ id: 'acc-9', username: 'd9', usernameKey: 'd9', producerAccountId: 'nobody' }),
      ),
      /FOREIGN KEY/,
    );
    // Deleting an account (only clearAll does) takes its own rows with it.
    store.db.prepare("DELETE FROM accounts WHERE id = 'acc-1'").run();
    const left = store.db.prepare('SELECT COUNT(*) AS n FROM account_states').get() as {
      n: number;
    };
    assert.equal(left.n, 0);
    store.close();
  });

  test('usernames are unique by key: create resolves false, the first account stays', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    assert.equal(await store.accounts.create(account()), true);
    assert.equal(
      await store.accounts.create(
        account({ id: 'acc-2', username: 'demoproducer', firstName: 'X' }),
      ),
      false,
    );
    assert.equal((await store.accounts.getByUsername('demoproducer'))!.firstName, 'Pat');
    assert.equal(await store.accounts.get('acc-2'), null);
    store.close();
  });
});

describe('persistence across a re-open', () => {
  test('every entity survives closing and re-opening the file', async () => {
    const path = file('entities.sqlite');
    const a = new SqliteStore({ path });
    const secret = await a.secret();
    await a.accounts.create(account());
    await a.accounts.create(
      account({
        id: 'acc-2',
        role: 'delegate',
        username: 'dana0001',
        usernameKey: 'dana0001',
        email: 'dana@example.com',
        emailKey: 'dana@example.com',
        producerId: undefined,
        producerAccountId: 'acc-1',
        states: ['MT'],
        password: null,
        passwordHistory: [],
        createdAt: 2_000,
      }),
    );
    await a.accounts.update('acc-2', {
      states: ['OK', 'IL', 'OK'],
      typing: { version: 1, samples: 3 } as never,
      patternFailures: 2,
      emailConfirmed: true,
    });
    await a.links.create({
      digest: 'L1',
      accountId: 'acc-2',
      createdAt: 1,
      expiresAt: 10,
      usedAt: null,
      voided: false,
    });
    await a.links.voidForAccount('acc-2');
    await a.flows.create({
      digest: 'F1',
      purpose: 'create',
      accountId: 'acc-2',
      throttleKey: 'T1',
      masked: { email: 'xxxa@example.com', sms: 'xxxxxx0101' },
      expiresAt: 99,
      code,
      verified: false,
    });
    await a.flows.create({
      digest: 'F2',
      purpose: 'reset',
      accountId: null,
      throttleKey: 'T2',
      masked: { email: 'xxxxabc@gmail.com', sms: 'xxxxxx1234' },
      expiresAt: 99,
      code: null,
      verified: false,
    });
    await a.pendings.create({
      digest: 'P1',
      accountId: 'acc-2',
      stage: 'enroll',
      expiresAt: 77,
      code: null,
    });
    await a.pendings.update('P1', { stage: 'code-only', code: { ...code, channel: 'email' } });
    await a.devices.create({ digest: 'D1', accountId: 'acc-2', expiresAt: 555 });
    await a.guards.put('G1', { failures: 5, lockedUntil: 12_345 });
    await a.throttles.put('T1', [
      { at: 10, channel: 'email' },
      { at: 20, channel: 'sms' },
    ]);
    await a.sessions.create({ digest: 'S1', accountId: 'acc-1', issuedAt: 1, expiresAt: 9_999 });
    assert.equal(
      await a.tickets.create({ ticketId: 'PEP-1', accountId: 'acc-2', createdAt: 3 }),
      true,
    );
    assert.equal(
      await a.tickets.create({ ticketId: 'PEP-1', accountId: 'acc-2', createdAt: 4 }),
      false,
    );
    a.close();

    const b = new SqliteStore({ path });
    assert.equal(await b.secret(), secret);
    const dana = (await b.accounts.get('acc-2'))!;
    assert.deepEqual(dana.states, ['OK', 'IL']);
    assert.deepEqual(dana.typing, { version: 1, samples: 3 });
    assert.equal(dana.patternFailures, 2);
    assert.equal(dana.emailConfirmed, true);
    assert.equal(dana.producerAccountId, 'acc-1');
    assert.equal('producerId' in dana, false);
    assert.deepEqual(await b.accounts.get('acc-1'), account());
    assert.deepEqual(
      (await b.accounts.listDelegates('acc-1')).map((x) => x.id),
      ['acc-2'],
    );
    assert.deepEqual(
      (await b.accounts.listByEmail('pat.morgan@agency.example')).map((x) => x.id),
      ['acc-1'],
    );
    assert.equal((await b.links.get('L1'))!.voided, true);
    assert.deepEqual((await b.flows.get('F1'))!.code, code);
    assert.equal((await b.flows.get('F2'))!.accountId, null);
    assert.equal((await b.flows.get('F2'))!.code, null);
    const p = (await b.pendings.get('P1'))!;
    assert.equal(p.stage, 'code-only');
    assert.deepEqual(p.code, { ...code, channel: 'email' });
    assert.deepEqual(await b.devices.get('D1'), {
      digest: 'D1',
      accountId: 'acc-2',
      expiresAt: 555,
    });
    assert.deepEqual(await b.guards.get('G1'), { failures: 5, lockedUntil: 12_345 });
    assert.deepEqual(await b.throttles.get('T1'), [
      { at: 10, channel: 'email' },
      { at: 20, channel: 'sms' },
    ]);
    assert.deepEqual(await b.sessions.get('S1'), {
      digest: 'S1',
      accountId: 'acc-1',
      issuedAt: 1,
      expiresAt: 9_999,
    });
    b.close();
  });

  test('password history keeps order; an update replaces it whole', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    await store.accounts.create(account());
    const h = (n: number) => ({ alg: 'scrypt', salt: `s${n}`, hash: `h${n}` });
    await store.accounts.update('acc-1', {
      password: h(3),
      passwordHistory: [h(1), h(2), h(3)],
    });
    const a = (await store.accounts.get('acc-1'))!;
    assert.deepEqual(a.password, h(3));
    assert.deepEqual(a.passwordHistory, [h(1), h(2), h(3)]);
    await store.accounts.update('acc-1', { passwordHistory: [h(3)] });
    assert.deepEqual((await store.accounts.get('acc-1'))!.passwordHistory, [h(3)]);
    store.close();
  });

  test('clearAll empties every table but keeps the server secret', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    const secret = await store.secret();
    await store.accounts.create(account());
    await store.sessions.create({ digest: 'S', accountId: 'acc-1', issuedAt: 1, expiresAt: 2 });
    store.clearAll();
    assert.equal(await store.accounts.get('acc-1'), null);
    assert.equal(await store.sessions.get('S'), null);
    assert.equal(await store.secret(), secret);
    store.close();
  });
});
