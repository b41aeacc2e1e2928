/**
 * Pure step machine of `<pep-add-delegate>`: the form (with its pending call and the errors the
 * adapter reported per field) and the "Delegate was added" step. Field values live in the
 * element; client-side validation is `validateDelegateInput` (src/core/delegate-input.ts).
 */
import type { AdapterError } from '../../adapter/errors.js';
import type { DelegateSummary } from '../../adapter/types.js';
import type { DelegateField, FieldReason } from '../../core/validation.js';

/** A reason the adapter gave for one field: a validation reason, or the username is taken. */
type ServerFieldReason = FieldReason | 'taken';

export type ServerFieldErrors = Partial<Record<DelegateField, ServerFieldReason>>;

export type AddDelegateState =
  | {
      step: 'form';
      pending: boolean;
      /** The last failure of Create Delegate (shown in the error region), or null. */
      error: AdapterError | null;
      /** Per-field errors from the adapter; each clears when its field is edited. */
      serverErrors: ServerFieldErrors;
    }
  | { step: 'done'; delegate: DelegateSummary };

export type AddDelegateEvent =
  /** Create Delegate with input that passed client validation. */
  | { type: 'SUBMIT' }
  | { type: 'SUBMIT_OK'; delegate: DelegateSummary }
  | { type: 'SUBMIT_FAIL'; error: AdapterError }
  /** The user changed a field: its adapter error no longer applies. */
  | { type: 'EDIT'; field: DelegateField }
  /** The user cancelled while Create Delegate was pending: the call was aborted. */
  | { type: 'CANCEL' }
  /** Start again with an empty form (e.g. to add another delegate). */
  | { type: 'RESET' };

export const DELEGATE_FIELDS: readonly DelegateField[] = [
  'username',
  'email',
  'firstName',
  'lastName',
  'mobile',
  'states',
  'language',
];

export const initialAddDelegate = (): AddDelegateState => ({
  step: 'form',
  pending: false,
  error: null,
  serverErrors: {},
});

/** Map an adapter failure to the fields it concerns (USERNAME_TAKEN, VALIDATION). */
export function serverFieldErrors(error: AdapterError): ServerFieldErrors {
  if (error.is('USERNAME_TAKEN')) return { username: 'taken' };
  if (error.is('VALIDATION')) {
    const out: ServerFieldErrors = {};
    for (const [field, reason] of Object.entries(error.data.fields)) {
      if ((DELEGATE_FIELDS as readonly string[]).includes(field)) {
        out[field as DelegateField] = reason;
      }
    }
    return out;
  }
  return {};
}

export function addDelegateTransition(
  state: AddDelegateState,
  event: AddDelegateEvent,
): AddDelegateState {
  if (event.type === 'RESET') return initialAddDelegate();
  if (state.step === 'done') return state;
  switch (event.type) {
    case 'SUBMIT':
      return state.pending ? state : { ...state, pending: true, error: null, serverErrors: {} };
    case 'SUBMIT_OK':
      return state.pending ? { step: 'done', delegate: event.delegate } : state;
    case 'SUBMIT_FAIL':
      if (!state.pending) return state;
      return {
        ...state,
        pending: false,
        error: event.error,
        serverErrors: serverFieldErrors(event.error),
      };
    case 'CANCEL':
      return state.pending ? { ...state, pending: false } : state;
    case 'EDIT': {
      if (!(event.field in state.serverErrors)) return state;
      const serverErrors = { ...state.serverErrors };
      delete serverErrors[event.field];
      return { ...state, serverErrors };
    }
  }
}
