/**
 * The reference server's request rate limits: the engine's {@link RequestLimiter} on
 * `rate-limiter-flexible`. Every limited operation has two fixed-window budgets, one per client
 * address and one per account (the engine passes an opaque digest of the username or email key,
 * the same for existing and missing accounts); a request counts against both, and is refused
 * `RATE_LIMITED { retryAfter }` (HTTP 429 + `Retry-After`) once either is spent.
 *
 * Where the counters live:
 * - **PostgreSQL** (`RateLimiterPostgres`): the `rate_limits` table of the store's schema, one
 *   budget shared by every instance behind the load balancer (an attacker gains nothing by
 *   spreading requests over instances). Give it a pool of its own (the server: 4 connections),
 *   not the store's: the engine counts some requests while it holds a lock transaction, i.e. a
 *   connection of the store's pool, and counting through that same pool could wait for a
 *   connection only a lock holder can free. Each count is one autocommitted statement.
 * - **SQLite** (`RateLimiterSQLite`, better-sqlite3): the `rate_limits` table of the database
 *   file. One process owns the file, so memory would count as well; the table costs one small
 *   write per counted request but keeps the budgets across a restart (a crash or a deploy does
 *   not hand an attacker fresh budgets).
 * - **memory** (`RateLimiterMemory`): for tests of this module.
 *
 * The windows are fixed (they start with a key's first request) and all at most 15 minutes, so
 * a burst aimed at someone else's account keeps its owner out of recovery for at most that long.
 * The counters use the system clock (`Date.now()`, as the library does); `retryAfter` is given
 * on the engine's clock (`clock.now() + msBeforeNext`), which the HTTP layer turns into
 * `Retry-After` seconds.
 */
import type { Database } from 'better-sqlite3';
import type pg from 'pg';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  RateLimiterSQLite,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { adapterError } from '../../src/adapter/errors.js';
import type { Clock } from '../../src/core/clock.js';
import type {
  LimitedOperation,
  LimitKeys,
  RequestLimiter,
} from '../../src/adapter/engine/security.js';

/** A fixed-window budget: `points` requests per `windowMs`. */
interface Budget {
  points: number;
  windowMs: number;
}

type Scope = 'client' | 'account';

export type RateLimitTable = Record<LimitedOperation, Record<Scope, Budget>>;

const MIN = 60_000;

/** The server's defaults (issue 19 §4): every window at most 15 minutes. */
export const DEFAULT_RATE_LIMITS: Readonly<RateLimitTable> = Object.freeze({
  login: { client: { points: 30, windowMs: 5 * MIN }, account: { points: 20, windowMs: 15 * MIN } },
  'find-account': {
    client: { points: 20, windowMs: 10 * MIN },
    account: { points: 10, windowMs: 15 * MIN },
  },
  'send-code': {
    client: { points: 10, windowMs: 10 * MIN },
    account: { points: 8, windowMs: 15 * MIN },
  },
  'verify-code': {
    client: { points: 30, windowMs: 10 * MIN },
    account: { points: 20, windowMs: 15 * MIN },
  },
  'forgot-username': {
    client: { points: 10, windowMs: 10 * MIN },
    account: { points: 5, windowMs: 15 * MIN },
  },
  // Passkey sign-in, like login: starting a ceremony names no account (the account budget is
  // never counted); finishing counts per credential id.
  'passkey-options': {
    client: { points: 30, windowMs: 5 * MIN },
    account: { points: 20, windowMs: 15 * MIN },
  },
  'passkey-sign-in': {
    client: { points: 30, windowMs: 5 * MIN },
    account: { points: 20, windowMs: 15 * MIN },
  },
});

export const LIMITED_OPERATIONS = Object.keys(DEFAULT_RATE_LIMITS) as LimitedOperation[];

/**
 * Programmatic overrides (tests): requests per window for some operations and scopes; the
 * window stays the default's.
 */
export type RateLimitOverrides = Partial<Record<LimitedOperation, Partial<Record<Scope, number>>>>;

/** The defaults with `overrides` applied; throws RangeError on a count that is not ≥ 1. */
export function rateLimitTable(overrides: RateLimitOverrides = {}): RateLimitTable {
  const table = {} as RateLimitTable;
  for (const op of LIMITED_OPERATIONS) {
    table[op] = {
      client: { ...DEFAULT_RATE_LIMITS[op].client },
      account: { ...DEFAULT_RATE_LIMITS[op].account },
    };
  }
  for (const [op, scopes] of Object.entries(overrides) as [
    LimitedOperation,
    Partial<Record<Scope, number>>,
  ][]) {
    if (!table[op]) throw new RangeError(`rate limits: unknown operation "${op}"`);
    for (const [scope, points] of Object.entries(scopes ?? {}) as [Scope, number][]) {
      if (scope !== 'client' && scope !== 'account') {
        throw new RangeError(`rate limits: unknown scope "${scope}" for ${op}`);
      }
      if (!Number.isInteger(points) || points < 1) {
        throw new RangeError(`rate limits: ${op}.${scope} must be an integer ≥ 1 (got ${points})`);
      }
      table[op][scope] = { ...table[op][scope], points };
    }
  }
  return table;
}

/** Where the counters live (see the module comment). */
export type RateLimitBackend =
  | { kind: 'memory' }
  | { kind: 'sqlite'; db: Database }
  | { kind: 'postgres'; pool: pg.Pool; schema: string };

export interface RateLimitsOptions {
  table?: RateLimitTable;
  /** The engine's clock, for `retryAfter`. */
  clock: Clock;
}

/** The counters' table (created by the stores' migration 0002). */
const TABLE = 'rate_limits';
/** Expired counters are deleted this often (and an hour after they expired). */
const SWEEP_MS = 5 * MIN;

/** {@link RequestLimiter} on rate-limiter-flexible; see the module comment. */
export class RateLimits implements RequestLimiter {
  readonly table: Readonly<RateLimitTable>;
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private readonly clock: Clock;
  private readonly sweep: (() => Promise<void>) | null;
  private timer: NodeJS.Timeout | null = null;

  constructor(backend: RateLimitBackend, options: RateLimitsOptions) {
    this.table = options.table ?? rateLimitTable();
    this.clock = options.clock;
    for (const op of LIMITED_OPERATIONS) {
      for (const scope of ['client', 'account'] as const) {
        const budget = this.table[op][scope];
        const common = {
          keyPrefix: `${op}:${scope}`,
          points: budget.points,
          duration: Math.ceil(budget.windowMs / 1000),
        };
        // The table exists (migration 0002); expired rows are swept below, on our own timer
        // (stopped by close(), so no sweep ever runs on a closed database).
        const limiter =
          backend.kind === 'postgres'
            ? new RateLimiterPostgres({
                ...common,
                storeClient: backend.pool,
                storeType: 'pool',
                schemaName: backend.schema,
                tableName: TABLE,
                tableCreated: true,
                clearExpiredByTimeout: false,
              })
            : backend.kind === 'sqlite'
              ? new RateLimiterSQLite({
                  ...common,
                  storeClient: backend.db,
                  storeType: 'better-sqlite3',
                  tableName: TABLE,
                  tableCreated: true,
                  clearExpiredByTimeout: false,
                })
              : new RateLimiterMemory(common);
        this.limiters.set(`${op}:${scope}`, limiter);
      }
    }
    if (backend.kind === 'memory') {
      this.sweep = null;
    } else {
      const sql =
        backend.kind === 'postgres'
          ? `DELETE FROM "${backend.schema}".${TABLE} WHERE expire < $1`
          : `DELETE FROM ${TABLE} WHERE expire < ?`;
      this.sweep =
        backend.kind === 'postgres'
          ? async () => void (await backend.pool.query(sql, [Date.now() - 60 * MIN]))
          : async () => void backend.db.prepare(sql).run(Date.now() - 60 * MIN);
    }
  }

  /** Start deleting expired counters every 5 minutes (a no-op in memory). */
  start(): this {
    if (this.sweep && !this.timer) {
      const sweep = this.sweep;
      this.timer = setInterval(() => {
        // Housekeeping only: a failed sweep is retried at the next tick.
        sweep().catch(() => undefined);
      }, SWEEP_MS);
      this.timer.unref();
    }
    return this;
  }

  /** Stop the sweep (before the database closes). Idempotent. */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  async consume(operation: LimitedOperation, keys: LimitKeys): Promise<void> {
    const wanted: [Scope, string][] = [];
    if (keys.client) wanted.push(['client', keys.client]);
    if (keys.account) wanted.push(['account', keys.account]);
    // Both budgets count the request, whichever is spent (a client hammering one account uses
    // up both; the longer wait wins).
    const results = await Promise.allSettled(
      wanted.map(([scope, key]) => this.limiters.get(`${operation}:${scope}`)!.consume(key)),
    );
    let waitMs = -1;
    for (const r of results) {
      if (r.status === 'fulfilled') continue;
      if (!(r.reason instanceof RateLimiterRes)) throw r.reason as Error;
      waitMs = Math.max(waitMs, r.reason.msBeforeNext, 0);
    }
    if (waitMs >= 0) {
      throw adapterError('RATE_LIMITED', { retryAfter: this.clock.now() + Math.max(waitMs, 1000) });
    }
  }
}
