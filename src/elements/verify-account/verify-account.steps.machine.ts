/**
 * The code step's part of the `<pep-verify-account>` machine (`verify-account.machine.ts`): enter
 * the code, resend it, back to the methods, and with it the whole machine. It comes with the
 * element's later chunk.
 */
import {
  clearError,
  frontTransition,
  type VerifyEvent,
  type VerifyState,
} from './verify-account.machine.js';

/** The whole machine. */
export function transition(state: VerifyState, event: VerifyEvent): VerifyState {
  return state.step === 'code' ? codeTransition(state, event) : frontTransition(state, event);
}

export function codeTransition(
  state: Extract<VerifyState, { step: 'code' }>,
  event: VerifyEvent,
): VerifyState {
  if (event.type === 'EXPIRED') return { step: 'expired' };
  switch (event.type) {
    case 'SUBMIT_CODE':
      if (state.submitting || state.resending) return state;
      return { ...clearError(state), submitting: true, resent: false };
    case 'VERIFIED':
      return state.submitting ? { step: 'done', session: event.session } : state;
    case 'CODE_FAILED':
      return state.submitting ? { ...state, submitting: false, error: event.error } : state;
    case 'RESEND':
      if (state.submitting || state.resending) return state;
      return { ...clearError(state), resending: true, resent: false };
    case 'RESENT':
      return state.resending
        ? { ...state, sent: event.sent, resending: false, resent: true }
        : state;
    case 'RESEND_FAILED':
      return state.resending ? { ...state, resending: false, error: event.error } : state;
    case 'BACK':
      if (state.submitting) return state;
      return {
        step: 'choose',
        options: state.options,
        selected: state.channel,
        sending: false,
      };
    default:
      return state;
  }
}
