import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { PepElement } from '../../base/pep-element.js';
import { lazyModule } from '../../base/lazy.js';
import { formStyles, tokens } from '../../base/styles.js';
import type { AdapterError } from '../../adapter/errors.js';
import type { AuthAdapter } from '../../adapter/types.js';
import type { FieldReason } from '../../core/validation.js';
import { validateUsername } from '../../core/username.js';
import { accountEn } from '../../i18n/account.en.js';
import type { Catalogue } from '../../i18n/format.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { FormState } from '../../shared/form-state.js';
import { stepHeading } from '../../shared/step-heading.js';
import { passwordStyles, sharedStyles } from '../../shared/styles.js';
import { textField } from '../../shared/text-field.js';
import type { ResendCountdown } from '../forgot-username/resend-countdown.js';
import {
  findStepTransition,
  initialForgotPasswordState,
  type ForgotPasswordEvent,
  type ForgotPasswordState,
  type ForgotPasswordStep,
} from './forgot-password.machine.js';
import { forgotPasswordFindEn } from './forgot-password.find.messages.js';
import { forgotPasswordStyles } from './forgot-password.styles.js';

declare module '../../base/events.js' {
  interface PepEventMap {
    /** The new password was saved (the account is unlocked); the user can log in. */
    'pep-password-reset': { username: string };
  }
}

declare global {
  interface HTMLElementEventMap {
    'pep-password-reset': CustomEvent<{ username: string }>;
  }
}

type Field = 'username' | 'code' | 'password' | 'confirm';
type S<K extends ForgotPasswordStep> = Extract<ForgotPasswordState, { step: K }>;

/**
 * The code and password steps (their views and actions) are not part of what a host loads
 * first: a chunk of their own, fetched in the background once the first step has rendered
 * (again with Find Account if that failed), and awaited before the flow leaves the first step.
 */
let catalogue: Catalogue = { ...forgotPasswordFindEn, ...accountEn };
const steps = lazyModule(() =>
  import('./forgot-password.steps.js').then((m) => {
    catalogue = { ...catalogue, ...m.forgotPasswordStepsEn, ...m.passwordEn };
    return m;
  }),
);

/**
 * Forgot Password (spec slides 16–19): **Username** → **Find Account** → "Send an email" or
 * "Send me a text message" → **Send Code** → enter the code → **Continue** (a wrong code shows
 * an error; **resend it** by the same method) → *Create New Password* (Step 4 of 4) with the
 * policy checklist → **Update Password** → confirmation with the way back to login. Reusing one
 * of the last 10 passwords is refused with a clear message; completing it unlocks a locked
 * account (adapter rule). An unknown username goes through the same screens, and nothing is sent.
 *
 * Runs the shared password-flow machine (purpose `reset`) and the shared field templates.
 *
 * @summary Reset a forgotten password with an email or SMS code.
 *
 * @fires pep-password-reset - `{ username }` once the new password is saved.
 * @fires pep-step-change - `{ step }` with `find`, `choose`, `code`, `password` or `done`.
 *
 * @csspart base - The card.
 * @csspart form - The form of the current step.
 * @csspart step-heading - The heading with "Step N of 4" (receives focus on step change).
 * @csspart field - A label + input + hint + error group.
 * @csspart label - A field label.
 * @csspart input - An input.
 * @csspart hint - Help text.
 * @csspart field-error - The error text of a field.
 * @csspart toggle-button - Show password.
 * @csspart checklist - "Password Must Have / Can't Have".
 * @csspart checklist-item - One rule.
 * @csspart choice - A verification method radio.
 * @csspart error - The always-present `role="alert"` region.
 * @csspart retry-button - "Try again" after a network failure.
 * @csspart submit-button - Find Account / Send Code / Continue / Update Password.
 * @csspart secondary-button - Back / Choose another method.
 * @csspart resend-button - "resend it".
 * @csspart countdown - "You can resend the code in m:ss".
 * @csspart link - Back to Login / Go to Login / Forgot Username.
 *
 * @cssprop --pep-color-primary - Buttons and links.
 * @cssprop --pep-color-error - Errors.
 * @cssprop --pep-color-success - Met password rules and the confirmation.
 */
export class PepForgotPassword extends PepElement {
  static override styles = [tokens, formStyles, sharedStyles, passwordStyles, forgotPasswordStyles];

  static override properties: PropertyDeclarations = {
    loginHref: { attribute: 'login-href' },
    forgotUsernameHref: { attribute: 'forgot-username-href' },
  };

  static {
    this.states('flow', 'values', 'showPassword', 'showConfirm');
  }

  /** Where "Back to Login" / "Go to Login" go. No link is shown when empty. */
  loginHref = '';

  /** Where "Forgot Username?" goes (first step). Not shown when empty. */
  forgotUsernameHref = '';

  private flow: ForgotPasswordState = initialForgotPasswordState();
  private values: Record<Field, string> = {
    username: '',
    code: '',
    password: '',
    confirm: '',
  };
  // This and the fields below the steps module uses are unset (false, undefined) until the
  // later steps use them: nothing to load first.
  /** @internal */
  protected showPassword?: boolean;
  /** @internal */
  protected showConfirm?: boolean;

  protected override get catalogue(): Catalogue {
    return catalogue;
  }

  private form = new FormState<Field>(this, ['username', 'code', 'password', 'confirm']);
  /**
   * The resend throttle, created with the code step (its class comes with the steps module).
   * @internal
   */
  protected countdown?: ResendCountdown;
  /** The code step's expiry timer (armed by the steps module). */
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * The new password the adapter refused last (PASSWORD_REUSED / PASSWORD_POLICY).
   * @internal
   */
  protected refused?: string;
  /**
   * What "Try again" repeats on the code step (the verify, by default, or the resend).
   * @internal
   */
  protected lastCodeAction?: 'verify' | 'resend';

  /** The current step. */
  get step(): ForgotPasswordStep {
    return this.flow.step;
  }

  protected override firstUpdated(): void {
    steps.prefetch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.expiryTimer);
  }

  private dispatch(event: ForgotPasswordEvent): void {
    const before = this.flow;
    // The whole machine comes with the steps chunk (loaded before the flow leaves Find Account).
    const after = findStepTransition(before, event) ?? steps.get()!.transition(before, event);
    if (after === before) return;
    this.flow = after;
    // Only the steps module's actions lead to the code step (its countdown and expiry timer).
    if (after.step === 'code') steps.get()!.codeStateChanged(this, before, after);
    else clearTimeout(this.expiryTimer);
    if (after.step !== before.step) {
      this.form.reset();
      this.emit('pep-step-change', { step: after.step });
      void this.focusHeading();
    }
  }

  private setValue(field: Field, value: string): void {
    this.values = { ...this.values, [field]: value };
  }

  /** The message for `reason` on `field` (see `fieldText`), or null without a reason. */
  private reasonText(field: Field, reason: FieldReason | null): string | null {
    return reason ? this.fieldText(field, reason) : null;
  }

  #usernameReason(): string | null {
    return this.reasonText('username', validateUsername(this.values.username));
  }

  /** Show the `errors` of a submit (if any) and focus the first; true when none. */
  private check(errors: Partial<Record<Field, string | null>>): boolean {
    this.form.submit();
    if (!Object.values(errors).some((e) => e)) return true;
    void this.form.focusFirstInvalid(errors);
    return false;
  }

  /** Run one step's adapter call through the machine; the error, if it failed. */
  private async run<T>(
    start: ForgotPasswordEvent,
    fn: (adapter: AuthAdapter, signal: AbortSignal) => Promise<T>,
    ok: (result: T) => ForgotPasswordEvent,
    fail: (error: AdapterError) => ForgotPasswordEvent,
  ): Promise<AdapterError | null> {
    const before = this.flow;
    this.dispatch(start);
    if (this.flow === before) return null;
    try {
      const result = await this.call(fn);
      this.dispatch(ok(result));
      return null;
    } catch (err) {
      const error = err as AdapterError;
      if (this.ignoreAbort(error)) return null;
      this.dispatch(fail(error));
      return error;
    }
  }

  #find = async (e?: Event): Promise<void> => {
    e?.preventDefault();
    if (
      this.flow.step !== 'find' ||
      this.flow.pending ||
      !this.check({ username: this.#usernameReason() })
    )
      return;
    const username = this.values.username.trim();
    steps.prefetch();
    await this.run(
      { type: 'FIND', username },
      async (a, signal) => {
        const flow = await a.findAccount({ username, purpose: 'reset' }, { signal });
        await this.settle(steps.load());
        return flow;
      },
      (flow) => ({ type: 'FIND_OK', username, flow }),
      (error) => ({ type: 'FIND_FAIL', error }),
    );
  };

  override render(): TemplateResult {
    const s = this.flow;
    return html`<div class="card" part="base">
      ${s.step === 'find'
        ? this.renderFind(s)
        : // Past Find Account, the steps module is loaded (the flow waits for it to leave that step).
          steps.get()!.renderStep(this, s)}
      ${this.loginHref && s.step !== 'done'
        ? html`<p class="footer-links">
            <a href=${this.loginHref} part="link">${this.t('forgot-password.back-to-login')}</a>
          </p>`
        : nothing}
    </div>`;
  }

  /** The step's heading with "Step N of 4" for step number `n` (done has none). */
  private heading(title: string, n: number | null): TemplateResult {
    return stepHeading(
      this.t(title),
      n === null ? undefined : this.t('common.step-of', { step: n, total: 4 }),
    );
  }

  /** The step's error region; `message`: the text when it is not the error's usual one. */
  private alert(error: AdapterError | null, retry: () => void, message?: string): TemplateResult {
    return errorRegion({
      message: error ? (message ?? this.errorMessage(error)) : null,
      key: error,
      retry: isRetryable(error) ? { label: this.t('common.retry'), onRetry: retry } : null,
    });
  }

  private submit(pending: boolean, label: string, pendingLabel: string): TemplateResult {
    return html`<button
      type="submit"
      class="primary"
      part="submit-button"
      aria-disabled=${pending ? 'true' : 'false'}
    >
      ${pending
        ? html`<span class="spinner" aria-hidden="true"></span>${this.t(pendingLabel)}`
        : this.t(label)}
    </button>`;
  }

  private renderFind(s: S<'find'>): TemplateResult {
    return html`<form part="form" novalidate @submit=${this.#find}>
      ${this.heading('forgot-password.find-title', 1)}
      ${textField({
        id: 'username',
        label: this.t('forgot-password.username'),
        hint: this.t('forgot-password.find-text'),
        value: this.values.username,
        autocomplete: 'username',
        autocapitalize: 'none',
        spellcheck: false,
        required: true,
        disabled: false,
        error: this.form.errorFor('username', this.#usernameReason()),
        onInput: (v) => this.setValue('username', v),
        onBlur: () => this.form.touch('username'),
      })}
      ${this.alert(s.error, () => void this.#find())}
      <div class="actions">
        ${this.submit(s.pending, 'forgot-password.find', 'forgot-password.finding')}
      </div>
      <p class="note">${this.t('forgot-password.unlock-note')}</p>
      <p class="note">${this.t('common.help-desk')}</p>
      ${this.forgotUsernameHref
        ? html`<p>
            <a href=${this.forgotUsernameHref} part="link"
              >${this.t('forgot-password.forgot-username')}</a
            >
          </p>`
        : nothing}
    </form>`;
  }
}
