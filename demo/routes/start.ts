import { html } from 'lit';
import { usesServerBackend } from '../server-backend.js';
import type { DemoRoute } from '../types.js';

/** The demo's front page: what to try, in the order the spec tells it. */
export const startRoute: DemoRoute = {
  path: '#/',
  title: 'Start',
  nav: false,
  render: () => html`
    <section class="demo-landing" aria-labelledby="start-title">
      <h1 id="start-title" class="page-title">Delegate registration and login — demo</h1>
      <p>
        This page hosts the <code>pep-*</code> widgets the way a producer portal would. Try the
        journeys in order:
      </p>
      <ol>
        <li>
          As the signed-in demo producer (<code>demoproducer</code>), open
          <a href="#/producer/delegates">My Delegates</a> and add a delegate.
        </li>
        <li>Open the <em>Confirm Your Email Address</em> link from the Outbox.</li>
        <li>Create a password with the code from the Outbox.</li>
        <li>
          <a href="#/delegate/login">Log in</a> as the delegate: type the sample sentence three
          times, then verify with a code.
        </li>
        <li>
          Try <a href="#/delegate/forgot-username">Forgot Username</a> and
          <a href="#/delegate/forgot-password">Forgot Password</a>.
        </li>
      </ol>
      <p>
        ${usesServerBackend()
          ? html`Data is kept in the reference server's database; the Outbox shows the mail the
              server sent since it started. <strong>Reset demo data</strong> in the Outbox starts
              over.`
          : html`Data is kept in this browser's localStorage; <strong>Reset demo data</strong> in
              the Outbox starts over.`}
      </p>
    </section>
  `,
};
