/**
 * Shared helpers of the hardening suite: a virtual clock for the chaos adapter's `sleep`, an
 * assertion on AdapterError codes, and a reference adapter with a fake clock and cheap PBKDF2.
 */
import { expect } from '@open-wc/testing';
import { AdapterError, adapterError, type AdapterErrorCode } from '../../src/adapter/errors.js';
import { createChaosAdapter, type ChaosSleep } from '../../src/adapter/chaos.js';
import { MemoryAdapter } from '../../src/adapter/memory/memory-adapter.js';
import { DEMO_PRODUCER, seedDemo } from '../../src/adapter/memory/seed.js';
import { latestCode, latestLinkToken } from '../../src/adapter/memory/outbox.js';
import type { AuthAdapter, DelegateInput } from '../../src/adapter/types.js';
import { ManualClock } from '../../src/core/clock.js';

/** Let every queued task and microtask run (a few macrotask turns). */
export async function flushTasks(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((r) => setTimeout(r, 0));
}

/** A virtual clock: `sleep` waits until `advance` moves time past the wake-up point. */
export class VirtualTime {
  now = 0;
  private seq = 0;
  private timers: { at: number; seq: number; wake: () => void }[] = [];

  readonly sleep: ChaosSleep = (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) {
        reject(adapterError('ABORTED'));
        return;
      }
      const timer = {
        at: this.now + Math.max(0, ms),
        seq: this.seq++,
        wake: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.timers = this.timers.filter((t) => t !== timer);
        reject(adapterError('ABORTED'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
    });

  /** Sleeps not yet woken. */
  get pending(): number {
    return this.timers.length;
  }

  /** Move time forward by `ms`, waking sleepers in order and letting their work run. */
  async advance(ms: number): Promise<void> {
    const target = this.now + ms;
    for (;;) {
      await flushTasks();
      const due = this.timers
        .filter((t) => t.at <= target)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.now = Math.max(this.now, due.at);
      due.wake();
    }
    this.now = target;
    await flushTasks();
  }
}

/** Await `promise` and assert it rejects with an AdapterError of `code`. */
export async function failsWith<C extends AdapterErrorCode>(
  promise: Promise<unknown>,
  code: C,
): Promise<AdapterError<C>> {
  try {
    await promise;
  } catch (err) {
    expect(err, String(err)).to.be.instanceOf(AdapterError);
    expect((err as AdapterError).code, JSON.stringify((err as AdapterError).data)).to.equal(code);
    return err as AdapterError<C>;
  }
  throw new Error(`expected ${code}, but it resolved`);
}

/** The result of a call as JSON: `{ ok: value }` or `{ error: { code, data } }`. */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    return JSON.stringify({ ok: await promise });
  } catch (err) {
    if (!(err instanceof AdapterError)) throw err;
    return JSON.stringify({ error: { code: err.code, data: err.data } });
  }
}

export const PASSWORD = 'Blue-Sky-Quote-42!';

/**
 * The reference adapter on a fake clock that starts at `start` (default: the real time now, so
 * that widgets, which read the real clock, agree with it); PBKDF2 at 1 000 iterations for speed
 * (production: 210 000).
 */
export function makeAdapter(start = Date.now()): { clock: ManualClock; adapter: MemoryAdapter } {
  const clock = new ManualClock(start);
  const adapter = new MemoryAdapter({ clock, pbkdf2Iterations: 1000 });
  return { clock, adapter };
}

let serial = 0;
/** Valid Add Delegate input with a fresh username and email. */
export function delegateInput(overrides: Partial<DelegateInput> = {}): DelegateInput {
  serial += 1;
  return {
    username: `hardened${serial}x`,
    email: `hard.${serial}@example.com`,
    firstName: 'Jane',
    lastName: 'Doe',
    mobile: '(312) 555-0101',
    states: ['IL'],
    ...overrides,
  };
}

/**
 * The demo producer adds a delegate, who confirms the email link and creates `PASSWORD` through
 * the public API. Ends with no session and an empty outbox of interest (codes consumed).
 */
export async function activeDelegate(
  adapter: MemoryAdapter,
  input: DelegateInput = delegateInput(),
): Promise<DelegateInput> {
  await seedDemo(adapter);
  await adapter.admin.signIn(DEMO_PRODUCER.username);
  await adapter.addDelegate(input);
  await adapter.confirmEmail({ token: latestLinkToken(adapter, input.email) });
  await adapter.logout();
  const flow = await adapter.findAccount({ username: input.username, purpose: 'create' });
  await adapter.sendCode({ flowId: flow.flowId, channel: 'email' });
  await adapter.verifyCode({
    flowId: flow.flowId,
    code: latestCode(adapter, 'email', input.email),
  });
  await adapter.setPassword({ flowId: flow.flowId, password: PASSWORD });
  return input;
}

/** The reference adapter with the demo producer signed in. */
export async function producer(): Promise<MemoryAdapter> {
  const { adapter } = makeAdapter();
  await seedDemo(adapter);
  await adapter.admin.signIn(DEMO_PRODUCER.username);
  return adapter;
}

/**
 * A backend that ignores abort signals and holds back its answers to `method` until `release()`
 * (unless `pass`): only the widget itself can protect its current step from the late answer.
 */
export function holding(
  memory: MemoryAdapter,
  method: 'sendVerificationCode' | 'addDelegate' | 'forgotUsername' | 'login',
) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const state = {
    pass: false,
    calls: 0,
    done: false,
    release: () => release(),
    // A plain object with every method (a fault-free chaos wrapper), one of them replaced.
    adapter: createChaosAdapter(memory, { seed: 1, failureRate: 0 }) as AuthAdapter,
  };
  const real = (memory[method] as (input: unknown) => Promise<unknown>).bind(memory);
  (state.adapter as unknown as Record<string, unknown>)[method] = async (input: unknown) => {
    if (state.pass) return real(input);
    state.calls += 1;
    const result = await real(input); // no signal: the work is done whatever happens
    state.done = true;
    await gate;
    return result;
  };
  return state;
}
