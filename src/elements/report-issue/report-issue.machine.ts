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
  /**
   * What Submit waited for before checking the fields (the checks' chunk) is there: the form
   * is idle again, and Submit goes on (SUBMIT again) or stops at the field errors.
   */
  | { type: 'CHECKED' }
  | { type: 'SUBMITTED'; ticket: IssueTicket }
  | { type: 'FAILED'; error: AdapterError }
  /** "Report another issue": an empty form again. */
  | { type: 'NEW_REPORT' };

export const initialReportIssueState: ReportIssueState = { step: 'form', submitting: false };

export function transition(state: ReportIssueState, event: ReportIssueEvent): ReportIssueState {
  switch (state.step) {
    case 'form':
      switch (event.type) {
        case 'SUBMIT':
          return state.submitting ? state : { step: 'form', submitting: true };
        case 'CHECKED':
          return state.submitting ? { step: 'form', submitting: false } : state;
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
