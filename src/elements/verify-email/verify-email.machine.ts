/**
 * Pure step machine of `<pep-verify-email>`: confirm the emailed link's token once, then show
 * Email Verification Complete! or a page for the link's problem.
 */
import { adapterError, RETRYABLE_CODES, type AdapterError } from '../../adapter/errors.js';

export type VerifyEmailState =
  /** Not started (no token read yet). */
  | { step: 'idle' }
  | { step: 'verifying'; token: string }
  | { step: 'verified'; username: string }
  /** LINK_EXPIRED / LINK_USED / LINK_INVALID, or a retryable failure (NETWORK, …). */
  | { step: 'failed'; token: string; error: AdapterError };

export type VerifyEmailEvent =
  | { type: 'START'; token: string | null }
  | { type: 'OK'; username: string }
  | { type: 'FAIL'; error: AdapterError }
  /** Try the same token again (only after a failure). */
  | { type: 'RETRY' };

export const initialVerifyEmail = (): VerifyEmailState => ({ step: 'idle' });

/** The page a failure shows. */
type LinkProblem = 'expired' | 'used' | 'invalid' | 'retry' | 'other';

export function linkProblem(error: AdapterError): LinkProblem {
  switch (error.code) {
    case 'LINK_EXPIRED':
      return 'expired';
    case 'LINK_USED':
      return 'used';
    case 'LINK_INVALID':
      return 'invalid';
    default:
      // The same codes as every widget's Try again (`isRetryable`).
      return RETRYABLE_CODES.has(error.code) ? 'retry' : 'other';
  }
}

export function verifyEmailTransition(
  state: VerifyEmailState,
  event: VerifyEmailEvent,
): VerifyEmailState {
  switch (event.type) {
    case 'START': {
      // A link confirms once: after success (or while confirming) a new start is ignored.
      if (state.step === 'verified' || state.step === 'verifying') return state;
      const token = (event.token ?? '').trim();
      if (!token) return { step: 'failed', token: '', error: adapterError('LINK_INVALID') };
      return { step: 'verifying', token };
    }
    case 'OK':
      return state.step === 'verifying' ? { step: 'verified', username: event.username } : state;
    case 'FAIL':
      return state.step === 'verifying'
        ? { step: 'failed', token: state.token, error: event.error }
        : state;
    case 'RETRY':
      if (state.step !== 'failed' || !state.token) return state;
      return { step: 'verifying', token: state.token };
  }
}
