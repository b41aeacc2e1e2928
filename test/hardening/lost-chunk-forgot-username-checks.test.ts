/**
 * Forgot Username's email check comes with its later chunk (`forgot-username.steps.ts`). When
 * that chunk was lost, Try again waits for it (the button shows it works), then checks the
 * address: one the check refuses gets its field error and focus, and nothing is sent.
 * (A file of its own: a fresh page where the chunk has not been loaded yet.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/forgot-username/pep-forgot-username.js';
import type { PepForgotUsername } from '../../src/elements/forgot-username/pep-forgot-username.js';
import { deepActive, typeInto, until } from '../elements/add-delegate/fixtures.js';
import { fakeAdapter } from '../elements/forgot-username/fake-adapter.js';
import { expectNetworkFailure, failRequests } from './lost-chunk.js';

describe('<pep-forgot-username> check that arrives after a lost chunk', () => {
  afterEach(() => failRequests(null));

  it('Try again shows pending while the check loads, then the field error; nothing sent', async () => {
    await failRequests('*forgot-username.steps.ts*');
    const { adapter, calls } = fakeAdapter({
      forgotUsername: () => Promise.resolve({ resendAvailableAt: Date.now() + 60_000 }),
    });
    const el = await fixture<PepForgotUsername>(
      html`<pep-forgot-username .adapter=${adapter}></pep-forgot-username>`,
    );
    const $ = (sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
    await el.updateComplete;
    typeInto(el, '#email', 'jane.doe@');
    await el.updateComplete;
    $('[part~="submit-button"]')!.click();
    await expectNetworkFailure(el);
    expect($('#email-error')!.textContent, 'not checked yet').to.equal('');

    await failRequests(null);
    $('[part~="retry-button"]')!.click();
    await el.updateComplete;
    expect($('[part~="submit-button"]')!.getAttribute('aria-disabled')).to.equal('true');
    await until(() => !!$('#email-error')!.textContent, 4000, 'the field error');
    await el.updateComplete;
    expect($('#email-error')!.textContent).to.equal(
      'Enter a valid email address, like name@example.com.',
    );
    expect($('#email')!.getAttribute('aria-invalid')).to.equal('true');
    await until(() => deepActive()?.id === 'email', 2000, 'focus on the email field');
    expect($('[part~="submit-button"]')!.getAttribute('aria-disabled')).to.equal('false');
    expect($('[part~="retry-button"]')).to.equal(null);
    expect(el.step).to.equal('email');
    expect(($('#email') as HTMLInputElement).value).to.equal('jane.doe@');
    expect(calls).to.deep.equal([]);
  });
});
