/**
 * The steps of `<pep-create-password>` after Find Account (Get / Enter Verification Code, Create
 * New Password, done) with their English: not part of what a host loads first. The element
 * fetches this module once its first step has rendered and awaits it before it leaves that step.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Channel } from '../../adapter/types.js';
import { errorRegion } from '../../shared/error-region.js';
import { codeInput, newPasswordFields } from '../../shared/password-steps.js';
import { stepHeading } from '../../shared/step-heading.js';
import type { PepCreatePassword } from './create-password.component.js';

export { createPasswordStepsEn } from './create-password.steps.messages.js';
export { failedPasswordRules, offerCredential, passwordEn } from '../../shared/password-steps.js';

type El = PepCreatePassword;

/** Codes of a Set Password failure that concern the New Password field (as in the element). */
const PASSWORD_FIELD_CODES = new Set(['PASSWORD_POLICY', 'PASSWORD_REUSED']);

/** The members of the element these views use (protected there: this module is part of it). */
interface View {
  backButton: El['backButton'];
  codeError: El['codeError'];
  form: El['form'];
  loginHref: El['loginHref'];
  machine: El['machine'];
  p: El['p'];
  passwordContext: El['passwordContext'];
  passwordErrors: El['passwordErrors'];
  renderError: El['renderError'];
  resend: El['resend'];
  send: El['send'];
  sendCode: El['sendCode'];
  setPassword: El['setPassword'];
  setValue: El['setValue'];
  showConfirm: El['showConfirm'];
  showPassword: El['showPassword'];
  stepOf: El['stepOf'];
  submitButton: El['submitButton'];
  t: El['t'];
  values: El['values'];
  verify: El['verify'];
}

export function renderChoose(el: PepCreatePassword): TemplateResult {
  const h = el as unknown as View;
  const m = h.machine;
  if (m.step !== 'choose') return html``;
  return html`${stepHeading(h.t('create-password.choose-title'), h.stepOf())} ${h.renderError()}
    <form part="form" novalidate @submit=${(e: Event) => void h.sendCode(e)}>
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
        ${h.backButton()}
      </div>
    </form>`;
}

export function renderCode(el: PepCreatePassword): TemplateResult {
  const h = el as unknown as View;
  const m = h.machine;
  if (m.step !== 'code') return html``;
  const voidMessage = m.codeVoid && !m.error ? h.t('create-password.code-void') : undefined;
  return html`${stepHeading(h.t('create-password.code-title'), h.stepOf())}
    <p>${h.t('create-password.code-text', { masked: m.sent.masked })}</p>
    ${h.renderError(voidMessage)}
    <p class="notice" role="status" part="status">
      ${m.resent && !m.resending && !m.error
        ? h.t('create-password.resent', { masked: m.sent.masked })
        : ''}
    </p>
    <form part="form" novalidate @submit=${(e: Event) => void h.verify(e)}>
      ${codeInput({
        label: h.t('create-password.code'),
        hint: h.t('create-password.code-hint'),
        value: h.values.code,
        error: h.codeError(),
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
          @click=${() => void h.resend()}
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
        ${h.backButton()}
      </div>
    </form>`;
}

export function renderPassword(el: PepCreatePassword): TemplateResult {
  const h = el as unknown as View;
  const m = h.machine;
  if (m.step !== 'password') return html``;
  const errors = h.passwordErrors();
  const fieldLevel = !!m.error && PASSWORD_FIELD_CODES.has(m.error.code);
  return html`${stepHeading(h.t('create-password.password-title'), h.stepOf())}
    <p>${h.t('create-password.password-text')}</p>
    ${h.renderError(fieldLevel ? h.t('common.error-summary') : undefined)}
    <form part="form" novalidate @submit=${(e: Event) => void h.setPassword(e)}>
      <input type="text" name="username" autocomplete="username" .value=${m.username} hidden />
      ${newPasswordFields({
        values: h.values,
        labels: {
          password: h.t('create-password.new-password'),
          confirm: h.t('create-password.confirm-password'),
        },
        errors,
        visible: { password: h.showPassword, confirm: h.showConfirm },
        onToggle: (f) =>
          f === 'password' ? (h.showPassword = !h.showPassword) : (h.showConfirm = !h.showConfirm),
        onInput: (f, v) => h.setValue(f, v),
        onBlur: (f) => h.form.touch(f),
        context: h.passwordContext(),
        t: (k, p) => h.t(k, p),
      })}
      <div class="actions">
        ${h.submitButton(h.p('create-password.submit'), h.t('create-password.saving'), m.pending)}
      </div>
    </form>`;
}

export function renderDone(el: PepCreatePassword): TemplateResult {
  const h = el as unknown as View;
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
