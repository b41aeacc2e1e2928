/**
 * Reading an `allowed-states` attribute: no validation logic, so that an element with that
 * attribute does not load the checks. Also exported from `validation.ts`.
 */
import { STATE_CODES, type StateCode } from './states.js';

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
