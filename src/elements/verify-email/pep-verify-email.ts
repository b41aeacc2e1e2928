import { PepVerifyEmail } from './verify-email.component.js';

export { PepVerifyEmail };

if (!customElements.get('pep-verify-email')) {
  customElements.define('pep-verify-email', PepVerifyEmail);
}

declare global {
  interface HTMLElementTagNameMap {
    'pep-verify-email': PepVerifyEmail;
  }
}
