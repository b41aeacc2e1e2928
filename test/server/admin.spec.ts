/**
 * `npm run admin -- …` (server/admin.ts) against a temporary SQLite file: creating a help-desk
 * user (password from PEP_ADMIN_PASSWORD or stdin, never argv), printing a new key, and
 * re-sealing everything sealed with an older key (or not at all) after a key rotation.
 *
 * scrypt runs at N=1024 (TEST ONLY; production N=2^17).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAdmin, type AdminIo } from '../../server/admin.js';
import { Keyring, type SealedValue } from '../../src/adapter/engine/sealing.js';
import { SqliteStore } from '../../server/store/sqlite-store.js';
import { ScryptHasher } from '../../server/crypto/scrypt-hasher.js';
import { TEST_SCRYPT_N } from './server-support.js';

const dir = mkdtempSync(join(tmpdir(), 'pep-admin-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const PASSWORD = 'Help-Desk-Admin-2026!';

function io(
  env: Record<string, string>,
  stdinPassword = '',
): AdminIo & {
  outLines: string[];
  errLines: string[];
  asked: number;
} {
  const result = {
    env: { SCRYPT_N: String(TEST_SCRYPT_N), ...env },
    outLines: [] as string[],
    errLines: [] as string[],
    asked: 0,
    out: (line: string) => void result.outLines.push(line),
    err: (line: string) => void result.errLines.push(line),
    readPassword: async () => {
      result.asked += 1;
      return stdinPassword;
    },
  };
  return result;
}

const HD = [
  '--username',
  'deskuser1',
  '--first-name',
  'Casey',
  '--last-name',
  'Rivera',
  '--email',
  'casey@helpdesk.example',
  '--mobile',
  '(312) 555-0199',
];

let db: string;
before(() => {
  db = join(dir, 'admin.sqlite');
});

test('new-key prints one kid:key that TYPING_KEYS accepts; --kid names it', async () => {
  const a = io({});
  assert.equal(await runAdmin(['new-key'], a), 0);
  assert.equal(a.outLines.length, 1);
  const specs = Keyring.parseSpecs(a.outLines[0]!);
  assert.equal(specs.length, 1);
  await Keyring.fromSpecs(specs);
  const b = io({});
  assert.equal(await runAdmin(['new-key', '--kid', '2026-12'], b), 0);
  assert.match(b.outLines[0]!, /^2026-12:[A-Za-z0-9_-]{43}$/);
  assert.notEqual(a.outLines[0]!.split(':')[1], b.outLines[0]!.split(':')[1]);
  assert.equal(await runAdmin(['new-key', '--kid', 'bad kid'], io({})), 2);
});

test('create-help-desk-user: password from PEP_ADMIN_PASSWORD, a help-desk account with a scrypt hash', async () => {
  const run = io({ DATABASE_PATH: db, PEP_ADMIN_PASSWORD: PASSWORD });
  assert.equal(await runAdmin(['create-help-desk-user', ...HD], run), 0, run.errLines.join('\n'));
  assert.equal(run.asked, 0, 'stdin not read when the variable is set');
  assert.deepEqual(run.outLines, ['created help-desk user "deskuser1"']);
  const store = new SqliteStore({ path: db });
  try {
    const account = (await store.accounts.getByUsername('deskuser1'))!;
    assert.equal(account.role, 'help-desk');
    assert.deepEqual(account.states, []);
    assert.equal(account.producerId, undefined);
    assert.equal(account.emailConfirmed, true);
    assert.equal(account.password!.alg, 'scrypt');
    assert.ok(
      await new ScryptHasher({ N: TEST_SCRYPT_N, r: 8, p: 1 }).verify(PASSWORD, account.password!),
    );
  } finally {
    store.close();
  }
  // The same username again: refused, and nothing printed holds the password.
  const again = io({ DATABASE_PATH: db, PEP_ADMIN_PASSWORD: PASSWORD });
  assert.equal(await runAdmin(['create-help-desk-user', ...HD], again), 1);
  assert.match(again.errLines.join('\n'), /username is taken/);
  for (const line of [...run.outLines, ...run.errLines, ...again.errLines]) {
    assert.ok(!line.includes(PASSWORD));
  }
});

test('create-help-desk-user: password from stdin; weak or common passwords and bad fields refused', async () => {
  const other = HD.map((v) => (v === 'deskuser1' ? 'deskuser2' : v));
  const fromStdin = io({ DATABASE_PATH: db }, PASSWORD);
  assert.equal(
    await runAdmin(['create-help-desk-user', ...other], fromStdin),
    0,
    fromStdin.errLines.join(),
  );
  assert.equal(fromStdin.asked, 1);

  const weak = io({ DATABASE_PATH: db }, 'short');
  assert.equal(
    await runAdmin(
      ['create-help-desk-user', ...other.map((v) => (v === 'deskuser2' ? 'deskuser3' : v))],
      weak,
    ),
    1,
  );
  assert.match(weak.errLines.join('\n'), /password breaks the policy/);
  assert.ok(!weak.errLines.join('\n').includes('short'));

  const badEmail = io({ DATABASE_PATH: db, PEP_ADMIN_PASSWORD: PASSWORD });
  const args = other.map((v) =>
    v === 'deskuser2' ? 'deskuser4' : v === 'casey@helpdesk.example' ? 'not-an-email' : v,
  );
  assert.equal(await runAdmin(['create-help-desk-user', ...args], badEmail), 1);
  assert.match(badEmail.errLines.join('\n'), /invalid email/);

  const empty = io({ DATABASE_PATH: db }, '');
  assert.equal(await runAdmin(['create-help-desk-user', ...other], empty), 1);
  assert.match(empty.errLines.join('\n'), /no password/);
});

test('usage: the password is never an argument; missing and unknown options; unknown command', async () => {
  const withPw = io({ DATABASE_PATH: db });
  assert.equal(await runAdmin(['create-help-desk-user', ...HD, '--password', PASSWORD], withPw), 2);
  assert.match(withPw.errLines.join('\n'), /never taken from the command line/);
  assert.ok(!withPw.errLines.join('\n').includes(PASSWORD));
  const missing = io({ DATABASE_PATH: db });
  assert.equal(await runAdmin(['create-help-desk-user', '--username', 'x'], missing), 2);
  assert.match(missing.errLines.join('\n'), /missing --first-name, --last-name, --email, --mobile/);
  assert.equal(await runAdmin(['frobnicate'], io({})), 2);
  assert.equal(await runAdmin([], io({})), 2);
  const badConfig = io({ DATABASE_PATH: db, SCRYPT_N: '1000', PEP_ADMIN_PASSWORD: PASSWORD });
  assert.equal(await runAdmin(['create-help-desk-user', ...HD], badConfig), 2);
});

test('reseal: after a rotation every value is sealed with the new key; legacy templates too; idempotent', async () => {
  const path = join(dir, 'reseal.sqlite');
  const oldSpec = Keyring.newKeySpec('old');
  const newSpec = Keyring.newKeySpec('new');
  const oldRing = await Keyring.fromSpecs([oldSpec]);
  const store = new SqliteStore({ path });
  const account = (id: string, typing: unknown) => ({
    id,
    role: 'producer' as const,
    username: id,
    usernameKey: id,
    email: `${id}@x.example`,
    emailKey: `${id}@x.example`,
    firstName: 'F',
    lastName: 'L',
    mobile: '+13125550100',
    states: [],
    createdAt: 1,
    emailConfirmed: true,
    password: null,
    passwordHistory: [],
    typing: typing as SealedValue | null,
    patternFailures: 0,
  });
  const template = { matcher: 'summary', version: 2, data: { n: 3 } };
  const legacy = { matcher: 'v1', version: 1, text: 't', data: { raw: [1, 2, 3] } };
  await store.accounts.create(account('sealed1', await oldRing.seal(template, 'typing:sealed1')));
  await store.accounts.create(account('legacy1', legacy));
  await store.accounts.create(account('none1', null));
  await store.pendings.create({
    digest: 'P1',
    accountId: 'none1',
    stage: 'code-only',
    expiresAt: Date.now() + 60_000,
    code: null,
    enrolled: await oldRing.seal(template, 'typing:none1'),
  });
  await store.outbox.add({
    id: 'item1',
    payload: await oldRing.seal({ kind: 'decoy', size: 10 }, 'outbox:item1'),
    createdAt: 1,
    availableAt: 1,
    attempts: 0,
  });
  store.close();

  const keys = `new:${newSpec.key},old:${oldSpec.key}`;
  const first = io({ DATABASE_PATH: path, TYPING_KEYS: keys });
  assert.equal(await runAdmin(['reseal'], first), 0, first.errLines.join('\n'));
  assert.deepEqual(first.outLines, [
    'typing templates: 2 sealed again with "new", 0 already current',
    'patterns held by pending logins: 1 sealed again with "new", 0 already current',
    'queued messages: 1 sealed again with "new", 0 already current',
    'done: values sealed with older keys are gone; the older keys can be dropped.',
  ]);

  // Everything opens with the new key alone, in its place.
  const newOnly = await Keyring.fromSpecs([newSpec]);
  const check = new SqliteStore({ path });
  try {
    const s1 = (await check.accounts.get('sealed1'))!.typing!;
    const l1 = (await check.accounts.get('legacy1'))!.typing!;
    assert.equal(s1.kid, 'new');
    assert.deepEqual(await newOnly.open(s1, 'typing:sealed1'), template);
    assert.deepEqual(await newOnly.open(l1, 'typing:legacy1'), legacy);
    await assert.rejects(newOnly.open(s1, 'typing:legacy1'), 'bound to its account');
    assert.equal((await check.accounts.get('none1'))!.typing, null);
    assert.deepEqual(
      await newOnly.open((await check.pendings.get('P1'))!.enrolled!, 'typing:none1'),
      template,
    );
    const [item] = await check.outbox.claim(10, 5, 1);
    assert.equal(
      (await newOnly.open<{ kind: string }>(item!.payload, 'outbox:item1')).kind,
      'decoy',
    );
  } finally {
    check.close();
  }

  const second = io({ DATABASE_PATH: path, TYPING_KEYS: `new:${newSpec.key}` });
  assert.equal(await runAdmin(['reseal'], second), 0);
  assert.equal(
    second.outLines[0],
    'typing templates: 0 sealed again with "new", 2 already current',
  );
});

test('reseal refuses to call it done while a value needs a key TYPING_KEYS no longer holds', async () => {
  const path = join(dir, 'lost.sqlite');
  const gone = await Keyring.fromSpecs([Keyring.newKeySpec('gone')]);
  const store = new SqliteStore({ path });
  await store.outbox.add({
    id: 'i',
    payload: await gone.seal({ kind: 'decoy', size: 1 }, 'outbox:i'),
    createdAt: 1,
    availableAt: 1,
    attempts: 0,
  });
  store.close();
  const run = io({ DATABASE_PATH: path, TYPING_KEYS: `k:${Keyring.newKeySpec('k').key}` });
  assert.equal(await runAdmin(['reseal'], run), 1);
  assert.match(
    run.outLines.join('\n'),
    /queued messages: 0 sealed again with "k", 0 already current, 1 NOT OPENABLE/,
  );
  assert.match(run.errLines.join('\n'), /put that key back/);
  assert.equal(await runAdmin(['reseal'], io({ DATABASE_PATH: path })), 2, 'TYPING_KEYS required');
});

test('the npm script runs the command (a real process; password piped on stdin)', () => {
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATABASE_PATH: join(dir, 'cli.sqlite'),
    SCRYPT_N: String(TEST_SCRYPT_N),
  };
  delete env['PEP_ADMIN_PASSWORD'];
  const created = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'server/admin.ts', 'create-help-desk-user', ...HD],
    { env, input: `${PASSWORD}\n`, encoding: 'utf8' },
  );
  assert.equal(created.status, 0, created.stderr);
  assert.match(created.stdout, /created help-desk user "deskuser1"/);
  assert.ok(!created.stdout.includes(PASSWORD) && !created.stderr.includes(PASSWORD));
  const key = spawnSync(process.execPath, ['--import', 'tsx', 'server/admin.ts', 'new-key'], {
    env,
    encoding: 'utf8',
  });
  assert.equal(key.status, 0, key.stderr);
  assert.match(key.stdout.trim(), /^[A-Za-z0-9_.-]+:[A-Za-z0-9_-]{43}$/);
});
