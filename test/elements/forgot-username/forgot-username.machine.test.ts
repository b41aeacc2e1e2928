import { expect } from '@open-wc/testing';
import { adapterError } from '../../../src/adapter/errors.js';
import {
  forgotUsernameTransition as transition,
  initialForgotUsernameState,
  type ForgotUsernameState,
} from '../../../src/elements/forgot-username/forgot-username.machine.js';

const typed = transition(initialForgotUsernameState, { type: 'INPUT', email: ' a@example.com ' });
const submitting = transition(typed, { type: 'SUBMIT' });
const sent = transition(submitting, { type: 'SENT', resendAvailableAt: 60_000 });

describe('forgot-username machine', () => {
  it('starts at the email step with nothing typed', () => {
    expect(initialForgotUsernameState).to.deep.equal({
      step: 'email',
      email: '',
      submitting: false,
    });
  });

  it('records typing, and ignores it while submitting', () => {
    expect(typed).to.include({ step: 'email', email: ' a@example.com ' });
    expect(transition(submitting, { type: 'INPUT', email: 'x' })).to.equal(submitting);
  });

  it('SUBMIT sets submitting once and clears a previous error', () => {
    const failed = transition(submitting, { type: 'FAILED', error: adapterError('NETWORK') });
    expect(failed).to.include({ step: 'email', submitting: false });
    expect(failed.step === 'email' && failed.error?.code).to.equal('NETWORK');
    const again = transition(failed, { type: 'SUBMIT' });
    expect(again).to.deep.equal({
      step: 'email',
      email: ' a@example.com ',
      submitting: true,
      error: undefined,
    });
    expect(transition(again, { type: 'SUBMIT' })).to.equal(again);
  });

  it('SENT moves to the confirmation with the trimmed email and the throttle time', () => {
    expect(sent).to.deep.equal({
      step: 'sent',
      email: 'a@example.com',
      resendAvailableAt: 60_000,
      resending: false,
      resent: 0,
    });
  });

  it('ignores SENT and FAILED when nothing is in flight', () => {
    expect(transition(typed, { type: 'SENT', resendAvailableAt: 1 })).to.equal(typed);
    expect(transition(typed, { type: 'FAILED', error: adapterError('TIMEOUT') })).to.equal(typed);
    expect(transition(sent, { type: 'SENT', resendAvailableAt: 1 })).to.equal(sent);
    expect(transition(sent, { type: 'FAILED', error: adapterError('TIMEOUT') })).to.equal(sent);
  });

  it('RESEND is refused before resendAvailableAt and accepted from it', () => {
    expect(transition(sent, { type: 'RESEND', now: 59_999 })).to.equal(sent);
    const resending = transition(sent, { type: 'RESEND', now: 60_000 });
    expect(resending).to.include({ step: 'sent', resending: true });
    expect(transition(resending, { type: 'RESEND', now: 90_000 })).to.equal(resending);
  });

  it('a successful resend counts and moves the throttle', () => {
    const resending = transition(sent, { type: 'RESEND', now: 60_000 });
    const resent = transition(resending, { type: 'SENT', resendAvailableAt: 120_000 });
    expect(resent).to.include({
      step: 'sent',
      resending: false,
      resendAvailableAt: 120_000,
      resent: 1,
    });
  });

  it('RATE_LIMITED on resend moves the throttle to retryAfter and shows the error', () => {
    const resending = transition(sent, { type: 'RESEND', now: 60_000 });
    const limited = transition(resending, {
      type: 'FAILED',
      error: adapterError('RATE_LIMITED', { retryAfter: 300_000 }),
    }) as Extract<ForgotUsernameState, { step: 'sent' }>;
    expect(limited.resendAvailableAt).to.equal(300_000);
    expect(limited.resending).to.equal(false);
    expect(limited.error?.code).to.equal('RATE_LIMITED');
  });

  it('another failure on resend keeps the throttle and shows the error', () => {
    const resending = transition(sent, { type: 'RESEND', now: 60_000 });
    const failed = transition(resending, { type: 'FAILED', error: adapterError('UNAVAILABLE') });
    expect(failed).to.include({ step: 'sent', resendAvailableAt: 60_000, resending: false });
  });

  it('RATE_LIMITED on the first send stays on the email step with the error', () => {
    const failed = transition(submitting, {
      type: 'FAILED',
      error: adapterError('RATE_LIMITED', { retryAfter: 5 }),
    });
    expect(failed.step).to.equal('email');
    expect(failed.step === 'email' && failed.error?.code).to.equal('RATE_LIMITED');
  });

  it('CHANGE_EMAIL goes back keeping the address, but not while resending', () => {
    expect(transition(sent, { type: 'CHANGE_EMAIL' })).to.deep.equal({
      step: 'email',
      email: 'a@example.com',
      submitting: false,
    });
    const resending = transition(sent, { type: 'RESEND', now: 60_000 });
    expect(transition(resending, { type: 'CHANGE_EMAIL' })).to.equal(resending);
    expect(transition(typed, { type: 'CHANGE_EMAIL' })).to.equal(typed);
  });
});
