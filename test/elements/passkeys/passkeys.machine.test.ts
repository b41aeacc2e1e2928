import { expect } from '@open-wc/testing';
import { adapterError } from '../../../src/adapter/errors.js';
import type { Passkey } from '../../../src/adapter/types.js';
import {
  initialPasskeys,
  passkeyNameReason,
  passkeysTransition,
  type PasskeysEvent,
  type PasskeysState,
} from '../../../src/elements/passkeys/passkeys.machine.js';
import type { PasskeyProblem } from '../../../src/elements/passkey-offer/passkey-offer.machine.js';

const pk = (id: string, name = `Key ${id}`): Passkey => ({
  id,
  name,
  createdAt: 1,
  lastUsedAt: null,
});
const next = passkeysTransition;
const run = (s: PasskeysState, ...events: PasskeysEvent[]) => events.reduce(next, s);
const ready = (list = [pk('a'), pk('b')]) =>
  run(initialPasskeys(), { type: 'LOAD_OK', passkeys: list });
const cancelled: PasskeyProblem = { kind: 'webauthn', reason: 'cancelled' };

describe('passkeys.machine: the name check', () => {
  it('1–64 characters after trimming', () => {
    expect(passkeyNameReason('')).to.equal('required');
    expect(passkeyNameReason('   ')).to.equal('required');
    expect(passkeyNameReason('a')).to.equal(null);
    expect(passkeyNameReason(' a ')).to.equal(null);
    expect(passkeyNameReason('x'.repeat(64))).to.equal(null);
    expect(passkeyNameReason(` ${'x'.repeat(64)} `)).to.equal(null);
    expect(passkeyNameReason('x'.repeat(65))).to.equal('too-long');
    // Characters, not UTF-16 units.
    expect(passkeyNameReason('🔑'.repeat(64))).to.equal(null);
  });
});

describe('passkeys.machine: the list', () => {
  it('starts loading with nothing open', () => {
    expect(initialPasskeys()).to.deep.equal({
      list: 'loading',
      passkeys: [],
      problem: null,
      retry: null,
      busy: null,
      editing: null,
      confirming: null,
      notice: null,
    });
  });

  it('LOAD_OK → ready (also empty); LOAD_FAIL → failed with Try again', () => {
    expect(ready([]).list).to.equal('ready');
    expect(ready().passkeys.map((p) => p.id)).to.deep.equal(['a', 'b']);
    const error = adapterError('NETWORK');
    const failed = next(initialPasskeys(), { type: 'LOAD_FAIL', error });
    expect(failed.list).to.equal('failed');
    expect(failed.problem).to.deep.equal({ kind: 'adapter', error });
    expect(failed.retry).to.deep.equal({ type: 'LOAD' });
    const again = next(failed, { type: 'LOAD' });
    expect(again).to.include({ list: 'loading', problem: null, retry: null });
  });

  it('answers to a load only while loading', () => {
    const s = ready();
    expect(next(s, { type: 'LOAD_OK', passkeys: [] })).to.equal(s);
    expect(next(s, { type: 'LOAD_FAIL', error: adapterError('NETWORK') })).to.equal(s);
  });

  it('a reload closes the form or confirmation of a passkey that is gone, keeps the others', () => {
    const editing = next(ready(), { type: 'EDIT', passkeyId: 'a' });
    const reloaded = run(editing, { type: 'LOAD' }, { type: 'LOAD_OK', passkeys: [pk('b')] });
    expect(reloaded.editing).to.equal(null);
    const kept = run(editing, { type: 'LOAD' }, { type: 'LOAD_OK', passkeys: [pk('a')] });
    expect(kept.editing).to.deep.equal({ passkeyId: 'a', error: null });
    const asking = next(ready(), { type: 'ASK_DELETE', passkeyId: 'b' });
    expect(
      run(asking, { type: 'LOAD' }, { type: 'LOAD_OK', passkeys: [pk('a')] }).confirming,
    ).to.equal(null);
    expect(
      run(asking, { type: 'LOAD' }, { type: 'LOAD_OK', passkeys: [pk('b')] }).confirming,
    ).to.equal('b');
  });
});

describe('passkeys.machine: add', () => {
  it('ADD → busy → ADD_OK appends the passkey with a notice', () => {
    const s = next(ready(), { type: 'ADD' });
    expect(s.busy).to.equal('add');
    const ok = next(s, { type: 'ADD_OK', passkey: pk('c', 'New') });
    expect(ok.busy).to.equal(null);
    expect(ok.passkeys.map((p) => p.id)).to.deep.equal(['a', 'b', 'c']);
    expect(ok.notice).to.deep.equal({ kind: 'added', name: 'New' });
  });

  it('ADD_OK of a passkey already listed replaces it (no duplicate)', () => {
    const ok = run(ready(), { type: 'ADD' }, { type: 'ADD_OK', passkey: pk('a', 'Renamed') });
    expect(ok.passkeys.map((p) => p.name)).to.deep.equal(['Key b', 'Renamed']);
  });

  it('ADD_FAIL keeps the list, shows the problem, Try again repeats ADD', () => {
    const s = run(ready(), { type: 'ADD' }, { type: 'ADD_FAIL', problem: cancelled });
    expect(s).to.include({ busy: null, problem: cancelled });
    expect(s.retry).to.deep.equal({ type: 'ADD' });
    expect(s.passkeys).to.have.length(2);
    expect(next(s, { type: 'ADD' })).to.include({ busy: 'add', problem: null, retry: null });
  });

  it('ADD_ABORTED ends the busy state without a message', () => {
    const s = run(ready(), { type: 'ADD' }, { type: 'ADD_ABORTED' });
    expect(s).to.include({ busy: null, problem: null });
  });

  it('no ADD while loading or while another action runs; closes a form or confirmation', () => {
    const loading = initialPasskeys();
    expect(next(loading, { type: 'ADD' })).to.equal(loading);
    const adding = next(ready(), { type: 'ADD' });
    expect(next(adding, { type: 'ADD' })).to.equal(adding);
    const editing = next(ready(), { type: 'EDIT', passkeyId: 'a' });
    expect(next(editing, { type: 'ADD' }).editing).to.equal(null);
    const asking = next(ready(), { type: 'ASK_DELETE', passkeyId: 'a' });
    expect(next(asking, { type: 'ADD' }).confirming).to.equal(null);
  });

  it('ADD events outside an addition change nothing', () => {
    const s = ready();
    expect(next(s, { type: 'ADD_OK', passkey: pk('z') })).to.equal(s);
    expect(next(s, { type: 'ADD_FAIL', problem: cancelled })).to.equal(s);
    expect(next(s, { type: 'ADD_ABORTED' })).to.equal(s);
  });
});

describe('passkeys.machine: rename', () => {
  const editing = () => next(ready(), { type: 'EDIT', passkeyId: 'a' });

  it('EDIT opens the form of a listed passkey only', () => {
    expect(editing().editing).to.deep.equal({ passkeyId: 'a', error: null });
    const s = ready();
    expect(next(s, { type: 'EDIT', passkeyId: 'nope' })).to.equal(s);
  });

  it('EDIT_CANCEL closes it', () => {
    expect(next(editing(), { type: 'EDIT_CANCEL' }).editing).to.equal(null);
    const s = ready();
    expect(next(s, { type: 'EDIT_CANCEL' })).to.equal(s);
  });

  it('RENAME with an empty or too long name stays in the form with the field error', () => {
    const empty = next(editing(), { type: 'RENAME', name: '  ' });
    expect(empty.busy).to.equal(null);
    expect(empty.editing).to.deep.equal({ passkeyId: 'a', error: { reason: 'required' } });
    const long = next(editing(), { type: 'RENAME', name: 'x'.repeat(65) });
    expect(long.editing!.error).to.deep.equal({ reason: 'too-long' });
  });

  it('RENAME → busy → RENAME_OK updates the list, closes the form, with a notice', () => {
    const s = next(editing(), { type: 'RENAME', name: 'Work laptop' });
    expect(s.busy).to.equal('rename');
    expect(s.editing!.error).to.equal(null);
    const ok = next(s, { type: 'RENAME_OK', passkey: pk('a', 'Work laptop') });
    expect(ok.editing).to.equal(null);
    expect(ok.busy).to.equal(null);
    expect(ok.passkeys.map((p) => p.name)).to.deep.equal(['Work laptop', 'Key b']);
    expect(ok.notice).to.deep.equal({ kind: 'renamed', name: 'Work laptop' });
  });

  it('RENAME_FAIL VALIDATION → error next to the field; others → the error region; form stays', () => {
    const busy = next(editing(), { type: 'RENAME', name: 'ok' });
    const validation = adapterError('VALIDATION', { fields: { name: 'too-long' } });
    const invalid = next(busy, { type: 'RENAME_FAIL', error: validation });
    expect(invalid.editing!.error).to.deep.equal({ adapter: validation });
    expect(invalid.problem).to.equal(null);
    const error = adapterError('NETWORK');
    const network = next(busy, { type: 'RENAME_FAIL', error });
    expect(network.editing).to.deep.equal({ passkeyId: 'a', error: null });
    expect(network.problem).to.deep.equal({ kind: 'adapter', error });
    expect(network.busy).to.equal(null);
  });

  it('no cancel or second RENAME while saving; no EDIT while busy', () => {
    const busy = next(editing(), { type: 'RENAME', name: 'ok' });
    expect(next(busy, { type: 'EDIT_CANCEL' })).to.equal(busy);
    expect(next(busy, { type: 'RENAME', name: 'other' })).to.equal(busy);
    expect(next(busy, { type: 'EDIT', passkeyId: 'b' })).to.equal(busy);
    const s = ready();
    expect(next(s, { type: 'RENAME', name: 'x' })).to.equal(s);
    expect(next(s, { type: 'RENAME_OK', passkey: pk('a') })).to.equal(s);
    expect(next(s, { type: 'RENAME_FAIL', error: adapterError('NETWORK') })).to.equal(s);
  });

  it('EDIT closes a confirmation and clears notice and problem', () => {
    const s = run(
      ready(),
      { type: 'ADD' },
      { type: 'ADD_FAIL', problem: cancelled },
      { type: 'ASK_DELETE', passkeyId: 'b' },
      { type: 'EDIT', passkeyId: 'a' },
    );
    expect(s).to.include({ confirming: null, problem: null, retry: null, notice: null });
  });
});

describe('passkeys.machine: delete', () => {
  const asking = () => next(ready(), { type: 'ASK_DELETE', passkeyId: 'b' });

  it('ASK_DELETE asks for a listed passkey; DELETE_CANCEL closes', () => {
    expect(asking().confirming).to.equal('b');
    const s = ready();
    expect(next(s, { type: 'ASK_DELETE', passkeyId: 'nope' })).to.equal(s);
    expect(next(asking(), { type: 'DELETE_CANCEL' }).confirming).to.equal(null);
    expect(next(s, { type: 'DELETE_CANCEL' })).to.equal(s);
  });

  it('DELETE only after the confirmation; DELETE_OK removes it with a notice', () => {
    const s = ready();
    expect(next(s, { type: 'DELETE' })).to.equal(s);
    const busy = next(asking(), { type: 'DELETE' });
    expect(busy.busy).to.equal('delete');
    const ok = next(busy, { type: 'DELETE_OK', passkeyId: 'b' });
    expect(ok.passkeys.map((p) => p.id)).to.deep.equal(['a']);
    expect(ok).to.include({ busy: null, confirming: null });
    expect(ok.notice).to.deep.equal({ kind: 'deleted', name: 'Key b' });
  });

  it('DELETE_FAIL keeps the confirmation with Try again', () => {
    const s = run(
      asking(),
      { type: 'DELETE' },
      { type: 'DELETE_FAIL', passkeyId: 'b', error: adapterError('TIMEOUT') },
    );
    expect(s).to.include({ busy: null, confirming: 'b' });
    expect(s.retry).to.deep.equal({ type: 'DELETE', passkeyId: 'b' });
    expect(next(s, { type: 'DELETE' }).busy).to.equal('delete');
  });

  it('no cancel while deleting; delete events outside a deletion change nothing', () => {
    const busy = next(asking(), { type: 'DELETE' });
    expect(next(busy, { type: 'DELETE_CANCEL' })).to.equal(busy);
    expect(next(busy, { type: 'DELETE' })).to.equal(busy);
    expect(next(busy, { type: 'ASK_DELETE', passkeyId: 'a' })).to.equal(busy);
    const s = asking();
    expect(next(s, { type: 'DELETE_OK', passkeyId: 'b' })).to.equal(s);
    expect(
      next(s, { type: 'DELETE_FAIL', passkeyId: 'b', error: adapterError('NETWORK') }),
    ).to.equal(s);
  });

  it('ASK_DELETE closes an open rename form', () => {
    const s = run(
      ready(),
      { type: 'EDIT', passkeyId: 'a' },
      { type: 'ASK_DELETE', passkeyId: 'b' },
    );
    expect(s.editing).to.equal(null);
    expect(s.confirming).to.equal('b');
  });
});
