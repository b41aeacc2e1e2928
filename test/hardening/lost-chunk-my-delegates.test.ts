/**
 * Lost chunks of My Delegates are ordinary retryable failures: the list's module (fetched with
 * the first `listDelegates` call) → the message with Try again instead of the list, and Try
 * again shows the list once the network is back; `<pep-add-delegate>` (fetched on the first Add
 * Delegate) → the dialog closes again, the message with Try again, which opens the form.
 * (A file of its own: a fresh page where the chunks have not been loaded yet.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/my-delegates/pep-my-delegates.js';
import type { PepMyDelegates } from '../../src/elements/my-delegates/pep-my-delegates.js';
import {
  addDelegateWithLink,
  failing,
  producerAdapter,
  until,
} from '../elements/add-delegate/fixtures.js';
import { expectNetworkFailure, failRequests } from './lost-chunk.js';

describe('<pep-my-delegates> when its list cannot be fetched', () => {
  afterEach(() => failRequests(null));

  it('the load fails retryably (the toolbar stays usable); Try again shows the list', async () => {
    await failRequests('*my-delegates.steps.ts*');
    const memory = await producerAdapter();
    await addDelegateWithLink(memory);
    const adapter = failing(memory, {});
    const el = await fixture<PepMyDelegates>(
      html`<pep-my-delegates .adapter=${adapter}></pep-my-delegates>`,
    );
    const $ = (sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
    await expectNetworkFailure(el);
    expect(el.state.list).to.equal('failed');
    expect($('[part~="list"]')).to.equal(null);
    expect($('[part~="empty"]')).to.equal(null);
    expect($('h2')!.textContent!.trim()).to.equal('My Delegates');
    expect($('[part~="add-button"]')).to.exist;
    expect(adapter.calls).to.deep.equal({ listDelegates: 1 });

    await failRequests(null);
    $('[part~="retry-button"]')!.click();
    await until(() => !!$('[part~="delegate"]'), 4000, 'the list');
    await el.updateComplete;
    expect($('[part~="delegate"] h3')!.textContent).to.equal('Jane Doe');
    expect($('[part~="resend-button"]')!.textContent).to.contain('Resend invitation');
    // The list's styles came with it.
    expect(getComputedStyle($('[part~="list"]')!).display).to.equal('grid');
    expect($('[part~="retry-button"]')).to.equal(null);
    expect(adapter.calls).to.deep.equal({ listDelegates: 2 });
  });
});

describe('<pep-my-delegates> when the Add Delegate form cannot be fetched', () => {
  afterEach(() => failRequests(null));

  it('Add Delegate fails retryably (dialog closed again); Try again opens the form', async () => {
    await failRequests('*pep-add-delegate.ts*');
    const adapter = await producerAdapter();
    const el = await fixture<PepMyDelegates>(
      html`<pep-my-delegates .adapter=${adapter}></pep-my-delegates>`,
    );
    await until(() => el.state.list !== 'loading', 3000, 'list loaded');
    await el.updateComplete;
    const $ = (sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);

    $('[part~="add-button"]')!.click();
    await expectNetworkFailure(el);
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
    expect(customElements.get('pep-add-delegate')).to.equal(undefined);

    await failRequests(null);
    $('[part~="retry-button"]')!.click();
    await customElements.whenDefined('pep-add-delegate');
    await until(() => el.shadowRoot!.querySelector('dialog')!.open, 4000, 'the dialog');
    expect(el.shadowRoot!.querySelector('dialog pep-add-delegate')).to.exist;
  });
});
