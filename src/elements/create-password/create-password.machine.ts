/**
 * The step machine of `<pep-create-password>` is the shared password-flow machine (also used
 * by Forgot Password with purpose `reset`); re-exported here under this element's name.
 */
import type { PasswordFlowPurpose } from '../../adapter/types.js';
import type { PasswordFlowEvent, PasswordFlowState } from '../../shared/password-flow.machine.js';

export {
  initialPasswordFlow as initialCreatePassword,
  passwordFlowTransition as createPasswordTransition,
  passwordFlowStepNumber,
  type PasswordFlowEvent as CreatePasswordEvent,
  type PasswordFlowState as CreatePasswordState,
  type PasswordFlowStep as CreatePasswordStep,
} from '../../shared/password-flow.machine.js';

/*
 * What Find Account needs of the machine, for both password flows, without the machine itself
 * (it comes with their steps chunk, which is loaded before FIND_OK): the first state, and FIND
 * and FIND_FAIL on the find step, exactly as the shared machine has them (a test compares them).
 * So the machine is not part of what a host loads first.
 */

/** The first state (Find Account), as `initialPasswordFlow(purpose)`. */
export function firstPasswordFlowState(purpose: PasswordFlowPurpose): PasswordFlowState {
  return { step: 'find', purpose, pending: false, error: null };
}

/**
 * FIND and FIND_FAIL on the find step, as `passwordFlowTransition`; `undefined` for any other
 * step or event (the element passes those to the whole machine).
 */
export function findStepTransition(
  state: PasswordFlowState,
  event: PasswordFlowEvent,
): PasswordFlowState | undefined {
  if (state.step !== 'find') return undefined;
  if (event.type === 'FIND')
    return state.pending ? state : { ...state, pending: true, error: null };
  if (event.type === 'FIND_FAIL')
    return state.pending ? { ...state, pending: false, error: event.error } : state;
  return undefined;
}
