/**
 * Add Delegate's field checks come with its later chunk (`add-delegate.steps.ts`). When that
 * chunk was lost, Try again waits for it (the button shows it works), then checks the fields:
 * input they refuse gets its field errors and focus, and nothing is created.
 * (A file of its own: a fresh page where the chunk has not been loaded yet.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/add-delegate/pep-add-delegate.js';
import type { PepAddDelegate } from '../../src/elements/add-delegate/pep-add-delegate.js';
import {
  $,
  deepActive,
  JANE,
  producerAdapter,
  typeInto,
  until,
} from '../elements/add-delegate/fixtures.js';
import { expectNetworkFailure, failRequests } from './lost-chunk.js';

describe('<pep-add-delegate> checks that arrive after a lost chunk', () => {
  afterEach(() => failRequests(null));

  it('Try again shows pending while the checks load, then the field errors; nothing created', async () => {
    await failRequests('*add-delegate.steps.ts*');
    const adapter = await producerAdapter();
    const before = (await adapter.listDelegates()).length;
    const el = await fixture<PepAddDelegate>(
      html`<pep-add-delegate .adapter=${adapter}></pep-add-delegate>`,
    );
    await el.updateComplete;
    typeInto(el, '#username', JANE.username);
    typeInto(el, '#email', 'jane.doe@', true);
    typeInto(el, '#firstName', JANE.firstName);
    typeInto(el, '#lastName', JANE.lastName);
    typeInto(el, '#mobile', JANE.mobile);
    $<HTMLInputElement>(el, '#state-IL').click();
    await el.updateComplete;
    expect($(el, '#email-error').textContent, 'not checked yet').to.equal('');

    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await expectNetworkFailure(el);
    expect($(el, '#email-error').textContent).to.equal('');

    await failRequests(null);
    $<HTMLButtonElement>(el, '[part~=retry-button]').click();
    await el.updateComplete;
    expect($(el, '[part~=submit-button]').getAttribute('aria-disabled')).to.equal('true');
    await until(() => deepActive()?.id === 'email', 4000, 'focus on the email field');
    await el.updateComplete;
    expect($(el, '#email-error').textContent).to.equal(
      'Enter a valid email address, like name@example.com.',
    );
    expect($(el, '#email').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '[part~=submit-button]').getAttribute('aria-disabled')).to.equal('false');
    expect(el.shadowRoot!.querySelector('[part~=retry-button]'), 'no Try again left').to.equal(
      null,
    );
    expect((await adapter.listDelegates()).length).to.equal(before);
    expect($<HTMLInputElement>(el, '#email').value).to.equal('jane.doe@');

    // The checks are there now: the mobile number is formatted when the field is left.
    typeInto(el, '#mobile', '312.555.0101', true);
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#mobile').value).to.equal('(312) 555-0101');
  });
});
