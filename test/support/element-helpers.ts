/**
 * Helpers for element-level hardening tests: shadow-DOM queries, "typing" (setting the value and
 * firing `input`, as a paste does), waiting for a condition, and a recorder of uncaught errors.
 */
import { aTimeout } from '@open-wc/testing';

/** `selector` in the element's shadow root, else in its light-DOM credential form. */
export function $<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = $maybe<T>(el, selector);
  if (!found) throw new Error(`no ${selector} in <${el.localName}>`);
  return found;
}

export function $maybe<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return (
    el.shadowRoot!.querySelector<T>(selector) ??
    el.querySelector<T>(`[data-pep-credentials] ${selector}`)
  );
}

/** Put `value` into the input as a paste would, firing `input` (and `blur` when asked). */
export function typeInto(input: HTMLInputElement, value: string, blur = true): void {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  if (blur) {
    input.dispatchEvent(new Event('blur'));
    input.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
  }
}

/**
 * What an `<input>` of `type` holds after `value` is set: the HTML value sanitisation algorithm
 * strips line breaks (every text-like type) and, for `email`, surrounding ASCII whitespace.
 * Anything else lost would be truncation by the element.
 */
export function sanitized(type: string, value: string): string {
  const v = value.replace(/[\r\n]/g, '');
  return type === 'email' ? v.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '') : v;
}

/** Wait until `check()` is true, polling every 10 ms; throw after `ms`. */
export async function until(check: () => boolean, what: string, ms = 4000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await aTimeout(10);
  }
}

/** Text of the element's `role=alert` region(s), whitespace collapsed. */
export function alertText(el: Element): string {
  return [...el.shadowRoot!.querySelectorAll('[role=alert]')]
    .map((n) => n.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Texts of the non-empty field errors (`part=field-error`). */
export function fieldErrors(el: Element): string[] {
  return [
    ...el.shadowRoot!.querySelectorAll('[part~=field-error]'),
    ...el.querySelectorAll('[data-pep-credentials] [part~=field-error]'),
  ]
    .map((n) => (n.textContent ?? '').trim())
    .filter(Boolean);
}

/** Spinners currently rendered in the element's shadow root. */
export function spinners(el: Element): number {
  return el.shadowRoot!.querySelectorAll('.spinner').length;
}

/** Collect `error` and `unhandledrejection` events on window until `stop()`. */
export function recordUncaught(): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) =>
    errors.push(`unhandledrejection: ${String((e.reason as Error)?.stack ?? e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}
