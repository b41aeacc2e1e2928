import type { TemplateResult } from 'lit';
import type { AuthAdapter, Session } from '../src/adapter/types.js';

/**
 * What the demo routes need from the backend: the adapter contract, plus signing in the demo
 * producer (the portal's own producer login is out of scope). The in-browser MemoryAdapter has
 * it; against the reference server (`npm run serve`) it is the HttpAdapter plus a dev route.
 */
export type DemoAdapter = AuthAdapter & { admin: { signIn(username: string): Promise<Session> } };

/** What every demo route receives. */
export interface DemoContext {
  /**
   * The demo's adapter: the reference in-memory adapter (persisted to localStorage), or the
   * HttpAdapter when the page is served by the reference server.
   */
  adapter: DemoAdapter;
  /** Go to a hash route, e.g. `navigate('#/delegate/login')`. */
  navigate(hash: string): void;
  /** Go to a hash route in place of the current history entry (Back skips it). */
  replace(hash: string): void;
  /** The query parameters of the current hash route (`#/delegate/verify-email?token=…`). */
  params: URLSearchParams;
}

/** A page of the demo host portal. */
export interface DemoRoute {
  /** Hash path without query, e.g. `#/delegate/login`. */
  path: string;
  /** Shown in the document title and the navigation. */
  title: string;
  /** Which navigation group it belongs to. Routes with `nav: false` are not listed. */
  nav: 'producer' | 'delegate' | 'help-desk' | false;
  render(ctx: DemoContext): TemplateResult;
  /**
   * The route's URL changed (its query) while it is shown: follow it in place, without a fresh
   * subtree, and return true (e.g. the landing page's view); false renders the route again.
   */
  update?(ctx: DemoContext): boolean;
}
