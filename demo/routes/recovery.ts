/** Demo routes of the recovery journey (issue 6): Forgot Username and Forgot Password. */
import { html } from 'lit';
import '../../src/elements/forgot-username/pep-forgot-username.js';
import '../../src/elements/forgot-password/pep-forgot-password.js';
import type { DemoRoute } from '../types.js';

export const routes: DemoRoute[] = [
  {
    path: '#/delegate/forgot-username',
    title: 'Forgot Username',
    nav: 'delegate',
    render: () => html`
      <section class="demo-page" aria-labelledby="forgot-username-page-title">
        <h1 id="forgot-username-page-title" class="page-title">Producer Experience Portal</h1>
        <pep-forgot-username login-href="#/delegate/login"></pep-forgot-username>
      </section>
    `,
  },
  {
    path: '#/delegate/forgot-password',
    title: 'Forgot Password',
    nav: 'delegate',
    render: () => html`
      <section class="demo-page" aria-labelledby="forgot-password-page-title">
        <h1 id="forgot-password-page-title" class="page-title">Producer Experience Portal</h1>
        <pep-forgot-password
          login-href="#/delegate/login"
          done-href="#/delegate/login?notice=password-updated"
          forgot-username-href="#/delegate/forgot-username"
        ></pep-forgot-password>
      </section>
    `,
  },
];
