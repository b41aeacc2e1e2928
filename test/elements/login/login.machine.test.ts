import { expect } from '@open-wc/testing';
import { adapterError } from '../../../src/adapter/errors.js';
import type { PendingLogin, Session } from '../../../src/adapter/types.js';
import {
  initialLoginState,
  transition,
  type LoginState,
} from '../../../src/elements/login/login.machine.js';

const session: Session = {
  user: {
    username: 'delegate01',
    firstName: 'Dana',
    lastName: 'Lee',
    email: 'dana@example.com',
    mobile: '+13125550101',
    states: ['IL'],
    role: 'delegate',
  },
  capabilities: {
    quote: true,
    onExchangeEnrollmentSso: true,
    medicareQuotingSso: true,
    manageDelegates: false,
    helpDesk: false,
  },
  issuedAt: 0,
  expiresAt: 1,
  idleExpiresAt: 1,
};

const pending = (mustEnrollPattern: boolean): PendingLogin => ({
  pendingId: 'p1',
  username: 'delegate01',
  mustEnrollPattern,
  sampleText: 'The quick brown fox',
  sampleLang: 'en',
  options: [{ method: 'email', masked: 'xxxxna@example.com', available: true }],
  expiresAt: 10,
});

const submitting: LoginState = { step: 'credentials', submitting: true };

describe('login.machine', () => {
  it('starts at the credentials step, not submitting', () => {
    expect(initialLoginState).to.deep.equal({ step: 'credentials', submitting: false });
  });

  it('SUBMIT starts submitting and clears the previous error; a second SUBMIT is ignored', () => {
    const failed: LoginState = {
      step: 'credentials',
      submitting: false,
      error: adapterError('INVALID_CREDENTIALS'),
    };
    expect(transition(failed, { type: 'SUBMIT' })).to.deep.equal(submitting);
    expect(transition(submitting, { type: 'SUBMIT' })).to.equal(submitting);
  });

  it('AUTHENTICATED (remembered device) goes straight to done', () => {
    expect(transition(submitting, { type: 'AUTHENTICATED', session })).to.deep.equal({
      step: 'done',
      session,
    });
  });

  it('VERIFICATION_REQUIRED goes to enroll on first login, else to verify', () => {
    expect(
      transition(submitting, { type: 'VERIFICATION_REQUIRED', pending: pending(true) }),
    ).to.deep.equal({
      step: 'enroll',
      pending: pending(true),
    });
    expect(
      transition(submitting, { type: 'VERIFICATION_REQUIRED', pending: pending(false) }),
    ).to.deep.equal({
      step: 'verify',
      pending: pending(false),
    });
  });

  it('FAILED keeps the credentials step with the error (invalid, locked, network)', () => {
    for (const error of [
      adapterError('INVALID_CREDENTIALS'),
      adapterError('ACCOUNT_LOCKED', { unlocksAt: 5 }),
      adapterError('NETWORK'),
    ]) {
      expect(transition(submitting, { type: 'FAILED', error })).to.deep.equal({
        step: 'credentials',
        submitting: false,
        error,
      });
    }
  });

  it('UNLOCKED replaces a lockout with "unlocked"; anything else ignores it', () => {
    const locked: LoginState = {
      step: 'credentials',
      submitting: false,
      error: adapterError('ACCOUNT_LOCKED', { unlocksAt: 5 }),
    };
    const unlocked = transition(locked, { type: 'UNLOCKED' });
    expect(unlocked).to.deep.equal({ step: 'credentials', submitting: false, unlocked: true });
    // The next Log In drops it.
    expect(transition(unlocked, { type: 'SUBMIT' })).to.deep.equal(submitting);
    const wrong = transition(submitting, {
      type: 'FAILED',
      error: adapterError('INVALID_CREDENTIALS'),
    });
    for (const state of [
      initialLoginState,
      submitting,
      wrong,
      { step: 'verify', pending: pending(false) },
    ] as LoginState[])
      expect(transition(state, { type: 'UNLOCKED' })).to.equal(state);
  });

  it('adapter results that arrive when not submitting are ignored', () => {
    const idle = initialLoginState;
    expect(transition(idle, { type: 'AUTHENTICATED', session })).to.equal(idle);
    expect(transition(idle, { type: 'VERIFICATION_REQUIRED', pending: pending(false) })).to.equal(
      idle,
    );
    expect(transition(idle, { type: 'FAILED', error: adapterError('NETWORK') })).to.equal(idle);
  });

  it('credentials ignores events of later steps', () => {
    expect(transition(submitting, { type: 'PATTERN_ENROLLED', pending: pending(false) })).to.equal(
      submitting,
    );
    expect(transition(submitting, { type: 'VERIFIED', session })).to.equal(submitting);
    expect(transition(submitting, { type: 'RESTART' })).to.equal(submitting);
  });

  it('RESET (reset()) goes to the empty form from every step, also while submitting', () => {
    const error = adapterError('NETWORK');
    const states: LoginState[] = [
      initialLoginState,
      submitting,
      { step: 'credentials', submitting: false, error },
      { step: 'enroll', pending: pending(true) },
      { step: 'verify', pending: pending(false) },
      { step: 'done', session },
    ];
    for (const s of states)
      expect(transition(s, { type: 'RESET' })).to.deep.equal(initialLoginState);
  });

  it('enroll: PATTERN_ENROLLED moves to verify with the new pending login', () => {
    const enroll: LoginState = { step: 'enroll', pending: pending(true) };
    expect(transition(enroll, { type: 'PATTERN_ENROLLED', pending: pending(false) })).to.deep.equal(
      {
        step: 'verify',
        pending: pending(false),
      },
    );
  });

  it('enroll: RESTART goes back to credentials (with or without a reason); other events ignored', () => {
    const enroll: LoginState = { step: 'enroll', pending: pending(true) };
    const error = adapterError('FLOW_EXPIRED');
    expect(transition(enroll, { type: 'RESTART' })).to.deep.equal(initialLoginState);
    expect(transition(enroll, { type: 'RESTART', error })).to.deep.equal({
      step: 'credentials',
      submitting: false,
      error,
    });
    expect(transition(enroll, { type: 'VERIFIED', session })).to.equal(enroll);
    expect(transition(enroll, { type: 'SUBMIT' })).to.equal(enroll);
  });

  it('verify: VERIFIED goes to done; RESTART back to credentials; others ignored', () => {
    const verify: LoginState = { step: 'verify', pending: pending(false) };
    expect(transition(verify, { type: 'VERIFIED', session })).to.deep.equal({
      step: 'done',
      session,
    });
    expect(transition(verify, { type: 'RESTART' })).to.deep.equal(initialLoginState);
    const error = adapterError('FLOW_EXPIRED');
    expect(transition(verify, { type: 'RESTART', error })).to.deep.equal({
      step: 'credentials',
      submitting: false,
      error,
    });
    expect(transition(verify, { type: 'PATTERN_ENROLLED', pending: pending(false) })).to.equal(
      verify,
    );
    expect(transition(verify, { type: 'SUBMIT' })).to.equal(verify);
  });

  it('done: only RESTART (log in again) leaves it', () => {
    const done: LoginState = { step: 'done', session };
    expect(transition(done, { type: 'SUBMIT' })).to.equal(done);
    expect(transition(done, { type: 'VERIFIED', session })).to.equal(done);
    expect(transition(done, { type: 'RESTART' })).to.deep.equal(initialLoginState);
  });
});
