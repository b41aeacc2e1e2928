/** Demo routes of the login journey (issue 5): Log In → (typing pattern) → Verify your account. */
import { html } from 'lit';
import '../../src/elements/login/pep-login.js';
import type { DemoRoute } from '../types.js';

/** Only the notices pep-login knows; anything else in the URL is ignored. */
function notice(value: string | null): '' | 'password-created' | 'password-updated' {
  return value === 'password-created' || value === 'password-updated' ? value : '';
}

export const routes: DemoRoute[] = [
  {
    path: '#/delegate/login',
    title: 'Log In',
    nav: 'delegate',
    render: (ctx) => html`
      <section class="demo-page" aria-labelledby="login-page-title">
        <h1 id="login-page-title" class="page-title">Delegate Login</h1>
        <pep-login
          notice=${notice(ctx.params.get('notice'))}
          username=${ctx.params.get('username') ?? ''}
          forgot-username-href="#/delegate/forgot-username"
          forgot-password-href="#/delegate/forgot-password"
          @pep-authenticated=${(e: HTMLElementEventMap['pep-authenticated']) =>
            // Internet Help Desk staff land on their console.
            ctx.navigate(
              e.detail.session.capabilities.helpDesk ? '#/help-desk' : '#/delegate/home',
            )}
        ></pep-login>
      </section>
    `,
  },
];
