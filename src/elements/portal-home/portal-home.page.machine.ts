/**
 * The user menu and Logout of `<pep-portal-home>`'s signed-in page, as pure transitions of the
 * page state (`portal-home.machine.ts`): loaded with the page (`portal-home.page.ts`), not up
 * front. No DOM, no adapter.
 */
import type { AdapterError } from '../../adapter/errors.js';
import type { PortalHomeState } from './portal-home.machine.js';

export type PortalPageEvent =
  | { type: 'TOGGLE_MENU' }
  | { type: 'CLOSE_MENU' }
  | { type: 'LOGOUT' }
  | { type: 'LOGGED_OUT' }
  | { type: 'LOGOUT_FAILED'; error: AdapterError };

/** The page state after a menu or Logout event (they concern only the signed-in page). */
export function pageTransition(state: PortalHomeState, event: PortalPageEvent): PortalHomeState {
  if (state.status !== 'ready') return state;
  switch (event.type) {
    case 'TOGGLE_MENU':
      return { ...state, menuOpen: !state.menuOpen };
    case 'CLOSE_MENU':
      return state.menuOpen ? { ...state, menuOpen: false } : state;
    case 'LOGOUT':
      return state.loggingOut ? state : { ...state, loggingOut: true, error: undefined };
    case 'LOGGED_OUT':
      return state.loggingOut ? { status: 'signed-out', loggedOut: true } : state;
    case 'LOGOUT_FAILED':
      return state.loggingOut ? { ...state, loggingOut: false, error: event.error } : state;
  }
}
