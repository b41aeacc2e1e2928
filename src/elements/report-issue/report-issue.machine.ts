/**
 * The `<pep-report-issue>` flow as a pure state machine: fill the form → Submit → ticket
 * reference. Typed values and the attachment stay in the element (so a failure never loses
 * them); the machine decides only submitting / error / done. No DOM, no adapter.
 */
import type { AdapterError } from '../../adapter/errors.js';
import type { IssueTicket } from '../../adapter/types.js';

export type ReportIssueState =
  | { step: 'form'; submitting: boolean; error?: AdapterError }
  | { step: 'done'; ticket: IssueTicket };

export type ReportIssueEvent =
  | { type: 'SUBMIT' }
  | { type: 'SUBMITTED'; ticket: IssueTicket }
  | { type: 'FAILED'; error: AdapterError }
  /** "Report another issue": an empty form again. */
  | { type: 'NEW_REPORT' };

export const initialReportIssueState: ReportIssueState = { step: 'form', submitting: false };

export function reportIssueTransition(
  state: ReportIssueState,
  event: ReportIssueEvent,
): ReportIssueState {
  switch (state.step) {
    case 'form':
      switch (event.type) {
        case 'SUBMIT':
          return state.submitting ? state : { step: 'form', submitting: true };
        case 'SUBMITTED':
          return state.submitting ? { step: 'done', ticket: event.ticket } : state;
        case 'FAILED':
          return state.submitting ? { step: 'form', submitting: false, error: event.error } : state;
        default:
          return state;
      }
    case 'done':
      return event.type === 'NEW_REPORT' ? initialReportIssueState : state;
  }
}
