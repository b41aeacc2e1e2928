/**
 * The step machine of `<pep-forgot-password>` is the shared password-flow machine (the same
 * one `<pep-create-password>` runs), started with purpose `reset`: Find Account → Get
 * Verification Code → Enter Verification Code → Create New Password (Step 4 of 4) → done.
 */
import type { PasswordFlowState } from '../../shared/password-flow.machine.js';
import { firstPasswordFlowState } from '../create-password/create-password.machine.js';

export {
  passwordFlowTransition as transition,
  passwordFlowStepNumber,
  type PasswordFlowEvent as ForgotPasswordEvent,
  type PasswordFlowState as ForgotPasswordState,
  type PasswordFlowStep as ForgotPasswordStep,
} from '../../shared/password-flow.machine.js';
// Find Account's part of the machine, without the machine (see there).
export { findStepTransition } from '../create-password/create-password.machine.js';

/** The first state of Forgot Password (purpose `reset`). */
export function initialForgotPasswordState(): PasswordFlowState {
  return firstPasswordFlowState('reset');
}
