/**
 * The steps of `<pep-create-password>` after Find Account (Get / Enter Verification Code, Create
 * New Password, done: their views and actions, the code's expiry timer) with their English: not
 * part of what a host loads first. The element fetches this module once its first step has
 * rendered and awaits it before it leaves that step.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Channel, CodeSent } from '../../adapter/types.js';
import { isOtpShaped } from '../../core/otp.js';
import type { PasswordContext } from '../../core/password-policy.js';
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
import { stepHeading } from '../../shared/step-heading.js';
import type { PepCreatePassword } from './create-password.component.js';
import { passwordFlowStepNumber } from './create-password.machine.js';
import { createPasswordStyles } from './create-password.styles.js';

export { createPasswordStepsEn } from './create-password.steps.messages.js';
export { passwordEn } from '../../shared/password-steps.js';
export { createPasswordTransition } from './create-password.machine.js';

type El = PepCreatePassword;

/** Codes of a Set Password failure that concern the New Password field. */
const PASSWORD_FIELD_CODES = new Set(['PASSWORD_POLICY', 'PASSWORD_REUSED']);

/** Longest delay for the local "code expired" timer; beyond it (clock skew) the adapter decides. */
const MAX_EXPIRY_TIMER = 60 * 60 * 1000;

/** The members of the element these steps use (protected there: this module is part of it). */
interface View {
  now: El['now'];
  requestUpdate: El['requestUpdate'];
  abortCalls: El['abortCalls'];
  call: El['call'];
  emit: El['emit'];
  errorMessage: El['errorMessage'];
  expiryTimer: El['expiryTimer'];
  fail: El['fail'];
  form: El['form'];
  loginHref: El['loginHref'];
  machine: El['machine'];
  p: El['p'];
  renderError: El['renderError'];
  retryAction: El['retryAction'];
  send: El['send'];
  setValue: El['setValue'];
  showConfirm: El['showConfirm'];
  showPassword: El['showPassword'];
  stepOf: El['stepOf'];
  submitButton: El['submitButton'];
  submittedPassword: El['submittedPassword'];
  t: El['t'];
  values: El['values'];
}

// ------------------------------------------------------------------------ step actions

/** Arm the local "code expired" timer for a code just sent (the element clears it). */
function armExpiry(h: View, sent: CodeSent): void {
  // Only if the flow took the code (not after Back or a restart meanwhile).
  if (h.machine.step !== 'code' || h.machine.sent !== sent) return;
  clearTimeout(h.expiryTimer);
  const delay = sent.expiresAt - h.now();
  if (delay <= 0 || delay > MAX_EXPIRY_TIMER) return;
  h.expiryTimer = setTimeout(() => h.send({ type: 'CODE_EXPIRED' }), delay);
}

async function sendCode(h: View, e?: Event): Promise<void> {
  e?.preventDefault();
  const m = h.machine;
  if (m.step !== 'choose' || m.pending) return;
  const { flowId } = m.flow;
  const channel = m.channel;
  h.retryAction = () => void sendCode(h);
  h.send({ type: 'SEND' });
  try {
    const sent = await h.call((a, signal) => a.sendCode({ flowId, channel }, { signal }));
    h.send({ type: 'SEND_OK', sent });
    armExpiry(h, sent);
  } catch (err) {
    h.fail(err, 'SEND_FAIL');
  }
}

async function resend(h: View): Promise<void> {
  const m = h.machine;
  if (m.step !== 'code' || m.pending || m.resending) return;
  const { flowId } = m.flow;
  const channel = m.channel;
  h.retryAction = () => void resend(h);
  h.send({ type: 'RESEND' });
  try {
    const sent = await h.call((a, signal) => a.sendCode({ flowId, channel }, { signal }));
    h.setValue('code', '');
    h.send({ type: 'RESEND_OK', sent });
    armExpiry(h, sent);
  } catch (err) {
    h.fail(err, 'RESEND_FAIL');
  }
}

function codeError(h: View): string | null {
  const code = h.values.code;
  const reason =
    code === '' ? h.t('field.code.required') : isOtpShaped(code) ? null : h.t('field.invalid-code');
  return h.form.errorFor('code', reason);
}

async function verify(h: View, e?: Event): Promise<void> {
  e?.preventDefault();
  const m = h.machine;
  if (m.step !== 'code' || m.pending || m.resending) return;
  h.form.submit();
  const code = h.values.code;
  if (!isOtpShaped(code)) {
    await h.form.focusFirstInvalid({ code: true });
    return;
  }
  const { flowId } = m.flow;
  h.retryAction = () => void verify(h);
  h.send({ type: 'VERIFY' });
  try {
    await h.call((a, signal) => a.verifyCode({ flowId, code }, { signal }));
    h.send({ type: 'VERIFY_OK' });
  } catch (err) {
    h.fail(err, 'VERIFY_FAIL');
  }
}

function passwordContext(h: View): PasswordContext {
  const m = h.machine;
  return m.step === 'password' || m.step === 'done' ? { username: m.username } : {};
}

function passwordErrors(h: View): { password: string | null; confirm: string | null } {
  const m = h.machine;
  const { password, confirm } = h.values;
  const confirmReason =
    confirm === ''
      ? h.t('create-password.confirm-required')
      : confirm !== password
        ? h.t('field.mismatch')
        : null;
  const confirmError = h.form.errorFor('confirm', confirmReason);
  // The adapter's verdict on the password just submitted shows until the password changes.
  if (
    m.step === 'password' &&
    m.error &&
    PASSWORD_FIELD_CODES.has(m.error.code) &&
    password === h.submittedPassword
  ) {
    return { password: passwordRefusalText(h, m.error), confirm: confirmError };
  }
  const reason =
    password === ''
      ? h.t('field.password.required')
      : failedPasswordRules(password, {
            ...passwordContext(h),
            isCommon: loadedCommonPasswordCheck(),
          }).length
        ? h.t('error.PASSWORD_POLICY')
        : null;
  return { password: h.form.errorFor('password', reason), confirm: confirmError };
}

async function setPassword(h: View, e?: Event): Promise<void> {
  e?.preventDefault();
  const m = h.machine;
  if (m.step !== 'password' || m.pending) return;
  h.form.submit();
  h.submittedPassword = null;
  const errors = passwordErrors(h);
  if (errors.password || errors.confirm) {
    await h.form.focusFirstInvalid(errors);
    return;
  }
  const password = h.values.password;
  const { flowId } = m.flow;
  h.submittedPassword = password;
  h.retryAction = () => void setPassword(h);
  h.send({ type: 'SET_PASSWORD' });
  try {
    await h.call((a, signal) => a.setPassword({ flowId, password }, { signal }));
    h.send({ type: 'SET_OK' });
    void offerCredential(m.username, password);
    h.values = { ...h.values, password: '', confirm: '', code: '' };
    h.emit('pep-password-created', { username: m.username, purpose: m.purpose });
  } catch (err) {
    h.fail(err, 'SET_FAIL');
    const after = h.machine;
    if (after.step === 'password' && after.error && PASSWORD_FIELD_CODES.has(after.error.code)) {
      await h.form.focusFirstInvalid({ password: true });
    }
  }
}

// ------------------------------------------------------------------------ rendering

function backButton(h: View): TemplateResult {
  return html`<button
    type="button"
    class="secondary"
    part="secondary-button"
    @click=${() => {
      h.abortCalls();
      h.send({ type: 'BACK' });
    }}
  >
    ${h.t('create-password.back')}
  </button>`;
}

/** The current step after Find Account. */
export function renderStep(el: PepCreatePassword): TemplateResult {
  addLaterStyles(el, createPasswordStyles);
  const h = el as unknown as View;
  switch (h.machine.step) {
    case 'choose':
      return renderChoose(h);
    case 'code':
      return renderCode(h);
    case 'password':
      return renderPassword(h);
    default:
      return renderDone(h);
  }
}

function stepOf(h: View): string | undefined {
  return h.stepOf(passwordFlowStepNumber(h.machine.step));
}

function renderChoose(h: View): TemplateResult {
  const m = h.machine;
  if (m.step !== 'choose') return html``;
  return html`${stepHeading(h.t('create-password.choose-title'), stepOf(h))} ${h.renderError()}
    <form part="form" novalidate @submit=${(e: Event) => void sendCode(h, e)}>
      <fieldset part="field">
        <legend part="label">${h.t('create-password.choose-legend')}</legend>
        ${m.flow.destinations.map(
          (d) =>
            html`<label class="choice" for=${`channel-${d.channel}`}>
              <input
                type="radio"
                name="channel"
                id=${`channel-${d.channel}`}
                value=${d.channel}
                .checked=${m.channel === d.channel}
                @change=${() => h.send({ type: 'SELECT_CHANNEL', channel: d.channel as Channel })}
              />${h.t(`create-password.channel.${d.channel}`, { masked: d.masked })}
            </label>`,
        )}
      </fieldset>
      <div class="actions">
        ${h.submitButton(h.t('create-password.send'), h.t('create-password.sending'), m.pending)}
        ${backButton(h)}
      </div>
    </form>`;
}

function renderCode(h: View): TemplateResult {
  const m = h.machine;
  if (m.step !== 'code') return html``;
  const voidMessage = m.codeVoid && !m.error ? h.t('create-password.code-void') : undefined;
  return html`${stepHeading(h.t('create-password.code-title'), stepOf(h))}
    <p>${h.t('create-password.code-text', { masked: m.sent.masked })}</p>
    ${h.renderError(voidMessage)}
    <p class="notice" role="status" part="status">
      ${m.resent && !m.resending && !m.error
        ? h.t('create-password.resent', { masked: m.sent.masked })
        : ''}
    </p>
    <form part="form" novalidate @submit=${(e: Event) => void verify(h, e)}>
      ${codeInput({
        label: h.t('create-password.code'),
        hint: h.t('create-password.code-hint'),
        value: h.values.code,
        error: codeError(h),
        onInput: (v) => h.setValue('code', v),
        onBlur: () => h.form.touch('code'),
      })}
      <p class="resend">
        ${h.t('create-password.resend-before')}
        <button
          type="button"
          class="link"
          part="link"
          aria-disabled=${m.resending ? 'true' : 'false'}
          @click=${() => void resend(h)}
        >
          ${h.t('common.resend-it')}</button
        >.
      </p>
      <div class="actions">
        ${h.submitButton(
          h.t('create-password.continue'),
          h.t('create-password.checking'),
          m.pending,
        )}
        ${backButton(h)}
      </div>
    </form>`;
}

function renderPassword(h: View): TemplateResult {
  const m = h.machine;
  if (m.step !== 'password') return html``;
  const errors = passwordErrors(h);
  const fieldLevel = !!m.error && PASSWORD_FIELD_CODES.has(m.error.code);
  return html`${stepHeading(h.t('create-password.password-title'), stepOf(h))}
    <p>${h.t('create-password.password-text')}</p>
    ${h.renderError(fieldLevel ? h.t('common.error-summary') : undefined)}
    <form part="form" novalidate @submit=${(e: Event) => void setPassword(h, e)}>
      <input type="text" name="username" autocomplete="username" .value=${m.username} hidden />
      ${newPasswordFields({
        ...boundPasswordFields(h),
        labels: {
          password: h.t('create-password.new-password'),
          confirm: h.t('create-password.confirm-password'),
        },
        errors,
        context: passwordContext(h),
      })}
      <div class="actions">
        ${h.submitButton(h.p('create-password.submit'), h.t('create-password.saving'), m.pending)}
      </div>
    </form>`;
}

function renderDone(h: View): TemplateResult {
  const m = h.machine;
  if (m.step !== 'done') return html``;
  return html`${stepHeading(h.p('create-password.done-title'))} ${errorRegion({})}
    <p class="success">${h.t('create-password.done-text', { username: m.username })}</p>
    ${h.loginHref
      ? html`<div class="actions">
          <a class="primary" part="login-link submit-button" href=${h.loginHref}
            >${h.t('create-password.login')}</a
          >
        </div>`
      : nothing}`;
}
