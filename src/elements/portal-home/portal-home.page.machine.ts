/**
 * The user menu, Logout and the idle-timeout warning of `<pep-portal-home>`'s signed-in page, as
 * pure transitions of the page state (`portal-home.machine.ts`): loaded with the page
 * (`portal-home.page.ts`), not up front. No DOM, no adapter.
 */
import type { AdapterError } from '../../adapter/errors.js';
import type { Session } from '../../adapter/types.js';
import type { PortalHomeState } from './portal-home.machine.js';

export type PortalPageEvent =
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
  | { type: 'RENEW_FAILED'; error: AdapterError };

/** The page state after a menu or Logout event (they concern only the signed-in page). */
export function pageTransition(state: PortalHomeState, event: PortalPageEvent): PortalHomeState {
  if (state.status !== 'ready') return state;
  switch (event.type) {
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
  }
}
