/**
 * The step machine of `<pep-forgot-password>` is the shared password-flow machine (the same
 * one `<pep-create-password>` runs), started with purpose `reset`: Find Account → Get
 * Verification Code → Enter Verification Code → Create New Password (Step 4 of 4) → done. The
 * element runs Find Account's part (`findStepTransition`) until its later chunk brings the whole
 * machine (`transition`, from `password-flow.steps.machine.ts`).
 */
import { initialPasswordFlow, type PasswordFlowState } from '../../shared/password-flow.machine.js';

export {
  findStepTransition,
  passwordFlowStepNumber,
  type PasswordFlowEvent as ForgotPasswordEvent,
  type PasswordFlowState as ForgotPasswordState,
  type PasswordFlowStep as ForgotPasswordStep,
} from '../../shared/password-flow.machine.js';
export { passwordFlowTransition as transition } from '../../shared/password-flow.steps.machine.js';

/** The first state of Forgot Password (purpose `reset`). */
export function initialForgotPasswordState(): PasswordFlowState {
  return initialPasswordFlow('reset');
}
