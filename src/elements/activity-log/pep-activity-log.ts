import { PepActivityLog } from './activity-log.component.js';

export { PepActivityLog };

if (!customElements.get('pep-activity-log')) {
  customElements.define('pep-activity-log', PepActivityLog);
}

declare global {
  interface HTMLElementTagNameMap {
    'pep-activity-log': PepActivityLog;
  }
}
