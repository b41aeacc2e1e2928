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
import type { SealedValue } from '../../src/adapter/engine/sealing.js';

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
    language: 'en',
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

/** A SealedValue-shaped JSON value (the store keeps whatever the engine wrote). */
const sealed = (tag: string): SealedValue => ({
  v: 1,
  kid: 'k1',
  iv: `iv-${tag}`,
  ct: `ct-${tag}`,
});

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
      'outbox',
      'rate_limits',
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
      'outbox_due',
      'rate_limits_expire',
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
      typing: sealed('typing'),
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
      enrolled: null,
    });
    await a.pendings.update('P1', {
      stage: 'code-only',
      code: { ...code, channel: 'email' },
      enrolled: sealed('enrolled'),
    });
    await a.pendings.create({
      digest: 'P2',
      accountId: 'acc-1',
      stage: 'code-only',
      expiresAt: 78,
      code: null,
      enrolled: sealed('held'),
    });
    await a.pendings.update('P2', { enrolled: null });
    await a.accounts.create(
      account({
        id: 'acc-3',
        role: 'help-desk',
        username: 'helpdesk1',
        usernameKey: 'helpdesk1',
        email: 'hd@example.com',
        emailKey: 'hd@example.com',
        producerId: undefined,
        states: [],
      }),
    );
    await a.outbox.add({
      id: 'O1',
      payload: sealed('outbox'),
      createdAt: 5,
      availableAt: 5,
      attempts: 0,
    });
    await a.devices.create({ digest: 'D1', accountId: 'acc-2', expiresAt: 555 });
    await a.guards.put('G1', { failures: 5, lockedUntil: 12_345 });
    await a.throttles.put('T1', [
      { at: 10, channel: 'email' },
      { at: 20, channel: 'sms' },
    ]);
    await a.sessions.create({
      digest: 'S1',
      accountId: 'acc-1',
      issuedAt: 1,
      expiresAt: 9_999,
      lastSeenAt: 1,
    });
    await a.sessions.touch('S1', 42);
    await a.sessions.touch('nobody', 43);
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
    assert.deepEqual(dana.typing, sealed('typing'));
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
    assert.deepEqual(p.enrolled, sealed('enrolled'));
    assert.equal((await b.pendings.get('P2'))!.enrolled, null);
    assert.equal((await b.accounts.get('acc-3'))!.role, 'help-desk');
    assert.deepEqual(await b.outbox.claim(10, 5, 1_000), [
      { id: 'O1', payload: sealed('outbox'), createdAt: 5, availableAt: 1_010, attempts: 1 },
    ]);
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
      lastSeenAt: 42,
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
    await store.sessions.create({
      digest: 'S',
      accountId: 'acc-1',
      issuedAt: 1,
      expiresAt: 2,
      lastSeenAt: 1,
    });
    await store.outbox.add({
      id: 'O',
      payload: sealed('o'),
      createdAt: 1,
      availableAt: 1,
      attempts: 0,
    });
    store.db.prepare("INSERT INTO rate_limits (key, points, expire) VALUES ('k', 1, 9)").run();
    store.clearAll();
    assert.equal(await store.accounts.get('acc-1'), null);
    assert.equal(await store.sessions.get('S'), null);
    assert.equal(await store.outbox.count(), 0);
    assert.equal(
      (store.db.prepare('SELECT COUNT(*) AS n FROM rate_limits').get() as { n: number }).n,
      0,
    );
    assert.equal(await store.secret(), secret);
    store.close();
  });
});

describe('0002: help desk, idle sessions, held enrollment, outbox', () => {
  test('a version-1 database with data is upgraded in place: rows, order and foreign keys kept', async () => {
    const path = file('upgrade-0002.sqlite');
    const [first] = loadMigrations();
    // A database written by the previous server: its schema (0001) and rows, raw.
    const v1 = { db: new Sqlite(path), close: () => v1.db.close() };
    v1.db.pragma('foreign_keys = ON');
    migrate(v1.db, [first!]);
    const legacyTemplate = { matcher: 'm', version: 1, text: 't', data: { raw: [1, 2] } };
    v1.db
      .prepare(
        `INSERT INTO accounts (id, role, username, username_key, email, email_key, first_name,
          last_name, mobile, producer_id, producer_account_id, created_at, email_confirmed,
          password, typing, pattern_failures)
         VALUES (?, ?, ?, ?, 'e@x.example', 'e@x.example', 'F', 'L', '+13125550100', NULL, ?,
          1, 1, NULL, ?, 0)`,
      )
      .run('p1', 'producer', 'prod', 'prod', null, JSON.stringify(legacyTemplate));
    v1.db
      .prepare(
        `INSERT INTO accounts (id, role, username, username_key, email, email_key, first_name,
          last_name, mobile, producer_id, producer_account_id, created_at, email_confirmed,
          password, typing, pattern_failures)
         VALUES (?, ?, ?, ?, 'e@x.example', 'e@x.example', 'F', 'L', '+13125550100', NULL, ?,
          2, 1, NULL, NULL, 0)`,
      )
      .run('d1', 'delegate', 'dele', 'dele', 'p1');
    v1.db.prepare("INSERT INTO account_states VALUES ('p1', 0, 'TX'), ('p1', 1, 'IL')").run();
    v1.db
      .prepare(`INSERT INTO password_history VALUES ('p1', 0, '{"alg":"x","salt":"s","hash":"h"}')`)
      .run();
    v1.db.prepare("INSERT INTO sessions VALUES ('S', 'p1', 100, 900)").run();
    v1.db
      .prepare(
        "INSERT INTO pendings (digest, account_id, stage, expires_at) VALUES ('P', 'p1', 'enroll', 5)",
      )
      .run();
    v1.close();

    const v2 = new SqliteStore({ path });
    assert.deepEqual(v2.appliedMigrations, [2, 3, 4, 5]);
    assert.equal(v2.db.pragma('foreign_keys', { simple: true }), 1, 'enforcement restored');
    const p1 = (await v2.accounts.get('p1'))!;
    assert.deepEqual(p1.states, ['TX', 'IL'], 'states survive the rebuild (no cascade)');
    assert.equal(p1.passwordHistory.length, 1, 'history survives the rebuild');
    assert.deepEqual(p1.typing, legacyTemplate, 'a legacy plain template is returned as stored');
    assert.deepEqual(
      (await v2.accounts.listByEmail('e@x.example')).map((a) => a.id),
      ['p1', 'd1'],
      'creation order kept',
    );
    assert.deepEqual(
      (await v2.accounts.listDelegates('p1')).map((a) => a.id),
      ['d1'],
    );
    assert.equal((await v2.sessions.get('S'))!.lastSeenAt, 100, 'idle clock starts at issue');
    assert.equal((await v2.pendings.get('P'))!.enrolled, null);
    // The role check now admits help-desk, and still refuses anything else.
    assert.equal(
      await v2.accounts.create(
        account({ id: 'h1', role: 'help-desk', username: 'hd', usernameKey: 'hd', states: [] }),
      ),
      true,
    );
    await assert.rejects(
      v2.accounts.create(
        account({ id: 'x1', role: 'admin' as never, username: 'x', usernameKey: 'x' }),
      ),
      /CHECK constraint/,
    );
    // The producer reference still cascades and still refuses a missing producer.
    await assert.rejects(
      v2.accounts.create(
        account({ id: 'd9', username: 'd9', usernameKey: 'd9', producerAccountId: 'nobody' }),
      ),
      /FOREIGN KEY/,
    );
    v2.close();
  });

  test('outbox: claims are due-only, oldest first, leased and counted; reschedule and delete', async () => {
    const store = new SqliteStore({ path: ':memory:' });
    const item = (id: string, createdAt: number, availableAt = createdAt) => ({
      id,
      payload: sealed(id),
      createdAt,
      availableAt,
      attempts: 0,
    });
    await store.outbox.add(item('c', 30));
    await store.outbox.add(item('a', 10));
    await store.outbox.add(item('b', 20));
    await store.outbox.add(item('later', 5, 1_000));
    assert.equal(await store.outbox.count(), 4);
    const first = await store.outbox.claim(100, 2, 60_000);
    assert.deepEqual(
      first.map((i) => [i.id, i.availableAt, i.attempts]),
      [
        ['a', 60_100, 1],
        ['b', 60_100, 1],
      ],
    );
    // Leased items are not claimed again until the lease ends.
    assert.deepEqual(
      (await store.outbox.claim(100, 10, 60_000)).map((i) => i.id),
      ['c'],
    );
    assert.deepEqual(await store.outbox.claim(100, 10, 60_000), []);
    await store.outbox.reschedule('a', 200);
    await store.outbox.delete('b');
    await store.outbox.delete('nobody');
    await store.outbox.reschedule('nobody', 1);
    assert.equal(await store.outbox.count(), 3);
    const again = await store.outbox.claim(1_000, 10, 10);
    assert.deepEqual(
      again.map((i) => [i.id, i.attempts]),
      [
        ['later', 1],
        ['a', 2],
      ],
    );
    assert.deepEqual(again[1]!.payload, sealed('a'));
    assert.deepEqual(await store.outbox.claim(1_000, 0, 10), []);
    store.close();
  });

  test('outbox: two processes on one file never claim the same item', async () => {
    const path = file('outbox-two.sqlite');
    const one = new SqliteStore({ path });
    const two = new SqliteStore({ path });
    for (let i = 0; i < 50; i++) {
      await one.outbox.add({
        id: `m${String(i).padStart(2, '0')}`,
        payload: sealed(String(i)),
        createdAt: i,
        availableAt: i,
        attempts: 0,
      });
    }
    const claimed: string[] = [];
    for (let round = 0; round < 20; round++) {
      const [x, y] = await Promise.all([
        one.outbox.claim(1_000, 3, 60_000),
        two.outbox.claim(1_000, 3, 60_000),
      ]);
      claimed.push(...x.map((i) => i.id), ...y.map((i) => i.id));
    }
    assert.equal(claimed.length, 50);
    assert.equal(new Set(claimed).size, 50, 'no item claimed twice');
    one.close();
    two.close();
  });
});

describe('SqliteStore — 0003 passkeys', () => {
  test('a version-2 database gets the passkey tables; accounts kept; clearAll empties them', async () => {
    const path = file('v2-to-v3.sqlite');
    // A database as the previous version left it (its store code is gone: raw SQL).
    const v2 = new Sqlite(path);
    v2.pragma('foreign_keys = ON');
    migrate(v2, loadMigrations().slice(0, 2));
    v2.prepare(
      `INSERT INTO accounts (id, role, username, username_key, email, email_key, first_name,
           last_name, mobile, created_at) VALUES ('p1', 'producer', 'P', 'p', 'e', 'e', 'F', 'L',
           '+13125550100', 1)`,
    ).run();
    v2.close();
    const v3 = new SqliteStore({ path });
    assert.deepEqual(v3.appliedMigrations, [3, 4, 5]);
    assert.equal((await v3.accounts.get('p1'))?.username, 'P');
    const passkey = {
      id: 'cred-1',
      accountId: 'p1',
      publicKey: 'pQECAyYg',
      counter: 3,
      transports: ['internal'],
      name: 'Laptop',
      createdAt: 1,
      lastUsedAt: null,
    };
    assert.equal(await v3.passkeys.create(passkey), true);
    assert.deepEqual(await v3.passkeys.get('cred-1'), passkey);
    assert.throws(
      () =>
        v3.db
          .prepare(
            "INSERT INTO passkeys (id, account_id, public_key, name, created_at) VALUES ('x', 'nobody', 'k', 'n', 1)",
          )
          .run(),
      /FOREIGN KEY/,
      'a passkey belongs to an existing account',
    );
    v3.clearAll();
    assert.equal(await v3.passkeys.get('cred-1'), null);
    v3.close();
  });
});

describe('SqliteStore — 0005 language', () => {
  test('a version-4 database: accounts and pending logins read as English; only en / es are stored', async () => {
    const path = file('v4-to-v5.sqlite');
    const v4 = new Sqlite(path);
    v4.pragma('foreign_keys = ON');
    migrate(v4, loadMigrations().slice(0, 4));
    v4.prepare(
      `INSERT INTO accounts (id, role, username, username_key, email, email_key, first_name,
           last_name, mobile, created_at) VALUES ('p1', 'producer', 'P', 'p', 'e', 'e', 'F', 'L',
           '+13125550100', 1)`,
    ).run();
    v4.prepare(
      `INSERT INTO pendings (digest, account_id, stage, expires_at) VALUES ('D1', 'p1', 'verify', 9)`,
    ).run();
    v4.close();
    const v5 = new SqliteStore({ path });
    assert.deepEqual(v5.appliedMigrations, [5]);
    assert.equal((await v5.accounts.get('p1'))?.language, 'en');
    assert.equal((await v5.pendings.get('D1'))?.sampleLang, 'en');
    await v5.accounts.update('p1', { language: 'es' });
    await v5.pendings.update('D1', { sampleLang: 'es' });
    v5.close();
    const again = new SqliteStore({ path });
    assert.equal((await again.accounts.get('p1'))?.language, 'es');
    assert.equal((await again.pendings.get('D1'))?.sampleLang, 'es');
    assert.throws(
      () => again.db.prepare("UPDATE accounts SET language = 'fr' WHERE id = 'p1'").run(),
      /CHECK/,
      'a language outside en / es',
    );
    assert.throws(
      () => again.db.prepare("UPDATE pendings SET sample_lang = 'fr' WHERE digest = 'D1'").run(),
      /CHECK/,
      'a sentence language outside en / es',
    );
    again.close();
  });
});
