/**
 * Resend invitation of `<pep-my-delegates>`'s list, as pure transitions of the element's state
 * (`my-delegates.machine.ts`): loaded with the list (`my-delegates.steps.ts`), not up front.
 */
import type { AdapterError } from '../../adapter/errors.js';
import type { MyDelegatesState } from './my-delegates.machine.js';

export type ResendEvent =
  | { type: 'RESEND'; delegateId: string }
  | { type: 'RESEND_OK' }
  | { type: 'RESEND_FAIL'; error: AdapterError };

export function resendTransition(state: MyDelegatesState, event: ResendEvent): MyDelegatesState {
  switch (event.type) {
    case 'RESEND': {
      if (state.resendingId !== null) return state;
      const delegate = state.delegates.find((d) => d.id === event.delegateId);
      if (!delegate || delegate.status !== 'invited') return state;
      return { ...state, resendingId: delegate.id, error: null, retry: null, notice: null };
    }
    case 'RESEND_OK': {
      const delegate = state.delegates.find((d) => d.id === state.resendingId);
      if (!delegate) return state;
      return { ...state, resendingId: null, notice: { kind: 'resent', delegate } };
    }
    case 'RESEND_FAIL':
      if (state.resendingId === null) return state;
      return {
        ...state,
        resendingId: null,
        error: event.error,
        retry: { type: 'RESEND', delegateId: state.resendingId },
      };
  }
}
