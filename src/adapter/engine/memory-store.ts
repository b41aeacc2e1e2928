/**
 * An {@link AuthStore} over one plain-JSON object ({@link MemoryState}), so the whole backend can
 * be saved to Web Storage: the store of the in-memory adapter, and a quick store for tests.
 * Locks are in-process ({@link KeyedMutex}); every read returns a copy.
 */
import { randomToken } from '../../core/otp.js';
import type { RequestContext } from './engine.js';
import { Keyring, type KeySpec } from './sealing.js';
import {
  KeyedMutex,
  type AccountRecord,
  type ActivityRecord,
  type ActivityRepo,
  type AccountRepo,
  type AuthStore,
  type CeremonyRecord,
  type CeremonyRepo,
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
  type ThrottleRepo,
  type ThrottleSend,
  type TicketRecord,
  type TicketRepo,
} from './store.js';

/**
 * Version 3: typing templates are sealed (with `sealKey`), a pending login holds its enrolment,
 * sessions record their last activity, messages wait in an outbox. (Version 2: sessions are
 * records, the client context is kept apart.) Older state is not migrated: it starts fresh.
 */
export const STATE_VERSION = 3;

export interface MemoryState {
  version: typeof STATE_VERSION;
  /**
   * A random server secret, used only to derive stable placeholder destinations for unknown
   * usernames (so they cannot be computed by an outsider). Not a user secret.
   */
  pepper: string;
  /**
   * The key that seals this backend's typing templates and queued messages (generated with the
   * state, so a demo reloaded from storage can still open them). A demo key, kept in the browser
   * with the demo's data: a real backend keeps its keys in configuration, apart from the data.
   */
  sealKey: KeySpec;
  accounts: AccountRecord[];
  links: LinkRecord[];
  flows: FlowRecord[];
  pendings: PendingRecord[];
  devices: DeviceRecord[];
  /** Sends per throttle key (key = SHA-256 of `scope:value`), oldest first. */
  throttles: Record<string, ThrottleSend[]>;
  /** Failed-login counters per username (key = SHA-256 of the username key), known or not. */
  guards: Record<string, LoginGuard>;
  sessions: SessionRecord[];
  tickets: TicketRecord[];
  /** Messages waiting to be sent, in insertion order. */
  outbox: OutboxItem[];
  /** Registered passkeys, oldest first (absent in state saved before passkeys: none). */
  passkeys?: PasskeyRecord[];
  /** WebAuthn user handle per account id. */
  passkeyUsers?: Record<string, string>;
  /** WebAuthn ceremonies in progress. */
  ceremonies?: CeremonyRecord[];
  /** Activity log entries, in insertion order (absent in older state: none). */
  activity?: ActivityRecord[];
  /**
   * The client side kept with the backend: the in-memory adapter's own session token (what a
   * browser's cookie jar holds for a server). The store itself never reads it.
   */
  context: RequestContext;
}

export function freshMemoryState(): MemoryState {
  return {
    version: STATE_VERSION,
    pepper: randomToken(32),
    sealKey: Keyring.newKeySpec(),
    accounts: [],
    links: [],
    flows: [],
    pendings: [],
    devices: [],
    throttles: {},
    guards: {},
    sessions: [],
    tickets: [],
    outbox: [],
    passkeys: [],
    passkeyUsers: {},
    ceremonies: [],
    activity: [],
    context: { sessionToken: null },
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A light structural check of restored JSON: wrong version or shape means "start fresh". */
export function isMemoryState(value: unknown): value is MemoryState {
  if (!isObject(value) || value['version'] !== STATE_VERSION) return false;
  if (typeof value['pepper'] !== 'string') return false;
  const sealKey = value['sealKey'];
  if (
    !isObject(sealKey) ||
    typeof sealKey['kid'] !== 'string' ||
    typeof sealKey['key'] !== 'string'
  )
    return false;
  for (const k of [
    'accounts',
    'links',
    'flows',
    'pendings',
    'devices',
    'sessions',
    'tickets',
    'outbox',
  ]) {
    if (!Array.isArray(value[k])) return false;
  }
  const context = value['context'];
  return (
    isObject(value['throttles']) &&
    isObject(value['guards']) &&
    isObject(context) &&
    (context['sessionToken'] === null || typeof context['sessionToken'] === 'string')
  );
}

const copy = <T>(value: T): T => structuredClone(value);

/** Remove the elements matching `drop` in place; resolves how many were removed. */
function removeWhere<T>(list: T[], drop: (item: T) => boolean): number {
  let kept = 0;
  for (const item of list) if (!drop(item)) list[kept++] = item;
  const removed = list.length - kept;
  list.length = kept;
  return removed;
}

/**
 * The JSON-state store. `state` may be replaced wholesale (reload from storage, reset); every
 * write that changes something sets `dirty`, which the owner clears after saving.
 */
export class MemoryStore implements AuthStore {
  state: MemoryState;
  /** True after a write that changed the state; the owner resets it after persisting. */
  dirty = false;

  private readonly mutex = new KeyedMutex();

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

  constructor(state: MemoryState = freshMemoryState()) {
    this.state = state;
    const s = () => this.state;
    const changed = (n: number): number => {
      if (n > 0) this.dirty = true;
      return n;
    };
    const patch = <T extends object>(target: T | undefined, p: Partial<T>): void => {
      if (!target) return;
      Object.assign(target, copy(p));
      this.dirty = true;
    };

    this.accounts = {
      get: async (id) => copy(s().accounts.find((a) => a.id === id) ?? null),
      getByUsername: async (key) => copy(this.accountByUsernameKey(key) ?? null),
      listByEmail: async (key) => copy(s().accounts.filter((a) => a.emailKey === key)),
      listDelegates: async (producerAccountId) =>
        copy(
          s().accounts.filter(
            (a) => a.role === 'delegate' && a.producerAccountId === producerAccountId,
          ),
        ),
      searchDelegates: async (needle, limit) =>
        copy(
          s()
            .accounts.filter(
              (a) =>
                a.role === 'delegate' &&
                [
                  a.usernameKey,
                  a.emailKey,
                  a.firstName.toLowerCase(),
                  a.lastName.toLowerCase(),
                  `${a.firstName} ${a.lastName}`.toLowerCase(),
                  a.mobile,
                ].some((field) => field.includes(needle)),
            )
            .sort((a, b) => (a.usernameKey < b.usernameKey ? -1 : 1))
            .slice(0, limit),
        ),
      create: async (account) => {
        if (this.accountByUsernameKey(account.usernameKey)) return false;
        s().accounts.push(copy(account));
        this.dirty = true;
        return true;
      },
      update: async (id, p) =>
        patch(
          s().accounts.find((a) => a.id === id),
          p,
        ),
    };

    this.links = {
      get: async (digest) => copy(s().links.find((l) => l.digest === digest) ?? null),
      create: async (link) => {
        s().links.push(copy(link));
        this.dirty = true;
      },
      update: async (digest, p) =>
        patch(
          s().links.find((l) => l.digest === digest),
          p,
        ),
      voidForAccount: async (accountId) => {
        for (const l of s().links) {
          if (l.accountId === accountId && !l.voided) {
            l.voided = true;
            this.dirty = true;
          }
        }
      },
    };

    this.flows = {
      get: async (digest) => copy(s().flows.find((f) => f.digest === digest) ?? null),
      create: async (flow) => {
        s().flows.push(copy(flow));
        this.dirty = true;
      },
      update: async (digest, p) =>
        patch(
          s().flows.find((f) => f.digest === digest),
          p,
        ),
      delete: async (digest) => void changed(removeWhere(s().flows, (f) => f.digest === digest)),
      deleteExpired: async (now) => changed(removeWhere(s().flows, (f) => f.expiresAt <= now)),
    };

    this.pendings = {
      get: async (digest) => copy(s().pendings.find((p) => p.digest === digest) ?? null),
      create: async (pending) => {
        s().pendings.push(copy(pending));
        this.dirty = true;
      },
      update: async (digest, p) =>
        patch(
          s().pendings.find((x) => x.digest === digest),
          p,
        ),
      delete: async (digest) => void changed(removeWhere(s().pendings, (p) => p.digest === digest)),
      deleteExpired: async (now) => changed(removeWhere(s().pendings, (p) => p.expiresAt <= now)),
    };

    this.devices = {
      get: async (digest) => copy(s().devices.find((d) => d.digest === digest) ?? null),
      create: async (device) => {
        s().devices.push(copy(device));
        this.dirty = true;
      },
      countForAccount: async (accountId, now) =>
        s().devices.filter((d) => d.accountId === accountId && d.expiresAt > now).length,
      deleteForAccount: async (accountId) =>
        void changed(removeWhere(s().devices, (d) => d.accountId === accountId)),
      deleteExpired: async (now) => changed(removeWhere(s().devices, (d) => d.expiresAt <= now)),
    };

    this.guards = {
      get: async (key) => copy(Object.hasOwn(s().guards, key) ? s().guards[key]! : null),
      put: async (key, guard) => {
        s().guards[key] = copy(guard);
        this.dirty = true;
      },
      delete: async (key) => {
        if (Object.hasOwn(s().guards, key)) {
          delete s().guards[key];
          this.dirty = true;
        }
      },
    };

    this.throttles = {
      get: async (key) => copy(Object.hasOwn(s().throttles, key) ? s().throttles[key]! : []),
      put: async (key, sends) => {
        s().throttles[key] = copy(sends);
        this.dirty = true;
      },
      deleteStale: async (before) => {
        let n = 0;
        for (const [key, sends] of Object.entries(s().throttles)) {
          if (sends.every((x) => x.at <= before)) {
            delete s().throttles[key];
            n += 1;
          }
        }
        return changed(n);
      },
    };

    this.sessions = {
      get: async (digest) => copy(s().sessions.find((x) => x.digest === digest) ?? null),
      create: async (session) => {
        s().sessions.push(copy(session));
        this.dirty = true;
      },
      touch: async (digest, lastSeenAt) =>
        patch(
          s().sessions.find((x) => x.digest === digest),
          { lastSeenAt },
        ),
      delete: async (digest) => void changed(removeWhere(s().sessions, (x) => x.digest === digest)),
      deleteForAccount: async (accountId) =>
        void changed(removeWhere(s().sessions, (x) => x.accountId === accountId)),
      deleteExpired: async (now) => changed(removeWhere(s().sessions, (x) => x.expiresAt <= now)),
    };

    this.tickets = {
      create: async (ticket) => {
        if (s().tickets.some((t) => t.ticketId === ticket.ticketId)) return false;
        s().tickets.push(copy(ticket));
        this.dirty = true;
        return true;
      },
    };

    this.outbox = {
      add: async (item) => {
        s().outbox.push(copy(item));
        this.dirty = true;
      },
      // Synchronous from the read to the last write, so two claims (this tab's worker and a
      // kick) can never take the same item.
      claim: async (now, limit, leaseMs) => {
        const due = s()
          .outbox.map((item, index) => ({ item, index }))
          .filter(({ item }) => item.availableAt <= now)
          .sort((a, b) => a.item.createdAt - b.item.createdAt || a.index - b.index)
          .slice(0, Math.max(0, Math.floor(limit)))
          .map(({ item }) => item);
        for (const item of due) {
          item.availableAt = now + leaseMs;
          item.attempts += 1;
        }
        if (due.length > 0) this.dirty = true;
        return copy(due);
      },
      delete: async (id) => void changed(removeWhere(s().outbox, (x) => x.id === id)),
      reschedule: async (id, availableAt) =>
        patch(
          s().outbox.find((x) => x.id === id),
          { availableAt },
        ),
      count: async () => s().outbox.length,
    };

    const passkeys = (): PasskeyRecord[] => (s().passkeys ??= []);
    const users = (): Record<string, string> => (s().passkeyUsers ??= {});
    const ceremonies = (): CeremonyRecord[] => (s().ceremonies ??= []);
    this.passkeys = {
      get: async (id) => copy(passkeys().find((p) => p.id === id) ?? null),
      listForAccount: async (accountId) =>
        copy(
          passkeys()
            .filter((p) => p.accountId === accountId)
            .sort((a, b) => a.createdAt - b.createdAt),
        ),
      create: async (passkey) => {
        if (passkeys().some((p) => p.id === passkey.id)) return false;
        passkeys().push(copy(passkey));
        this.dirty = true;
        return true;
      },
      update: async (id, p) =>
        patch(
          passkeys().find((x) => x.id === id),
          p,
        ),
      delete: async (id) => void changed(removeWhere(passkeys(), (p) => p.id === id)),
      deletePasskeysOf: async (accountId) =>
        changed(removeWhere(passkeys(), (p) => p.accountId === accountId)),
      userHandle: async (accountId, candidate) => {
        const all = users();
        if (!Object.hasOwn(all, accountId)) {
          all[accountId] = candidate;
          this.dirty = true;
        }
        return all[accountId]!;
      },
    };

    this.ceremonies = {
      get: async (digest) => copy(ceremonies().find((c) => c.digest === digest) ?? null),
      create: async (ceremony) => {
        ceremonies().push(copy(ceremony));
        this.dirty = true;
      },
      markUsed: async (digest) => {
        const found = ceremonies().find((c) => c.digest === digest);
        if (!found || found.used) return false;
        found.used = true;
        this.dirty = true;
        return true;
      },
      deleteExpired: async (now) => changed(removeWhere(ceremonies(), (c) => c.expiresAt <= now)),
    };

    const activity = (): ActivityRecord[] => (s().activity ??= []);
    const newerFirst = (a: ActivityRecord, b: ActivityRecord): number =>
      b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
    this.activity = {
      add: async (entry) => {
        activity().push(copy(entry));
        this.dirty = true;
      },
      list: async (accountId, cursor, limit, types) =>
        copy(
          activity()
            .filter(
              (e) =>
                e.accountId === accountId &&
                (!types || types.includes(e.type)) &&
                (!cursor || e.at < cursor.at || (e.at === cursor.at && e.id < cursor.id)),
            )
            .sort(newerFirst)
            .slice(0, limit),
        ),
      deleteBefore: async (before) => changed(removeWhere(activity(), (e) => e.at < before)),
    };
  }

  async secret(): Promise<string> {
    return this.state.pepper;
  }

  withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
    return this.mutex.withLock(key, fn);
  }

  /** Synchronous look-up for callers that cannot await (e.g. `MemoryAdapter.admin.hasAccount`). */
  accountByUsernameKey(usernameKey: string): AccountRecord | undefined {
    return this.state.accounts.find((a) => a.usernameKey === usernameKey);
  }
}
