import { PepAddDelegate } from './add-delegate.component.js';

export { PepAddDelegate };

if (!customElements.get('pep-add-delegate')) {
  customElements.define('pep-add-delegate', PepAddDelegate);
}

declare global {
  interface HTMLElementTagNameMap {
    'pep-add-delegate': PepAddDelegate;
  }
}
