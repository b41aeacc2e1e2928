import { html } from 'lit';
import { usesServerBackend } from '../server-backend.js';
import type { DemoRoute } from '../types.js';
import { tx } from '../i18n.js';

/** The demo's front page: what to try, in the order the spec tells it (English and Spanish). */
export const startRoute: DemoRoute = {
  path: '#/',
  title: 'Start',
  nav: false,
  render: () => html`
    <section class="demo-landing" aria-labelledby="start-title">
      <h1 id="start-title" class="page-title">
        ${tx(
          'Delegate registration and login — demo',
          'Registro e inicio de sesión de delegados: demostración',
        )}
      </h1>
      <p>
        ${tx(
          html`This page hosts the <code>pep-*</code> widgets the way a producer portal would. Try
            the journeys in order:`,
          html`Esta página muestra los widgets <code>pep-*</code> como lo haría un portal de
            productores. Pruebe los recorridos en orden:`,
        )}
      </p>
      <ol>
        <li>
          ${tx(
            html`As the logged-in demo producer (<code>demoproducer</code>), open
              <a href="#/producer/delegates">My Delegates</a> and add a delegate.`,
            html`Como el productor de demostración con sesión iniciada (<code>demoproducer</code>),
              abra <a href="#/producer/delegates">Mis delegados</a> y agregue un delegado.`,
          )}
        </li>
        <li>
          ${tx(
            html`Open the <em>Confirm Your Email Address</em> link from the Outbox.`,
            'Abra el enlace para confirmar el correo electrónico que llegó a la Bandeja de salida.',
          )}
        </li>
        <li>
          ${tx(
            'Create a password with the code from the Outbox.',
            'Cree una contraseña con el código de la Bandeja de salida.',
          )}
        </li>
        <li>
          ${tx(
            html`<a href="#/delegate/login">Log in</a> as the delegate: type the sample sentence
              three times, then verify with a code.`,
            html`<a href="#/delegate/login">Inicie sesión</a> como el delegado: escriba la frase de
              ejemplo tres veces y luego verifique con un código.`,
          )}
        </li>
        <li>
          ${tx(
            html`Try <a href="#/delegate/forgot-username">Forgot Username</a> and
              <a href="#/delegate/forgot-password">Forgot Password</a>.`,
            html`Pruebe <a href="#/delegate/forgot-username">¿Olvidó su nombre de usuario?</a> y
              <a href="#/delegate/forgot-password">¿Olvidó su contraseña?</a>.`,
          )}
        </li>
      </ol>
      <p>
        ${usesServerBackend()
          ? tx(
              html`Data is kept in the reference server's database; the Outbox shows the mail the
                server sent since it started. <strong>Reset demo data</strong> in the Outbox starts
                over.`,
              html`Los datos se guardan en la base de datos del servidor de referencia; la Bandeja
                de salida muestra el correo que el servidor envió desde que arrancó.
                <strong>Restablecer los datos de la demostración</strong> en la Bandeja de salida
                empieza de nuevo.`,
            )
          : tx(
              html`Data is kept in this browser's localStorage; <strong>Reset demo data</strong> in
                the Outbox starts over.`,
              html`Los datos se guardan en el localStorage de este navegador;
                <strong>Restablecer los datos de la demostración</strong> en la Bandeja de salida
                empieza de nuevo.`,
            )}
      </p>
    </section>
  `,
};
