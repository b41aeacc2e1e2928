/**
 * What `<pep-report-issue>` needs only once the user has acted, with its English: the field
 * checks (`validateIssueReport`, shared with the backends), the attached screenshot's preview and
 * the Issue Reported step. Not part of what a host loads first: the element fetches this module
 * once its form has rendered, and a Submit waits for it before it checks and sends the report.
 */
import { html, type TemplateResult } from 'lit';
import type { IssueReport, IssueTicket, ProductType, StateCode } from '../../adapter/types.js';
import { errorRegion } from '../../shared/error-region.js';
import { stepHeading } from '../../shared/step-heading.js';
import type { IssueReportField } from '../../core/issue-report.limits.js';
import type { FieldReason } from '../../core/validation.js';
import type { PepReportIssue, ReportIssueValues } from './report-issue.component.js';

export { validateIssueReport } from '../../core/issue-report.js';
export { reportIssueStepsEn } from './report-issue.steps.messages.js';

/**
 * The report as sent: texts trimmed (an empty Client/Contact Name left out), the observed time
 * as ISO 8601 when it parses (else as typed, which the checks then refuse), the screenshot.
 */
export function toReport(v: ReportIssueValues, file: File | null): IssueReport {
  const observed = new Date(v.observedAt);
  return {
    description: v.description,
    stepsTaken: v.stepsTaken,
    ...(v.clientName.trim() ? { clientName: v.clientName.trim() } : {}),
    agentName: v.agentName.trim(),
    producerId: v.producerId.trim(),
    productType: v.productType as ProductType,
    state: v.state as StateCode,
    observedAt:
      v.observedAt && !Number.isNaN(observed.getTime()) ? observed.toISOString() : v.observedAt,
    ...(file
      ? { screenshot: { name: file.name, type: file.type, size: file.size, data: file } }
      : {}),
  };
}

/** The backend's field reasons (`VALIDATION`) for the fields this form has. */
export function formReasons(
  reasons: Record<string, FieldReason>,
  fields: readonly IssueReportField[],
): Partial<Record<IssueReportField, FieldReason>> {
  const out: Partial<Record<IssueReportField, FieldReason>> = {};
  for (const f of fields) if (reasons[f]) out[f] = reasons[f];
  return out;
}

export function renderDone(
  el: PepReportIssue,
  ticket: IssueTicket,
  onAnother: () => void,
): TemplateResult {
  return html`<div part="form">
    ${stepHeading(el.t('report-issue.done-title'))}
    <p class="success">${el.t('report-issue.done')}</p>
    <p class="ticket" part="ticket">
      ${el.t('report-issue.ticket', { ticketId: ticket.ticketId })}
    </p>
    ${errorRegion({})}
    <div class="actions">
      <button type="button" class="secondary" part="secondary-button" @click=${onAnother}>
        ${el.t('report-issue.another')}
      </button>
    </div>
  </div>`;
}

/** The attached screenshot: preview, name and size, and Remove screenshot. */
export function renderPreview(
  el: PepReportIssue,
  shot: { name: string; url: string; size: string; onRemove: () => void },
): TemplateResult {
  return html`<div class="preview" part="preview">
    <img src=${shot.url} alt=${el.t('report-issue.screenshot-preview', { name: shot.name })} />
    <span>${el.t('report-issue.screenshot-attached', { name: shot.name, size: shot.size })}</span>
    <button type="button" class="secondary" part="remove-button" @click=${shot.onRemove}>
      ${el.t('report-issue.screenshot-remove')}
    </button>
  </div>`;
}
