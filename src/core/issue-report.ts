/**
 * Validation of a *Report an Issue* submission (spec slide 23), shared by the widget (feedback)
 * and the backends (enforcement). Returns only the failing fields, each with a FieldReason.
 */
import { isStateCode, type FieldReason } from './validation.js';
import {
  PRODUCT_TYPES,
  ISSUE_NAME_MAX_LENGTH,
  ISSUE_TEXT_MAX_LENGTH,
  OBSERVED_AT_MAX_SKEW_MS,
  SCREENSHOT_MAX_BYTES,
  SCREENSHOT_TYPES,
  type IssueReport,
  type IssueReportField,
} from './issue-report.limits.js';

export * from './issue-report.limits.js';

function text(value: unknown, required: boolean, max: number): FieldReason | null {
  if (typeof value !== 'string' || value.trim() === '') return required ? 'required' : null;
  if ([...value.trim()].length > max) return 'too-long';
  return null;
}

/**
 * Validate a report. `now` (epoch ms) bounds `observedAt`: it must parse as a date and not lie
 * more than a few minutes in the future.
 */
export function validateIssueReport(
  report: IssueReport,
  now: number = Date.now(),
): Partial<Record<IssueReportField, FieldReason>> {
  const out: Partial<Record<IssueReportField, FieldReason>> = {};
  const set = (field: IssueReportField, reason: FieldReason | null): void => {
    if (reason) out[field] = reason;
  };
  set('description', text(report.description, true, ISSUE_TEXT_MAX_LENGTH));
  set('stepsTaken', text(report.stepsTaken, true, ISSUE_TEXT_MAX_LENGTH));
  set('clientName', text(report.clientName, false, ISSUE_NAME_MAX_LENGTH));
  set('agentName', text(report.agentName, true, ISSUE_NAME_MAX_LENGTH));
  set('producerId', text(report.producerId, true, ISSUE_NAME_MAX_LENGTH));
  if (!report.productType) set('productType', 'required');
  else if (!PRODUCT_TYPES.includes(report.productType)) set('productType', 'not-allowed');
  if (!report.state) set('state', 'required');
  else if (!isStateCode(report.state)) set('state', 'invalid-state');
  if (!report.observedAt) set('observedAt', 'required');
  else {
    const t = Date.parse(report.observedAt);
    if (Number.isNaN(t) || t > now + OBSERVED_AT_MAX_SKEW_MS) set('observedAt', 'invalid-date');
  }
  const shot = report.screenshot;
  if (shot) {
    if (!SCREENSHOT_TYPES.includes(shot.type)) set('screenshot', 'invalid-file-type');
    else if (!(shot.size >= 0) || shot.size > SCREENSHOT_MAX_BYTES) {
      set('screenshot', 'file-too-large');
    }
  }
  return out;
}
