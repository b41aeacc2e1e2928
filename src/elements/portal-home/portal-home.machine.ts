/**
 * The `<pep-portal-home>` page state as a pure machine: load the session → show a view (Home,
 * My Information, My Hierarchy, Quote & Enroll) with a user menu → log out (Logout, or the
 * idle timeout after its warning). No DOM, no adapter.
 */
import type { AdapterError } from '../../adapter/errors.js';
import type { Session } from '../../adapter/types.js';

export type PortalView = 'home' | 'information' | 'hierarchy' | 'quote';

export type PortalHomeState =
  | { status: 'loading' }
  /** The session could not be read (network…): retryable. */
  | { status: 'failed'; error: AdapterError }
  /**
   * No session (never signed in, expired, or logged out). `idleMinutes`: the element signed the
   * user out after that many minutes without activity (the idle timeout).
   */
  | { status: 'signed-out'; loggedOut: boolean; idleMinutes?: number }
  | {
      status: 'ready';
      session: Session;
      view: PortalView;
      menuOpen: boolean;
      loggingOut: boolean;
      error?: AdapterError;
      /** The "You will be signed out soon" dialog is open; `renewing` while Stay signed in runs. */
      idle?: IdleWarning;
    };

interface IdleWarning {
  renewing: boolean;
  /** Stay signed in failed (shown in the dialog). */
  error?: AdapterError;
}

export type PortalHomeEvent =
  | { type: 'LOAD' }
  /** The session read; `view`: where the page opens (default `home`). */
  | { type: 'SESSION'; session: Session | null; view?: PortalView }
  | { type: 'LOAD_FAILED'; error: AdapterError }
  | { type: 'NAVIGATE'; view: PortalView }
  | { type: 'TOGGLE_MENU' }
  | { type: 'CLOSE_MENU' }
  | { type: 'LOGOUT' }
  /** Logout ended the session; `idleMinutes` when the idle timeout did it. */
  | { type: 'LOGGED_OUT'; idleMinutes?: number }
  | { type: 'LOGOUT_FAILED'; error: AdapterError }
  /** Two minutes before the idle timeout: open the warning. */
  | { type: 'IDLE_WARN' }
  /** The session's end moved away (a newer session): close the warning. */
  | { type: 'IDLE_DISMISS' }
  /** Stay signed in. */
  | { type: 'STAY' }
  | { type: 'RENEWED'; session: Session }
  | { type: 'RENEW_FAILED'; error: AdapterError }
  /** The session reached its absolute end: signed out (not by the user). */
  | { type: 'EXPIRED' }
  /** Stay signed in found the session already ended (by the idle timeout). */
  | { type: 'RENEW_ENDED'; idleMinutes: number };

export const initialPortalHomeState: PortalHomeState = { status: 'loading' };

export function portalHomeTransition(
  state: PortalHomeState,
  event: PortalHomeEvent,
): PortalHomeState {
  if (event.type === 'SESSION') {
    if (state.status === 'ready' && state.loggingOut) return state;
    if (!event.session) return { status: 'signed-out', loggedOut: false };
    return state.status === 'ready'
      ? { ...state, session: event.session }
      : {
          status: 'ready',
          session: event.session,
          view: event.view ?? 'home',
          menuOpen: false,
          loggingOut: false,
        };
  }
  switch (state.status) {
    case 'loading':
      return event.type === 'LOAD_FAILED' ? { status: 'failed', error: event.error } : state;
    case 'failed':
      return event.type === 'LOAD' ? { status: 'loading' } : state;
    case 'signed-out':
      return event.type === 'LOAD' ? { status: 'loading' } : state;
    case 'ready':
      return readyTransition(state, event);
  }
}

/** The signed-in page: navigation, the user menu, Logout and the idle-timeout warning. */
function readyTransition(
  state: Extract<PortalHomeState, { status: 'ready' }>,
  event: PortalHomeEvent,
): PortalHomeState {
  switch (event.type) {
    case 'NAVIGATE':
      return state.loggingOut ? state : { ...state, view: event.view, menuOpen: false };
    case 'TOGGLE_MENU':
      return { ...state, menuOpen: !state.menuOpen };
    case 'CLOSE_MENU':
      return state.menuOpen ? { ...state, menuOpen: false } : state;
    case 'LOGOUT':
      return state.loggingOut
        ? state
        : { ...state, loggingOut: true, error: undefined, idle: undefined };
    case 'LOGGED_OUT':
      if (!state.loggingOut) return state;
      return event.idleMinutes === undefined
        ? { status: 'signed-out', loggedOut: true }
        : { status: 'signed-out', loggedOut: true, idleMinutes: event.idleMinutes };
    case 'LOGOUT_FAILED':
      return state.loggingOut ? { ...state, loggingOut: false, error: event.error } : state;
    case 'IDLE_WARN':
      return state.idle || state.loggingOut
        ? state
        : { ...state, idle: { renewing: false }, menuOpen: false };
    case 'IDLE_DISMISS':
      return state.idle && !state.idle.renewing ? { ...state, idle: undefined } : state;
    case 'STAY':
      return state.idle && !state.idle.renewing ? { ...state, idle: { renewing: true } } : state;
    case 'RENEWED':
      return state.idle?.renewing ? { ...state, session: event.session, idle: undefined } : state;
    case 'RENEW_FAILED':
      return state.idle?.renewing
        ? { ...state, idle: { renewing: false, error: event.error } }
        : state;
    case 'EXPIRED':
      return { status: 'signed-out', loggedOut: false };
    case 'RENEW_ENDED':
      return { status: 'signed-out', loggedOut: true, idleMinutes: event.idleMinutes };
    default:
      return state;
  }
}
