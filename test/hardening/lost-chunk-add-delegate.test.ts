/**
 * A lost chunk of Add Delegate (`add-delegate.steps.ts`: the field checks, the mobile number's
 * formatting and the confirmation) is an ordinary retryable failure, and it fails the step
 * before the delegate exists: no error is claimed unchecked, no delegate is created, nothing is
 * emailed, nothing typed is lost, and Try again checks and creates it once the network is back.
 * (A file of its own: a fresh page where the chunk has not been loaded yet;
 * `lost-chunk-add-delegate-checks.test.ts` has Try again with input the checks refuse.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/add-delegate/pep-add-delegate.js';
import type { PepAddDelegate } from '../../src/elements/add-delegate/pep-add-delegate.js';
import { $, JANE, producerAdapter, typeInto, until } from '../elements/add-delegate/fixtures.js';
import { expectNetworkFailure, failRequests } from './lost-chunk.js';

describe('<pep-add-delegate> when its later chunk cannot be fetched', () => {
  afterEach(() => failRequests(null));

  it('Create Delegate fails retryably before the adapter is called; Try again checks and creates it once', async () => {
    await failRequests('*add-delegate.steps.ts*');
    const adapter = await producerAdapter();
    const before = (await adapter.listDelegates()).length;
    const outbox = adapter.outbox.length;
    const el = await fixture<PepAddDelegate>(
      html`<pep-add-delegate .adapter=${adapter}></pep-add-delegate>`,
    );
    await el.updateComplete;
    // Without the checks, leaving a field claims no error, and the number stays as typed.
    typeInto(el, '#username', 'abc', true);
    await el.updateComplete;
    expect($(el, '#username-error').textContent).to.equal('');
    expect($(el, '#username').getAttribute('aria-invalid')).to.equal('false');
    typeInto(el, '#username', JANE.username);
    typeInto(el, '#email', JANE.email);
    typeInto(el, '#firstName', JANE.firstName);
    typeInto(el, '#lastName', JANE.lastName);
    typeInto(el, '#mobile', '312.555.0101', true);
    for (const s of JANE.states) $<HTMLInputElement>(el, `#state-${s}`).click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#mobile').value).to.equal('312.555.0101');

    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await expectNetworkFailure(el);
    expect($(el, '[part~=submit-button]').getAttribute('aria-disabled')).to.equal('false');
    expect((await adapter.listDelegates()).length).to.equal(before);
    expect(adapter.outbox.length).to.equal(outbox);
    expect(el.step).to.equal('form');
    expect($<HTMLInputElement>(el, '#username').value).to.equal(JANE.username);
    expect($<HTMLInputElement>(el, '#mobile').value).to.equal('312.555.0101');

    // Back online: Try again shows it works while the checks load, then checks and creates.
    await failRequests(null);
    $<HTMLButtonElement>(el, '[part~=retry-button]').click();
    await el.updateComplete;
    const submit = $(el, '[part~=submit-button]');
    expect(submit.getAttribute('aria-disabled')).to.equal('true');
    expect(submit.textContent!.trim()).to.equal('Creating delegate…');
    await until(() => $(el, 'h2').textContent!.trim() === 'Delegate was added', 4000, 'done');
    const delegates = await adapter.listDelegates();
    expect(delegates.length).to.equal(before + 1);
    expect(delegates.filter((d) => d.username === JANE.username)).to.have.length(1);
  });
});
