/**
 * What `<pep-forgot-username>` needs only once the user has acted: the email check
 * (`validateEmail`, shared with the backends) and the "sent" step (the confirmation, Resend Email
 * with its countdown, "Use a different email address") with its English. Not part of what a host
 * loads first: the element fetches this module once its email step has rendered, and Send Email
 * waits for it before it checks the address and asks the adapter to send.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { stepHeading } from '../../shared/step-heading.js';
import type { PepForgotUsername } from './forgot-username.component.js';
import type { ForgotUsernameSentState, ForgotUsernameState } from './forgot-username.machine.js';
import { ResendCountdown } from './resend-countdown.js';

export { validateEmail } from '../../core/delegate-input.js';
export { forgotUsernameSentEn } from './forgot-username.sent.messages.js';
export { sentTransition } from './forgot-username.sent.machine.js';

type El = PepForgotUsername;

/** The members of the element this step uses (not public there: this module is part of it). */
interface View {
  config: El['config'];
  countdown: El['countdown'];
  dispatch: El['dispatch'];
  now: El['now'];
  onResend: El['onResend'];
  renderError: El['renderError'];
  t: El['t'];
}

/**
 * On entering the step, or when the adapter moved the throttle: count down to the time Resend
 * Email may be used (the countdown is created with the step).
 */
export function syncCountdown(
  el: El,
  before: ForgotUsernameState,
  after: ForgotUsernameSentState,
): void {
  if (before.step === 'sent' && before.resendAvailableAt === after.resendAvailableAt) return;
  const h = el as unknown as View;
  h.countdown ??= new ResendCountdown(el, () => h.now());
  h.countdown.until = after.resendAvailableAt;
}

export function renderSent(el: El, s: ForgotUsernameSentState): TemplateResult {
  const h = el as unknown as View;
  // Created with the step (`syncCountdown`).
  const ready = h.countdown!.ready;
  const blocked = !ready || s.resending;
  const status = ready
    ? h.t('forgot-username.resend-ready')
    : s.resent > 0
      ? h.t('forgot-username.resent')
      : '';
  return html`<div part="form">
    ${stepHeading(h.t('forgot-username.sent-title'))}
    <p class="success" part="confirmation">${h.t('forgot-username.sent', { email: s.email })}</p>
    <p>${h.t('forgot-username.producer-note')}</p>
    <p>${h.t('forgot-username.help', { phone: h.config.helpDeskPhone })}</p>
    <p>${h.t('forgot-username.not-received')}</p>
    ${h.renderError(s.error, h.onResend)}
    <div class="actions">
      <button
        type="button"
        class="primary"
        part="resend-button"
        aria-disabled=${blocked ? 'true' : 'false'}
        aria-describedby=${ready ? nothing : 'resend-countdown'}
        @click=${h.onResend}
      >
        ${s.resending ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
        ${h.t('forgot-username.resend')}
      </button>
      <button
        type="button"
        class="link"
        part="secondary-button"
        aria-disabled=${s.resending ? 'true' : 'false'}
        @click=${() => h.dispatch({ type: 'CHANGE_EMAIL' })}
      >
        ${h.t('forgot-username.change-email')}
      </button>
    </div>
    ${ready
      ? nothing
      : html`<p id="resend-countdown" class="countdown" part="countdown">
          ${h.t('forgot-username.resend-wait', { time: h.countdown!.label })}
        </p>`}
    <div role="status" class="visually-hidden">${status}</div>
  </div>`;
}
