import { PepDelegateAdmin } from './delegate-admin.component.js';

export { PepDelegateAdmin };

if (!customElements.get('pep-delegate-admin')) {
  customElements.define('pep-delegate-admin', PepDelegateAdmin);
}

declare global {
  interface HTMLElementTagNameMap {
    'pep-delegate-admin': PepDelegateAdmin;
  }
}
