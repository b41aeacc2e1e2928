import { PepForgotPassword } from './forgot-password.component.js';

export { PepForgotPassword };

if (!customElements.get('pep-forgot-password'))
  customElements.define('pep-forgot-password', PepForgotPassword);

declare global {
  interface HTMLElementTagNameMap {
    'pep-forgot-password': PepForgotPassword;
  }
}
