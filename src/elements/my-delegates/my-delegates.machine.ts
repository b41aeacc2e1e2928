/**
 * Pure state machine of `<pep-my-delegates>`: the list (loading / ready / failed), the Add
 * Delegate dialog, Resend invitation, the producer's controls (Deactivate / Reactivate / Unlock,
 * each after a confirmation), and the polite notices after each.
 */
import type { AdapterError } from '../../adapter/errors.js';
import type { DelegateSummary } from '../../adapter/types.js';

/** A producer's control on one of their delegates. */
export type DelegateControl = 'deactivate' | 'reactivate' | 'unlock';

/** Whether `control` applies to the delegate as they are now (else it is not offered). */
export function controlApplies(control: DelegateControl, d: DelegateSummary): boolean {
  if (control === 'unlock') return d.status === 'locked';
  if (control === 'reactivate') return d.status === 'deactivated';
  return d.status !== 'deactivated';
}

export interface MyDelegatesState {
  list: 'loading' | 'ready' | 'failed';
  /** The last list loaded (kept while refreshing). */
  delegates: DelegateSummary[];
  /** The last failure (list or resend), shown in the error region. */
  error: AdapterError | null;
  /** What the error's "Try again" repeats. */
  retry:
    | { type: 'LOAD' }
    | { type: 'RESEND'; delegateId: string }
    | { type: 'OPEN_ADD' }
    | { type: 'CONTROL' }
    | null;
  dialogOpen: boolean;
  /** The delegate whose invitation is being resent. */
  resendingId: string | null;
  /** The control waiting for its confirmation (or in flight: `busy`) on one delegate. */
  confirming: { delegateId: string; control: DelegateControl; busy: boolean } | null;
  /** A polite confirmation of the last action. */
  notice: { kind: 'added' | 'resent' | DelegateControl; delegate: DelegateSummary } | null;
}

export type MyDelegatesEvent =
  | { type: 'LOAD' }
  | { type: 'LOAD_OK'; delegates: DelegateSummary[] }
  | { type: 'LOAD_FAIL'; error: AdapterError }
  | { type: 'OPEN_ADD' }
  /** The Add Delegate form could not be loaded (offline): close, with a retryable error. */
  | { type: 'OPEN_FAIL'; error: AdapterError }
  /** Cancel / Escape: close without adding. */
  | { type: 'CLOSE_ADD' }
  /** Finish after "Delegate was added": close and refresh. */
  | { type: 'FINISH'; delegate: DelegateSummary }
  /** Resend invitation to an invited delegate. */
  | { type: 'RESEND'; delegateId: string }
  | { type: 'RESEND_OK' }
  | { type: 'RESEND_FAIL'; error: AdapterError }
  /** Deactivate / Reactivate / Unlock asked: the confirmation opens. */
  | { type: 'ASK'; delegateId: string; control: DelegateControl }
  | { type: 'CANCEL_ASK' }
  /** Confirmed. */
  | { type: 'CONTROL' }
  | { type: 'CONTROL_OK'; delegate: DelegateSummary }
  | { type: 'CONTROL_FAIL'; error: AdapterError };

export const initialMyDelegates = (): MyDelegatesState => ({
  list: 'loading',
  delegates: [],
  error: null,
  retry: null,
  dialogOpen: false,
  resendingId: null,
  confirming: null,
  notice: null,
});

export function myDelegatesTransition(
  state: MyDelegatesState,
  event: MyDelegatesEvent,
): MyDelegatesState {
  switch (event.type) {
    case 'LOAD':
      return { ...state, list: 'loading', error: null, retry: null };
    case 'LOAD_OK':
      if (state.list !== 'loading') return state;
      return { ...state, list: 'ready', delegates: event.delegates };
    case 'LOAD_FAIL':
      if (state.list !== 'loading') return state;
      return { ...state, list: 'failed', error: event.error, retry: { type: 'LOAD' } };
    case 'OPEN_ADD':
      if (state.dialogOpen) return state;
      return state.retry?.type === 'OPEN_ADD'
        ? { ...state, dialogOpen: true, notice: null, error: null, retry: null }
        : { ...state, dialogOpen: true, notice: null };
    case 'OPEN_FAIL':
      if (!state.dialogOpen) return state;
      return { ...state, dialogOpen: false, error: event.error, retry: { type: 'OPEN_ADD' } };
    case 'CLOSE_ADD':
      return state.dialogOpen ? { ...state, dialogOpen: false } : state;
    case 'FINISH':
      if (!state.dialogOpen) return state;
      return {
        ...state,
        dialogOpen: false,
        list: 'loading',
        error: null,
        retry: null,
        notice: { kind: 'added', delegate: event.delegate },
      };
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
    case 'ASK': {
      if (state.confirming?.busy) return state;
      const delegate = state.delegates.find((d) => d.id === event.delegateId);
      if (!delegate || !controlApplies(event.control, delegate)) return state;
      return {
        ...state,
        confirming: { delegateId: delegate.id, control: event.control, busy: false },
        error: null,
        retry: null,
        notice: null,
      };
    }
    case 'CANCEL_ASK':
      if (!state.confirming || state.confirming.busy) return state;
      return { ...state, confirming: null, error: null, retry: null };
    case 'CONTROL':
      if (!state.confirming || state.confirming.busy) return state;
      return {
        ...state,
        confirming: { ...state.confirming, busy: true },
        error: null,
        retry: null,
      };
    case 'CONTROL_OK': {
      const c = state.confirming;
      if (!c?.busy) return state;
      const delegate = event.delegate;
      return {
        ...state,
        confirming: null,
        delegates: state.delegates.map((d) => (d.id === delegate.id ? delegate : d)),
        notice: { kind: c.control, delegate },
      };
    }
    case 'CONTROL_FAIL':
      if (!state.confirming?.busy) return state;
      return {
        ...state,
        confirming: { ...state.confirming, busy: false },
        error: event.error,
        retry: { type: 'CONTROL' },
      };
  }
}
