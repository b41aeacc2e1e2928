import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { PepElement } from '../../base/pep-element.js';
import { tokens, formStyles } from '../../base/styles.js';
import type { AdapterError } from '../../adapter/errors.js';
import { lazyModule } from '../../base/lazy.js';
import { passwordStyles, sharedStyles } from '../../shared/styles.js';
import { stepHeading } from '../../shared/step-heading.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { textField } from '../../shared/text-field.js';
import { passwordField } from '../../shared/password-field.js';
import { FormState } from '../../shared/form-state.js';
import type { DeviceStore } from '../../shared/device-store.js';
import {
  credentialsTransition,
  initialLoginState,
  type LoginEvent,
  type LoginState,
} from './login.machine.js';
import { accountEn } from '../../i18n/account.en.js';
import type { Catalogue } from '../../i18n/format.js';
import { loginFormEn } from './login.form.messages.js';
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
 * What follows the adapter's answer (the nested steps `<pep-typing-pattern>` and
 * `<pep-verify-account>`, the signed-in page, the lockout message, the password-manager
 * hand-off) is not part of what a host loads first: a chunk of its own, fetched in the
 * background once the Log In form has rendered and awaited with the `login` call. The CDN
 * bundle and `define.js` include every element, so there nothing more is fetched.
 */
let catalogue: Catalogue = { ...loginFormEn, ...accountEn };
const steps = lazyModule(() =>
  import('./login.steps.js').then((m) => {
    catalogue = { ...catalogue, ...m.loginStepsEn };
    return m;
  }),
);

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
    this.states('flow', 'username', 'password', 'showPassword');
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

  private flow: LoginState = initialLoginState;
  private username = '';
  private password = '';
  private showPassword = false;

  #form = new FormState<Field>(this, ['username', 'password']);

  protected override firstUpdated(): void {
    steps.prefetch();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    if (changed.has('defaultUsername') && this.defaultUsername && !this.username) {
      this.username = this.defaultUsername;
    }
  }

  /** The current step. */
  get step(): LoginState['step'] {
    return this.flow.step;
  }

  /** Back to an empty Log In form. */
  reset(): void {
    this.abortCalls();
    this.password = '';
    this.showPassword = false;
    this.#form.reset();
    this.send({ type: 'RESTART' });
  }

  protected send(event: LoginEvent): void {
    const f = this.flow;
    const before = f.step;
    // Past the form, the flow moved on with the chunk there (its part of the machine with it).
    this.flow =
      f.step === 'credentials'
        ? credentialsTransition(f, event)
        : steps.get()!.afterLoginTransition(f, event);
    if (this.flow.step !== before) {
      // Moving on (or back): the password has done its job; keep it out of memory and the DOM.
      this.password = '';
      this.showPassword = false;
      this.emit('pep-step-change', { step: this.flow.step });
      // The step changes once the adapter answered, so the chunk is there.
      void steps.get()!.focusStep(this);
    }
  }

  /** The field's check (a `FieldReason`), or null when it passes. */
  private fieldReason(field: Field): 'required' | null {
    const value = field === 'username' ? this.username.trim() : this.password;
    return value ? null : 'required';
  }

  private async submit(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.flow.step !== 'credentials' || this.flow.submitting) return;
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
    this.send({ type: 'SUBMIT' });
    try {
      // What renders the answer first (prefetched, so normally there already): a failed fetch
      // fails the step before the password is sent, so Try again never logs in twice. The
      // remembered device is read after it: the default store comes with that chunk.
      const { result, store, device } = await this.call(async (a, signal) => {
        const store = (await this.settle(steps.load())).deviceStoreOf(this);
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
      void steps.get()!.offerCredential(username, password);
      if (result.status === 'authenticated') {
        this.send({ type: 'AUTHENTICATED', session: result.session });
        this.emit('pep-authenticated', { session: result.session });
      } else {
        this.send({ type: 'VERIFICATION_REQUIRED', pending: result.pending });
      }
    } catch (err) {
      const error = err as AdapterError;
      if (this.ignoreAbort(error)) return;
      this.send({ type: 'FAILED', error });
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
    const f = this.flow;
    // The later steps render from `login.steps.ts`, loaded before the flow reaches them.
    const step =
      f.step === 'credentials' ? this.renderCredentials(f) : steps.get()!.renderStep(this, f);
    return html`<div class="card">${step}</div>`;
  }

  private alertMessage(error: AdapterError | undefined): string {
    if (!error) return '';
    // Its own texts (lockout, expiry) come with the chunk; a lost chunk is a NETWORK error.
    return steps.get()?.alertMessage(this, error) ?? this.errorMessage(error);
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
