/**
 * Test helpers for the registration journey: a seeded MemoryAdapter (fast PBKDF2 for tests),
 * typing into shadow-DOM inputs, and a scriptable fake adapter for failure injection.
 */
import { aTimeout } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapter/memory/memory-adapter.js';
import { seedDemo, DEMO_PRODUCER } from '../../src/adapter/memory/seed.js';
import { ManualClock } from '../../src/core/clock.js';
import type { AuthAdapter, DelegateInput, DelegateSummary } from '../../src/adapter/types.js';

export { DEMO_PRODUCER };

/** A MemoryAdapter with the demo producer, signed in; iterations lowered for test speed. */
export async function producerAdapter(clock?: ManualClock): Promise<MemoryAdapter> {
  const adapter = new MemoryAdapter({ pbkdf2Iterations: 1000, clock });
  await seedDemo(adapter);
  await adapter.admin.signIn(DEMO_PRODUCER.username);
  return adapter;
}

export const JANE: DelegateInput = {
  username: 'janedoe01',
  email: 'jane.doe@example.com',
  firstName: 'Jane',
  lastName: 'Doe',
  mobile: '(312) 555-0101',
  states: ['IL', 'TX'],
};

/** Add a delegate and return it with the emailed link's token. */
export async function addDelegateWithLink(
  adapter: MemoryAdapter,
  input: DelegateInput = JANE,
): Promise<{ delegate: DelegateSummary; token: string }> {
  const delegate = await adapter.addDelegate(input);
  return { delegate, token: latestToken(adapter) };
}

export function latestToken(adapter: MemoryAdapter): string {
  const mail = [...adapter.outbox]
    .reverse()
    .find((m) => m.channel === 'email' && /token=/.test(m.text));
  const token = /token=([^\s&]+)/.exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error('no link in the outbox');
  return decodeURIComponent(token);
}

export function latestCode(adapter: MemoryAdapter, channel: 'email' | 'sms' = 'email'): string {
  const m = [...adapter.outbox].reverse().find((x) => x.channel === channel);
  const code = /\b([2-9A-HJKMNP-Z]{8})\b/.exec(m?.text ?? '')?.[1];
  if (!code) throw new Error('no code in the outbox');
  return code;
}

/** `selector` in the element's shadow root, else in its light-DOM credential form. */
export function $<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found =
    el.shadowRoot!.querySelector<T>(selector) ??
    el.querySelector<T>(`[data-pep-credentials] ${selector}`);
  if (!found) throw new Error(`no ${selector} in <${el.localName}>`);
  return found;
}

/** Set an input's value as typing would and fire `input` (and `blur` when asked). */
export function typeInto(
  el: Element,
  selector: string,
  value: string,
  blur = false,
): HTMLInputElement {
  const input = $<HTMLInputElement>(el, selector);
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  if (blur) input.dispatchEvent(new Event('blur'));
  return input;
}

/** Wait until `check` returns true (re-checking every 10 ms; fails after `ms`). */
export async function until(check: () => boolean, ms = 4000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await aTimeout(10);
  }
}

/** The element that has focus, following shadow roots. */
export function deepActive(): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

export function alertText(el: Element): string {
  return $(el, '[role=alert]').textContent!.replace(/\s+/g, ' ').trim();
}

/**
 * Wrap `real` so that the listed methods fail with the given errors on their first calls (in
 * order), then behave normally. Counts calls per method.
 */
export function failing(
  real: AuthAdapter,
  failures: Partial<Record<keyof AuthAdapter, Error[]>>,
): AuthAdapter & { calls: Record<string, number> } {
  const calls: Record<string, number> = {};
  const queues = new Map(Object.entries(failures).map(([k, v]) => [k, [...(v ?? [])]]));
  return new Proxy(real, {
    get(target, prop, receiver) {
      if (prop === 'calls') return calls;
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls[String(prop)] = (calls[String(prop)] ?? 0) + 1;
        const next = queues.get(String(prop))?.shift();
        if (next) return Promise.reject(next);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as AuthAdapter & { calls: Record<string, number> };
}
