import { expect } from '@open-wc/testing';
import { adapterError } from '../../../src/adapter/errors.js';
import {
  initialVerifyEmail,
  linkProblem,
  verifyEmailTransition as next,
  type VerifyEmailState,
} from '../../../src/elements/verify-email/verify-email.machine.js';

const verifying: VerifyEmailState = { step: 'verifying', token: 'tok' };

describe('verify-email.machine', () => {
  it('START with a token → verifying (trimmed)', () => {
    expect(next(initialVerifyEmail(), { type: 'START', token: ' tok ' })).to.deep.equal(verifying);
  });
  it('START without a token → LINK_INVALID page', () => {
    for (const token of [null, '', '  ']) {
      const s = next(initialVerifyEmail(), { type: 'START', token });
      expect(s.step).to.equal('failed');
      expect(s.step === 'failed' && s.error.code).to.equal('LINK_INVALID');
    }
  });
  it('OK → verified with the username', () => {
    expect(next(verifying, { type: 'OK', username: 'janedoe01' })).to.deep.equal({
      step: 'verified',
      username: 'janedoe01',
    });
  });
  it('FAIL → failed with the error and the token kept for retry', () => {
    for (const code of ['LINK_EXPIRED', 'LINK_USED', 'LINK_INVALID', 'NETWORK'] as const) {
      const error = adapterError(code);
      expect(next(verifying, { type: 'FAIL', error })).to.deep.equal({
        step: 'failed',
        token: 'tok',
        error,
      });
    }
  });
  it('RETRY after a failure confirms the same token again', () => {
    const failed = next(verifying, { type: 'FAIL', error: adapterError('TIMEOUT') });
    expect(next(failed, { type: 'RETRY' })).to.deep.equal(verifying);
    const noToken = next(initialVerifyEmail(), { type: 'START', token: null });
    expect(next(noToken, { type: 'RETRY' })).to.equal(noToken);
  });
  it('a new START after a failure uses the new token', () => {
    const failed = next(verifying, { type: 'FAIL', error: adapterError('LINK_EXPIRED') });
    expect(next(failed, { type: 'START', token: 'tok2' })).to.deep.equal({
      step: 'verifying',
      token: 'tok2',
    });
  });
  it('ignores events that do not apply', () => {
    const verified = next(verifying, { type: 'OK', username: 'u' });
    expect(next(verified, { type: 'START', token: 'x' })).to.equal(verified);
    expect(next(verified, { type: 'FAIL', error: adapterError('NETWORK') })).to.equal(verified);
    expect(next(verified, { type: 'RETRY' })).to.equal(verified);
    expect(next(verifying, { type: 'START', token: 'x' })).to.equal(verifying);
    expect(next(verifying, { type: 'RETRY' })).to.equal(verifying);
    const idle = initialVerifyEmail();
    expect(next(idle, { type: 'OK', username: 'u' })).to.equal(idle);
    expect(next(idle, { type: 'FAIL', error: adapterError('NETWORK') })).to.equal(idle);
  });
  it('linkProblem picks the page', () => {
    expect(
      [
        'LINK_EXPIRED',
        'LINK_USED',
        'LINK_INVALID',
        'NETWORK',
        'TIMEOUT',
        'UNAVAILABLE',
        'FORBIDDEN',
      ].map((c) => linkProblem(adapterError(c as 'NETWORK'))),
    ).to.deep.equal(['expired', 'used', 'invalid', 'retry', 'retry', 'retry', 'other']);
  });
});
