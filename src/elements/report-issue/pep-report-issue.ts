import { PepReportIssue } from './report-issue.component.js';

export { PepReportIssue };

if (!customElements.get('pep-report-issue'))
  customElements.define('pep-report-issue', PepReportIssue);

declare global {
  interface HTMLElementTagNameMap {
    'pep-report-issue': PepReportIssue;
  }
}
