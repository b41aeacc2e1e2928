import { PepMyDelegates } from './my-delegates.component.js';

export { PepMyDelegates };

if (!customElements.get('pep-my-delegates')) {
  customElements.define('pep-my-delegates', PepMyDelegates);
}

declare global {
  interface HTMLElementTagNameMap {
    'pep-my-delegates': PepMyDelegates;
  }
}
