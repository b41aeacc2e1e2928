/**
 * The checks of a delegate's details (email, names, mobile number, states) and of the whole Add
 * Delegate input. Not in what a page loads first: the widgets that check these fields load them
 * with their later chunk; the backends enforce the same rules.
 */
import { STATE_CODES, type StateCode } from './states.js';
import { normalizeUsMobile } from './phone.js';
import { validateUsername } from './username.js';
import type { FieldReason } from './field-reason.js';
import { isLanguage, type Language } from './language.js';

export const NAME_MAX_LENGTH = 64;
export const EMAIL_MAX_LENGTH = 254;

/**
 * Email: one `@`, a non-empty local part without spaces or control characters, and a domain of
 * dot-separated labels with a 2+ letter top-level domain.
 */
export function validateEmail(value: string): FieldReason | null {
  const v = value.trim();
  if (v === '') return 'required';
  if (v.length > EMAIL_MAX_LENGTH) return 'too-long';
  const at = v.lastIndexOf('@');
  if (at <= 0 || at !== v.indexOf('@')) return 'invalid-email';
  const local = v.slice(0, at);
  const domain = v.slice(at + 1);
  if (local.length > 64) return 'invalid-email';
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f"(),:;<>[\\\]]/.test(local)) return 'invalid-email';
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return 'invalid-email';
  const labels = domain.split('.');
  if (labels.length < 2) return 'invalid-email';
  for (const label of labels) {
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label)) return 'invalid-email';
  }
  if (!/^[A-Za-z]{2,}$/.test(labels[labels.length - 1]!)) return 'invalid-email';
  return null;
}

/** Lower-cased, trimmed email used for look-ups. */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

/** First / last name: Unicode letters (and combining marks), spaces, hyphens, apostrophes. */
export function validateName(value: string): FieldReason | null {
  const v = normalizeName(value);
  if (v === '') return 'required';
  if ([...v].length > NAME_MAX_LENGTH) return 'too-long';
  if (!/^[\p{L}\p{M}][\p{L}\p{M} '’-]*$/u.test(v)) return 'invalid-characters';
  return null;
}

/** Trim and collapse inner runs of spaces; NFC so that "é" typed two ways is one name. */
export function normalizeName(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ');
}

export function validateMobile(value: string): FieldReason | null {
  if (value.trim() === '') return 'required';
  return normalizeUsMobile(value) === null ? 'invalid-phone' : null;
}

export function isStateCode(value: unknown): value is StateCode {
  return typeof value === 'string' && (STATE_CODES as readonly string[]).includes(value);
}

/** A non-empty subset of `allowed` (default: all five states), without duplicates. */
export function validateStates(
  states: readonly string[],
  allowed: readonly StateCode[] = STATE_CODES,
): FieldReason | null {
  if (states.length === 0) return 'required';
  if (new Set(states).size !== states.length) return 'invalid-state';
  for (const s of states) {
    if (!isStateCode(s)) return 'invalid-state';
    if (!allowed.includes(s)) return 'not-allowed';
  }
  return null;
}

/** A delegate's preferred language: absent (English), `en` or `es`. */
export function validateLanguage(value: unknown): FieldReason | null {
  return value === undefined || isLanguage(value) ? null : 'not-allowed';
}

/**
 * What a producer types into Add Delegate: the shape of a delegate record, declared once (the
 * adapter contract re-exports it). `mobile` may be in any common US format.
 */
export interface DelegateInput {
  username: string;
  email: string;
  firstName: string;
  lastName: string;
  mobile: string;
  states: StateCode[];
  /**
   * The language of the delegate's emails and text messages (and of the typing sentence when
   * they enroll without a widget language). Absent in an Add Delegate input: English.
   */
  language?: Language;
}

export type DelegateField = keyof DelegateInput;

/** Validate every Add Delegate field; returns only the failing ones. */
export function validateDelegateInput(
  input: DelegateInput,
  allowedStates: readonly StateCode[] = STATE_CODES,
): Partial<Record<DelegateField, FieldReason>> {
  const out: Partial<Record<DelegateField, FieldReason>> = {};
  const checks: [DelegateField, FieldReason | null][] = [
    ['username', validateUsername(input.username)],
    ['email', validateEmail(input.email)],
    ['firstName', validateName(input.firstName)],
    ['lastName', validateName(input.lastName)],
    ['mobile', validateMobile(input.mobile)],
    ['states', validateStates(input.states, allowedStates)],
    ['language', validateLanguage(input.language)],
  ];
  for (const [field, reason] of checks) if (reason) out[field] = reason;
  return out;
}
