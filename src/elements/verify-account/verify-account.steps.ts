/**
 * The code step of `<pep-verify-account>` (enter the code, resend it, Remember this device: its
 * view and its actions) with its English and the Remember row's styles: not part of what a host
 * loads first. The element fetches this module once its first step has rendered and awaits it
 * before it sends the code.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AdapterError } from '../../adapter/errors.js';
import { addLaterStyles } from '../../base/later-styles.js';
import { OTP_LENGTH } from '../../core/otp.js';
import { defaultDeviceStore } from '../../shared/device-store.js';
import { codeInput } from '../../shared/code-input.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { stepHeading } from '../../shared/step-heading.js';
import { rememberDevice, rememberDeviceStyles } from './remember-device.js';
import type { PepVerifyAccount } from './verify-account.component.js';
import type { VerifyState } from './verify-account.machine.js';

export { verifyAccountStepsEn } from './verify-account.steps.messages.js';
export { codeTransition } from './verify-account.steps.machine.js';

type El = PepVerifyAccount;
type Code = Extract<VerifyState, { step: 'code' }>;

/** The members of the element this view uses (private there: this module is part of it). */
interface View {
  now: El['now'];
  call: El['call'];
  code: El['code'];
  deviceStore: El['deviceStore'];
  emit: El['emit'];
  errorMessage: El['errorMessage'];
  fail: El['fail'];
  flow: El['flow'];
  form: El['form'];
  formatTime: El['formatTime'];
  pending: El['pending'];
  remember: El['remember'];
  send: El['send'];
  t: El['t'];
  tipOpen: El['tipOpen'];
}

async function resend(h: View): Promise<void> {
  const f = h.flow;
  if (f.step !== 'code' || f.resending || f.submitting || !h.pending) return;
  const pendingId = h.pending.pendingId;
  h.send({ type: 'RESEND' });
  try {
    const sent = await h.call((a, signal) =>
      a.sendVerificationCode({ pendingId, channel: f.channel }, { signal }),
    );
    h.send({ type: 'RESENT', sent });
  } catch (err) {
    h.fail(err as AdapterError, (error) => ({ type: 'RESEND_FAILED', error }));
  }
}

function codeReason(h: View): string | null {
  if (!h.code) return 'field.code.required';
  if (h.code.length !== OTP_LENGTH) return 'field.invalid-code';
  return null;
}

async function submitCode(h: View, e?: Event): Promise<void> {
  e?.preventDefault();
  const f = h.flow;
  if (f.step !== 'code' || f.submitting || f.resending || !h.pending) return;
  h.form.submit();
  if (codeReason(h)) {
    await h.form.focusFirstInvalid({ code: true });
    return;
  }
  const pending = h.pending;
  const code = h.code;
  const rememberDevice = h.remember;
  h.send({ type: 'SUBMIT_CODE' });
  try {
    const verified = await h.call((a, signal) =>
      a.verifyAccountCode({ pendingId: pending.pendingId, code, rememberDevice }, { signal }),
    );
    if (verified.deviceToken) {
      // Unset: the default store, which comes with this chunk rather than the first load.
      (h.deviceStore ?? defaultDeviceStore).set(
        pending.username,
        verified.deviceToken.token,
        verified.deviceToken.expiresAt,
      );
    }
    h.code = '';
    h.send({ type: 'VERIFIED', session: verified.session });
    h.emit('pep-authenticated', { session: verified.session });
  } catch (err) {
    h.fail(err as AdapterError, (error) => ({ type: 'CODE_FAILED', error }));
  }
}

export function renderCode(el: PepVerifyAccount, f: Code): TemplateResult {
  addLaterStyles(el, rememberDeviceStyles);
  const h = el as unknown as View;
  const busy = f.submitting || f.resending;
  const reason = codeReason(h);
  const error = f.error;
  const now = h.now();
  const status = f.resent
    ? h.t('verify.resent')
    : f.sent.resendAvailableAt > now
      ? h.t('verify.resend-wait', { time: h.formatTime(f.sent.resendAvailableAt) })
      : '';
  return html`${stepHeading(h.t('verify.title'))}
    <form part="form" novalidate @submit=${(e: Event) => void submitCode(h, e)}>
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
          @click=${() => void resend(h)}
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
              onRetry: () => void (f.resending ? resend(h) : submitCode(h)),
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
