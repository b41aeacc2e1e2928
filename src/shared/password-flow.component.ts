import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { adapterError, type AdapterError } from '../adapter/errors.js';
import type { Channel, CodeSent, PasswordFlowPurpose } from '../adapter/types.js';
import { offerCredential } from '../base/credentials.js';
import { PepElement } from '../base/pep-element.js';
import { formStyles, tokens } from '../base/styles.js';
import { isOtpShaped } from '../core/otp.js';
import { failedPasswordRules } from '../core/password-policy.js';
import { validateUsername } from '../core/username.js';
import { ResendCountdown } from './resend-countdown.js';
import { codeInput } from './code-input.js';
import { errorRegion, isRetryable } from './error-region.js';
import { FormState } from './form-state.js';
import { loadedCommonPasswordCheck, newPasswordFields } from './password-checklist.js';
import {
  initialPasswordFlow,
  passwordFlowStepNumber,
  passwordFlowTransition,
  type PasswordFlowEvent,
  type PasswordFlowState,
  type PasswordFlowStep,
} from './password-flow.machine.js';
import { passwordFlowStyles } from './password-flow.styles.js';
import { stepHeading } from './step-heading.js';
import { passwordStyles, sharedStyles } from './styles.js';
import { textField } from './text-field.js';

type Field = 'username' | 'code' | 'password' | 'confirm';
type S<K extends PasswordFlowStep> = Extract<PasswordFlowState, { step: K }>;

/** Codes of a Set Password failure that concern the New Password field. */
const PASSWORD_FIELD_CODES = new Set(['PASSWORD_POLICY', 'PASSWORD_REUSED']);

/** Longest delay for the local "code expired" timer; beyond it (clock skew) the adapter decides. */
const MAX_EXPIRY_TIMER = 60 * 60 * 1000;

/**
 * The password flow of `<pep-create-password>` and `<pep-forgot-password>` (spec slides 6–7 and
 * 16–19): Find Account → choose email or text message → Enter Verification Code (resend it, with
 * a countdown) → Create New Password (Step 4 of 4, with the live "Password Must Have / Can't
 * Have" checklist) → confirmation and the way to Log In. One class, one machine
 * (`password-flow.machine.ts`); each tag is a thin subclass giving its words (`variant`, the
 * prefix of its message keys), its purpose and its event. Where the two tags' screens differ
 * (Forgot Password's notes, links and method labels), `render<Step>()` says so.
 */
export abstract class PasswordFlowElement extends PepElement {
  static override styles = [tokens, formStyles, sharedStyles, passwordStyles, passwordFlowStyles];

  static override properties: PropertyDeclarations = {
    loginHref: { attribute: 'login-href' },
  };

  static {
    this.states('state', 'values', 'showPassword', 'showConfirm', 'refusedPassword');
  }

  /** The tag's words: the prefix of its message keys. */
  protected abstract readonly variant: 'create-password' | 'forgot-password';

  /** The purpose the flow starts with (`findAccount`'s purpose). */
  protected abstract flowPurpose(): PasswordFlowPurpose;

  /** Announce a saved password (each tag has its event). */
  protected abstract passwordSaved(username: string, purpose: PasswordFlowPurpose): void;

  /** Where the Log In links go; no link is shown when empty. */
  loginHref = '';

  protected state: PasswordFlowState = initialPasswordFlow(this.flowPurpose());
  protected values: Record<Field, string> = { username: '', code: '', password: '', confirm: '' };
  protected showPassword?: boolean;
  protected showConfirm?: boolean;
  /** The password last sent to setPassword (its adapter error applies while unchanged). */
  protected refusedPassword?: string | null;
  /** The username last sent to findAccount (its VALIDATION error applies while unchanged). */
  protected submittedUsername: string | null = null;
  /** The last adapter action, repeated by "Try again" after a retryable failure. */
  protected retryAction?: () => void;

  protected form = new FormState<Field>(this, ['username', 'code', 'password', 'confirm']);
  /** The resend throttle of the code step ("You can resend the code in m:ss"). */
  protected countdown = new ResendCountdown(this, () => this.now());
  /** The local "code expired" timer of the code step. */
  protected expiryTimer: ReturnType<typeof setTimeout> | undefined;

  /** The current step of the flow (also announced by `pep-step-change`). */
  get step(): PasswordFlowStep {
    return this.state.step;
  }

  /**
   * Back to an empty Find Account, at any moment: a pending call is abandoned, no old error
   * stays.
   */
  reset(): void {
    this.abortCalls();
    clearTimeout(this.expiryTimer);
    this.countdown.until = 0;
    this.values = { username: '', code: '', password: '', confirm: '' };
    this.showPassword = this.showConfirm = false;
    this.refusedPassword = this.submittedUsername = null;
    this.retryAction = undefined;
    this.form.reset();
    this.send({ type: 'RESTART' });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const purpose = this.flowPurpose();
    const s = this.state;
    if (s.step === 'find' && !s.pending && s.purpose !== purpose)
      this.state = initialPasswordFlow(purpose);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.expiryTimer);
  }

  /** This tag's word for `key` (its `.reset` twin first for purpose `reset`, if it has one). */
  protected words(key: string, params?: Record<string, string | number>): string {
    const own = `${this.variant}.${key}`;
    if (this.state.purpose === 'reset') {
      const twin = `${own}.reset`;
      const text = this.t(twin, params);
      if (text !== twin) return text;
    }
    return this.t(own, params);
  }

  protected get forgot(): boolean {
    return this.variant === 'forgot-password';
  }

  protected send(event: PasswordFlowEvent): void {
    const before = this.state;
    const after = passwordFlowTransition(before, event);
    if (after === before) return;
    this.state = after;
    if (after.step === 'code') {
      // A code just sent: the resend countdown and the expiry timer start again.
      if (before.step !== 'code' || before.sent !== after.sent) this.codeSent(after.sent);
      if (before.step !== 'code') this.setValue('code', '');
    } else clearTimeout(this.expiryTimer);
    if (before.step !== after.step) {
      this.form.reset();
      if (after.step === 'find') this.values = { ...this.values, code: '' };
      this.emit('pep-step-change', { step: after.step });
      void this.focusHeading();
    }
  }

  private codeSent(sent: CodeSent): void {
    this.countdown.until = sent.resendAvailableAt;
    clearTimeout(this.expiryTimer);
    const delay = sent.expiresAt - this.now();
    if (delay <= 0 || delay > MAX_EXPIRY_TIMER) return;
    this.expiryTimer = setTimeout(() => this.send({ type: 'CODE_EXPIRED' }), delay);
  }

  protected setValue(field: Field, value: string): void {
    this.values = { ...this.values, [field]: value };
  }

  private fail(
    err: unknown,
    type: 'FIND_FAIL' | 'SEND_FAIL' | 'RESEND_FAIL' | 'VERIFY_FAIL' | 'SET_FAIL',
  ): AdapterError | null {
    const error = err as AdapterError;
    if (this.ignoreAbort(error)) return null;
    this.send({ type, error });
    return error;
  }

  // ------------------------------------------------------------------------ field checks

  /**
   * The message for the backend's refusal of a new password: a password refused as common or
   * breached (`PASSWORD_POLICY` with `not-common`) is said as such, rather than "does not meet
   * every requirement"; any other error has its usual message.
   */
  private refusalText(error: AdapterError): string {
    return error.is('PASSWORD_POLICY') && error.data.failed.includes('not-common')
      ? this.t('error.PASSWORD_COMMON')
      : this.errorMessage(error);
  }

  private usernameError(): string | null {
    const s = this.state;
    if (s.step === 'find' && s.error?.is('VALIDATION')) {
      const reason = s.error.data.fields['username'];
      if (reason && this.values.username === this.submittedUsername)
        return this.fieldText('username', reason);
    }
    const reason = validateUsername(this.values.username);
    return this.form.errorFor('username', reason ? this.fieldText('username', reason) : null);
  }

  private codeError(): string | null {
    const code = this.values.code;
    const reason =
      code === ''
        ? this.t('field.code.required')
        : isOtpShaped(code)
          ? null
          : this.t('field.invalid-code');
    return this.form.errorFor('code', reason);
  }

  /** The adapter's refusal of the password just submitted, while it is unchanged. */
  private refusal(): AdapterError | null {
    const s = this.state;
    return s.step === 'password' &&
      s.error &&
      PASSWORD_FIELD_CODES.has(s.error.code) &&
      this.values.password === this.refusedPassword
      ? s.error
      : null;
  }

  private passwordErrors(username: string): { password: string | null; confirm: string | null } {
    const { password, confirm } = this.values;
    const confirmReason =
      confirm === ''
        ? this.words('confirm-required')
        : confirm !== password
          ? this.t('field.mismatch')
          : null;
    const confirmError = this.form.errorFor('confirm', confirmReason);
    const reason =
      password === ''
        ? this.t('field.password.required')
        : failedPasswordRules(password, { username, isCommon: loadedCommonPasswordCheck() }).length
          ? this.t('error.PASSWORD_POLICY')
          : null;
    const local = this.form.errorFor('password', reason);
    const refusal = this.refusal();
    if (!refusal) return { password: local, confirm: confirmError };
    if (!this.forgot) return { password: this.refusalText(refusal), confirm: confirmError };
    // Forgot Password says a refusal under the field in its own words.
    const common = refusal.is('PASSWORD_POLICY') && refusal.data.failed.includes('not-common');
    return {
      password:
        local ??
        (refusal.code === 'PASSWORD_REUSED'
          ? this.t('forgot-password.reused-field')
          : common
            ? this.t('error.PASSWORD_COMMON')
            : null),
      confirm: confirmError,
    };
  }

  // ------------------------------------------------------------------------ step actions

  private async find(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.state.step !== 'find' || this.state.pending) return;
    this.form.submit();
    const username = this.values.username.trim();
    if (validateUsername(username)) {
      await this.form.focusFirstInvalid({ username: true });
      return;
    }
    this.submittedUsername = this.values.username;
    this.retryAction = () => void this.find();
    this.send({ type: 'FIND', username });
    const purpose = this.state.purpose;
    try {
      const flow = await this.call((a, signal) => a.findAccount({ username, purpose }, { signal }));
      this.send({ type: 'FIND_OK', username, flow });
    } catch (err) {
      this.fail(err, 'FIND_FAIL');
    }
  }

  private async sendCode(e?: Event): Promise<void> {
    e?.preventDefault();
    const s = this.state;
    if (s.step !== 'choose' || s.pending) return;
    const { flowId } = s.flow;
    const channel = s.channel;
    this.retryAction = () => void this.sendCode();
    this.send({ type: 'SEND' });
    try {
      const sent = await this.call((a, signal) => a.sendCode({ flowId, channel }, { signal }));
      this.send({ type: 'SEND_OK', sent });
    } catch (err) {
      this.fail(err, 'SEND_FAIL');
    }
  }

  private async resend(): Promise<void> {
    const s = this.state;
    if (s.step !== 'code' || s.pending || s.resending) return;
    const { flowId } = s.flow;
    const channel = s.channel;
    this.retryAction = () => void this.resend();
    this.send({ type: 'RESEND' });
    if (!this.countdown.ready) {
      // Still counting down: the wait is said without asking the adapter.
      const error = adapterError('RATE_LIMITED', { retryAfter: this.countdown.until });
      this.send({ type: 'RESEND_FAIL', error });
      return;
    }
    try {
      const sent = await this.call((a, signal) => a.sendCode({ flowId, channel }, { signal }));
      this.setValue('code', '');
      this.send({ type: 'RESEND_OK', sent });
      this.renderRoot.querySelector<HTMLInputElement>('#code')?.focus();
    } catch (err) {
      const error = this.fail(err, 'RESEND_FAIL');
      if (error?.is('RATE_LIMITED')) this.countdown.until = error.data.retryAfter;
    }
  }

  private async verify(e?: Event): Promise<void> {
    e?.preventDefault();
    const s = this.state;
    if (s.step !== 'code' || s.pending || s.resending) return;
    this.form.submit();
    const code = this.values.code;
    if (!isOtpShaped(code)) {
      await this.form.focusFirstInvalid({ code: true });
      return;
    }
    const { flowId } = s.flow;
    this.retryAction = () => void this.verify();
    this.send({ type: 'VERIFY' });
    try {
      await this.call((a, signal) => a.verifyCode({ flowId, code }, { signal }));
      this.send({ type: 'VERIFY_OK' });
    } catch (err) {
      if (this.fail(err, 'VERIFY_FAIL') && this.state.step === 'code') {
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLInputElement>('#code')?.focus();
      }
    }
  }

  private async setPassword(e?: Event): Promise<void> {
    e?.preventDefault();
    const s = this.state;
    if (s.step !== 'password' || s.pending) return;
    this.form.submit();
    this.refusedPassword = null;
    const errors = this.passwordErrors(s.username);
    if (errors.password || errors.confirm) {
      await this.form.focusFirstInvalid(errors);
      return;
    }
    const password = this.values.password;
    const { flowId } = s.flow;
    this.refusedPassword = password;
    this.retryAction = () => void this.setPassword();
    this.send({ type: 'SET_PASSWORD' });
    try {
      await this.call((a, signal) => a.setPassword({ flowId, password }, { signal }));
      this.send({ type: 'SET_OK' });
      this.values = { ...this.values, password: '', confirm: '', code: '' };
      // Password managers may not see fields in a shadow root: offer them the new password.
      void offerCredential(s.username, password);
      this.passwordSaved(s.username, s.purpose);
    } catch (err) {
      this.fail(err, 'SET_FAIL');
      if (this.refusal()) await this.form.focusFirstInvalid({ password: true });
    }
  }

  // ------------------------------------------------------------------------ rendering

  private heading(title: string): TemplateResult {
    const n = passwordFlowStepNumber(this.state.step);
    return stepHeading(
      title,
      n === null ? undefined : this.t('common.step-of', { step: n, total: 4 }),
    );
  }

  /** The step's error region; `message`: the text when it is not the error's usual one. */
  private renderError(message?: string | null): TemplateResult {
    const error = this.state.error;
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

  private submitButton(label: string, busyLabel: string, pending: boolean): TemplateResult {
    return html`<button
      type="submit"
      class="primary"
      part="submit-button"
      aria-disabled=${pending ? 'true' : 'false'}
    >
      ${pending ? html`<span class="spinner" aria-hidden="true"></span>${busyLabel}` : label}
    </button>`;
  }

  private backButton(label: string, disabled: boolean): TemplateResult {
    return html`<button
      type="button"
      class="secondary"
      part="secondary-button"
      ?disabled=${disabled}
      @click=${() => {
        this.abortCalls();
        this.send({ type: 'BACK' });
      }}
    >
      ${label}
    </button>`;
  }

  protected override render(): TemplateResult {
    const s = this.state;
    return html`<div class="card" part="base">
      ${s.step === 'find'
        ? this.renderFind(s)
        : s.step === 'choose'
          ? this.renderChoose(s)
          : s.step === 'code'
            ? this.renderCode(s)
            : s.step === 'password'
              ? this.renderPassword(s)
              : this.renderDone(s)}
      ${this.forgot && this.loginHref && s.step !== 'done'
        ? html`<p class="footer-links">
            <a href=${this.loginHref} part="link">${this.t('forgot-password.back-to-login')}</a>
          </p>`
        : nothing}
    </div>`;
  }

  /** Forgot Password's extras on Find Account: the unlock note, help desk, Forgot Username. */
  protected renderFindNotes(): TemplateResult | typeof nothing {
    return nothing;
  }

  private renderFind(s: S<'find'>): TemplateResult {
    const forgot = this.forgot;
    const username = textField({
      id: 'username',
      label: this.words('username'),
      hint: forgot ? this.words('find-text') : undefined,
      value: this.values.username,
      autocomplete: 'username',
      autocapitalize: 'none',
      spellcheck: false,
      required: true,
      error: this.usernameError(),
      onInput: (v) => this.setValue('username', v),
      onBlur: () => this.form.touch('username'),
    });
    const submit = this.submitButton(
      this.words('find'),
      forgot ? this.words('finding') : this.t('common.working'),
      s.pending,
    );
    const onSubmit = (e: Event) => void this.find(e);
    if (forgot)
      return html`<form part="form" novalidate @submit=${onSubmit}>
        ${this.heading(this.words('find-title'))} ${username} ${this.renderError()}
        <div class="actions">${submit}</div>
        ${this.renderFindNotes()}
      </form>`;
    return html`${this.heading(this.words('find-title'))}
      <p>${this.words('find-text')}</p>
      ${this.renderError()}
      <form part="form" novalidate @submit=${onSubmit}>
        ${username}
        <div class="actions">${submit}</div>
      </form>`;
  }

  private renderChoose(s: S<'choose'>): TemplateResult {
    const forgot = this.forgot;
    const choices = s.flow.destinations.map(
      (d) =>
        html`<label
          class="choice"
          part=${forgot ? 'choice' : nothing}
          for=${`channel-${d.channel}`}
        >
          <input
            type="radio"
            name="channel"
            id=${`channel-${d.channel}`}
            value=${d.channel}
            .checked=${s.channel === d.channel}
            ?disabled=${forgot && s.pending}
            @change=${() => this.send({ type: 'SELECT_CHANNEL', channel: d.channel as Channel })}
          />${forgot
            ? html`<span
                >${this.words(`channel.${d.channel}`)}
                <span class="masked">${this.words('channel-to', { masked: d.masked })}</span></span
              >`
            : this.words(`channel.${d.channel}`, { masked: d.masked })}
        </label>`,
    );
    const actions = html`<div class="actions">
      ${this.submitButton(this.words('send'), this.words('sending'), s.pending)}
      ${this.backButton(this.words('back'), forgot && s.pending)}
    </div>`;
    const onSubmit = (e: Event) => void this.sendCode(e);
    if (forgot)
      return html`<form part="form" novalidate @submit=${onSubmit}>
        ${this.heading(this.words('choose-title'))}
        <p>${this.words('choose-text')}</p>
        <fieldset>
          <legend>${this.words('choose-legend')}</legend>
          ${choices}
        </fieldset>
        ${this.renderError()} ${actions}
      </form>`;
    return html`${this.heading(this.words('choose-title'))} ${this.renderError()}
      <form part="form" novalidate @submit=${onSubmit}>
        <fieldset part="field">
          <legend part="label">${this.words('choose-legend')}</legend>
          ${choices}
        </fieldset>
        ${actions}
      </form>`;
  }

  private renderCode(s: S<'code'>): TemplateResult {
    const forgot = this.forgot;
    const countdown = this.countdown;
    const ready = countdown.ready;
    const blocked = !ready || s.pending || s.resending;
    const field = codeInput({
      label: this.words('code'),
      hint: this.words('code-hint'),
      value: this.values.code,
      error: this.codeError(),
      onInput: (v) => this.setValue('code', v),
      onBlur: () => this.form.touch('code'),
    });
    const resendButton = html`<button
      type="button"
      class="link"
      part=${forgot ? 'resend-button' : 'link'}
      aria-disabled=${blocked ? 'true' : 'false'}
      aria-describedby=${ready ? nothing : 'resend-countdown'}
      @click=${() => void this.resend()}
    >
      ${this.t('common.resend-it')}
    </button>`;
    const wait = ready
      ? nothing
      : html`<p id="resend-countdown" class="countdown" part="countdown">
          ${this.words('resend-wait', { time: countdown.label })}
        </p>`;
    const submit = this.submitButton(this.words('continue'), this.words('checking'), s.pending);
    const onSubmit = (e: Event) => void this.verify(e);
    const voidMessage = s.codeVoid && !s.error ? this.words('code-void') : undefined;
    if (forgot)
      return html`<form part="form" novalidate @submit=${onSubmit}>
        ${this.heading(this.words('code-title'))}
        <p>
          ${this.words(`code-text.${s.channel}`, {
            masked: s.sent.masked,
            time: this.formatTime(s.sent.expiresAt),
          })}
        </p>
        ${field} ${voidMessage ? html`<p class="field-error">${voidMessage}</p>` : nothing}
        ${this.renderError()}
        <div class="actions">${submit}</div>
        <p class="resend">
          ${this.words('resend-before')} ${resendButton} ${this.words(`resend-after.${s.channel}`)}
        </p>
        ${wait}
        <div role="status" class="visually-hidden">
          ${s.resent ? this.words('resent', { masked: s.sent.masked }) : ''}
        </div>
        <div class="actions">
          ${this.backButton(this.words('other-method'), s.pending || s.resending)}
        </div>
      </form>`;
    return html`${this.heading(this.words('code-title'))}
      <p>${this.words('code-text', { masked: s.sent.masked })}</p>
      ${this.renderError(voidMessage)}
      <p class="notice" role="status" part="status">
        ${s.resent && !s.resending && !s.error
          ? this.words('resent', { masked: s.sent.masked })
          : ''}
      </p>
      <form part="form" novalidate @submit=${onSubmit}>
        ${field}
        <p class="resend">${this.words('resend-before')} ${resendButton}.</p>
        ${wait}
        <div class="actions">${submit} ${this.backButton(this.words('back'), false)}</div>
      </form>`;
  }

  private renderPassword(s: S<'password'>): TemplateResult {
    const errors = this.passwordErrors(s.username);
    const fields = newPasswordFields({
      host: this,
      values: this.values,
      visible: { password: !!this.showPassword, confirm: !!this.showConfirm },
      onToggle: (f) =>
        f === 'password'
          ? (this.showPassword = !this.showPassword)
          : (this.showConfirm = !this.showConfirm),
      onInput: (f, v) => this.setValue(f, v),
      onBlur: (f) => this.form.touch(f),
      t: (k, p) => this.t(k, p),
      labels: { password: this.words('new-password'), confirm: this.words('confirm-password') },
      errors,
      context: { username: s.username },
    });
    const submit = this.submitButton(this.words('submit'), this.words('saving'), s.pending);
    const onSubmit = (e: Event) => void this.setPassword(e);
    if (this.forgot)
      return html`<form part="form" novalidate @submit=${onSubmit}>
        ${this.heading(this.words('password-title'))}
        <p>${this.words('password-text')}</p>
        ${fields} ${this.renderError(s.error ? this.refusalText(s.error) : undefined)}
        <div class="actions">${submit}</div>
      </form>`;
    const fieldLevel = !!s.error && PASSWORD_FIELD_CODES.has(s.error.code);
    return html`${this.heading(this.words('password-title'))}
      <p>${this.words('password-text')}</p>
      ${this.renderError(fieldLevel ? this.t('common.error-summary') : undefined)}
      <form part="form" novalidate @submit=${onSubmit}>
        <input type="text" name="username" autocomplete="username" .value=${s.username} hidden />
        ${fields}
        <div class="actions">${submit}</div>
      </form>`;
  }

  private renderDone(s: S<'done'>): TemplateResult {
    const login = this.loginHref
      ? this.forgot
        ? html`<p><a href=${this.loginHref} part="link">${this.words('login')}</a></p>`
        : html`<div class="actions">
            <a class="primary" part="login-link submit-button" href=${this.loginHref}
              >${this.words('login')}</a
            >
          </div>`
      : nothing;
    if (this.forgot)
      return html`<div part="form">
        ${this.heading(this.words('done-title'))}
        <p class="success" role="status">${this.words('done-text')}</p>
        ${errorRegion({})} ${login}
      </div>`;
    return html`${this.heading(this.words('done-title'))} ${errorRegion({})}
      <p class="success">${this.words('done-text', { username: s.username })}</p>
      ${login}`;
  }
}
