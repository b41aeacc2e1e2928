/**
 * The "sent" step's transitions of `<pep-forgot-username>` (`forgot-username.machine.ts`):
 * Resend Email, its throttle, and back to the email step. Loaded with that step
 * (`forgot-username.steps.ts`), not up front.
 */
import type {
  ForgotUsernameEvent,
  ForgotUsernameSentState,
  ForgotUsernameState,
} from './forgot-username.machine.js';

export function sentTransition(
  state: ForgotUsernameSentState,
  event: ForgotUsernameEvent,
): ForgotUsernameState {
  switch (event.type) {
    case 'RESEND':
      if (state.resending || event.now < state.resendAvailableAt) return state;
      return { ...state, resending: true, error: undefined };
    case 'SENT':
      return state.resending
        ? {
            ...state,
            resending: false,
            resendAvailableAt: event.resendAvailableAt,
            resent: state.resent + 1,
          }
        : state;
    case 'FAILED':
      if (!state.resending) return state;
      return event.error.is('RATE_LIMITED')
        ? {
            ...state,
            resending: false,
            resendAvailableAt: event.error.data.retryAfter,
            error: event.error,
          }
        : { ...state, resending: false, error: event.error };
    case 'CHANGE_EMAIL':
      return state.resending ? state : { step: 'email', email: state.email, submitting: false };
    default:
      return state;
  }
}
