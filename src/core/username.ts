/**
 * The username rules (spec slide 4), apart from the other field checks: the first step of
 * Create / Forgot Password checks a username as it is typed, and loads nothing else.
 */
import type { FieldReason } from './field-reason.js';

export const USERNAME_MIN_LENGTH = 7;
export const USERNAME_MAX_LENGTH = 64;
/** Username: at least 7 characters, ASCII letters and digits only (spec slide 4). */
export function validateUsername(value: string): FieldReason | null {
  const v = value.trim();
  if (v === '') return 'required';
  if (!/^[A-Za-z0-9]*$/.test(v)) return 'invalid-characters';
  if (v.length < USERNAME_MIN_LENGTH) return 'too-short';
  if (v.length > USERNAME_MAX_LENGTH) return 'too-long';
  return null;
}

/** Case-insensitive key used for username uniqueness. */
export function usernameKey(value: string): string {
  return value.trim().toLowerCase();
}
