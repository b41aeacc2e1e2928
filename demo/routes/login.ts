/**
 * Demo routes of the login journey (issue 5): Log In → (typing pattern) → Verify your account.
 * Someone already logged in (a delegate, the Internet Help Desk) who opens Log In (e.g. Back
 * from the landing page) goes to their page instead, and an old notice ("Your password was
 * created") is not shown again. The demo producer's session (which My Delegates starts as a
 * stand-in for the producer's own portal) does not count: a delegate may log in beside it.
 */
import { html, nothing } from 'lit';
import { until } from 'lit/directives/until.js';
import '../../src/elements/login/pep-login.js';
import type { DemoContext, DemoRoute } from '../types.js';

const LOGIN = '#/delegate/login';

/** Only the notices pep-login knows; anything else in the URL is ignored. */
function notice(value: string | null): '' | 'password-created' | 'password-updated' {
  return value === 'password-created' || value === 'password-updated' ? value : '';
}

/** Where a session lands: Internet Help Desk staff on their console, others on Home. */
function landing(capabilities: { helpDesk: boolean }): string {
  return capabilities.helpDesk ? '#/help-desk' : '#/delegate/home';
}

/** The form, or (already logged in) off to the landing page in place of this entry. */
async function loginForm(ctx: DemoContext) {
  const session = await ctx.adapter.getSession().catch(() => null);
  if (session && session.user.role !== 'producer') {
    // (Unless the visitor went elsewhere meanwhile.)
    if (location.hash.startsWith(LOGIN)) ctx.replace(landing(session.capabilities));
    return nothing;
  }
  return html`<pep-login
    notice=${notice(ctx.params.get('notice'))}
    username=${ctx.params.get('username') ?? ''}
    forgot-username-href="#/delegate/forgot-username"
    forgot-password-href="#/delegate/forgot-password"
    @pep-authenticated=${(e: HTMLElementEventMap['pep-authenticated']) =>
      ctx.navigate(landing(e.detail.session.capabilities))}
  ></pep-login>`;
}

export const routes: DemoRoute[] = [
  {
    path: LOGIN,
    title: 'Log In',
    nav: 'delegate',
    render: (ctx) => html`
      <section class="demo-page" aria-labelledby="login-page-title">
        <h1 id="login-page-title" class="page-title">Producer Experience Portal</h1>
        ${until(loginForm(ctx), nothing)}
      </section>
    `,
  },
];
