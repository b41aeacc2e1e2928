import { PepPortalHome } from './portal-home.component.js';

export { PepPortalHome };
export type { PortalConfig, PortalLink, PortalLinkGroup, PortalContact } from './portal-config.js';
export type { IdleTimers, LogoutReason } from './portal-home.component.js';

if (!customElements.get('pep-portal-home')) customElements.define('pep-portal-home', PepPortalHome);

declare global {
  interface HTMLElementTagNameMap {
    'pep-portal-home': PepPortalHome;
  }
}
