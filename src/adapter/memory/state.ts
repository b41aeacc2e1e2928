/**
 * The serialisable state of the reference in-memory backend. Everything a real backend would
 * hash is stored hashed: passwords (PBKDF2), one-time codes (salted SHA-256), and every bearer
 * token the client holds (email links, flow ids, pending-login ids, device tokens: SHA-256 of a
 * 256-bit random value). The state is plain JSON so it can be saved to Web Storage.
 */
import type { TypingTemplate } from '../../core/typing/types.js';
import type { PasswordHash, SaltedDigest } from '../../core/hash.js';
import type { Channel, PasswordFlowPurpose, Role, StateCode } from '../types.js';

export const STATE_VERSION = 1;

export interface AccountRecord {
  id: string;
  role: Role;
  /** As typed when created; look-ups use `usernameKey` (lower case). */
  username: string;
  usernameKey: string;
  email: string;
  firstName: string;
  lastName: string;
  /** E.164. */
  mobile: string;
  states: StateCode[];
  /** Producers: their own producer id. */
  producerId?: string;
  /** Delegates: the account id of the producer who added them. */
  producerAccountId?: string;
  createdAt: number;
  emailConfirmed: boolean;
  /** Null until the first password is created (an invited delegate). */
  password: PasswordHash | null;
  /** The last passwords, newest last, at most PASSWORD_HISTORY_SIZE (includes the current one). */
  passwordHistory: PasswordHash[];
  /** Null until enrolled (first login), and after a help-desk reset. */
  typing: TypingTemplate | null;
  /** Consecutive failed pattern verifications; at the limit the pattern is disabled. */
  patternFailures: number;
}

/** A one-time code: only its salted digest is kept. */
export interface CodeRecord extends SaltedDigest {
  channel: Channel;
  expiresAt: number;
  failures: number;
  used: boolean;
}

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

export interface FlowRecord {
  /** SHA-256 of the flow id. */
  digest: string;
  purpose: PasswordFlowPurpose;
  /** Null for a username that does not exist (the flow only looks real). */
  accountId: string | null;
  /** Throttle key for sends (per username, whether or not it exists). */
  throttleKey: string;
  /** Masked destinations shown for this flow (real or placeholder). */
  masked: Record<Channel, string>;
  expiresAt: number;
  code: CodeRecord | null;
  verified: boolean;
}

export type PendingStage = 'enroll' | 'code-only' | 'verify';

export interface PendingRecord {
  /** SHA-256 of the pending id. */
  digest: string;
  accountId: string;
  stage: PendingStage;
  expiresAt: number;
  code: CodeRecord | null;
}

export interface DeviceRecord {
  /** SHA-256 of the device token. */
  digest: string;
  accountId: string;
  expiresAt: number;
}

export interface LoginGuard {
  failures: number;
  lockedUntil: number | null;
}

export interface SessionRecord {
  accountId: string;
  issuedAt: number;
  expiresAt: number;
}

export interface MemoryState {
  version: typeof STATE_VERSION;
  /**
   * A random server secret, used only to derive stable placeholder destinations for unknown
   * usernames (so they cannot be computed by an outsider). Not a user secret.
   */
  pepper: string;
  accounts: AccountRecord[];
  links: LinkRecord[];
  flows: FlowRecord[];
  pendings: PendingRecord[];
  devices: DeviceRecord[];
  /** Sends per throttle key (key = SHA-256 of `scope:value`), oldest first. */
  throttles: Record<string, { at: number; channel: Channel }[]>;
  /** Failed-login counters per username (key = SHA-256 of the username key), known or not. */
  guards: Record<string, LoginGuard>;
  session: SessionRecord | null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A light structural check of restored JSON: wrong version or shape means "start fresh". */
export function isMemoryState(value: unknown): value is MemoryState {
  if (!isObject(value) || value['version'] !== STATE_VERSION) return false;
  if (typeof value['pepper'] !== 'string') return false;
  for (const k of ['accounts', 'links', 'flows', 'pendings', 'devices']) {
    if (!Array.isArray(value[k])) return false;
  }
  return (
    isObject(value['throttles']) &&
    isObject(value['guards']) &&
    (value['session'] === null || isObject(value['session']))
  );
}
