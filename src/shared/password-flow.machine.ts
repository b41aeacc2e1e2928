/**
 * The pure step machine of the password flows: Create Password (registration, purpose
 * `create`) and Forgot Password (purpose `reset`). No DOM, no adapter: the element performs
 * the adapter call an event asks for and feeds its outcome back as another event.
 *
 * Steps: `find` (Username → Find Account) → `choose` (email / text message → Send Code) →
 * `code` (Enter Verification Code, resend it) → `password` (Create New Password, Step 4 of 4)
 * → `done`.
 *
 * Typed field values (username, code, passwords) stay in the element, so a failure never loses
 * them; the machine keeps only what decides the flow.
 */
import type { AdapterError } from '../adapter/errors.js';
import type { Channel, CodeSent, PasswordFlow, PasswordFlowPurpose } from '../adapter/types.js';

export type PasswordFlowStep = 'find' | 'choose' | 'code' | 'password' | 'done';

interface Common {
  purpose: PasswordFlowPurpose;
  /** An adapter call for this step is in flight: submit is disabled, events are ignored. */
  pending: boolean;
  /** The last failure of this step (shown in the error region), or null. */
  error: AdapterError | null;
}

export type PasswordFlowState =
  | (Common & { step: 'find' })
  | (Common & { step: 'choose'; username: string; flow: PasswordFlow; channel: Channel })
  | (Common & {
      step: 'code';
      username: string;
      flow: PasswordFlow;
      channel: Channel;
      sent: CodeSent;
      /** A resend is in flight (the Continue button stays usable only when nothing is). */
      resending: boolean;
      /** A new code was sent after the first one (show "We sent a new code"). */
      resent: boolean;
      /** The current code can no longer be used (expired / too many attempts): resend it. */
      codeVoid: boolean;
    })
  | (Common & { step: 'password'; username: string; flow: PasswordFlow })
  | { step: 'done'; purpose: PasswordFlowPurpose; username: string; pending: false; error: null };

export type PasswordFlowEvent =
  | { type: 'FIND'; username: string }
  | { type: 'FIND_OK'; username: string; flow: PasswordFlow }
  | { type: 'FIND_FAIL'; error: AdapterError }
  | { type: 'SELECT_CHANNEL'; channel: Channel }
  | { type: 'SEND' }
  | { type: 'SEND_OK'; sent: CodeSent }
  | { type: 'SEND_FAIL'; error: AdapterError }
  | { type: 'RESEND' }
  | { type: 'RESEND_OK'; sent: CodeSent }
  | { type: 'RESEND_FAIL'; error: AdapterError }
  | { type: 'VERIFY' }
  | { type: 'VERIFY_OK' }
  | { type: 'VERIFY_FAIL'; error: AdapterError }
  /** The code's `expiresAt` passed while the user was on the code step. */
  | { type: 'CODE_EXPIRED' }
  | { type: 'SET_PASSWORD' }
  | { type: 'SET_OK' }
  | { type: 'SET_FAIL'; error: AdapterError }
  | { type: 'BACK' }
  /** Start over at Find Account (e.g. after FLOW_EXPIRED). */
  | { type: 'RESTART' };

export function initialPasswordFlow(purpose: PasswordFlowPurpose = 'create'): PasswordFlowState {
  return { step: 'find', purpose, pending: false, error: null };
}

/** The "Step N of 4" number of a step (done has none). */
export function passwordFlowStepNumber(step: PasswordFlowStep): number | null {
  return { find: 1, choose: 2, code: 3, password: 4, done: null }[step];
}

/** Errors after which the flow id is void: the user must start again at Find Account. */
function restartsFlow(error: AdapterError): boolean {
  return error.code === 'FLOW_EXPIRED';
}

function startOver(purpose: PasswordFlowPurpose, error: AdapterError): PasswordFlowState {
  return { step: 'find', purpose, pending: false, error };
}

function voidsCode(error: AdapterError): boolean {
  return error.code === 'CODE_EXPIRED' || error.code === 'CODE_ATTEMPTS_EXCEEDED';
}

/** The machine: returns the next state, or the same object when the event does not apply. */
export function passwordFlowTransition(
  state: PasswordFlowState,
  event: PasswordFlowEvent,
): PasswordFlowState {
  const purpose = state.purpose;
  if (event.type === 'RESTART') {
    return state.step === 'find' && !state.pending && !state.error
      ? state
      : initialPasswordFlow(purpose);
  }
  switch (state.step) {
    case 'find':
      switch (event.type) {
        case 'FIND':
          return state.pending ? state : { ...state, pending: true, error: null };
        case 'FIND_FAIL':
          return state.pending ? { ...state, pending: false, error: event.error } : state;
        case 'FIND_OK': {
          if (!state.pending) return state;
          const first = event.flow.destinations[0];
          if (!first) return { ...state, pending: false, error: null };
          return {
            step: 'choose',
            purpose,
            pending: false,
            error: null,
            username: event.username,
            flow: event.flow,
            channel: first.channel,
          };
        }
        default:
          return state;
      }

    case 'choose':
      switch (event.type) {
        case 'SELECT_CHANNEL':
          if (state.pending) return state;
          if (!state.flow.destinations.some((d) => d.channel === event.channel)) return state;
          return { ...state, channel: event.channel };
        case 'SEND':
          return state.pending ? state : { ...state, pending: true, error: null };
        case 'SEND_OK':
          if (!state.pending) return state;
          return {
            step: 'code',
            purpose,
            pending: false,
            error: null,
            username: state.username,
            flow: state.flow,
            channel: state.channel,
            sent: event.sent,
            resending: false,
            resent: false,
            codeVoid: false,
          };
        case 'SEND_FAIL':
          if (!state.pending) return state;
          if (restartsFlow(event.error)) return startOver(purpose, event.error);
          return { ...state, pending: false, error: event.error };
        case 'BACK':
          return state.pending ? state : initialPasswordFlow(purpose);
        default:
          return state;
      }
    case 'code':
      switch (event.type) {
        case 'VERIFY':
          if (state.pending || state.resending) return state;
          return { ...state, pending: true, error: null };
        case 'VERIFY_OK':
          if (!state.pending) return state;
          return {
            step: 'password',
            purpose,
            pending: false,
            error: null,
            username: state.username,
            flow: state.flow,
          };
        case 'VERIFY_FAIL':
          if (!state.pending) return state;
          if (restartsFlow(event.error)) return startOver(purpose, event.error);
          return {
            ...state,
            pending: false,
            error: event.error,
            codeVoid: state.codeVoid || voidsCode(event.error),
          };
        case 'CODE_EXPIRED':
          if (state.codeVoid) return state;
          return {
            ...state,
            pending: false,
            codeVoid: true,
            error: null,
          };
        case 'RESEND':
          if (state.pending || state.resending) return state;
          return { ...state, resending: true, error: null };
        case 'RESEND_OK':
          if (!state.resending) return state;
          return {
            ...state,
            resending: false,
            sent: event.sent,
            resent: true,
            codeVoid: false,
            error: null,
          };
        case 'RESEND_FAIL':
          if (!state.resending) return state;
          if (restartsFlow(event.error)) return startOver(purpose, event.error);
          return { ...state, resending: false, error: event.error };
        case 'BACK':
          if (state.pending || state.resending) return state;
          return {
            step: 'choose',
            purpose,
            pending: false,
            error: null,
            username: state.username,
            flow: state.flow,
            channel: state.channel,
          };
        default:
          return state;
      }
    case 'password':
      switch (event.type) {
        case 'SET_PASSWORD':
          return state.pending ? state : { ...state, pending: true, error: null };
        case 'SET_OK':
          if (!state.pending) return state;
          return { step: 'done', purpose, username: state.username, pending: false, error: null };
        case 'SET_FAIL':
          if (!state.pending) return state;
          if (restartsFlow(event.error)) return startOver(purpose, event.error);
          return { ...state, pending: false, error: event.error };
        default:
          return state;
      }
    case 'done':
      return state;
  }
}
