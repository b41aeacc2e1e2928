/**
 * Pure state machine of `<pep-delegate-admin>`, the Internet Help Desk console: who may use it
 * (a help-desk session), the search (its field check, the results), a delegate's page, and the
 * actions on it (each confirmed, with a required reason), with a polite notice after each.
 */
import type { AdapterError } from '../../adapter/errors.js';
import type { DelegateDetail, DelegateSummary, HelpDeskActionName } from '../../adapter/types.js';

/** The actions, in the order the page shows them. */
export const ADMIN_ACTIONS: readonly HelpDeskActionName[] = [
  'unlock',
  'reset-pattern',
  'forget-devices',
  'resend-invitation',
  'deactivate',
  'reactivate',
];

/** The search field's check: something to look for, at least 2 characters after trimming. */
export type QueryReason = 'required' | 'too-short';
export function queryReason(query: string): QueryReason | null {
  const q = query.trim();
  if (!q) return 'required';
  return q.length < 2 ? 'too-short' : null;
}

/** A reason's check (the backend's): required, 3–500 characters after trimming. */
export type ReasonReason = 'required' | 'too-short' | 'too-long';
const REASON_MIN = 3;
export const REASON_MAX = 500;
export function reasonReason(reason: string): ReasonReason | null {
  const r = reason.trim();
  if (!r) return 'required';
  if (r.length < REASON_MIN) return 'too-short';
  return r.length > REASON_MAX ? 'too-long' : null;
}

/** Whether `action` applies to the delegate as they are now (else its button is disabled). */
export function actionApplies(action: HelpDeskActionName, d: DelegateDetail): boolean {
  switch (action) {
    case 'unlock':
      return d.status === 'locked';
    case 'reset-pattern':
      return d.status !== 'deactivated' && d.patternEnrolled;
    case 'forget-devices':
      return d.rememberedDevices.count > 0;
    case 'resend-invitation':
      return d.status === 'invited';
    case 'deactivate':
      return d.status !== 'deactivated';
    case 'reactivate':
      return d.status === 'deactivated';
  }
}

type Retry =
  | { type: 'CHECK' }
  | { type: 'SEARCH' }
  | { type: 'OPEN'; delegateId: string }
  | { type: 'CONFIRM' }
  | null;

export interface DelegateAdminState {
  /**
   * `checking` the session; `forbidden` (not a help-desk session: a clear "not allowed");
   * `signed-out` (no session); `search`; `delegate` (a delegate's page).
   */
  view: 'checking' | 'forbidden' | 'signed-out' | 'search' | 'delegate';
  /** What is typed in the search field (kept across views). */
  query: string;
  /** The search field's error, shown after a submit. */
  queryError: QueryReason | null;
  /** A search in flight. */
  searching: boolean;
  /** The last results and what they were for (null: no search yet). */
  results: { query: string; delegates: DelegateSummary[] } | null;
  /** The delegate whose page is shown (or loading), and its details once loaded. */
  delegateId: string | null;
  delegate: DelegateDetail | null;
  /** The action waiting for its confirmation, its reason typed so far and the field's error. */
  confirm: {
    action: HelpDeskActionName;
    reason: string;
    error: { reason: ReasonReason } | { adapter: AdapterError } | null;
    submitting: boolean;
  } | null;
  /** The last failure (region-wide), and what its Try again repeats. */
  error: AdapterError | null;
  retry: Retry;
  /** A polite confirmation of the last action. */
  notice: { action: HelpDeskActionName; name: string } | null;
}

export type DelegateAdminEvent =
  | { type: 'CHECK' }
  /** The session was read: `helpDesk` true for an Internet Help Desk session. */
  | { type: 'SESSION'; signedIn: boolean; helpDesk: boolean }
  | { type: 'CHECK_FAIL'; error: AdapterError }
  | { type: 'QUERY'; query: string }
  | { type: 'SEARCH' }
  | { type: 'SEARCH_OK'; delegates: DelegateSummary[] }
  | { type: 'SEARCH_FAIL'; error: AdapterError }
  | { type: 'OPEN'; delegateId: string }
  | { type: 'OPEN_OK'; delegate: DelegateDetail }
  | { type: 'OPEN_FAIL'; error: AdapterError }
  /** Back to the search results. */
  | { type: 'BACK' }
  | { type: 'ASK'; action: HelpDeskActionName }
  | { type: 'REASON'; reason: string }
  | { type: 'CANCEL' }
  /** Confirmed (the reason is checked here first; the backend checks again). */
  | { type: 'CONFIRM' }
  | { type: 'CONFIRM_OK'; delegate: DelegateDetail }
  | { type: 'CONFIRM_FAIL'; error: AdapterError };

export const initialDelegateAdmin = (): DelegateAdminState => ({
  view: 'checking',
  query: '',
  queryError: null,
  searching: false,
  results: null,
  delegateId: null,
  delegate: null,
  confirm: null,
  error: null,
  retry: null,
  notice: null,
});

/** Errors that mean the session is gone or is not a help-desk one: the console closes. */
function refusal(error: AdapterError): DelegateAdminState['view'] | null {
  if (error.code === 'NOT_AUTHENTICATED') return 'signed-out';
  if (error.code === 'FORBIDDEN') return 'forbidden';
  return null;
}

const cleared = { error: null, retry: null } as const;

export function delegateAdminTransition(
  state: DelegateAdminState,
  event: DelegateAdminEvent,
): DelegateAdminState {
  switch (event.type) {
    case 'CHECK':
      return { ...initialDelegateAdmin(), query: state.query };
    case 'SESSION':
      if (state.view !== 'checking') return state;
      return {
        ...state,
        ...cleared,
        view: !event.signedIn ? 'signed-out' : event.helpDesk ? 'search' : 'forbidden',
      };
    case 'CHECK_FAIL':
      if (state.view !== 'checking') return state;
      return { ...state, error: event.error, retry: { type: 'CHECK' } };
    case 'QUERY':
      // The field's error stays until the next submit (it describes what was submitted).
      return { ...state, query: event.query };
    case 'SEARCH': {
      if (state.view !== 'search' || state.searching) return state;
      const reason = queryReason(state.query);
      if (reason) return { ...state, queryError: reason, notice: null };
      return { ...state, ...cleared, queryError: null, searching: true, notice: null };
    }
    case 'SEARCH_OK':
      if (!state.searching) return state;
      return {
        ...state,
        searching: false,
        results: { query: state.query.trim(), delegates: event.delegates },
      };
    case 'SEARCH_FAIL': {
      if (!state.searching) return state;
      const view = refusal(event.error);
      if (view) return { ...state, searching: false, view, error: null, retry: null };
      return { ...state, searching: false, error: event.error, retry: { type: 'SEARCH' } };
    }
    case 'OPEN':
      if (state.view !== 'search' && state.view !== 'delegate') return state;
      if (state.confirm?.submitting) return state;
      return {
        ...state,
        ...cleared,
        view: 'delegate',
        delegateId: event.delegateId,
        delegate: state.delegate?.id === event.delegateId ? state.delegate : null,
        confirm: null,
        notice: null,
      };
    case 'OPEN_OK':
      if (state.view !== 'delegate' || event.delegate.id !== state.delegateId) return state;
      return { ...state, delegate: event.delegate };
    case 'OPEN_FAIL': {
      if (state.view !== 'delegate' || state.delegate) return state;
      const view = refusal(event.error);
      if (view) return { ...state, view, error: null, retry: null };
      return {
        ...state,
        error: event.error,
        retry: state.delegateId ? { type: 'OPEN', delegateId: state.delegateId } : null,
      };
    }
    case 'BACK':
      if (state.view !== 'delegate' || state.confirm?.submitting) return state;
      return {
        ...state,
        ...cleared,
        view: 'search',
        delegateId: null,
        delegate: null,
        confirm: null,
        notice: null,
      };
    case 'ASK': {
      const d = state.delegate;
      if (state.view !== 'delegate' || !d || state.confirm?.submitting) return state;
      if (!actionApplies(event.action, d)) return state;
      return {
        ...state,
        ...cleared,
        confirm: { action: event.action, reason: '', error: null, submitting: false },
        notice: null,
      };
    }
    case 'REASON':
      if (!state.confirm || state.confirm.submitting) return state;
      return { ...state, confirm: { ...state.confirm, reason: event.reason } };
    case 'CANCEL':
      if (!state.confirm || state.confirm.submitting) return state;
      return { ...state, ...cleared, confirm: null };
    case 'CONFIRM': {
      const c = state.confirm;
      if (!c || c.submitting) return state;
      const reason = reasonReason(c.reason);
      if (reason) return { ...state, confirm: { ...c, error: { reason } } };
      return { ...state, ...cleared, confirm: { ...c, error: null, submitting: true } };
    }
    case 'CONFIRM_OK': {
      const c = state.confirm;
      if (!c?.submitting) return state;
      const d = event.delegate;
      return {
        ...state,
        delegate: d,
        confirm: null,
        notice: { action: c.action, name: `${d.firstName} ${d.lastName}` },
        // The results show the new status too.
        results: state.results && {
          ...state.results,
          delegates: state.results.delegates.map((r) => (r.id === d.id ? summaryOf(d, r) : r)),
        },
      };
    }
    case 'CONFIRM_FAIL': {
      const c = state.confirm;
      if (!c?.submitting) return state;
      const view = refusal(event.error);
      if (view) return { ...state, view, confirm: null, error: null, retry: null };
      const confirm = { ...c, submitting: false };
      // The backend's word on the reason goes next to the field; anything else to the region,
      // with Try again when it may pass. The reason typed is kept either way.
      if (event.error.code === 'VALIDATION')
        return { ...state, confirm: { ...confirm, error: { adapter: event.error } } };
      return { ...state, confirm, error: event.error, retry: { type: 'CONFIRM' } };
    }
  }
}

/** The summary fields of a delegate's details (for the results list). */
function summaryOf(d: DelegateDetail, was: DelegateSummary): DelegateSummary {
  return { ...was, status: d.status, lockedUntil: d.lockedUntil, lastSignInAt: d.lastSignInAt };
}
