import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { PepElement } from '../../base/pep-element.js';
import { accountEn } from '../../i18n/account.en.js';
import type { Catalogue } from '../../i18n/format.js';
import { formStyles, tokens } from '../../base/styles.js';
import type { AdapterError } from '../../adapter/errors.js';
import type {
  PendingLogin,
  Session,
  VerificationMethod,
  VerificationOption,
} from '../../adapter/types.js';
import { OTP_LENGTH } from '../../core/otp.js';
import { sharedStyles } from '../../shared/styles.js';
import { stepHeading } from '../../shared/step-heading.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { FormState } from '../../shared/form-state.js';
import { codeInput } from '../../shared/code-input.js';
import { defaultDeviceStore, type DeviceStore } from '../../shared/device-store.js';
import { rememberDevice, rememberDeviceStyles } from '../../shared/remember-device.js';
import { ResendCountdown } from '../../shared/resend-countdown.js';
import { MASK_SLOT, maskedText, maskStyles } from '../../shared/masked-text.js';
import type {} from '../typing-pattern/pep-typing-pattern.js';
import type { OtherMethodReason } from '../typing-pattern/typing-pattern.component.js';
import {
  initialVerifyState,
  transition,
  type VerifyEvent,
  type VerifyState,
} from './verify-account.machine.js';
import { verifyAccountEn } from './verify-account.messages.js';
import { verifyAccountStyles } from './verify-account.styles.js';

const catalogue: Catalogue = { ...verifyAccountEn, ...accountEn };

/**
 * *Verify your account*: after a correct password, the user chooses one of three ways — a code
 * in an email, a code in an SMS text, or the personalized keyboard typing pattern — then enters
 * the code (with **resend it** and **Remember this device for 30 days**) or types the pattern.
 * Works on its own (set `pending` to the `PendingLogin` from `adapter.login`) or inside
 * `<pep-login>`. On success the remembered-device token (if any) goes to `deviceStore`.
 *
 * @summary Verify the account by email code, SMS code or keyboard typing pattern.
 *
 * @fires pep-authenticated - `{ session }` when verified (also bubbles up from the pattern step).
 * @fires pep-verification-expired - The pending login expired; log in again.
 * @fires pep-step-change - `{ step }` on every step change (`choose`, `code`, `pattern`, `done`, `expired`).
 *
 * @csspart form - The form of a step.
 * @csspart step-heading - The heading of the step.
 * @csspart options - The fieldset of the three methods.
 * @csspart option - One method (label with its radio button).
 * @csspart field, label, input, hint, field-error - The code field.
 * @csspart remember - The "Remember this device for 30 days" row.
 * @csspart tooltip-button - The info button explaining "Remember this device".
 * @csspart tooltip - Its tooltip.
 * @csspart submit-button - Send Code / Next / Submit.
 * @csspart link - "resend it" and "Choose another method".
 * @csspart countdown - "You can resend the code in m:ss" ("resend it" waits until then).
 * @csspart status - Polite status line ("A new code was sent").
 * @csspart error - The `role="alert"` region.
 * @csspart typing-pattern - The nested `<pep-typing-pattern>` of the pattern step.
 *
 * @cssprop --pep-color-primary - Buttons, links, radio buttons.
 */
export class PepVerifyAccount extends PepElement {
  static override styles = [
    tokens,
    formStyles,
    sharedStyles,
    verifyAccountStyles,
    rememberDeviceStyles,
    maskStyles,
  ];

  static override properties: PropertyDeclarations = {
    pending: { attribute: false },
    deviceStore: { attribute: false },
    embedded: { type: Boolean },
  };

  static {
    this.states('state', 'code', 'remember', 'tipOpen', 'invalidSubmit');
  }

  protected override get catalogue(): Catalogue {
    return catalogue;
  }

  /** The pending login from `adapter.login` (status `verification-required`). */
  pending?: PendingLogin;

  /**
   * Where the remembered-device token is kept. Unset: the default `localStorage` store
   * (`defaultDeviceStore`, `pep-device:` keys).
   */
  deviceStore?: DeviceStore;

  /** Render without the card frame (inside `<pep-login>`). */
  embedded = false;

  private state: VerifyState = { step: 'choose', options: [], sending: false };

  /** The current step (also announced by `pep-step-change`). */
  get step(): VerifyState['step'] {
    return this.state.step;
  }

  /** The code typed. */
  private code = '';
  private remember = false;
  private tipOpen = false;

  private form = new FormState<'code'>(this, ['code']);
  /** The resend throttle of the code step: "resend it" waits for it, with a countdown. */
  #countdown = new ResendCountdown(this, () => this.now());
  /** Set (anew) by each submit of an invalid code: the alert region then says so. */
  private invalidSubmit: object | null = null;

  /** Move focus to the current step's heading (used by a host that shows this element). */
  async focusStep(): Promise<void> {
    await this.updateComplete;
    if (this.state.step === 'pattern') {
      const child = this.renderRoot.querySelector('pep-typing-pattern');
      if (child) return child.focusStep();
    }
    return this.focusHeading();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('pending') && this.pending) {
      this.abortCalls();
      this.state = initialVerifyState(this.pending);
      this.code = '';
      if (this.form.submitted) this.form.reset();
    }
  }

  private send(event: VerifyEvent): void {
    const was = this.state;
    const before = was.step;
    this.state = transition(was, event);
    const now = this.state;
    if (now.step === 'code' && (was.step !== 'code' || was.sent !== now.sent))
      this.#countdown.until = now.sent.resendAvailableAt;
    if (now.step !== before) {
      this.invalidSubmit = null;
      this.emit('pep-step-change', { step: this.state.step });
      if (this.state.step === 'expired') this.emit('pep-verification-expired', {});
      void this.focusStep();
    }
  }

  /** Map an adapter failure: an expired pending login ends the flow, our own aborts are ignored. */
  private fail(error: AdapterError, event: (e: AdapterError) => VerifyEvent): void {
    if (this.ignoreAbort(error)) return;
    if (error.code === 'FLOW_EXPIRED') this.send({ type: 'EXPIRED' });
    else this.send(event(error));
  }

  private async continue(e?: Event): Promise<void> {
    e?.preventDefault();
    const f = this.state;
    if (f.step !== 'choose' || f.sending || !f.selected || !this.pending) return;
    const channel = f.selected;
    this.send({ type: 'CONTINUE' });
    if (channel === 'pattern') {
      // `<pep-typing-pattern>` is a chunk of its own, fetched when this option is chosen.
      try {
        await this.call(() => import('../typing-pattern/pep-typing-pattern.js'));
        this.send({ type: 'PATTERN_READY' });
      } catch (err) {
        this.fail(err as AdapterError, (error) => ({ type: 'SEND_FAILED', error }));
      }
      return;
    }
    const pendingId = this.pending.pendingId;
    try {
      const sent = await this.call((a, signal) =>
        a.sendVerificationCode({ pendingId, channel }, { signal }),
      );
      this.code = '';
      this.form.reset();
      this.send({ type: 'CODE_SENT', sent });
    } catch (err) {
      this.fail(err as AdapterError, (error) => ({ type: 'SEND_FAILED', error }));
    }
  }

  private async resend(): Promise<void> {
    const f = this.state;
    if (f.step !== 'code' || f.resending || f.submitting || !this.pending) return;
    // During the wait "resend it" is disabled and its countdown says until when.
    if (!this.#countdown.ready) return;
    const pendingId = this.pending.pendingId;
    this.send({ type: 'RESEND' });
    try {
      const sent = await this.call((a, signal) =>
        a.sendVerificationCode({ pendingId, channel: f.channel }, { signal }),
      );
      this.send({ type: 'RESENT', sent });
    } catch (err) {
      const error = err as AdapterError;
      if (error.is('RATE_LIMITED')) this.#countdown.until = error.data.retryAfter;
      this.fail(error, (error) => ({ type: 'RESEND_FAILED', error }));
    }
  }

  /** The code field's message key, or null when the code can be sent. */
  private codeReason(): string | null {
    if (!this.code) return 'field.code.required';
    if (this.code.length !== OTP_LENGTH) return 'field.invalid-code';
    return null;
  }

  private async submitCode(e?: Event): Promise<void> {
    e?.preventDefault();
    const f = this.state;
    if (f.step !== 'code' || f.submitting || f.resending || !this.pending) return;
    this.form.submit();
    if (this.codeReason()) {
      this.invalidSubmit = {};
      await this.form.focusFirstInvalid({ code: true });
      return;
    }
    this.invalidSubmit = null;
    const pending = this.pending;
    const code = this.code;
    const rememberDevice = this.remember;
    this.send({ type: 'SUBMIT_CODE' });
    try {
      const verified = await this.call((a, signal) =>
        a.verifyAccountCode({ pendingId: pending.pendingId, code, rememberDevice }, { signal }),
      );
      if (verified.deviceToken) {
        (this.deviceStore ?? defaultDeviceStore).set(
          pending.username,
          verified.deviceToken.token,
          verified.deviceToken.expiresAt,
        );
      }
      this.code = '';
      this.send({ type: 'VERIFIED', session: verified.session });
      this.emit('pep-authenticated', { session: verified.session });
    } catch (err) {
      this.fail(err as AdapterError, (error) => ({ type: 'CODE_FAILED', error }));
    }
  }

  // The nested <pep-typing-pattern> reports here; its pep-authenticated bubbles on to the host.
  private onPatternAuthenticated(e: CustomEvent<{ session: Session }>): void {
    this.send({ type: 'VERIFIED', session: e.detail.session });
  }

  private onChooseOther(e: CustomEvent<{ reason: OtherMethodReason }>): void {
    if (e.detail.reason === 'unavailable') this.send({ type: 'PATTERN_UNAVAILABLE' });
    else this.send({ type: 'BACK' });
  }

  // ------------------------------------------------------------------------------------------
  // Render
  // ------------------------------------------------------------------------------------------

  override render(): TemplateResult {
    return html`<div class=${this.embedded ? '' : 'card'}>${this.renderStep()}</div>`;
  }

  private renderStep(): TemplateResult {
    const f = this.state;
    switch (f.step) {
      case 'choose':
        return this.renderChoose(f);
      case 'code':
        return this.renderCode(f);
      case 'pattern':
        return html`<pep-typing-pattern
          part="typing-pattern"
          mode="verify"
          embedded
          .pending=${this.pending}
          .adapter=${this.adapter}
          .config=${this.config}
          .messages=${this.messages}
          .deviceStore=${this.deviceStore}
          @pep-authenticated=${this.onPatternAuthenticated}
          @pep-choose-other-method=${this.onChooseOther}
          @pep-verification-expired=${(e: Event) => {
            e.stopPropagation();
            this.send({ type: 'EXPIRED' });
          }}
        ></pep-typing-pattern>`;
      case 'done':
        return html`${stepHeading(this.t('verify.title'))}
          <p class="success" role="status" part="status">${this.t('verify.done')}</p>
          ${errorRegion({})}`;
      case 'expired':
        return html`${stepHeading(this.t('verify.title'))}
        ${errorRegion({ message: this.t('verify.expired') })}`;
    }
  }

  private optionLabel(o: VerificationOption): TemplateResult {
    const masked = o.masked ?? '';
    return maskedText(this.t(`verify.option.${o.method}`, { masked: MASK_SLOT }), masked, this);
  }

  private optionReason(o: VerificationOption): string {
    if (o.available) return '';
    if (o.method !== 'pattern') return this.t('verify.reason.unavailable');
    const listed = this.pending?.options.some((x) => x.method === 'pattern') ?? false;
    return listed ? this.t('verify.reason.pattern-locked') : this.t('verify.reason.not-set-up');
  }

  private renderChoose(f: Extract<VerifyState, { step: 'choose' }>): TemplateResult {
    const isPattern = f.selected === 'pattern';
    const error = f.error;
    return html`${stepHeading(this.t('verify.title'))}
      <form part="form" novalidate @submit=${(e: Event) => void this.continue(e)}>
        <fieldset part="options">
          <legend>${this.t('verify.legend')}</legend>
          ${f.options.map((o) => this.renderOption(o, f.selected, f.sending))}
        </fieldset>
        ${errorRegion({
          message: error ? this.errorMessage(error) : '',
          key: error,
          retry: isRetryable(error)
            ? { label: this.t('common.retry'), onRetry: () => void this.continue() }
            : null,
        })}
        <div class="actions">
          <button
            type="submit"
            class="primary"
            part="submit-button"
            ?disabled=${f.sending || !f.selected}
          >
            ${f.sending ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
            ${this.t(isPattern ? 'verify.next' : 'verify.send-code')}
          </button>
        </div>
      </form>`;
  }

  private renderCode(f: Extract<VerifyState, { step: 'code' }>): TemplateResult {
    const busy = f.submitting || f.resending;
    const reason = this.codeReason();
    const error = f.error;
    const ready = this.#countdown.ready;
    const summary = this.invalidSubmit && reason ? this.t('common.error-summary') : '';
    return html`${stepHeading(this.t('verify.title'))}
      <form part="form" novalidate @submit=${(e: Event) => void this.submitCode(e)}>
        <p>
          ${maskedText(
            this.t(`verify.sent.${f.channel}`, { masked: MASK_SLOT }),
            f.sent.masked,
            this,
          )}
        </p>
        ${codeInput({
          label: this.t('verify.code-label'),
          value: this.code,
          hint: this.t('verify.code-hint', { time: this.formatTime(f.sent.expiresAt) }),
          error: this.form.errorFor('code', reason ? this.t(reason) : null),
          disabled: f.submitting,
          onInput: (v) => (this.code = v),
          onBlur: () => this.form.touch('code'),
        })}
        <p class="resend">
          ${this.t('verify.resend-prompt')}
          <button
            type="button"
            class="link"
            part="link"
            aria-disabled=${busy || !ready ? 'true' : 'false'}
            aria-describedby=${ready ? nothing : 'resend-countdown'}
            @click=${() => void this.resend()}
          >
            ${this.t('common.resend-it')}</button
          >.
        </p>
        ${ready
          ? nothing
          : html`<p id="resend-countdown" class="countdown hint" part="countdown">
              ${this.t('verify.resend-wait', { time: this.#countdown.label })}
            </p>`}
        <p class="status hint" role="status" part="status">
          ${f.resent ? this.t('verify.resent') : ''}
        </p>
        ${rememberDevice({
          checked: this.remember,
          disabled: f.submitting,
          tipOpen: this.tipOpen,
          onChange: (v) => (this.remember = v),
          onTip: (open) => (this.tipOpen = open),
          label: this.t('verify.remember'),
          infoLabel: this.t('verify.remember-info'),
          tip: this.t('verify.remember-tip'),
        })}
        ${errorRegion({
          message: error ? this.errorMessage(error) : summary,
          key: error ?? this.invalidSubmit,
          retry: isRetryable(error)
            ? {
                label: this.t('common.retry'),
                onRetry: () => void (f.resending ? this.resend() : this.submitCode()),
              }
            : null,
        })}
        <div class="actions">
          <button type="submit" class="primary" part="submit-button" ?disabled=${busy}>
            ${f.submitting ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
            ${this.t('verify.submit')}
          </button>
          <button
            type="button"
            class="link"
            part="link"
            ?disabled=${f.submitting}
            @click=${() => this.send({ type: 'BACK' })}
          >
            ${this.t('verify.other-method')}
          </button>
        </div>
      </form>`;
  }

  private renderOption(
    o: VerificationOption,
    selected: VerificationMethod | undefined,
    sending: boolean,
  ): TemplateResult {
    const id = `method-${o.method}`;
    const reason = this.optionReason(o);
    return html`<div class="option" part="option">
      <label class="choice" for=${id}>
        <input
          type="radio"
          id=${id}
          name="method"
          value=${o.method}
          .checked=${selected === o.method}
          ?disabled=${!o.available || sending}
          aria-describedby=${reason ? `${id}-reason` : nothing}
          @change=${() => this.send({ type: 'SELECT', method: o.method })}
        />
        <span>${this.optionLabel(o)}</span>
      </label>
      ${reason ? html`<p id=${`${id}-reason`} class="hint" part="hint">${reason}</p>` : nothing}
    </div>`;
  }
}
