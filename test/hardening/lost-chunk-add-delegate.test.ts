/**
 * A lost chunk (Add Delegate's confirmation, `add-delegate.steps.ts`) is an ordinary retryable
 * failure, and it fails the step before the delegate exists: no delegate is created, nothing is
 * emailed, nothing typed is lost, and Try again works once the network is back.
 * (A file of its own: a fresh page where the chunk has not been loaded yet.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/add-delegate/pep-add-delegate.js';
import type { PepAddDelegate } from '../../src/elements/add-delegate/pep-add-delegate.js';
import { $, JANE, producerAdapter, typeInto, until } from '../elements/add-delegate/fixtures.js';
import { expectNetworkFailure, failRequests } from './lost-chunk.js';

describe('<pep-add-delegate> when its confirmation chunk cannot be fetched', () => {
  afterEach(() => failRequests(null));

  it('Create Delegate fails retryably before the adapter is called; Try again creates it', async () => {
    await failRequests('*add-delegate.steps.ts*');
    const adapter = await producerAdapter();
    const before = (await adapter.listDelegates()).length;
    const outbox = adapter.outbox.length;
    const el = await fixture<PepAddDelegate>(
      html`<pep-add-delegate .adapter=${adapter}></pep-add-delegate>`,
    );
    await el.updateComplete;
    typeInto(el, '#username', JANE.username);
    typeInto(el, '#email', JANE.email);
    typeInto(el, '#firstName', JANE.firstName);
    typeInto(el, '#lastName', JANE.lastName);
    typeInto(el, '#mobile', JANE.mobile);
    for (const s of JANE.states) $<HTMLInputElement>(el, `#state-${s}`).click();
    await el.updateComplete;

    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await expectNetworkFailure(el);
    expect((await adapter.listDelegates()).length).to.equal(before);
    expect(adapter.outbox.length).to.equal(outbox);
    expect($<HTMLInputElement>(el, '#username').value).to.equal(JANE.username);
    expect($<HTMLInputElement>(el, '#mobile').value).to.equal(JANE.mobile);

    await failRequests(null);
    $<HTMLButtonElement>(el, '[part~=retry-button]').click();
    await until(() => $(el, 'h2').textContent!.trim() === 'Delegate was added', 4000, 'done');
    expect((await adapter.listDelegates()).length).to.equal(before + 1);
  });
});
