import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { PepElement } from '../../base/pep-element.js';
import { formStyles, tokens } from '../../base/styles.js';
import type { AdapterError } from '../../adapter/errors.js';
import type { Catalogue } from '../../i18n/format.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { stepHeading } from '../../shared/step-heading.js';
import { sharedStyles } from '../../shared/styles.js';
import { textField } from '../../shared/text-field.js';
import { validateEmail } from '../../core/delegate-input.js';
import {
  forgotUsernameTransition,
  initialForgotUsernameState,
  type ForgotUsernameEvent,
  type ForgotUsernameSentState,
  type ForgotUsernameState,
} from './forgot-username.machine.js';
import { accountEn } from '../../i18n/account.en.js';
import { forgotUsernameEn } from './forgot-username.messages.js';
import { forgotUsernameStyles } from './forgot-username.styles.js';
import { ResendCountdown } from '../../shared/resend-countdown.js';

declare module '../../base/events.js' {
  interface PepEventMap {
    /** Send Email (or Resend Email) was accepted. Fired whether or not the account exists. */
    'pep-username-email-sent': { email: string; resend: boolean };
  }
}

declare global {
  interface HTMLElementEventMap {
    'pep-username-email-sent': CustomEvent<{ email: string; resend: boolean }>;
  }
}

const catalogue: Catalogue = { ...forgotUsernameEn, ...accountEn };

/**
 * Forgot Username (spec slides 14–15): the user enters the email address of their account and
 * selects **Send Email**; the confirmation reads the same whether or not an account exists.
 * **Resend Email** respects the adapter's throttle and shows when it can be used again.
 *
 * @summary Recover a username by email.
 *
 * @fires pep-username-email-sent - `{ email, resend }` after each accepted Send / Resend Email.
 * @fires pep-step-change - `{ step }` with `email` or `sent`.
 *
 * @csspart base - The card around the widget.
 * @csspart form - The email form.
 * @csspart step-heading - The heading of the current step (receives focus on step change).
 * @csspart field - A label + input + hint + error group.
 * @csspart label - The field label.
 * @csspart input - The email input.
 * @csspart hint - Help text under a label.
 * @csspart field-error - The error text of a field.
 * @csspart error - The always-present `role="alert"` region for adapter errors.
 * @csspart retry-button - "Try again" in the error region (network failures).
 * @csspart submit-button - Send Email.
 * @csspart confirmation - The "If an account exists…" message.
 * @csspart resend-button - Resend Email.
 * @csspart countdown - "You can resend the email in m:ss".
 * @csspart status - Polite status line ("We sent the email again.").
 * @csspart secondary-button - "Use a different email address".
 * @csspart link - Back to Log In.
 *
 * @cssprop --pep-color-primary - Buttons and links.
 * @cssprop --pep-color-error - Field and adapter errors.
 * @cssprop --pep-color-success - The confirmation.
 * @cssprop --pep-font-family - Font.
 * @cssprop --pep-radius - Corner radius.
 */
export class PepForgotUsername extends PepElement {
  static override styles = [tokens, formStyles, sharedStyles, forgotUsernameStyles];

  static override properties: PropertyDeclarations = {
    loginHref: { attribute: 'login-href' },
  };

  static {
    this.states('state', 'showFieldError', 'invalidSubmit');
  }

  /** Where "Back to Log In" goes. No link is shown when empty. */
  loginHref = '';

  private state: ForgotUsernameState = initialForgotUsernameState;
  private showFieldError = false;
  /** Set (anew) by each Send Email with an invalid address: the alert region then says so. */
  private invalidSubmit: object | null = null;

  protected override get catalogue(): Catalogue {
    return catalogue;
  }

  /** The resend throttle of the "sent" step. */
  #countdown = new ResendCountdown(this, () => this.now());

  /** The current step: `email` or `sent`. */
  get step(): ForgotUsernameState['step'] {
    return this.state.step;
  }

  private send(event: ForgotUsernameEvent): void {
    const before = this.state;
    const after = forgotUsernameTransition(before, event);
    if (after === before) return;
    this.state = after;
    // On entering the "sent" step, or when the adapter moved the throttle: count down to the
    // time Resend Email may be used.
    if (
      after.step === 'sent' &&
      (before.step !== 'sent' || before.resendAvailableAt !== after.resendAvailableAt)
    )
      this.#countdown.until = after.resendAvailableAt;
    if (after.step !== before.step) {
      this.emit('pep-step-change', { step: after.step });
      void this.focusHeading();
    }
  }

  #fieldError(): string | null {
    if (this.state.step !== 'email' || !this.showFieldError) return null;
    const reason = validateEmail(this.state.email);
    if (!reason) return null;
    return this.fieldText('email', reason);
  }

  /** Send Email, and Try again after its failure: check the address, then send it. */
  #onSubmit = async (e?: Event): Promise<void> => {
    e?.preventDefault();
    if (this.state.step !== 'email' || this.state.submitting) return;
    this.showFieldError = true;
    if (validateEmail(this.state.email)) {
      this.invalidSubmit = {};
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLInputElement>('#email')?.focus(),
      );
      return;
    }
    this.invalidSubmit = null;
    void this.#send(false);
  };

  #onResend = (): void => {
    void this.#send(true);
  };

  async #send(resend: boolean): Promise<void> {
    const email = this.state.email.trim();
    const before = this.state;
    this.send(resend ? { type: 'RESEND', now: this.now() } : { type: 'SUBMIT' });
    if (this.state === before) return;
    try {
      const r = await this.call((a, signal) => a.forgotUsername({ email }, { signal }));
      this.send({ type: 'SENT', resendAvailableAt: r.resendAvailableAt });
      this.emit('pep-username-email-sent', { email, resend });
    } catch (err) {
      const error = err as AdapterError;
      if (this.ignoreAbort(error)) return;
      this.send({ type: 'FAILED', error });
    }
  }

  override render(): TemplateResult {
    return html`<div class="card" part="base">
      ${this.state.step === 'email' ? this.renderEmail(this.state) : this.renderSent(this.state)}
      ${this.loginHref
        ? html`<p class="footer-links">
            <a href=${this.loginHref} part="link">${this.t('forgot-username.back-to-login')}</a>
          </p>`
        : nothing}
    </div>`;
  }

  private renderError(
    error: AdapterError | undefined,
    retry: () => void,
    summary: string | null = null,
  ): TemplateResult {
    return errorRegion({
      message: error ? this.errorMessage(error) : summary,
      key: error ?? this.invalidSubmit,
      retry: isRetryable(error) ? { label: this.t('common.retry'), onRetry: retry } : null,
    });
  }

  private renderEmail(s: Extract<ForgotUsernameState, { step: 'email' }>): TemplateResult {
    return html`<form part="form" novalidate @submit=${this.#onSubmit}>
      ${stepHeading(this.t('forgot-username.title'))}
      ${textField({
        id: 'email',
        label: this.t('forgot-username.email'),
        hint: this.t('forgot-username.intro'),
        value: s.email,
        type: 'email',
        autocomplete: 'email',
        inputmode: 'email',
        spellcheck: false,
        autocapitalize: 'off',
        required: true,
        error: this.#fieldError(),
        onInput: (v) => this.send({ type: 'INPUT', email: v }),
        onBlur: () => {
          if (s.email.trim() !== '') this.showFieldError = true;
        },
      })}
      ${this.renderError(
        s.error,
        () => void this.#onSubmit(),
        this.invalidSubmit && this.#fieldError() ? this.t('common.error-summary') : null,
      )}
      <div class="actions">
        <button
          type="submit"
          class="primary"
          part="submit-button"
          aria-disabled=${s.submitting ? 'true' : 'false'}
        >
          ${s.submitting ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
          ${this.t('forgot-username.submit')}
        </button>
      </div>
      <p class="note">${this.t('forgot-username.producer-note')}</p>
      <p class="note">${this.t('forgot-username.help', { phone: this.config.helpDeskPhone })}</p>
    </form>`;
  }

  private renderSent(s: ForgotUsernameSentState): TemplateResult {
    const ready = this.#countdown.ready;
    const blocked = !ready || s.resending;
    const status = ready
      ? this.t('forgot-username.resend-ready')
      : s.resent > 0
        ? this.t('forgot-username.resent')
        : '';
    return html`<div part="form">
      ${stepHeading(this.t('forgot-username.sent-title'))}
      <p class="success" part="confirmation">
        ${this.t('forgot-username.sent', { email: s.email })}
      </p>
      <p>${this.t('forgot-username.producer-note')}</p>
      <p>${this.t('forgot-username.help', { phone: this.config.helpDeskPhone })}</p>
      <p>${this.t('forgot-username.not-received')}</p>
      ${this.renderError(s.error, this.#onResend)}
      <div class="actions">
        <button
          type="button"
          class="primary"
          part="resend-button"
          aria-disabled=${blocked ? 'true' : 'false'}
          aria-describedby=${ready ? nothing : 'resend-countdown'}
          @click=${this.#onResend}
        >
          ${s.resending ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
          ${this.t('forgot-username.resend')}
        </button>
        <button
          type="button"
          class="link"
          part="secondary-button"
          aria-disabled=${s.resending ? 'true' : 'false'}
          @click=${() => this.send({ type: 'CHANGE_EMAIL' })}
        >
          ${this.t('forgot-username.change-email')}
        </button>
      </div>
      ${ready
        ? nothing
        : html`<p id="resend-countdown" class="countdown" part="countdown">
            ${this.t('forgot-username.resend-wait', { time: this.#countdown.label })}
          </p>`}
      <p role="status" class="status" part="status">${status}</p>
    </div>`;
  }
}
