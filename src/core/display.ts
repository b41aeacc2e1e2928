/**
 * Display helpers for delegate data: no validation logic, so that an element that only shows
 * delegates (My Delegates, Portal Home) does not load the validators. Also exported from
 * `validation.ts`.
 */
import { STATE_CODES, type StateCode } from '../adapter/types.js';

/** Format E.164 `+13125550101` as `(312) 555-0101` for display. */
export function formatUsMobile(e164: string): string {
  const d = e164.replace(/^\+1/, '');
  if (!/^\d{10}$/.test(d)) return e164;
  return `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`;
}

/**
 * Lit attribute converter for a list of state codes, e.g. `allowed-states="IL TX"` or
 * `"il, tx"`: unknown codes are dropped; a missing attribute means all five states.
 */
export const stateListConverter = {
  fromAttribute(value: string | null): StateCode[] {
    if (value === null) return [...STATE_CODES];
    const words = value.toUpperCase().split(/[\s,]+/);
    return STATE_CODES.filter((s) => words.includes(s));
  },
  toAttribute(value: StateCode[]): string {
    return value.join(' ');
  },
};
