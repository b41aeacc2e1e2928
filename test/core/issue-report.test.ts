import { expect } from '@open-wc/testing';
import {
  SCREENSHOT_MAX_BYTES,
  validateIssueReport,
  ISSUE_TEXT_MAX_LENGTH,
} from '../../src/core/issue-report.js';
import type { IssueReport } from '../../src/adapter/types.js';

const now = Date.UTC(2026, 0, 5, 15, 0, 0);
const valid: IssueReport = {
  description: 'Quote page shows an error.',
  stepsTaken: 'Opened Quote, chose a plan.',
  agentName: 'Jane Doe',
  producerId: 'P-100200',
  productType: 'MAPD',
  state: 'TX',
  observedAt: '2026-01-05T14:00:00Z',
};

describe('core/issue-report', () => {
  it('accepts a complete report, with or without the optional fields', () => {
    expect(validateIssueReport(valid, now)).to.deep.equal({});
    expect(
      validateIssueReport(
        { ...valid, clientName: 'Sam', screenshot: { name: 's.png', type: 'image/png', size: 10 } },
        now,
      ),
    ).to.deep.equal({});
  });

  it('requires the spec fields', () => {
    const empty = {
      description: ' ',
      stepsTaken: '',
      agentName: '',
      producerId: '',
      productType: '',
      state: '',
      observedAt: '',
    } as unknown as IssueReport;
    expect(validateIssueReport(empty, now)).to.deep.equal({
      description: 'required',
      stepsTaken: 'required',
      agentName: 'required',
      producerId: 'required',
      productType: 'required',
      state: 'required',
      observedAt: 'required',
    });
  });

  it('rejects unknown choices, bad dates, long text, wrong files', () => {
    const bad = {
      ...valid,
      description: 'x'.repeat(ISSUE_TEXT_MAX_LENGTH + 1),
      productType: 'Life',
      state: 'CA',
      observedAt: 'yesterday',
      screenshot: { name: 'a.exe', type: 'application/x-msdownload', size: 10 },
    } as unknown as IssueReport;
    expect(validateIssueReport(bad, now)).to.deep.equal({
      description: 'too-long',
      productType: 'not-allowed',
      state: 'invalid-state',
      observedAt: 'invalid-date',
      screenshot: 'invalid-file-type',
    });
    const big = {
      ...valid,
      screenshot: { name: 'a.png', type: 'image/png', size: SCREENSHOT_MAX_BYTES + 1 },
    };
    expect(validateIssueReport(big, now)).to.deep.equal({ screenshot: 'file-too-large' });
    const future = { ...valid, observedAt: '2026-01-05T16:00:00Z' };
    expect(validateIssueReport(future, now)).to.deep.equal({ observedAt: 'invalid-date' });
    const justNow = { ...valid, observedAt: '2026-01-05T15:04:00Z' };
    expect(validateIssueReport(justNow, now)).to.deep.equal({});
  });
});
