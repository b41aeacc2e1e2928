import { PepAuthProvider } from './auth-provider.component.js';

export { PepAuthProvider };

if (!customElements.get('pep-auth-provider'))
  customElements.define('pep-auth-provider', PepAuthProvider);

declare global {
  interface HTMLElementTagNameMap {
    'pep-auth-provider': PepAuthProvider;
  }
}
