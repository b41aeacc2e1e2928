import { PepForgotUsername } from './forgot-username.component.js';

export { PepForgotUsername };

if (!customElements.get('pep-forgot-username'))
  customElements.define('pep-forgot-username', PepForgotUsername);

declare global {
  interface HTMLElementTagNameMap {
    'pep-forgot-username': PepForgotUsername;
  }
}
