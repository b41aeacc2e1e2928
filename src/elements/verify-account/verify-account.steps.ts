/**
 * The code step of `<pep-verify-account>` (enter the code, resend it, Remember this device) with
 * its English: not part of what a host loads first. The element fetches this module once its
 * first step has rendered and awaits it before it sends the code.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { codeInput } from '../../shared/code-input.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { stepHeading } from '../../shared/step-heading.js';
import { rememberDevice } from './remember-device.js';
import type { PepVerifyAccount } from './verify-account.component.js';
import type { VerifyState } from './verify-account.machine.js';

export { verifyAccountStepsEn } from './verify-account.steps.messages.js';

type El = PepVerifyAccount;
type Code = Extract<VerifyState, { step: 'code' }>;

/** The members of the element this view uses (private there: this module is part of it). */
interface View {
  code: El['code'];
  codeReason: El['codeReason'];
  errorMessage: El['errorMessage'];
  form: El['form'];
  formatTime: El['formatTime'];
  remember: El['remember'];
  resend: El['resend'];
  send: El['send'];
  submitCode: El['submitCode'];
  t: El['t'];
  tipOpen: El['tipOpen'];
}

export function renderCode(el: PepVerifyAccount, f: Code): TemplateResult {
  const h = el as unknown as View;
  const busy = f.submitting || f.resending;
  const reason = h.codeReason();
  const error = f.error;
  const now = Date.now();
  const status = f.resent
    ? h.t('verify.resent')
    : f.sent.resendAvailableAt > now
      ? h.t('verify.resend-wait', { time: h.formatTime(f.sent.resendAvailableAt) })
      : '';
  return html`${stepHeading(h.t('verify.title'))}
    <form part="form" novalidate @submit=${(e: Event) => void h.submitCode(e)}>
      <p>${h.t(`verify.sent.${f.channel}`, { masked: f.sent.masked })}</p>
      ${codeInput({
        label: h.t('verify.code-label'),
        value: h.code,
        hint: h.t('verify.code-hint', { time: h.formatTime(f.sent.expiresAt) }),
        error: h.form.errorFor('code', reason ? h.t(reason) : null),
        disabled: f.submitting,
        onInput: (v) => (h.code = v),
        onBlur: () => h.form.touch('code'),
      })}
      <p class="resend">
        ${h.t('verify.resend-prompt')}
        <button
          type="button"
          class="link"
          part="link"
          ?disabled=${busy}
          @click=${() => void h.resend()}
        >
          ${h.t('common.resend-it')}</button
        >.
      </p>
      <p class="status hint" role="status" part="status">${status}</p>
      ${rememberDevice({
        checked: h.remember,
        disabled: f.submitting,
        tipOpen: h.tipOpen,
        onChange: (v) => (h.remember = v),
        onTip: (open) => (h.tipOpen = open),
        label: h.t('verify.remember'),
        infoLabel: h.t('verify.remember-info'),
        tip: h.t('verify.remember-tip'),
      })}
      ${errorRegion({
        message: error ? h.errorMessage(error) : '',
        key: error,
        retry: isRetryable(error)
          ? {
              label: h.t('common.retry'),
              onRetry: () => void (f.resending ? h.resend() : h.submitCode()),
            }
          : null,
      })}
      <div class="actions">
        <button type="submit" class="primary" part="submit-button" ?disabled=${busy}>
          ${f.submitting ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
          ${h.t('verify.submit')}
        </button>
        <button
          type="button"
          class="link"
          part="link"
          ?disabled=${f.submitting}
          @click=${() => h.send({ type: 'BACK' })}
        >
          ${h.t('verify.other-method')}
        </button>
      </div>
    </form>`;
}
