/**
 * A fault-injecting wrapper for any {@link AuthAdapter}: latency, rejections, timeouts, lost
 * responses and out-of-order delivery, all driven by a seeded pseudo-random generator so that a
 * failing run can be replayed. Use it to see how widgets (or your own host code) behave on a bad
 * network:
 *
 *   const adapter = createChaosAdapter(new MemoryAdapter(), {
 *     seed: 42,
 *     failureRate: 0.3,
 *     latency: { min: 100, max: 3000 },
 *     timeoutMs: 2500,
 *     outOfOrder: true,
 *   });
 *
 * What each call goes through, in order:
 * 1. Already aborted: rejects `ABORTED` at once; the wrapped adapter is never called.
 * 2. Random draws, made synchronously at call time (so the same seed and the same sequence of
 *    calls give the same faults): a latency in `[latency.min, latency.max]`, whether the call
 *    fails before reaching the wrapped adapter (`failureRate`), whether its response is lost
 *    (`lostResponseRate`), and which code (`codes`) a fault uses.
 * 3. The request half of the latency. A call chosen to fail then rejects with its code WITHOUT
 *    calling the wrapped adapter, so an injected failure has no side effect.
 * 4. The wrapped adapter is called with a signal that aborts when the caller aborts or the call
 *    times out.
 * 5. The response half of the latency. A call chosen to lose its response then rejects with its
 *    code although the wrapped adapter DID the work (a password counted as wrong, a code sent):
 *    this is what a dropped connection looks like, and it makes non-idempotent calls ambiguous
 *    for the caller, so it is off by default (`lostResponseRate: 0`).
 * 6. Unless `outOfOrder` is set, a call settles only after every earlier call has settled
 *    (responses arrive in request order). With `outOfOrder`, each call settles as soon as its own
 *    latency is over, so a later call often settles before an earlier one.
 *
 * At any moment, aborting the caller's signal rejects the call with `ABORTED` immediately, and
 * the wrapped adapter is not called after an abort. With `timeoutMs`, a call not settled within
 * that time rejects `TIMEOUT` (the wrapped call, if it started, is aborted but may have done its
 * work, as on a real server).
 *
 * Time is read only through `sleep`, which tests replace with a virtual clock.
 */
import { AdapterError, adapterError, toAdapterError } from './errors.js';
import type { AdapterErrorCode, AdapterErrorDataMap } from './errors.js';
import type { AuthAdapter, CallOptions } from './types.js';

/** Codes a fault may use: those whose data is empty, so the error is well-formed. */
export type ChaosErrorCode = {
  [K in AdapterErrorCode]: AdapterErrorDataMap[K] extends Record<string, never> ? K : never;
}[AdapterErrorCode];

/** Every method of the contract, by name. */
export type ChaosMethod = keyof AuthAdapter;

/** Waits `ms` milliseconds; must reject (with anything) when `signal` aborts. */
export type ChaosSleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface ChaosOptions {
  /** Seed of the pseudo-random generator (mulberry32): same seed and calls, same faults. */
  seed: number;
  /** Probability (0..1) that a call fails before reaching the wrapped adapter. Default 0.3. */
  failureRate?: number;
  /**
   * Probability (0..1) that a call that did reach the wrapped adapter loses its response (the
   * work stands, the caller gets a failure). Default 0: see the module comment.
   */
  lostResponseRate?: number;
  /** Codes a fault uses, chosen uniformly. Default: NETWORK, TIMEOUT, UNAVAILABLE. */
  codes?: readonly ChaosErrorCode[];
  /** Added latency per call in ms, uniform in [min, max], half before and half after the call. Default 0. */
  latency?: { min: number; max: number };
  /** Let later calls settle before earlier ones. Default false (responses in request order). */
  outOfOrder?: boolean;
  /** Reject `TIMEOUT` when a call has not settled after this many ms. Default: no timeout. */
  timeoutMs?: number;
  /** How to wait. Default: `setTimeout`, cancelled on abort. */
  sleep?: ChaosSleep;
}

/** What happened to one call (see {@link ChaosAdapter.log}). */
export type ChaosOutcome =
  | 'pending'
  | 'ok'
  /** The wrapped adapter rejected (a real failure, passed through). */
  | 'failed'
  /** A fault injected before the wrapped adapter was called. */
  | 'injected'
  /** The wrapped adapter did the work, the response was dropped. */
  | 'lost'
  | 'timeout'
  | 'aborted';

export interface ChaosRecord {
  /** 1, 2, 3… in call order. */
  seq: number;
  method: ChaosMethod;
  /** Latency drawn for this call, ms. */
  latency: number;
  /** True once the wrapped adapter was called. */
  reachedInner: boolean;
  outcome: ChaosOutcome;
  /** The code the caller got, when it failed. */
  code?: AdapterErrorCode;
}

/** The wrapped adapter, plus a record of every call for tests and diagnostics. */
export interface ChaosAdapter extends AuthAdapter {
  /**
   * One record per call, in call order (updated as calls settle). It keeps every call: for a
   * long-running page, make a new wrapper now and then.
   */
  readonly log: readonly ChaosRecord[];
  /** How many calls reached the wrapped adapter (of one method, or of all). */
  innerCalls(method?: ChaosMethod): number;
}

/** mulberry32: a tiny, fast, seeded generator of floats in [0, 1). Not for secrets. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The default `sleep`: a timer, cleared (and the promise rejected) when `signal` aborts. */
export const realSleep: ChaosSleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      reject(adapterError('ABORTED'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(adapterError('ABORTED'));
    };
    const timer = setTimeout(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal.addEventListener('abort', onAbort, { once: true });
  });

function checkRate(name: string, value: number): number {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be in 0..1`);
  return value;
}

/**
 * Wrap `inner` so that its calls suffer the faults described by `options`. Every method of
 * {@link AuthAdapter} is forwarded explicitly (no Proxy), with its own types.
 */
export function createChaosAdapter(inner: AuthAdapter, options: ChaosOptions): ChaosAdapter {
  const random = mulberry32(options.seed);
  const failureRate = checkRate('failureRate', options.failureRate ?? 0.3);
  const lostResponseRate = checkRate('lostResponseRate', options.lostResponseRate ?? 0);
  const codes: readonly ChaosErrorCode[] = options.codes ?? ['NETWORK', 'TIMEOUT', 'UNAVAILABLE'];
  if (codes.length === 0) throw new RangeError('codes must not be empty');
  const min = options.latency?.min ?? 0;
  const max = options.latency?.max ?? min;
  if (!(min >= 0 && max >= min)) throw new RangeError('latency needs 0 <= min <= max');
  const timeoutMs = options.timeoutMs;
  if (timeoutMs !== undefined && !(timeoutMs > 0)) throw new RangeError('timeoutMs must be > 0');
  const sleep = options.sleep ?? realSleep;
  const outOfOrder = options.outOfOrder ?? false;

  const log: ChaosRecord[] = [];
  /** Settles when every call made so far has settled (in-order delivery). */
  let delivered: Promise<void> = Promise.resolve();

  const pick = (): ChaosErrorCode => codes[Math.floor(random() * codes.length)]!;

  function run<T>(
    method: ChaosMethod,
    options: CallOptions | undefined,
    call: (o: CallOptions) => Promise<T>,
  ): Promise<T> {
    const signal = options?.signal;
    // Draws first, always in the same number, so one call's fate never shifts another's.
    const latency = min + random() * (max - min);
    const failBefore = random() < failureRate;
    const beforeCode = pick();
    const loseResponse = random() < lostResponseRate;
    const afterCode = pick();
    const record: ChaosRecord = {
      seq: log.length + 1,
      method,
      latency,
      reachedInner: false,
      outcome: 'pending',
    };
    log.push(record);

    const settle = (outcome: ChaosOutcome, error?: AdapterError): void => {
      if (record.outcome !== 'pending') return;
      record.outcome = outcome;
      if (error) record.code = error.code;
    };

    if (signal?.aborted) {
      const err = adapterError('ABORTED');
      settle('aborted', err);
      return Promise.reject(err);
    }

    // Aborted by the caller or by the timeout; passed to sleep and to the wrapped adapter.
    const controller = new AbortController();
    const previous = delivered;
    let release!: () => void;
    delivered = new Promise<void>((r) => (release = r));

    return new Promise<T>((resolve, reject) => {
      // Cancels the timeout's sleep once the call settles.
      const timer = new AbortController();
      let done = false;
      const finish = (outcome: ChaosOutcome, value?: T, error?: AdapterError): void => {
        if (done) return;
        done = true;
        signal?.removeEventListener('abort', onAbort);
        timer.abort();
        controller.abort();
        settle(outcome, error);
        if (error) reject(error);
        else resolve(value as T);
      };
      const onAbort = (): void => finish('aborted', undefined, adapterError('ABORTED'));
      signal?.addEventListener('abort', onAbort, { once: true });

      if (timeoutMs !== undefined) {
        sleep(timeoutMs, timer.signal).then(
          () => finish('timeout', undefined, adapterError('TIMEOUT')),
          () => undefined,
        );
      }

      const work = async (): Promise<{
        outcome: ChaosOutcome;
        value?: T;
        error?: AdapterError;
      }> => {
        try {
          await sleep(latency / 2, controller.signal);
          if (controller.signal.aborted) return { outcome: 'aborted' };
          if (failBefore) return { outcome: 'injected', error: adapterError(beforeCode) };
          record.reachedInner = true;
          let value: T;
          try {
            value = await call({ signal: controller.signal });
          } catch (e) {
            await sleep(latency - latency / 2, controller.signal);
            return { outcome: 'failed', error: toAdapterError(e) };
          }
          await sleep(latency - latency / 2, controller.signal);
          if (loseResponse) return { outcome: 'lost', error: adapterError(afterCode) };
          return { outcome: 'ok', value };
        } catch (e) {
          // Only a sleep interrupted by abort or timeout lands here; `finish` already ran.
          return { outcome: 'aborted', error: toAdapterError(e) };
        }
      };

      void work().then(async (r) => {
        if (!outOfOrder) await previous;
        if (r.error) finish(r.outcome, undefined, r.error);
        else if (r.outcome === 'ok') finish('ok', r.value);
        else finish('aborted', undefined, adapterError('ABORTED'));
      });
    }).finally(() => {
      // The next call may be delivered once this one and every earlier one have settled.
      void previous.then(release);
    });
  }

  const adapter = {
    log,
    innerCalls(method?: ChaosMethod): number {
      return log.filter((r) => r.reachedInner && (method === undefined || r.method === method))
        .length;
    },

    addDelegate: (input, o) => run('addDelegate', o, (x) => inner.addDelegate(input, x)),
    listDelegates: (o) => run('listDelegates', o, (x) => inner.listDelegates(x)),
    resendInvitation: (input, o) =>
      run('resendInvitation', o, (x) => inner.resendInvitation(input, x)),
    confirmEmail: (input, o) => run('confirmEmail', o, (x) => inner.confirmEmail(input, x)),
    findAccount: (input, o) => run('findAccount', o, (x) => inner.findAccount(input, x)),
    sendCode: (input, o) => run('sendCode', o, (x) => inner.sendCode(input, x)),
    verifyCode: (input, o) => run('verifyCode', o, (x) => inner.verifyCode(input, x)),
    setPassword: (input, o) => run('setPassword', o, (x) => inner.setPassword(input, x)),
    login: (input, o) => run('login', o, (x) => inner.login(input, x)),
    sendVerificationCode: (input, o) =>
      run('sendVerificationCode', o, (x) => inner.sendVerificationCode(input, x)),
    verifyAccountCode: (input, o) =>
      run('verifyAccountCode', o, (x) => inner.verifyAccountCode(input, x)),
    enrollTypingPattern: (input, o) =>
      run('enrollTypingPattern', o, (x) => inner.enrollTypingPattern(input, x)),
    verifyTypingPattern: (input, o) =>
      run('verifyTypingPattern', o, (x) => inner.verifyTypingPattern(input, x)),
    checkDevice: (input, o) => run('checkDevice', o, (x) => inner.checkDevice(input, x)),
    forgotUsername: (input, o) => run('forgotUsername', o, (x) => inner.forgotUsername(input, x)),
    getSession: (o) => run('getSession', o, (x) => inner.getSession(x)),
    logout: (o) => run('logout', o, (x) => inner.logout(x)),
    reportIssue: (report, o) => run('reportIssue', o, (x) => inner.reportIssue(report, x)),
    resetTypingPattern: (input, o) =>
      run('resetTypingPattern', o, (x) => inner.resetTypingPattern(input, x)),
    unlockAccount: (input, o) => run('unlockAccount', o, (x) => inner.unlockAccount(input, x)),
    searchDelegates: (input, o) =>
      run('searchDelegates', o, (x) => inner.searchDelegates(input, x)),
    getDelegateDetail: (input, o) =>
      run('getDelegateDetail', o, (x) => inner.getDelegateDetail(input, x)),
    listDelegateActivity: (input, o) =>
      run('listDelegateActivity', o, (x) => inner.listDelegateActivity(input, x)),
    helpDeskAction: (input, o) => run('helpDeskAction', o, (x) => inner.helpDeskAction(input, x)),
    setDelegateActive: (input, o) =>
      run('setDelegateActive', o, (x) => inner.setDelegateActive(input, x)),
    unlockDelegate: (input, o) => run('unlockDelegate', o, (x) => inner.unlockDelegate(input, x)),
    listMyActivity: (input, o) => run('listMyActivity', o, (x) => inner.listMyActivity(input, x)),
    startPasskeyRegistration: (o) =>
      run('startPasskeyRegistration', o, (x) => inner.startPasskeyRegistration(x)),
    finishPasskeyRegistration: (input, o) =>
      run('finishPasskeyRegistration', o, (x) => inner.finishPasskeyRegistration(input, x)),
    listPasskeys: (o) => run('listPasskeys', o, (x) => inner.listPasskeys(x)),
    renamePasskey: (input, o) => run('renamePasskey', o, (x) => inner.renamePasskey(input, x)),
    deletePasskey: (input, o) => run('deletePasskey', o, (x) => inner.deletePasskey(input, x)),
    startPasskeySignIn: (o) => run('startPasskeySignIn', o, (x) => inner.startPasskeySignIn(x)),
    finishPasskeySignIn: (input, o) =>
      run('finishPasskeySignIn', o, (x) => inner.finishPasskeySignIn(input, x)),
  } satisfies ChaosAdapter;
  return adapter;
}
