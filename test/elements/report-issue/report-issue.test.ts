import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { adapterError } from '../../../src/adapter/errors.js';
import type { IssueReport, IssueTicket } from '../../../src/adapter/types.js';
import '../../../src/elements/report-issue/pep-report-issue.js';
import {
  toLocalDateTime,
  type PepReportIssue,
} from '../../../src/elements/report-issue/report-issue.component.js';
import { deferred, fakeAdapter } from '../../support/fake-adapter.js';
import { delegateSession } from '../../support/portal.js';

const NOW = new Date(2026, 0, 5, 9, 30).getTime();

/** A real 1×1 PNG. */
const PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  ),
  (c) => c.charCodeAt(0),
);

async function setup(
  reportIssue: (r: IssueReport) => Promise<IssueTicket> = () =>
    Promise.resolve({ ticketId: 'PEP-ABCD2345' }),
  attrs: { max?: number } = {},
) {
  const { adapter, calls } = fakeAdapter({
    reportIssue,
    getSession: () => Promise.resolve(delegateSession),
  });
  const el = await fixture<PepReportIssue>(
    html`<pep-report-issue
      home-href="#/home"
      .adapter=${adapter}
      .now=${() => NOW}
      max-screenshot-bytes=${attrs.max ?? 5 * 1024 * 1024}
    ></pep-report-issue>`,
  );
  const settle = async () => {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  };
  await settle();
  const $ = <E extends Element = HTMLElement>(sel: string) => el.shadowRoot!.querySelector<E>(sel)!;
  const fill = async (id: string, value: string) => {
    const c = $<HTMLInputElement>(`#${id}`);
    c.value = value;
    c.dispatchEvent(new Event(c.tagName === 'SELECT' ? 'change' : 'input'));
    await el.updateComplete;
  };
  const attach = async (file: File) => {
    const input = $<HTMLInputElement>('#screenshot');
    const dt = new DataTransfer();
    dt.items.add(file);
    input.files = dt.files;
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
  };
  const fillAll = async () => {
    await fill('description', 'Quote page shows error 500');
    await fill('stepsTaken', 'Opened Quote, chose ACA Medical, selected Continue');
    await fill('clientName', 'Chris Client');
    await fill('productType', 'ACA Medical');
    await fill('state', 'TX');
  };
  const submit = async () => {
    $<HTMLButtonElement>('[part="submit-button"]').click();
    await settle();
  };
  return { el, calls, settle, $, fill, attach, fillAll, submit };
}

describe('<pep-report-issue>', () => {
  it('is accessible', async () => {
    const { el } = await setup();
    await expect(el).to.be.accessible();
  });

  it('prefills agent name and producer ID from the session and the time observed with now', async () => {
    const { $ } = await setup();
    expect($<HTMLInputElement>('#agentName').value).to.equal('Pat Producer');
    expect($<HTMLInputElement>('#producerId').value).to.equal('P-000123');
    expect($<HTMLInputElement>('#observedAt').value).to.equal(toLocalDateTime(NOW));
    expect($<HTMLInputElement>('#observedAt').value).to.equal('2026-01-05T09:30');
    const options = [...$<HTMLSelectElement>('#productType').options].map((o) => o.value);
    expect(options).to.deep.equal([
      '',
      'ACA Medical',
      'ACA Dental',
      'MAPD',
      'PDP',
      'DSNP',
      'Med Supp',
    ]);
    expect($<HTMLInputElement>('#screenshot').accept).to.contain('image/png');
  });

  it('missing fields: field errors, focus on the description, nothing sent, typed text kept', async () => {
    const { el, calls, $, fill, submit } = await setup();
    await fill('clientName', 'Chris Client');
    await submit();
    await el.updateComplete;
    expect(calls.filter((c) => c.method === 'reportIssue')).to.have.length(0);
    expect($('#description-error').textContent).to.equal(
      'Describe the issue or the error message.',
    );
    expect($('#stepsTaken-error').textContent).to.contain('steps');
    expect($('#productType-error').textContent).to.equal('Choose a product type.');
    expect($('#state-error').textContent).to.equal('Choose a state.');
    expect($('#description').getAttribute('aria-invalid')).to.equal('true');
    expect($('#description').getAttribute('aria-describedby')).to.contain('description-error');
    expect(el.shadowRoot!.activeElement).to.equal($('#description'));
    expect($('[role="alert"]').textContent).to.contain('Please correct the highlighted fields.');
    expect($<HTMLInputElement>('#clientName').value).to.equal('Chris Client');
    await expect(el).to.be.accessible();
  });

  it('the error summary goes away once every field is corrected', async () => {
    const { $, fillAll, submit, el } = await setup(() => new Promise(() => {}));
    await submit();
    expect($('[role="alert"]').textContent).to.contain('Please correct');
    await fillAll();
    await el.updateComplete;
    expect($('[role="alert"]').textContent!.trim()).to.equal('');
  });

  it('shows a field error only after leaving the field', async () => {
    const { el, $ } = await setup();
    expect($('#description-error').textContent).to.equal('');
    // The user leaves the description (blur is dispatched: page focus is not guaranteed here).
    $('#description').dispatchEvent(new FocusEvent('blur'));
    await el.updateComplete;
    expect($('#description-error').textContent).to.contain('Describe');
    expect($('#stepsTaken-error').textContent).to.equal('');
  });

  it('refuses a non-image file and an oversize image, keeping everything typed', async () => {
    const { el, $, attach, fillAll, calls, submit } = await setup(undefined, { max: 100 });
    await fillAll();
    await attach(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    expect($('#screenshot-error').textContent).to.contain('must be an image file');
    expect($('#screenshot').getAttribute('aria-invalid')).to.equal('true');
    expect($('[part="preview"]')).to.equal(null);
    expect($<HTMLInputElement>('#screenshot').files!.length).to.equal(0);
    await expect(el).to.be.accessible();
    await attach(new File([new Uint8Array(101)], 'big.png', { type: 'image/png' }));
    expect($('#screenshot-error').textContent).to.contain('larger than 100 B');
    await submit();
    expect(calls.filter((c) => c.method === 'reportIssue')).to.have.length(0);
    expect($<HTMLTextAreaElement>('#description').value).to.equal('Quote page shows error 500');
    expect($<HTMLSelectElement>('#state').value).to.equal('TX');
    expect(el.shadowRoot!.activeElement).to.equal($('#screenshot'));
  });

  it('previews an image with an object URL, revoked on change and on removal', async () => {
    const created: string[] = [];
    const revoked: string[] = [];
    const origCreate = URL.createObjectURL;
    const origRevoke = URL.revokeObjectURL;
    URL.createObjectURL = (o: Blob | MediaSource) => {
      const u = origCreate(o);
      created.push(u);
      return u;
    };
    URL.revokeObjectURL = (u: string) => {
      revoked.push(u);
      origRevoke(u);
    };
    try {
      const { el, $, attach } = await setup();
      await attach(new File([PNG], 'one.png', { type: 'image/png' }));
      const img = $<HTMLImageElement>('[part="preview"] img');
      expect(img.src).to.equal(created[0]);
      expect(img.alt).to.equal('Preview of one.png');
      await expect(el).to.be.accessible();
      await attach(new File([PNG], 'two.png', { type: 'image/png' }));
      expect(revoked).to.deep.equal([created[0]]);
      expect($<HTMLImageElement>('[part="preview"] img').src).to.equal(created[1]);
      $<HTMLButtonElement>('[part="remove-button"]').click();
      await el.updateComplete;
      await el.updateComplete;
      expect(revoked).to.deep.equal([created[0], created[1]]);
      expect($('[part="preview"]')).to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal($('#screenshot'));
      expect($('[role="status"]').textContent).to.contain('Screenshot removed.');
    } finally {
      URL.createObjectURL = origCreate;
      URL.revokeObjectURL = origRevoke;
    }
  });

  it('submits the report with the screenshot and shows the ticket reference', async () => {
    const { el, calls, $, attach, fillAll, submit } = await setup();
    await fillAll();
    await attach(new File([PNG], 'shot.png', { type: 'image/png' }));
    const ev = oneEvent(el, 'pep-issue-reported');
    await submit();
    expect((await ev).detail).to.deep.equal({ ticketId: 'PEP-ABCD2345' });
    await el.updateComplete;
    const report = calls.find((c) => c.method === 'reportIssue')!.input as IssueReport;
    expect(report).to.deep.include({
      description: 'Quote page shows error 500',
      stepsTaken: 'Opened Quote, chose ACA Medical, selected Continue',
      clientName: 'Chris Client',
      agentName: 'Pat Producer',
      producerId: 'P-000123',
      productType: 'ACA Medical',
      state: 'TX',
      observedAt: new Date(NOW).toISOString(),
    });
    expect(report.screenshot).to.include({ name: 'shot.png', type: 'image/png', size: PNG.length });
    expect(report.screenshot!.data).to.be.instanceOf(Blob);
    expect(el.step).to.equal('done');
    expect($('[part="ticket"]').textContent).to.contain('PEP-ABCD2345');
    expect(el.shadowRoot!.activeElement).to.equal($('[data-step-heading]'));
    await expect(el).to.be.accessible();
  });

  it('an edited time observed is sent; a future one is refused', async () => {
    const { calls, $, fill, fillAll, submit } = await setup();
    await fillAll();
    await fill('observedAt', '2026-01-06T12:00');
    await submit();
    expect($('#observedAt-error').textContent).to.contain('not in the future');
    await fill('observedAt', '2026-01-04T08:15');
    await submit();
    const report = calls.find((c) => c.method === 'reportIssue')!.input as IssueReport;
    expect(report.observedAt).to.equal(new Date(2026, 0, 4, 8, 15).toISOString());
    expect(report.clientName).to.equal('Chris Client');
  });

  it('one adapter call per click while pending', async () => {
    const d = deferred<IssueTicket>();
    const { el, calls, $, fillAll, settle } = await setup(() => d.promise);
    await fillAll();
    const button = $<HTMLButtonElement>('[part="submit-button"]');
    button.click();
    await settle();
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    button.click();
    await settle();
    expect(calls.filter((c) => c.method === 'reportIssue')).to.have.length(1);
    d.resolve({ ticketId: 'PEP-X' });
    await settle();
    expect(el.step).to.equal('done');
  });

  it('a network failure keeps everything and Try again resends', async () => {
    let fail = true;
    const { el, calls, $, fillAll, submit, settle } = await setup(() =>
      fail ? Promise.reject(adapterError('NETWORK')) : Promise.resolve({ ticketId: 'PEP-Y' }),
    );
    await fillAll();
    await submit();
    expect($('[role="alert"]').textContent).to.contain('could not reach the server');
    expect($<HTMLTextAreaElement>('#description').value).to.equal('Quote page shows error 500');
    expect($<HTMLSelectElement>('#productType').value).to.equal('ACA Medical');
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>('[part="retry-button"]').click();
    await settle();
    expect(calls.filter((c) => c.method === 'reportIssue')).to.have.length(2);
    expect(el.step).to.equal('done');
  });

  it("shows the adapter's VALIDATION reasons at the fields", async () => {
    const { el, $, fillAll, submit } = await setup(() =>
      Promise.reject(adapterError('VALIDATION', { fields: { producerId: 'too-long' } })),
    );
    await fillAll();
    await submit();
    await el.updateComplete;
    expect($('#producerId-error').textContent).to.equal('Too long.');
    expect(el.shadowRoot!.activeElement).to.equal($('#producerId'));
  });

  it('Report another issue starts an empty form, prefilled again', async () => {
    const { el, $, fillAll, submit, settle } = await setup();
    await fillAll();
    await submit();
    $<HTMLButtonElement>('[part="secondary-button"]').click();
    await settle();
    await settle();
    expect(el.step).to.equal('form');
    expect($<HTMLTextAreaElement>('#description').value).to.equal('');
    expect($<HTMLInputElement>('#agentName').value).to.equal('Pat Producer');
    expect($('#description-error').textContent).to.equal('');
  });

  it('can be completed with the keyboard only', async () => {
    const { el, calls, $, settle } = await setup();
    $('#description').focus();
    await sendKeys({ type: 'Broken quote' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Clicked Quote' });
    await sendKeys({ press: 'Tab' }); // client name
    await sendKeys({ press: 'Tab' }); // agent name
    await sendKeys({ press: 'Tab' }); // producer id
    await sendKeys({ press: 'Tab' }); // product type
    expect(el.shadowRoot!.activeElement).to.equal($('#productType'));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' }); // state
    await sendKeys({ press: 'ArrowDown' });
    $<HTMLButtonElement>('[part="submit-button"]').focus();
    await sendKeys({ press: 'Enter' });
    await settle();
    const report = calls.find((c) => c.method === 'reportIssue')?.input as IssueReport | undefined;
    expect(report?.description).to.equal('Broken quote');
    expect(report?.stepsTaken).to.equal('Clicked Quote');
    expect(report?.productType).to.equal('ACA Medical');
    expect(report?.state).to.equal('IL');
    expect(el.step).to.equal('done');
  });
});
