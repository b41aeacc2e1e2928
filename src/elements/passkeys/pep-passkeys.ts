import { PepPasskeys } from './passkeys.component.js';

export { PepPasskeys };

if (!customElements.get('pep-passkeys')) {
  customElements.define('pep-passkeys', PepPasskeys);
}

declare global {
  interface HTMLElementTagNameMap {
    'pep-passkeys': PepPasskeys;
  }
}
