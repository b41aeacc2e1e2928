/**
 * Demo routes of the signed-in delegate (issue 7): the landing page and Report an Issue. The
 * landing page's views are in the URL (`#/delegate/home?view=hierarchy`): Back and Forward move
 * between them, a reload keeps the view.
 */
import { html } from 'lit';
import '../../src/elements/portal-home/pep-portal-home.js';
import '../../src/elements/report-issue/pep-report-issue.js';
// Passkeys on My Information (shown there with `<pep-auth-provider passkeys>`).
import '../../src/elements/passkeys/pep-passkeys.js';
import type { PepPortalHome } from '../../src/elements/portal-home/pep-portal-home.js';
import type { DemoContext, DemoRoute } from '../types.js';
import { demoPortalConfig } from '../portal-config.js';

const LOGIN = '#/delegate/login';
const HOME = '#/delegate/home';

type View = NonNullable<PepPortalHome['view']>;
const VIEWS: readonly string[] = ['home', 'information', 'hierarchy', 'quote'];

/** The view in the URL (`?view=`), else Home. */
function viewOf(ctx: DemoContext): View {
  const view = ctx.params.get('view') ?? '';
  return VIEWS.includes(view) ? (view as View) : 'home';
}

/** The URL of a view: Home is the route itself. */
function hashOf(view: View): string {
  return view === 'home' ? HOME : `${HOME}?view=${view}`;
}

/** Pages that need a session send the visitor to the login page when there is none. */
function requireSession(ctx: DemoContext): void {
  void ctx.adapter.getSession().then(
    (session) => {
      if (!session) ctx.navigate(LOGIN);
    },
    () => ctx.navigate(LOGIN),
  );
}

export const routes: DemoRoute[] = [
  {
    path: HOME,
    title: 'Home',
    nav: 'delegate',
    render: (ctx) => html`
      <section class="demo-page demo-page-wide">
        <pep-portal-home
          login-href=${LOGIN}
          view=${viewOf(ctx)}
          .portalConfig=${demoPortalConfig}
          @pep-view-change=${(e: HTMLElementEventMap['pep-view-change']) =>
            // The user's choice goes in history; the URL then sets the same view (no change).
            ctx.navigate(hashOf(e.detail.view))}
          @pep-session-missing=${() => ctx.navigate(LOGIN)}
          @pep-logged-out=${(e: HTMLElementEventMap['pep-logged-out']) => {
            // Signed out for inactivity: the element says why, with a link to Log In.
            if (e.detail.reason !== 'idle') ctx.navigate(LOGIN);
          }}
          ><pep-passkeys slot="information"></pep-passkeys
        ></pep-portal-home>
      </section>
    `,
    // Back / Forward between views: the page stays, only its view follows the URL.
    update: (ctx) => {
      const home = document.querySelector('pep-portal-home');
      if (home) home.view = viewOf(ctx);
      return Boolean(home);
    },
  },
  {
    path: '#/delegate/report-issue',
    title: 'Report an Issue',
    nav: 'delegate',
    render: (ctx) => {
      requireSession(ctx);
      return html`
        <section class="demo-page" aria-labelledby="report-issue-page-title">
          <h1 id="report-issue-page-title" class="page-title">Producer Experience Portal</h1>
          <pep-report-issue home-href="#/delegate/home"></pep-report-issue>
        </section>
      `;
    },
  },
];
