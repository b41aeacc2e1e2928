/**
 * AdapterError ⇄ HTTP: the fixed status of every error code that travels (openapi.yaml, "Errors")
 * and the `{code, data}` body. NETWORK, TIMEOUT and ABORTED are made by clients only.
 */
import type { AdapterErrorCode } from '../../src/adapter/errors.js';

export type ClientOnlyCode = 'NETWORK' | 'TIMEOUT' | 'ABORTED';
export type WireErrorCode = Exclude<AdapterErrorCode, ClientOnlyCode>;

export const CLIENT_ONLY_CODES: readonly ClientOnlyCode[] = ['NETWORK', 'TIMEOUT', 'ABORTED'];

/** HTTP status per error code (a missing or extra code is a compile error). */
export const STATUS_BY_CODE: { readonly [C in WireErrorCode]: number } = {
  VALIDATION: 400,
  INVALID_CREDENTIALS: 401,
  NOT_AUTHENTICATED: 401,
  FORBIDDEN: 403,
  ACCOUNT_DEACTIVATED: 403,
  NOT_FOUND: 404,
  USERNAME_TAKEN: 409,
  CODE_EXPIRED: 410,
  LINK_EXPIRED: 410,
  LINK_USED: 410,
  FLOW_EXPIRED: 410,
  CODE_INVALID: 422,
  CODE_ATTEMPTS_EXCEEDED: 422,
  LINK_INVALID: 422,
  PASSKEY_REJECTED: 422,
  PASSKEY_UNKNOWN: 422,
  PASSWORD_POLICY: 422,
  PASSWORD_REUSED: 422,
  PATTERN_MISMATCH: 422,
  PATTERN_UNAVAILABLE: 422,
  PATTERN_INVALID_SAMPLES: 422,
  ACCOUNT_LOCKED: 423,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  BUSY: 503,
};

/**
 * The epoch ms a reply's `Retry-After` header counts down to, for the codes that carry one
 * (`data.retryAfter` / `data.unlocksAt`); null for the others.
 */
export function retryAt(code: WireErrorCode, data: Record<string, unknown>): number | null {
  const at =
    code === 'RATE_LIMITED' || code === 'BUSY'
      ? data.retryAfter
      : code === 'ACCOUNT_LOCKED'
        ? data.unlocksAt
        : null;
  return typeof at === 'number' && Number.isFinite(at) ? at : null;
}

export function isWireErrorCode(code: string): code is WireErrorCode {
  return Object.prototype.hasOwnProperty.call(STATUS_BY_CODE, code);
}

/** Seconds from `now` until `at` (epoch ms), at least 0, for a `Retry-After` header. */
export function retryAfterSeconds(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 1000));
}
