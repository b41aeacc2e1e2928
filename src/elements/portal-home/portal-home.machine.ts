/**
 * The `<pep-portal-home>` page state as a pure machine: load the session → show a view (Home,
 * My Information, My Hierarchy, Quote & Enroll) with a user menu → log out (the menu, Logout and
 * the idle-timeout warning: `portal-home.page.machine.ts`, loaded with the signed-in page). No
 * DOM, no adapter.
 */
import type { AdapterError } from '../../adapter/errors.js';
import type { Session } from '../../adapter/types.js';

export type PortalView = 'home' | 'information' | 'hierarchy' | 'quote';
export const PORTAL_VIEWS: readonly PortalView[] = ['home', 'information', 'hierarchy', 'quote'];

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

export interface IdleWarning {
  renewing: boolean;
  /** Stay signed in failed (shown in the dialog). */
  error?: AdapterError;
}

export type PortalHomeEvent =
  | { type: 'LOAD' }
  | { type: 'SESSION'; session: Session | null }
  | { type: 'LOAD_FAILED'; error: AdapterError }
  | { type: 'NAVIGATE'; view: PortalView };

export const initialPortalHomeState: PortalHomeState = { status: 'loading' };

export function transition(state: PortalHomeState, event: PortalHomeEvent): PortalHomeState {
  if (event.type === 'SESSION') {
    if (state.status === 'ready' && state.loggingOut) return state;
    if (!event.session) return { status: 'signed-out', loggedOut: false };
    return state.status === 'ready'
      ? { ...state, session: event.session }
      : {
          status: 'ready',
          session: event.session,
          view: 'home',
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
      return event.type === 'NAVIGATE' && !state.loggingOut
        ? { ...state, view: event.view, menuOpen: false }
        : state;
  }
}
