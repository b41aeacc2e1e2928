/**
 * Demo route of the Internet Help Desk console (issue 22): `helpdesk1` / `Help-Desk-Demo-2026!`
 * signs in through the normal Log In and lands here (a help-desk session's capabilities say
 * `helpDesk`). Anyone else sees the console's own "Not allowed". In the in-browser demo the
 * console has two delegates to help: `lockeddelegate` (locked) and `activedelegate`.
 */
import { html } from 'lit';
import { until } from 'lit/directives/until.js';
import { seedDemoDelegates } from '../../src/adapter/memory/seed.js';
import '../../src/elements/delegate-admin/pep-delegate-admin.js';
import type { DemoRoute } from '../types.js';
import { tx } from '../i18n.js';

/** The demo delegates (in-browser demo only: the reference server seeds its own). */
async function helpDeskConsole(): Promise<ReturnType<typeof html>> {
  const memory = window.pepDemo?.adapter;
  if (memory) await seedDemoDelegates(memory);
  return html`<pep-delegate-admin login-href="#/delegate/login"></pep-delegate-admin>`;
}

export const routes: DemoRoute[] = [
  {
    path: '#/help-desk',
    title: 'Internet Help Desk console',
    nav: 'help-desk',
    render: () => html`
      <section class="demo-page demo-page-wide" aria-labelledby="help-desk-page-title">
        <h1 id="help-desk-page-title" class="page-title">Producer Experience Portal</h1>
        <p class="page-note">
          ${tx(
            html`Log in as <code>helpdesk1</code> (password <code>Help-Desk-Demo-2026!</code>) on
              <a href="#/delegate/login">Log In</a>; try the locked delegate
              <code>lockeddelegate</code>.`,
            html`Inicie sesión como <code>helpdesk1</code> (contraseña
              <code>Help-Desk-Demo-2026!</code>) en <a href="#/delegate/login">Iniciar sesión</a>;
              pruebe con el delegado bloqueado <code>lockeddelegate</code>.`,
          )}
        </p>
        ${until(helpDeskConsole(), html`<p>${tx('Loading…', 'Cargando…')}</p>`)}
      </section>
    `,
  },
];
