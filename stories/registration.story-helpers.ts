/**
 * Helpers for the registration journey's stories: a seeded MemoryAdapter (the demo producer,
 * signed in), failure injection, and small drivers that move an element to a given step
 * through its own UI (so every story shows a state the real element reaches).
 */
import { adapterError, type AdapterError, type AdapterErrorCode } from '../src/adapter/errors.js';
import { MemoryAdapter } from '../src/adapter/memory/memory-adapter.js';
import { DEMO_PRODUCER, seedDemo } from '../src/adapter/memory/seed.js';
import type { AuthAdapter, DelegateInput } from '../src/adapter/types.js';

export const JANE: DelegateInput = {
  username: 'janedoe01',
  email: 'jane.doe@example.com',
  firstName: 'Jane',
  lastName: 'Doe',
  mobile: '(312) 555-0101',
  states: ['IL', 'TX'],
};

export interface StoryWorld {
  adapter: MemoryAdapter;
  /** The link token of Jane's invitation (when `withDelegate`). */
  token: string;
}

/** A fresh MemoryAdapter with the demo producer signed in and, optionally, delegates. */
export async function storyWorld(
  options: {
    delegates?: DelegateInput[];
    /** Confirm each delegate's email link. */
    confirm?: boolean;
    /** Also create each delegate's password (status `active`). */
    activate?: boolean;
  } = {},
): Promise<StoryWorld> {
  const adapter = new MemoryAdapter({ pbkdf2Iterations: 1000 });
  await seedDemo(adapter);
  await adapter.admin.signIn(DEMO_PRODUCER.username);
  let token = '';
  for (const d of options.delegates ?? []) {
    await adapter.addDelegate(d);
    token = latestToken(adapter);
    if (options.confirm || options.activate) await adapter.confirmEmail({ token });
    if (options.activate) await activate(adapter, d.username);
  }
  return { adapter, token };
}

/** Create a password for `username` through the adapter's create-password flow. */
async function activate(adapter: MemoryAdapter, username: string): Promise<void> {
  const { flowId } = await adapter.findAccount({ username, purpose: 'create' });
  await adapter.sendCode({ flowId, channel: 'email' });
  await adapter.verifyCode({ flowId, code: latestCode(adapter) });
  await adapter.setPassword({ flowId, password: 'Sunny-Day-42x' });
}

export function latestToken(adapter: MemoryAdapter): string {
  const mail = [...adapter.outbox].reverse().find((m) => /token=/.test(m.text));
  return decodeURIComponent(/token=([^\s&]+)/.exec(mail?.text ?? '')?.[1] ?? '');
}

export function latestCode(adapter: MemoryAdapter, channel: 'email' | 'sms' = 'email'): string {
  const m = [...adapter.outbox].reverse().find((x) => x.channel === channel);
  return /\b([2-9A-HJKMNP-Z]{8})\b/.exec(m?.text ?? '')?.[1] ?? '';
}

/** `real`, except that the listed methods reject with the given codes (every call). */
export function failingWith(
  real: AuthAdapter,
  failures: Partial<Record<keyof AuthAdapter, AdapterError | AdapterErrorCode>>,
): AuthAdapter {
  return new Proxy(real, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      const failure = failures[prop as keyof AuthAdapter];
      if (typeof value !== 'function') return value;
      if (!failure) return (value as (...a: unknown[]) => unknown).bind(target);
      const error = typeof failure === 'string' ? adapterError(failure as 'NETWORK') : failure;
      return () => Promise.reject(error);
    },
  });
}

/** `real`, except that the first call of `method` rejects with `code` (then it works). */
export function failingOnce(
  real: AuthAdapter,
  method: keyof AuthAdapter,
  code: AdapterErrorCode = 'NETWORK',
): AuthAdapter {
  let failed = false;
  return new Proxy(real, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      const bound = (value as (...a: unknown[]) => unknown).bind(target);
      if (prop !== method) return bound;
      return (...args: unknown[]) => {
        if (failed) return bound(...args);
        failed = true;
        return Promise.reject(adapterError(code as 'NETWORK'));
      };
    },
  });
}

const wait = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Wait until `check()` holds (polling), up to 5 s. */
export async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await wait(10);
}

/** In the shadow root, else in the light-DOM credential form (`[data-pep-credentials]`). */
export function inShadow<T extends Element = HTMLElement>(el: Element, selector: string): T {
  return (el.shadowRoot!.querySelector<T>(selector) ??
    el.querySelector<T>(`[data-pep-credentials] ${selector}`))!;
}

export function type(el: Element, selector: string, value: string): void {
  const input = inShadow<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export function click(el: Element, selector: string): void {
  inShadow<HTMLElement>(el, selector).click();
}
