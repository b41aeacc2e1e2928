import { expect } from '@open-wc/testing';
import { adapterError } from '../../../src/adapter/errors.js';
import type { DelegateSummary } from '../../../src/adapter/types.js';
import {
  addDelegateTransition as next,
  initialAddDelegate,
  serverFieldErrors,
} from '../../../src/elements/add-delegate/add-delegate.machine.js';

const delegate: DelegateSummary = {
  id: 'd1',
  username: 'janedoe01',
  email: 'jane@example.com',
  firstName: 'Jane',
  lastName: 'Doe',
  mobile: '+13125550101',
  states: ['IL'],
  language: 'en',
  status: 'invited',
  createdAt: 0,
};

describe('add-delegate.machine', () => {
  it('starts on an idle form', () => {
    expect(initialAddDelegate()).to.deep.equal({
      step: 'form',
      pending: false,
      error: null,
      serverErrors: {},
    });
  });

  it('SUBMIT → pending; a second SUBMIT is ignored (no double submit)', () => {
    const p = next(initialAddDelegate(), { type: 'SUBMIT' });
    expect(p).to.deep.equal({ step: 'form', pending: true, error: null, serverErrors: {} });
    expect(next(p, { type: 'SUBMIT' })).to.equal(p);
  });

  it('CANCEL while pending ends the pending state (no spinner outlives the aborted call)', () => {
    const p = next(initialAddDelegate(), { type: 'SUBMIT' });
    const c = next(p, { type: 'CANCEL' });
    expect(c).to.deep.equal({ step: 'form', pending: false, error: null, serverErrors: {} });
    expect(next(c, { type: 'SUBMIT_OK', delegate }), 'a late answer is ignored').to.equal(c);
    expect(next(initialAddDelegate(), { type: 'CANCEL' })).to.deep.equal(initialAddDelegate());
  });

  it('SUBMIT_OK → done with the delegate', () => {
    const p = next(initialAddDelegate(), { type: 'SUBMIT' });
    expect(next(p, { type: 'SUBMIT_OK', delegate })).to.deep.equal({ step: 'done', delegate });
  });

  it('SUBMIT_FAIL USERNAME_TAKEN marks Username', () => {
    const err = adapterError('USERNAME_TAKEN', { field: 'username' });
    const s = next(next(initialAddDelegate(), { type: 'SUBMIT' }), {
      type: 'SUBMIT_FAIL',
      error: err,
    });
    expect(s).to.deep.equal({
      step: 'form',
      pending: false,
      error: err,
      serverErrors: { username: 'taken' },
    });
  });

  it('SUBMIT_FAIL VALIDATION maps known fields only', () => {
    const err = adapterError('VALIDATION', {
      fields: { email: 'invalid-email', states: 'not-allowed', bogus: 'required' },
    });
    const s = next(next(initialAddDelegate(), { type: 'SUBMIT' }), {
      type: 'SUBMIT_FAIL',
      error: err,
    });
    expect(s.step === 'form' && s.serverErrors).to.deep.equal({
      email: 'invalid-email',
      states: 'not-allowed',
    });
  });

  it('SUBMIT_FAIL NETWORK keeps the form with a retryable error and no field errors', () => {
    const err = adapterError('NETWORK');
    const s = next(next(initialAddDelegate(), { type: 'SUBMIT' }), {
      type: 'SUBMIT_FAIL',
      error: err,
    });
    expect(s).to.deep.equal({ step: 'form', pending: false, error: err, serverErrors: {} });
    expect(next(s, { type: 'SUBMIT' })).to.include({ pending: true, error: null });
  });

  it('a new SUBMIT clears the previous errors', () => {
    const err = adapterError('USERNAME_TAKEN', { field: 'username' });
    const failed = next(next(initialAddDelegate(), { type: 'SUBMIT' }), {
      type: 'SUBMIT_FAIL',
      error: err,
    });
    expect(next(failed, { type: 'SUBMIT' })).to.deep.equal({
      step: 'form',
      pending: true,
      error: null,
      serverErrors: {},
    });
  });

  it('results without a pending call are ignored', () => {
    const s = initialAddDelegate();
    expect(next(s, { type: 'SUBMIT_OK', delegate })).to.equal(s);
    expect(next(s, { type: 'SUBMIT_FAIL', error: adapterError('NETWORK') })).to.equal(s);
  });

  it('EDIT clears that field’s adapter error only', () => {
    const err = adapterError('VALIDATION', {
      fields: { email: 'invalid-email', mobile: 'invalid-phone' },
    });
    const failed = next(next(initialAddDelegate(), { type: 'SUBMIT' }), {
      type: 'SUBMIT_FAIL',
      error: err,
    });
    const s = next(failed, { type: 'EDIT', field: 'email' });
    expect(s.step === 'form' && s.serverErrors).to.deep.equal({ mobile: 'invalid-phone' });
    expect(next(s, { type: 'EDIT', field: 'username' })).to.equal(s);
  });

  it('done ignores everything but RESET; RESET returns to an empty form', () => {
    const done = next(next(initialAddDelegate(), { type: 'SUBMIT' }), {
      type: 'SUBMIT_OK',
      delegate,
    });
    expect(next(done, { type: 'SUBMIT' })).to.equal(done);
    expect(next(done, { type: 'EDIT', field: 'email' })).to.equal(done);
    expect(next(done, { type: 'RESET' })).to.deep.equal(initialAddDelegate());
    const pending = next(initialAddDelegate(), { type: 'SUBMIT' });
    expect(next(pending, { type: 'RESET' })).to.deep.equal(initialAddDelegate());
  });

  it('serverFieldErrors ignores other codes', () => {
    expect(serverFieldErrors(adapterError('FORBIDDEN'))).to.deep.equal({});
  });
});
