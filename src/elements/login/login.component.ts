import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { PepElement } from '../../base/pep-element.js';
import { tokens, formStyles } from '../../base/styles.js';
import { offerCredential } from '../../base/credentials.js';
import { adapterError, type AdapterError } from '../../adapter/errors.js';
import { lazyModule } from '../../base/lazy.js';
import { passwordStyles, sharedStyles } from '../../shared/styles.js';
import { stepHeading } from '../../shared/step-heading.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { textField } from '../../shared/text-field.js';
import { passwordField } from '../../shared/password-field.js';
import { FormState } from '../../shared/form-state.js';
import { defaultDeviceStore, type DeviceStore } from '../../shared/device-store.js';
import type {} from '../typing-pattern/pep-typing-pattern.js';
import type {} from '../verify-account/pep-verify-account.js';
import {
  initialLoginState,
  transition,
  type LoginEvent,
  type LoginState,
} from './login.machine.js';
import { accountEn } from '../../i18n/account.en.js';
import type { Catalogue } from '../../i18n/format.js';
import { loginEn } from './login.messages.js';
import { loginStyles } from './login.styles.js';

declare module '../../base/events.js' {
  interface PepEventMap {
    /** Forgot Username was chosen. Cancel it (`preventDefault`) to route in a SPA. */
    'pep-forgot-username': { username: string };
    /** Forgot Password was chosen. Cancel it (`preventDefault`) to route in a SPA. */
    'pep-forgot-password': { username: string };
  }
}

declare global {
  interface HTMLElementEventMap {
    'pep-forgot-username': CustomEvent<{ username: string }>;
    'pep-forgot-password': CustomEvent<{ username: string }>;
  }
}

/**
 * The nested elements of the steps after the password (`<pep-typing-pattern>`,
 * `<pep-verify-account>`) are not part of what a host loads first: fetched in the background
 * once the Log In form has rendered, and awaited with the `login` call before the password is
 * sent. The CDN bundle and `define.js` include every element, so there nothing more is fetched.
 */
const nested = lazyModule(() =>
  Promise.all([
    import('../typing-pattern/pep-typing-pattern.js'),
    import('../verify-account/pep-verify-account.js'),
  ]),
);

const catalogue: Catalogue = { ...loginEn, ...accountEn };

type Field = 'username' | 'password';

/**
 * *Log In*: Username, Password (with show / hide) and **Log In**, with the **Forgot Username**
 * and **Forgot Password** links. After a correct password it continues in place with whatever
 * the adapter asks for: the keyboard typing pattern enrollment on a first login
 * (`<pep-typing-pattern mode="enroll">`), then *Verify your account*
 * (`<pep-verify-account>`) — unless this device is remembered (its token, from `deviceStore`, is
 * offered with the password). Wrong credentials get one generic message; after the 5th failure
 * the lockout message tells when the account unlocks by itself.
 *
 * @summary Log in, verify the account, remember the device.
 *
 * @fires pep-authenticated - `{ session }` once signed in.
 * @fires pep-forgot-username - `{ username }` Forgot Username chosen; cancelable (the link then does not navigate).
 * @fires pep-forgot-password - `{ username }` Forgot Password chosen; cancelable.
 * @fires pep-pattern-enrolled - `{ pending }` (bubbles up from the enrollment step).
 * @fires pep-step-change - `{ step }` on every step change (`credentials`, `enroll`, `verify`, `done`).
 *
 * @csspart form - The login form.
 * @csspart step-heading - The "Log In" heading.
 * @csspart field, label, input, hint, field-error - The username and password fields.
 * @csspart toggle-button - Show / hide password.
 * @csspart submit-button - Log In.
 * @csspart error - The `role="alert"` region (invalid credentials, lockout, network).
 * @csspart link - Forgot Username / Forgot Password.
 * @csspart notice - The confirmation shown with `notice` (password created / updated).
 * @csspart typing-pattern - The nested `<pep-typing-pattern>` (first login).
 * @csspart verify-account - The nested `<pep-verify-account>`.
 *
 * @cssprop --pep-color-primary - Buttons and links.
 * @cssprop --pep-max-width - Width of the card.
 */
export class PepLogin extends PepElement {
  static override styles = [tokens, formStyles, sharedStyles, passwordStyles, loginStyles];

  static override properties: PropertyDeclarations = {
    forgotUsernameHref: { attribute: 'forgot-username-href' },
    forgotPasswordHref: { attribute: 'forgot-password-href' },
    notice: {},
    defaultUsername: { attribute: 'username' },
    deviceStore: { attribute: false },
  };

  static {
    this.states('state', 'username', 'password', 'showPassword');
  }

  protected get catalogue(): Catalogue {
    return catalogue;
  }

  /** Where Forgot Username goes (the `pep-forgot-username` event fires first). */
  forgotUsernameHref?: string;

  /** Where Forgot Password goes (the `pep-forgot-password` event fires first). */
  forgotPasswordHref?: string;

  /**
   * A confirmation to show above the form, e.g. after Create Password or Forgot Password sent
   * the user here: `password-created` or `password-updated`.
   */
  notice: '' | 'password-created' | 'password-updated' = '';

  /** Prefills Username (e.g. the account whose password was just set). */
  defaultUsername = '';

  /**
   * Where the remembered-device token is kept. Unset: the default `localStorage` store
   * (`defaultDeviceStore`, `pep-device:` keys).
   */
  deviceStore?: DeviceStore;

  private state: LoginState = initialLoginState;
  private username = '';
  private password = '';
  private showPassword = false;

  #form = new FormState<Field>(this, ['username', 'password']);
  /** Counts submissions: an answer to an older one (abandoned by `reset()`) is ignored. */
  #submission = 0;

  protected override firstUpdated(): void {
    nested.prefetch();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (changed.has('defaultUsername') && this.defaultUsername && !this.username) {
      this.username = this.defaultUsername;
    }
  }

  /** The current step. */
  get step(): LoginState['step'] {
    return this.state.step;
  }

  /**
   * Back to an empty Log In form, at any moment: a pending call is abandoned, no error stays.
   */
  reset(): void {
    this.#submission++;
    this.abortCalls();
    this.username = '';
    this.password = '';
    this.showPassword = false;
    this.#form.reset();
    this.send({ type: 'RESET' });
  }

  private send(event: LoginEvent): void {
    const before = this.state.step;
    this.state = transition(this.state, event);
    if (this.state.step !== before) {
      // Moving on (or back): the password has done its job; keep it out of memory and the DOM.
      this.password = '';
      this.showPassword = false;
      this.emit('pep-step-change', { step: this.state.step });
      void this.focusStep();
    }
  }

  /** Focus the new step: the nested element's own step, else the heading. */
  private async focusStep(): Promise<void> {
    await this.updateComplete;
    const child =
      this.renderRoot.querySelector('pep-typing-pattern') ??
      this.renderRoot.querySelector('pep-verify-account');
    if (child) {
      await child.updateComplete;
      return child.focusStep();
    }
    return this.focusHeading();
  }

  /** The field's check (a `FieldReason`), or null when it passes. */
  private fieldReason(field: Field): 'required' | null {
    const value = field === 'username' ? this.username.trim() : this.password;
    return value ? null : 'required';
  }

  private async submit(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.state.step !== 'credentials' || this.state.submitting) return;
    this.#form.submit();
    const errors = {
      username: this.fieldReason('username'),
      password: this.fieldReason('password'),
    };
    if (errors.username || errors.password) {
      await this.#form.focusFirstInvalid(errors);
      return;
    }
    const username = this.username.trim();
    const password = this.password;
    const submission = ++this.#submission;
    this.send({ type: 'SUBMIT' });
    try {
      // The nested steps first (prefetched, so normally there already): a failed fetch fails
      // the step before the password is sent, so Try again never logs in twice.
      const { result, store, device } = await this.call(async (a, signal) => {
        await this.settle(nested.load());
        const store = this.deviceStore ?? defaultDeviceStore;
        const device = store.get(username);
        const result = await a.login(
          device ? { username, password, deviceToken: device.token } : { username, password },
          { signal },
        );
        return { result, store, device };
      });
      // The backend did not accept the remembered device: stop offering its token.
      if (result.status !== 'authenticated' && device) store.delete(username);
      // The password was accepted: offer it to the password manager (shadow DOM hides the
      // fields from some managers).
      void offerCredential(username, password);
      if (result.status === 'authenticated') {
        this.send({ type: 'AUTHENTICATED', session: result.session });
        this.emit('pep-authenticated', { session: result.session });
      } else {
        this.send({ type: 'VERIFICATION_REQUIRED', pending: result.pending });
      }
    } catch (err) {
      // Abandoned by `reset()`: nothing to show. Aborted because the element was removed (also
      // when it is back in the page by now): leave the pending state, as for any failure.
      if (submission !== this.#submission) return;
      this.send({ type: 'FAILED', error: err as AdapterError });
    }
  }

  private forgot(kind: 'username' | 'password', e: Event): void {
    const ok = this.emit(
      kind === 'username' ? 'pep-forgot-username' : 'pep-forgot-password',
      { username: this.username.trim() },
      true,
    );
    if (!ok) e.preventDefault();
  }

  // ------------------------------------------------------------------------------------------
  // Render
  // ------------------------------------------------------------------------------------------

  override render(): TemplateResult {
    return html`<div class="card">${this.renderStep()}</div>`;
  }

  private renderStep(): TemplateResult {
    const f = this.state;
    // A nested step gave up (its pending login expired): back to the password, with the reason.
    const onExpired = (e: Event) => {
      e.stopPropagation();
      this.send({ type: 'RESTART', error: adapterError('FLOW_EXPIRED') });
    };
    switch (f.step) {
      case 'credentials':
        return this.renderCredentials(f);
      case 'enroll':
        return html`<pep-typing-pattern
          part="typing-pattern"
          mode="enroll"
          embedded
          .pending=${f.pending}
          .adapter=${this.adapter}
          .config=${this.config}
          .messages=${this.messages}
          @pep-pattern-enrolled=${(e: HTMLElementEventMap['pep-pattern-enrolled']) =>
            this.send({ type: 'PATTERN_ENROLLED', pending: e.detail.pending })}
          @pep-verification-expired=${onExpired}
        ></pep-typing-pattern>`;
      case 'verify':
        // pep-authenticated bubbles on to the host by itself; only follow it here.
        return html`<pep-verify-account
          part="verify-account"
          embedded
          .pending=${f.pending}
          .adapter=${this.adapter}
          .config=${this.config}
          .messages=${this.messages}
          .deviceStore=${this.deviceStore}
          @pep-authenticated=${(e: HTMLElementEventMap['pep-authenticated']) =>
            this.send({ type: 'VERIFIED', session: e.detail.session })}
          @pep-verification-expired=${onExpired}
        ></pep-verify-account>`;
      case 'done':
        return html`${stepHeading(this.t('login.title'))}
          <p class="success" role="status" part="status">${this.t('login.done')}</p>
          ${errorRegion({})}`;
    }
  }

  /** The alert text of a failure: the element's own (lockout, expired login), else the base's. */
  private alertMessage(error: AdapterError | undefined): string {
    if (!error) return '';
    if (error.code === 'ACCOUNT_LOCKED') {
      const { unlocksAt } = (error as AdapterError<'ACCOUNT_LOCKED'>).data;
      return this.t('login.locked', { time: this.formatTime(unlocksAt) });
    }
    return error.code === 'FLOW_EXPIRED' ? this.t('login.expired') : this.errorMessage(error);
  }

  private renderCredentials(f: Extract<LoginState, { step: 'credentials' }>): TemplateResult {
    const error = f.error;
    const reason = (field: Field) => {
      const r = this.fieldReason(field);
      return this.#form.errorFor(field, r ? this.fieldText(field, r) : null);
    };
    return html`${stepHeading(this.t('login.title'))}
      ${this.notice && !error
        ? html`<p class="success" part="notice" role="status">
            ${this.t(`login.notice.${this.notice}`)}
          </p>`
        : nothing}
      <form part="form" novalidate @submit=${(e: Event) => void this.submit(e)}>
        ${textField({
          id: 'username',
          label: this.t('login.username'),
          value: this.username,
          autocomplete: 'username',
          autocapitalize: 'none',
          spellcheck: false,
          required: true,
          disabled: f.submitting,
          error: reason('username'),
          onInput: (v) => (this.username = v),
          onBlur: () => this.#form.touch('username'),
        })}
        ${passwordField({
          id: 'password',
          label: this.t('login.password'),
          value: this.password,
          visible: this.showPassword,
          autocomplete: 'current-password',
          disabled: f.submitting,
          error: reason('password'),
          onToggle: () => (this.showPassword = !this.showPassword),
          onInput: (v) => (this.password = v),
          onBlur: () => this.#form.touch('password'),
          t: (k, p) => this.t(k, p),
        })}
        ${errorRegion({
          message: this.alertMessage(error),
          key: error,
          retry: isRetryable(error)
            ? { label: this.t('common.retry'), onRetry: () => void this.submit() }
            : null,
        })}
        <div class="actions">
          <button type="submit" class="primary" part="submit-button" ?disabled=${f.submitting}>
            ${f.submitting ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
            ${this.t('login.submit')}
          </button>
        </div>
      </form>
      <nav aria-label=${this.t('login.forgot-nav')}>
        <ul class="forgot">
          <li>${this.renderForgot('username', this.forgotUsernameHref)}</li>
          <li>${this.renderForgot('password', this.forgotPasswordHref)}</li>
        </ul>
      </nav>`;
  }

  private renderForgot(kind: 'username' | 'password', href: string | undefined): TemplateResult {
    const label = this.t(kind === 'username' ? 'login.forgot-username' : 'login.forgot-password');
    return href
      ? html`<a part="link" href=${href} @click=${(e: Event) => this.forgot(kind, e)}>${label}</a>`
      : html`<button
          type="button"
          class="link"
          part="link"
          @click=${(e: Event) => this.forgot(kind, e)}
        >
          ${label}
        </button>`;
  }
}
