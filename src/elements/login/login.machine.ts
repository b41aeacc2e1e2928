/**
 * The `<pep-login>` flow as a pure state machine: credentials → (typing-pattern enrollment) →
 * account verification → (the offer to create a passkey) → done; or, with passkeys on,
 * credentials → a passkey sign-in → done. No DOM, no adapter: the component feeds it adapter
 * and browser results.
 */
import type { AdapterError } from '../../adapter/errors.js';
import type { PendingLogin, Session } from '../../adapter/types.js';

/**
 * Why a passkey sign-in gave no session: the browser's answer (`cancelled`: dismissed, timed
 * out, or no passkey for this site — browsers do not tell these apart; `security`: the page's
 * address does not match; `unsupported`: no authenticator can do it; `failed`: anything else,
 * such as the WebAuthn code failing to load), or the backend's (`PASSKEY_UNKNOWN`,
 * `PASSKEY_REJECTED`, `ACCOUNT_LOCKED`, a network failure…).
 */
export type PasskeyFailure =
  | { kind: 'webauthn'; reason: 'cancelled' | 'security' | 'unsupported' | 'failed' }
  | { kind: 'adapter'; error: AdapterError };

export type LoginState =
  /**
   * Username and password. `submitting` while the adapter checks them; `passkey` while a
   * passkey sign-in runs (`button`: Sign in with a passkey; `autofill`: a passkey picked from
   * the username's autofill), and `passkeyFailure` after one failed. `unlocked`: the lockout
   * shown ran out (the account may log in again).
   */
  | {
      step: 'credentials';
      submitting: boolean;
      error?: AdapterError;
      unlocked?: boolean;
      passkey?: 'button' | 'autofill';
      passkeyFailure?: PasskeyFailure;
    }
  /** First login: the typing pattern must be enrolled before verification. */
  | { step: 'enroll'; pending: PendingLogin }
  /** Verify the account by email / SMS code or the typing pattern. */
  | { step: 'verify'; pending: PendingLogin }
  /** Signed in with a password (passkeys on): the offer to create a passkey, then done. */
  | { step: 'offer'; session: Session }
  /** Signed in. */
  | { step: 'done'; session: Session };

export type LoginEvent =
  | { type: 'SUBMIT' }
  /** The password was enough (remembered device). `offerPasskey`: show the offer first. */
  | { type: 'AUTHENTICATED'; session: Session; offerPasskey?: boolean }
  | { type: 'VERIFICATION_REQUIRED'; pending: PendingLogin }
  | { type: 'FAILED'; error: AdapterError }
  /** The unlock time of the `ACCOUNT_LOCKED` shown has passed (by the element's clock). */
  | { type: 'UNLOCKED' }
  | { type: 'PATTERN_ENROLLED'; pending: PendingLogin }
  /** Verification succeeded. `offerPasskey`: show the offer to create a passkey first. */
  | { type: 'VERIFIED'; session: Session; offerPasskey?: boolean }
  /** The offer to create a passkey is over (created, Not now, or not offered here). */
  | { type: 'OFFER_DONE' }
  /** A passkey sign-in starts: the button was chosen, or a passkey picked in the autofill. */
  | { type: 'PASSKEY_START'; via: 'button' | 'autofill' }
  /** The passkey was accepted: signed in (it counts as password plus verification). */
  | { type: 'PASSKEY_SIGNED_IN'; session: Session }
  | { type: 'PASSKEY_FAILED'; failure: PasskeyFailure }
  /** The passkey request was aborted (not the person's doing): back to the form, no message. */
  | { type: 'PASSKEY_ABORTED' }
  /** The pending login expired (or a child step gave up): back to the password, with a reason. */
  | { type: 'RESTART'; error?: AdapterError }
  /** `reset()`: the empty Log In form from any step (a pending call is abandoned, no error). */
  | { type: 'RESET' };

export const initialLoginState: LoginState = { step: 'credentials', submitting: false };

/** Signed in with a password: the offer first when asked for, else done. */
const signedIn = (session: Session, offerPasskey: boolean | undefined): LoginState =>
  offerPasskey ? { step: 'offer', session } : { step: 'done', session };

export function transition(state: LoginState, event: LoginEvent): LoginState {
  if (event.type === 'RESET') return initialLoginState;
  switch (state.step) {
    case 'credentials': {
      const idle = !state.submitting && !state.passkey;
      switch (event.type) {
        case 'SUBMIT':
          return idle ? { step: 'credentials', submitting: true } : state;
        case 'AUTHENTICATED':
          return state.submitting ? signedIn(event.session, event.offerPasskey) : state;
        case 'VERIFICATION_REQUIRED':
          if (!state.submitting) return state;
          return event.pending.mustEnrollPattern
            ? { step: 'enroll', pending: event.pending }
            : { step: 'verify', pending: event.pending };
        case 'FAILED':
          return state.submitting
            ? { step: 'credentials', submitting: false, error: event.error }
            : state;
        case 'UNLOCKED':
          return idle && state.error?.is('ACCOUNT_LOCKED')
            ? { step: 'credentials', submitting: false, unlocked: true }
            : state;
        case 'PASSKEY_START':
          return idle ? { step: 'credentials', submitting: false, passkey: event.via } : state;
        case 'PASSKEY_SIGNED_IN':
          return state.passkey ? { step: 'done', session: event.session } : state;
        case 'PASSKEY_FAILED':
          return state.passkey
            ? { step: 'credentials', submitting: false, passkeyFailure: event.failure }
            : state;
        case 'PASSKEY_ABORTED':
          return state.passkey ? initialLoginState : state;
        default:
          return state;
      }
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
          return signedIn(event.session, event.offerPasskey);
        case 'RESTART':
          return restart(event.error);
        default:
          return state;
      }
    case 'offer':
      switch (event.type) {
        case 'OFFER_DONE':
          return { step: 'done', session: state.session };
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
