/**
 * The chaos adapter (src/adapter/chaos.ts): every method forwarded, faults reproducible from the
 * seed, injected failures free of side effects, lost responses with them, aborts immediate and
 * final, latency, timeouts and out-of-order delivery as configured. Time is virtual.
 */
import { expect } from '@open-wc/testing';
import {
  createChaosAdapter,
  mulberry32,
  type ChaosAdapter,
  type ChaosMethod,
  type ChaosOptions,
} from '../../src/adapter/chaos.js';
import { AdapterError } from '../../src/adapter/errors.js';
import type { AuthAdapter, CallOptions } from '../../src/adapter/types.js';
import { MemoryAdapter } from '../../src/adapter/memory/memory-adapter.js';
import { DEMO_PRODUCER, seedDemo } from '../../src/adapter/memory/seed.js';
import { failsWith, flushTasks, makeAdapter, VirtualTime } from '../support/hardening.js';

/** Every method of the AuthAdapter contract. */
const METHODS: ChaosMethod[] = [
  'addDelegate',
  'listDelegates',
  'resendInvitation',
  'confirmEmail',
  'findAccount',
  'sendCode',
  'verifyCode',
  'setPassword',
  'login',
  'sendVerificationCode',
  'verifyAccountCode',
  'enrollTypingPattern',
  'verifyTypingPattern',
  'checkDevice',
  'forgotUsername',
  'getSession',
  'logout',
  'reportIssue',
  'resetTypingPattern',
  'unlockAccount',
  'startPasskeyRegistration',
  'finishPasskeyRegistration',
  'listPasskeys',
  'renamePasskey',
  'deletePasskey',
  'startPasskeySignIn',
  'finishPasskeySignIn',
  'searchDelegates',
  'getDelegateDetail',
  'listDelegateActivity',
  'helpDeskAction',
  'setDelegateActive',
  'unlockDelegate',
  'listMyActivity',
];
const NO_INPUT = new Set<ChaosMethod>([
  'listDelegates',
  'getSession',
  'logout',
  'startPasskeyRegistration',
  'listPasskeys',
  'startPasskeySignIn',
]);

interface FakeCall {
  method: string;
  input: unknown;
  signal: AbortSignal | undefined;
}

/**
 * A fake backend (a test double, so a Proxy is fine here): every method records its call and
 * resolves at once with `{ method, input }`, unless `fail` names it.
 */
function fakeInner(fail?: string): { inner: AuthAdapter; calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  const inner = new Proxy(
    {},
    {
      get:
        (_t, method: string) =>
        (...args: unknown[]) => {
          const options = (NO_INPUT.has(method as ChaosMethod) ? args[0] : args[1]) as
            | CallOptions
            | undefined;
          const input = NO_INPUT.has(method as ChaosMethod) ? undefined : args[0];
          calls.push({ method, input, signal: options?.signal });
          if (method === fail) return Promise.reject(new AdapterError('FORBIDDEN', {}));
          return Promise.resolve({ method, input });
        },
    },
  ) as AuthAdapter;
  return { inner, calls };
}

function invoke(adapter: AuthAdapter, method: ChaosMethod, input: unknown, options?: CallOptions) {
  const fn = adapter[method] as (...args: unknown[]) => Promise<unknown>;
  return NO_INPUT.has(method) ? fn.call(adapter, options) : fn.call(adapter, input, options);
}

/** Settle order of `promises` (indices), failures included. */
function settleOrder(promises: Promise<unknown>[]): number[] {
  const order: number[] = [];
  promises.forEach((p, i) =>
    p.then(
      () => order.push(i),
      () => order.push(i),
    ),
  );
  return order;
}

describe('hardening / chaos adapter', () => {
  it('forwards every contract method, with its input, result and a signal, when no fault is drawn', async () => {
    const { inner, calls } = fakeInner();
    const chaos = createChaosAdapter(inner, { seed: 1, failureRate: 0 });
    // The explicit wrapper covers the whole contract: nothing more, nothing less.
    const own = Object.keys(chaos).filter((k) => k !== 'log' && k !== 'innerCalls');
    expect(own.sort()).to.deep.equal([...METHODS].sort());
    for (const name of METHODS) {
      expect(MemoryAdapter.prototype, name).to.have.property(name);
    }
    for (const [i, method] of METHODS.entries()) {
      const input = NO_INPUT.has(method) ? undefined : { n: i };
      const result = await invoke(chaos, method, input);
      expect(result).to.deep.equal({ method, input });
      expect(calls[i]!.method).to.equal(method);
      expect(calls[i]!.input).to.equal(input);
      expect(calls[i]!.signal).to.be.instanceOf(AbortSignal);
    }
    expect(chaos.innerCalls()).to.equal(METHODS.length);
    expect(chaos.log.every((r) => r.outcome === 'ok')).to.equal(true);
  });

  it('passes real failures of the wrapped adapter through unchanged', async () => {
    const { inner } = fakeInner('login');
    const chaos = createChaosAdapter(inner, { seed: 1, failureRate: 0 });
    await failsWith(chaos.login({ username: 'a', password: 'b' }), 'FORBIDDEN');
    expect(chaos.log[0]).to.include({ outcome: 'failed', code: 'FORBIDDEN', reachedInner: true });
  });

  it('the same seed gives the same faults; another seed other faults; the rate is honoured', async () => {
    const pattern = async (options: ChaosOptions): Promise<string> => {
      const chaos = createChaosAdapter(fakeInner().inner, options);
      const results = await Promise.allSettled(
        Array.from({ length: 1000 }, () => chaos.getSession()),
      );
      return results
        .map((r) => (r.status === 'fulfilled' ? '.' : (r.reason as AdapterError).code[0]))
        .join('');
    };
    const a = await pattern({ seed: 7, failureRate: 0.3 });
    expect(await pattern({ seed: 7, failureRate: 0.3 })).to.equal(a);
    expect(await pattern({ seed: 8, failureRate: 0.3 })).to.not.equal(a);
    // 1 000 Bernoulli(0.3) draws: mean 300, sd ≈ 14.5; ±60 is beyond 4 sd.
    const failures = a.replace(/\./g, '').length;
    expect(failures).to.be.within(240, 360);
    // Only the default retryable codes, each of them used.
    expect(new Set(a.replace(/\./g, ''))).to.deep.equal(new Set(['N', 'T', 'U']));
    const custom = await pattern({ seed: 7, failureRate: 1, codes: ['UNAVAILABLE'] });
    expect(custom).to.equal('U'.repeat(1000));
    expect(await pattern({ seed: 7, failureRate: 0 })).to.equal('.'.repeat(1000));
  });

  it('an injected failure never reaches the wrapped adapter: no side effect', async () => {
    const { adapter } = makeAdapter();
    await seedDemo(adapter);
    const chaos = createChaosAdapter(adapter, { seed: 3, failureRate: 1 });
    for (let i = 0; i < 20; i++) {
      const err = await chaos.forgotUsername({ email: DEMO_PRODUCER.email }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).to.be.instanceOf(AdapterError);
      expect(['NETWORK', 'TIMEOUT', 'UNAVAILABLE']).to.include((err as AdapterError).code);
    }
    expect(chaos.innerCalls()).to.equal(0);
    expect(chaos.log.every((r) => r.outcome === 'injected' && !r.reachedInner)).to.equal(true);
    expect(adapter.outbox).to.have.length(0);
    // Not even the send throttle moved: the first real request goes through.
    await adapter.forgotUsername({ email: DEMO_PRODUCER.email });
    expect(adapter.outbox).to.have.length(1);
  });

  it('a lost response (opt-in) fails the caller although the work was done; off by default', async () => {
    const { adapter } = makeAdapter();
    await seedDemo(adapter);
    const lossy = createChaosAdapter(adapter, {
      seed: 4,
      failureRate: 0,
      lostResponseRate: 1,
      codes: ['TIMEOUT'],
    });
    await failsWith(lossy.forgotUsername({ email: DEMO_PRODUCER.email }), 'TIMEOUT');
    expect(lossy.log[0]).to.include({ outcome: 'lost', reachedInner: true, code: 'TIMEOUT' });
    expect(adapter.outbox).to.have.length(1);
    // The retry of a lost non-idempotent call meets the consequence of the first one.
    await failsWith(adapter.forgotUsername({ email: DEMO_PRODUCER.email }), 'RATE_LIMITED');

    const byDefault = createChaosAdapter(fakeInner().inner, { seed: 4, failureRate: 0 });
    const results = await Promise.allSettled(
      Array.from({ length: 300 }, () => byDefault.getSession()),
    );
    expect(results.every((r) => r.status === 'fulfilled')).to.equal(true);
  });

  it('abort before the call: ABORTED at once, the wrapped adapter never called', async () => {
    const { inner, calls } = fakeInner();
    const chaos = createChaosAdapter(inner, { seed: 1, failureRate: 0 });
    const controller = new AbortController();
    controller.abort();
    await failsWith(chaos.login({ username: 'a', password: 'b' }, controller), 'ABORTED');
    expect(calls).to.have.length(0);
    expect(chaos.log[0]).to.include({ outcome: 'aborted', reachedInner: false });
  });

  it('abort during the latency: rejects immediately, and the wrapped adapter is never called', async () => {
    const time = new VirtualTime();
    const { inner, calls } = fakeInner();
    const chaos = createChaosAdapter(inner, {
      seed: 1,
      failureRate: 0,
      latency: { min: 2000, max: 2000 },
      sleep: time.sleep,
    });
    const controller = new AbortController();
    let settled: string | null = null;
    const call = chaos.login({ username: 'a', password: 'b' }, controller);
    call.then(
      () => (settled = 'ok'),
      (e: AdapterError) => (settled = e.code),
    );
    await time.advance(500);
    expect(settled).to.equal(null);
    controller.abort();
    await flushTasks(1);
    // No virtual time passed since the abort: the rejection did not wait for the latency.
    expect(settled).to.equal('ABORTED');
    await time.advance(10_000);
    expect(calls).to.have.length(0);
    expect(chaos.innerCalls()).to.equal(0);
    expect(time.pending).to.equal(0);
  });

  it('abort while the wrapped call runs: rejects immediately and aborts the wrapped call too', async () => {
    const signals: AbortSignal[] = [];
    let release!: () => void;
    const inner = {
      getSession: (o?: CallOptions) => {
        signals.push(o!.signal!);
        return new Promise<null>((r) => (release = () => r(null)));
      },
    } as unknown as AuthAdapter;
    const chaos = createChaosAdapter(inner, { seed: 1, failureRate: 0 });
    const controller = new AbortController();
    const call = chaos.getSession(controller);
    await flushTasks(1);
    expect(signals).to.have.length(1);
    controller.abort();
    await failsWith(call, 'ABORTED');
    expect(signals[0]!.aborted).to.equal(true);
    release(); // a late answer changes nothing
    await flushTasks(1);
    expect(chaos.log[0]!.outcome).to.equal('aborted');
  });

  it('latency: a call settles no earlier than its drawn latency, no later than the maximum', async () => {
    const time = new VirtualTime();
    const chaos = createChaosAdapter(fakeInner().inner, {
      seed: 11,
      failureRate: 0.5,
      latency: { min: 1000, max: 3000 },
      sleep: time.sleep,
    });
    const settledAt: number[] = [];
    const calls = Array.from({ length: 20 }, (_, i) =>
      chaos.getSession().then(
        () => (settledAt[i] = time.now),
        () => (settledAt[i] = time.now),
      ),
    );
    await time.advance(999);
    expect(settledAt.filter((x) => x !== undefined)).to.have.length(0);
    await time.advance(2001);
    await Promise.all(calls);
    for (const [i, record] of chaos.log.entries()) {
      expect(record.latency).to.be.within(1000, 3000);
      // An injected failure skips the response half of the latency.
      const expected = record.outcome === 'injected' ? record.latency / 2 : record.latency;
      // In-order delivery may hold a call until earlier ones settle, never release it early.
      expect(settledAt[i]).to.be.at.least(Math.floor(expected));
      expect(settledAt[i]).to.be.at.most(3000);
    }
  });

  it('by default responses arrive in request order; with outOfOrder, later calls overtake', async () => {
    const run = async (outOfOrder: boolean): Promise<number[]> => {
      const time = new VirtualTime();
      const chaos = createChaosAdapter(fakeInner().inner, {
        seed: 21,
        failureRate: 0.3,
        latency: { min: 0, max: 3000 },
        outOfOrder,
        sleep: time.sleep,
      });
      const promises = Array.from({ length: 30 }, () => chaos.getSession());
      const order = settleOrder(promises);
      await time.advance(3000);
      await Promise.allSettled(promises);
      expect(order).to.have.length(30);
      return order;
    };
    const inOrder = await run(false);
    expect(inOrder).to.deep.equal([...inOrder].sort((a, b) => a - b));
    const shuffled = await run(true);
    expect(shuffled).to.not.deep.equal([...shuffled].sort((a, b) => a - b));
    expect([...shuffled].sort((a, b) => a - b)).to.deep.equal(
      Array.from({ length: 30 }, (_, i) => i),
    );
  });

  it('an aborted call does not hold up the calls after it (in-order mode)', async () => {
    const time = new VirtualTime();
    const chaos = createChaosAdapter(fakeInner().inner, {
      seed: 5,
      failureRate: 0,
      latency: { min: 1000, max: 1000 },
      sleep: time.sleep,
    });
    const controller = new AbortController();
    const first = chaos.getSession(controller);
    const second = chaos.getSession();
    controller.abort();
    await failsWith(first, 'ABORTED');
    await time.advance(1000);
    expect(await second).to.deep.equal({ method: 'getSession', input: undefined });
  });

  it('timeoutMs: a call slower than the timeout rejects TIMEOUT and aborts the wrapped call', async () => {
    const time = new VirtualTime();
    const signals: AbortSignal[] = [];
    const inner = {
      logout: (o?: CallOptions) => {
        signals.push(o!.signal!);
        return Promise.resolve();
      },
    } as unknown as AuthAdapter;
    const chaos: ChaosAdapter = createChaosAdapter(inner, {
      seed: 2,
      failureRate: 0,
      latency: { min: 800, max: 800 },
      timeoutMs: 500,
      sleep: time.sleep,
    });
    let code: string | null = null;
    const slow = chaos.logout().catch((e: AdapterError) => (code = e.code));
    await time.advance(499);
    expect(code).to.equal(null);
    await time.advance(1);
    await slow;
    expect(code).to.equal('TIMEOUT');
    // The request half (400 ms) had passed: the backend got the call, and its signal is aborted.
    expect(signals).to.have.length(1);
    expect(signals[0]!.aborted).to.equal(true);
    expect(chaos.log[0]!.outcome).to.equal('timeout');

    const fast = createChaosAdapter(inner, {
      seed: 2,
      failureRate: 0,
      latency: { min: 100, max: 100 },
      timeoutMs: 500,
      sleep: time.sleep,
    });
    const ok = fast.logout();
    await time.advance(100);
    await ok;
    expect(fast.log[0]!.outcome).to.equal('ok');
    expect(time.pending).to.equal(0); // the timeout's timer was cancelled
  });

  it('the real sleep waits, and stops on abort', async () => {
    const chaos = createChaosAdapter(fakeInner().inner, {
      seed: 9,
      failureRate: 0,
      latency: { min: 300, max: 300 },
    });
    const t0 = performance.now();
    await chaos.getSession();
    expect(performance.now() - t0).to.be.at.least(295);
    const controller = new AbortController();
    const t1 = performance.now();
    const call = chaos.getSession(controller);
    controller.abort();
    await failsWith(call, 'ABORTED');
    expect(performance.now() - t1).to.be.below(150);
  });

  it('mulberry32 is deterministic and uniform enough; bad options are refused', () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(xs.every((x, i) => x === b() && x >= 0 && x < 1 && i >= 0)).to.equal(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).to.be.within(0.48, 0.52);
    const { inner } = fakeInner();
    expect(() => createChaosAdapter(inner, { seed: 1, failureRate: 1.5 })).to.throw(RangeError);
    expect(() => createChaosAdapter(inner, { seed: 1, lostResponseRate: -0.1 })).to.throw(
      RangeError,
    );
    expect(() => createChaosAdapter(inner, { seed: 1, codes: [] })).to.throw(RangeError);
    expect(() => createChaosAdapter(inner, { seed: 1, latency: { min: 5, max: 1 } })).to.throw(
      RangeError,
    );
    expect(() => createChaosAdapter(inner, { seed: 1, timeoutMs: 0 })).to.throw(RangeError);
  });
});
