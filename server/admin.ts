/**
 * Operator commands for the reference server, on the database it is configured for (the same
 * environment variables: DATABASE_PATH or DATABASE_URL, SCRYPT_N/R/P, TYPING_KEYS):
 *
 *   npm run admin -- create-help-desk-user --username U --first-name F --last-name L \
 *                    --email E --mobile M
 *       Create an Internet Help Desk user (role help-desk): the only way one comes to exist
 *       outside demo mode. The password is read from PEP_ADMIN_PASSWORD, or else from standard
 *       input (first line; typed without echo on a terminal) — never from the command line,
 *       where other users and the shell history would see it.
 *   npm run admin -- new-key [--kid K]
 *       Print a fresh `kid:key` (32 random bytes, base64url) for TYPING_KEYS.
 *   npm run admin -- reseal
 *       Seal again with the current (first) key of TYPING_KEYS every sealed value sealed with an
 *       older key or not sealed at all: typing templates (and legacy plain ones), patterns held
 *       by pending logins, queued messages. Safe while servers run (each value is replaced only
 *       if it is still the one read). Once it reports nothing left, the older keys can go.
 *
 * Exit status: 0 done, 1 refused or failed (the reason on stderr), 2 bad usage or configuration.
 */
import { pathToFileURL } from 'node:url';
import { AuthEngine } from '../src/adapter/engine/index.js';
import { Keyring, isSealedValue, type Sealer } from '../src/adapter/engine/sealing.js';
import { AdapterError } from '../src/adapter/errors.js';
import { ConfigError, loadAdminConfig, type AdminConfig } from './config.js';
import { ScryptHasher } from './crypto/scrypt-hasher.js';
import { SqliteStore } from './store/sqlite-store.js';
import { PostgresStore } from './store/postgres/postgres-store.js';

/** Where a command writes and reads (the CLI: the process's streams; tests: buffers). */
export interface AdminIo {
  env: Record<string, string | undefined>;
  out(line: string): void;
  err(line: string): void;
  /** The password when PEP_ADMIN_PASSWORD is not set (stdin). */
  readPassword(): Promise<string>;
}

export class UsageError extends Error {}

const USAGE = `usage: npm run admin -- <command>
  create-help-desk-user --username U --first-name F --last-name L --email E --mobile M
      (password from PEP_ADMIN_PASSWORD or standard input, never the command line)
  new-key [--kid K]      print a fresh kid:key for TYPING_KEYS
  reseal                 seal every stored value again with the current key of TYPING_KEYS`;

/** `--name value` pairs; anything else (or a repeated name) is a usage error. */
function options(args: string[], allowed: readonly string[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]!;
    const value = args[i + 1];
    if (!name.startsWith('--') || !allowed.includes(name.slice(2))) {
      throw new UsageError(
        name === '--password'
          ? 'the password is never taken from the command line: use PEP_ADMIN_PASSWORD or stdin'
          : `unknown option "${name}"`,
      );
    }
    if (value === undefined || value.startsWith('--'))
      throw new UsageError(`${name} needs a value`);
    if (name.slice(2) in found) throw new UsageError(`${name} given twice`);
    found[name.slice(2)] = value;
  }
  return found;
}

type Db = { kind: 'sqlite'; store: SqliteStore } | { kind: 'postgres'; store: PostgresStore };

async function openDb(config: AdminConfig): Promise<Db> {
  return config.databaseUrl
    ? {
        kind: 'postgres',
        store: await PostgresStore.open({ connectionString: config.databaseUrl }),
      }
    : { kind: 'sqlite', store: new SqliteStore({ path: config.databasePath }) };
}

async function closeDb(db: Db): Promise<void> {
  await db.store.close();
}

/** Run one command; resolves the exit status. */
export async function runAdmin(argv: string[], io: AdminIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    switch (command) {
      case 'new-key':
        return newKey(options(args, ['kid']), io);
      case 'create-help-desk-user':
        return await createHelpDeskUser(
          options(args, ['username', 'first-name', 'last-name', 'email', 'mobile']),
          io,
        );
      case 'reseal':
        options(args, []);
        return await reseal(io);
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n${USAGE}`);
      return 2;
    }
    if (err instanceof ConfigError) {
      io.err(`${err.message}\nSee docs/server.md.`);
      return 2;
    }
    throw err;
  }
}

function newKey(opts: Record<string, string>, io: AdminIo): number {
  const spec = opts['kid'] ? Keyring.newKeySpec(opts['kid']) : Keyring.newKeySpec();
  if (!/^[A-Za-z0-9_.-]{1,32}$/.test(spec.kid)) {
    throw new UsageError('--kid must be 1-32 of [A-Za-z0-9_.-]');
  }
  io.out(`${spec.kid}:${spec.key}`);
  io.err(
    'Rotation (docs/server.md): with several instances, first add it AFTER the current key on ' +
      'every instance; then put it FIRST (keep the older keys after it) everywhere; then run ' +
      '`npm run admin -- reseal`. Keep it secret: it is shown once and stored nowhere.',
  );
  return 0;
}

async function createHelpDeskUser(opts: Record<string, string>, io: AdminIo): Promise<number> {
  const missing = ['username', 'first-name', 'last-name', 'email', 'mobile'].filter(
    (k) => !(k in opts),
  );
  if (missing.length) throw new UsageError(`missing --${missing.join(', --')}`);
  const config = loadAdminConfig(io.env);
  const password = io.env['PEP_ADMIN_PASSWORD'] ?? (await io.readPassword());
  if (!password) {
    io.err('no password: set PEP_ADMIN_PASSWORD or give it on standard input');
    return 1;
  }
  const db = await openDb(config);
  try {
    // Creating a user seals nothing; the configured keys are used when given.
    const sealer = await Keyring.fromSpecs(config.typingKeys ?? [Keyring.newKeySpec('unused')]);
    const engine = new AuthEngine({
      store: db.store,
      hasher: new ScryptHasher(config.scrypt),
      sealer,
      confirmLinkUrl: () => {
        throw new Error('the admin command sends no link');
      },
    });
    try {
      const user = await engine.admin.createHelpDeskUser({
        username: opts['username']!,
        password,
        firstName: opts['first-name']!,
        lastName: opts['last-name']!,
        email: opts['email']!,
        mobile: opts['mobile']!,
      });
      io.out(`created help-desk user "${user.username}"`);
      return 0;
    } catch (err) {
      if (err instanceof AdapterError) {
        io.err(`refused: ${describe(err)}`);
        return 1;
      }
      throw err;
    }
  } finally {
    await closeDb(db);
  }
}

/** An engine refusal in words, without the password. */
function describe(err: AdapterError): string {
  const data = (err.data ?? {}) as Record<string, unknown>;
  switch (err.code) {
    case 'USERNAME_TAKEN':
      return 'the username is taken';
    case 'VALIDATION':
      return `invalid ${Object.entries((data['fields'] as Record<string, string>) ?? {})
        .map(([field, reason]) => `${field} (${reason})`)
        .join(', ')}`;
    case 'PASSWORD_POLICY':
      return `the password breaks the policy: ${((data['failed'] as string[]) ?? []).join(', ')}`;
    default:
      return err.code;
  }
}

/** One sealed column: how to list its values and replace one if unchanged. */
interface SealedColumn {
  what: string;
  list(): Promise<{ key: string; aad: string; raw: string }[]>;
  /** Replace `raw` by `next` for `key` when it still holds `raw`; true when replaced. */
  replace(key: string, raw: string, next: string): Promise<boolean>;
}

function sealedColumns(db: Db): SealedColumn[] {
  if (db.kind === 'sqlite') {
    const sql = db.store.db;
    const column = (
      what: string,
      table: string,
      keyCol: string,
      col: string,
      aad: (r: Record<string, string>) => string,
      extra = '',
    ): SealedColumn => ({
      what,
      list: async () =>
        (
          sql
            .prepare(
              `SELECT ${keyCol} AS k, ${col} AS v${extra} FROM ${table} WHERE ${col} IS NOT NULL`,
            )
            .all() as Record<string, string>[]
        ).map((r) => ({ key: r['k']!, aad: aad(r), raw: r['v']! })),
      replace: async (key, raw, next) =>
        sql
          .prepare(`UPDATE ${table} SET ${col} = ? WHERE ${keyCol} = ? AND ${col} = ?`)
          .run(next, key, raw).changes === 1,
    });
    return [
      column('typing templates', 'accounts', 'id', 'typing', (r) => `typing:${r['k']}`),
      column(
        'patterns held by pending logins',
        'pendings',
        'digest',
        'enrolled',
        (r) => `typing:${r['a']}`,
        ', account_id AS a',
      ),
      column('queued messages', 'outbox', 'id', 'payload', (r) => `outbox:${r['k']}`),
    ];
  }
  const { pool, schema } = db.store;
  const column = (
    what: string,
    table: string,
    keyCol: string,
    col: string,
    aad: (r: Record<string, string>) => string,
    extra = '',
  ): SealedColumn => ({
    what,
    list: async () =>
      (
        await pool.query<Record<string, string>>(
          `SELECT ${keyCol} AS k, ${col}::text AS v${extra} FROM "${schema}".${table}
           WHERE ${col} IS NOT NULL`,
        )
      ).rows.map((r) => ({ key: r['k']!, aad: aad(r), raw: r['v']! })),
    replace: async (key, raw, next) =>
      (
        await pool.query(
          `UPDATE "${schema}".${table} SET ${col} = $1::jsonb
           WHERE ${keyCol} = $2 AND ${col} = $3::jsonb`,
          [next, key, raw],
        )
      ).rowCount === 1,
  });
  return [
    column('typing templates', 'accounts', 'id', 'typing', (r) => `typing:${r['k']}`),
    column(
      'patterns held by pending logins',
      'pendings',
      'digest',
      'enrolled',
      (r) => `typing:${r['a']}`,
      ', account_id AS a',
    ),
    column('queued messages', 'outbox', 'id', 'payload', (r) => `outbox:${r['k']}`),
  ];
}

async function reseal(io: AdminIo): Promise<number> {
  const config = loadAdminConfig(io.env);
  if (!config.typingKeys) throw new ConfigError(['TYPING_KEYS is required for reseal']);
  const sealer: Sealer & { currentKid: string } = await Keyring.fromSpecs(config.typingKeys);
  const db = await openDb(config);
  let failed = 0;
  try {
    for (const column of sealedColumns(db)) {
      let resealed = 0;
      let current = 0;
      let changed = 0;
      let unreadable = 0;
      for (const row of await column.list()) {
        const value: unknown = JSON.parse(row.raw);
        if (isSealedValue(value) && !sealer.needsReseal(value)) {
          current += 1;
          continue;
        }
        let plain: unknown;
        try {
          // A legacy row holds the plain template: seal it as it is (the engine upgrades it).
          plain = isSealedValue(value) ? await sealer.open(value, row.aad) : value;
        } catch {
          unreadable += 1;
          continue;
        }
        const next = JSON.stringify(await sealer.seal(plain, row.aad));
        if (await column.replace(row.key, row.raw, next)) resealed += 1;
        // Written meanwhile by a server (with the current key): nothing to do.
        else changed += 1;
      }
      io.out(
        `${column.what}: ${resealed} sealed again with "${sealer.currentKid}", ${current} already current` +
          (changed ? `, ${changed} changed meanwhile (skipped)` : '') +
          (unreadable ? `, ${unreadable} NOT OPENABLE with these keys` : ''),
      );
      failed += unreadable;
    }
  } finally {
    await closeDb(db);
  }
  if (failed) {
    io.err(
      `${failed} value(s) were sealed with a key that TYPING_KEYS no longer holds: put that key ` +
        'back (after the current one) and run reseal again before dropping it.',
    );
    return 1;
  }
  io.out('done: values sealed with older keys are gone; the older keys can be dropped.');
  return 0;
}

/** The password from standard input: typed without echo on a terminal, else the first line. */
function readPasswordFromStdin(): Promise<string> {
  const stdin = process.stdin;
  if (stdin.isTTY) {
    process.stderr.write('Password (not shown): ');
    return new Promise((resolve, reject) => {
      let typed = '';
      stdin.setRawMode(true);
      stdin.resume();
      stdin.setEncoding('utf8');
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n') {
            done();
            resolve(typed);
            return;
          }
          if (ch === '\u0003') {
            done();
            reject(new Error('cancelled'));
            return;
          }
          if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
          else typed += ch;
        }
      };
      const done = () => {
        stdin.off('data', onData);
        stdin.setRawMode(false);
        stdin.pause();
        process.stderr.write('\n');
      };
      stdin.on('data', onData);
    });
  }
  return new Promise((resolve, reject) => {
    let text = '';
    stdin.setEncoding('utf8');
    stdin.on('data', (chunk: string) => (text += chunk));
    stdin.on('end', () => resolve(text.split(/\r?\n/)[0] ?? ''));
    stdin.on('error', reject);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runAdmin(process.argv.slice(2), {
    env: process.env,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    readPassword: readPasswordFromStdin,
  }).then(
    (status) => process.exit(status),
    (err: unknown) => {
      console.error('[pep-auth admin] failed:', err);
      process.exit(1);
    },
  );
}
