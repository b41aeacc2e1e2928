import { PepPasskeyOffer } from './passkey-offer.component.js';

export { PepPasskeyOffer };

if (!customElements.get('pep-passkey-offer')) {
  customElements.define('pep-passkey-offer', PepPasskeyOffer);
}

declare global {
  interface HTMLElementTagNameMap {
    'pep-passkey-offer': PepPasskeyOffer;
  }
}
