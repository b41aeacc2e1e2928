/**
 * Typed adapter failures. Every adapter rejects only with an {@link AdapterError}; its `code` is
 * stable and its `data` structured, so widgets (and hosts) can map it to a message in any locale.
 */
import type { FieldReason } from '../core/field-reason.js';
import type { PasswordRuleId } from '../core/password-policy.js';

/** Structured data carried by each error code. */
export interface AdapterErrorDataMap {
  /** The username is in use by a producer or a delegate (case-insensitive). */
  USERNAME_TAKEN: { field: 'username' };
  /** One or more fields failed validation; `fields` maps a field name to a reason code. */
  VALIDATION: { fields: Record<string, FieldReason> };
  /** Wrong username or password (indistinguishable by design). */
  INVALID_CREDENTIALS: Record<string, never>;
  /**
   * The password was RIGHT but the account is deactivated (by its producer or the Help Desk):
   * contact your producer. Only after a correct password (or a verified passkey), so it reveals
   * nothing to someone who does not know it; public forms answer as for a missing account.
   */
  ACCOUNT_DEACTIVATED: Record<string, never>;
  /** Too many failed logins; `unlocksAt` is epoch ms. */
  ACCOUNT_LOCKED: { unlocksAt: number };
  /** Wrong code; `attemptsLeft` before the code is void. */
  CODE_INVALID: { attemptsLeft: number };
  /** The code is past its 10 minutes, or was replaced, or used. */
  CODE_EXPIRED: Record<string, never>;
  /** Too many wrong entries: the code is void; request a new one. */
  CODE_ATTEMPTS_EXCEEDED: Record<string, never>;
  /** The email link is older than 7 days, or was voided by a resend. */
  LINK_EXPIRED: Record<string, never>;
  /** The email link was already used once. */
  LINK_USED: Record<string, never>;
  /** The email link is not one the backend issued. */
  LINK_INVALID: Record<string, never>;
  /** The password breaks the policy; `failed` lists the rule ids. */
  PASSWORD_POLICY: { failed: PasswordRuleId[] };
  /** The password is one of the last 10 used. */
  PASSWORD_REUSED: { historySize: number };
  /**
   * Too many requests (sends of a code, or attempts from this client or at this account);
   * `retryAfter` is epoch ms from which it is allowed again.
   */
  RATE_LIMITED: { retryAfter: number };
  /**
   * The backend is too busy to take this request now (e.g. its password-hashing queue is full);
   * `retryAfter` is epoch ms from which trying again is sensible. Retryable.
   */
  BUSY: { retryAfter: number };
  /** The typed pattern did not match; `attemptsLeft` before the pattern option is disabled. */
  PATTERN_MISMATCH: { attemptsLeft: number };
  /** The pattern option is disabled (3 failures) until a code verification succeeds, or none is enrolled. */
  PATTERN_UNAVAILABLE: { reason: 'locked' | 'not-enrolled' };
  /** The typed samples are not the sample sentence or are unusable (too few keystrokes). */
  PATTERN_INVALID_SAMPLES: { count: number };
  /** The flow / pending login id is unknown or expired: start again. */
  FLOW_EXPIRED: Record<string, never>;
  /** No session, or the session expired. */
  NOT_AUTHENTICATED: Record<string, never>;
  /** The signed-in user may not do this. */
  FORBIDDEN: Record<string, never>;
  /** The referenced record does not exist (e.g. delegate id). */
  NOT_FOUND: Record<string, never>;
  /**
   * A passkey ceremony failed. `expired`: the ceremony is unknown, already used or older than 5
   * minutes (start again); `invalid`: the response did not verify (origin, RP ID, signature,
   * user verification missing, signature-counter regression, credential of another user).
   */
  PASSKEY_REJECTED: { reason: 'expired' | 'invalid' };
  /** The passkey is not registered for any account (deleted, or never): the same for all. */
  PASSKEY_UNKNOWN: Record<string, never>;
  /** The network failed (offline, DNS, connection reset). Retryable. */
  NETWORK: Record<string, never>;
  /** The call took too long. Retryable. */
  TIMEOUT: Record<string, never>;
  /** The backend is unavailable (5xx). Retryable. */
  UNAVAILABLE: Record<string, never>;
  /** The caller aborted the call. */
  ABORTED: Record<string, never>;
}

export type AdapterErrorCode = keyof AdapterErrorDataMap;

export const RETRYABLE_CODES: ReadonlySet<AdapterErrorCode> = new Set<AdapterErrorCode>([
  'NETWORK',
  'TIMEOUT',
  'UNAVAILABLE',
  'BUSY',
]);

export class AdapterError<C extends AdapterErrorCode = AdapterErrorCode> extends Error {
  readonly code: C;
  readonly data: AdapterErrorDataMap[C];

  constructor(code: C, data: AdapterErrorDataMap[C], message?: string) {
    super(message ?? code);
    this.name = 'AdapterError';
    this.code = code;
    this.data = data;
  }

  /** True for failures where trying the same call again may succeed. */
  get retryable(): boolean {
    return RETRYABLE_CODES.has(this.code);
  }

  is<K extends AdapterErrorCode>(code: K): this is AdapterError<K> {
    return (this.code as AdapterErrorCode) === code;
  }
}

/** Build a typed error; `data` is optional for codes whose data is empty. */
export function adapterError<C extends AdapterErrorCode>(
  code: C,
  ...data: AdapterErrorDataMap[C] extends Record<string, never>
    ? [data?: AdapterErrorDataMap[C]]
    : [data: AdapterErrorDataMap[C]]
): AdapterError<C> {
  return new AdapterError(code, (data[0] ?? {}) as AdapterErrorDataMap[C]);
}

export function isAdapterError(value: unknown): value is AdapterError {
  return value instanceof AdapterError;
}

/**
 * Normalise anything a call threw into an AdapterError: an AbortError becomes `ABORTED`, a
 * TypeError from `fetch` becomes `NETWORK`, anything else unknown becomes `UNAVAILABLE`.
 */
export function toAdapterError(value: unknown): AdapterError {
  if (value instanceof AdapterError) return value;
  if (value instanceof DOMException && value.name === 'AbortError') return adapterError('ABORTED');
  if (value instanceof DOMException && value.name === 'TimeoutError')
    return adapterError('TIMEOUT');
  if (value instanceof TypeError) return adapterError('NETWORK');
  return adapterError('UNAVAILABLE');
}
