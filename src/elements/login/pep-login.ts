import { PepLogin } from './login.component.js';

export { PepLogin };

if (!customElements.get('pep-login')) customElements.define('pep-login', PepLogin);

declare global {
  interface HTMLElementTagNameMap {
    'pep-login': PepLogin;
  }
}
