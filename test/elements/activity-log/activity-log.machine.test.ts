import { expect } from '@open-wc/testing';
import { adapterError } from '../../../src/adapter/errors.js';
import type { ActivityEntry } from '../../../src/adapter/types.js';
import {
  activityLogTransition as next,
  initialActivityLog,
  type ActivityLogEvent,
  type ActivityLogState,
} from '../../../src/elements/activity-log/activity-log.machine.js';

const entry = (id: string): ActivityEntry => ({
  id,
  at: Number(id),
  type: 'sign-in',
  actor: { role: 'self' },
  outcome: 'success',
});
const run = (s: ActivityLogState, ...events: ActivityLogEvent[]) => events.reduce(next, s);
const network = adapterError('NETWORK');
const first = () =>
  run(initialActivityLog(), {
    type: 'LOAD_OK',
    page: { entries: [entry('3'), entry('2')], nextCursor: 'c1' },
  });

describe('activity-log.machine', () => {
  it('starts loading, empty', () => {
    expect(initialActivityLog()).to.deep.equal({
      list: 'loading',
      entries: [],
      next: null,
      more: false,
      error: null,
      retry: null,
    });
  });

  it('LOAD_OK shows the first page and its cursor', () => {
    const s = first();
    expect(s.list).to.equal('ready');
    expect(s.entries.map((e) => e.id)).to.deep.equal(['3', '2']);
    expect(s.next).to.equal('c1');
    expect(next(s, { type: 'LOAD_OK', page: { entries: [], nextCursor: null } })).to.equal(s);
  });

  it('LOAD_FAIL: failed with Try again (LOAD); LOAD starts over', () => {
    const s = next(initialActivityLog(), { type: 'LOAD_FAIL', error: network });
    expect(s.list).to.equal('failed');
    expect(s.retry).to.equal('LOAD');
    expect(next(s, { type: 'LOAD' })).to.deep.equal(initialActivityLog());
    expect(next(first(), { type: 'LOAD_FAIL', error: network })).to.deep.equal(first());
  });

  it('MORE appends the next page, once at a time, skipping an entry seen already', () => {
    const s = next(first(), { type: 'MORE' });
    expect(s.more).to.equal(true);
    expect(next(s, { type: 'MORE' })).to.equal(s);
    const t = next(s, {
      type: 'MORE_OK',
      page: { entries: [entry('2'), entry('1')], nextCursor: null },
    });
    expect(t.entries.map((e) => e.id)).to.deep.equal(['3', '2', '1']);
    expect(t.next).to.equal(null);
    expect(t.more).to.equal(false);
    // No more pages: MORE does nothing.
    expect(next(t, { type: 'MORE' })).to.equal(t);
  });

  it('MORE while loading or failed does nothing; MORE_OK/FAIL without MORE too', () => {
    const loading = initialActivityLog();
    expect(next(loading, { type: 'MORE' })).to.equal(loading);
    const s = first();
    expect(next(s, { type: 'MORE_OK', page: { entries: [], nextCursor: null } })).to.equal(s);
    expect(next(s, { type: 'MORE_FAIL', error: network })).to.equal(s);
  });

  it('MORE_FAIL keeps the entries, with Try again (MORE); MORE clears the error', () => {
    const s = run(first(), { type: 'MORE' }, { type: 'MORE_FAIL', error: network });
    expect(s.entries).to.have.length(2);
    expect(s.more).to.equal(false);
    expect(s.error).to.equal(network);
    expect(s.retry).to.equal('MORE');
    const again = next(s, { type: 'MORE' });
    expect(again.error).to.equal(null);
    expect(again.more).to.equal(true);
  });
});
