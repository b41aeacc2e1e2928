/**
 * `<pep-verify-email>`'s Email Verification Complete! page and the English of the result pages:
 * not part of what a host loads first. The element loads this module in parallel with the
 * `confirmEmail` call and shows the result when both are there.
 */
import { html, type TemplateResult } from 'lit';
import { errorRegion } from '../../shared/error-region.js';
import { stepHeading } from '../../shared/step-heading.js';
import type { PepVerifyEmail } from './verify-email.component.js';

export { verifyEmailResultEn } from './verify-email.steps.messages.js';

/** Email Verification Complete! with Create a Password (a link, or a button firing the event). */
export function renderVerified(el: PepVerifyEmail, username: string): TemplateResult {
  const onCreatePassword = (e: Event) => {
    const go = el.emit('pep-create-password', { username }, true);
    if (!go) e.preventDefault();
  };
  return html`${stepHeading(el.t('verify-email.done-title'))} ${errorRegion({})}
    <p class="success">${el.t('verify-email.done-text', { username })}</p>
    <div class="actions">
      ${el.createPasswordHref
        ? html`<a
            class="primary"
            part="submit-button"
            href=${el.createPasswordHref}
            @click=${onCreatePassword}
            >${el.t('verify-email.create-password')}</a
          >`
        : html`<button
            type="button"
            class="primary"
            part="submit-button"
            @click=${onCreatePassword}
          >
            ${el.t('verify-email.create-password')}
          </button>`}
    </div>`;
}
