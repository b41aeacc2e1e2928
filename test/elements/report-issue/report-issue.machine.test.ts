import { expect } from '@open-wc/testing';
import { adapterError } from '../../../src/adapter/errors.js';
import {
  initialReportIssueState,
  reportIssueTransition as transition,
} from '../../../src/elements/report-issue/report-issue.machine.js';

describe('report-issue machine', () => {
  const submitting = transition(initialReportIssueState, { type: 'SUBMIT' });

  it('starts on the form, not submitting', () => {
    expect(initialReportIssueState).to.deep.equal({ step: 'form', submitting: false });
  });

  it('SUBMIT once; a second SUBMIT is ignored', () => {
    expect(submitting).to.deep.equal({ step: 'form', submitting: true });
    expect(transition(submitting, { type: 'SUBMIT' })).to.equal(submitting);
  });

  it('SUBMITTED → done with the ticket (only while submitting)', () => {
    expect(
      transition(submitting, { type: 'SUBMITTED', ticket: { ticketId: 'PEP-1' } }),
    ).to.deep.equal({
      step: 'done',
      ticket: { ticketId: 'PEP-1' },
    });
    expect(
      transition(initialReportIssueState, { type: 'SUBMITTED', ticket: { ticketId: 'PEP-1' } }),
    ).to.equal(initialReportIssueState);
  });

  it('FAILED keeps the form with the error; SUBMIT clears it', () => {
    const failed = transition(submitting, { type: 'FAILED', error: adapterError('NETWORK') });
    expect(failed).to.include({ step: 'form', submitting: false });
    expect(failed.step === 'form' && failed.error?.code).to.equal('NETWORK');
    expect(transition(failed, { type: 'SUBMIT' })).to.deep.equal({
      step: 'form',
      submitting: true,
    });
    expect(
      transition(initialReportIssueState, { type: 'FAILED', error: adapterError('NETWORK') }),
    ).to.equal(initialReportIssueState);
  });

  it('NEW_REPORT from done starts again; ignored on the form', () => {
    const done = transition(submitting, { type: 'SUBMITTED', ticket: { ticketId: 'PEP-1' } });
    expect(transition(done, { type: 'NEW_REPORT' })).to.deep.equal(initialReportIssueState);
    expect(transition(done, { type: 'SUBMIT' })).to.equal(done);
    expect(transition(submitting, { type: 'NEW_REPORT' })).to.equal(submitting);
  });
});
