import { expect } from '@open-wc/testing';
import { adapterError } from '../../../src/adapter/errors.js';
import type {
  CodeSent,
  PendingLogin,
  Session,
  VerificationOption,
} from '../../../src/adapter/types.js';
import {
  METHODS,
  normalizeOptions,
  initialVerifyState,
  transition,
  type VerifyState,
} from '../../../src/elements/verify-account/verify-account.machine.js';

const options: VerificationOption[] = [
  { method: 'email', masked: 'xxxxna@example.com', available: true },
  { method: 'sms', masked: 'xxxxxx0101', available: true },
  { method: 'pattern', available: true },
];

const pending = (opts = options): PendingLogin => ({
  pendingId: 'p1',
  username: 'delegate01',
  mustEnrollPattern: false,
  sampleText: 'The quick brown fox',
  sampleLang: 'en',
  options: opts,
  expiresAt: 10,
});

const sent: CodeSent = {
  channel: 'email',
  masked: 'xxxxna@example.com',
  expiresAt: 100,
  resendAvailableAt: 50,
};
const sent2: CodeSent = { ...sent, expiresAt: 200, resendAvailableAt: 150 };
const session = { user: { username: 'delegate01' } } as unknown as Session;

const choose = (over: Partial<Extract<VerifyState, { step: 'choose' }>> = {}): VerifyState => ({
  step: 'choose',
  options,
  selected: 'email',
  sending: false,
  ...over,
});
const code = (over: Partial<Extract<VerifyState, { step: 'code' }>> = {}): VerifyState => ({
  step: 'code',
  options,
  channel: 'email',
  sent,
  submitting: false,
  resending: false,
  resent: false,
  ...over,
});

describe('verify-account.machine', () => {
  it('starts at choose with the first available option selected', () => {
    expect(initialVerifyState(pending())).to.deep.equal(choose());
    const noEmail = [{ ...options[0]!, available: false }, options[1]!, options[2]!];
    const s = initialVerifyState(pending(noEmail));
    expect(s.step === 'choose' && s.selected).to.equal('sms');
    const none = options.map((o) => ({ ...o, available: false }));
    const n = initialVerifyState(pending(none));
    expect(n.step === 'choose' && n.selected).to.equal(undefined);
  });

  it('lists the three methods in the spec order; unlisted ones are unavailable', () => {
    const s = initialVerifyState(pending([options[1]!, options[0]!]));
    expect(s.step === 'choose' && s.options).to.deep.equal([
      options[0],
      options[1],
      { method: 'pattern', available: false },
    ]);
    expect(normalizeOptions([])).to.deep.equal(
      METHODS.map((method) => ({ method, available: false })),
    );
  });

  it('does not share the pending options array (pattern can be disabled locally)', () => {
    const p = pending();
    const s = initialVerifyState(p);
    expect(s.step === 'choose' && s.options).not.to.equal(p.options);
  });

  describe('choose', () => {
    it('SELECT picks an available method and clears the error', () => {
      const s = choose({ error: adapterError('NETWORK') });
      expect(transition(s, { type: 'SELECT', method: 'sms' })).to.deep.equal(
        choose({ selected: 'sms' }),
      );
    });

    it('SELECT ignores unavailable methods and is ignored while sending', () => {
      const opts = options.map((o) => (o.method === 'pattern' ? { ...o, available: false } : o));
      const s = choose({ options: opts });
      expect(transition(s, { type: 'SELECT', method: 'pattern' })).to.equal(s);
      const sending = choose({ sending: true });
      expect(transition(sending, { type: 'SELECT', method: 'sms' })).to.equal(sending);
    });

    it('CONTINUE starts sending (email / sms) or loading the pattern step; PATTERN_READY shows it', () => {
      expect(transition(choose(), { type: 'CONTINUE' })).to.deep.equal(choose({ sending: true }));
      const loading = transition(choose({ selected: 'pattern' }), { type: 'CONTINUE' });
      expect(loading).to.deep.equal(choose({ selected: 'pattern', sending: true }));
      expect(transition(loading, { type: 'PATTERN_READY' })).to.deep.equal({
        step: 'pattern',
        options,
      });
    });

    it('PATTERN_READY is ignored unless the pattern step is loading', () => {
      const idle = choose({ selected: 'pattern' });
      expect(transition(idle, { type: 'PATTERN_READY' })).to.equal(idle);
      const sendingEmail = choose({ sending: true });
      expect(transition(sendingEmail, { type: 'PATTERN_READY' })).to.equal(sendingEmail);
    });

    it('SEND_FAILED while loading the pattern step (offline) stays on choose with the error', () => {
      const error = adapterError('NETWORK');
      const loading = choose({ selected: 'pattern', sending: true });
      expect(transition(loading, { type: 'SEND_FAILED', error })).to.deep.equal(
        choose({ selected: 'pattern', error }),
      );
    });

    it('CONTINUE is ignored with nothing selected or while sending (no double send)', () => {
      const none = choose({ selected: undefined });
      expect(transition(none, { type: 'CONTINUE' })).to.equal(none);
      const sending = choose({ sending: true });
      expect(transition(sending, { type: 'CONTINUE' })).to.equal(sending);
    });

    it('CODE_SENT moves to the code step for the chosen channel', () => {
      expect(transition(choose({ sending: true }), { type: 'CODE_SENT', sent })).to.deep.equal(
        code(),
      );
      const sms = transition(choose({ selected: 'sms', sending: true }), {
        type: 'CODE_SENT',
        sent,
      });
      expect(sms.step === 'code' && sms.channel).to.equal('sms');
    });

    it('CODE_SENT is ignored when not sending', () => {
      const s = choose();
      expect(transition(s, { type: 'CODE_SENT', sent })).to.equal(s);
    });

    it('SEND_FAILED (rate limited, network) stays on choose with the error', () => {
      const error = adapterError('RATE_LIMITED', { retryAfter: 99 });
      expect(transition(choose({ sending: true }), { type: 'SEND_FAILED', error })).to.deep.equal(
        choose({ error }),
      );
      const idle = choose();
      expect(transition(idle, { type: 'SEND_FAILED', error })).to.equal(idle);
    });

    it('ignores code-step events', () => {
      const s = choose();
      for (const e of [
        { type: 'SUBMIT_CODE' },
        { type: 'RESEND' },
        { type: 'BACK' },
        { type: 'VERIFIED', session },
      ] as const) {
        expect(transition(s, e)).to.equal(s);
      }
    });
  });

  describe('code', () => {
    it('SUBMIT_CODE starts submitting, clears error and the resent notice; not twice', () => {
      const s = code({ error: adapterError('CODE_INVALID', { attemptsLeft: 2 }), resent: true });
      const next = transition(s, { type: 'SUBMIT_CODE' });
      expect(next).to.deep.equal(code({ submitting: true }));
      expect(transition(next, { type: 'SUBMIT_CODE' })).to.equal(next);
      const resending = code({ resending: true });
      expect(transition(resending, { type: 'SUBMIT_CODE' })).to.equal(resending);
    });

    it('VERIFIED → done; CODE_FAILED keeps the code step with the error', () => {
      expect(transition(code({ submitting: true }), { type: 'VERIFIED', session })).to.deep.equal({
        step: 'done',
        session,
      });
      for (const error of [
        adapterError('CODE_INVALID', { attemptsLeft: 2 }),
        adapterError('CODE_EXPIRED'),
        adapterError('CODE_ATTEMPTS_EXCEEDED'),
        adapterError('TIMEOUT'),
      ]) {
        expect(
          transition(code({ submitting: true }), { type: 'CODE_FAILED', error }),
        ).to.deep.equal(code({ error }));
      }
    });

    it('results arriving while not submitting are ignored', () => {
      const s = code();
      expect(transition(s, { type: 'VERIFIED', session })).to.equal(s);
      expect(transition(s, { type: 'CODE_FAILED', error: adapterError('NETWORK') })).to.equal(s);
      expect(transition(s, { type: 'RESENT', sent: sent2 })).to.equal(s);
      expect(transition(s, { type: 'RESEND_FAILED', error: adapterError('NETWORK') })).to.equal(s);
    });

    it('RESEND → RESENT replaces the sent code and shows the notice', () => {
      const r = transition(code({ error: adapterError('CODE_EXPIRED') }), { type: 'RESEND' });
      expect(r).to.deep.equal(code({ resending: true }));
      expect(transition(r, { type: 'RESEND' })).to.equal(r);
      expect(transition(r, { type: 'RESENT', sent: sent2 })).to.deep.equal(
        code({ sent: sent2, resent: true }),
      );
    });

    it('RESEND is ignored while submitting; RESEND_FAILED (rate limited) keeps the code step', () => {
      const sub = code({ submitting: true });
      expect(transition(sub, { type: 'RESEND' })).to.equal(sub);
      const error = adapterError('RATE_LIMITED', { retryAfter: 77 });
      expect(transition(code({ resending: true }), { type: 'RESEND_FAILED', error })).to.deep.equal(
        code({ error }),
      );
    });

    it('BACK returns to choose with the channel selected (not while submitting)', () => {
      expect(transition(code({ channel: 'sms' }), { type: 'BACK' })).to.deep.equal(
        choose({ selected: 'sms' }),
      );
      const sub = code({ submitting: true });
      expect(transition(sub, { type: 'BACK' })).to.equal(sub);
    });

    it('ignores choose-step events', () => {
      const s = code();
      expect(transition(s, { type: 'SELECT', method: 'sms' })).to.equal(s);
      expect(transition(s, { type: 'CONTINUE' })).to.equal(s);
      expect(transition(s, { type: 'CODE_SENT', sent })).to.equal(s);
      expect(transition(s, { type: 'PATTERN_UNAVAILABLE' })).to.equal(s);
    });
  });

  describe('pattern', () => {
    const pattern: VerifyState = { step: 'pattern', options };

    it('VERIFIED → done', () => {
      expect(transition(pattern, { type: 'VERIFIED', session })).to.deep.equal({
        step: 'done',
        session,
      });
    });

    it('BACK (choose email or text message instead) returns to choose with pattern selected', () => {
      expect(transition(pattern, { type: 'BACK' })).to.deep.equal(choose({ selected: 'pattern' }));
    });

    it('PATTERN_UNAVAILABLE disables the pattern option and selects the first other one', () => {
      const error = adapterError('PATTERN_UNAVAILABLE', { reason: 'locked' });
      const next = transition(pattern, { type: 'PATTERN_UNAVAILABLE', error });
      expect(next).to.deep.equal(
        choose({
          options: options.map((o) => (o.method === 'pattern' ? { ...o, available: false } : o)),
          selected: 'email',
          error,
        }),
      );
      const onlyPattern: VerifyState = {
        step: 'pattern',
        options: [{ method: 'pattern', available: true }],
      };
      const n2 = transition(onlyPattern, { type: 'PATTERN_UNAVAILABLE' });
      expect(n2).to.deep.equal({
        step: 'choose',
        options: [{ method: 'pattern', available: false }],
        sending: false,
      });
    });

    it('ignores code events', () => {
      expect(transition(pattern, { type: 'SUBMIT_CODE' })).to.equal(pattern);
      expect(transition(pattern, { type: 'CONTINUE' })).to.equal(pattern);
    });
  });

  it('EXPIRED from any unfinished step → expired; done and expired are final', () => {
    for (const s of [choose(), code(), { step: 'pattern', options } as VerifyState]) {
      expect(transition(s, { type: 'EXPIRED' })).to.deep.equal({ step: 'expired' });
    }
    const done: VerifyState = { step: 'done', session };
    expect(transition(done, { type: 'EXPIRED' })).to.equal(done);
    expect(transition(done, { type: 'BACK' })).to.equal(done);
    const expired: VerifyState = { step: 'expired' };
    expect(transition(expired, { type: 'CONTINUE' })).to.equal(expired);
  });
});
