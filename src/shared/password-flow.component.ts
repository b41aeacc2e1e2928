import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import type { AdapterError } from '../adapter/errors.js';
import type { Channel, CodeSent, PasswordFlowPurpose } from '../adapter/types.js';
import { lazyModule } from '../base/lazy.js';
import { PepElement } from '../base/pep-element.js';
import { formStyles, tokens } from '../base/styles.js';
import { isOtpShaped } from '../core/otp.js';
import { validateUsername } from '../core/username.js';
import { ResendCountdown } from './resend-countdown.js';
import { codeInput } from './code-input.js';
import { errorRegion, isRetryable } from './error-region.js';
import { FormState } from './form-state.js';
import { MASK_SLOT, maskedText, maskStyles } from './masked-text.js';
import {
  initialPasswordFlow,
  passwordFlowStepNumber,
  passwordFlowTransition,
  type PasswordFlowEvent,
  type PasswordFlowState,
  type PasswordFlowStep,
} from './password-flow.machine.js';
import type { NewPasswordHost } from './password-flow.new-password.js';
import { passwordFlowStyles } from './password-flow.styles.js';
import { stepHeading } from './step-heading.js';
import { sharedStyles } from './styles.js';
import { textField } from './text-field.js';

type Field = 'username' | 'code' | 'password' | 'confirm';
type S<K extends PasswordFlowStep> = Extract<PasswordFlowState, { step: K }>;

/** Longest delay for the local "code expired" timer; beyond it (clock skew) the adapter decides. */
const MAX_EXPIRY_TIMER = 60 * 60 * 1000;

/**
 * The new-password step (its checklist, the password policy, their words): not on the first
 * screen. Fetched while the code step shows, and awaited with the code's check (a failed fetch
 * is a retryable failure of that check), so it is there when the step shows.
 */
const newPasswordStep = lazyModule(() => import('./password-flow.new-password.js'));

/**
 * The password flow of `<pep-create-password>` and `<pep-forgot-password>` (spec slides 6–7 and
 * 16–19): Find Account → choose email or text message → Enter Verification Code (resend it, with
 * a countdown) → Create New Password (Step 4 of 4, with the live "Password Must Have / Can't
 * Have" checklist) → confirmation and the way to Log In. One class, one machine
 * (`password-flow.machine.ts`); each tag is a thin subclass giving its words (`variant`, the
 * prefix of its message keys), its purpose and its event. Where the two tags' screens differ
 * (Forgot Password's notes, links and method labels), `render<Step>()` says so. Step 4 and the
 * confirmation after it are in `password-flow.new-password.ts`, loaded once the code step shows
 * (the element is its `NewPasswordHost`).
 */
export abstract class PasswordFlowElement extends PepElement implements NewPasswordHost {
  // (`passwordStyles`, the fields' and the checklist's, go with the new-password step's module
  // to its light-DOM form.)
  static override styles = [tokens, formStyles, sharedStyles, passwordFlowStyles, maskStyles];

  static override properties: PropertyDeclarations = {
    loginHref: { attribute: 'login-href' },
    doneHref: { attribute: 'done-href' },
  };

  static {
    this.states('state', 'values', 'showPassword', 'showConfirm', 'refusedPassword');
  }

  /** The tag's words: the prefix of its message keys. */
  protected abstract readonly variant: 'create-password' | 'forgot-password';

  /** The purpose the flow starts with (`findAccount`'s purpose). */
  protected abstract flowPurpose(): PasswordFlowPurpose;

  /**
   * @internal Announce a saved password (each tag has its cancelable event); `false` when the
   * host cancelled it.
   */
  abstract passwordSaved(username: string, purpose: PasswordFlowPurpose): boolean;

  /**
   * The Log In page, as it is (Forgot Password's "Back to Log In"; also where the flow ends when
   * `done-href` is not set). No link is shown when empty.
   */
  loginHref = '';

  /**
   * Where the flow ends once the password is saved: the confirmation's "Go to Log In" link, and
   * where the element goes by itself right after the save unless the host cancels the event
   * (`pep-password-created` / `pep-password-reset`), e.g. the Log In page with a "Your password
   * was updated" notice. Only for after a save: "Back to Log In" never goes there. Default:
   * `login-href`.
   */
  doneHref = '';

  // Members marked @internal are public for the new-password step (`NewPasswordHost`) only.
  /** @internal */
  state: PasswordFlowState = initialPasswordFlow(this.flowPurpose());
  /** @internal */
  values: Record<Field, string> = { username: '', code: '', password: '', confirm: '' };
  /** @internal */
  showPassword?: boolean;
  /** @internal */
  showConfirm?: boolean;
  /** @internal The password last sent to setPassword (its adapter error applies while unchanged). */
  refusedPassword?: string | null;
  /** The username last sent to findAccount (its VALIDATION error applies while unchanged). */
  protected submittedUsername: string | null = null;
  /** @internal The last adapter action, repeated by "Try again" after a retryable failure. */
  retryAction?: () => void;

  /** @internal */
  form = new FormState<Field>(this, ['username', 'code', 'password', 'confirm']);
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

  /** @internal This tag's word for `key` (its `.reset` twin first for purpose `reset`, if any). */
  words(key: string, params?: Record<string, string | number>): string {
    const own = `${this.variant}.${key}`;
    if (this.state.purpose === 'reset') {
      const twin = `${own}.reset`;
      const text = this.t(twin, params);
      if (text !== twin) return text;
    }
    return this.t(own, params);
  }

  /** @internal */
  get forgot(): boolean {
    return this.variant === 'forgot-password';
  }

  /** @internal */
  send(event: PasswordFlowEvent): void {
    const before = this.state;
    const after = passwordFlowTransition(before, event);
    if (after === before) return;
    this.state = after;
    if (after.step === 'code') {
      // A code just sent: the resend countdown and the expiry timer start again.
      if (before.step !== 'code' || before.sent !== after.sent) this.codeSent(after.sent);
      if (before.step !== 'code') {
        this.setValue('code', '');
        newPasswordStep.prefetch();
      }
    } else clearTimeout(this.expiryTimer);
    if (before.step !== after.step) {
      this.form.reset();
      if (after.step === 'find') this.values = { ...this.values, code: '' };
      if (after.step === 'done')
        this.values = { ...this.values, password: '', confirm: '', code: '' };
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

  /** @internal */
  setValue(field: Field, value: string): void {
    this.values = { ...this.values, [field]: value };
  }

  /** @internal */
  fail(
    err: unknown,
    type: 'FIND_FAIL' | 'SEND_FAIL' | 'RESEND_FAIL' | 'VERIFY_FAIL' | 'SET_FAIL',
  ): AdapterError | null {
    const error = err as AdapterError;
    if (this.ignoreAbort(error)) return null;
    this.send({ type, error });
    return error;
  }

  // ------------------------------------------------------------------------ field checks

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
    // Still counting down: "resend it" is disabled and its countdown says until when.
    if (!this.countdown.ready) return;
    this.retryAction = () => void this.resend();
    this.send({ type: 'RESEND' });
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
      await this.call(async (a, signal) => {
        // The next step's module first (normally there already): a failed fetch fails the
        // check before the code is sent, so Try again does not send a used code.
        await newPasswordStep.load();
        return a.verifyCode({ flowId, code }, { signal });
      });
      this.send({ type: 'VERIFY_OK' });
    } catch (err) {
      if (this.fail(err, 'VERIFY_FAIL') && this.state.step === 'code') {
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLInputElement>('#code')?.focus();
      }
    }
  }

  // ------------------------------------------------------------------------ rendering

  /** @internal */
  heading(title: string): TemplateResult {
    const n = passwordFlowStepNumber(this.state.step);
    return stepHeading(
      title,
      n === null ? undefined : this.t('common.step-of', { step: n, total: 4 }),
    );
  }

  /** @internal The step's error region; `message`: the text when not the error's usual one. */
  renderError(message?: string | null): TemplateResult {
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

  /** @internal */
  submitButton(label: string, busyLabel: string, pending: boolean): TemplateResult {
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
            : // Step 4 and the confirmation come with the new-password step's module.
              newPasswordStep.get()?.renderNewPassword(this, s)}
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
                <span class="masked"
                  >${maskedText(
                    this.words('channel-to', { masked: MASK_SLOT }),
                    d.masked,
                    this,
                  )}</span
                ></span
              >`
            : maskedText(this.words(`channel.${d.channel}`, { masked: MASK_SLOT }), d.masked, this)}
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

  private resentText(s: S<'code'>): TemplateResult {
    return maskedText(this.words('resent', { masked: MASK_SLOT }), s.sent.masked, this);
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
          ${maskedText(
            this.words(`code-text.${s.channel}`, {
              masked: MASK_SLOT,
              time: this.formatTime(s.sent.expiresAt),
            }),
            s.sent.masked,
            this,
          )}
        </p>
        ${field} ${voidMessage ? html`<p class="field-error">${voidMessage}</p>` : nothing}
        ${this.renderError()}
        <div class="actions">${submit}</div>
        <p class="resend">
          ${this.words('resend-before')} ${resendButton} ${this.words(`resend-after.${s.channel}`)}
        </p>
        ${wait}
        <p class="notice" role="status" part="status">
          ${s.resent && !s.resending && !s.error ? this.resentText(s) : ''}
        </p>
        <div class="actions">
          ${this.backButton(this.words('other-method'), s.pending || s.resending)}
        </div>
      </form>`;
    return html`${this.heading(this.words('code-title'))}
      <p>${maskedText(this.words('code-text', { masked: MASK_SLOT }), s.sent.masked, this)}</p>
      ${this.renderError(voidMessage)}
      <p class="notice" role="status" part="status">
        ${s.resent && !s.resending && !s.error ? this.resentText(s) : ''}
      </p>
      <form part="form" novalidate @submit=${onSubmit}>
        ${field}
        <p class="resend">${this.words('resend-before')} ${resendButton}.</p>
        ${wait}
        <div class="actions">${submit} ${this.backButton(this.words('back'), false)}</div>
      </form>`;
  }
}
