/**
 * The `<pep-login>` flow as a pure state machine: credentials → (typing-pattern enrollment) →
 * account verification → done. No DOM, no adapter: the component feeds it adapter results.
 */
import type { AdapterError } from '../../adapter/errors.js';
import type { PendingLogin, Session } from '../../adapter/types.js';

export type LoginState =
  /** Username and password. `submitting` while the adapter checks them. */
  | { step: 'credentials'; submitting: boolean; error?: AdapterError }
  /** First login: the typing pattern must be enrolled before verification. */
  | { step: 'enroll'; pending: PendingLogin }
  /** Verify the account by email / SMS code or the typing pattern. */
  | { step: 'verify'; pending: PendingLogin }
  /** Signed in. */
  | { step: 'done'; session: Session };

export type LoginEvent =
  | { type: 'SUBMIT' }
  | { type: 'AUTHENTICATED'; session: Session }
  | { type: 'VERIFICATION_REQUIRED'; pending: PendingLogin }
  | { type: 'FAILED'; error: AdapterError }
  | { type: 'PATTERN_ENROLLED'; pending: PendingLogin }
  | { type: 'VERIFIED'; session: Session }
  /** The pending login expired (or a child step gave up): back to the password, with a reason. */
  | { type: 'RESTART'; error?: AdapterError }
  /** `reset()`: the empty Log In form from any step (a pending call is abandoned, no error). */
  | { type: 'RESET' };

export const initialLoginState: LoginState = { step: 'credentials', submitting: false };

export function transition(state: LoginState, event: LoginEvent): LoginState {
  if (event.type === 'RESET') return initialLoginState;
  switch (state.step) {
    case 'credentials':
      switch (event.type) {
        case 'SUBMIT':
          return state.submitting ? state : { step: 'credentials', submitting: true };
        case 'AUTHENTICATED':
          return state.submitting ? { step: 'done', session: event.session } : state;
        case 'VERIFICATION_REQUIRED':
          if (!state.submitting) return state;
          return event.pending.mustEnrollPattern
            ? { step: 'enroll', pending: event.pending }
            : { step: 'verify', pending: event.pending };
        case 'FAILED':
          return state.submitting
            ? { step: 'credentials', submitting: false, error: event.error }
            : state;
        default:
          return state;
      }
    case 'enroll':
      switch (event.type) {
        case 'PATTERN_ENROLLED':
          return { step: 'verify', pending: event.pending };
        case 'RESTART':
          return restart(event.error);
        default:
          return state;
      }
    case 'verify':
      switch (event.type) {
        case 'VERIFIED':
          return { step: 'done', session: event.session };
        case 'RESTART':
          return restart(event.error);
        default:
          return state;
      }
    case 'done':
      return event.type === 'RESTART' ? restart(event.error) : state;
  }
}

function restart(error: AdapterError | undefined): LoginState {
  return error ? { step: 'credentials', submitting: false, error } : initialLoginState;
}
