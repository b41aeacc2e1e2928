/**
 * A lost chunk of Verify Email (`verify-email.steps.ts`: Email Verification Complete! and the
 * words of an expired or used link's page, loaded in parallel with `confirmEmail`) is an ordinary
 * retryable failure: the network message with Try again, never a stuck "Confirming…" page. The
 * link confirms once: Try again shows the confirmed result without asking again, and an
 * expired link's page once the network is back. (A file of its own: a fresh page where the
 * chunk has not been loaded yet.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/verify-email/pep-verify-email.js';
import type { PepVerifyEmail } from '../../src/elements/verify-email/pep-verify-email.js';
import { adapterError } from '../../src/adapter/errors.js';
import type { AuthAdapter } from '../../src/adapter/types.js';
import { until } from '../elements/add-delegate/fixtures.js';
import { fakeAdapter } from '../elements/forgot-username/fake-adapter.js';
import { expectNetworkFailure, failRequests } from './lost-chunk.js';

const CHUNK = '*verify-email.steps.ts*';

async function failedToShow(adapter: AuthAdapter, token: string): Promise<PepVerifyEmail> {
  const el = await fixture<PepVerifyEmail>(
    html`<pep-verify-email .token=${token} .adapter=${adapter}></pep-verify-email>`,
  );
  await expectNetworkFailure(el);
  expect(el.step).to.equal('failed');
  expect(el.shadowRoot!.querySelector('h2')!.textContent).to.contain(
    'We could not confirm your email address',
  );
  return el;
}

const retry = (el: PepVerifyEmail) =>
  el.shadowRoot!.querySelector<HTMLElement>('[part~="retry-button"]')!.click();

describe('lost chunk of Verify Email', () => {
  afterEach(() => failRequests(null));

  it('the result cannot be shown → Try again, then it shows (the link is not confirmed twice)', async () => {
    await failRequests(CHUNK);
    const confirmed = fakeAdapter({
      confirmEmail: () => Promise.resolve({ username: 'janedoe01' }),
    });
    const expired = fakeAdapter({
      confirmEmail: () => Promise.reject(adapterError('LINK_EXPIRED')),
    });
    let verified = 0;
    const count = () => verified++;
    document.addEventListener('pep-email-verified', count);
    const elConfirmed = await failedToShow(confirmed.adapter, 'tok-ok');
    const elExpired = await failedToShow(expired.adapter, 'tok-old');
    expect(verified, 'no pep-email-verified without its page').to.equal(0);
    expect(confirmed.calls.map((c) => c.method)).to.deep.equal(['confirmEmail']);

    await failRequests(null);
    retry(elConfirmed);
    await until(() => elConfirmed.step === 'verified', 4000, 'Email Verification Complete!');
    await elConfirmed.updateComplete;
    expect(elConfirmed.shadowRoot!.querySelector('h2')!.textContent).to.contain(
      'Email Verification Complete!',
    );
    expect(elConfirmed.shadowRoot!.querySelector('[part~="submit-button"]')).to.exist;
    expect(
      confirmed.calls.map((c) => c.method),
      'confirmed once',
    ).to.deep.equal(['confirmEmail']);
    expect(verified).to.equal(1);
    document.removeEventListener('pep-email-verified', count);

    retry(elExpired);
    await until(
      () => elExpired.shadowRoot!.querySelector('h2')!.textContent!.includes('expired'),
      4000,
      "the expired link's page",
    );
    expect(elExpired.shadowRoot!.querySelector('h2')!.textContent).to.contain(
      'This link has expired',
    );
    expect(elExpired.shadowRoot!.querySelector('[part~="retry-button"]')).to.equal(null);
  });
});
