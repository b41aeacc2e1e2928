import { expect } from '@open-wc/testing';
import { adapterError } from '../../../src/adapter/errors.js';
import type { CodeSent, PasswordFlow } from '../../../src/adapter/types.js';
import {
  initialPasswordFlow,
  passwordFlowStepNumber,
  passwordFlowTransition as transition,
  type PasswordFlowEvent as ForgotPasswordEvent,
  type PasswordFlowState as ForgotPasswordState,
} from '../../../src/shared/password-flow.machine.js';

/** Forgot Password runs the password-flow machine with purpose `reset`. */
const initialForgotPasswordState = () => initialPasswordFlow('reset');

const flow: PasswordFlow = {
  flowId: 'f1',
  destinations: [
    { channel: 'email', masked: 'xxxxdoe@example.com' },
    { channel: 'sms', masked: 'xxxxxx0101' },
  ],
};
const sent: CodeSent = {
  channel: 'sms',
  masked: 'xxxxxx0101',
  expiresAt: 600_000,
  resendAvailableAt: 30_000,
};

function run(...events: ForgotPasswordEvent[]): ForgotPasswordState {
  let state: ForgotPasswordState = initialForgotPasswordState();
  for (const e of events) state = transition(state, e);
  return state;
}

const choose = run(
  { type: 'FIND', username: 'janedoe1' },
  { type: 'FIND_OK', username: 'janedoe1', flow },
);
const code = run(
  { type: 'FIND', username: 'janedoe1' },
  { type: 'FIND_OK', username: 'janedoe1', flow },
  { type: 'SELECT_CHANNEL', channel: 'sms' },
  { type: 'SEND' },
  { type: 'SEND_OK', sent },
);
const password = transition(transition(code, { type: 'VERIFY' }), { type: 'VERIFY_OK' });

describe('forgot-password machine (shared password flow, purpose reset)', () => {
  it('starts at Find Account with purpose reset', () => {
    expect(initialForgotPasswordState()).to.deep.equal({
      step: 'find',
      purpose: 'reset',
      pending: false,
      error: null,
    });
  });

  it('numbers the steps 1–4 of 4', () => {
    expect(
      ['find', 'choose', 'code', 'password', 'done'].map((s) => passwordFlowStepNumber(s as never)),
    ).to.deep.equal([1, 2, 3, 4, null]);
  });

  it('Find Account → choose, email first; a failure stays with the error', () => {
    expect(choose).to.include({
      step: 'choose',
      channel: 'email',
      username: 'janedoe1',
      pending: false,
    });
    const failed = run(
      { type: 'FIND', username: 'x' },
      { type: 'FIND_FAIL', error: adapterError('NETWORK') },
    );
    expect(failed).to.include({ step: 'find', pending: false });
    expect(failed.error?.code).to.equal('NETWORK');
  });

  it('choose: select text message, Send Code → code step by that channel', () => {
    expect(code).to.include({ step: 'code', channel: 'sms', resending: false, codeVoid: false });
  });

  it('choose: BACK returns to Find Account', () => {
    expect(transition(choose, { type: 'BACK' })).to.deep.equal(initialForgotPasswordState());
  });

  it('code: wrong code keeps the step with CODE_INVALID; CODE_ATTEMPTS_EXCEEDED voids the code', () => {
    const verifying = transition(code, { type: 'VERIFY' });
    const wrong = transition(verifying, {
      type: 'VERIFY_FAIL',
      error: adapterError('CODE_INVALID', { attemptsLeft: 4 }),
    });
    expect(wrong).to.include({ step: 'code', pending: false, codeVoid: false });
    expect(wrong.error?.code).to.equal('CODE_INVALID');
    const exceeded = transition(transition(wrong, { type: 'VERIFY' }), {
      type: 'VERIFY_FAIL',
      error: adapterError('CODE_ATTEMPTS_EXCEEDED'),
    });
    expect(exceeded).to.include({ codeVoid: true });
  });

  it('code: resend it by the same method; a new code clears the void', () => {
    const expired = transition(code, { type: 'CODE_EXPIRED' });
    expect(expired).to.include({ codeVoid: true });
    const resending = transition(expired, { type: 'RESEND' });
    expect(resending).to.include({ resending: true });
    expect(transition(resending, { type: 'VERIFY' })).to.equal(resending);
    const again = transition(resending, {
      type: 'RESEND_OK',
      sent: { ...sent, expiresAt: 900_000 },
    });
    expect(again).to.include({
      step: 'code',
      channel: 'sms',
      resent: true,
      codeVoid: false,
      resending: false,
    });
  });

  it('code: a rate-limited resend keeps the step with the error', () => {
    const failed = transition(transition(code, { type: 'RESEND' }), {
      type: 'RESEND_FAIL',
      error: adapterError('RATE_LIMITED', { retryAfter: 1 }),
    });
    expect(failed).to.include({ step: 'code', resending: false });
    expect(failed.error?.code).to.equal('RATE_LIMITED');
  });

  it('code: FLOW_EXPIRED starts over at Find Account with the reason', () => {
    const expired = transition(transition(code, { type: 'VERIFY' }), {
      type: 'VERIFY_FAIL',
      error: adapterError('FLOW_EXPIRED'),
    });
    expect(expired).to.include({ step: 'find', purpose: 'reset' });
    expect(expired.error?.code).to.equal('FLOW_EXPIRED');
  });

  it('code: BACK returns to choose keeping the channel', () => {
    expect(transition(code, { type: 'BACK' })).to.include({ step: 'choose', channel: 'sms' });
  });

  it('password: Step 4 of 4; PASSWORD_REUSED stays with the error; SET_OK → done', () => {
    expect(password).to.include({ step: 'password', username: 'janedoe1' });
    const reused = transition(transition(password, { type: 'SET_PASSWORD' }), {
      type: 'SET_FAIL',
      error: adapterError('PASSWORD_REUSED', { historySize: 10 }),
    });
    expect(reused).to.include({ step: 'password', pending: false });
    expect(reused.error?.code).to.equal('PASSWORD_REUSED');
    const done = transition(transition(reused, { type: 'SET_PASSWORD' }), { type: 'SET_OK' });
    expect(done).to.deep.equal({
      step: 'done',
      purpose: 'reset',
      username: 'janedoe1',
      pending: false,
      error: null,
    });
    expect(transition(done, { type: 'BACK' })).to.equal(done);
  });

  it('ignores results when nothing is pending (no double submit)', () => {
    expect(transition(choose, { type: 'SEND_OK', sent })).to.equal(choose);
    const sending = transition(choose, { type: 'SEND' });
    expect(transition(sending, { type: 'SEND' })).to.equal(sending);
    expect(transition(password, { type: 'SET_OK' })).to.equal(password);
  });
});
