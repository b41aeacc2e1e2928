import { expect } from '@open-wc/testing';
import { adapterError } from '../../../src/adapter/errors.js';
import type { DelegateSummary } from '../../../src/adapter/types.js';
import {
  controlApplies,
  initialMyDelegates,
  myDelegatesTransition,
  type MyDelegatesEvent,
  type MyDelegatesState,
} from '../../../src/elements/my-delegates/my-delegates.machine.js';

const d = (id: string, status: DelegateSummary['status'] = 'invited'): DelegateSummary => ({
  id,
  username: `user${id}xxxx`,
  email: `${id}@example.com`,
  firstName: 'A',
  lastName: id,
  mobile: '+13125550101',
  states: ['IL'],
  language: 'en',
  status,
  createdAt: 0,
});
const next = myDelegatesTransition;
const run = (s: MyDelegatesState, ...events: MyDelegatesEvent[]) => events.reduce(next, s);
const ready = (list = [d('1'), d('2', 'active'), d('3', 'locked')]) =>
  run(initialMyDelegates(), { type: 'LOAD_OK', delegates: list });

describe('my-delegates.machine', () => {
  it('starts loading with nothing open', () => {
    expect(initialMyDelegates()).to.deep.equal({
      list: 'loading',
      delegates: [],
      error: null,
      retry: null,
      dialogOpen: false,
      resendingId: null,
      confirming: null,
      notice: null,
    });
  });

  it('LOAD_OK → ready with the delegates (also an empty list)', () => {
    expect(ready().list).to.equal('ready');
    expect(ready().delegates).to.have.length(3);
    expect(ready([]).delegates).to.deep.equal([]);
  });

  it('LOAD_FAIL → failed with a LOAD retry; LOAD clears it and keeps the old list', () => {
    const err = adapterError('NETWORK');
    const failed = run(ready(), { type: 'LOAD' }, { type: 'LOAD_FAIL', error: err });
    expect(failed).to.include({ list: 'failed', error: err });
    expect(failed.retry).to.deep.equal({ type: 'LOAD' });
    expect(failed.delegates).to.have.length(3);
    const again = next(failed, { type: 'LOAD' });
    expect(again).to.include({ list: 'loading', error: null, retry: null });
  });

  it('load results when not loading are ignored', () => {
    const r = ready();
    expect(next(r, { type: 'LOAD_OK', delegates: [] })).to.equal(r);
    expect(next(r, { type: 'LOAD_FAIL', error: adapterError('NETWORK') })).to.equal(r);
  });

  it('OPEN_ADD opens once and clears the notice; CLOSE_ADD closes', () => {
    const withNotice = { ...ready(), notice: { kind: 'resent' as const, delegate: d('1') } };
    const open = next(withNotice, { type: 'OPEN_ADD' });
    expect(open).to.include({ dialogOpen: true, notice: null });
    expect(next(open, { type: 'OPEN_ADD' })).to.equal(open);
    const closed = next(open, { type: 'CLOSE_ADD' });
    expect(closed.dialogOpen).to.equal(false);
    expect(next(closed, { type: 'CLOSE_ADD' })).to.equal(closed);
  });

  it('OPEN_FAIL (the form could not be loaded) closes with a retryable error; OPEN_ADD clears it', () => {
    const error = adapterError('NETWORK');
    const open = next(ready(), { type: 'OPEN_ADD' });
    const failed = next(open, { type: 'OPEN_FAIL', error });
    expect(failed).to.include({ dialogOpen: false, error });
    expect(failed.retry).to.deep.equal({ type: 'OPEN_ADD' });
    expect(next(failed, { type: 'OPEN_FAIL', error })).to.equal(failed);
    const reopened = next(failed, { type: 'OPEN_ADD' });
    expect(reopened).to.include({ dialogOpen: true, error: null, retry: null });
    const listError = { ...ready(), error, retry: { type: 'LOAD' as const } };
    expect(next(listError, { type: 'OPEN_ADD' })).to.include({ error, dialogOpen: true });
  });

  it('FINISH closes, notes the new delegate and refreshes', () => {
    const open = next(ready(), { type: 'OPEN_ADD' });
    const s = next(open, { type: 'FINISH', delegate: d('9') });
    expect(s).to.include({ dialogOpen: false, list: 'loading' });
    expect(s.notice).to.deep.equal({ kind: 'added', delegate: d('9') });
    const closed = ready();
    expect(next(closed, { type: 'FINISH', delegate: d('9') })).to.equal(closed);
    const loaded = next(s, { type: 'LOAD_OK', delegates: [d('9')] });
    expect(loaded.notice?.kind).to.equal('added');
  });

  it('RESEND only for an invited delegate, one at a time', () => {
    const r = ready();
    const s = next(r, { type: 'RESEND', delegateId: '1' });
    expect(s.resendingId).to.equal('1');
    expect(next(s, { type: 'RESEND', delegateId: '1' })).to.equal(s);
    expect(next(r, { type: 'RESEND', delegateId: '2' })).to.equal(r);
    expect(next(r, { type: 'RESEND', delegateId: '3' })).to.equal(r);
    expect(next(r, { type: 'RESEND', delegateId: 'nope' })).to.equal(r);
  });

  it('RESEND_OK notes the resent invitation', () => {
    const s = run(ready(), { type: 'RESEND', delegateId: '1' }, { type: 'RESEND_OK' });
    expect(s.resendingId).to.equal(null);
    expect(s.notice).to.deep.equal({ kind: 'resent', delegate: d('1') });
  });

  it('RESEND_FAIL keeps the list and offers to retry that resend', () => {
    const err = adapterError('RATE_LIMITED', { retryAfter: 1 });
    const s = run(
      ready(),
      { type: 'RESEND', delegateId: '1' },
      { type: 'RESEND_FAIL', error: err },
    );
    expect(s).to.include({ resendingId: null, error: err, list: 'ready' });
    expect(s.retry).to.deep.equal({ type: 'RESEND', delegateId: '1' });
    const again = next(s, { type: 'RESEND', delegateId: '1' });
    expect(again).to.include({ resendingId: '1', error: null, retry: null });
  });

  it('resend results without a pending resend are ignored', () => {
    const r = ready();
    expect(next(r, { type: 'RESEND_OK' })).to.equal(r);
    expect(next(r, { type: 'RESEND_FAIL', error: adapterError('NETWORK') })).to.equal(r);
  });

  it('controlApplies: Unlock a locked delegate; Deactivate unless deactivated; Reactivate', () => {
    const of = (status: DelegateSummary['status']) =>
      (['unlock', 'deactivate', 'reactivate'] as const).filter((c) =>
        controlApplies(c, d('1', status)),
      );
    expect(of('invited')).to.deep.equal(['deactivate']);
    expect(of('active')).to.deep.equal(['deactivate']);
    expect(of('locked')).to.deep.equal(['unlock', 'deactivate']);
    expect(of('deactivated')).to.deep.equal(['reactivate']);
  });

  it('ASK opens a confirmation for a control that applies; others are ignored', () => {
    const r = ready();
    const s = next(r, { type: 'ASK', delegateId: '3', control: 'unlock' });
    expect(s.confirming).to.deep.equal({ delegateId: '3', control: 'unlock', busy: false });
    expect(next(r, { type: 'ASK', delegateId: '2', control: 'unlock' })).to.equal(r);
    expect(next(r, { type: 'ASK', delegateId: '2', control: 'reactivate' })).to.equal(r);
    expect(next(r, { type: 'ASK', delegateId: 'nope', control: 'deactivate' })).to.equal(r);
    // Another ASK replaces an unconfirmed one.
    expect(
      next(s, { type: 'ASK', delegateId: '2', control: 'deactivate' }).confirming?.delegateId,
    ).to.equal('2');
    expect(next(s, { type: 'CANCEL_ASK' }).confirming).to.equal(null);
  });

  it('CONTROL → CONTROL_OK replaces the delegate, closes, and says what happened', () => {
    const s = run(
      ready(),
      { type: 'ASK', delegateId: '2', control: 'deactivate' },
      { type: 'CONTROL' },
    );
    expect(s.confirming?.busy).to.equal(true);
    // Nothing else meanwhile.
    expect(next(s, { type: 'CONTROL' })).to.equal(s);
    expect(next(s, { type: 'CANCEL_ASK' })).to.equal(s);
    expect(next(s, { type: 'ASK', delegateId: '3', control: 'unlock' })).to.equal(s);
    const done = next(s, { type: 'CONTROL_OK', delegate: d('2', 'deactivated') });
    expect(done.confirming).to.equal(null);
    expect(done.delegates.map((x) => x.status)).to.deep.equal(['invited', 'deactivated', 'locked']);
    expect(done.notice).to.deep.equal({ kind: 'deactivate', delegate: d('2', 'deactivated') });
  });

  it('CONTROL_FAIL keeps the confirmation open with a CONTROL retry', () => {
    const err = adapterError('NETWORK');
    const s = run(
      ready(),
      { type: 'ASK', delegateId: '3', control: 'unlock' },
      { type: 'CONTROL' },
      { type: 'CONTROL_FAIL', error: err },
    );
    expect(s.confirming).to.deep.equal({ delegateId: '3', control: 'unlock', busy: false });
    expect(s.error).to.equal(err);
    expect(s.retry).to.deep.equal({ type: 'CONTROL' });
    expect(next(s, { type: 'CONTROL' })).to.include({ error: null, retry: null });
    const r = ready();
    expect(next(r, { type: 'CONTROL' })).to.equal(r);
    expect(next(r, { type: 'CONTROL_OK', delegate: d('1') })).to.equal(r);
    expect(next(r, { type: 'CONTROL_FAIL', error: err })).to.equal(r);
  });
});
