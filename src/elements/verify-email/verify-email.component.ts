import {
  html,
  nothing,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import type { AdapterError } from '../../adapter/errors.js';
import { PepElement } from '../../base/pep-element.js';
import type { Catalogue } from '../../i18n/format.js';
import { formStyles, tokens } from '../../base/styles.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { stepHeading } from '../../shared/step-heading.js';
import { sharedStyles } from '../../shared/styles.js';
import {
  initialVerifyEmail,
  linkProblem,
  verifyEmailTransition,
  type VerifyEmailEvent,
  type VerifyEmailState,
} from './verify-email.machine.js';
import { verifyEmailEn } from './verify-email.messages.js';
import { linkEn } from '../../i18n/link.en.js';
import { accountEn } from '../../i18n/account.en.js';
import { verifyEmailStyles } from './verify-email.styles.js';

declare module '../../base/events.js' {
  interface PepEventMap {
    /** The email was confirmed. */
    'pep-email-verified': { username: string };
    /**
     * The user selected Create a Password (cancel it to stop the link's navigation); `username`
     * is '' on the page of an already used link (the user enters it on Find Account).
     */
    'pep-create-password': { username: string };
  }
}
declare global {
  interface HTMLElementEventMap {
    'pep-email-verified': CustomEvent<{ username: string }>;
    'pep-create-password': CustomEvent<{ username: string }>;
  }
}

const catalogue: Catalogue = { ...verifyEmailEn, ...linkEn, ...accountEn };

/**
 * The token of the current page URL: `?token=` in the query, or in a hash route's query
 * (`#/delegate/verify-email?token=…`).
 */
export function tokenFromUrl(url: string = location.href): string | null {
  const u = new URL(url);
  const fromQuery = u.searchParams.get('token');
  if (fromQuery) return fromQuery;
  const q = u.hash.indexOf('?');
  return q === -1 ? null : new URLSearchParams(u.hash.slice(q + 1)).get('token');
}

/**
 * The page the *Confirm Your Email Address* link opens (spec slide 5): confirms the token once
 * and shows **Email Verification Complete!** with a **Create a Password** button, or a page for
 * an expired, used or invalid link that says what to do, gives the help desk number and a way
 * on: "Go to Log In" (`login-href`) on each; on an already used link (the email address is
 * confirmed) also **Create a Password** (to Find Account) and "Forgot Password"
 * (`forgot-password-href`).
 *
 * @summary Confirm a delegate's email address from the emailed link.
 *
 * @fires pep-email-verified - `{ username }` when the link was confirmed.
 * @fires pep-create-password - `{ username }` on Create a Password (cancelable: cancelling stops
 *   the navigation to `create-password-href`); `username` is '' from an already used link.
 * @fires pep-step-change - `{ step: 'verifying' | 'verified' | 'failed' }`.
 *
 * @csspart step-heading - The page heading.
 * @csspart error - The always-present `role="alert"` region.
 * @csspart retry-button - "Try again" after a network failure.
 * @csspart submit-button - The Create a Password button or link.
 * @csspart help - The help desk line.
 * @csspart link - Go to Log In / Forgot Password on a failed link's page.
 *
 * @cssprop --pep-color-primary - Buttons and links.
 * @cssprop --pep-max-width - Card width.
 */
export class PepVerifyEmail extends PepElement {
  static override styles = [tokens, formStyles, sharedStyles, verifyEmailStyles];

  static override properties: PropertyDeclarations = {
    token: {},
    createPasswordHref: { attribute: 'create-password-href' },
    loginHref: { attribute: 'login-href' },
    forgotPasswordHref: { attribute: 'forgot-password-href' },
  };

  static {
    this.states('state');
  }

  protected get catalogue(): Catalogue {
    return catalogue;
  }

  /** The link token. When absent, read from the page URL (`?token=` or `#/…?token=`). */
  token?: string;

  /** Where Create a Password goes (a link); without it, a button that only fires the event. */
  createPasswordHref?: string;

  /** The Log In page: "Go to Log In" on a failed link's page. Not shown when empty. */
  loginHref?: string;

  /** Forgot Password: a link on an already used link's page. Not shown when empty. */
  forgotPasswordHref?: string;

  protected state: VerifyEmailState = initialVerifyEmail();

  /** The current step of the flow (also announced by `pep-step-change`). */
  get step(): VerifyEmailState['step'] {
    return this.state.step;
  }

  protected send(event: VerifyEmailEvent): void {
    const before = this.state;
    this.state = verifyEmailTransition(before, event);
    if (before.step !== this.state.step) {
      this.emit('pep-step-change', { step: this.state.step });
      // The first page is announced by the page itself; later pages take focus.
      if (before.step !== 'idle') void this.focusHeading();
    }
    if (this.state.step === 'verifying' && before.step !== 'verifying') void this.confirm();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.adapter) return;
    const first = (changed.has('adapter') || changed.has('token')) && this.step === 'idle';
    // A new token after a failed one (e.g. the host routes to another link) starts again.
    const another = changed.has('token') && this.step === 'failed' && !!this.token;
    if (first || another) this.send({ type: 'START', token: this.token || tokenFromUrl() });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-inserted after being removed mid-call (the call was abandoned): confirm again.
    if (this.hasUpdated && this.state.step === 'verifying' && !this.calling) void this.confirm();
  }

  protected async confirm(): Promise<void> {
    if (this.state.step !== 'verifying') return;
    const token = this.state.token;
    try {
      const { username } = await this.call((a, signal) => a.confirmEmail({ token }, { signal }));
      this.send({ type: 'OK', username });
      this.emit('pep-email-verified', { username });
    } catch (err) {
      const error = err as AdapterError;
      if (error.code !== 'ABORTED') this.send({ type: 'FAIL', error });
    }
  }

  protected override render(): TemplateResult {
    return html`<div class="card">${this.renderStep()}</div>`;
  }

  protected renderStep(): TemplateResult {
    const m = this.state;
    switch (m.step) {
      case 'idle':
      case 'verifying':
        return html`${stepHeading(this.t('verify-email.verifying'))} ${errorRegion({})}
          <p role="status">
            <span class="spinner" aria-hidden="true"></span>${this.t('common.working')}
          </p>`;
      case 'verified':
        return this.renderVerified(m.username);
      case 'failed':
        return this.renderFailed(m.error);
    }
  }

  /** Email Verification Complete! with Create a Password (a link, or a button firing the event). */
  protected renderVerified(username: string): TemplateResult {
    return html`${stepHeading(this.t('verify-email.done-title'))} ${errorRegion({})}
      <p class="success">${this.t('verify-email.done-text', { username })}</p>
      ${this.createPasswordAction(username)}`;
  }

  /** Create a Password: a link to `create-password-href`, or a button firing the event. */
  protected createPasswordAction(username: string): TemplateResult {
    const onCreatePassword = (e: Event) => {
      const go = this.emit('pep-create-password', { username }, true);
      if (!go) e.preventDefault();
    };
    return html`<div class="actions">
      ${this.createPasswordHref
        ? html`<a
            class="primary"
            part="submit-button"
            href=${this.createPasswordHref}
            @click=${onCreatePassword}
            >${this.t('verify-email.create-password')}</a
          >`
        : html`<button
            type="button"
            class="primary"
            part="submit-button"
            @click=${onCreatePassword}
          >
            ${this.t('verify-email.create-password')}
          </button>`}
    </div>`;
  }

  protected renderFailed(error: AdapterError): TemplateResult {
    const problem = linkProblem(error);
    const retry = isRetryable(error);
    return html`${stepHeading(this.t(`verify-email.${problem}-title`))}
      ${errorRegion({
        message: this.errorMessage(error),
        key: error,
        retry: retry
          ? { label: this.t('common.retry'), onRetry: () => this.send({ type: 'RETRY' }) }
          : null,
      })}
      ${problem === 'used'
        ? html`${this.createPasswordAction('')}
            <p>${this.t('verify-email.used-hint')}</p>`
        : nothing}
      ${this.onwardLinks(problem === 'used')}
      <p class="help" part="help">${this.t('common.help-desk')}</p>`;
  }

  /** The way on from a failed link's page: Go to Log In (and Forgot Password for a used link). */
  protected onwardLinks(used: boolean): TemplateResult | typeof nothing {
    const login = this.loginHref;
    const forgot = used ? this.forgotPasswordHref : '';
    if (!login && !forgot) return nothing;
    return html`<p class="links">
      ${login ? html`<a href=${login} part="link">${this.t('verify-email.login')}</a>` : nothing}
      ${forgot
        ? html`<a href=${forgot} part="link">${this.t('verify-email.forgot-password')}</a>`
        : nothing}
    </p>`;
  }
}
