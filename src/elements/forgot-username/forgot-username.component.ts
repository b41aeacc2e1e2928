import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { lazyModule } from '../../base/lazy.js';
import { PepElement } from '../../base/pep-element.js';
import { formStyles, tokens } from '../../base/styles.js';
import type { AdapterError } from '../../adapter/errors.js';
import type { Catalogue } from '../../i18n/format.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { stepHeading } from '../../shared/step-heading.js';
import { sharedStyles } from '../../shared/styles.js';
import { textField } from '../../shared/text-field.js';
import {
  emailTransition,
  initialForgotUsernameState,
  type ForgotUsernameEvent,
  type ForgotUsernameState,
} from './forgot-username.machine.js';
import { accountEn } from '../../i18n/account.en.js';
import { forgotUsernameEmailEn } from './forgot-username.email.messages.js';
import { forgotUsernameStyles } from './forgot-username.styles.js';
import type { ResendCountdown } from './resend-countdown.js';

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

/**
 * The email check and the "sent" step (with the resend countdown) are not part of what a host
 * loads first: a chunk of their own, fetched in the background once the email step has rendered
 * (a touched field shows its error when it is there) and awaited by Send Email.
 */
let catalogue: Catalogue = { ...forgotUsernameEmailEn, ...accountEn };
const sent = lazyModule(() =>
  import('./forgot-username.steps.js').then((m) => {
    catalogue = { ...catalogue, ...m.forgotUsernameSentEn };
    return m;
  }),
);

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
 * @csspart secondary-button - "Use a different email address".
 * @csspart link - Back to Login.
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
    this.states('flow', 'showFieldError');
  }

  /** Where "Back to Login" goes. No link is shown when empty. */
  loginHref = '';

  private flow: ForgotUsernameState = initialForgotUsernameState;
  private showFieldError = false;

  protected override get catalogue(): Catalogue {
    return catalogue;
  }

  /**
   * The resend throttle, created with the "sent" step (its class comes with that step).
   * @internal
   */
  protected countdown?: ResendCountdown;

  /** The current step: `email` or `sent`. */
  get step(): ForgotUsernameState['step'] {
    return this.flow.step;
  }

  protected override firstUpdated(): void {
    // A touched field shows its error once the check is there: render again then. A failed
    // fetch is tried again by Send Email (which shows a failure with "Try again").
    this.fetchChunk(sent);
  }

  private dispatch(event: ForgotUsernameEvent): void {
    const before = this.flow;
    // Past the email step, the "sent" step's module (with its transitions) is there.
    const after =
      before.step === 'email'
        ? emailTransition(before, event)
        : sent.get()!.sentTransition(before, event);
    if (after === before) return;
    this.flow = after;
    // The flow reaches "sent" only once its module is there (`#send` waits for it).
    if (after.step === 'sent') sent.get()!.syncCountdown(this, before, after);
    if (after.step !== before.step) {
      this.emit('pep-step-change', { step: after.step });
      void this.focusHeading();
    }
  }

  #fieldError(): string | null {
    if (this.flow.step !== 'email' || !this.showFieldError) return null;
    // No error is claimed before the check is there.
    const reason = sent.get()?.validateEmail(this.flow.email);
    if (!reason) return null;
    return this.fieldText('email', reason);
  }

  /** Send Email, and Try again after its failure: check the address, then send it. */
  #onSubmit = async (e?: Event): Promise<void> => {
    e?.preventDefault();
    if (this.flow.step !== 'email' || this.flow.submitting) return;
    this.showFieldError = true;
    if (!sent.get()) {
      // The check's chunk (prefetched, so normally there already): the button shows it works,
      // and a failed fetch is a failure with "Try again" before anything is sent.
      this.dispatch({ type: 'SUBMIT' });
      try {
        await this.call(() => sent.load());
      } catch (err) {
        const error = err as AdapterError;
        if (!this.ignoreAbort(error)) this.dispatch({ type: 'FAILED', error });
        return;
      }
      this.dispatch({ type: 'CHECKED' });
    }
    if (sent.get()!.validateEmail(this.flow.email)) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLInputElement>('#email')?.focus(),
      );
      return;
    }
    void this.#send(false);
  };

  /** @internal */
  protected onResend = (): void => {
    void this.#send(true);
  };

  async #send(resend: boolean): Promise<void> {
    const email = this.flow.email.trim();
    const before = this.flow;
    this.dispatch(resend ? { type: 'RESEND', now: this.now() } : { type: 'SUBMIT' });
    if (this.flow === before) return;
    try {
      // The "sent" step's module came with the check (Send Email) or is showing (Resend Email):
      // nothing is sent that the widget could not confirm.
      const r = await this.call((a, signal) => a.forgotUsername({ email }, { signal }));
      this.dispatch({ type: 'SENT', resendAvailableAt: r.resendAvailableAt });
      this.emit('pep-username-email-sent', { email, resend });
    } catch (err) {
      const error = err as AdapterError;
      if (this.ignoreAbort(error)) return;
      this.dispatch({ type: 'FAILED', error });
    }
  }

  override render(): TemplateResult {
    return html`<div class="card" part="base">
      ${this.flow.step === 'email'
        ? this.renderEmail(this.flow)
        : // Past the email step, the "sent" step's module is there (`#send` waits for it).
          sent.get()!.renderSent(this, this.flow)}
      ${this.loginHref
        ? html`<p class="footer-links">
            <a href=${this.loginHref} part="link">${this.t('forgot-username.back-to-login')}</a>
          </p>`
        : nothing}
    </div>`;
  }

  private renderError(error: AdapterError | undefined, retry: () => void): TemplateResult {
    return errorRegion({
      message: error ? this.errorMessage(error) : null,
      key: error,
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
        onInput: (v) => this.dispatch({ type: 'INPUT', email: v }),
        onBlur: () => {
          if (s.email.trim() !== '') this.showFieldError = true;
        },
      })}
      ${this.renderError(s.error, () => void this.#onSubmit())}
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
}
