/**
 * Field validators shared by the widgets (for feedback) and the backends (for enforcement).
 * Each returns `null` when valid, or a {@link FieldReason} code that widgets turn into a message.
 */
// The checks live in modules of their own, so that a widget loads only those its first screen
// uses; this module gathers them (and the backends import it).
export * from './username.js';
export * from './delegate-input.js';
export { normalizeUsMobile, formatUsMobile } from './phone.js';
export { stateListConverter } from './display.js';

export type FieldReason =
  | 'required'
  | 'too-short'
  | 'too-long'
  | 'invalid-characters'
  | 'invalid-email'
  | 'invalid-phone'
  | 'invalid-state'
  | 'not-allowed'
  | 'invalid-code'
  | 'invalid-file-type'
  | 'file-too-large'
  | 'invalid-date'
  | 'mismatch';

/** Normalise a typed one-time code: upper case, spaces and dashes removed. */
export function normalizeCode(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}
