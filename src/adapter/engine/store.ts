/**
 * The persistence contract of the {@link AuthEngine}: records (plain JSON values) and one async
 * repository per entity. The engine owns every rule; a store only keeps records and offers the
 * few atomic primitives the rules need. Implementations: `MemoryStore` (JSON state, used by the
 * in-memory adapter), the reference server's SQLite store. Any implementation can be checked
 * with `storeConformanceSuite` (store-conformance.ts).
 *
 * ## What is stored, and how
 * Everything a backend would hash is stored hashed: passwords ({@link StoredPassword}), one-time
 * codes (salted SHA-256, {@link CodeRecord}) and every bearer token a client holds (email links,
 * flow ids, pending-login ids, device tokens, session tokens: the `digest` fields, SHA-256 of a
 * 256-bit random value as base64url). A store never sees a token or a password in clear.
 *
 * ## Records are values
 * Every read returns a fresh copy: mutating it changes nothing until the engine writes it back
 * (`update`, `put`). Reads of a missing record return `null`.
 *
 * ## Concurrency: keyed locks
 * The engine serialises every read-modify-write with {@link AuthStore.withLock}: it takes a lock
 * on a key naming the record (`guard:<key>`, `account:<id>`, `flow:<digest>`,
 * `pending:<digest>`, `throttle:<key>`, `passkey:<id>`), then reads, decides and writes. So 20 parallel wrong
 * passwords for one username lock at exactly the 5th, and a code, link or flow cannot be used
 * twice even when two requests race. The engine may nest locks, always in this order and never
 * the same key twice (locks need not be re-entrant):
 *
 *     flow | pending | passkey  →  account  →  guard  →  throttle
 *
 * Creating an account relies on the atomic {@link AccountRepo.create} (unique username) instead.
 *
 * A single process (the in-memory adapter, one SQLite server) implements `withLock` with an
 * in-process mutex per key (see {@link KeyedMutex}). A multi-instance deployment moves the lock
 * to the shared store, e.g.
 * - **Redis**: `SET lock:<key> <random> NX PX 10000`, retry with a short back-off while it
 *   fails, run `fn`, then release with a compare-and-delete script (`if GET == random then
 *   DEL`); keep records in hashes/strings under the same keys (codes, sessions and throttles
 *   with `PEXPIREAT` so they expire by themselves).
 * - **PostgreSQL**: run `fn` in one transaction that first takes
 *   `SELECT pg_advisory_xact_lock(hashtextextended(<key>, 0))` (released on commit/rollback);
 *   the repository calls made inside `fn` use that transaction (e.g. via AsyncLocalStorage).
 *
 * A store may also make the counters themselves atomic (`INCR` / `UPDATE … SET failures =
 * failures + 1 … RETURNING`), but the engine does not require it: under the lock a plain
 * read-then-write is correct. Lock acquisition should time out (with an error) rather than hang.
 *
 * ## Durability and ordering
 * Each repository call must be durable on its own when it resolves. Within an operation the
 * engine writes in a fail-safe order (e.g. it marks a code used before it starts the session),
 * so a crash between two writes never grants more than the rules allow.
 */
import type { SaltedDigest } from '../../core/hash.js';
import type { SealedValue } from './sealing.js';
import type {
  ActivityMethod,
  ActivityType,
  Channel,
  PasswordFlowPurpose,
  Language,
  Role,
  StateCode,
} from '../types.js';

/**
 * A stored password hash. `alg` names the algorithm and the other fields its parameters, so
 * hashes of different algorithms (the default PBKDF2, the server's scrypt) can coexist and be
 * told apart: `{ alg: 'pbkdf2-sha256', iterations, salt, hash }`,
 * `{ alg: 'scrypt', cost, blockSize, parallelization, keyLength, salt, hash }`. `salt` and
 * `hash` are base64url.
 */
export interface StoredPassword {
  alg: string;
  salt: string;
  hash: string;
  /** PBKDF2 work factor. */
  iterations?: number;
  /** scrypt N. */
  cost?: number;
  /** scrypt r. */
  blockSize?: number;
  /** scrypt p. */
  parallelization?: number;
  /** Derived key length in bytes. */
  keyLength?: number;
}

export interface AccountRecord {
  id: string;
  role: Role;
  /** As typed when created; look-ups use `usernameKey` (lower case). */
  username: string;
  /** `usernameKey(username)`: trimmed, lower case. Unique. */
  usernameKey: string;
  email: string;
  /** `normalizeEmail(email)`: trimmed, lower case (Forgot Username looks accounts up by it). */
  emailKey: string;
  firstName: string;
  lastName: string;
  /** E.164. */
  mobile: string;
  states: StateCode[];
  /**
   * The language of the account's emails and text messages (set at Add Delegate). Absent:
   * English (records written before it existed); stores return what was written.
   */
  language?: Language;
  /** Producers: their own producer id. */
  producerId?: string;
  /** Delegates: the account id of the producer who added them. */
  producerAccountId?: string;
  createdAt: number;
  emailConfirmed: boolean;
  /** Null until the first password is created (an invited delegate). */
  password: StoredPassword | null;
  /** The last passwords, newest last, at most PASSWORD_HISTORY_SIZE (includes the current one). */
  passwordHistory: StoredPassword[];
  /**
   * The typing-pattern template (the matcher's summary, never raw key timings), sealed with
   * the engine's key (AES-256-GCM, bound to this account's id). Null until a first login has
   * enrolled it AND passed its code verification, and after a help-desk reset.
   */
  typing: SealedValue | null;
  /** Consecutive failed pattern verifications; at the limit the pattern is disabled. */
  patternFailures: number;
  /**
   * Epoch ms when the account was deactivated (by its producer or the Help Desk); null or
   * absent while active. A deactivated account cannot sign in, recover or receive codes.
   */
  deactivatedAt?: number | null;
}

/** A one-time code: only its salted digest is kept. */
export interface CodeRecord extends SaltedDigest {
  channel: Channel;
  expiresAt: number;
  failures: number;
  used: boolean;
}

/** A *Confirm Your Email Address* link. */
export interface LinkRecord {
  /** SHA-256 of the token. */
  digest: string;
  accountId: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
  /** Replaced by a resent invitation. */
  voided: boolean;
}

/** A create/reset password flow: find account → code → new password. */
export interface FlowRecord {
  /** SHA-256 of the flow id. */
  digest: string;
  purpose: PasswordFlowPurpose;
  /** Null for a username that does not exist (the flow only looks real). */
  accountId: string | null;
  /**
   * The account's limit key, `digest('acct:' + usernameKey)`, whether or not the username
   * exists: the request limiter's account key, from which the engine derives the per-purpose
   * send-throttle key.
   */
  throttleKey: string;
  /** Masked destinations shown for this flow (real or placeholder). */
  masked: Record<Channel, string>;
  expiresAt: number;
  code: CodeRecord | null;
  verified: boolean;
}

export type PendingStage = 'enroll' | 'code-only' | 'verify';

/** A pending login: the password was right, a verification is outstanding. */
export interface PendingRecord {
  /** SHA-256 of the pending id. */
  digest: string;
  accountId: string;
  stage: PendingStage;
  expiresAt: number;
  code: CodeRecord | null;
  /**
   * A typing pattern enrolled during this login (first login, or after a reset), sealed like
   * {@link AccountRecord.typing}: held here and written to the account only when this login's
   * code verification succeeds. An abandoned or failed login leaves the account as it was.
   */
  enrolled: SealedValue | null;
  /**
   * The language of the sentence this login types: to enroll, the login's language (else the
   * account's); to verify, the enrolled template's. Absent: English.
   */
  sampleLang?: Language;
}

/** A remembered device. */
export interface DeviceRecord {
  /** SHA-256 of the device token. */
  digest: string;
  accountId: string;
  expiresAt: number;
}

/** Failed-login counter of one username (known or not). */
export interface LoginGuard {
  failures: number;
  lockedUntil: number | null;
}

/** One send counted by a throttle. */
export interface ThrottleSend {
  at: number;
  channel: Channel;
}

/** A signed-in session. Each session token is its own record: a server holds many. */
export interface SessionRecord {
  /** SHA-256 of the session token. */
  digest: string;
  accountId: string;
  issuedAt: number;
  /** The absolute end. */
  expiresAt: number;
  /** The last call made with this session: it ends after the engine's idle timeout from here. */
  lastSeenAt: number;
}

/**
 * A message (email or SMS) waiting to be sent: the engine enqueues it inside the request (the
 * same work whether or not the account exists: an unknown account enqueues a decoy that the
 * worker drops), and the outbox worker sends it, retrying on failure. The payload is sealed
 * (it holds one-time codes and links).
 */
export interface OutboxItem {
  /** Random, unique. */
  id: string;
  /** The sealed `QueuedMessage` (see outbox-worker.ts). */
  payload: SealedValue;
  createdAt: number;
  /** Not sent before this (a retry's back-off, or a claim's lease). */
  availableAt: number;
  /** Delivery attempts started so far. */
  attempts: number;
}

/** A Report an Issue ticket (the report itself is emailed to support, not stored). */
export interface TicketRecord {
  ticketId: string;
  accountId: string;
  createdAt: number;
}

/**
 * A registered passkey (WebAuthn credential) of an account. Nothing in it is secret: the public
 * key verifies signatures, it cannot make them.
 */
export interface PasskeyRecord {
  /** The credential id (base64url), unique. */
  id: string;
  accountId: string;
  /** The credential's COSE public key (base64url). */
  publicKey: string;
  /** The authenticator's signature counter at its last use (0 when it keeps none). */
  counter: number;
  /** How the authenticator was reached (`internal`, `hybrid`, `usb`, …), as it reported. */
  transports: string[];
  /** 1–64 characters, the user's. */
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
}

export type PasskeyPatch = Partial<Pick<PasskeyRecord, 'name' | 'counter' | 'lastUsedAt'>>;

export type CeremonyPurpose = 'registration' | 'sign-in';

/**
 * A WebAuthn ceremony in progress: the challenge the browser must sign, one use, 5 minutes.
 * Challenges are not secret (the browser sees them); the ceremony id the client holds is a
 * bearer value like a flow id, stored as its digest.
 */
export interface CeremonyRecord {
  /** SHA-256 of the ceremony id. */
  digest: string;
  purpose: CeremonyPurpose;
  /** The challenge (base64url) as sent in the options. */
  challenge: string;
  /** Registration: the signed-in account it is for. Sign-in: null (discoverable). */
  accountId: string | null;
  expiresAt: number;
  used: boolean;
}

/**
 * One entry of an account's activity log (see `ActivityEntry` in types.ts). Never a secret: no
 * password, code, token, keystroke timing or challenge; `reason` is a staff member's or
 * producer's free text for their action.
 */
export interface ActivityRecord {
  /** Random, unique. */
  id: string;
  /** The account the entry is about. */
  accountId: string;
  at: number;
  type: ActivityType;
  method: ActivityMethod | null;
  outcome: 'success' | 'failure';
  actorRole: 'self' | 'producer' | 'help-desk' | 'system';
  /** The acting account (producer / help desk), null for `self` and `system`. */
  actorId: string | null;
  /** The actor's display name at the time (`First Last`), null for `self` and `system`. */
  actorName: string | null;
  reason: string | null;
}

/** Where a page of activity continues: strictly older than (`at`, then `id`) this. */
export interface ActivityCursor {
  at: number;
  id: string;
}

// ---------------------------------------------------------------------------------------------
// Repositories
// ---------------------------------------------------------------------------------------------

export type AccountPatch = Partial<Omit<AccountRecord, 'id' | 'usernameKey' | 'role'>>;

export interface AccountRepo {
  get(id: string): Promise<AccountRecord | null>;
  /** By `usernameKey` (already lower-cased by the engine). */
  getByUsername(usernameKey: string): Promise<AccountRecord | null>;
  /** Every account whose `emailKey` equals `emailKey`, in creation order. */
  listByEmail(emailKey: string): Promise<AccountRecord[]>;
  /** The delegates whose `producerAccountId` is `producerAccountId`, in creation order. */
  listDelegates(producerAccountId: string): Promise<AccountRecord[]>;
  /**
   * Insert atomically unless an account with the same `usernameKey` exists (a unique index):
   * resolves true when inserted, false when the username is taken.
   */
  create(account: AccountRecord): Promise<boolean>;
  /** Change the given fields of an existing account (no-op for an unknown id). */
  update(id: string, patch: AccountPatch): Promise<void>;
  /**
   * Delegates (role `delegate`) whose `usernameKey`, `emailKey`, lower-cased first name, last
   * name or `First Last`, or mobile contains `needle` (already trimmed and lower-cased by the
   * engine; `%`, `_` and `\` match themselves), ordered by `usernameKey`, at most `limit`.
   */
  searchDelegates(needle: string, limit: number): Promise<AccountRecord[]>;
}

export interface LinkRepo {
  get(digest: string): Promise<LinkRecord | null>;
  create(link: LinkRecord): Promise<void>;
  update(digest: string, patch: Partial<Omit<LinkRecord, 'digest'>>): Promise<void>;
  /** Mark every link of the account `voided` (a resend replaces them). */
  voidForAccount(accountId: string): Promise<void>;
}

export interface FlowRepo {
  get(digest: string): Promise<FlowRecord | null>;
  create(flow: FlowRecord): Promise<void>;
  update(digest: string, patch: Partial<Omit<FlowRecord, 'digest'>>): Promise<void>;
  delete(digest: string): Promise<void>;
  /** Delete flows with `expiresAt <= now`; resolves the number deleted. */
  deleteExpired(now: number): Promise<number>;
}

export interface PendingRepo {
  get(digest: string): Promise<PendingRecord | null>;
  create(pending: PendingRecord): Promise<void>;
  update(digest: string, patch: Partial<Omit<PendingRecord, 'digest'>>): Promise<void>;
  delete(digest: string): Promise<void>;
  /** Delete pending logins with `expiresAt <= now`; resolves the number deleted. */
  deleteExpired(now: number): Promise<number>;
}

export interface DeviceRepo {
  get(digest: string): Promise<DeviceRecord | null>;
  create(device: DeviceRecord): Promise<void>;
  /** How many devices of the account have `expiresAt > now`. */
  countForAccount(accountId: string, now: number): Promise<number>;
  deleteForAccount(accountId: string): Promise<void>;
  /** Delete devices with `expiresAt <= now`; resolves the number deleted. */
  deleteExpired(now: number): Promise<number>;
}

export interface GuardRepo {
  get(key: string): Promise<LoginGuard | null>;
  put(key: string, guard: LoginGuard): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface ThrottleRepo {
  /** The sends recorded under `key`, oldest first (empty when none). */
  get(key: string): Promise<ThrottleSend[]>;
  /** Replace the sends recorded under `key` (oldest first). */
  put(key: string, sends: ThrottleSend[]): Promise<void>;
  /** Drop keys whose every send is at or before `before`; resolves the number of keys dropped. */
  deleteStale(before: number): Promise<number>;
}

export interface SessionRepo {
  get(digest: string): Promise<SessionRecord | null>;
  create(session: SessionRecord): Promise<void>;
  /** Record activity: set `lastSeenAt` (no-op for an unknown digest). */
  touch(digest: string, lastSeenAt: number): Promise<void>;
  delete(digest: string): Promise<void>;
  /** End every session of the account (password change). */
  deleteForAccount(accountId: string): Promise<void>;
  /** Delete sessions with `expiresAt <= now`; resolves the number deleted. */
  deleteExpired(now: number): Promise<number>;
}

export interface OutboxRepo {
  add(item: OutboxItem): Promise<void>;
  /**
   * Atomically claim up to `limit` items with `availableAt <= now`, oldest first: each claimed
   * item gets `availableAt = now + leaseMs` and `attempts + 1` (so another worker, on this or
   * another instance, does not take it while it is being sent), and is resolved with those
   * values.
   */
  claim(now: number, limit: number, leaseMs: number): Promise<OutboxItem[]>;
  /** Sent, dropped or given up: remove it (no-op for an unknown id). */
  delete(id: string): Promise<void>;
  /** Try again from `availableAt` (no-op for an unknown id). */
  reschedule(id: string, availableAt: number): Promise<void>;
  /** How many items wait (claimed or not). */
  count(): Promise<number>;
}

export interface TicketRepo {
  /** Insert unless the id exists: resolves true when inserted, false on a duplicate id. */
  create(ticket: TicketRecord): Promise<boolean>;
}

export interface PasskeyRepo {
  /** By credential id. */
  get(id: string): Promise<PasskeyRecord | null>;
  /** The account's passkeys, oldest first. */
  listForAccount(accountId: string): Promise<PasskeyRecord[]>;
  /** Insert unless the credential id exists: resolves true when inserted. */
  create(passkey: PasskeyRecord): Promise<boolean>;
  /** Change the given fields (no-op for an unknown id). */
  update(id: string, patch: PasskeyPatch): Promise<void>;
  delete(id: string): Promise<void>;
  /**
   * Delete every passkey of the account (its deactivation); resolves the number deleted. The
   * account's user handle is kept.
   */
  deletePasskeysOf(accountId: string): Promise<number>;
  /**
   * The account's WebAuthn user handle (base64url): `candidate` (a fresh random value) is
   * stored on the first call and the stored one returned by every later call; concurrent first
   * calls resolve the same value.
   */
  userHandle(accountId: string, candidate: string): Promise<string>;
}

export interface CeremonyRepo {
  get(digest: string): Promise<CeremonyRecord | null>;
  create(ceremony: CeremonyRecord): Promise<void>;
  /**
   * Atomically mark the ceremony used: resolves true when this call changed it from unused to
   * used, false when it was already used or does not exist (so it verifies at most once).
   */
  markUsed(digest: string): Promise<boolean>;
  /** Delete ceremonies with `expiresAt <= now`; resolves the number deleted. */
  deleteExpired(now: number): Promise<number>;
}

export interface ActivityRepo {
  add(entry: ActivityRecord): Promise<void>;
  /**
   * The account's entries, newest first (by `at`, then `id`, both descending), strictly after
   * `cursor` in that order when given, at most `limit`; entries with `type` in `types` only,
   * when given.
   */
  list(
    accountId: string,
    cursor: ActivityCursor | null,
    limit: number,
    types?: readonly ActivityType[],
  ): Promise<ActivityRecord[]>;
  /** Delete entries with `at < before` (retention); resolves the number deleted. */
  deleteBefore(before: number): Promise<number>;
}

/** Everything the engine persists. See the module comment for the concurrency contract. */
export interface AuthStore {
  accounts: AccountRepo;
  links: LinkRepo;
  flows: FlowRepo;
  pendings: PendingRepo;
  devices: DeviceRepo;
  /** Failed-login counters, keyed by SHA-256 of the username key (known or unknown). */
  guards: GuardRepo;
  /** Send throttles, keyed by SHA-256 of `scope:value`. */
  throttles: ThrottleRepo;
  sessions: SessionRepo;
  tickets: TicketRepo;
  /** Messages waiting to be sent (see {@link OutboxItem}). */
  outbox: OutboxRepo;
  /** Registered passkeys and each account's WebAuthn user handle. */
  passkeys: PasskeyRepo;
  /** WebAuthn ceremonies in progress (one-use challenges). */
  ceremonies: CeremonyRepo;
  /** Each account's activity log (security events), kept for the engine's retention. */
  activity: ActivityRepo;
  /**
   * A random server secret created with the store (at least 128 bits, stable for its life),
   * used only to derive stable placeholder destinations for unknown usernames. Not a user
   * secret. Concurrent first calls must resolve the same value.
   */
  secret(): Promise<string>;
  /**
   * Run `fn` while holding an exclusive lock on `key`, and resolve (or reject) with its result;
   * the lock is released either way. Calls with the same key run one after another (FIFO);
   * different keys run concurrently. Not re-entrant: the engine never takes a key it holds.
   */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/**
 * An in-process FIFO mutex per key: the `withLock` of every single-process store (memory,
 * SQLite). Keys with no holder or waiter take no memory.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  async withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
