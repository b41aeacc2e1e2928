/**
 * The steps of `<pep-forgot-password>` after Find Account (Get / Enter Verification Code, Create
 * New Password, done) with their English: not part of what a host loads first. The element
 * fetches this module once its first step has rendered and awaits it before it leaves that step.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Channel } from '../../adapter/types.js';
import { errorRegion } from '../../shared/error-region.js';
import { codeInput, newPasswordFields } from '../../shared/password-steps.js';
import type { PepForgotPassword } from './forgot-password.component.js';
import type { ForgotPasswordState, ForgotPasswordStep } from './forgot-password.machine.js';

export { forgotPasswordStepsEn } from './forgot-password.steps.messages.js';
export { failedPasswordRules, offerCredential, passwordEn } from '../../shared/password-steps.js';
export { ResendCountdown } from '../forgot-username/resend-countdown.js';

type S<K extends ForgotPasswordStep> = Extract<ForgotPasswordState, { step: K }>;
type El = PepForgotPassword;

/** The members of the element these views use (private there: this module is part of it). */
interface View {
  t: El['t'];
  formatTime: El['formatTime'];
  loginHref: El['loginHref'];
  values: El['values'];
  showPassword: El['showPassword'];
  showConfirm: El['showConfirm'];
  form: El['form'];
  countdown: El['countdown'];
  refused: El['refused'];
  lastCodeAction: El['lastCodeAction'];
  dispatch: El['dispatch'];
  setValue: El['setValue'];
  fieldError: El['fieldError'];
  sendCode: El['sendCode'];
  resend: El['resend'];
  verify: El['verify'];
  updatePassword: El['updatePassword'];
  back: El['back'];
  heading: El['heading'];
  alert: El['alert'];
  submit: El['submit'];
}

export function renderChoose(el: PepForgotPassword, s: S<'choose'>): TemplateResult {
  const h = el as unknown as View;
  return html`<form part="form" novalidate @submit=${h.sendCode}>
    ${h.heading('forgot-password.choose-title', 'choose')}
    <p>${h.t('forgot-password.choose-text')}</p>
    <fieldset>
      <legend>${h.t('forgot-password.choose-legend')}</legend>
      ${s.flow.destinations.map(
        (d) =>
          html`<label class="choice" part="choice">
            <input
              type="radio"
              name="channel"
              value=${d.channel}
              .checked=${s.channel === d.channel}
              ?disabled=${s.pending}
              @change=${() => h.dispatch({ type: 'SELECT_CHANNEL', channel: d.channel })}
            />
            <span
              >${h.t(`forgot-password.channel.${d.channel}`)}
              <span class="masked"
                >${h.t('forgot-password.channel-to', { masked: d.masked })}</span
              ></span
            >
          </label>`,
      )}
    </fieldset>
    ${h.alert(s.error, () => void h.sendCode())}
    <div class="actions">
      ${h.submit(s.pending, 'forgot-password.send', 'forgot-password.sending')}
      <button
        type="button"
        class="secondary"
        part="secondary-button"
        ?disabled=${s.pending}
        @click=${h.back}
      >
        ${h.t('forgot-password.back')}
      </button>
    </div>
  </form>`;
}

export function renderCode(el: PepForgotPassword, s: S<'code'>): TemplateResult {
  const h = el as unknown as View;
  const countdown = h.countdown!;
  const ready = countdown.ready;
  const channel: Channel = s.channel;
  const blocked = !ready || s.pending || s.resending;
  return html`<form part="form" novalidate @submit=${h.verify}>
    ${h.heading('forgot-password.code-title', 'code')}
    <p>
      ${h.t(`forgot-password.code-text.${channel}`, {
        masked: s.sent.masked,
        time: h.formatTime(s.sent.expiresAt),
      })}
    </p>
    ${codeInput({
      label: h.t('forgot-password.code'),
      hint: h.t('forgot-password.code-hint'),
      value: h.values.code,
      error: h.fieldError('code'),
      onInput: (v) => h.setValue('code', v),
      onBlur: () => h.form.touch('code'),
    })}
    ${s.codeVoid && !s.error
      ? html`<p class="field-error">${h.t('forgot-password.code-void')}</p>`
      : nothing}
    ${h.alert(s.error, () => void (h.lastCodeAction === 'resend' ? h.resend() : h.verify()))}
    <div class="actions">
      ${h.submit(s.pending, 'forgot-password.continue', 'forgot-password.checking')}
    </div>
    <p class="resend">
      ${h.t('forgot-password.resend-before')}
      <button
        type="button"
        class="link"
        part="resend-button"
        aria-disabled=${blocked ? 'true' : 'false'}
        aria-describedby=${ready ? nothing : 'resend-countdown'}
        @click=${h.resend}
      >
        ${h.t('common.resend-it')}
      </button>
      ${h.t(`forgot-password.resend-after.${channel}`)}
    </p>
    ${ready
      ? nothing
      : html`<p id="resend-countdown" class="countdown" part="countdown">
          ${h.t('forgot-password.resend-wait', { time: countdown.label })}
        </p>`}
    <div role="status" class="visually-hidden">
      ${s.resent ? h.t('forgot-password.resent', { masked: s.sent.masked }) : ''}
    </div>
    <div class="actions">
      <button
        type="button"
        class="secondary"
        part="secondary-button"
        ?disabled=${s.pending || s.resending}
        @click=${h.back}
      >
        ${h.t('forgot-password.other-method')}
      </button>
    </div>
  </form>`;
}

export function renderPassword(el: PepForgotPassword, s: S<'password'>): TemplateResult {
  const h = el as unknown as View;
  // The refusal applies to the password that was sent, not to a new one being typed.
  const reused = s.error?.code === 'PASSWORD_REUSED' && h.values.password === h.refused;
  const t = (k: string, p?: Record<string, string | number>) => h.t(k, p);
  return html`<form part="form" novalidate @submit=${h.updatePassword}>
    ${h.heading('forgot-password.password-title', 'password')}
    <p>${h.t('forgot-password.password-text')}</p>
    ${newPasswordFields({
      values: h.values,
      labels: {
        password: h.t('forgot-password.new-password'),
        confirm: h.t('forgot-password.confirm-password'),
      },
      errors: {
        password: h.fieldError('password') ?? (reused ? h.t('forgot-password.reused-field') : null),
        confirm: h.fieldError('confirm'),
      },
      visible: { password: h.showPassword, confirm: h.showConfirm },
      onToggle: (f) =>
        f === 'password' ? (h.showPassword = !h.showPassword) : (h.showConfirm = !h.showConfirm),
      onInput: (f, v) => h.setValue(f, v),
      onBlur: (f) => h.form.touch(f),
      context: { username: s.username },
      t,
    })}
    ${h.alert(s.error, () => void h.updatePassword())}
    <div class="actions">
      ${h.submit(s.pending, 'forgot-password.submit', 'forgot-password.saving')}
    </div>
  </form>`;
}

export function renderDone(el: PepForgotPassword): TemplateResult {
  const h = el as unknown as View;
  return html`<div part="form">
    ${h.heading('forgot-password.done-title', 'done')}
    <p class="success" role="status">${h.t('forgot-password.done-text')}</p>
    ${errorRegion({})}
    ${h.loginHref
      ? html`<p>
          <a href=${h.loginHref} class="primary-link" part="link"
            >${h.t('forgot-password.login')}</a
          >
        </p>`
      : nothing}
  </div>`;
}
