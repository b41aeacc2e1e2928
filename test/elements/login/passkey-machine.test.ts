/**
 * The passkey states and events of `login.machine` (issue 21): Log in with a passkey and passkey
 * autofill on the credentials step, and the offer to create a passkey after a password sign-in.
 * Every new event is tried in every state.
 */
import { expect } from '@open-wc/testing';
import { adapterError } from '../../../src/adapter/errors.js';
import type { PendingLogin, Session } from '../../../src/adapter/types.js';
import {
  initialLoginState,
  transition,
  type LoginEvent,
  type LoginState,
  type PasskeyFailure,
} from '../../../src/elements/login/login.machine.js';

const session: Session = {
  user: {
    username: 'dana0001',
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

const pending: PendingLogin = {
  pendingId: 'p1',
  username: 'dana0001',
  mustEnrollPattern: false,
  sampleText: 'Go home',
  sampleLang: 'en',
  options: [{ method: 'email', masked: 'd•••@e•••.com', available: true }],
  expiresAt: 10,
};

const cancelled: PasskeyFailure = { kind: 'webauthn', reason: 'cancelled' };
const unknown: PasskeyFailure = { kind: 'adapter', error: adapterError('PASSKEY_UNKNOWN') };

const idle: LoginState = initialLoginState;
const failedPassword: LoginState = {
  step: 'credentials',
  submitting: false,
  error: adapterError('INVALID_CREDENTIALS'),
};
const failedPasskey: LoginState = {
  step: 'credentials',
  submitting: false,
  passkeyFailure: unknown,
};
const submitting: LoginState = { step: 'credentials', submitting: true };
const viaButton: LoginState = { step: 'credentials', submitting: false, passkey: 'button' };
const viaAutofill: LoginState = { step: 'credentials', submitting: false, passkey: 'autofill' };
const enroll: LoginState = { step: 'enroll', pending: { ...pending, mustEnrollPattern: true } };
const verify: LoginState = { step: 'verify', pending };
const offer: LoginState = { step: 'offer', session };
const done: LoginState = { step: 'done', session };

const every = {
  idle,
  failedPassword,
  failedPasskey,
  submitting,
  viaButton,
  viaAutofill,
  enroll,
  verify,
  offer,
  done,
};

/** `event` leaves every state not in `changes` exactly as it was (the same object). */
function expectOnly(event: LoginEvent, changes: Partial<Record<keyof typeof every, LoginState>>) {
  for (const [name, state] of Object.entries(every) as [keyof typeof every, LoginState][]) {
    const expected = changes[name];
    const next = transition(state, event);
    if (expected) expect(next, `${event.type} from ${name}`).to.deep.equal(expected);
    else expect(next, `${event.type} from ${name}: unchanged`).to.equal(state);
  }
}

describe('login.machine: passkeys', () => {
  it('PASSKEY_START starts a passkey sign-in from the idle form only, clearing the last failure', () => {
    expectOnly(
      { type: 'PASSKEY_START', via: 'button' },
      { idle: viaButton, failedPassword: viaButton, failedPasskey: viaButton },
    );
    expectOnly(
      { type: 'PASSKEY_START', via: 'autofill' },
      { idle: viaAutofill, failedPassword: viaAutofill, failedPasskey: viaAutofill },
    );
  });

  it('SUBMIT (the password) is ignored while a passkey sign-in runs, and clears a passkey failure', () => {
    expect(transition(viaButton, { type: 'SUBMIT' })).to.equal(viaButton);
    expect(transition(viaAutofill, { type: 'SUBMIT' })).to.equal(viaAutofill);
    expect(transition(failedPasskey, { type: 'SUBMIT' })).to.deep.equal(submitting);
  });

  it('PASSKEY_SIGNED_IN ends like a verified login: done, no verification, no offer', () => {
    expectOnly({ type: 'PASSKEY_SIGNED_IN', session }, { viaButton: done, viaAutofill: done });
  });

  it('PASSKEY_FAILED keeps the form with the failure; only a running passkey sign-in fails', () => {
    for (const failure of [cancelled, unknown]) {
      const failed: LoginState = {
        step: 'credentials',
        submitting: false,
        passkeyFailure: failure,
      };
      expectOnly({ type: 'PASSKEY_FAILED', failure }, { viaButton: failed, viaAutofill: failed });
    }
  });

  it('PASSKEY_ABORTED goes back to the idle form without a message', () => {
    expectOnly({ type: 'PASSKEY_ABORTED' }, { viaButton: idle, viaAutofill: idle });
  });

  it('the password answers are ignored while a passkey sign-in runs', () => {
    for (const state of [viaButton, viaAutofill]) {
      expect(transition(state, { type: 'AUTHENTICATED', session })).to.equal(state);
      expect(transition(state, { type: 'VERIFICATION_REQUIRED', pending })).to.equal(state);
      expect(
        transition(state, { type: 'FAILED', error: adapterError('INVALID_CREDENTIALS') }),
      ).to.equal(state);
    }
  });

  it('AUTHENTICATED (remembered device) with offerPasskey shows the offer first', () => {
    expectOnly({ type: 'AUTHENTICATED', session, offerPasskey: true }, { submitting: offer });
    expectOnly({ type: 'AUTHENTICATED', session, offerPasskey: false }, { submitting: done });
  });

  it('VERIFIED with offerPasskey shows the offer first', () => {
    expectOnly({ type: 'VERIFIED', session, offerPasskey: true }, { verify: offer });
    expectOnly({ type: 'VERIFIED', session, offerPasskey: false }, { verify: done });
    expectOnly({ type: 'VERIFIED', session }, { verify: done });
  });

  it('OFFER_DONE ends the offer: done with the same session', () => {
    expectOnly({ type: 'OFFER_DONE' }, { offer: done });
  });

  it('the offer step ignores everything else; RESTART and RESET leave it', () => {
    const others: LoginEvent[] = [
      { type: 'SUBMIT' },
      { type: 'AUTHENTICATED', session },
      { type: 'VERIFICATION_REQUIRED', pending },
      { type: 'FAILED', error: adapterError('NETWORK') },
      { type: 'PATTERN_ENROLLED', pending },
      { type: 'VERIFIED', session, offerPasskey: true },
      { type: 'PASSKEY_START', via: 'button' },
      { type: 'PASSKEY_SIGNED_IN', session },
      { type: 'PASSKEY_FAILED', failure: cancelled },
      { type: 'PASSKEY_ABORTED' },
    ];
    for (const event of others) expect(transition(offer, event), event.type).to.equal(offer);
    const expired = adapterError('FLOW_EXPIRED');
    expect(transition(offer, { type: 'RESTART', error: expired })).to.deep.equal({
      step: 'credentials',
      submitting: false,
      error: expired,
    });
    expect(transition(offer, { type: 'RESTART' })).to.equal(initialLoginState);
    expect(transition(offer, { type: 'RESET' })).to.equal(initialLoginState);
  });

  it('RESET abandons a passkey sign-in or its failure', () => {
    expect(transition(viaButton, { type: 'RESET' })).to.equal(initialLoginState);
    expect(transition(viaAutofill, { type: 'RESET' })).to.equal(initialLoginState);
    expect(transition(failedPasskey, { type: 'RESET' })).to.equal(initialLoginState);
  });

  it('RESTART is ignored on the credentials step, a passkey sign-in included', () => {
    for (const state of [viaButton, viaAutofill, failedPasskey])
      expect(transition(state, { type: 'RESTART' })).to.equal(state);
  });
});
