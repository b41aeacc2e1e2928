/**
 * The `<pep-verify-account>` flow as a pure state machine: choose a method → (send code → enter
 * code) or (type the pattern) → done. No DOM, no adapter.
 */
import type { AdapterError } from '../../adapter/errors.js';
import type {
  Channel,
  CodeSent,
  PendingLogin,
  Session,
  VerificationMethod,
  VerificationOption,
} from '../../adapter/types.js';

export type VerifyState =
  | {
      step: 'choose';
      options: VerificationOption[];
      selected?: VerificationMethod;
      sending: boolean;
      error?: AdapterError;
    }
  | {
      step: 'code';
      options: VerificationOption[];
      channel: Channel;
      sent: CodeSent;
      submitting: boolean;
      resending: boolean;
      /** True right after a successful resend (shows "A new code was sent"). */
      resent: boolean;
      error?: AdapterError;
    }
  | { step: 'pattern'; options: VerificationOption[] }
  | { step: 'done'; session: Session }
  /** The pending login is void: the user must log in again. */
  | { step: 'expired' };

export type VerifyEvent =
  | { type: 'SELECT'; method: VerificationMethod }
  /** Send Code (email / sms) or Next (pattern) on the selected option. */
  | { type: 'CONTINUE' }
  /**
   * `<pep-typing-pattern>` (a nested element, fetched when the pattern is chosen) is defined
   * after CONTINUE on pattern: show it.
   */
  | { type: 'PATTERN_READY' }
  | { type: 'CODE_SENT'; sent: CodeSent }
  | { type: 'SEND_FAILED'; error: AdapterError }
  | { type: 'SUBMIT_CODE' }
  | { type: 'VERIFIED'; session: Session }
  | { type: 'CODE_FAILED'; error: AdapterError }
  | { type: 'RESEND' }
  | { type: 'RESENT'; sent: CodeSent }
  | { type: 'RESEND_FAILED'; error: AdapterError }
  /** Back to the list of methods (from the code or pattern step). */
  | { type: 'BACK' }
  /** The pattern step reports the option cannot be used now (locked or not enrolled). */
  | { type: 'PATTERN_UNAVAILABLE'; error?: AdapterError }
  | { type: 'EXPIRED' };

/** The three methods, always in the spec's order. */
export const METHODS: readonly VerificationMethod[] = ['email', 'sms', 'pattern'];

/**
 * The pending login's options as the three methods in the spec's order; a method the adapter
 * did not list (e.g. the pattern right after enrolling it) is shown as unavailable.
 */
export function normalizeOptions(options: readonly VerificationOption[]): VerificationOption[] {
  return METHODS.map((method) => {
    const o = options.find((x) => x.method === method);
    return o ? { ...o } : { method, available: false };
  });
}

export function initialVerifyState(pending: PendingLogin): VerifyState {
  const options = normalizeOptions(pending.options);
  const firstAvailable = options.find((o) => o.available)?.method;
  return firstAvailable
    ? { step: 'choose', options, selected: firstAvailable, sending: false }
    : { step: 'choose', options, sending: false };
}

/** A copy of `state` without its error (no `error: undefined` key left behind). */
function clearError<S extends { error?: AdapterError }>(state: S): S {
  const copy = { ...state };
  delete copy.error;
  return copy;
}

function isAvailable(options: VerificationOption[], method: VerificationMethod): boolean {
  return options.some((o) => o.method === method && o.available);
}

function withoutPattern(options: VerificationOption[]): VerificationOption[] {
  return options.map((o) => (o.method === 'pattern' ? { ...o, available: false } : o));
}

function firstAvailable(options: VerificationOption[]): VerificationMethod | undefined {
  return options.find((o) => o.available)?.method;
}

export function transition(state: VerifyState, event: VerifyEvent): VerifyState {
  if (event.type === 'EXPIRED') return state.step === 'done' ? state : { step: 'expired' };
  switch (state.step) {
    case 'choose':
      switch (event.type) {
        case 'SELECT':
          if (state.sending || !isAvailable(state.options, event.method)) return state;
          return { ...clearError(state), selected: event.method };
        case 'CONTINUE':
          if (state.sending || !state.selected) return state;
          return { ...clearError(state), sending: true };
        case 'PATTERN_READY':
          if (!state.sending || state.selected !== 'pattern') return state;
          return { step: 'pattern', options: state.options };
        case 'CODE_SENT':
          if (!state.sending || !state.selected || state.selected === 'pattern') return state;
          return {
            step: 'code',
            options: state.options,
            channel: state.selected,
            sent: event.sent,
            submitting: false,
            resending: false,
            resent: false,
          };
        case 'SEND_FAILED':
          return state.sending ? { ...state, sending: false, error: event.error } : state;
        default:
          return state;
      }
    case 'code':
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
    case 'pattern':
      switch (event.type) {
        case 'VERIFIED':
          return { step: 'done', session: event.session };
        case 'BACK':
          return { step: 'choose', options: state.options, selected: 'pattern', sending: false };
        case 'PATTERN_UNAVAILABLE': {
          const options = withoutPattern(state.options);
          const selected = firstAvailable(options);
          const error = event.error ? { error: event.error } : {};
          return selected
            ? { step: 'choose', options, selected, sending: false, ...error }
            : { step: 'choose', options, sending: false, ...error };
        }
        default:
          return state;
      }
    case 'done':
    case 'expired':
      return state;
  }
}
