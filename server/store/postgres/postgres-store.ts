/**
 * An {@link AuthStore} on PostgreSQL (`pg`), for running several reference-server instances
 * behind one load balancer: every instance sees the same accounts, lockout counters, codes,
 * sessions — and the same locks.
 *
 *   const store = await PostgresStore.open({ connectionString: process.env.DATABASE_URL });
 *   const engine = new AuthEngine({ store, … });
 *   …
 *   await store.close();
 *
 * Schema: one table per entity in the schema `schema` (default `pep_auth`), created and upgraded
 * by the numbered migrations in `migrations/` (see migrate.ts: run under an advisory lock, so
 * instances starting together do not race). Every repository call is ONE SQL statement (arrays
 * and JSON values live in `text[]` / `jsonb` columns of their row), so each call is atomic on
 * its own; all SQL names its tables schema-qualified, so no per-connection `search_path` is
 * needed (works behind PgBouncer in transaction mode).
 *
 * ## withLock: a transaction holding an advisory lock
 * `withLock(key, fn)` checks out one pooled connection and runs
 *
 *     BEGIN; SET LOCAL lock_timeout = …; SET LOCAL idle_in_transaction_session_timeout = …;
 *     SELECT pg_advisory_xact_lock(hashtextextended('<schema>:<key>', 0))      -- 1 round trip
 *     … fn: every repository call it makes runs on THIS connection (AsyncLocalStorage) …
 *     COMMIT                                                                  -- 1 round trip
 *
 * The lock is PostgreSQL's, so it excludes every other connection of every instance; it is
 * released by COMMIT, or by the server when the connection or the process dies, or when the
 * holder sits idle in its transaction past `idleInTransactionMs`.
 *
 * - **COMMIT also when `fn` throws.** The engine writes and then rejects on purpose (the 5th
 *   wrong password stores the lockout and rejects `ACCOUNT_LOCKED`; a wrong code stores its
 *   failure count and rejects `CODE_INVALID`): a ROLLBACK there would forget the count and let
 *   an attacker guess forever. This keeps the contract "each repository call is durable when it
 *   resolves" as far as the caller can observe (nothing leaves the engine before `withLock`
 *   settles). If a statement failed, PostgreSQL turns that COMMIT into a rollback: the
 *   operation failed as a whole and granted nothing.
 * - **Nested locks** (engine order `flow | pending → account → guard → throttle`) run on the
 *   same connection and transaction: another `pg_advisory_xact_lock`, held until the outer
 *   COMMIT. A key the transaction already holds is not taken again. So a lock holder never needs
 *   a second pool connection, and the pool cannot deadlock at any size: a request waiting for a
 *   connection holds no PostgreSQL lock, and PostgreSQL locks are always taken in the engine's
 *   order. PostgreSQL's deadlock detector remains as a safety net.
 * - **In-process queue first.** Before it asks for a connection, a top-level `withLock` waits
 *   its turn in an in-process FIFO queue per key (with the same timeout): callers of one key in
 *   one instance run in call order, and a burst on one key (20 parallel logins for a username)
 *   parks in memory instead of occupying 20 connections blocked on the same advisory lock.
 * - **Timeouts.** Waiting for the key (in-process queue + `lock_timeout`) longer than
 *   `lockTimeoutMs` rejects `UNAVAILABLE` (HTTP 503, retryable) rather than hanging.
 *
 * Pool sizing: one connection per key being worked on at once (plus one per statement outside
 * a lock). `poolSize` (default 10) per instance × instances must stay under the server's
 * `max_connections` (minus headroom).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import pg, { type PoolClient, type PoolConfig, type QueryResultRow } from 'pg';
import { adapterError } from '../../../src/adapter/errors.js';
import type { Channel, PasswordFlowPurpose, Role, StateCode } from '../../../src/adapter/types.js';
import type { SealedValue } from '../../../src/adapter/engine/sealing.js';
import type {
  AccountPatch,
  AccountRecord,
  ActivityRecord,
  ActivityRepo,
  AccountRepo,
  AuthStore,
  CeremonyRecord,
  CeremonyRepo,
  CodeRecord,
  DeviceRecord,
  DeviceRepo,
  FlowRecord,
  FlowRepo,
  GuardRepo,
  LinkRecord,
  LinkRepo,
  OutboxItem,
  OutboxRepo,
  PasskeyPatch,
  PasskeyRecord,
  PasskeyRepo,
  PendingRecord,
  PendingRepo,
  PendingStage,
  SessionRecord,
  SessionRepo,
  StoredPassword,
  ThrottleRepo,
  ThrottleSend,
  TicketRecord,
  TicketRepo,
} from '../../../src/adapter/engine/store.js';
import { checkSchemaName, loadPgMigrations, migratePg, type PgMigration } from './migrate.js';

export interface PostgresStoreOptions {
  /** `postgres://user:pass@host:5432/db` (or use `pool` for every `pg` pool setting). */
  connectionString?: string;
  /** Further `pg.Pool` settings (ssl, host, user, …); `connectionString` wins when both set. */
  pool?: PoolConfig;
  /** Schema holding the tables (created by the migrations). Default `pep_auth`. */
  schema?: string;
  /** Connections per instance. Default 10. */
  poolSize?: number;
  /** Longest wait for a lock (queue + advisory lock) before `UNAVAILABLE`. Default 10 000 ms. */
  lockTimeoutMs?: number;
  /** A lock holder idle in its transaction this long is cut off by the server. Default 60 s. */
  idleInTransactionMs?: number;
  /** Override the migrations (tests). */
  migrations?: PgMigration[];
  /** Errors of idle pooled connections (network drops); default: console.error. */
  onError?(err: Error): void;
}

/** Round trips and locks since the store opened (for measurements; not synchronized). */
export interface PostgresStoreStats {
  /** SQL round trips (each `query`, including BEGIN…lock and COMMIT). */
  queries: number;
  /** Top-level `withLock` transactions. */
  lockTransactions: number;
  /** Advisory locks taken (top-level and nested). */
  advisoryLocks: number;
}

interface LockScope {
  client: PoolClient;
  /** Keys this transaction holds (re-taking one is a no-op). */
  held: Set<string>;
  /** False once committed: stray async work of `fn` falls back to the pool. */
  open: boolean;
}

type Row = Record<string, unknown>;

const num = (v: unknown): number => Number(v);
const optNum = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const jsonOrNull = (v: unknown): string | null =>
  v === null || v === undefined ? null : JSON.stringify(v);

const LOCK_TIMEOUT = '55P03';

// ---------------------------------------------------------------------------------------------
// Row mapping
// ---------------------------------------------------------------------------------------------

const ACCOUNT_COLUMNS = `id, role, username, username_key, email, email_key, first_name, last_name,
  mobile, states, producer_id, producer_account_id, created_at, email_confirmed, password,
  password_history, typing, pattern_failures, deactivated_at, language`;

function accountFromRow(r: Row): AccountRecord {
  const a: AccountRecord = {
    id: r['id'] as string,
    role: r['role'] as Role,
    username: r['username'] as string,
    usernameKey: r['username_key'] as string,
    email: r['email'] as string,
    emailKey: r['email_key'] as string,
    firstName: r['first_name'] as string,
    lastName: r['last_name'] as string,
    mobile: r['mobile'] as string,
    states: r['states'] as StateCode[],
    language: r['language'] === 'es' ? 'es' : 'en',
    createdAt: num(r['created_at']),
    emailConfirmed: r['email_confirmed'] as boolean,
    password: (r['password'] as StoredPassword | null) ?? null,
    passwordHistory: r['password_history'] as StoredPassword[],
    // Whatever JSON the engine wrote (a SealedValue; a legacy plain template in old rows).
    typing: (r['typing'] as SealedValue | null) ?? null,
    patternFailures: num(r['pattern_failures']),
  };
  if (r['deactivated_at'] !== null && r['deactivated_at'] !== undefined) {
    a.deactivatedAt = num(r['deactivated_at']);
  }
  if (r['producer_id'] !== null) a.producerId = r['producer_id'] as string;
  if (r['producer_account_id'] !== null) a.producerAccountId = r['producer_account_id'] as string;
  return a;
}

/** A column assignment: column, value, SQL cast. */
type Assign = [column: string, value: unknown, cast?: string];
type PatchSpec<P> = { [K in keyof P]-?: (value: NonNullable<P[K]> | null) => Assign[] };

const ACCOUNT_PATCH: PatchSpec<AccountPatch> = {
  username: (v) => [['username', v]],
  email: (v) => [['email', v]],
  emailKey: (v) => [['email_key', v]],
  firstName: (v) => [['first_name', v]],
  lastName: (v) => [['last_name', v]],
  mobile: (v) => [['mobile', v]],
  states: (v) => [['states', v ?? [], '::text[]']],
  producerId: (v) => [['producer_id', v]],
  producerAccountId: (v) => [['producer_account_id', v]],
  createdAt: (v) => [['created_at', v]],
  emailConfirmed: (v) => [['email_confirmed', v]],
  password: (v) => [['password', jsonOrNull(v), '::jsonb']],
  passwordHistory: (v) => [['password_history', JSON.stringify(v ?? []), '::jsonb']],
  typing: (v) => [['typing', jsonOrNull(v), '::jsonb']],
  patternFailures: (v) => [['pattern_failures', v]],
  deactivatedAt: (v) => [['deactivated_at', v]],
  language: (v) => [['language', v === 'es' ? 'es' : 'en']],
};

/** `needle` as a LIKE pattern that matches it anywhere, literally (escape character `\`). */
function containsPattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function activityFromRow(r: Row): ActivityRecord {
  return {
    id: r['id'] as string,
    accountId: r['account_id'] as string,
    at: num(r['at']),
    type: r['type'] as ActivityRecord['type'],
    method: (r['method'] as ActivityRecord['method']) ?? null,
    outcome: r['outcome'] as ActivityRecord['outcome'],
    actorRole: r['actor_role'] as ActivityRecord['actorRole'],
    actorId: (r['actor_id'] as string | null) ?? null,
    actorName: (r['actor_name'] as string | null) ?? null,
    reason: (r['reason'] as string | null) ?? null,
  };
}

const CODE_COLUMNS =
  'code_salt, code_hash, code_channel, code_expires_at, code_failures, code_used';

function codeAssign(code: CodeRecord | null): Assign[] {
  return [
    ['code_salt', code?.salt ?? null],
    ['code_hash', code?.hash ?? null],
    ['code_channel', code?.channel ?? null],
    ['code_expires_at', code?.expiresAt ?? null],
    ['code_failures', code?.failures ?? null],
    ['code_used', code?.used ?? null],
  ];
}

function codeFromRow(r: Row): CodeRecord | null {
  if (r['code_hash'] === null) return null;
  return {
    salt: r['code_salt'] as string,
    hash: r['code_hash'] as string,
    channel: r['code_channel'] as Channel,
    expiresAt: num(r['code_expires_at']),
    failures: num(r['code_failures']),
    used: r['code_used'] as boolean,
  };
}

type FlowPatch = Partial<Omit<FlowRecord, 'digest'>>;
const FLOW_PATCH: PatchSpec<FlowPatch> = {
  purpose: (v) => [['purpose', v]],
  accountId: (v) => [['account_id', v]],
  throttleKey: (v) => [['throttle_key', v]],
  masked: (v) => [
    ['masked_email', v?.email ?? null],
    ['masked_sms', v?.sms ?? null],
  ],
  expiresAt: (v) => [['expires_at', v]],
  code: (v) => codeAssign(v),
  verified: (v) => [['verified', v]],
};

function flowFromRow(r: Row): FlowRecord {
  return {
    digest: r['digest'] as string,
    purpose: r['purpose'] as PasswordFlowPurpose,
    accountId: (r['account_id'] as string | null) ?? null,
    throttleKey: r['throttle_key'] as string,
    masked: { email: r['masked_email'] as string, sms: r['masked_sms'] as string },
    expiresAt: num(r['expires_at']),
    code: codeFromRow(r),
    verified: r['verified'] as boolean,
  };
}

type PendingPatch = Partial<Omit<PendingRecord, 'digest'>>;
const PENDING_PATCH: PatchSpec<PendingPatch> = {
  accountId: (v) => [['account_id', v]],
  stage: (v) => [['stage', v]],
  expiresAt: (v) => [['expires_at', v]],
  code: (v) => codeAssign(v),
  enrolled: (v) => [['enrolled', jsonOrNull(v), '::jsonb']],
  sampleLang: (v) => [['sample_lang', v === 'es' ? 'es' : 'en']],
};

function pendingFromRow(r: Row): PendingRecord {
  return {
    digest: r['digest'] as string,
    accountId: r['account_id'] as string,
    stage: r['stage'] as PendingStage,
    expiresAt: num(r['expires_at']),
    code: codeFromRow(r),
    enrolled: (r['enrolled'] as SealedValue | null) ?? null,
    sampleLang: r['sample_lang'] === 'es' ? 'es' : 'en',
  };
}

function outboxFromRow(r: Row): OutboxItem {
  return {
    id: r['id'] as string,
    payload: r['payload'] as SealedValue,
    createdAt: num(r['created_at']),
    availableAt: num(r['available_at']),
    attempts: num(r['attempts']),
  };
}

type LinkPatch = Partial<Omit<LinkRecord, 'digest'>>;
const PASSKEY_PATCH: PatchSpec<PasskeyPatch> = {
  name: (v) => [['name', v]],
  counter: (v) => [['counter', v]],
  lastUsedAt: (v) => [['last_used_at', v]],
};

const LINK_PATCH: PatchSpec<LinkPatch> = {
  accountId: (v) => [['account_id', v]],
  createdAt: (v) => [['created_at', v]],
  expiresAt: (v) => [['expires_at', v]],
  usedAt: (v) => [['used_at', v]],
  voided: (v) => [['voided', v]],
};

function linkFromRow(r: Row): LinkRecord {
  return {
    digest: r['digest'] as string,
    accountId: r['account_id'] as string,
    createdAt: num(r['created_at']),
    expiresAt: num(r['expires_at']),
    usedAt: optNum(r['used_at']),
    voided: r['voided'] as boolean,
  };
}

/** `SET a = $2, b = $3::jsonb …` for the fields present in `patch` (undefined = not given). */
function setClause<P extends object>(
  patch: P,
  spec: PatchSpec<P>,
  firstParam: number,
): { sql: string; values: unknown[] } {
  const parts: string[] = [];
  const values: unknown[] = [];
  for (const [field, value] of Object.entries(patch) as [keyof P, unknown][]) {
    if (value === undefined) continue;
    const assign = spec[field];
    if (!assign) throw new Error(`unknown field ${String(field)}`);
    for (const [column, v, cast] of assign(value as never)) {
      values.push(v);
      parts.push(`${column} = $${firstParam + values.length - 1}${cast ?? ''}`);
    }
  }
  return { sql: parts.join(', '), values };
}

// ---------------------------------------------------------------------------------------------
// In-process FIFO queue per key, with a timeout
// ---------------------------------------------------------------------------------------------

class LocalQueue {
  /** Present while the key is held; the array holds the waiters in arrival order. */
  private readonly waiters = new Map<string, (() => void)[]>();

  /** Resolves a release function once it is this caller's turn; rejects after `timeoutMs`. */
  acquire(key: string, timeoutMs: number): Promise<() => void> {
    const release = () => this.release(key);
    const queue = this.waiters.get(key);
    if (!queue) {
      this.waiters.set(key, []);
      return Promise.resolve(release);
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve(release);
      };
      queue.push(grant);
      const timer = setTimeout(() => {
        const i = queue.indexOf(grant);
        if (i >= 0) {
          queue.splice(i, 1);
          reject(lockTimeout(key));
        }
      }, timeoutMs);
      timer.unref();
    });
  }

  private release(key: string): void {
    const next = this.waiters.get(key)?.shift();
    if (next) next();
    else this.waiters.delete(key);
  }
}

function lockTimeout(key: string) {
  const err = adapterError('UNAVAILABLE');
  err.message = `lock wait timed out (${key.split(':')[0]})`;
  return err;
}

// ---------------------------------------------------------------------------------------------
// The store
// ---------------------------------------------------------------------------------------------

export class PostgresStore implements AuthStore {
  /** Open a pool, migrate the schema (under an advisory lock) and return the store. */
  static async open(options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const store = new PostgresStore(options);
    try {
      const client = await store.pool.connect();
      try {
        store.appliedMigrations = await migratePg(
          client,
          store.schema,
          options.migrations ?? loadPgMigrations(),
        );
      } finally {
        client.release();
      }
    } catch (err) {
      await store.pool.end();
      throw err;
    }
    return store;
  }

  readonly schema: string;
  /** The schema versions this instance applied when it opened (empty: it was current). */
  appliedMigrations: number[] = [];
  readonly stats: PostgresStoreStats = { queries: 0, lockTransactions: 0, advisoryLocks: 0 };

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

  /**
   * The connection pool (tests and admin tools query through it). Do not end it: {@link close}
   * does. Lock transactions hold its connections: code that runs inside `withLock` and needs
   * another connection (the rate limiter) must use a pool of its own.
   */
  readonly pool: pg.Pool;
  private readonly scope = new AsyncLocalStorage<LockScope>();
  private readonly queue = new LocalQueue();
  private readonly lockTimeoutMs: number;
  private readonly idleInTransactionMs: number;
  private cachedSecret: Promise<string> | null = null;
  private closed = false;

  /** Use {@link PostgresStore.open} (it also migrates). */
  private constructor(options: PostgresStoreOptions) {
    this.schema = checkSchemaName(options.schema ?? 'pep_auth');
    this.lockTimeoutMs = options.lockTimeoutMs ?? 10_000;
    this.idleInTransactionMs = options.idleInTransactionMs ?? 60_000;
    this.pool = new pg.Pool({
      ...options.pool,
      ...(options.connectionString ? { connectionString: options.connectionString } : {}),
      max: options.poolSize ?? options.pool?.max ?? 10,
      application_name: options.pool?.application_name ?? 'pep-auth',
    });
    const onError = options.onError ?? ((err: Error) => console.error('[pep-auth] pg:', err));
    this.pool.on('error', onError);

    const t = (table: string) => `"${this.schema}".${table}`;
    const q = <R extends QueryResultRow = Row>(sql: string, values: unknown[] = []) =>
      this.query<R>(sql, values);
    const rows = async (sql: string, values: unknown[]) => (await q(sql, values)).rows;
    const one = async (sql: string, values: unknown[]) => (await q(sql, values)).rows[0] ?? null;
    const count = async (sql: string, values: unknown[]) => (await q(sql, values)).rowCount ?? 0;
    const update = async <P extends object>(
      table: string,
      keyColumn: string,
      key: string,
      patch: P,
      spec: PatchSpec<P>,
    ) => {
      const set = setClause(patch, spec, 2);
      if (set.sql === '') return;
      await q(`UPDATE ${t(table)} SET ${set.sql} WHERE ${keyColumn} = $1`, [key, ...set.values]);
    };

    this.accounts = {
      get: async (id) => {
        const r = await one(`SELECT ${ACCOUNT_COLUMNS} FROM ${t('accounts')} WHERE id = $1`, [id]);
        return r && accountFromRow(r);
      },
      getByUsername: async (key) => {
        const r = await one(
          `SELECT ${ACCOUNT_COLUMNS} FROM ${t('accounts')} WHERE username_key = $1`,
          [key],
        );
        return r && accountFromRow(r);
      },
      listByEmail: async (key) =>
        (
          await rows(
            `SELECT ${ACCOUNT_COLUMNS} FROM ${t('accounts')} WHERE email_key = $1 ORDER BY seq`,
            [key],
          )
        ).map(accountFromRow),
      listDelegates: async (producerAccountId) =>
        (
          await rows(
            `SELECT ${ACCOUNT_COLUMNS} FROM ${t('accounts')}
             WHERE producer_account_id = $1 AND role = 'delegate' ORDER BY seq`,
            [producerAccountId],
          )
        ).map(accountFromRow),
      create: async (a) =>
        (await count(
          `INSERT INTO ${t('accounts')} (${ACCOUNT_COLUMNS})
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text[], $11, $12, $13, $14,
                   $15::jsonb, $16::jsonb, $17::jsonb, $18, $19, $20)
           ON CONFLICT (username_key) DO NOTHING`,
          [
            a.id,
            a.role,
            a.username,
            a.usernameKey,
            a.email,
            a.emailKey,
            a.firstName,
            a.lastName,
            a.mobile,
            a.states,
            a.producerId ?? null,
            a.producerAccountId ?? null,
            a.createdAt,
            a.emailConfirmed,
            jsonOrNull(a.password),
            JSON.stringify(a.passwordHistory),
            jsonOrNull(a.typing),
            a.patternFailures,
            a.deactivatedAt ?? null,
            a.language === 'es' ? 'es' : 'en',
          ],
        )) === 1,
      update: (id, patch) => update('accounts', 'id', id, patch, ACCOUNT_PATCH),
      searchDelegates: async (needle, limit) =>
        (
          await rows(
            `SELECT ${ACCOUNT_COLUMNS} FROM ${t('accounts')} WHERE role = 'delegate' AND (
               username_key LIKE $1 OR email_key LIKE $1 OR lower(first_name) LIKE $1
               OR lower(last_name) LIKE $1 OR lower(first_name || ' ' || last_name) LIKE $1
               OR mobile LIKE $1)
             ORDER BY username_key COLLATE "C" LIMIT $2`,
            [containsPattern(needle), limit],
          )
        ).map(accountFromRow),
    };

    this.links = {
      get: async (digest) => {
        const r = await one(`SELECT * FROM ${t('links')} WHERE digest = $1`, [digest]);
        return r && linkFromRow(r);
      },
      create: async (l) =>
        void (await q(
          `INSERT INTO ${t('links')} (digest, account_id, created_at, expires_at, used_at, voided)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [l.digest, l.accountId, l.createdAt, l.expiresAt, l.usedAt, l.voided],
        )),
      update: (digest, patch) => update('links', 'digest', digest, patch, LINK_PATCH),
      voidForAccount: async (accountId) =>
        void (await q(
          `UPDATE ${t('links')} SET voided = true WHERE account_id = $1 AND NOT voided`,
          [accountId],
        )),
    };

    this.flows = {
      get: async (digest) => {
        const r = await one(`SELECT * FROM ${t('flows')} WHERE digest = $1`, [digest]);
        return r && flowFromRow(r);
      },
      create: async (f) =>
        void (await q(
          `INSERT INTO ${t('flows')} (digest, purpose, account_id, throttle_key, masked_email,
             masked_sms, expires_at, verified, ${CODE_COLUMNS})
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
          [
            f.digest,
            f.purpose,
            f.accountId,
            f.throttleKey,
            f.masked.email,
            f.masked.sms,
            f.expiresAt,
            f.verified,
            ...codeAssign(f.code).map(([, v]) => v),
          ],
        )),
      update: (digest, patch) => update('flows', 'digest', digest, patch, FLOW_PATCH),
      delete: async (digest) =>
        void (await q(`DELETE FROM ${t('flows')} WHERE digest = $1`, [digest])),
      deleteExpired: (now) => count(`DELETE FROM ${t('flows')} WHERE expires_at <= $1`, [now]),
    };

    this.pendings = {
      get: async (digest) => {
        const r = await one(`SELECT * FROM ${t('pendings')} WHERE digest = $1`, [digest]);
        return r && pendingFromRow(r);
      },
      create: async (p) =>
        void (await q(
          `INSERT INTO ${t('pendings')} (digest, account_id, stage, expires_at, ${CODE_COLUMNS},
             enrolled, sample_lang)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12)`,
          [
            p.digest,
            p.accountId,
            p.stage,
            p.expiresAt,
            ...codeAssign(p.code).map(([, v]) => v),
            jsonOrNull(p.enrolled),
            p.sampleLang === 'es' ? 'es' : 'en',
          ],
        )),
      update: (digest, patch) => update('pendings', 'digest', digest, patch, PENDING_PATCH),
      delete: async (digest) =>
        void (await q(`DELETE FROM ${t('pendings')} WHERE digest = $1`, [digest])),
      deleteExpired: (now) => count(`DELETE FROM ${t('pendings')} WHERE expires_at <= $1`, [now]),
    };

    this.devices = {
      get: async (digest) => {
        const r = await one(`SELECT * FROM ${t('devices')} WHERE digest = $1`, [digest]);
        return (
          r &&
          ({
            digest: r['digest'] as string,
            accountId: r['account_id'] as string,
            expiresAt: num(r['expires_at']),
          } satisfies DeviceRecord)
        );
      },
      create: async (d) =>
        void (await q(
          `INSERT INTO ${t('devices')} (digest, account_id, expires_at) VALUES ($1, $2, $3)`,
          [d.digest, d.accountId, d.expiresAt],
        )),
      countForAccount: async (accountId, now) =>
        num(
          (
            await one(
              `SELECT count(*) AS n FROM ${t('devices')} WHERE account_id = $1 AND expires_at > $2`,
              [accountId, now],
            )
          )?.['n'] ?? 0,
        ),
      deleteForAccount: async (accountId) =>
        void (await q(`DELETE FROM ${t('devices')} WHERE account_id = $1`, [accountId])),
      deleteExpired: (now) => count(`DELETE FROM ${t('devices')} WHERE expires_at <= $1`, [now]),
    };

    this.guards = {
      get: async (key) => {
        const r = await one(
          `SELECT failures, locked_until FROM ${t('login_guards')} WHERE key = $1`,
          [key],
        );
        return r && { failures: num(r['failures']), lockedUntil: optNum(r['locked_until']) };
      },
      put: async (key, g) =>
        void (await q(
          `INSERT INTO ${t('login_guards')} (key, failures, locked_until) VALUES ($1, $2, $3)
           ON CONFLICT (key) DO UPDATE
           SET failures = EXCLUDED.failures, locked_until = EXCLUDED.locked_until`,
          [key, g.failures, g.lockedUntil],
        )),
      delete: async (key) =>
        void (await q(`DELETE FROM ${t('login_guards')} WHERE key = $1`, [key])),
    };

    this.throttles = {
      get: async (key) => {
        const r = await one(`SELECT sends FROM ${t('throttles')} WHERE key = $1`, [key]);
        return r ? (r['sends'] as ThrottleSend[]) : [];
      },
      put: async (key, sends) => {
        const list = sends.map((s) => ({ at: s.at, channel: s.channel }));
        const last = list.length ? Math.max(...list.map((s) => s.at)) : null;
        await q(
          `INSERT INTO ${t('throttles')} (key, sends, last_at) VALUES ($1, $2::jsonb, $3)
           ON CONFLICT (key) DO UPDATE SET sends = EXCLUDED.sends, last_at = EXCLUDED.last_at`,
          [key, JSON.stringify(list), last],
        );
      },
      deleteStale: (before) =>
        count(`DELETE FROM ${t('throttles')} WHERE last_at IS NULL OR last_at <= $1`, [before]),
    };

    this.sessions = {
      get: async (digest) => {
        const r = await one(`SELECT * FROM ${t('sessions')} WHERE digest = $1`, [digest]);
        return (
          r &&
          ({
            digest: r['digest'] as string,
            accountId: r['account_id'] as string,
            issuedAt: num(r['issued_at']),
            expiresAt: num(r['expires_at']),
            lastSeenAt: num(r['last_seen_at']),
          } satisfies SessionRecord)
        );
      },
      create: async (s) =>
        void (await q(
          `INSERT INTO ${t('sessions')} (digest, account_id, issued_at, expires_at, last_seen_at)
           VALUES ($1, $2, $3, $4, $5)`,
          [s.digest, s.accountId, s.issuedAt, s.expiresAt, s.lastSeenAt],
        )),
      touch: async (digest, lastSeenAt) =>
        void (await q(`UPDATE ${t('sessions')} SET last_seen_at = $2 WHERE digest = $1`, [
          digest,
          lastSeenAt,
        ])),
      delete: async (digest) =>
        void (await q(`DELETE FROM ${t('sessions')} WHERE digest = $1`, [digest])),
      deleteForAccount: async (accountId) =>
        void (await q(`DELETE FROM ${t('sessions')} WHERE account_id = $1`, [accountId])),
      deleteExpired: (now) => count(`DELETE FROM ${t('sessions')} WHERE expires_at <= $1`, [now]),
    };

    this.tickets = {
      create: async (x: TicketRecord) =>
        (await count(
          `INSERT INTO ${t('tickets')} (ticket_id, account_id, created_at) VALUES ($1, $2, $3)
           ON CONFLICT (ticket_id) DO NOTHING`,
          [x.ticketId, x.accountId, x.createdAt],
        )) === 1,
    };

    this.outbox = {
      add: async (item) =>
        void (await q(
          `INSERT INTO ${t('outbox')} (id, payload, created_at, available_at, attempts)
           VALUES ($1, $2::jsonb, $3, $4, $5)`,
          [item.id, JSON.stringify(item.payload), item.createdAt, item.availableAt, item.attempts],
        )),
      // One statement: the due rows are locked as they are picked and rows another worker (of
      // any instance) holds are skipped, so two claims never return the same item.
      claim: async (now, limit, leaseMs) => {
        if (limit <= 0) return [];
        const claimed = await rows(
          `UPDATE ${t('outbox')} SET available_at = $2, attempts = attempts + 1
           WHERE id IN (
             SELECT id FROM ${t('outbox')} WHERE available_at <= $1
             ORDER BY created_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
           RETURNING *`,
          [now, now + leaseMs, Math.floor(limit)],
        );
        return claimed
          .map(outboxFromRow)
          .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      },
      delete: async (id) => void (await q(`DELETE FROM ${t('outbox')} WHERE id = $1`, [id])),
      reschedule: async (id, availableAt) =>
        void (await q(`UPDATE ${t('outbox')} SET available_at = $2 WHERE id = $1`, [
          id,
          availableAt,
        ])),
      count: async () =>
        num((await one(`SELECT count(*) AS n FROM ${t('outbox')}`, []))?.['n'] ?? 0),
    };

    const passkeyFrom = (r: Row): PasskeyRecord => ({
      id: r['id'] as string,
      accountId: r['account_id'] as string,
      publicKey: r['public_key'] as string,
      counter: num(r['counter']),
      transports: (r['transports'] as string[] | null) ?? [],
      name: r['name'] as string,
      createdAt: num(r['created_at']),
      lastUsedAt: optNum(r['last_used_at']),
    });
    this.passkeys = {
      get: async (id) => {
        const r = await one(`SELECT * FROM ${t('passkeys')} WHERE id = $1`, [id]);
        return r && passkeyFrom(r);
      },
      listForAccount: async (accountId) =>
        (
          await rows(
            `SELECT * FROM ${t('passkeys')} WHERE account_id = $1 ORDER BY created_at, id`,
            [accountId],
          )
        ).map(passkeyFrom),
      create: async (p) =>
        (await count(
          `INSERT INTO ${t('passkeys')}
             (id, account_id, public_key, counter, transports, name, created_at, last_used_at)
           VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
          [
            p.id,
            p.accountId,
            p.publicKey,
            p.counter,
            JSON.stringify(p.transports),
            p.name,
            p.createdAt,
            p.lastUsedAt,
          ],
        )) === 1,
      update: (id, patch) => update<PasskeyPatch>('passkeys', 'id', id, patch, PASSKEY_PATCH),
      delete: async (id) => void (await q(`DELETE FROM ${t('passkeys')} WHERE id = $1`, [id])),
      deletePasskeysOf: (accountId) =>
        count(`DELETE FROM ${t('passkeys')} WHERE account_id = $1`, [accountId]),
      // The insert waits for a concurrent one (any instance) and keeps the first value; the
      // read after it (a new snapshot) sees whichever won.
      userHandle: async (accountId, candidate) => {
        await q(
          `INSERT INTO ${t('passkey_users')} (account_id, user_handle) VALUES ($1, $2)
           ON CONFLICT (account_id) DO NOTHING`,
          [accountId, candidate],
        );
        const r = await one(`SELECT user_handle FROM ${t('passkey_users')} WHERE account_id = $1`, [
          accountId,
        ]);
        return String(r?.['user_handle']);
      },
    };

    const ceremonyFrom = (r: Row): CeremonyRecord => ({
      digest: r['digest'] as string,
      purpose: r['purpose'] as CeremonyRecord['purpose'],
      challenge: r['challenge'] as string,
      accountId: (r['account_id'] as string | null) ?? null,
      expiresAt: num(r['expires_at']),
      used: r['used'] === true,
    });
    this.ceremonies = {
      get: async (digest) => {
        const r = await one(`SELECT * FROM ${t('ceremonies')} WHERE digest = $1`, [digest]);
        return r && ceremonyFrom(r);
      },
      create: async (c) =>
        void (await q(
          `INSERT INTO ${t('ceremonies')}
             (digest, purpose, challenge, account_id, expires_at, used)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [c.digest, c.purpose, c.challenge, c.accountId, c.expiresAt, c.used],
        )),
      // One statement: of two concurrent calls, exactly one changes the row.
      markUsed: async (digest) =>
        (await count(`UPDATE ${t('ceremonies')} SET used = true WHERE digest = $1 AND NOT used`, [
          digest,
        ])) === 1,
      deleteExpired: (now) => count(`DELETE FROM ${t('ceremonies')} WHERE expires_at <= $1`, [now]),
    };

    this.activity = {
      // Always on the pool, never inside a lock transaction: an entry written while a lock is
      // held (a failed login, a lockout) stays when that transaction rolls back.
      add: async (e) => {
        this.stats.queries += 1;
        await this.pool.query(
          `INSERT INTO ${t('activity')} (id, account_id, at, type, method, outcome, actor_role,
             actor_id, actor_name, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            e.id,
            e.accountId,
            e.at,
            e.type,
            e.method,
            e.outcome,
            e.actorRole,
            e.actorId,
            e.actorName,
            e.reason,
          ],
        );
      },
      list: async (accountId, cursor, limit, types) => {
        const where = ['account_id = $1'];
        const values: unknown[] = [accountId];
        if (cursor) {
          values.push(cursor.at, cursor.id);
          where.push(`(at < $2 OR (at = $2 AND id COLLATE "C" < $3))`);
        }
        if (types) {
          if (types.length === 0) return [];
          values.push([...types]);
          where.push(`type = ANY($${values.length}::text[])`);
        }
        values.push(limit);
        return (
          await rows(
            `SELECT * FROM ${t('activity')} WHERE ${where.join(' AND ')}
             ORDER BY at DESC, id COLLATE "C" DESC LIMIT $${values.length}`,
            values,
          )
        ).map(activityFromRow);
      },
      deleteBefore: (before) => count(`DELETE FROM ${t('activity')} WHERE at < $1`, [before]),
    };
  }

  /** One round trip: on the lock transaction's connection inside `withLock`, else the pool. */
  private query<R extends QueryResultRow>(
    sql: string,
    values: unknown[],
  ): Promise<pg.QueryResult<R>> {
    this.stats.queries += 1;
    const scope = this.scope.getStore();
    return scope?.open ? scope.client.query<R>(sql, values) : this.pool.query<R>(sql, values);
  }

  secret(): Promise<string> {
    this.cachedSecret ??= (async () => {
      const meta = `"${this.schema}".meta`;
      // Every instance proposes a value; the first insert wins, everyone reads the winner.
      await this.query(
        `INSERT INTO ${meta} (key, value) VALUES ('secret', $1) ON CONFLICT DO NOTHING`,
        [randomBytes(32).toString('base64url')],
      );
      const { rows } = await this.query<{ value: string }>(
        `SELECT value FROM ${meta} WHERE key = 'secret'`,
        [],
      );
      return rows[0]!.value;
    })().catch((err: unknown) => {
      this.cachedSecret = null;
      throw err;
    });
    return this.cachedSecret;
  }

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const outer = this.scope.getStore();
    if (outer?.open) return this.nestedLock(outer, key, fn);

    const started = Date.now();
    const releaseTurn = await this.queue.acquire(key, this.lockTimeoutMs);
    try {
      const client = await this.pool.connect();
      const scope: LockScope = { client, held: new Set([key]), open: true };
      let broken: Error | undefined;
      try {
        const remaining = Math.max(1, this.lockTimeoutMs - (Date.now() - started));
        this.stats.queries += 1;
        this.stats.lockTransactions += 1;
        this.stats.advisoryLocks += 1;
        try {
          // One round trip: simple-query protocol, several statements.
          await client.query(
            `BEGIN; SET LOCAL lock_timeout = ${Math.ceil(remaining)};
             SET LOCAL idle_in_transaction_session_timeout = ${this.idleInTransactionMs};
             SELECT pg_advisory_xact_lock(hashtextextended(${client.escapeLiteral(
               `${this.schema}:${key}`,
             )}, 0))`,
          );
        } catch (err) {
          await client.query('ROLLBACK').catch((e: Error) => (broken = e));
          throw isLockTimeout(err) ? lockTimeout(key) : err;
        }
        let result: { ok: true; value: T } | { ok: false; error: unknown };
        try {
          result = { ok: true, value: await this.scope.run(scope, fn) };
        } catch (error) {
          result = { ok: false, error };
        }
        scope.open = false;
        // COMMIT also when fn threw: see the module comment.
        this.stats.queries += 1;
        let committed: pg.QueryResult;
        try {
          committed = await client.query('COMMIT');
        } catch (err) {
          broken = err as Error;
          throw err;
        }
        if (!result.ok) throw result.error;
        if (committed.command === 'ROLLBACK') {
          throw new Error(`withLock(${key}): a statement failed, the transaction rolled back`);
        }
        return result.value;
      } finally {
        scope.open = false;
        client.release(broken);
      }
    } finally {
      releaseTurn();
    }
  }

  /** Inside a lock transaction: take `key` too, on the same connection (held until COMMIT). */
  private async nestedLock<T>(scope: LockScope, key: string, fn: () => Promise<T>): Promise<T> {
    if (!scope.held.has(key)) {
      this.stats.queries += 1;
      this.stats.advisoryLocks += 1;
      try {
        await scope.client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
          `${this.schema}:${key}`,
        ]);
      } catch (err) {
        throw isLockTimeout(err) ? lockTimeout(key) : err;
      }
      scope.held.add(key);
    }
    return fn();
  }

  /**
   * Delete every record but the server secret (the demo's reset; never in production). Other
   * instances' requests in flight may fail; the schema and its migrations stay.
   */
  async clearAll(): Promise<void> {
    const tables = [
      'accounts',
      'links',
      'flows',
      'pendings',
      'devices',
      'login_guards',
      'throttles',
      'sessions',
      'tickets',
      'outbox',
      'rate_limits',
      'passkeys',
      'passkey_users',
      'ceremonies',
      'activity',
    ];
    await this.query(`TRUNCATE ${tables.map((x) => `"${this.schema}".${x}`).join(', ')}`, []);
  }

  /** Close the pool (idempotent). Locks in flight finish first. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

function isLockTimeout(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === LOCK_TIMEOUT;
}
