import { expect } from '@open-wc/testing';
import { adapterError } from '../../src/adapter/errors.js';
import type { CodeSent, PasswordFlow } from '../../src/adapter/types.js';
import {
  initialPasswordFlow,
  passwordFlowStepNumber,
  type PasswordFlowEvent,
  passwordFlowTransition as next,
  type PasswordFlowState,
} from '../../src/shared/password-flow.machine.js';

const flow: PasswordFlow = {
  flowId: 'f1',
  destinations: [
    { channel: 'email', masked: 'xxxname@email.com' },
    { channel: 'sms', masked: 'xxxxxx0001' },
  ],
};
const sent: CodeSent = {
  channel: 'email',
  masked: 'xxxname@email.com',
  expiresAt: 600_000,
  resendAvailableAt: 30_000,
};
const sent2: CodeSent = { ...sent, expiresAt: 900_000 };

function run(state: PasswordFlowState, ...events: PasswordFlowEvent[]): PasswordFlowState {
  return events.reduce(next, state);
}
const find = () => initialPasswordFlow('create');
const choose = () =>
  run(
    find(),
    { type: 'FIND', username: 'janedoe1' },
    { type: 'FIND_OK', username: 'janedoe1', flow },
  );
const code = () => run(choose(), { type: 'SEND' }, { type: 'SEND_OK', sent });
const password = () => run(code(), { type: 'VERIFY' }, { type: 'VERIFY_OK' });

describe('shared/password-flow.machine', () => {
  it('starts at find with the purpose', () => {
    expect(initialPasswordFlow()).to.deep.equal({
      step: 'find',
      purpose: 'create',
      pending: false,
      error: null,
    });
    expect(initialPasswordFlow('reset').purpose).to.equal('reset');
    expect(
      run(
        initialPasswordFlow('reset'),
        { type: 'FIND', username: 'x' },
        { type: 'FIND_OK', username: 'x', flow },
      ).purpose,
    ).to.equal('reset');
  });

  describe('find', () => {
    it('FIND sets pending and clears the error; a second FIND while pending is ignored', () => {
      const failed = run(
        find(),
        { type: 'FIND', username: 'a' },
        { type: 'FIND_FAIL', error: adapterError('NETWORK') },
      );
      expect(failed.error?.code).to.equal('NETWORK');
      const s = next(failed, { type: 'FIND', username: 'a' });
      expect(s.pending).to.equal(true);
      expect(s.error).to.equal(null);
      expect(next(s, { type: 'FIND', username: 'a' })).to.equal(s);
    });
    it('FIND_OK goes to choose with the first destination selected', () => {
      const s = choose();
      expect(s.step).to.equal('choose');
      if (s.step !== 'choose') return;
      expect(s.channel).to.equal('email');
      expect(s.username).to.equal('janedoe1');
      expect(s.flow).to.equal(flow);
      expect(s.pending).to.equal(false);
    });
    it('FIND_OK with no destinations stays on find', () => {
      const s = run(
        find(),
        { type: 'FIND', username: 'a' },
        { type: 'FIND_OK', username: 'a', flow: { flowId: 'x', destinations: [] } },
      );
      expect(s.step).to.equal('find');
      expect(s.pending).to.equal(false);
    });
    it('FIND_FAIL keeps find with the error; results without a pending call are ignored', () => {
      const s = run(
        find(),
        { type: 'FIND', username: 'a' },
        { type: 'FIND_FAIL', error: adapterError('UNAVAILABLE') },
      );
      expect(s).to.include({ step: 'find', pending: false });
      expect(s.error?.code).to.equal('UNAVAILABLE');
      expect(next(find(), { type: 'FIND_OK', username: 'a', flow })).to.deep.equal(find());
      expect(next(find(), { type: 'FIND_FAIL', error: adapterError('NETWORK') })).to.deep.equal(
        find(),
      );
    });
    it('ignores events of other steps', () => {
      const s = find();
      for (const e of [
        { type: 'SEND' },
        { type: 'VERIFY' },
        { type: 'RESEND' },
        { type: 'SET_PASSWORD' },
        { type: 'BACK' },
        { type: 'SELECT_CHANNEL', channel: 'sms' },
        { type: 'CODE_EXPIRED' },
      ] as PasswordFlowEvent[]) {
        expect(next(s, e), e.type).to.equal(s);
      }
    });
  });

  describe('choose', () => {
    it('SELECT_CHANNEL picks an offered channel only', () => {
      const s = next(choose(), { type: 'SELECT_CHANNEL', channel: 'sms' });
      expect(s.step === 'choose' && s.channel).to.equal('sms');
      const only = run(
        find(),
        { type: 'FIND', username: 'a' },
        {
          type: 'FIND_OK',
          username: 'a',
          flow: { flowId: 'y', destinations: [flow.destinations[0]!] },
        },
      );
      expect(next(only, { type: 'SELECT_CHANNEL', channel: 'sms' })).to.equal(only);
    });
    it('SEND → pending → SEND_OK goes to code with the sent info', () => {
      const p = next(choose(), { type: 'SEND' });
      expect(p.pending).to.equal(true);
      expect(next(p, { type: 'SEND' })).to.equal(p);
      expect(next(p, { type: 'SELECT_CHANNEL', channel: 'sms' })).to.equal(p);
      expect(next(p, { type: 'BACK' })).to.equal(p);
      const s = next(p, { type: 'SEND_OK', sent });
      expect(s).to.include({
        step: 'code',
        pending: false,
        resending: false,
        resent: false,
        codeVoid: false,
        channel: 'email',
      });
    });
    it('SEND_FAIL keeps choose with the error (retryable, RATE_LIMITED)', () => {
      for (const err of [
        adapterError('NETWORK'),
        adapterError('RATE_LIMITED', { retryAfter: 5 }),
      ]) {
        const s = run(
          choose(),
          { type: 'SELECT_CHANNEL', channel: 'sms' },
          { type: 'SEND' },
          { type: 'SEND_FAIL', error: err },
        );
        expect(s).to.include({ step: 'choose', pending: false, channel: 'sms' });
        expect(s.error).to.equal(err);
      }
    });
    it('SEND_FAIL with FLOW_EXPIRED starts over at find with the error', () => {
      const err = adapterError('FLOW_EXPIRED');
      const s = run(choose(), { type: 'SEND' }, { type: 'SEND_FAIL', error: err });
      expect(s).to.deep.equal({ step: 'find', purpose: 'create', pending: false, error: err });
    });
    it('BACK returns to find; stale results are ignored', () => {
      expect(next(choose(), { type: 'BACK' })).to.deep.equal(find());
      const c = choose();
      expect(next(c, { type: 'SEND_OK', sent })).to.equal(c);
      expect(next(c, { type: 'SEND_FAIL', error: adapterError('NETWORK') })).to.equal(c);
      expect(next(c, { type: 'FIND', username: 'x' })).to.equal(c);
    });
  });

  describe('code', () => {
    it('VERIFY → VERIFY_OK goes to password', () => {
      const p = next(code(), { type: 'VERIFY' });
      expect(p.pending).to.equal(true);
      expect(next(p, { type: 'VERIFY' })).to.equal(p);
      expect(next(p, { type: 'RESEND' })).to.equal(p);
      expect(next(p, { type: 'BACK' })).to.equal(p);
      expect(next(p, { type: 'VERIFY_OK' })).to.include({
        step: 'password',
        pending: false,
        username: 'janedoe1',
      });
    });
    it('VERIFY_FAIL CODE_INVALID keeps the code usable', () => {
      const err = adapterError('CODE_INVALID', { attemptsLeft: 2 });
      const s = run(code(), { type: 'VERIFY' }, { type: 'VERIFY_FAIL', error: err });
      expect(s).to.include({ step: 'code', pending: false, codeVoid: false });
      expect(s.error).to.equal(err);
    });
    it('VERIFY_FAIL CODE_EXPIRED / CODE_ATTEMPTS_EXCEEDED voids the code', () => {
      for (const err of [adapterError('CODE_EXPIRED'), adapterError('CODE_ATTEMPTS_EXCEEDED')]) {
        const s = run(code(), { type: 'VERIFY' }, { type: 'VERIFY_FAIL', error: err });
        expect(s).to.include({ step: 'code', codeVoid: true });
        expect(s.error).to.equal(err);
      }
    });
    it('VERIFY_FAIL with a network error is retryable and keeps the step', () => {
      const s = run(
        code(),
        { type: 'VERIFY' },
        { type: 'VERIFY_FAIL', error: adapterError('TIMEOUT') },
      );
      expect(s).to.include({ step: 'code', codeVoid: false, pending: false });
      expect(next(s, { type: 'VERIFY' }).pending).to.equal(true);
    });
    it('VERIFY_FAIL FLOW_EXPIRED starts over', () => {
      const s = run(
        code(),
        { type: 'VERIFY' },
        { type: 'VERIFY_FAIL', error: adapterError('FLOW_EXPIRED') },
      );
      expect(s.step).to.equal('find');
      expect(s.error?.code).to.equal('FLOW_EXPIRED');
    });
    it('CODE_EXPIRED (local timer) voids the code once', () => {
      const s = next(code(), { type: 'CODE_EXPIRED' });
      expect(s).to.include({ step: 'code', codeVoid: true });
      expect(next(s, { type: 'CODE_EXPIRED' })).to.equal(s);
    });
    it('RESEND → RESEND_OK replaces the code info, un-voids and marks resent', () => {
      const voided = next(code(), { type: 'CODE_EXPIRED' });
      const r = next(voided, { type: 'RESEND' });
      expect(r).to.include({ resending: true });
      expect(next(r, { type: 'RESEND' })).to.equal(r);
      expect(next(r, { type: 'VERIFY' })).to.equal(r);
      expect(next(r, { type: 'BACK' })).to.equal(r);
      const s = next(r, { type: 'RESEND_OK', sent: sent2 });
      expect(s).to.include({
        step: 'code',
        resending: false,
        resent: true,
        codeVoid: false,
        error: null,
      });
      expect(s.step === 'code' && s.sent).to.equal(sent2);
    });
    it('RESEND_FAIL RATE_LIMITED keeps the old code and shows the error', () => {
      const err = adapterError('RATE_LIMITED', { retryAfter: 30_000 });
      const s = run(code(), { type: 'RESEND' }, { type: 'RESEND_FAIL', error: err });
      expect(s).to.include({ step: 'code', resending: false, codeVoid: false });
      expect(s.error).to.equal(err);
      expect(s.step === 'code' && s.sent).to.equal(sent);
    });
    it('RESEND_FAIL FLOW_EXPIRED starts over', () => {
      const s = run(
        code(),
        { type: 'RESEND' },
        { type: 'RESEND_FAIL', error: adapterError('FLOW_EXPIRED') },
      );
      expect(s.step).to.equal('find');
    });
    it('stale results are ignored', () => {
      const c = code();
      for (const e of [
        { type: 'VERIFY_OK' },
        { type: 'VERIFY_FAIL', error: adapterError('NETWORK') },
        { type: 'RESEND_OK', sent: sent2 },
        { type: 'RESEND_FAIL', error: adapterError('NETWORK') },
        { type: 'SEND' },
        { type: 'SET_PASSWORD' },
      ] as PasswordFlowEvent[]) {
        expect(next(c, e), e.type).to.equal(c);
      }
    });
    it('BACK returns to choose with the same channel', () => {
      const c = run(
        choose(),
        { type: 'SELECT_CHANNEL', channel: 'sms' },
        { type: 'SEND' },
        { type: 'SEND_OK', sent: { ...sent, channel: 'sms' } },
      );
      const s = next(c, { type: 'BACK' });
      expect(s).to.include({ step: 'choose', channel: 'sms', pending: false, error: null });
    });
  });

  describe('password', () => {
    it('SET_PASSWORD → SET_OK is done', () => {
      const p = next(password(), { type: 'SET_PASSWORD' });
      expect(p.pending).to.equal(true);
      expect(next(p, { type: 'SET_PASSWORD' })).to.equal(p);
      expect(next(p, { type: 'SET_OK' })).to.deep.equal({
        step: 'done',
        purpose: 'create',
        username: 'janedoe1',
        pending: false,
        error: null,
      });
    });
    it('SET_FAIL PASSWORD_REUSED / PASSWORD_POLICY / NETWORK keep the step with the error', () => {
      for (const err of [
        adapterError('PASSWORD_REUSED', { historySize: 10 }),
        adapterError('PASSWORD_POLICY', { failed: ['digit'] }),
        adapterError('NETWORK'),
      ]) {
        const s = run(password(), { type: 'SET_PASSWORD' }, { type: 'SET_FAIL', error: err });
        expect(s).to.include({ step: 'password', pending: false });
        expect(s.error).to.equal(err);
      }
    });
    it('SET_FAIL FLOW_EXPIRED starts over', () => {
      expect(
        run(
          password(),
          { type: 'SET_PASSWORD' },
          { type: 'SET_FAIL', error: adapterError('FLOW_EXPIRED') },
        ).step,
      ).to.equal('find');
    });
    it('has no BACK (the code is spent) and ignores stale results', () => {
      const p = password();
      for (const e of [
        { type: 'BACK' },
        { type: 'SET_OK' },
        { type: 'SET_FAIL', error: adapterError('NETWORK') },
        { type: 'VERIFY' },
      ] as PasswordFlowEvent[]) {
        expect(next(p, e), e.type).to.equal(p);
      }
    });
  });

  it('done ignores everything but RESTART', () => {
    const d = run(password(), { type: 'SET_PASSWORD' }, { type: 'SET_OK' });
    expect(next(d, { type: 'BACK' })).to.equal(d);
    expect(next(d, { type: 'FIND', username: 'x' })).to.equal(d);
    expect(next(d, { type: 'RESTART' })).to.deep.equal(find());
  });

  it('RESTART from every step returns to a clean find (keeps purpose)', () => {
    for (const s of [choose(), code(), password(), next(find(), { type: 'FIND', username: 'a' })]) {
      expect(next(s, { type: 'RESTART' })).to.deep.equal(find());
    }
    const clean = find();
    expect(next(clean, { type: 'RESTART' })).to.equal(clean);
    const reset = run(
      initialPasswordFlow('reset'),
      { type: 'FIND', username: 'a' },
      { type: 'FIND_FAIL', error: adapterError('NETWORK') },
      { type: 'RESTART' },
    );
    expect(reset).to.deep.equal(initialPasswordFlow('reset'));
  });

  it('step numbers', () => {
    expect(
      ['find', 'choose', 'code', 'password', 'done'].map((s) => passwordFlowStepNumber(s as never)),
    ).to.deep.equal([1, 2, 3, 4, null]);
  });
});
