/**
 * The `<pep-forgot-username>` flow as a pure state machine: email → Send Email → confirmation
 * (the same whether or not an account exists) with Resend Email, throttled by the adapter.
 * No DOM, no adapter: the component feeds it adapter results. This module has the email step's
 * transitions; the "sent" step's come with that step (`forgot-username.sent.machine.ts`).
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

export type ForgotUsernameStep = ForgotUsernameState['step'];
export type ForgotUsernameEmailState = Extract<ForgotUsernameState, { step: 'email' }>;
export type ForgotUsernameSentState = Extract<ForgotUsernameState, { step: 'sent' }>;

export type ForgotUsernameEvent =
  | { type: 'INPUT'; email: string }
  /** Send Email: with a checked address, or while it waits for the check's chunk. */
  | { type: 'SUBMIT' }
  /**
   * What Send Email waited for (the check's chunk) is there: the email step is idle again, and
   * Send Email goes on (SUBMIT again) or stops at the field error.
   */
  | { type: 'CHECKED' }
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

/** The email step's transitions. */
export function emailTransition(
  state: ForgotUsernameEmailState,
  event: ForgotUsernameEvent,
): ForgotUsernameState {
  switch (event.type) {
    case 'INPUT':
      return state.submitting ? state : { ...state, email: event.email };
    case 'SUBMIT':
      return state.submitting ? state : { ...state, submitting: true, error: undefined };
    case 'CHECKED':
      return state.submitting ? { ...state, submitting: false } : state;
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
