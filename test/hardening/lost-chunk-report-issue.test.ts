/**
 * `<pep-report-issue>` loads its field checks, screenshot preview and Issue Reported step as a
 * chunk of their own after the form has rendered (`report-issue.steps.ts`). When that chunk
 * cannot be fetched, the form still works as far as it can, and Submit fails like any network
 * failure: a retryable message, nothing sent, nothing typed lost; Try again checks the fields
 * and sends once the network is back.
 * (A file of its own: a fresh page where the chunk has not been loaded yet.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { IssueReport, IssueTicket } from '../../src/adapter/types.js';
import '../../src/elements/report-issue/pep-report-issue.js';
import type { PepReportIssue } from '../../src/elements/report-issue/report-issue.component.js';
import { fakeAdapter } from '../elements/forgot-username/fake-adapter.js';
import { expectNetworkFailure, failRequests } from './lost-chunk.js';

const CHUNK = '*report-issue.steps.ts*';

describe('<pep-report-issue> when its later chunk cannot be fetched', () => {
  before(() => failRequests(CHUNK));
  after(() => failRequests(null));

  it('Submit shows a retryable failure, sends nothing and keeps what was typed', async () => {
    const sent: IssueReport[] = [];
    const { adapter } = fakeAdapter({
      reportIssue: (r: IssueReport): Promise<IssueTicket> => {
        sent.push(r);
        return Promise.resolve({ ticketId: 'PEP-ABCD2345' });
      },
      getSession: () => Promise.resolve(null),
    });
    const el = await fixture<PepReportIssue>(
      html`<pep-report-issue .adapter=${adapter}></pep-report-issue>`,
    );
    await el.updateComplete;
    const $ = <E extends Element = HTMLElement>(sel: string) =>
      el.shadowRoot!.querySelector<E>(sel)!;
    const description = $<HTMLTextAreaElement>('#description');
    description.value = 'Quote page shows an error';
    description.dispatchEvent(new Event('input'));
    // Leaving an empty required field: without the checks, no error is claimed (none is known).
    $<HTMLTextAreaElement>('#stepsTaken').dispatchEvent(new Event('blur'));
    await el.updateComplete;
    expect($('#stepsTaken-error').textContent).to.equal('');

    $<HTMLButtonElement>('[part~="submit-button"]').click();
    await expectNetworkFailure(el);
    await el.updateComplete;
    expect($('[part~="submit-button"]').getAttribute('aria-disabled')).to.equal('false');
    expect(sent).to.have.length(0);
    expect(el.step).to.equal('form');
    expect($<HTMLTextAreaElement>('#description').value).to.equal('Quote page shows an error');

    // Back online: Try again runs the checks (the empty required fields now show), nothing sent.
    await failRequests(null);
    $<HTMLButtonElement>('[part~="retry-button"]').click();
    for (let i = 0; i < 100 && !$('#stepsTaken-error').textContent?.trim(); i++) {
      await new Promise((r) => setTimeout(r, 10));
      await el.updateComplete;
    }
    expect($('#stepsTaken-error').textContent).to.equal(
      'Enter the steps you took before the error.',
    );
    expect(sent).to.have.length(0);
  });
});
