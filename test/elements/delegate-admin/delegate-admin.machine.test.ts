import { expect } from '@open-wc/testing';
import { adapterError } from '../../../src/adapter/errors.js';
import type { DelegateDetail, DelegateSummary } from '../../../src/adapter/types.js';
import {
  ADMIN_ACTIONS,
  actionApplies,
  delegateAdminTransition as next,
  initialDelegateAdmin,
  queryReason,
  reasonReason,
  type DelegateAdminEvent,
  type DelegateAdminState,
} from '../../../src/elements/delegate-admin/delegate-admin.machine.js';

const summary = (id: string, status: DelegateSummary['status'] = 'active'): DelegateSummary => ({
  id,
  username: `user${id}xxxx`,
  email: `${id}@example.com`,
  firstName: 'Ann',
  lastName: id,
  mobile: '+13125550101',
  states: ['IL'],
  language: 'en',
  status,
  createdAt: 0,
  lockedUntil: null,
  lastSignInAt: null,
});
const detail = (id: string, over: Partial<DelegateDetail> = {}): DelegateDetail => ({
  ...summary(id),
  lockedUntil: null,
  lastSignInAt: 5,
  producer: { username: 'pat1234', firstName: 'Pat', lastName: 'P', producerId: 'P-1' },
  patternEnrolled: true,
  patternEnrolledAt: 1,
  rememberedDevices: { count: 1, lastUsedAt: 2 },
  passkeys: 0,
  ...over,
});
const run = (s: DelegateAdminState, ...events: DelegateAdminEvent[]) => events.reduce(next, s);
const network = adapterError('NETWORK');
const searchView = () =>
  run(initialDelegateAdmin(), { type: 'SESSION', signedIn: true, helpDesk: true });
const page = (d = detail('1')) =>
  run(searchView(), { type: 'OPEN', delegateId: d.id }, { type: 'OPEN_OK', delegate: d });
const asking = (d = detail('1')) => run(page(d), { type: 'ASK', action: 'deactivate' });

describe('delegate-admin.machine', () => {
  it('starts checking the session, nothing searched', () => {
    const s = initialDelegateAdmin();
    expect(s.view).to.equal('checking');
    expect(s.results).to.equal(null);
    expect(s.confirm).to.equal(null);
  });

  it('a help-desk session opens the search; another role is not allowed; none signs out', () => {
    expect(searchView().view).to.equal('search');
    const other = run(initialDelegateAdmin(), { type: 'SESSION', signedIn: true, helpDesk: false });
    expect(other.view).to.equal('forbidden');
    const none = run(initialDelegateAdmin(), { type: 'SESSION', signedIn: false, helpDesk: false });
    expect(none.view).to.equal('signed-out');
    // Only while checking.
    expect(next(other, { type: 'SESSION', signedIn: true, helpDesk: true })).to.equal(other);
  });

  it('a failed check keeps checking with a retryable error; CHECK starts again', () => {
    const s = next(initialDelegateAdmin(), { type: 'CHECK_FAIL', error: network });
    expect(s.view).to.equal('checking');
    expect(s.error).to.equal(network);
    expect(s.retry).to.deep.equal({ type: 'CHECK' });
    const again = next({ ...s, query: 'jane' }, { type: 'CHECK' });
    expect(again.error).to.equal(null);
    expect(again.query).to.equal('jane');
    expect(next(searchView(), { type: 'CHECK_FAIL', error: network }).error).to.equal(null);
  });

  it('queryReason: required, at least 2 characters after trimming', () => {
    expect(queryReason('')).to.equal('required');
    expect(queryReason('   ')).to.equal('required');
    expect(queryReason(' a ')).to.equal('too-short');
    expect(queryReason('ab')).to.equal(null);
  });

  it('reasonReason: required, 3–500 characters after trimming', () => {
    expect(reasonReason(' ')).to.equal('required');
    expect(reasonReason(' ab ')).to.equal('too-short');
    expect(reasonReason('abc')).to.equal(null);
    expect(reasonReason('x'.repeat(500))).to.equal(null);
    expect(reasonReason('x'.repeat(501))).to.equal('too-long');
  });

  it('SEARCH with a bad query shows the field error and calls nothing; typing keeps it', () => {
    const s = run(searchView(), { type: 'QUERY', query: 'a' }, { type: 'SEARCH' });
    expect(s.queryError).to.equal('too-short');
    expect(s.searching).to.equal(false);
    const typed = next(s, { type: 'QUERY', query: 'ab' });
    expect(typed.queryError).to.equal('too-short');
    expect(typed.query).to.equal('ab');
    const searched = next(typed, { type: 'SEARCH' });
    expect(searched.queryError).to.equal(null);
    expect(searched.searching).to.equal(true);
  });

  it('SEARCH → SEARCH_OK keeps the results with the trimmed query; empty results too', () => {
    const s = run(
      searchView(),
      { type: 'QUERY', query: ' jane ' },
      { type: 'SEARCH' },
      { type: 'SEARCH_OK', delegates: [summary('1')] },
    );
    expect(s.searching).to.equal(false);
    expect(s.results).to.deep.equal({ query: 'jane', delegates: [summary('1')] });
    const none = run(
      s,
      { type: 'QUERY', query: 'zz' },
      { type: 'SEARCH' },
      {
        type: 'SEARCH_OK',
        delegates: [],
      },
    );
    expect(none.results).to.deep.equal({ query: 'zz', delegates: [] });
  });

  it('no double search; results only while searching', () => {
    const s = run(searchView(), { type: 'QUERY', query: 'jane' }, { type: 'SEARCH' });
    expect(next(s, { type: 'SEARCH' })).to.equal(s);
    const idle = searchView();
    expect(next(idle, { type: 'SEARCH_OK', delegates: [] })).to.equal(idle);
    expect(next(idle, { type: 'SEARCH_FAIL', error: network })).to.equal(idle);
  });

  it('SEARCH_FAIL: retryable error with Try again; FORBIDDEN / NOT_AUTHENTICATED close', () => {
    const s = run(searchView(), { type: 'QUERY', query: 'jane' }, { type: 'SEARCH' });
    const failed = next(s, { type: 'SEARCH_FAIL', error: network });
    expect(failed.searching).to.equal(false);
    expect(failed.error).to.equal(network);
    expect(failed.retry).to.deep.equal({ type: 'SEARCH' });
    expect(next(failed, { type: 'SEARCH' }).error).to.equal(null);
    expect(next(s, { type: 'SEARCH_FAIL', error: adapterError('FORBIDDEN') }).view).to.equal(
      'forbidden',
    );
    expect(
      next(s, { type: 'SEARCH_FAIL', error: adapterError('NOT_AUTHENTICATED') }).view,
    ).to.equal('signed-out');
  });

  it('OPEN shows the page (loading), OPEN_OK fills it; a stale answer is ignored', () => {
    const s = next(searchView(), { type: 'OPEN', delegateId: '1' });
    expect(s.view).to.equal('delegate');
    expect(s.delegate).to.equal(null);
    expect(next(s, { type: 'OPEN_OK', delegate: detail('2') })).to.equal(s);
    expect(next(s, { type: 'OPEN_OK', delegate: detail('1') }).delegate).to.deep.equal(detail('1'));
    expect(next(initialDelegateAdmin(), { type: 'OPEN', delegateId: '1' }).view).to.equal(
      'checking',
    );
  });

  it('OPEN_FAIL: retryable error to open again; NOT_FOUND no retry; refusals close', () => {
    const s = next(searchView(), { type: 'OPEN', delegateId: '1' });
    const failed = next(s, { type: 'OPEN_FAIL', error: network });
    expect(failed.retry).to.deep.equal({ type: 'OPEN', delegateId: '1' });
    expect(failed.error).to.equal(network);
    expect(next(s, { type: 'OPEN_FAIL', error: adapterError('FORBIDDEN') }).view).to.equal(
      'forbidden',
    );
    expect(next(page(), { type: 'OPEN_FAIL', error: network }).error).to.equal(null);
  });

  it('BACK returns to the search with its results and query', () => {
    const s = run(
      searchView(),
      { type: 'QUERY', query: 'ann' },
      { type: 'SEARCH' },
      { type: 'SEARCH_OK', delegates: [summary('1')] },
      { type: 'OPEN', delegateId: '1' },
      { type: 'OPEN_OK', delegate: detail('1') },
      { type: 'BACK' },
    );
    expect(s.view).to.equal('search');
    expect(s.query).to.equal('ann');
    expect(s.results?.delegates).to.have.length(1);
    expect(s.delegate).to.equal(null);
    expect(next(searchView(), { type: 'BACK' }).view).to.equal('search');
  });

  it('actionApplies: each action only when it applies', () => {
    const active = detail('1');
    const locked = detail('1', { status: 'locked', lockedUntil: 9 });
    const invited = detail('1', {
      status: 'invited',
      patternEnrolled: false,
      patternEnrolledAt: null,
      rememberedDevices: { count: 0, lastUsedAt: null },
    });
    const off = detail('1', { status: 'deactivated' });
    const applies = (d: DelegateDetail) => ADMIN_ACTIONS.filter((a) => actionApplies(a, d));
    expect(applies(active)).to.deep.equal(['reset-pattern', 'forget-devices', 'deactivate']);
    expect(applies(locked)).to.deep.equal([
      'unlock',
      'reset-pattern',
      'forget-devices',
      'deactivate',
    ]);
    expect(applies(invited)).to.deep.equal(['resend-invitation', 'deactivate']);
    expect(applies(off)).to.deep.equal(['forget-devices', 'reactivate']);
  });

  it('ASK opens the confirmation with an empty reason; an action that does not apply is ignored', () => {
    const s = next(page(), { type: 'ASK', action: 'deactivate' });
    expect(s.confirm).to.deep.equal({
      action: 'deactivate',
      reason: '',
      error: null,
      submitting: false,
    });
    const p = page();
    expect(next(p, { type: 'ASK', action: 'unlock' })).to.equal(p);
    const loading = next(searchView(), { type: 'OPEN', delegateId: '1' });
    expect(next(loading, { type: 'ASK', action: 'deactivate' })).to.equal(loading);
  });

  it('CONFIRM without a reason: error next to the field, nothing sent; the text is kept', () => {
    const s = run(asking(), { type: 'REASON', reason: 'ab' }, { type: 'CONFIRM' });
    expect(s.confirm?.error).to.deep.equal({ reason: 'too-short' });
    expect(s.confirm?.submitting).to.equal(false);
    expect(s.confirm?.reason).to.equal('ab');
    const empty = run(asking(), { type: 'CONFIRM' });
    expect(empty.confirm?.error).to.deep.equal({ reason: 'required' });
  });

  it('CONFIRM with a reason submits; no double submit; no typing, cancel or back meanwhile', () => {
    const s = run(asking(), { type: 'REASON', reason: 'Caller verified' }, { type: 'CONFIRM' });
    expect(s.confirm?.submitting).to.equal(true);
    expect(s.confirm?.error).to.equal(null);
    expect(next(s, { type: 'CONFIRM' })).to.equal(s);
    expect(next(s, { type: 'REASON', reason: 'x' })).to.equal(s);
    expect(next(s, { type: 'CANCEL' })).to.equal(s);
    expect(next(s, { type: 'BACK' })).to.equal(s);
    expect(next(s, { type: 'OPEN', delegateId: '2' })).to.equal(s);
    expect(next(s, { type: 'ASK', action: 'forget-devices' })).to.equal(s);
  });

  it('CONFIRM_OK: new details, the notice, the results updated, the confirmation closed', () => {
    const s = run(
      searchView(),
      { type: 'QUERY', query: 'ann' },
      { type: 'SEARCH' },
      { type: 'SEARCH_OK', delegates: [summary('1', 'locked'), summary('2')] },
      { type: 'OPEN', delegateId: '1' },
      { type: 'OPEN_OK', delegate: detail('1', { status: 'locked', lockedUntil: 9 }) },
      { type: 'ASK', action: 'unlock' },
      { type: 'REASON', reason: 'Caller verified' },
      { type: 'CONFIRM' },
      { type: 'CONFIRM_OK', delegate: detail('1') },
    );
    expect(s.confirm).to.equal(null);
    expect(s.delegate?.status).to.equal('active');
    expect(s.notice).to.deep.equal({ action: 'unlock', name: 'Ann 1' });
    expect(s.results?.delegates.map((d) => d.status)).to.deep.equal(['active', 'active']);
    expect(next(page(), { type: 'CONFIRM_OK', delegate: detail('1') })).to.deep.equal(page());
  });

  it('CONFIRM_FAIL: VALIDATION next to the field; a network error is retryable; text kept', () => {
    const s = run(asking(), { type: 'REASON', reason: 'Caller verified' }, { type: 'CONFIRM' });
    const invalid = adapterError('VALIDATION', { fields: { reason: 'too-short' } });
    const v = next(s, { type: 'CONFIRM_FAIL', error: invalid });
    expect(v.confirm).to.deep.equal({
      action: 'deactivate',
      reason: 'Caller verified',
      error: { adapter: invalid },
      submitting: false,
    });
    expect(v.error).to.equal(null);
    const n = next(s, { type: 'CONFIRM_FAIL', error: network });
    expect(n.error).to.equal(network);
    expect(n.retry).to.deep.equal({ type: 'CONFIRM' });
    expect(n.confirm?.reason).to.equal('Caller verified');
    expect(n.confirm?.submitting).to.equal(false);
    // Try again submits the same reason.
    expect(next(n, { type: 'CONFIRM' }).confirm?.submitting).to.equal(true);
  });

  it('CONFIRM_FAIL with FORBIDDEN or NOT_AUTHENTICATED closes the console', () => {
    const s = run(asking(), { type: 'REASON', reason: 'Caller verified' }, { type: 'CONFIRM' });
    const f = next(s, { type: 'CONFIRM_FAIL', error: adapterError('NOT_AUTHENTICATED') });
    expect(f.view).to.equal('signed-out');
    expect(f.confirm).to.equal(null);
  });

  it('CANCEL closes the confirmation; REASON / CANCEL without one change nothing', () => {
    const s = next(asking(), { type: 'CANCEL' });
    expect(s.confirm).to.equal(null);
    expect(next(s, { type: 'CANCEL' })).to.equal(s);
    expect(next(s, { type: 'REASON', reason: 'x' })).to.equal(s);
    expect(next(s, { type: 'CONFIRM' })).to.equal(s);
    expect(next(s, { type: 'CONFIRM_FAIL', error: network })).to.equal(s);
  });

  it('a new ASK or OPEN clears the last notice and error', () => {
    const done = run(
      asking(),
      { type: 'REASON', reason: 'Caller verified' },
      { type: 'CONFIRM' },
      { type: 'CONFIRM_OK', delegate: detail('1', { status: 'deactivated' }) },
    );
    expect(done.notice?.action).to.equal('deactivate');
    expect(next(done, { type: 'ASK', action: 'reactivate' }).notice).to.equal(null);
    expect(next(done, { type: 'OPEN', delegateId: '2' }).notice).to.equal(null);
  });
});
