import { PepVerifyAccount } from './verify-account.component.js';

export { PepVerifyAccount };

if (!customElements.get('pep-verify-account'))
  customElements.define('pep-verify-account', PepVerifyAccount);

declare global {
  interface HTMLElementTagNameMap {
    'pep-verify-account': PepVerifyAccount;
  }
}
