import { expect } from '@open-wc/testing';
import { adapterError } from '../../../src/adapter/errors.js';
import type { TypingSample } from '../../../src/adapter/types.js';
import {
  ATTEMPTS,
  initialTypingState,
  transition,
  type TypingState,
} from '../../../src/elements/typing-pattern/typing-pattern.machine.js';

const TEXT = 'hello there';
const sample = (text = TEXT, t0 = 0): TypingSample => ({
  text,
  events: [
    { type: 'down', key: 'h', code: 'KeyH', t: t0 },
    { type: 'up', key: 'h', code: 'KeyH', t: t0 + 80 },
  ],
});

const typing = (
  samples: TypingSample[],
  over: Partial<Extract<TypingState, { step: 'typing' }>> = {},
): TypingState => ({
  step: 'typing',
  samples,
  ...over,
});
const ready = (over: Partial<Extract<TypingState, { step: 'ready' }>> = {}): TypingState => ({
  step: 'ready',
  samples: [sample(), sample(TEXT, 1), sample(TEXT, 2)],
  submitting: false,
  ...over,
});

describe('typing-pattern.machine', () => {
  it('asks for 3 attempts and starts with none', () => {
    expect(ATTEMPTS).to.equal(3);
    expect(initialTypingState).to.deep.equal({ step: 'typing', samples: [] });
  });

  describe('typing', () => {
    it('a matching attempt is recorded; the third moves to ready', () => {
      const s1 = transition(initialTypingState, { type: 'ATTEMPT', sample: sample(), text: TEXT });
      expect(s1).to.deep.equal(typing([sample()], { notice: 'recorded' }));
      const s2 = transition(s1, { type: 'ATTEMPT', sample: sample(TEXT, 1), text: TEXT });
      expect(s2).to.deep.equal(typing([sample(), sample(TEXT, 1)], { notice: 'recorded' }));
      const s3 = transition(s2, { type: 'ATTEMPT', sample: sample(TEXT, 2), text: TEXT });
      expect(s3).to.deep.equal(ready());
    });

    it('a mismatching attempt is not recorded: retype that attempt', () => {
      const s1 = typing([sample()]);
      expect(
        transition(s1, { type: 'ATTEMPT', sample: sample('hello thre'), text: TEXT }),
      ).to.deep.equal(typing([sample()], { notice: 'mismatch' }));
      // case matters
      expect(
        transition(s1, { type: 'ATTEMPT', sample: sample('Hello there'), text: TEXT }),
      ).to.deep.equal(typing([sample()], { notice: 'mismatch' }));
    });

    it('VOID (backspace, paste, ime) keeps recorded attempts and says why', () => {
      for (const reason of ['backspace', 'paste', 'ime'] as const) {
        expect(
          transition(typing([sample()], { notice: 'recorded' }), { type: 'VOID', reason }),
        ).to.deep.equal(typing([sample()], { notice: reason }));
      }
    });

    it('a new attempt clears the adapter error of the previous submit', () => {
      const s = typing([], { error: adapterError('PATTERN_MISMATCH', { attemptsLeft: 2 }) });
      const next = transition(s, { type: 'ATTEMPT', sample: sample(), text: TEXT });
      expect(next).to.deep.equal(typing([sample()], { notice: 'recorded' }));
    });

    it('START_OVER forgets every attempt', () => {
      expect(transition(typing([sample(), sample()]), { type: 'START_OVER' })).to.deep.equal(
        initialTypingState,
      );
    });

    it('ignores submit events until 3 attempts are recorded', () => {
      const s = typing([sample()]);
      expect(transition(s, { type: 'SUBMIT' })).to.equal(s);
      expect(transition(s, { type: 'SUCCEEDED' })).to.equal(s);
      expect(transition(s, { type: 'FAILED', error: adapterError('NETWORK') })).to.equal(s);
    });
  });

  it('RESET (reset()) goes back to attempt 1 from every step, also while submitting', () => {
    const error = adapterError('PATTERN_UNAVAILABLE', { reason: 'locked' });
    const states: TypingState[] = [
      typing([sample()], { notice: 'recorded' }),
      ready({ error: adapterError('NETWORK') }),
      ready({ submitting: true }),
      { step: 'done' },
      { step: 'unavailable', error },
      { step: 'expired' },
    ];
    for (const s of states)
      expect(transition(s, { type: 'RESET' })).to.deep.equal(initialTypingState);
  });

  describe('ready', () => {
    it('SUBMIT starts submitting once (no double submit)', () => {
      const s = transition(ready({ error: adapterError('NETWORK') }), { type: 'SUBMIT' });
      expect(s).to.deep.equal(ready({ submitting: true }));
      expect(transition(s, { type: 'SUBMIT' })).to.equal(s);
    });

    it('SUCCEEDED → done (only while submitting)', () => {
      expect(transition(ready({ submitting: true }), { type: 'SUCCEEDED' })).to.deep.equal({
        step: 'done',
      });
      const idle = ready();
      expect(transition(idle, { type: 'SUCCEEDED' })).to.equal(idle);
      expect(transition(idle, { type: 'FAILED', error: adapterError('NETWORK') })).to.equal(idle);
    });

    it('PATTERN_MISMATCH / PATTERN_INVALID_SAMPLES: the attempts are spent, type again', () => {
      for (const error of [
        adapterError('PATTERN_MISMATCH', { attemptsLeft: 2 }),
        adapterError('PATTERN_INVALID_SAMPLES', { count: 3 }),
      ]) {
        expect(transition(ready({ submitting: true }), { type: 'FAILED', error })).to.deep.equal(
          typing([], { error }),
        );
      }
    });

    it('the last allowed PATTERN_MISMATCH (attemptsLeft 0) → unavailable', () => {
      const error = adapterError('PATTERN_MISMATCH', { attemptsLeft: 0 });
      expect(transition(ready({ submitting: true }), { type: 'FAILED', error })).to.deep.equal({
        step: 'unavailable',
        error,
      });
    });

    it('PATTERN_UNAVAILABLE → unavailable; FLOW_EXPIRED → expired', () => {
      const error = adapterError('PATTERN_UNAVAILABLE', { reason: 'locked' });
      expect(transition(ready({ submitting: true }), { type: 'FAILED', error })).to.deep.equal({
        step: 'unavailable',
        error,
      });
      expect(
        transition(ready({ submitting: true }), {
          type: 'FAILED',
          error: adapterError('FLOW_EXPIRED'),
        }),
      ).to.deep.equal({ step: 'expired' });
    });

    it('network failures keep the attempts so Submit can be retried', () => {
      const error = adapterError('UNAVAILABLE');
      expect(transition(ready({ submitting: true }), { type: 'FAILED', error })).to.deep.equal(
        ready({ error }),
      );
    });

    it('START_OVER works unless submitting; typing events are ignored', () => {
      expect(transition(ready(), { type: 'START_OVER' })).to.deep.equal(initialTypingState);
      const sub = ready({ submitting: true });
      expect(transition(sub, { type: 'START_OVER' })).to.equal(sub);
      const r = ready();
      expect(transition(r, { type: 'ATTEMPT', sample: sample(), text: TEXT })).to.equal(r);
      expect(transition(r, { type: 'VOID', reason: 'paste' })).to.equal(r);
    });
  });

  it('done, unavailable and expired are final', () => {
    const finals: TypingState[] = [
      { step: 'done' },
      {
        step: 'unavailable',
        error: adapterError('PATTERN_UNAVAILABLE', { reason: 'not-enrolled' }),
      },
      { step: 'expired' },
    ];
    for (const s of finals) {
      expect(transition(s, { type: 'START_OVER' })).to.equal(s);
      expect(transition(s, { type: 'SUBMIT' })).to.equal(s);
      expect(transition(s, { type: 'ATTEMPT', sample: sample(), text: TEXT })).to.equal(s);
    }
  });
});
