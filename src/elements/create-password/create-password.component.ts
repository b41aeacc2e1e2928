import { accountEn } from '../../i18n/account.en.js';
import { html, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { AdapterError } from '../../adapter/errors.js';
import type { PasswordFlowPurpose } from '../../adapter/types.js';
import { PepElement } from '../../base/pep-element.js';
import { lazyModule } from '../../base/lazy.js';
import { formStyles, tokens } from '../../base/styles.js';
import { isOtpShaped } from '../../core/otp.js';
import { validateUsername } from '../../core/validation.js';
import type { Catalogue } from '../../i18n/format.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { FormState } from '../../shared/form-state.js';
import { stepHeading } from '../../shared/step-heading.js';
import { passwordStyles, sharedStyles } from '../../shared/styles.js';
import { textField } from '../../shared/text-field.js';
import {
  createPasswordTransition,
  initialCreatePassword,
  passwordFlowStepNumber,
  type CreatePasswordEvent,
  type CreatePasswordState,
} from './create-password.machine.js';
import { createPasswordFindEn } from './create-password.find.messages.js';
import { createPasswordStyles } from './create-password.styles.js';

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

/** Codes of a Set Password failure that concern the New Password field. */
const PASSWORD_FIELD_CODES = new Set(['PASSWORD_POLICY', 'PASSWORD_REUSED']);

/** Longest delay for the local "code expired" timer; beyond it (clock skew) the adapter decides. */
const MAX_EXPIRY_TIMER = 60 * 60 * 1000;

/**
 * The code and password steps' building blocks are not part of what a host loads first: a chunk
 * of their own, fetched in the background once the first step has rendered (again with Find
 * Account if that failed), and awaited before the flow leaves the first step.
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
  static override styles = [tokens, formStyles, sharedStyles, passwordStyles, createPasswordStyles];

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
  protected showPassword = false;
  protected showConfirm = false;
  /** The password last sent to setPassword (its adapter error applies while unchanged). */
  protected submittedPassword: string | null = null;

  /** The last adapter action, repeated by "Try again" after a retryable failure. */
  protected retryAction: (() => void) | null = null;

  protected form = new FormState<Field>(this, ['username', 'code', 'password', 'confirm']);
  #expiryTimer: ReturnType<typeof setTimeout> | undefined;

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
    clearTimeout(this.#expiryTimer);
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
    this.machine = createPasswordTransition(before, event);
    const after = this.machine;
    if (before.step !== after.step) {
      this.form.reset();
      if (after.step !== 'code') clearTimeout(this.#expiryTimer);
      if (after.step === 'find') this.values = { ...this.values, code: '' };
      this.emit('pep-step-change', { step: after.step });
      void this.focusHeading();
    }
    if (after.step === 'code' && (before.step !== 'code' || before.sent !== after.sent)) {
      this.armExpiry(after.sent.expiresAt);
    }
  }

  protected armExpiry(expiresAt: number): void {
    clearTimeout(this.#expiryTimer);
    const delay = expiresAt - Date.now();
    if (delay <= 0 || delay > MAX_EXPIRY_TIMER) return;
    this.#expiryTimer = setTimeout(() => this.send({ type: 'CODE_EXPIRED' }), delay);
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

  protected fieldText(field: string, reason: string): string {
    const specific = `field.${field}.${reason}`;
    const text = this.t(specific);
    return text === specific ? this.t(`field.${reason}`) : text;
  }

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
      const flow = await this.call((a, signal) => a.findAccount({ username, purpose }, { signal }));
      await this.call(() => this.settle(steps.load()));
      this.send({ type: 'FIND_OK', username, flow });
    } catch (err) {
      this.fail(err, 'FIND_FAIL');
    }
  }

  protected async sendCode(e?: Event): Promise<void> {
    e?.preventDefault();
    const m = this.machine;
    if (m.step !== 'choose' || m.pending) return;
    const { flowId } = m.flow;
    const channel = m.channel;
    this.retryAction = () => void this.sendCode();
    this.send({ type: 'SEND' });
    try {
      const sent = await this.call((a, signal) => a.sendCode({ flowId, channel }, { signal }));
      this.send({ type: 'SEND_OK', sent });
    } catch (err) {
      this.fail(err, 'SEND_FAIL');
    }
  }

  protected async resend(): Promise<void> {
    const m = this.machine;
    if (m.step !== 'code' || m.pending || m.resending) return;
    const { flowId } = m.flow;
    const channel = m.channel;
    this.retryAction = () => void this.resend();
    this.send({ type: 'RESEND' });
    try {
      const sent = await this.call((a, signal) => a.sendCode({ flowId, channel }, { signal }));
      this.setValue('code', '');
      this.send({ type: 'RESEND_OK', sent });
    } catch (err) {
      this.fail(err, 'RESEND_FAIL');
    }
  }

  protected codeError(): string | null {
    const code = this.values.code;
    const reason =
      code === ''
        ? this.t('field.code.required')
        : isOtpShaped(code)
          ? null
          : this.t('field.invalid-code');
    return this.form.errorFor('code', reason);
  }

  protected async verify(e?: Event): Promise<void> {
    e?.preventDefault();
    const m = this.machine;
    if (m.step !== 'code' || m.pending || m.resending) return;
    this.form.submit();
    const code = this.values.code;
    if (!isOtpShaped(code)) {
      await this.form.focusFirstInvalid({ code: true });
      return;
    }
    const { flowId } = m.flow;
    this.retryAction = () => void this.verify();
    this.send({ type: 'VERIFY' });
    try {
      await this.call((a, signal) => a.verifyCode({ flowId, code }, { signal }));
      this.send({ type: 'VERIFY_OK' });
    } catch (err) {
      this.fail(err, 'VERIFY_FAIL');
    }
  }

  protected passwordErrors(): { password: string | null; confirm: string | null } {
    const m = this.machine;
    const { password, confirm } = this.values;
    const confirmReason =
      confirm === ''
        ? this.t('create-password.confirm-required')
        : confirm !== password
          ? this.t('field.mismatch')
          : null;
    const confirmError = this.form.errorFor('confirm', confirmReason);
    // The adapter's verdict on the password just submitted shows until the password changes.
    if (
      m.step === 'password' &&
      m.error &&
      PASSWORD_FIELD_CODES.has(m.error.code) &&
      password === this.submittedPassword
    ) {
      return { password: this.errorMessage(m.error), confirm: confirmError };
    }
    const reason =
      password === ''
        ? this.t('field.password.required')
        : steps.get()!.failedPasswordRules(password, this.passwordContext()).length
          ? this.t('error.PASSWORD_POLICY')
          : null;
    return { password: this.form.errorFor('password', reason), confirm: confirmError };
  }

  protected passwordContext(): { username?: string } {
    const m = this.machine;
    return m.step === 'password' || m.step === 'done' ? { username: m.username } : {};
  }

  protected async setPassword(e?: Event): Promise<void> {
    e?.preventDefault();
    const m = this.machine;
    if (m.step !== 'password' || m.pending) return;
    this.form.submit();
    this.submittedPassword = null;
    const errors = this.passwordErrors();
    if (errors.password || errors.confirm) {
      await this.form.focusFirstInvalid(errors);
      return;
    }
    const password = this.values.password;
    const { flowId } = m.flow;
    this.submittedPassword = password;
    this.retryAction = () => void this.setPassword();
    this.send({ type: 'SET_PASSWORD' });
    try {
      await this.call((a, signal) => a.setPassword({ flowId, password }, { signal }));
      this.send({ type: 'SET_OK' });
      void steps.get()!.offerCredential(m.username, password);
      this.values = { ...this.values, password: '', confirm: '', code: '' };
      this.emit('pep-password-created', { username: m.username, purpose: m.purpose });
    } catch (err) {
      this.fail(err, 'SET_FAIL');
      if (
        this.machine.step === 'password' &&
        this.machine.error &&
        PASSWORD_FIELD_CODES.has(this.machine.error.code)
      ) {
        await this.form.focusFirstInvalid({ password: true });
      }
    }
  }

  // ------------------------------------------------------------------------ rendering

  protected stepOf(): string | undefined {
    const n = passwordFlowStepNumber(this.machine.step);
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

  protected backButton(): TemplateResult {
    return html`<button
      type="button"
      class="secondary"
      part="secondary-button"
      @click=${() => {
        this.abortCalls();
        this.send({ type: 'BACK' });
      }}
    >
      ${this.t('create-password.back')}
    </button>`;
  }

  protected override render(): TemplateResult {
    return html`<div class="card">${this.renderStep()}</div>`;
  }

  protected renderStep(): TemplateResult {
    switch (this.machine.step) {
      case 'find':
        return this.renderFind();
      case 'choose':
        return this.renderChoose();
      case 'code':
        return this.renderCode();
      case 'password':
        return this.renderPassword();
      case 'done':
        return this.renderDone();
    }
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

  // The later steps render from `create-password.steps.ts`, loaded before the flow reaches them.
  protected renderChoose(): TemplateResult {
    return steps.get()!.renderChoose(this);
  }

  protected renderCode(): TemplateResult {
    return steps.get()!.renderCode(this);
  }

  protected renderPassword(): TemplateResult {
    return steps.get()!.renderPassword(this);
  }

  protected renderDone(): TemplateResult {
    return steps.get()!.renderDone(this);
  }
}
