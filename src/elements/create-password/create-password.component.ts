import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { PasswordFlowPurpose } from '../../adapter/types.js';
import { accountEn } from '../../i18n/account.en.js';
import type { Catalogue } from '../../i18n/format.js';
import { PasswordFlowElement } from '../../shared/password-flow.component.js';
import { createPasswordEn } from './create-password.messages.js';

declare module '../../base/events.js' {
  interface PepEventMap {
    /** The new password was saved (purpose `create` or `reset`). */
    'pep-password-created': { username: string; purpose: PasswordFlowPurpose };
  }
}
declare global {
  interface HTMLElementEventMap {
    'pep-password-created': CustomEvent<{ username: string; purpose: PasswordFlowPurpose }>;
  }
}

const catalogue: Catalogue = { ...accountEn, ...createPasswordEn };

/**
 * Create Password (spec slides 6–7): Find Account → choose email or text message → Enter
 * Verification Code (with "resend it") → Create New Password (Step 4 of 4, with the live
 * "Password Must Have / Can't Have" checklist) → straight to Log In (`done-href`, else
 * `login-href`; the confirmation with a "Go to Log In" link shows while it loads, or stays when
 * the host cancels the event).
 * With `purpose="reset"` labels such as "Update Password" change, and `findAccount` is called
 * with purpose `reset`. The flow is `PasswordFlowElement` (shared with `<pep-forgot-password>`).
 *
 * @summary Create (or reset) a delegate's password with a one-time code.
 *
 * @fires pep-password-created - `{ username, purpose }` when the password was saved; then the
 *   element goes to `done-href` (default `login-href`) by itself, as the guide goes straight to
 *   Log In (cancelable: cancelling stays on the confirmation, which links there).
 * @fires pep-step-change - `{ step: 'find' | 'choose' | 'code' | 'password' | 'done' }`.
 *
 * @csspart base - The card.
 * @csspart form - Each step's form.
 * @csspart field - Field wrappers.
 * @csspart label - Labels.
 * @csspart input - Inputs.
 * @csspart hint - Field hints.
 * @csspart field-error - Per-field error text.
 * @csspart toggle-button - Show password toggles.
 * @csspart checklist - The password rules checklist.
 * @csspart checklist-item - Each rule.
 * @csspart error - The always-present `role="alert"` region.
 * @csspart retry-button - "Try again" after a network failure.
 * @csspart step-heading - The step heading ("Step N of 4").
 * @csspart submit-button - Find Account / Send Code / Continue / Create Password.
 * @csspart secondary-button - Back.
 * @csspart link - The "resend it" button.
 * @csspart countdown - "You can resend the code in m:ss".
 * @csspart status - Polite status line ("We sent a new code…").
 * @csspart login-link - The "Go to Log In" link on the last step (to `done-href`).
 *
 * @cssprop --pep-color-primary - Buttons and links.
 * @cssprop --pep-color-success - Met password rules.
 * @cssprop --pep-max-width - Card width.
 */
export class PepCreatePassword extends PasswordFlowElement {
  static override properties: PropertyDeclarations = {
    ...PasswordFlowElement.properties,
    purpose: { reflect: true },
    username: {},
  };

  protected readonly variant = 'create-password';

  protected get catalogue(): Catalogue {
    return catalogue;
  }

  /** `create` (registration, default) or `reset` (Forgot Password). Read when the flow starts. */
  purpose: PasswordFlowPurpose = 'create';

  /** Pre-fills the Username field (e.g. from Email Verification Complete!). */
  username = '';

  protected flowPurpose(): PasswordFlowPurpose {
    return this.purpose === 'reset' ? 'reset' : 'create';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('username') && this.state.step === 'find' && !this.values.username)
      this.values = { ...this.values, username: this.username };
  }

  /** @internal */
  passwordSaved(username: string, purpose: PasswordFlowPurpose): boolean {
    return this.emit('pep-password-created', { username, purpose }, true);
  }
}
