/**
 * The step machine of `<pep-create-password>` is the shared password-flow machine (also used
 * by Forgot Password with purpose `reset`); re-exported here under this element's name. The
 * element runs Find Account's part (the first state, FIND and FIND_FAIL) until its later chunk
 * brings the whole machine (`createPasswordTransition`, from `password-flow.steps.machine.ts`).
 */

export {
  initialPasswordFlow as initialCreatePassword,
  findStepTransition,
  passwordFlowStepNumber,
  type PasswordFlowEvent as CreatePasswordEvent,
  type PasswordFlowState as CreatePasswordState,
  type PasswordFlowStep as CreatePasswordStep,
} from '../../shared/password-flow.machine.js';
export { passwordFlowTransition as createPasswordTransition } from '../../shared/password-flow.steps.machine.js';
