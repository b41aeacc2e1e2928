/**
 * A lost chunk of Forgot Username (`forgot-username.steps.ts`: the email check and the "sent"
 * step, which Send Email waits for) is an ordinary retryable failure: no error is claimed
 * unchecked, the message with Try again on the email step, the address kept, no email sent; Try
 * again checks, sends and shows the step once the network is back.
 * (A file of its own: a fresh page where the chunk has not been loaded yet;
 * `lost-chunk-forgot-username-checks.test.ts` has Try again with an address the check refuses.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/forgot-username/pep-forgot-username.js';
import type { PepForgotUsername } from '../../src/elements/forgot-username/pep-forgot-username.js';
import { typeInto, until } from '../elements/add-delegate/fixtures.js';
import { fakeAdapter } from '../elements/forgot-username/fake-adapter.js';
import { expectNetworkFailure, failRequests } from './lost-chunk.js';

const EMAIL = 'jane.doe@example.com';

describe('<pep-forgot-username> when its later chunk cannot be fetched', () => {
  afterEach(() => failRequests(null));

  it('Send Email fails retryably (nothing sent, address kept); Try again checks, sends once and shows it', async () => {
    await failRequests('*forgot-username.steps.ts*');
    const { adapter, calls } = fakeAdapter({
      forgotUsername: () => Promise.resolve({ resendAvailableAt: Date.now() + 60_000 }),
    });
    const el = await fixture<PepForgotUsername>(
      html`<pep-forgot-username .adapter=${adapter}></pep-forgot-username>`,
    );
    const $ = (sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
    await el.updateComplete;
    // Without the check, leaving the field claims no error.
    typeInto(el, '#email', 'jane.doe@', true);
    await el.updateComplete;
    expect($('#email-error')!.textContent).to.equal('');
    expect($('#email')!.getAttribute('aria-invalid')).to.equal('false');
    typeInto(el, '#email', EMAIL);
    await el.updateComplete;
    $('[part~="submit-button"]')!.click();
    await expectNetworkFailure(el);
    expect($('[part~="submit-button"]')!.getAttribute('aria-disabled')).to.equal('false');
    expect(el.step).to.equal('email');
    expect(($('#email') as HTMLInputElement).value).to.equal(EMAIL);
    expect(calls).to.deep.equal([]);

    // Back online: Try again shows it works while the check loads, then checks and sends.
    await failRequests(null);
    $('[part~="retry-button"]')!.click();
    await el.updateComplete;
    expect($('[part~="submit-button"]')!.getAttribute('aria-disabled')).to.equal('true');
    expect($('[part~="submit-button"] .spinner')).to.not.equal(null);
    await until(() => el.step === 'sent', 4000, 'the "sent" step');
    await el.updateComplete;
    expect($('[part~="confirmation"]')!.textContent).to.contain(EMAIL);
    expect($('[part~="countdown"]')!.textContent).to.contain('You can resend the email in 1:00');
    expect($('[part~="retry-button"]')).to.equal(null);
    expect(calls).to.deep.equal([{ method: 'forgotUsername', input: { email: EMAIL } }]);
  });
});
