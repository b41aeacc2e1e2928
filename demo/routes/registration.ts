/**
 * Demo routes of the registration journey (issue 4): the producer's My Delegates tab, the page
 * the emailed *Confirm Your Email Address* link opens, and Create Password.
 */
import { html } from 'lit';
import { until } from 'lit/directives/until.js';
import '../../src/elements/my-delegates/pep-my-delegates.js';
import '../../src/elements/verify-email/pep-verify-email.js';
import '../../src/elements/create-password/pep-create-password.js';
import { DEMO_PRODUCER } from '../../src/adapter/memory/seed.js';
import type { DemoContext, DemoRoute } from '../types.js';
import { tx } from '../i18n.js';

/**
 * The signed-in producer's delegates: a producer who signed in on Log In (e.g. `demoproducer2`,
 * whose delegates the Help Desk demo seeds) keeps their session; anyone else gets the demo
 * producer's (the portal's own producer login is out of scope here).
 */
async function producerDelegates(ctx: DemoContext) {
  const current = await ctx.adapter.getSession().catch(() => null);
  const session =
    current?.user.role === 'producer'
      ? current
      : await ctx.adapter.admin.signIn(DEMO_PRODUCER.username);
  const username = html`<code>${session.user.username}</code>`;
  return html`<p class="page-note">
      ${tx(
        html`Logged in as the producer ${username}.`,
        html`Sesión iniciada como el productor ${username}.`,
      )}
    </p>
    <pep-my-delegates .allowedStates=${session.user.states}></pep-my-delegates>`;
}

export const routes: DemoRoute[] = [
  {
    path: '#/producer/delegates',
    title: 'My Delegates',
    nav: 'producer',
    render: (ctx) => html`
      <section class="demo-page" aria-labelledby="delegates-page-title">
        <h1 id="delegates-page-title" class="page-title">Producer Experience Portal</h1>
        ${until(producerDelegates(ctx), html`<p>${tx('Loading…', 'Cargando…')}</p>`)}
      </section>
    `,
  },
  {
    path: '#/delegate/verify-email',
    title: 'Confirm Email',
    nav: false,
    render: (ctx) => html`
      <section class="demo-page" aria-labelledby="verify-page-title">
        <h1 id="verify-page-title" class="page-title">Producer Experience Portal</h1>
        <pep-verify-email
          token=${ctx.params.get('token') ?? ''}
          login-href="#/delegate/login"
          forgot-password-href="#/delegate/forgot-password"
          @pep-create-password=${(e: CustomEvent<{ username: string }>) =>
            ctx.navigate(
              `#/delegate/create-password?username=${encodeURIComponent(e.detail.username)}`,
            )}
        ></pep-verify-email>
      </section>
    `,
  },
  {
    path: '#/delegate/create-password',
    title: 'Create Password',
    nav: 'delegate',
    render: (ctx) => html`
      <section class="demo-page" aria-labelledby="create-password-page-title">
        <h1 id="create-password-page-title" class="page-title">Producer Experience Portal</h1>
        <pep-create-password
          username=${ctx.params.get('username') ?? ''}
          login-href="#/delegate/login"
          done-href="#/delegate/login?notice=password-created"
        ></pep-create-password>
      </section>
    `,
  },
];
