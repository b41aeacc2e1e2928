import { PepCreatePassword } from './create-password.component.js';

export { PepCreatePassword };

if (!customElements.get('pep-create-password')) {
  customElements.define('pep-create-password', PepCreatePassword);
}

declare global {
  interface HTMLElementTagNameMap {
    'pep-create-password': PepCreatePassword;
  }
}
