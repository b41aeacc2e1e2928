/**
 * The `<pep-forgot-username>` flow as a pure state machine: email → Send Email → confirmation
 * (the same whether or not an account exists) with Resend Email, throttled by the adapter.
 * No DOM, no adapter: the component feeds it adapter results.
 */
import type { AdapterError } from '../../adapter/errors.js';

export type ForgotUsernameState =
  /** Enter the email address. `submitting` while the adapter sends. */
  | { step: 'email'; email: string; submitting: boolean; error?: AdapterError }
  /** "If an account exists…" confirmation with Resend Email. */
  | {
      step: 'sent';
      email: string;
      /** Epoch ms from which Resend Email may be used. */
      resendAvailableAt: number;
      resending: boolean;
      /** How many times the email was re-sent (a changed count announces "sent again"). */
      resent: number;
      error?: AdapterError;
    };

type ForgotUsernameEmailState = Extract<ForgotUsernameState, { step: 'email' }>;
export type ForgotUsernameSentState = Extract<ForgotUsernameState, { step: 'sent' }>;

export type ForgotUsernameEvent =
  | { type: 'INPUT'; email: string }
  /** Send Email with a checked address. */
  | { type: 'SUBMIT' }
  | { type: 'SENT'; resendAvailableAt: number }
  | { type: 'FAILED'; error: AdapterError }
  /** Resend Email; `now` (epoch ms) is checked against `resendAvailableAt`. */
  | { type: 'RESEND'; now: number }
  /** Back to the email step, keeping the address, to correct it. */
  | { type: 'CHANGE_EMAIL' };

export const initialForgotUsernameState: ForgotUsernameState = {
  step: 'email',
  email: '',
  submitting: false,
};

export function forgotUsernameTransition(
  state: ForgotUsernameState,
  event: ForgotUsernameEvent,
): ForgotUsernameState {
  return state.step === 'email' ? emailTransition(state, event) : sentTransition(state, event);
}

/** The email step's transitions. */
function emailTransition(
  state: ForgotUsernameEmailState,
  event: ForgotUsernameEvent,
): ForgotUsernameState {
  switch (event.type) {
    case 'INPUT':
      return state.submitting ? state : { ...state, email: event.email };
    case 'SUBMIT':
      return state.submitting ? state : { ...state, submitting: true, error: undefined };
    case 'SENT':
      return state.submitting
        ? {
            step: 'sent',
            email: state.email.trim(),
            resendAvailableAt: event.resendAvailableAt,
            resending: false,
            resent: 0,
          }
        : state;
    case 'FAILED':
      return state.submitting ? { ...state, submitting: false, error: event.error } : state;
    default:
      return state;
  }
}

/** The "sent" step's transitions: Resend Email, its throttle, and back to the email step. */
function sentTransition(
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
