/**
 * Test fixtures for the login journey: a MemoryAdapter with a registered delegate (password
 * set), synthetic typing samples, and a way to type into `<pep-typing-pattern>` with controlled
 * `event.timeStamp`s.
 */
import { MemoryAdapter } from '../../src/adapter/memory/memory-adapter.js';
import { seedDemo, DEMO_PRODUCER } from '../../src/adapter/memory/seed.js';
import { latestCode, latestLinkToken } from '../../src/adapter/memory/outbox.js';
import type {
  Language,
  AuthAdapter,
  KeystrokeEvent,
  PendingLogin,
  TypingSample,
} from '../../src/adapter/types.js';
import { ManualClock } from '../../src/core/clock.js';
import type { DeviceStore, StoredDevice } from '../../src/shared/device-store.js';

/** A device store in memory (`map` to inspect what was remembered). */
export function memoryStore(): DeviceStore & { map: Map<string, StoredDevice> } {
  const map = new Map<string, StoredDevice>();
  return {
    map,
    get: (u) => map.get(u) ?? null,
    set: (u, token, expiresAt) => void map.set(u, { token, expiresAt }),
    delete: (u) => void map.delete(u),
  };
}

/** `adapter` with `before(method, args)` run, and awaited, ahead of every call it forwards. */
export function spying(
  adapter: AuthAdapter,
  before: (method: string, args: unknown[]) => unknown,
): AuthAdapter {
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      const v: unknown = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      return async (...args: unknown[]) => {
        await before(String(prop), args);
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** A device store that remembers nothing. */
export const noStore: DeviceStore = {
  get: () => null,
  set: () => undefined,
  delete: () => undefined,
};

export const DELEGATE = {
  username: 'dana0001',
  password: 'Blue-Sky-Walk-42',
  email: 'dana.lee@example.com',
  mobile: '(312) 555-0101',
  firstName: 'Dana',
  lastName: 'Lee',
} as const;

/** A short sentence keeps typing tests fast; it has a capital and a space. */
export const SAMPLE = 'Go home';

export interface Setup {
  adapter: MemoryAdapter;
  clock: ManualClock;
}

/** A fresh adapter (fake clock, fast PBKDF2) with the demo producer and one registered delegate. */
export async function setupDelegate(sampleText = SAMPLE): Promise<Setup> {
  const clock = new ManualClock(Date.UTC(2026, 0, 5, 15, 0, 0));
  const adapter = new MemoryAdapter({ clock, pbkdf2Iterations: 1000, sampleText });
  await seedDemo(adapter);
  await adapter.admin.signIn(DEMO_PRODUCER.username);
  await adapter.addDelegate({
    username: DELEGATE.username,
    email: DELEGATE.email,
    firstName: DELEGATE.firstName,
    lastName: DELEGATE.lastName,
    mobile: DELEGATE.mobile,
    states: ['IL'],
  });
  await adapter.logout();
  await adapter.confirmEmail({ token: latestLinkToken(adapter, DELEGATE.email) });
  const flow = await adapter.findAccount({ username: DELEGATE.username, purpose: 'create' });
  await adapter.sendCode({ flowId: flow.flowId, channel: 'email' });
  await adapter.verifyCode({ flowId: flow.flowId, code: latestCode(adapter, 'email') });
  await adapter.setPassword({ flowId: flow.flowId, password: DELEGATE.password });
  clock.advance(60_000);
  return { adapter, clock };
}

/** Timings of a synthetic typist: hold time and key-down to key-down per character. */
export interface Rhythm {
  hold: number;
  flight: number;
}

export const TYPIST_A: Rhythm = { hold: 90, flight: 180 };
export const TYPIST_B: Rhythm = { hold: 30, flight: 420 };

/**
 * The key events of typing `text` with `rhythm`, starting at `t0`. A small deterministic
 * variation (`wobble` ms, different per character and attempt) keeps samples realistic.
 */
export function keyEvents(
  text: string,
  rhythm: Rhythm,
  t0 = 1000,
  wobble = 0,
  seed = 0,
): KeystrokeEvent[] {
  const events: KeystrokeEvent[] = [];
  let t = t0;
  [...text].forEach((ch, i) => {
    const jitter = wobble ? (((i * 7 + seed * 13) % 5) - 2) * (wobble / 2) : 0;
    const code = ch === ' ' ? 'Space' : `Key${ch.toUpperCase()}`;
    const upper = ch !== ch.toLowerCase();
    if (upper) events.push({ type: 'down', key: 'Shift', code: 'ShiftLeft', t: t - 40 });
    events.push({ type: 'down', key: ch, code, t });
    events.push({ type: 'up', key: ch, code, t: t + rhythm.hold + jitter });
    if (upper)
      events.push({ type: 'up', key: 'Shift', code: 'ShiftLeft', t: t + rhythm.hold + 10 });
    t += rhythm.flight + jitter;
  });
  return events.sort((a, b) => a.t - b.t);
}

/** Three samples of `text` typed with `rhythm`. */
export function samplesOf(text: string, rhythm: Rhythm, wobble = 8): TypingSample[] {
  return [0, 1, 2].map((seed) => ({ text, events: keyEvents(text, rhythm, 1000, wobble, seed) }));
}

/**
 * Log in with the password (from a widget in `language`, when given); returns the pending login
 * (after enrolling the pattern if asked).
 */
export async function pendingLogin(
  adapter: MemoryAdapter,
  enroll = true,
  language?: Language,
): Promise<PendingLogin> {
  const result = await adapter.login({
    username: DELEGATE.username,
    password: DELEGATE.password,
    ...(language ? { language } : {}),
  });
  if (result.status !== 'verification-required') throw new Error('expected verification');
  if (!result.pending.mustEnrollPattern || !enroll) return result.pending;
  return adapter.enrollTypingPattern({
    pendingId: result.pending.pendingId,
    samples: samplesOf(result.pending.sampleText, TYPIST_A),
  });
}

/**
 * An account whose pattern is enrolled and whose first login was completed by code, then a new
 * login: the pending login offers email, SMS and the pattern.
 */
export async function verifiedDelegateLogin(
  adapter: MemoryAdapter,
  language?: Language,
): Promise<PendingLogin> {
  const first = await pendingLogin(adapter, true, language);
  await adapter.sendVerificationCode({ pendingId: first.pendingId, channel: 'email' });
  await adapter.verifyAccountCode({
    pendingId: first.pendingId,
    code: latestCode(adapter, 'email'),
    rememberDevice: false,
  });
  await adapter.logout();
  return pendingLogin(adapter, false, language);
}

function keyboardEvent(type: 'keydown' | 'keyup', e: KeystrokeEvent): KeyboardEvent {
  const ev = new KeyboardEvent(type, {
    key: e.key,
    code: e.code,
    bubbles: true,
    composed: true,
    cancelable: true,
    shiftKey: e.key === 'Shift' ? type === 'keydown' : false,
  });
  // A dispatched event's timeStamp is its creation time; the recorder must see ours.
  Object.defineProperty(ev, 'timeStamp', { value: e.t });
  return ev;
}

/**
 * Type `text` into `input` as a browser would: keydown, the character's `input` (value grows),
 * keyup, with `event.timeStamp` from `rhythm`.
 */
export function typeInto(
  input: HTMLInputElement,
  text: string,
  rhythm: Rhythm,
  seed = 0,
  wobble = 8,
): void {
  const events = keyEvents(text, rhythm, 1000 + seed * 10_000, wobble, seed);
  for (const e of events) {
    if (e.type === 'down') {
      const notCancelled = input.dispatchEvent(keyboardEvent('keydown', e));
      if (notCancelled && e.key.length === 1) {
        input.value += e.key;
        input.dispatchEvent(
          new InputEvent('input', {
            bubbles: true,
            composed: true,
            data: e.key,
            inputType: 'insertText',
          }),
        );
      }
    } else {
      input.dispatchEvent(keyboardEvent('keyup', e));
    }
  }
}

/**
 * Yield one macrotask. Unlike `setTimeout`, a MessageChannel message is not throttled in a
 * background tab (the test runner runs files in parallel pages), so waits stay fast.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Wait until `pred()` holds (adapter work and renders are async); throws after `ms`. */
export async function until(
  pred: () => boolean,
  what = 'the expected state',
  ms = 5000,
): Promise<void> {
  const deadline = performance.now() + ms;
  while (!pred()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await nextTask();
  }
}

/** Let pending adapter calls and renders finish (a few macrotasks). */
export async function settle(el: { updateComplete: Promise<boolean> }, rounds = 8): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await nextTask();
    await el.updateComplete;
  }
}
