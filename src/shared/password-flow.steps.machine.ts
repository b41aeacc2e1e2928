/**
 * The password-flow machine (`password-flow.machine.ts`) after Find Account's FIND and
 * FIND_FAIL: the answer to Find Account, the code, the new password, RESTART. It comes with the
 * password flows' later chunks.
 */
import type { AdapterError } from '../adapter/errors.js';
import type { PasswordFlowPurpose } from '../adapter/types.js';
import {
  findStepTransition,
  initialPasswordFlow,
  type PasswordFlowEvent,
  type PasswordFlowState,
} from './password-flow.machine.js';

/** The machine: returns the next state, or the same object when the event does not apply. */
export function passwordFlowTransition(
  state: PasswordFlowState,
  event: PasswordFlowEvent,
): PasswordFlowState {
  return findStepTransition(state, event) ?? laterTransition(state, event);
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

/** The machine but FIND and FIND_FAIL on the find step (see `findStepTransition`). */
function laterTransition(state: PasswordFlowState, event: PasswordFlowEvent): PasswordFlowState {
  const purpose = state.purpose;
  if (event.type === 'RESTART') {
    return state.step === 'find' && !state.pending && !state.error
      ? state
      : initialPasswordFlow(purpose);
  }
  switch (state.step) {
    case 'find':
      switch (event.type) {
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
