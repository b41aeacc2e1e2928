/**
 * The steps of `<pep-forgot-password>` after Find Account (Get / Enter Verification Code, Create
 * New Password, done: their views and actions, the resend countdown and the code's expiry timer)
 * with their English: not part of what a host loads first. The element fetches this module once
 * its first step has rendered and awaits it before it leaves that step.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Channel } from '../../adapter/types.js';
import { OTP_LENGTH } from '../../core/otp.js';
import type { FieldReason } from '../../core/validation.js';
import { addLaterStyles } from '../../base/later-styles.js';
import { errorRegion } from '../../shared/error-region.js';
import {
  boundPasswordFields,
  codeInput,
  failedPasswordRules,
  loadedCommonPasswordCheck,
  newPasswordFields,
  offerCredential,
  passwordRefusalText,
} from '../../shared/password-steps.js';
import { ResendCountdown } from '../forgot-username/resend-countdown.js';
import type { PepForgotPassword } from './forgot-password.component.js';
import {
  passwordFlowStepNumber,
  type ForgotPasswordState,
  type ForgotPasswordStep,
} from './forgot-password.machine.js';
import { forgotPasswordStepsStyles } from './forgot-password.steps.styles.js';

export { forgotPasswordStepsEn } from './forgot-password.steps.messages.js';
export { passwordEn } from '../../shared/password-steps.js';
export { transition } from './forgot-password.machine.js';

type S<K extends ForgotPasswordStep> = Extract<ForgotPasswordState, { step: K }>;
type El = PepForgotPassword;

/** Adapter errors that concern the new password (focus goes back to it). */
const PASSWORD_ERRORS = new Set(['PASSWORD_REUSED', 'PASSWORD_POLICY']);

/** The members of the element these steps use (private there: this module is part of it). */
interface View {
  errorMessage: El['errorMessage'];
  requestUpdate: El['requestUpdate'];
  t: El['t'];
  now: El['now'];
  emit: El['emit'];
  formatTime: El['formatTime'];
  loginHref: El['loginHref'];
  renderRoot: El['renderRoot'];
  updateComplete: El['updateComplete'];
  flow: El['flow'];
  values: El['values'];
  showPassword: El['showPassword'];
  showConfirm: El['showConfirm'];
  form: El['form'];
  countdown: El['countdown'];
  expiryTimer: El['expiryTimer'];
  refused: El['refused'];
  lastCodeAction: El['lastCodeAction'];
  dispatch: El['dispatch'];
  setValue: El['setValue'];
  reasonText: El['reasonText'];
  check: El['check'];
  run: El['run'];
  heading: El['heading'];
  alert: El['alert'];
  submit: El['submit'];
}

/**
 * The flow has entered the code step, or stays on it (the element calls this on each change
 * there): a code just sent restarts the resend countdown and the expiry timer.
 */
export function codeStateChanged(
  el: PepForgotPassword,
  before: ForgotPasswordState,
  after: S<'code'>,
): void {
  const h = el as unknown as View;
  const sentBefore = before.step === 'code' ? before.sent : null;
  if (sentBefore !== after.sent) {
    h.countdown ??= new ResendCountdown(el, () => h.now());
    h.countdown.until = after.sent.resendAvailableAt;
    clearTimeout(h.expiryTimer);
    h.expiryTimer = setTimeout(
      () => h.dispatch({ type: 'CODE_EXPIRED' }),
      Math.max(0, after.sent.expiresAt - h.now()),
    );
  }
  if (before.step !== 'code') h.setValue('code', '');
}

// ------------------------------------------------------------------------ field checks

function codeReason(h: View): string | null {
  const code = h.values.code;
  const reason: FieldReason | null =
    code === '' ? 'required' : code.length !== OTP_LENGTH ? 'invalid-code' : null;
  return h.reasonText('code', reason);
}

function passwordReason(h: View, username: string): string | null {
  const password = h.values.password;
  if (password === '') return h.reasonText('password', 'required');
  const isCommon = loadedCommonPasswordCheck();
  return failedPasswordRules(password, { username, isCommon }).length
    ? h.t('field.password.policy')
    : null;
}

function confirmReason(h: View): string | null {
  const { password, confirm } = h.values;
  if (confirm === '') return h.t('forgot-password.confirm-required');
  return h.reasonText('confirm', confirm !== password ? 'mismatch' : null);
}

// ------------------------------------------------------------------------ step actions

async function sendCode(h: View, e?: Event): Promise<void> {
  e?.preventDefault();
  const s = h.flow;
  if (s.step !== 'choose' || s.pending) return;
  const { flowId } = s.flow;
  const channel = s.channel;
  await h.run(
    { type: 'SEND' },
    (a, signal) => a.sendCode({ flowId, channel }, { signal }),
    (sent) => ({ type: 'SEND_OK', sent }),
    (error) => ({ type: 'SEND_FAIL', error }),
  );
}

async function resend(h: View): Promise<void> {
  const s = h.flow;
  if (s.step !== 'code' || s.pending || s.resending || !h.countdown!.ready) return;
  const { flowId } = s.flow;
  const channel = s.channel;
  h.setValue('code', '');
  h.lastCodeAction = 'resend';
  const error = await h.run(
    { type: 'RESEND' },
    (a, signal) => a.sendCode({ flowId, channel }, { signal }),
    (sent) => ({ type: 'RESEND_OK', sent }),
    (err) => ({ type: 'RESEND_FAIL', error: err }),
  );
  if (error?.is('RATE_LIMITED')) h.countdown!.until = error.data.retryAfter;
  if (!error) h.renderRoot.querySelector<HTMLInputElement>('#code')?.focus();
}

async function verify(h: View, e?: Event): Promise<void> {
  e?.preventDefault();
  const s = h.flow;
  if (s.step !== 'code' || s.pending || s.resending || !h.check({ code: codeReason(h) })) return;
  const { flowId } = s.flow;
  const code = h.values.code;
  h.lastCodeAction = 'verify';
  const error = await h.run(
    { type: 'VERIFY' },
    (a, signal) => a.verifyCode({ flowId, code }, { signal }),
    () => ({ type: 'VERIFY_OK' }),
    (err) => ({ type: 'VERIFY_FAIL', error: err }),
  );
  if (error && h.flow.step === 'code') {
    await h.updateComplete;
    h.renderRoot.querySelector<HTMLInputElement>('#code')?.focus();
  }
}

async function updatePassword(h: View, e?: Event): Promise<void> {
  e?.preventDefault();
  const s = h.flow;
  if (s.step !== 'password' || s.pending) return;
  const username = s.username;
  if (!h.check({ password: passwordReason(h, username), confirm: confirmReason(h) })) return;
  const { flowId } = s.flow;
  const password = h.values.password;
  const error = await h.run(
    { type: 'SET_PASSWORD' },
    (a, signal) => a.setPassword({ flowId, password }, { signal }),
    () => ({ type: 'SET_OK' }),
    (err) => {
      if (PASSWORD_ERRORS.has(err.code)) h.refused = password;
      return { type: 'SET_FAIL', error: err };
    },
  );
  if (!error && h.flow.step === 'done') {
    h.values = { ...h.values, code: '', password: '', confirm: '' };
    // Password managers may not see fields in a shadow root: offer them the new password.
    void offerCredential(username, password);
    h.emit('pep-password-reset', { username });
  } else if (error && PASSWORD_ERRORS.has(error.code) && h.flow.step === 'password') {
    await h.updateComplete;
    h.renderRoot.querySelector<HTMLInputElement>('#password')?.focus();
  }
}

// ------------------------------------------------------------------------ rendering

/** The current step after Find Account. */
export function renderStep(el: PepForgotPassword, s: ForgotPasswordState): TemplateResult {
  addLaterStyles(el, forgotPasswordStepsStyles);
  const h = el as unknown as View;
  switch (s.step) {
    case 'choose':
      return renderChoose(h, s);
    case 'code':
      return renderCode(h, s);
    case 'password':
      return renderPassword(h, s);
    default:
      return renderDone(h);
  }
}

function renderChoose(h: View, s: S<'choose'>): TemplateResult {
  const back = () => h.dispatch({ type: 'BACK' });
  return html`<form part="form" novalidate @submit=${(e: Event) => void sendCode(h, e)}>
    ${h.heading('forgot-password.choose-title', passwordFlowStepNumber('choose'))}
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
    ${h.alert(s.error, () => void sendCode(h))}
    <div class="actions">
      ${h.submit(s.pending, 'forgot-password.send', 'forgot-password.sending')}
      <button
        type="button"
        class="secondary"
        part="secondary-button"
        ?disabled=${s.pending}
        @click=${back}
      >
        ${h.t('forgot-password.back')}
      </button>
    </div>
  </form>`;
}

function renderCode(h: View, s: S<'code'>): TemplateResult {
  const back = () => h.dispatch({ type: 'BACK' });
  const countdown = h.countdown!;
  const ready = countdown.ready;
  const channel: Channel = s.channel;
  const blocked = !ready || s.pending || s.resending;
  return html`<form part="form" novalidate @submit=${(e: Event) => void verify(h, e)}>
    ${h.heading('forgot-password.code-title', passwordFlowStepNumber('code'))}
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
      error: h.form.errorFor('code', codeReason(h)),
      onInput: (v) => h.setValue('code', v),
      onBlur: () => h.form.touch('code'),
    })}
    ${s.codeVoid && !s.error
      ? html`<p class="field-error">${h.t('forgot-password.code-void')}</p>`
      : nothing}
    ${h.alert(s.error, () => void (h.lastCodeAction === 'resend' ? resend(h) : verify(h)))}
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
        @click=${() => void resend(h)}
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
        @click=${back}
      >
        ${h.t('forgot-password.other-method')}
      </button>
    </div>
  </form>`;
}

function renderPassword(h: View, s: S<'password'>): TemplateResult {
  // The refusal applies to the password that was sent, not to a new one being typed.
  const refused = h.values.password === h.refused;
  const reused = s.error?.code === 'PASSWORD_REUSED' && refused;
  const common =
    !!s.error?.is('PASSWORD_POLICY') && s.error.data.failed.includes('not-common') && refused;
  return html`<form part="form" novalidate @submit=${(e: Event) => void updatePassword(h, e)}>
    ${h.heading('forgot-password.password-title', passwordFlowStepNumber('password'))}
    <p>${h.t('forgot-password.password-text')}</p>
    ${newPasswordFields({
      ...boundPasswordFields(h),
      labels: {
        password: h.t('forgot-password.new-password'),
        confirm: h.t('forgot-password.confirm-password'),
      },
      errors: {
        password:
          h.form.errorFor('password', passwordReason(h, s.username)) ??
          (reused
            ? h.t('forgot-password.reused-field')
            : common
              ? h.t('error.PASSWORD_COMMON')
              : null),
        confirm: h.form.errorFor('confirm', confirmReason(h)),
      },
      context: { username: s.username },
    })}
    ${h.alert(
      s.error,
      () => void updatePassword(h),
      s.error ? passwordRefusalText(h, s.error) : undefined,
    )}
    <div class="actions">
      ${h.submit(s.pending, 'forgot-password.submit', 'forgot-password.saving')}
    </div>
  </form>`;
}

function renderDone(h: View): TemplateResult {
  return html`<div part="form">
    ${h.heading('forgot-password.done-title', passwordFlowStepNumber('done'))}
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
