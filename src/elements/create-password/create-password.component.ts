import { html, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { AdapterError } from '../../adapter/errors.js';
import type { PasswordFlowPurpose } from '../../adapter/types.js';
import { PepElement } from '../../base/pep-element.js';
import { lazyModule } from '../../base/lazy.js';
import { formStyles, tokens } from '../../base/styles.js';
import { validateUsername } from '../../core/username.js';
import { accountEn } from '../../i18n/account.en.js';
import type { Catalogue } from '../../i18n/format.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { FormState } from '../../shared/form-state.js';
import { stepHeading } from '../../shared/step-heading.js';
import { passwordStyles, sharedStyles } from '../../shared/styles.js';
import { textField } from '../../shared/text-field.js';
import {
  findStepTransition,
  initialCreatePassword,
  type CreatePasswordEvent,
  type CreatePasswordState,
} from './create-password.machine.js';
import { createPasswordFindEn } from './create-password.find.messages.js';

declare module '../../base/events.js' {
  interface PepEventMap {
    /** The new password was saved (purpose `create` or `reset`). */
    'pep-password-created': { username: string; purpose: PasswordFlowPurpose };
  }
}
declare global {
  interface HTMLElementEventMap {
    'pep-password-created': CustomEvent<{ username: string; purpose: PasswordFlowPurpose }>;
  }
}

type Field = 'username' | 'code' | 'password' | 'confirm';

/**
 * The code and password steps (their views and actions) are not part of what a host loads
 * first: a chunk of their own, fetched in the background once the first step has rendered
 * (again with Find Account if that failed), and awaited before the flow leaves the first step.
 */
let catalogue: Catalogue = { ...createPasswordFindEn, ...accountEn };
const steps = lazyModule(() =>
  import('./create-password.steps.js').then((m) => {
    catalogue = { ...catalogue, ...m.createPasswordStepsEn, ...m.passwordEn };
    return m;
  }),
);

/**
 * Create Password (spec slides 6–7): Find Account → choose email or text message → Enter
 * Verification Code (with "resend it") → Create New Password (Step 4 of 4, with the live
 * "Password Must Have / Can't Have" checklist) → confirmation and the way to Log In.
 * With `purpose="reset"` it is the Forgot Password flow (slides 16–19): labels such as
 * "Update Password" change, and `findAccount` is called with purpose `reset`.
 *
 * @summary Create (or reset) a delegate's password with a one-time code.
 *
 * @fires pep-password-created - `{ username, purpose }` when the password was saved.
 * @fires pep-step-change - `{ step: 'find' | 'choose' | 'code' | 'password' | 'done' }`.
 *
 * @csspart form - Each step's form.
 * @csspart field - Field wrappers.
 * @csspart label - Labels.
 * @csspart input - Inputs.
 * @csspart hint - Field hints.
 * @csspart field-error - Per-field error text.
 * @csspart toggle-button - Show password toggles.
 * @csspart checklist - The password rules checklist.
 * @csspart checklist-item - Each rule.
 * @csspart error - The always-present `role="alert"` region.
 * @csspart retry-button - "Try again" after a network failure.
 * @csspart step-heading - The step heading ("Step N of 4").
 * @csspart submit-button - Find Account / Send Code / Continue / Create Password.
 * @csspart secondary-button - Back.
 * @csspart link - The "resend it" button.
 * @csspart status - Polite status line ("We sent a new code…").
 * @csspart login-link - The Log In link on the last step.
 *
 * @cssprop --pep-color-primary - Buttons and links.
 * @cssprop --pep-color-success - Met password rules.
 * @cssprop --pep-max-width - Card width.
 */
export class PepCreatePassword extends PepElement {
  // The later steps' own styles come with them (`create-password.styles.ts`).
  static override styles = [tokens, formStyles, sharedStyles, passwordStyles];

  static override properties: PropertyDeclarations = {
    purpose: { reflect: true },
    username: {},
    loginHref: { attribute: 'login-href' },
  };

  static {
    this.states('machine', 'values', 'showPassword', 'showConfirm', 'submittedPassword');
  }

  protected get catalogue(): Catalogue {
    return catalogue;
  }

  /** `create` (registration, default) or `reset` (Forgot Password). Read when the flow starts. */
  purpose: PasswordFlowPurpose = 'create';

  /** Pre-fills the Username field (e.g. from Email Verification Complete!). */
  username = '';

  /** Where the last step's Log In link goes; without it the host listens for the event. */
  loginHref?: string;

  protected machine: CreatePasswordState = initialCreatePassword('create');
  protected values: Record<Field, string> = {
    username: '',
    code: '',
    password: '',
    confirm: '',
  };
  // Unset (false, undefined, null) until the later steps use them: nothing to load first.
  protected showPassword?: boolean;
  protected showConfirm?: boolean;
  /** The password last sent to setPassword (its adapter error applies while unchanged). */
  protected submittedPassword?: string | null;

  /** The last adapter action, repeated by "Try again" after a retryable failure. */
  protected retryAction?: () => void;

  protected form = new FormState<Field>(this, ['username', 'code', 'password', 'confirm']);
  /** The local "code expired" timer of the code step (armed by the steps module). */
  protected expiryTimer: ReturnType<typeof setTimeout> | undefined;

  /** The current step of the flow (also announced by `pep-step-change`). */
  get step(): CreatePasswordState['step'] {
    return this.machine.step;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('purpose') && this.machine.step === 'find' && !this.machine.pending) {
      const purpose = this.purpose === 'reset' ? 'reset' : 'create';
      if (this.machine.purpose !== purpose) this.machine = initialCreatePassword(purpose);
    }
    if (changed.has('username') && this.machine.step === 'find' && !this.values.username) {
      this.values = { ...this.values, username: this.username };
    }
  }

  protected override firstUpdated(): void {
    steps.prefetch();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.expiryTimer);
  }

  /** Translate, preferring the `.reset` twin of a key for purpose `reset`. */
  protected p(key: string, params?: Record<string, string | number>): string {
    if (this.machine.purpose === 'reset') {
      const twin = `${key}.reset`;
      const text = this.t(twin, params);
      if (text !== twin) return text;
    }
    return this.t(key, params);
  }

  protected send(event: CreatePasswordEvent): void {
    const before = this.machine;
    // The whole machine comes with the steps chunk (loaded before the flow leaves Find Account).
    this.machine =
      findStepTransition(before, event) ?? steps.get()!.createPasswordTransition(before, event);
    const after = this.machine;
    if (before.step !== after.step) {
      this.form.reset();
      if (after.step !== 'code') clearTimeout(this.expiryTimer);
      if (after.step === 'find') this.values = { ...this.values, code: '' };
      this.emit('pep-step-change', { step: after.step });
      void this.focusHeading();
    }
  }

  protected setValue(field: Field, value: string): void {
    this.values = { ...this.values, [field]: value };
  }

  protected fail(
    err: unknown,
    type: 'FIND_FAIL' | 'SEND_FAIL' | 'RESEND_FAIL' | 'VERIFY_FAIL' | 'SET_FAIL',
  ): void {
    const error = err as AdapterError;
    if (this.ignoreAbort(error)) return;
    this.send({ type, error });
  }

  // ------------------------------------------------------------------------ step actions
  // (Those of the steps after Find Account are in `create-password.steps.ts`.)

  protected usernameError(): string | null {
    if (this.machine.step === 'find' && this.machine.error?.is('VALIDATION')) {
      const reason = this.machine.error.data.fields['username'];
      if (reason && this.values.username === this.submittedUsername)
        return this.fieldText('username', reason);
    }
    const reason = validateUsername(this.values.username);
    return this.form.errorFor('username', reason ? this.fieldText('username', reason) : null);
  }

  protected submittedUsername: string | null = null;

  protected async find(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.machine.step !== 'find' || this.machine.pending) return;
    this.form.submit();
    const username = this.values.username.trim();
    if (validateUsername(username)) {
      await this.form.focusFirstInvalid({ username: true });
      return;
    }
    this.submittedUsername = this.values.username;
    this.retryAction = () => void this.find();
    this.send({ type: 'FIND', username });
    const purpose = this.machine.purpose;
    steps.prefetch();
    try {
      // The steps module (prefetched) is part of Find Account's call: a failed fetch fails it.
      const flow = await this.call(async (a, signal) => {
        const found = await a.findAccount({ username, purpose }, { signal });
        await this.settle(steps.load());
        return found;
      });
      this.send({ type: 'FIND_OK', username, flow });
    } catch (err) {
      this.fail(err, 'FIND_FAIL');
    }
  }

  // ------------------------------------------------------------------------ rendering

  /** "Step N of 4" for step number `n` (Find Account is 1; done has none). */
  protected stepOf(n: number | null = 1): string | undefined {
    return n === null ? undefined : this.t('common.step-of', { step: n, total: 4 });
  }

  protected renderError(message?: string | null): TemplateResult {
    const error = this.machine.error;
    const retry = this.retryAction;
    return errorRegion({
      message: message !== undefined ? message : error ? this.errorMessage(error) : null,
      key: error ?? message,
      retry:
        retry && isRetryable(error)
          ? {
              label: this.t('common.retry'),
              onRetry: () => {
                // The button goes away with the error: keep focus on the step's submit button.
                this.renderRoot.querySelector<HTMLElement>('[part~=submit-button]')?.focus();
                retry();
              },
            }
          : null,
    });
  }

  protected submitButton(label: string, busyLabel: string, pending: boolean): TemplateResult {
    return html`<button
      type="submit"
      class="primary"
      part="submit-button"
      aria-disabled=${pending ? 'true' : 'false'}
    >
      ${pending ? html`<span class="spinner" aria-hidden="true"></span>${busyLabel}` : label}
    </button>`;
  }

  protected override render(): TemplateResult {
    return html`<div class="card">${this.renderStep()}</div>`;
  }

  // The later steps render from `create-password.steps.ts`, loaded before the flow reaches them.
  protected renderStep(): TemplateResult {
    return this.machine.step === 'find' ? this.renderFind() : steps.get()!.renderStep(this);
  }

  protected renderFind(): TemplateResult {
    const pending = this.machine.pending;
    return html`${stepHeading(this.t('create-password.find-title'), this.stepOf())}
      <p>${this.p('create-password.find-text')}</p>
      ${this.renderError()}
      <form part="form" novalidate @submit=${(e: Event) => void this.find(e)}>
        ${textField({
          id: 'username',
          label: this.t('create-password.username'),
          value: this.values.username,
          autocomplete: 'username',
          autocapitalize: 'none',
          spellcheck: false,
          required: true,
          error: this.usernameError(),
          onInput: (v) => this.setValue('username', v),
          onBlur: () => this.form.touch('username'),
        })}
        <div class="actions">
          ${this.submitButton(this.t('create-password.find'), this.t('common.working'), pending)}
        </div>
      </form>`;
  }
}
