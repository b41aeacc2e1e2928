import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { RETRYABLE_CODES, type AdapterError } from '../adapter/errors.js';

/** True when the same call may succeed if tried again (NETWORK, TIMEOUT, UNAVAILABLE). */
export function isRetryable(error: AdapterError | null | undefined): boolean {
  return !!error && RETRYABLE_CODES.has(error.code);
}

export interface ErrorRegionOptions {
  /** Region id (default `error`). */
  id?: string;
  /** The translated message; empty / null renders an empty (but present) region. */
  message?: string | null;
  /**
   * Identity of this occurrence (usually the AdapterError object): a new key re-renders the
   * content so that screen readers announce a repeated identical message again.
   */
  key?: unknown;
  /** Renders a "Try again" button (`part="retry-button"`) when given. */
  retry?: { label: string; onRetry: () => void; disabled?: boolean } | null;
}

/**
 * The retry button disappears with the error it belongs to: park focus on the region first so
 * that keyboard focus is not lost to the page; `onRetry` may move it on (e.g. to the submit
 * button).
 */
function retry(e: Event, onRetry: () => void): void {
  (e.currentTarget as HTMLElement).closest<HTMLElement>('.error-region')?.focus();
  onRetry();
}

/**
 * The one always-present `role="alert"` region of a step (`part="error"`). Keep it rendered in
 * every step (also when empty) so that the live region exists before a message is put in it.
 */
export function errorRegion(o: ErrorRegionOptions): TemplateResult {
  const content = o.message
    ? html`<div class="alert">
        <span class="alert-message">${o.message}</span>
        ${o.retry
          ? html`<button
              type="button"
              class="link retry"
              part="retry-button"
              ?disabled=${o.retry.disabled ?? false}
              @click=${(e: Event) => retry(e, o.retry!.onRetry)}
            >
              ${o.retry.label}
            </button>`
          : nothing}
      </div>`
    : nothing;
  return html`<div
    id=${o.id ?? 'error'}
    role="alert"
    part="error"
    class="error-region"
    tabindex="-1"
  >
    ${keyed(o.key ?? o.message ?? '', content)}
  </div>`;
}
