/**
 * The step machine of `<pep-create-password>` is the shared password-flow machine (also used
 * by Forgot Password with purpose `reset`); re-exported here under this element's name.
 */

export {
  initialPasswordFlow as initialCreatePassword,
  passwordFlowTransition as createPasswordTransition,
  passwordFlowStepNumber,
  type PasswordFlowEvent as CreatePasswordEvent,
  type PasswordFlowState as CreatePasswordState,
  type PasswordFlowStep as CreatePasswordStep,
} from '../../shared/password-flow.machine.js';

// Find Account's part of the machine (the first state, FIND and FIND_FAIL): what the element
// runs before its later chunk brings the rest.
export {
  initialPasswordFlow as firstPasswordFlowState,
  findStepTransition,
} from '../../shared/password-flow.machine.js';
