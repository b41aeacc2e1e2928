/**
 * Field validators shared by the widgets (for feedback) and the backends (for enforcement).
 * Each returns `null` when valid, or a `FieldReason` code (`field-reason.ts`) that widgets turn into
 * a message.
 */
// The checks live in modules of their own, so that a widget loads only those its first screen
// uses; this module gathers them (and the backends import it).
export * from './username.js';
export * from './delegate-input.js';
export { normalizeUsMobile, formatUsMobile } from './phone.js';
export { stateListConverter } from './display.js';
export type { FieldReason } from './field-reason.js';

/** Normalise a typed one-time code: upper case, spaces and dashes removed. */
export function normalizeCode(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}
