import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { PasswordFlowPurpose } from '../../adapter/types.js';
import { accountEn } from '../../i18n/account.en.js';
import type { Catalogue } from '../../i18n/format.js';
import { PasswordFlowElement } from '../../shared/password-flow.component.js';
import { forgotPasswordEn } from './forgot-password.messages.js';

declare module '../../base/events.js' {
  interface PepEventMap {
    /** The new password was saved (the account is unlocked); the user can log in. */
    'pep-password-reset': { username: string };
  }
}

declare global {
  interface HTMLElementEventMap {
    'pep-password-reset': CustomEvent<{ username: string }>;
  }
}

const catalogue: Catalogue = { ...accountEn, ...forgotPasswordEn };

/**
 * Forgot Password (spec slides 16–19): **Username** → **Find Account** → "Send an email" or
 * "Send me a text message" → **Send Code** → enter the code → **Continue** (a wrong code shows
 * an error; **resend it** by the same method) → *Create New Password* (Step 4 of 4) with the
 * policy checklist → **Update Password** → straight to Log In (`done-href`, e.g. with a "Your
 * password was updated" notice; the confirmation with "Go to Log In" shows meanwhile). "Back to
 * Log In" goes to `login-href`, which must not claim an update. Reusing one
 * of the last 10 passwords is refused with a clear message; completing it unlocks a locked
 * account (adapter rule). An unknown username goes through the same screens, and nothing is sent.
 * The flow is `PasswordFlowElement` (shared with `<pep-create-password>`), purpose `reset`.
 *
 * @summary Reset a forgotten password with an email or SMS code.
 *
 * @fires pep-password-reset - `{ username }` once the new password is saved; then the element
 *   goes to `done-href` (default `login-href`) by itself (cancelable: cancelling stays on the
 *   confirmation, which links there).
 * @fires pep-step-change - `{ step }` with `find`, `choose`, `code`, `password` or `done`.
 *
 * @csspart base - The card.
 * @csspart form - The form of the current step.
 * @csspart step-heading - The heading with "Step N of 4" (receives focus on step change).
 * @csspart field - A label + input + hint + error group.
 * @csspart label - A field label.
 * @csspart input - An input.
 * @csspart hint - Help text.
 * @csspart field-error - The error text of a field.
 * @csspart toggle-button - Show password.
 * @csspart checklist - "Password Must Have / Can't Have".
 * @csspart checklist-item - One rule.
 * @csspart choice - A verification method radio.
 * @csspart error - The always-present `role="alert"` region.
 * @csspart retry-button - "Try again" after a network failure.
 * @csspart submit-button - Find Account / Send Code / Continue / Update Password.
 * @csspart secondary-button - Back / Choose another method.
 * @csspart resend-button - "resend it".
 * @csspart countdown - "You can resend the code in m:ss".
 * @csspart status - "We sent a new code to …" after resend it.
 * @csspart link - Back to Log In (`login-href`) / Go to Log In (`done-href`) / Forgot Username.
 *
 * @cssprop --pep-color-primary - Buttons and links.
 * @cssprop --pep-color-error - Errors.
 * @cssprop --pep-color-success - Met password rules and the confirmation.
 */
export class PepForgotPassword extends PasswordFlowElement {
  static override properties: PropertyDeclarations = {
    ...PasswordFlowElement.properties,
    forgotUsernameHref: { attribute: 'forgot-username-href' },
  };

  protected readonly variant = 'forgot-password';

  protected override get catalogue(): Catalogue {
    return catalogue;
  }

  /** Where "Forgot Username" goes (first step). Not shown when empty. */
  forgotUsernameHref = '';

  protected flowPurpose(): PasswordFlowPurpose {
    return 'reset';
  }

  /** @internal */
  passwordSaved(username: string): boolean {
    return this.emit('pep-password-reset', { username }, true);
  }

  protected override renderFindNotes(): TemplateResult {
    return html`<p class="note">${this.t('forgot-password.unlock-note')}</p>
      <p class="note">${this.t('common.help-desk')}</p>
      ${this.forgotUsernameHref
        ? html`<p>
            <a href=${this.forgotUsernameHref} part="link"
              >${this.t('forgot-password.forgot-username')}</a
            >
          </p>`
        : nothing}`;
  }
}
