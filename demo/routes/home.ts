/** Demo routes of the signed-in delegate (issue 7): the landing page and Report an Issue. */
import { html } from 'lit';
import '../../src/elements/portal-home/pep-portal-home.js';
import '../../src/elements/report-issue/pep-report-issue.js';
// Passkeys on My Information (shown there with `<pep-auth-provider passkeys>`).
import '../../src/elements/passkeys/pep-passkeys.js';
import type { DemoContext, DemoRoute } from '../types.js';
import { demoPortalConfig } from '../portal-config.js';

const LOGIN = '#/delegate/login';

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
    path: '#/delegate/home',
    title: 'Home',
    nav: 'delegate',
    render: (ctx) => html`
      <section class="demo-page demo-page-wide" aria-label="Delegate home">
        <pep-portal-home
          login-href=${LOGIN}
          .portalConfig=${demoPortalConfig}
          @pep-session-missing=${() => ctx.navigate(LOGIN)}
          @pep-logged-out=${(e: HTMLElementEventMap['pep-logged-out']) => {
            // Signed out for inactivity: the element says why, with a link to Log In.
            if (e.detail.reason !== 'idle') ctx.navigate(LOGIN);
          }}
          ><pep-passkeys slot="information"></pep-passkeys
        ></pep-portal-home>
      </section>
    `,
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
