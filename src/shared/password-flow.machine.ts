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
 * them; the machine keeps only what decides the flow. Everything but Find Account's FIND and
 * FIND_FAIL is in `password-flow.steps.machine.ts`, which the elements load with their later
 * chunk, with `passwordFlowTransition`, the whole machine.
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

/**
 * FIND and FIND_FAIL on the find step: what Find Account needs before the rest of the machine
 * (`password-flow.steps.machine.ts`) has loaded with an element's later chunk. `undefined` for
 * any other step or event.
 */
export function findStepTransition(
  state: PasswordFlowState,
  event: PasswordFlowEvent,
): PasswordFlowState | undefined {
  if (state.step !== 'find') return undefined;
  if (event.type === 'FIND')
    return state.pending ? state : { ...state, pending: true, error: null };
  if (event.type === 'FIND_FAIL')
    return state.pending ? { ...state, pending: false, error: event.error } : state;
  return undefined;
}

/** The "Step N of 4" number of a step (done has none). */
export function passwordFlowStepNumber(step: PasswordFlowStep): number | null {
  return { find: 1, choose: 2, code: 3, password: 4, done: null }[step];
}
