import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { adapterError } from '../../../src/adapter/errors.js';
import '../../../src/elements/forgot-username/pep-forgot-username.js';
import type { PepForgotUsername } from '../../../src/elements/forgot-username/pep-forgot-username.js';
import { deferred, fakeAdapter } from '../../support/fake-adapter.js';

const T0 = Date.UTC(2026, 0, 5, 15, 0, 0);

async function setup(
  forgotUsername: (input: { email: string }) => Promise<{ resendAvailableAt: number }>,
) {
  const { adapter, calls } = fakeAdapter({ forgotUsername });
  let now = T0;
  const el = await fixture<PepForgotUsername>(
    html`<pep-forgot-username
      login-href="#/login"
      .adapter=${adapter}
      .now=${() => now}
    ></pep-forgot-username>`,
  );
  const $ = <E extends Element = HTMLElement>(sel: string) => el.shadowRoot!.querySelector<E>(sel)!;
  const type = async (value: string) => {
    const input = $<HTMLInputElement>('#email');
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
  };
  const settle = async () => {
    await new Promise((r) => setTimeout(r, 0));
    await el.updateComplete;
  };
  return {
    el,
    calls,
    $,
    type,
    settle,
    setNow: async (ms: number) => {
      now = ms;
      el.requestUpdate();
      await el.updateComplete;
    },
  };
}

const ok = () => Promise.resolve({ resendAvailableAt: T0 + 60_000 });

describe('<pep-forgot-username>', () => {
  it('is accessible', async () => {
    const { el } = await setup(ok);
    await expect(el).to.be.accessible();
  });

  it('shows the spec words: Send Email, the producer note and the help desk number', async () => {
    const { el, $ } = await setup(ok);
    expect($('[part="step-heading"]').textContent).to.contain('Forgot Username');
    expect($('[part="submit-button"]').textContent!.trim()).to.equal('Send Email');
    expect(el.shadowRoot!.textContent).to.contain('producer who added you');
    expect(el.shadowRoot!.textContent).to.contain('1-888-706-0583');
    expect($<HTMLInputElement>('#email').autocomplete).to.equal('email');
    expect($<HTMLAnchorElement>('a[part="link"]').getAttribute('href')).to.equal('#/login');
  });

  it('refuses an invalid email with a field error, focus on the field, and no adapter call', async () => {
    const { el, calls, $, type } = await setup(ok);
    await type('not-an-email');
    $<HTMLButtonElement>('[part="submit-button"]').click();
    await el.updateComplete;
    await el.updateComplete;
    const input = $<HTMLInputElement>('#email');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('email-error');
    expect($('#email-error').textContent).to.contain('valid email');
    expect(el.shadowRoot!.activeElement).to.equal(input);
    expect(calls).to.have.length(0);
    expect(input.value).to.equal('not-an-email');
    await expect(el).to.be.accessible();
  });

  it('requires an email', async () => {
    const { el, $ } = await setup(ok);
    $<HTMLButtonElement>('[part="submit-button"]').click();
    await el.updateComplete;
    expect($('#email-error').textContent).to.equal('Enter an email address.');
  });

  it('sends, then confirms with the same words for any address and focuses the heading', async () => {
    const { el, calls, $, type, settle } = await setup(ok);
    await type('  jane@example.com ');
    const sentEvent = oneEvent(el, 'pep-username-email-sent');
    const stepEvent = oneEvent(el, 'pep-step-change');
    $<HTMLButtonElement>('[part="submit-button"]').click();
    expect((await sentEvent).detail).to.deep.equal({ email: 'jane@example.com', resend: false });
    expect((await stepEvent).detail).to.deep.equal({ step: 'sent' });
    await settle();
    expect(calls).to.deep.equal([
      { method: 'forgotUsername', input: { email: 'jane@example.com' } },
    ]);
    expect(el.step).to.equal('sent');
    expect($('[part="confirmation"]').textContent!.trim()).to.equal(
      'If an account exists for jane@example.com, we sent an email to that address with your username.',
    );
    expect(el.shadowRoot!.activeElement).to.equal($('[data-step-heading]'));
    expect(el.shadowRoot!.textContent).to.contain('1-888-706-0583');
    expect(el.shadowRoot!.textContent).to.contain('producer who added you');
    await expect(el).to.be.accessible();
  });

  it('sends once per click while pending (no double submit)', async () => {
    const d = deferred<{ resendAvailableAt: number }>();
    const { el, calls, $, type, settle } = await setup(() => d.promise);
    await type('jane@example.com');
    const button = $<HTMLButtonElement>('[part="submit-button"]');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    button.click();
    $<HTMLFormElement>('form').requestSubmit();
    await el.updateComplete;
    expect(calls).to.have.length(1);
    d.resolve({ resendAvailableAt: T0 });
    await settle();
    expect(el.step).to.equal('sent');
  });

  it('keeps the typed email on a network failure and retries from the error region', async () => {
    let fail = true;
    const { el, calls, $, type, settle } = await setup(() =>
      fail ? Promise.reject(adapterError('NETWORK')) : ok(),
    );
    await type('jane@example.com');
    $<HTMLButtonElement>('[part="submit-button"]').click();
    await settle();
    expect($('[role="alert"]').textContent).to.contain('could not reach the server');
    expect($<HTMLInputElement>('#email').value).to.equal('jane@example.com');
    expect($('[part="submit-button"]').getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();
    fail = false;
    $<HTMLButtonElement>('[part="retry-button"]').click();
    await settle();
    expect(calls).to.have.length(2);
    expect(el.step).to.equal('sent');
  });

  it('Resend Email waits for the throttle with a countdown, then resends', async () => {
    let n = 0;
    const { el, calls, $, type, settle, setNow } = await setup(() =>
      Promise.resolve({ resendAvailableAt: T0 + 60_000 * ++n }),
    );
    await type('jane@example.com');
    $<HTMLButtonElement>('[part="submit-button"]').click();
    await settle();
    const resend = $<HTMLButtonElement>('[part="resend-button"]');
    expect(resend.getAttribute('aria-disabled')).to.equal('true');
    expect($('[part="countdown"]').textContent).to.contain('1:00');
    expect($('[part="countdown"]').closest('[aria-live],[role="status"],[role="alert"]')).to.equal(
      null,
    );
    resend.click();
    await settle();
    expect(calls).to.have.length(1);
    await setNow(T0 + 45_500);
    expect($('[part="countdown"]').textContent).to.contain('0:15');
    await setNow(T0 + 60_000);
    expect(resend.getAttribute('aria-disabled')).to.equal('false');
    expect($('[role="status"]').textContent).to.contain('You can resend the email now.');
    const ev = oneEvent(el, 'pep-username-email-sent');
    resend.click();
    expect((await ev).detail).to.deep.equal({ email: 'jane@example.com', resend: true });
    await settle();
    expect(calls).to.have.length(2);
    expect($('[role="status"]').textContent).to.contain('We sent the email again.');
    expect($('[part="countdown"]').textContent).to.contain('1:00');
    await expect(el).to.be.accessible();
  });

  it('RATE_LIMITED on resend shows when it can be used again', async () => {
    let n = 0;
    const { $, type, settle, setNow } = await setup(() =>
      ++n === 1
        ? Promise.resolve({ resendAvailableAt: T0 })
        : Promise.reject(adapterError('RATE_LIMITED', { retryAfter: T0 + 120_000 })),
    );
    await type('jane@example.com');
    $<HTMLButtonElement>('[part="submit-button"]').click();
    await settle();
    await setNow(T0 + 1);
    $<HTMLButtonElement>('[part="resend-button"]').click();
    await settle();
    expect($('[role="alert"]').textContent!.trim()).to.equal(
      'Too many attempts. Please try again in 2 minutes.',
    );
    expect($('[part="resend-button"]').getAttribute('aria-disabled')).to.equal('true');
    expect($('[part="countdown"]').textContent).to.contain('2:00');
  });

  it('goes back to change the email, keeping it', async () => {
    const { el, $, type, settle } = await setup(ok);
    await type('jane@example.com');
    $<HTMLButtonElement>('[part="submit-button"]').click();
    await settle();
    $<HTMLButtonElement>('[part="secondary-button"]').click();
    await settle();
    expect(el.step).to.equal('email');
    expect($<HTMLInputElement>('#email').value).to.equal('jane@example.com');
    expect(el.shadowRoot!.activeElement).to.equal($('[data-step-heading]'));
  });

  it('"Use a different email address" is aria-disabled while a resend is pending', async () => {
    let n = 0;
    const held = deferred<{ resendAvailableAt: number }>();
    const { el, $, type, settle, setNow } = await setup(() =>
      ++n === 1 ? Promise.resolve({ resendAvailableAt: T0 }) : held.promise,
    );
    await type('jane@example.com');
    $<HTMLButtonElement>('[part="submit-button"]').click();
    await settle();
    await setNow(T0 + 1);
    const change = () => $<HTMLButtonElement>('[part="secondary-button"]');
    expect(change().getAttribute('aria-disabled')).to.equal('false');
    $<HTMLButtonElement>('[part="resend-button"]').click();
    await settle();
    expect(change().getAttribute('aria-disabled')).to.equal('true');
    change().click();
    await settle();
    expect(el.step, 'the pending resend keeps the step').to.equal('sent');
    held.resolve({ resendAvailableAt: T0 + 60_000 });
    await settle();
    expect(change().getAttribute('aria-disabled')).to.equal('false');
  });

  it('can be completed with the keyboard only', async () => {
    const { el, calls, $, settle } = await setup(ok);
    $<HTMLInputElement>('#email').focus();
    await sendKeys({ type: 'kb@example.com' });
    await sendKeys({ press: 'Enter' });
    await settle();
    expect(calls).to.deep.equal([{ method: 'forgotUsername', input: { email: 'kb@example.com' } }]);
    expect(el.step).to.equal('sent');
  });
});
