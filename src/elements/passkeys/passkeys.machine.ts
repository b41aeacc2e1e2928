/**
 * Pure state machine of `<pep-passkeys>`: the list (loading / ready / failed), adding a passkey
 * (the browser's dialog, then the backend), renaming one in an inline form, deleting one after a
 * confirmation, and the polite notice after each.
 */
import type { AdapterError } from '../../adapter/errors.js';
import type { Passkey } from '../../adapter/types.js';
import type { PasskeyProblem } from '../passkey-offer/passkey-offer.machine.js';

/** A passkey name's check (1–64 characters after trimming, like the backend's). */
export type PasskeyNameReason = 'required' | 'too-long';

const PASSKEY_NAME_MAX = 64;

export function passkeyNameReason(name: string): PasskeyNameReason | null {
  const n = name.trim();
  if (!n) return 'required';
  return [...n].length > PASSKEY_NAME_MAX ? 'too-long' : null;
}

/** What a failure's Try again repeats. */
type PasskeysRetry =
  | { type: 'LOAD' }
  | { type: 'ADD' }
  | { type: 'DELETE'; passkeyId: string }
  | null;

export interface PasskeysState {
  list: 'loading' | 'ready' | 'failed';
  /** The last list loaded (kept while refreshing). */
  passkeys: Passkey[];
  /** The last failure of the list, an addition or a deletion (the error region). */
  problem: PasskeyProblem | null;
  retry: PasskeysRetry;
  /** The action in flight (one at a time). */
  busy: 'add' | 'rename' | 'delete' | null;
  /** The passkey whose inline Rename form is open, and its field's error (kept while typing). */
  editing: {
    passkeyId: string;
    error: { reason: PasskeyNameReason } | { adapter: AdapterError } | null;
  } | null;
  /** The passkey whose deletion waits for a confirmation. */
  confirming: string | null;
  /** A polite confirmation of the last action. */
  notice: { kind: 'added' | 'renamed' | 'deleted'; name: string } | null;
}

export type PasskeysEvent =
  | { type: 'LOAD' }
  | { type: 'LOAD_OK'; passkeys: Passkey[] }
  | { type: 'LOAD_FAIL'; error: AdapterError }
  | { type: 'ADD' }
  | { type: 'ADD_OK'; passkey: Passkey }
  | { type: 'ADD_FAIL'; problem: PasskeyProblem }
  /** The browser's request or the call was aborted (not the person's doing): no message. */
  | { type: 'ADD_ABORTED' }
  | { type: 'EDIT'; passkeyId: string }
  | { type: 'EDIT_CANCEL' }
  /** Save the name typed (checked here first; the backend checks again). */
  | { type: 'RENAME'; name: string }
  | { type: 'RENAME_OK'; passkey: Passkey }
  | { type: 'RENAME_FAIL'; error: AdapterError }
  | { type: 'ASK_DELETE'; passkeyId: string }
  | { type: 'DELETE_CANCEL' }
  /** Confirmed. */
  | { type: 'DELETE' }
  | { type: 'DELETE_OK'; passkeyId: string }
  | { type: 'DELETE_FAIL'; passkeyId: string; error: AdapterError };

export const initialPasskeys = (): PasskeysState => ({
  list: 'loading',
  passkeys: [],
  problem: null,
  retry: null,
  busy: null,
  editing: null,
  confirming: null,
  notice: null,
});

const byId = (s: PasskeysState, id: string | null | undefined) =>
  s.passkeys.find((p) => p.id === id);

/** Codes of a rename failure that belong next to the name field (the rest: the error region). */
const FIELD_CODES = new Set(['VALIDATION']);

export function passkeysTransition(state: PasskeysState, event: PasskeysEvent): PasskeysState {
  switch (event.type) {
    case 'LOAD':
      return { ...state, list: 'loading', problem: null, retry: null };
    case 'LOAD_OK':
      if (state.list !== 'loading') return state;
      return {
        ...state,
        list: 'ready',
        passkeys: event.passkeys,
        // A form or confirmation of a passkey that is gone closes.
        editing: event.passkeys.some((p) => p.id === state.editing?.passkeyId)
          ? state.editing
          : null,
        confirming: event.passkeys.some((p) => p.id === state.confirming) ? state.confirming : null,
      };
    case 'LOAD_FAIL':
      if (state.list !== 'loading') return state;
      return {
        ...state,
        list: 'failed',
        problem: { kind: 'adapter', error: event.error },
        retry: { type: 'LOAD' },
      };
    case 'ADD':
      if (state.busy || state.list === 'loading') return state;
      return {
        ...state,
        busy: 'add',
        problem: null,
        retry: null,
        notice: null,
        editing: null,
        confirming: null,
      };
    case 'ADD_OK':
      if (state.busy !== 'add') return state;
      return {
        ...state,
        busy: null,
        passkeys: [...state.passkeys.filter((p) => p.id !== event.passkey.id), event.passkey],
        notice: { kind: 'added', name: event.passkey.name },
      };
    case 'ADD_FAIL':
      if (state.busy !== 'add') return state;
      return { ...state, busy: null, problem: event.problem, retry: { type: 'ADD' } };
    case 'ADD_ABORTED':
      return state.busy === 'add' ? { ...state, busy: null } : state;
    case 'EDIT':
      if (state.busy || !byId(state, event.passkeyId)) return state;
      return {
        ...state,
        editing: { passkeyId: event.passkeyId, error: null },
        confirming: null,
        notice: null,
        problem: null,
        retry: null,
      };
    case 'EDIT_CANCEL':
      if (!state.editing || state.busy === 'rename') return state;
      return { ...state, editing: null };
    case 'RENAME': {
      if (!state.editing || state.busy) return state;
      const reason = passkeyNameReason(event.name);
      if (reason) return { ...state, editing: { ...state.editing, error: { reason } } };
      return { ...state, busy: 'rename', editing: { ...state.editing, error: null } };
    }
    case 'RENAME_OK':
      if (state.busy !== 'rename') return state;
      return {
        ...state,
        busy: null,
        editing: null,
        passkeys: state.passkeys.map((p) => (p.id === event.passkey.id ? event.passkey : p)),
        notice: { kind: 'renamed', name: event.passkey.name },
      };
    case 'RENAME_FAIL':
      if (state.busy !== 'rename' || !state.editing) return state;
      // The form stays open with what was typed; a field error shows next to the field.
      if (FIELD_CODES.has(event.error.code))
        return {
          ...state,
          busy: null,
          editing: { ...state.editing, error: { adapter: event.error } },
        };
      return {
        ...state,
        busy: null,
        editing: { ...state.editing, error: null },
        problem: { kind: 'adapter', error: event.error },
        retry: null,
      };
    case 'ASK_DELETE':
      if (state.busy || !byId(state, event.passkeyId)) return state;
      return {
        ...state,
        confirming: event.passkeyId,
        editing: null,
        notice: null,
        problem: null,
        retry: null,
      };
    case 'DELETE_CANCEL':
      if (!state.confirming || state.busy === 'delete') return state;
      return { ...state, confirming: null };
    case 'DELETE':
      if (!state.confirming || state.busy) return state;
      return { ...state, busy: 'delete', problem: null, retry: null };
    case 'DELETE_OK': {
      if (state.busy !== 'delete') return state;
      const gone = byId(state, event.passkeyId);
      return {
        ...state,
        busy: null,
        confirming: null,
        passkeys: state.passkeys.filter((p) => p.id !== event.passkeyId),
        notice: gone ? { kind: 'deleted', name: gone.name } : state.notice,
      };
    }
    case 'DELETE_FAIL':
      if (state.busy !== 'delete') return state;
      return {
        ...state,
        busy: null,
        problem: { kind: 'adapter', error: event.error },
        retry: { type: 'DELETE', passkeyId: event.passkeyId },
      };
  }
}
