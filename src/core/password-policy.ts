/**
 * The password policy as data ("Password Must Have" / "Can't Have"), evaluated identically by the
 * widgets (live checklist) and the backends (enforcement). History (the last 10 passwords) can
 * only be checked by a backend and is reported as `PASSWORD_REUSED`, not as a rule here.
 */
import type { CommonPasswordCheck } from './common-passwords.js';

export type PasswordRuleId =
  | 'length'
  | 'uppercase'
  | 'lowercase'
  | 'digit'
  | 'special'
  | 'no-username'
  | 'no-name'
  | 'no-triple'
  | 'no-edge-space'
  | 'not-common';

export interface PasswordRule {
  id: PasswordRuleId;
  /** `must`: listed under "Password Must Have"; `cant`: under "Password Can't Have". */
  kind: 'must' | 'cant';
}

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;
/** How many previous passwords a new one may not repeat. */
export const PASSWORD_HISTORY_SIZE = 10;

export const PASSWORD_RULES: readonly PasswordRule[] = [
  { id: 'length', kind: 'must' },
  { id: 'uppercase', kind: 'must' },
  { id: 'lowercase', kind: 'must' },
  { id: 'digit', kind: 'must' },
  { id: 'special', kind: 'must' },
  { id: 'no-username', kind: 'cant' },
  { id: 'no-name', kind: 'cant' },
  { id: 'no-triple', kind: 'cant' },
  { id: 'no-edge-space', kind: 'cant' },
  { id: 'not-common', kind: 'cant' },
];

export interface PasswordContext {
  username?: string;
  firstName?: string;
  lastName?: string;
  /**
   * The common/breached password check (`loadCommonPasswordCheck()` in common-passwords.ts).
   * Without it the `not-common` rule cannot be evaluated: `evaluatePassword` reports it with
   * `pending: true` (and `ok: true`), and `failedPasswordRules` does not list it. A backend
   * always passes it.
   */
  isCommon?: CommonPasswordCheck | null;
}

export interface RuleResult {
  id: PasswordRuleId;
  kind: 'must' | 'cant';
  ok: boolean;
  /** True when the rule could not be evaluated yet (`not-common` before its check is loaded). */
  pending?: boolean;
}

const contains = (haystack: string, needle: string | undefined): boolean => {
  const n = (needle ?? '').trim().toLowerCase();
  return n.length >= 2 && haystack.toLowerCase().includes(n);
};

function check(id: PasswordRuleId, pw: string, ctx: PasswordContext): boolean {
  switch (id) {
    case 'length': {
      const n = [...pw].length;
      return n >= PASSWORD_MIN_LENGTH && n <= PASSWORD_MAX_LENGTH;
    }
    case 'uppercase':
      return /\p{Lu}/u.test(pw);
    case 'lowercase':
      return /\p{Ll}/u.test(pw);
    case 'digit':
      return /\d/.test(pw);
    case 'special':
      return /[^\p{L}\p{N}\s]/u.test(pw);
    case 'no-username':
      return !contains(pw, ctx.username);
    case 'no-name':
      return !contains(pw, ctx.firstName) && !contains(pw, ctx.lastName);
    case 'no-triple':
      return !/(.)\1\1/su.test(pw);
    case 'no-edge-space':
      return pw === pw.trim();
    case 'not-common':
      return !ctx.isCommon?.(pw);
  }
}

/** Every rule with whether `password` satisfies it (for the live checklist). */
export function evaluatePassword(password: string, ctx: PasswordContext = {}): RuleResult[] {
  return PASSWORD_RULES.map((r) =>
    r.id === 'not-common' && !ctx.isCommon
      ? { id: r.id, kind: r.kind, ok: true, pending: true }
      : { id: r.id, kind: r.kind, ok: check(r.id, password, ctx) },
  );
}

/** The ids of the rules `password` breaks; empty when it meets the policy. */
export function failedPasswordRules(password: string, ctx: PasswordContext = {}): PasswordRuleId[] {
  return evaluatePassword(password, ctx)
    .filter((r) => !r.ok)
    .map((r) => r.id);
}
