/**
 * A lost chunk of My Delegates is an ordinary retryable failure: `<pep-add-delegate>` (fetched
 * on the first Add Delegate) → the dialog closes again, the message with Try again, which opens
 * the form. (A file of its own: a fresh page where the chunk has not been loaded yet.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/my-delegates/pep-my-delegates.js';
import type { PepMyDelegates } from '../../src/elements/my-delegates/pep-my-delegates.js';
import { producerAdapter, until } from '../support/registration.js';
import { expectNetworkFailure, failRequests } from './lost-chunk.js';

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
