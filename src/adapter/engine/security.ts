/**
 * The engine's security hooks: request rate limits (per client address and per account) and the
 * security event log. Both are interfaces so that the engine stays storage- and runtime-neutral:
 * the reference server implements the limiter with `rate-limiter-flexible` (memory, SQLite or
 * PostgreSQL, shared by every instance) and writes the events as JSON lines; the in-memory
 * adapter (one user in one browser) runs without a limiter by default.
 */
import type { Channel, Role, VerificationMethod } from '../types.js';

/** The public operations that are rate-limited, per client address and per account. */
export type LimitedOperation =
  | 'login'
  | 'find-account'
  | 'send-code'
  | 'verify-code'
  | 'forgot-username'
  /** `startPasskeySignIn` (per client address only: it names no account). */
  | 'passkey-options'
  /** `finishPasskeySignIn` (the account key: a digest of the credential id). */
  | 'passkey-sign-in';

/** Who a limited request counts against. */
export interface LimitKeys {
  /** The client's address (`RequestContext.clientAddress`); null when unknown. */
  client: string | null;
  /**
   * The account the request is about, as an opaque stable key (a digest of the username key or
   * email key, whether or not an account exists); null when the request names none.
   */
  account: string | null;
}

/**
 * Request rate limits. `consume` counts one request and rejects `RATE_LIMITED {retryAfter}`
 * (epoch ms) when the client's or the account's budget for `operation` is spent. The engine calls
 * it before doing any other work for the request, with the same keys whether or not the account
 * exists.
 */
export interface RequestLimiter {
  consume(operation: LimitedOperation, keys: LimitKeys): Promise<void>;
}

/** Every kind of security event. */
export type SecurityEventType =
  | 'login.succeeded'
  | 'login.failed'
  | 'login.refused-locked'
  | 'account.locked'
  | 'account.unlocked'
  | 'account.deactivated'
  | 'account.reactivated'
  | 'devices.forgotten'
  | 'invitation.resent'
  | 'password.changed'
  | 'code.sent'
  | 'code.send-failed'
  | 'verification.succeeded'
  | 'verification.failed'
  | 'pattern.enrolled'
  | 'pattern.reset'
  | 'pattern.unreadable'
  | 'device.remembered'
  | 'device.refused'
  | 'session.ended'
  | 'session.idle-expired'
  | 'rate.limited'
  | 'access.refused'
  | 'passkey.registered'
  | 'passkey.renamed'
  | 'passkey.deleted'
  | 'passkey.signed-in'
  | 'passkey.rejected'
  | 'passkey.cloned';

/**
 * One security event. Never a secret (password, code, token, keystroke timing) and never a
 * full email address or phone number: a destination is masked.
 */
export interface SecurityEvent {
  type: SecurityEventType;
  /** Epoch ms (the engine's clock). */
  at: number;
  /**
   * The account's username, only when the account exists (a typed username that matches no
   * account may be a password typed into the wrong field: it is never logged).
   */
  username?: string;
  role?: Role;
  /** Who acted when not the account itself (a help-desk username; `system` for a worker). */
  actor?: string;
  /** The client's address, when the transport knows it. */
  client?: string | null;
  /** The operation, for `rate.limited` and `access.refused`. */
  operation?: string;
  /** Verification method (`verification.*`) or channel (`code.*`). */
  method?: VerificationMethod | Channel;
  /** Masked destination of a code. */
  destination?: string;
  /** A short machine-readable reason (`wrong-password`, `not-help-desk`, `relay-failed`, …). */
  reason?: string;
  /** Epoch ms, e.g. when a lock ends. */
  until?: number;
  /**
   * `passkey.*`: the first 8 characters of the credential id (public, never a key, signature
   * or challenge response), enough to tell a user's passkeys apart in the log.
   */
  passkey?: string;
}

/** Where security events go (a JSON-lines writer on the server; tests collect them). */
export type SecurityLog = (event: SecurityEvent) => void;
