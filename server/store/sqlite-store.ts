/**
 * The reference server's {@link AuthStore} on SQLite (better-sqlite3): one table per entity
 * (schema in `migrations/`), WAL journal, foreign keys on, `synchronous = FULL` so every
 * repository call is durable when it resolves.
 *
 * better-sqlite3 is synchronous: each call runs to completion on the event loop, so one
 * statement (or one `transaction`) is atomic with respect to every other request of this
 * process. Multi-row changes (an account with its states and password history, a throttle's
 * sends) run in one transaction. `withLock` is the engine's in-process {@link KeyedMutex}: one
 * server process owns the database file. Several processes on one file would need the lock in a
 * shared store instead (see docs/server.md).
 */
import Sqlite, { type Database, type Statement } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { SealedValue } from '../../src/adapter/engine/sealing.js';
import type { Channel, StateCode } from '../../src/adapter/types.js';
import {
  KeyedMutex,
  type AccountPatch,
  type AccountRecord,
  type AccountRepo,
  type ActivityRecord,
  type ActivityRepo,
  type AuthStore,
  type CeremonyRecord,
  type CeremonyRepo,
  type CodeRecord,
  type DeviceRecord,
  type DeviceRepo,
  type FlowRecord,
  type FlowRepo,
  type GuardRepo,
  type LinkRecord,
  type LinkRepo,
  type LoginGuard,
  type OutboxItem,
  type OutboxRepo,
  type PasskeyRecord,
  type PasskeyRepo,
  type PendingRecord,
  type PendingRepo,
  type SessionRecord,
  type SessionRepo,
  type StoredPassword,
  type ThrottleRepo,
  type ThrottleSend,
  type TicketRecord,
  type TicketRepo,
} from '../../src/adapter/engine/store.js';
import { migrate, type Migration, loadMigrations } from './migrate.js';

export interface SqliteStoreOptions {
  /** Database file; `:memory:` for a throwaway store. Parent directories are created. */
  path: string;
  /** Override the migrations (tests). */
  migrations?: Migration[];
}

type Row = Record<string, unknown>;

const bool = (v: boolean): number => (v ? 1 : 0);
const json = (v: unknown): string => JSON.stringify(v);
const num = (v: unknown): number => Number(v);
const optNum = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

interface CodeColumns {
  code_salt: string | null;
  code_hash: string | null;
  code_channel: string | null;
  code_expires_at: number | null;
  code_failures: number | null;
  code_used: number | null;
}

function codeColumns(code: CodeRecord | null): CodeColumns {
  return code
    ? {
        code_salt: code.salt,
        code_hash: code.hash,
        code_channel: code.channel,
        code_expires_at: code.expiresAt,
        code_failures: code.failures,
        code_used: bool(code.used),
      }
    : {
        code_salt: null,
        code_hash: null,
        code_channel: null,
        code_expires_at: null,
        code_failures: null,
        code_used: null,
      };
}

function codeFrom(row: Row): CodeRecord | null {
  if (row['code_hash'] === null || row['code_hash'] === undefined) return null;
  return {
    salt: String(row['code_salt']),
    hash: String(row['code_hash']),
    channel: row['code_channel'] as Channel,
    expiresAt: num(row['code_expires_at']),
    failures: num(row['code_failures']),
    used: row['code_used'] === 1,
  };
}

/** Builds `UPDATE table SET a = @a, b = @b WHERE key = @key` for the columns present. */
class UpdateBuilder {
  private readonly cache = new Map<string, Statement>();
  constructor(
    private readonly db: Database,
    private readonly table: string,
    private readonly keyColumn: string,
  ) {}

  run(key: string, columns: Record<string, unknown>): void {
    const names = Object.keys(columns).sort();
    if (names.length === 0) return;
    const id = names.join(',');
    let stmt = this.cache.get(id);
    if (!stmt) {
      const sets = names.map((n) => `${n} = @${n}`).join(', ');
      stmt = this.db.prepare(`UPDATE ${this.table} SET ${sets} WHERE ${this.keyColumn} = @__key`);
      this.cache.set(id, stmt);
    }
    stmt.run({ ...columns, __key: key });
  }
}

/** Column names of the account fields an {@link AccountPatch} may change. */
const ACCOUNT_COLUMNS: Record<string, (v: unknown) => [string, unknown]> = {
  username: (v) => ['username', String(v)],
  email: (v) => ['email', String(v)],
  emailKey: (v) => ['email_key', String(v)],
  firstName: (v) => ['first_name', String(v)],
  lastName: (v) => ['last_name', String(v)],
  mobile: (v) => ['mobile', String(v)],
  producerId: (v) => ['producer_id', v === undefined || v === null ? null : String(v)],
  producerAccountId: (v) => [
    'producer_account_id',
    v === undefined || v === null ? null : String(v),
  ],
  createdAt: (v) => ['created_at', num(v)],
  emailConfirmed: (v) => ['email_confirmed', bool(Boolean(v))],
  password: (v) => ['password', v === null || v === undefined ? null : json(v)],
  typing: (v) => ['typing', v === null || v === undefined ? null : json(v)],
  patternFailures: (v) => ['pattern_failures', num(v)],
  deactivatedAt: (v) => ['deactivated_at', optNum(v)],
  language: (v) => ['language', v === 'es' ? 'es' : 'en'],
};

/** `needle` as a LIKE pattern that matches it anywhere, literally (escape character `\`). */
function containsPattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class SqliteStore implements AuthStore {
  readonly db: Database;
  readonly accounts: AccountRepo;
  readonly links: LinkRepo;
  readonly flows: FlowRepo;
  readonly pendings: PendingRepo;
  readonly devices: DeviceRepo;
  readonly guards: GuardRepo;
  readonly throttles: ThrottleRepo;
  readonly sessions: SessionRepo;
  readonly tickets: TicketRepo;
  readonly outbox: OutboxRepo;
  readonly passkeys: PasskeyRepo;
  readonly ceremonies: CeremonyRepo;
  readonly activity: ActivityRepo;
  /** The schema versions applied when this store opened the file (empty when current). */
  readonly appliedMigrations: number[];
  private readonly mutex = new KeyedMutex();
  private closed = false;

  constructor(options: SqliteStoreOptions) {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    const db = new Sqlite(options.path);
    this.db = db;
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      this.appliedMigrations = migrate(db, options.migrations ?? loadMigrations());
    } catch (err) {
      db.close();
      throw err;
    }
    this.accounts = this.accountRepo();
    this.links = this.linkRepo();
    this.flows = this.flowRepo();
    this.pendings = this.pendingRepo();
    this.devices = this.deviceRepo();
    this.guards = this.guardRepo();
    this.throttles = this.throttleRepo();
    this.sessions = this.sessionRepo();
    this.tickets = this.ticketRepo();
    this.outbox = this.outboxRepo();
    this.passkeys = this.passkeyRepo();
    this.ceremonies = this.ceremonyRepo();
    this.activity = this.activityRepo();
  }

  /** The schema version recorded in the database. */
  schemaVersion(): number {
    const row = this.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as {
      v: number | null;
    };
    return row.v ?? 0;
  }

  async secret(): Promise<string> {
    // One statement: concurrent first calls (even from two processes) keep the first value.
    this.db
      .prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('secret', ?)")
      .run(randomBytes(32).toString('base64url'));
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'secret'").get() as Row;
    return String(row['value']);
  }

  withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.mutex.withLock(key, fn);
  }

  /** Delete every record but the server secret (the demo's "Reset demo data"). */
  clearAll(): void {
    this.db.transaction(() => {
      for (const t of [
        'activity',
        'ceremonies',
        'passkey_users',
        'passkeys',
        'outbox',
        'rate_limits',
        'tickets',
        'sessions',
        'throttle_sends',
        'login_guards',
        'devices',
        'pendings',
        'flows',
        'links',
        'password_history',
        'account_states',
      ]) {
        this.db.prepare(`DELETE FROM ${t}`).run();
      }
      // Delegates before the producers they reference.
      this.db.prepare('DELETE FROM accounts WHERE producer_account_id IS NOT NULL').run();
      this.db.prepare('DELETE FROM accounts').run();
    })();
  }

  /** Close the database (checkpoints the WAL). Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  // -------------------------------------------------------------------------------------------
  // Accounts
  // -------------------------------------------------------------------------------------------

  private accountRepo(): AccountRepo {
    const db = this.db;
    const byId = db.prepare('SELECT * FROM accounts WHERE id = ?');
    const byUsername = db.prepare('SELECT * FROM accounts WHERE username_key = ?');
    const byEmail = db.prepare('SELECT * FROM accounts WHERE email_key = ? ORDER BY rowid');
    const byProducer = db.prepare(
      'SELECT * FROM accounts WHERE producer_account_id = ? ORDER BY rowid',
    );
    const statesOf = db.prepare(
      'SELECT state FROM account_states WHERE account_id = ? ORDER BY position',
    );
    const historyOf = db.prepare(
      'SELECT password FROM password_history WHERE account_id = ? ORDER BY position',
    );
    const insert = db.prepare(`INSERT INTO accounts (id, role, username, username_key, email,
        email_key, first_name, last_name, mobile, producer_id, producer_account_id, created_at,
        email_confirmed, password, typing, pattern_failures, deactivated_at, language)
      VALUES (@id, @role, @username, @username_key, @email, @email_key, @first_name, @last_name,
        @mobile, @producer_id, @producer_account_id, @created_at, @email_confirmed, @password,
        @typing, @pattern_failures, @deactivated_at, @language)
      ON CONFLICT (username_key) DO NOTHING`);
    const clearStates = db.prepare('DELETE FROM account_states WHERE account_id = ?');
    const addState = db.prepare(
      'INSERT INTO account_states (account_id, position, state) VALUES (?, ?, ?)',
    );
    const clearHistory = db.prepare('DELETE FROM password_history WHERE account_id = ?');
    const addHistory = db.prepare(
      'INSERT INTO password_history (account_id, position, password) VALUES (?, ?, ?)',
    );
    const exists = db.prepare('SELECT 1 FROM accounts WHERE id = ?');
    const update = new UpdateBuilder(db, 'accounts', 'id');
    const search = db.prepare(`SELECT * FROM accounts WHERE role = 'delegate' AND (
        username_key LIKE @p ESCAPE '\\' OR email_key LIKE @p ESCAPE '\\'
        OR lower(first_name) LIKE @p ESCAPE '\\' OR lower(last_name) LIKE @p ESCAPE '\\'
        OR lower(first_name || ' ' || last_name) LIKE @p ESCAPE '\\'
        OR mobile LIKE @p ESCAPE '\\')
      ORDER BY username_key LIMIT @limit`);

    const writeStates = (id: string, states: StateCode[]) => {
      clearStates.run(id);
      // Duplicates would break the UNIQUE constraint; keep the first occurrence.
      [...new Set(states)].forEach((s, i) => addState.run(id, i, s));
    };
    const writeHistory = (id: string, history: StoredPassword[]) => {
      clearHistory.run(id);
      history.forEach((p, i) => addHistory.run(id, i, json(p)));
    };
    const read = (row: Row | undefined): AccountRecord | null => {
      if (!row) return null;
      const id = String(row['id']);
      const account: AccountRecord = {
        id,
        role: row['role'] as AccountRecord['role'],
        username: String(row['username']),
        usernameKey: String(row['username_key']),
        email: String(row['email']),
        emailKey: String(row['email_key']),
        firstName: String(row['first_name']),
        lastName: String(row['last_name']),
        mobile: String(row['mobile']),
        states: (statesOf.all(id) as Row[]).map((r) => r['state'] as StateCode),
        language: row['language'] === 'es' ? 'es' : 'en',
        createdAt: num(row['created_at']),
        emailConfirmed: row['email_confirmed'] === 1,
        password:
          row['password'] === null ? null : (JSON.parse(String(row['password'])) as StoredPassword),
        passwordHistory: (historyOf.all(id) as Row[]).map(
          (r) => JSON.parse(String(r['password'])) as StoredPassword,
        ),
        // Whatever JSON the engine wrote (a SealedValue; a legacy plain template in old rows).
        typing: row['typing'] === null ? null : (JSON.parse(String(row['typing'])) as SealedValue),
        patternFailures: num(row['pattern_failures']),
      };
      if (row['deactivated_at'] !== null) account.deactivatedAt = num(row['deactivated_at']);
      if (row['producer_id'] !== null) account.producerId = String(row['producer_id']);
      if (row['producer_account_id'] !== null) {
        account.producerAccountId = String(row['producer_account_id']);
      }
      return account;
    };
    const create = db.transaction((a: AccountRecord): boolean => {
      const result = insert.run({
        id: a.id,
        role: a.role,
        username: a.username,
        username_key: a.usernameKey,
        email: a.email,
        email_key: a.emailKey,
        first_name: a.firstName,
        last_name: a.lastName,
        mobile: a.mobile,
        producer_id: a.producerId ?? null,
        producer_account_id: a.producerAccountId ?? null,
        created_at: a.createdAt,
        email_confirmed: bool(a.emailConfirmed),
        password: a.password ? json(a.password) : null,
        typing: a.typing ? json(a.typing) : null,
        pattern_failures: a.patternFailures,
        deactivated_at: a.deactivatedAt ?? null,
        language: a.language === 'es' ? 'es' : 'en',
      });
      if (result.changes === 0) return false;
      writeStates(a.id, a.states);
      writeHistory(a.id, a.passwordHistory);
      return true;
    });
    const patch = db.transaction((id: string, p: AccountPatch) => {
      if (!exists.get(id)) return;
      const columns: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(p)) {
        const map = ACCOUNT_COLUMNS[field];
        if (!map) continue;
        const [column, v] = map(value);
        columns[column] = v;
      }
      update.run(id, columns);
      if (p.states !== undefined) writeStates(id, p.states);
      if (p.passwordHistory !== undefined) writeHistory(id, p.passwordHistory);
    });

    return {
      get: async (id) => read(byId.get(id) as Row | undefined),
      getByUsername: async (key) => read(byUsername.get(key) as Row | undefined),
      listByEmail: async (key) => (byEmail.all(key) as Row[]).map((r) => read(r)!),
      searchDelegates: async (needle, limit) =>
        (search.all({ p: containsPattern(needle), limit }) as Row[]).map((r) => read(r)!),
      listDelegates: async (producer) => (byProducer.all(producer) as Row[]).map((r) => read(r)!),
      create: async (account) => create(account),
      update: async (id, p) => patch(id, p),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Links
  // -------------------------------------------------------------------------------------------

  private linkRepo(): LinkRepo {
    const db = this.db;
    const get = db.prepare('SELECT * FROM links WHERE digest = ?');
    const insert = db.prepare(`INSERT INTO links
      (digest, account_id, created_at, expires_at, used_at, voided)
      VALUES (@digest, @account_id, @created_at, @expires_at, @used_at, @voided)`);
    const voidAll = db.prepare('UPDATE links SET voided = 1 WHERE account_id = ?');
    const update = new UpdateBuilder(db, 'links', 'digest');
    const read = (row: Row | undefined): LinkRecord | null =>
      row
        ? {
            digest: String(row['digest']),
            accountId: String(row['account_id']),
            createdAt: num(row['created_at']),
            expiresAt: num(row['expires_at']),
            usedAt: optNum(row['used_at']),
            voided: row['voided'] === 1,
          }
        : null;
    return {
      get: async (digest) => read(get.get(digest) as Row | undefined),
      create: async (l) => {
        insert.run({
          digest: l.digest,
          account_id: l.accountId,
          created_at: l.createdAt,
          expires_at: l.expiresAt,
          used_at: l.usedAt,
          voided: bool(l.voided),
        });
      },
      update: async (digest, p) => {
        const c: Record<string, unknown> = {};
        if (p.accountId !== undefined) c['account_id'] = p.accountId;
        if (p.createdAt !== undefined) c['created_at'] = p.createdAt;
        if (p.expiresAt !== undefined) c['expires_at'] = p.expiresAt;
        if (p.usedAt !== undefined) c['used_at'] = p.usedAt;
        if (p.voided !== undefined) c['voided'] = bool(p.voided);
        update.run(digest, c);
      },
      voidForAccount: async (accountId) => {
        voidAll.run(accountId);
      },
    };
  }

  // -------------------------------------------------------------------------------------------
  // Flows and pending logins
  // -------------------------------------------------------------------------------------------

  private flowRepo(): FlowRepo {
    const db = this.db;
    const get = db.prepare('SELECT * FROM flows WHERE digest = ?');
    const insert = db.prepare(`INSERT INTO flows (digest, purpose, account_id, throttle_key,
        masked_email, masked_sms, expires_at, verified, code_salt, code_hash, code_channel,
        code_expires_at, code_failures, code_used)
      VALUES (@digest, @purpose, @account_id, @throttle_key, @masked_email, @masked_sms,
        @expires_at, @verified, @code_salt, @code_hash, @code_channel, @code_expires_at,
        @code_failures, @code_used)`);
    const del = db.prepare('DELETE FROM flows WHERE digest = ?');
    const expired = db.prepare('DELETE FROM flows WHERE expires_at <= ?');
    const update = new UpdateBuilder(db, 'flows', 'digest');
    const read = (row: Row | undefined): FlowRecord | null =>
      row
        ? {
            digest: String(row['digest']),
            purpose: row['purpose'] as FlowRecord['purpose'],
            accountId: row['account_id'] === null ? null : String(row['account_id']),
            throttleKey: String(row['throttle_key']),
            masked: { email: String(row['masked_email']), sms: String(row['masked_sms']) },
            expiresAt: num(row['expires_at']),
            code: codeFrom(row),
            verified: row['verified'] === 1,
          }
        : null;
    return {
      get: async (digest) => read(get.get(digest) as Row | undefined),
      create: async (f) => {
        insert.run({
          digest: f.digest,
          purpose: f.purpose,
          account_id: f.accountId,
          throttle_key: f.throttleKey,
          masked_email: f.masked.email,
          masked_sms: f.masked.sms,
          expires_at: f.expiresAt,
          verified: bool(f.verified),
          ...codeColumns(f.code),
        });
      },
      update: async (digest, p) => {
        let c: Record<string, unknown> = {};
        if (p.purpose !== undefined) c['purpose'] = p.purpose;
        if (p.accountId !== undefined) c['account_id'] = p.accountId;
        if (p.throttleKey !== undefined) c['throttle_key'] = p.throttleKey;
        if (p.masked !== undefined) {
          c['masked_email'] = p.masked.email;
          c['masked_sms'] = p.masked.sms;
        }
        if (p.expiresAt !== undefined) c['expires_at'] = p.expiresAt;
        if (p.verified !== undefined) c['verified'] = bool(p.verified);
        if (p.code !== undefined) c = { ...c, ...codeColumns(p.code) };
        update.run(digest, c);
      },
      delete: async (digest) => {
        del.run(digest);
      },
      deleteExpired: async (now) => expired.run(now).changes,
    };
  }

  private pendingRepo(): PendingRepo {
    const db = this.db;
    const get = db.prepare('SELECT * FROM pendings WHERE digest = ?');
    const insert = db.prepare(`INSERT INTO pendings (digest, account_id, stage, expires_at,
        code_salt, code_hash, code_channel, code_expires_at, code_failures, code_used, enrolled,
        sample_lang)
      VALUES (@digest, @account_id, @stage, @expires_at, @code_salt, @code_hash, @code_channel,
        @code_expires_at, @code_failures, @code_used, @enrolled, @sample_lang)`);
    const del = db.prepare('DELETE FROM pendings WHERE digest = ?');
    const expired = db.prepare('DELETE FROM pendings WHERE expires_at <= ?');
    const update = new UpdateBuilder(db, 'pendings', 'digest');
    const read = (row: Row | undefined): PendingRecord | null =>
      row
        ? {
            digest: String(row['digest']),
            accountId: String(row['account_id']),
            stage: row['stage'] as PendingRecord['stage'],
            expiresAt: num(row['expires_at']),
            code: codeFrom(row),
            enrolled:
              row['enrolled'] === null || row['enrolled'] === undefined
                ? null
                : (JSON.parse(String(row['enrolled'])) as SealedValue),
            sampleLang: row['sample_lang'] === 'es' ? 'es' : 'en',
          }
        : null;
    return {
      get: async (digest) => read(get.get(digest) as Row | undefined),
      create: async (p) => {
        insert.run({
          digest: p.digest,
          account_id: p.accountId,
          stage: p.stage,
          expires_at: p.expiresAt,
          ...codeColumns(p.code),
          enrolled: p.enrolled ? json(p.enrolled) : null,
          sample_lang: p.sampleLang === 'es' ? 'es' : 'en',
        });
      },
      update: async (digest, p) => {
        let c: Record<string, unknown> = {};
        if (p.accountId !== undefined) c['account_id'] = p.accountId;
        if (p.stage !== undefined) c['stage'] = p.stage;
        if (p.expiresAt !== undefined) c['expires_at'] = p.expiresAt;
        if (p.code !== undefined) c = { ...c, ...codeColumns(p.code) };
        if (p.enrolled !== undefined) c['enrolled'] = p.enrolled ? json(p.enrolled) : null;
        if (p.sampleLang !== undefined) c['sample_lang'] = p.sampleLang === 'es' ? 'es' : 'en';
        update.run(digest, c);
      },
      delete: async (digest) => {
        del.run(digest);
      },
      deleteExpired: async (now) => expired.run(now).changes,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Devices, guards, throttles, sessions, tickets
  // -------------------------------------------------------------------------------------------

  private deviceRepo(): DeviceRepo {
    const db = this.db;
    const get = db.prepare('SELECT * FROM devices WHERE digest = ?');
    const insert = db.prepare(
      'INSERT INTO devices (digest, account_id, expires_at) VALUES (?, ?, ?)',
    );
    const delAccount = db.prepare('DELETE FROM devices WHERE account_id = ?');
    const expired = db.prepare('DELETE FROM devices WHERE expires_at <= ?');
    const count = db.prepare(
      'SELECT count(*) AS n FROM devices WHERE account_id = ? AND expires_at > ?',
    );
    return {
      countForAccount: async (accountId, now) => num((count.get(accountId, now) as Row)['n']),
      get: async (digest) => {
        const row = get.get(digest) as Row | undefined;
        return row
          ? {
              digest: String(row['digest']),
              accountId: String(row['account_id']),
              expiresAt: num(row['expires_at']),
            }
          : null;
      },
      create: async (d: DeviceRecord) => {
        insert.run(d.digest, d.accountId, d.expiresAt);
      },
      deleteForAccount: async (accountId) => {
        delAccount.run(accountId);
      },
      deleteExpired: async (now) => expired.run(now).changes,
    };
  }

  private guardRepo(): GuardRepo {
    const db = this.db;
    const get = db.prepare('SELECT failures, locked_until FROM login_guards WHERE key = ?');
    const put = db.prepare(`INSERT INTO login_guards (key, failures, locked_until)
      VALUES (?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET failures = excluded.failures,
        locked_until = excluded.locked_until`);
    const del = db.prepare('DELETE FROM login_guards WHERE key = ?');
    return {
      get: async (key): Promise<LoginGuard | null> => {
        const row = get.get(key) as Row | undefined;
        return row
          ? { failures: num(row['failures']), lockedUntil: optNum(row['locked_until']) }
          : null;
      },
      put: async (key, g) => {
        put.run(key, g.failures, g.lockedUntil);
      },
      delete: async (key) => {
        del.run(key);
      },
    };
  }

  private throttleRepo(): ThrottleRepo {
    const db = this.db;
    const get = db.prepare('SELECT at, channel FROM throttle_sends WHERE key = ? ORDER BY seq');
    const clear = db.prepare('DELETE FROM throttle_sends WHERE key = ?');
    const add = db.prepare(
      'INSERT INTO throttle_sends (key, seq, at, channel) VALUES (?, ?, ?, ?)',
    );
    const staleKeys = db.prepare('SELECT key FROM throttle_sends GROUP BY key HAVING MAX(at) <= ?');
    const put = db.transaction((key: string, sends: ThrottleSend[]) => {
      clear.run(key);
      sends.forEach((s, i) => add.run(key, i, s.at, s.channel));
    });
    const dropStale = db.transaction((before: number): number => {
      const keys = (staleKeys.all(before) as Row[]).map((r) => String(r['key']));
      for (const k of keys) clear.run(k);
      return keys.length;
    });
    return {
      get: async (key) =>
        (get.all(key) as Row[]).map((r) => ({
          at: num(r['at']),
          channel: r['channel'] as Channel,
        })),
      put: async (key, sends) => put(key, sends),
      deleteStale: async (before) => dropStale(before),
    };
  }

  private sessionRepo(): SessionRepo {
    const db = this.db;
    const get = db.prepare('SELECT * FROM sessions WHERE digest = ?');
    const insert = db.prepare(`INSERT INTO sessions (digest, account_id, issued_at, expires_at,
        last_seen_at) VALUES (?, ?, ?, ?, ?)`);
    const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE digest = ?');
    const del = db.prepare('DELETE FROM sessions WHERE digest = ?');
    const delAccount = db.prepare('DELETE FROM sessions WHERE account_id = ?');
    const expired = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
    return {
      get: async (digest): Promise<SessionRecord | null> => {
        const row = get.get(digest) as Row | undefined;
        return row
          ? {
              digest: String(row['digest']),
              accountId: String(row['account_id']),
              issuedAt: num(row['issued_at']),
              expiresAt: num(row['expires_at']),
              lastSeenAt: num(row['last_seen_at']),
            }
          : null;
      },
      create: async (s) => {
        insert.run(s.digest, s.accountId, s.issuedAt, s.expiresAt, s.lastSeenAt);
      },
      touch: async (digest, lastSeenAt) => {
        touch.run(lastSeenAt, digest);
      },
      delete: async (digest) => {
        del.run(digest);
      },
      deleteForAccount: async (accountId) => {
        delAccount.run(accountId);
      },
      deleteExpired: async (now) => expired.run(now).changes,
    };
  }

  /**
   * The outbox. A claim is one transaction (select the due rows, push their lease, read them
   * back): better-sqlite3 runs it to completion on the event loop, and SQLite's write lock
   * (`BEGIN IMMEDIATE`) keeps another process on the same file out of it.
   */
  private outboxRepo(): OutboxRepo {
    const db = this.db;
    const insert = db.prepare(`INSERT INTO outbox (id, payload, created_at, available_at, attempts)
      VALUES (?, ?, ?, ?, ?)`);
    const due = db.prepare(`SELECT id FROM outbox WHERE available_at <= ?
      ORDER BY created_at, rowid LIMIT ?`);
    const lease = db.prepare(`UPDATE outbox SET available_at = ?, attempts = attempts + 1
      WHERE id = ? RETURNING *`);
    const del = db.prepare('DELETE FROM outbox WHERE id = ?');
    const reschedule = db.prepare('UPDATE outbox SET available_at = ? WHERE id = ?');
    const count = db.prepare('SELECT COUNT(*) AS n FROM outbox');
    const read = (row: Row): OutboxItem => ({
      id: String(row['id']),
      payload: JSON.parse(String(row['payload'])) as SealedValue,
      createdAt: num(row['created_at']),
      availableAt: num(row['available_at']),
      attempts: num(row['attempts']),
    });
    const claim = db.transaction((now: number, limit: number, leaseMs: number): OutboxItem[] => {
      const ids = (due.all(now, limit) as Row[]).map((r) => String(r['id']));
      return ids.map((id) => read(lease.get(now + leaseMs, id) as Row));
    });
    return {
      add: async (item) => {
        insert.run(item.id, json(item.payload), item.createdAt, item.availableAt, item.attempts);
      },
      claim: async (now, limit, leaseMs) =>
        limit > 0 ? claim.immediate(now, Math.floor(limit), leaseMs) : [],
      delete: async (id) => {
        del.run(id);
      },
      reschedule: async (id, availableAt) => {
        reschedule.run(availableAt, id);
      },
      count: async () => num((count.get() as Row)['n']),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Passkeys and WebAuthn ceremonies
  // -------------------------------------------------------------------------------------------

  private passkeyRepo(): PasskeyRepo {
    const db = this.db;
    const get = db.prepare('SELECT * FROM passkeys WHERE id = ?');
    const ofAccount = db.prepare(
      'SELECT * FROM passkeys WHERE account_id = ? ORDER BY created_at, rowid',
    );
    const insert = db.prepare(`INSERT INTO passkeys (id, account_id, public_key, counter,
        transports, name, created_at, last_used_at)
      VALUES (@id, @account_id, @public_key, @counter, @transports, @name, @created_at,
        @last_used_at)
      ON CONFLICT (id) DO NOTHING`);
    const del = db.prepare('DELETE FROM passkeys WHERE id = ?');
    const delAccount = db.prepare('DELETE FROM passkeys WHERE account_id = ?');
    const addHandle = db.prepare(
      'INSERT INTO passkey_users (account_id, user_handle) VALUES (?, ?) ON CONFLICT DO NOTHING',
    );
    const handleOf = db.prepare('SELECT user_handle FROM passkey_users WHERE account_id = ?');
    const update = new UpdateBuilder(db, 'passkeys', 'id');
    const read = (row: Row): PasskeyRecord => ({
      id: String(row['id']),
      accountId: String(row['account_id']),
      publicKey: String(row['public_key']),
      counter: num(row['counter']),
      transports: JSON.parse(String(row['transports'])) as string[],
      name: String(row['name']),
      createdAt: num(row['created_at']),
      lastUsedAt: optNum(row['last_used_at']),
    });
    const userHandle = db.transaction((accountId: string, candidate: string): string => {
      addHandle.run(accountId, candidate);
      return String((handleOf.get(accountId) as Row)['user_handle']);
    });
    return {
      get: async (id) => {
        const row = get.get(id) as Row | undefined;
        return row ? read(row) : null;
      },
      listForAccount: async (accountId) => (ofAccount.all(accountId) as Row[]).map(read),
      create: async (p) =>
        insert.run({
          id: p.id,
          account_id: p.accountId,
          public_key: p.publicKey,
          counter: p.counter,
          transports: json(p.transports),
          name: p.name,
          created_at: p.createdAt,
          last_used_at: p.lastUsedAt,
        }).changes === 1,
      update: async (id, p) => {
        const c: Record<string, unknown> = {};
        if (p.name !== undefined) c['name'] = p.name;
        if (p.counter !== undefined) c['counter'] = p.counter;
        if (p.lastUsedAt !== undefined) c['last_used_at'] = p.lastUsedAt;
        update.run(id, c);
      },
      delete: async (id) => {
        del.run(id);
      },
      deletePasskeysOf: async (accountId) => delAccount.run(accountId).changes,
      userHandle: async (accountId, candidate) => userHandle(accountId, candidate),
    };
  }

  private ceremonyRepo(): CeremonyRepo {
    const db = this.db;
    const get = db.prepare('SELECT * FROM ceremonies WHERE digest = ?');
    const insert = db.prepare(`INSERT INTO ceremonies (digest, purpose, challenge, account_id,
        expires_at, used) VALUES (?, ?, ?, ?, ?, ?)`);
    const markUsed = db.prepare('UPDATE ceremonies SET used = 1 WHERE digest = ? AND used = 0');
    const expired = db.prepare('DELETE FROM ceremonies WHERE expires_at <= ?');
    return {
      get: async (digest): Promise<CeremonyRecord | null> => {
        const row = get.get(digest) as Row | undefined;
        return row
          ? {
              digest: String(row['digest']),
              purpose: row['purpose'] as CeremonyRecord['purpose'],
              challenge: String(row['challenge']),
              accountId: row['account_id'] === null ? null : String(row['account_id']),
              expiresAt: num(row['expires_at']),
              used: row['used'] === 1,
            }
          : null;
      },
      create: async (c) => {
        insert.run(c.digest, c.purpose, c.challenge, c.accountId, c.expiresAt, bool(c.used));
      },
      markUsed: async (digest) => markUsed.run(digest).changes === 1,
      deleteExpired: async (now) => expired.run(now).changes,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Activity log
  // -------------------------------------------------------------------------------------------

  private activityRepo(): ActivityRepo {
    const db = this.db;
    const insert = db.prepare(`INSERT INTO activity (id, account_id, at, type, method, outcome,
        actor_role, actor_id, actor_name, reason)
      VALUES (@id, @account_id, @at, @type, @method, @outcome, @actor_role, @actor_id,
        @actor_name, @reason)`);
    const before = db.prepare('DELETE FROM activity WHERE at < ?');
    const read = (row: Row): ActivityRecord => ({
      id: String(row['id']),
      accountId: String(row['account_id']),
      at: num(row['at']),
      type: row['type'] as ActivityRecord['type'],
      method: row['method'] === null ? null : (row['method'] as ActivityRecord['method']),
      outcome: row['outcome'] as ActivityRecord['outcome'],
      actorRole: row['actor_role'] as ActivityRecord['actorRole'],
      actorId: row['actor_id'] === null ? null : String(row['actor_id']),
      actorName: row['actor_name'] === null ? null : String(row['actor_name']),
      reason: row['reason'] === null ? null : String(row['reason']),
    });
    return {
      add: async (e) => {
        insert.run({
          id: e.id,
          account_id: e.accountId,
          at: e.at,
          type: e.type,
          method: e.method,
          outcome: e.outcome,
          actor_role: e.actorRole,
          actor_id: e.actorId,
          actor_name: e.actorName,
          reason: e.reason,
        });
      },
      list: async (accountId, cursor, limit, types) => {
        const where = ['account_id = ?'];
        const args: unknown[] = [accountId];
        if (cursor) {
          where.push('(at < ? OR (at = ? AND id < ?))');
          args.push(cursor.at, cursor.at, cursor.id);
        }
        if (types) {
          if (types.length === 0) return [];
          where.push(`type IN (${types.map(() => '?').join(', ')})`);
          args.push(...types);
        }
        args.push(limit);
        const rows = db
          .prepare(
            `SELECT * FROM activity WHERE ${where.join(' AND ')} ORDER BY at DESC, id DESC LIMIT ?`,
          )
          .all(...args) as Row[];
        return rows.map(read);
      },
      deleteBefore: async (at) => before.run(at).changes,
    };
  }

  private ticketRepo(): TicketRepo {
    const insert = this.db.prepare(`INSERT INTO tickets (ticket_id, account_id, created_at)
      VALUES (?, ?, ?) ON CONFLICT (ticket_id) DO NOTHING`);
    return {
      create: async (t: TicketRecord) =>
        insert.run(t.ticketId, t.accountId, t.createdAt).changes === 1,
    };
  }
}
