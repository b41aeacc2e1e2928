import { html, nothing, type TemplateResult, type PropertyDeclarations } from 'lit';
import { PepElement } from '../../base/pep-element.js';
import { tokens, formStyles } from '../../base/styles.js';
import { offerCredential } from '../../base/credentials.js';
import { adapterError, type AdapterError } from '../../adapter/errors.js';
import { lazyModule } from '../../base/lazy.js';
import { passwordStyles } from '../../shared/password-styles.js';
import { sharedStyles } from '../../shared/styles.js';
import { stepHeading } from '../../shared/step-heading.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { CredentialForm, submitOnEnter, usernameField } from '../../shared/credential-form.js';
import { passwordField } from '../../shared/password-field.js';
import { FormState } from '../../shared/form-state.js';
import { defaultDeviceStore, type DeviceStore } from '../../shared/device-store.js';
import { languageOf } from '../../core/language.js';
import type { Timers } from '../../core/clock.js';
import type {} from '../typing-pattern/pep-typing-pattern.js';
import type {} from '../verify-account/pep-verify-account.js';
import type {} from '../passkey-offer/pep-passkey-offer.js';
import {
  initialLoginState,
  transition,
  type LoginEvent,
  type LoginState,
} from './login.machine.js';
import type { PasskeyLoginHost, PasskeySignIn } from './login.passkeys.js';
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

/**
 * `<pep-passkey-offer>`, shown after a password sign-in when passkeys are on: fetched only then
 * (while the password is checked), never with passkeys off.
 */
const offer = lazyModule(() => import('../passkey-offer/pep-passkey-offer.js'));

/**
 * The passkey sign-in (button, autofill, the offer to create a passkey after a password sign-in,
 * their messages and the WebAuthn code): fetched only when passkeys are on.
 */
const passkeyModule = lazyModule(() => import('./login.passkeys.js'));

const catalogue: Catalogue = { ...loginEn, ...accountEn };

type Field = 'username' | 'password';

/**
 * *Log In*: Username, Password (with show / hide) and **Log In**, with the **Forgot Username**
 * and **Forgot Password** links. After a correct password it continues in place with whatever
 * the adapter asks for: the keyboard typing pattern enrollment on a first login
 * (`<pep-typing-pattern mode="enroll">`), then *Verify your account*
 * (`<pep-verify-account>`) — unless this device is remembered (its token, from `deviceStore`, is
 * offered with the password). Wrong credentials get one generic message; after the 5th failure
 * the lockout message tells when the account unlocks by itself (by `now` and `timers`, once that
 * time has passed it gives way to "Your account is unlocked"). After a failed Log In the error
 * takes the focus.
 *
 * With passkeys on (`<pep-auth-provider passkeys>`, `config.passkeys`) in a browser with
 * WebAuthn: **Log in with a passkey**, and passkey autofill (the Username field is
 * `autocomplete="username webauthn"`; the browser's conditional request starts when
 * `isConditionalMediationAvailable()` is true, and is aborted before any other request). A
 * passkey sign-in counts as password plus verification: no Verify Your Account step, the same
 * `pep-authenticated`. After a password sign-in, `<pep-passkey-offer>` offers to create one
 * before `pep-authenticated` fires (not on a device that said Not now in the last 30 days).
 * Without WebAuthn, or with passkeys off, none of this shows and no passkey code is fetched.
 *
 * @summary Log in, verify the account, remember the device.
 *
 * @fires pep-authenticated - `{ session }` once signed in.
 * @fires pep-forgot-username - `{ username }` Forgot Username chosen; cancelable (the link then does not navigate).
 * @fires pep-forgot-password - `{ username }` Forgot Password chosen; cancelable.
 * @fires pep-pattern-enrolled - `{ pending }` (bubbles up from the enrollment step).
 * @fires pep-step-change - `{ step }` on every step change (`credentials`, `enroll`, `verify`, `offer`, `done`).
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
 * @csspart passkey-button - Log in with a passkey (passkeys on).
 * @csspart passkey-status - "Follow the instructions of your browser or device" while a passkey is asked for.
 * @csspart passkey-offer - The nested `<pep-passkey-offer>` (after a password sign-in, passkeys on).
 *
 * @cssprop --pep-color-primary - Buttons and links.
 * @cssprop --pep-max-width - Width of the card.
 */
export class PepLogin extends PepElement implements PasskeyLoginHost {
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

  /**
   * The timers the end of a lockout is waited for with (with {@link now}); unset: `setTimeout`
   * and `clearTimeout`. Tests pass manual ones.
   */
  timers?: Timers;

  /** @internal */
  state: LoginState = initialLoginState;
  private username = '';
  private password = '';
  private showPassword = false;

  #form = new FormState<Field>(this, ['username', 'password']);
  /**
   * The `<form>` with Username and Password, in this element's light DOM (slotted into the
   * card) so that password managers that do not look into shadow roots fill and save it.
   */
  #credentials = new CredentialForm(this, {
    styles: [formStyles, sharedStyles, passwordStyles, loginStyles],
  });
  /** Counts submissions: an answer to an older one (abandoned by `reset()`) is ignored. */
  #submission = 0;
  /** The passkey sign-in, once its module is loaded (passkeys on). */
  #passkeys?: PasskeySignIn;
  /** Fires when a lockout shown now runs out (see {@link #waitForUnlock}). */
  #unlockTimer: unknown;
  /** The lockout shown that was still running by the element's clock when it was looked at. */
  #lockRunning?: AdapterError;

  /**
   * While the lockout message shows: wait, by the element's clock, for its unlock time; then the
   * message goes and "Your account is unlocked" shows (also while the element is out of the
   * page, so that it is right when it is back). A lockout whose unlock time had already passed by
   * this clock when it came (a clock that disagrees with the backend's) stays as the backend
   * said, until the next try.
   */
  #waitForUnlock(): void {
    const timers = this.timers ?? window;
    timers.clearTimeout(this.#unlockTimer);
    const s = this.state;
    const error = s.step === 'credentials' && !s.submitting ? s.error : undefined;
    if (!error?.is('ACCOUNT_LOCKED')) return;
    const left = error.data.unlocksAt - this.now();
    if (left <= 0) {
      if (this.#lockRunning === error) this.send({ type: 'UNLOCKED' });
      return;
    }
    this.#lockRunning = error;
    // (At most about 11 days at a time: longer delays would fire at once.)
    this.#unlockTimer = timers.setTimeout(() => this.#waitForUnlock(), Math.min(left, 1e9));
  }

  protected override firstUpdated(): void {
    nested.prefetch();
  }

  /**
   * Passkey UI: the host turned passkeys on and this browser has WebAuthn.
   * @internal
   */
  get passkeysOn(): boolean {
    return this.config.passkeys === true && !!this.#passkeys?.supported;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    if (this.config.passkeys && !this.#passkeys)
      void this.settle(passkeyModule.load()).then(
        (m) => {
          this.#passkeys ??= new m.PasskeySignIn(this);
          this.requestUpdate();
        },
        () => undefined, // no passkey UI this time
      );
  }

  /** @internal */
  get submission(): number {
    return this.#submission;
  }

  /** @internal */
  nextSubmission(): number {
    return ++this.#submission;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    this.#readFields();
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
    this.#passkeys?.stop();
    this.username = '';
    this.password = '';
    this.#credentials.setValue('username', '');
    this.#credentials.setValue('password', '');
    this.showPassword = false;
    this.#form.reset();
    this.send({ type: 'RESET' });
  }

  /** @internal */
  send(event: LoginEvent): void {
    const previous = this.state;
    const before = previous.step;
    this.state = transition(previous, event);
    const s = this.state;
    if (s !== previous) this.#waitForUnlock();
    // Back on the idle Log In form (after a failure, a restart, reset()): autofill again.
    if (s !== previous && s.step === 'credentials' && !s.submitting && !s.passkey)
      this.#passkeys?.arm();
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
    return this.#passkeys?.focusOffer() ?? this.focusHeading();
  }

  /**
   * Take what the inputs hold now: a password manager or a script may have filled them with
   * only `change`, only `input` or no event at all. Only on the Log In step (after it, the
   * password stays out of memory).
   */
  #readFields(): void {
    if (this.state.step !== 'credentials') return;
    this.username = this.#credentials.value('username') ?? this.username;
    this.password = this.#credentials.value('password') ?? this.password;
  }

  /** The field's check (a `FieldReason`), or null when it passes. */
  private fieldReason(field: Field): 'required' | null {
    const value = field === 'username' ? this.username.trim() : this.password;
    return value ? null : 'required';
  }

  private async submit(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.state.step !== 'credentials' || this.state.submitting || this.state.passkey) return;
    this.#readFields();
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
    // The password goes: the passkey autofill request with it (offered again on a failure).
    this.#passkeys?.stopAutofill();
    const passkeys = this.passkeysOn ? this.#passkeys : undefined;
    if (passkeys) offer.prefetch();
    this.send({ type: 'SUBMIT' });
    try {
      // The nested steps first (prefetched, so normally there already): a failed fetch fails
      // the step before the password is sent, so Try again never logs in twice.
      const { result, store, device } = await this.call(async (a, signal) => {
        await this.settle(nested.load());
        const store = this.deviceStore ?? defaultDeviceStore;
        const device = store.get(username);
        // The widget's language: a first login enrolls the typing pattern on its sentence.
        const language = languageOf(this.intlLocale);
        const result = await a.login(
          device
            ? { username, password, deviceToken: device.token, language }
            : { username, password, language },
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
        const offerPasskey = !!passkeys && (await this.settle(passkeys.offerReady()));
        if (submission !== this.#submission) return;
        this.send({ type: 'AUTHENTICATED', session: result.session, offerPasskey });
        this.signedIn();
      } else {
        this.send({ type: 'VERIFICATION_REQUIRED', pending: result.pending });
      }
    } catch (err) {
      // Abandoned by `reset()`: nothing to show. Aborted because the element was removed (also
      // when it is back in the page by now): leave the pending state, as for any failure.
      if (submission !== this.#submission) return;
      this.send({ type: 'FAILED', error: err as AdapterError });
      await this.updateComplete;
      // Log In disabled its inputs and button while it waited, so focus fell to the page: the
      // alert takes it, unless the person has moved on elsewhere meanwhile.
      const active = document.activeElement;
      if (!active || active === document.body || this.matches(':focus-within'))
        this.renderRoot.querySelector<HTMLElement>('.error-region')?.focus();
    }
  }

  // ------------------------------------------------------------------------------------------
  // Passkeys
  // ------------------------------------------------------------------------------------------

  /** @internal */
  loadOffer(): Promise<unknown> {
    return offer.load();
  }

  /**
   * Signed in: the success event, unless the offer to create a passkey comes first.
   * @internal
   */
  signedIn(): void {
    if (this.state.step === 'done') this.emit('pep-authenticated', { session: this.state.session });
  }

  /**
   * `<pep-verify-account>` signed in. With passkeys off its `pep-authenticated` bubbles on to the
   * host; with passkeys on the host hears it from here once the offer is over.
   */
  #verified(e: HTMLElementEventMap['pep-authenticated']): void {
    const { session } = e.detail;
    const passkeys = this.passkeysOn ? this.#passkeys : undefined;
    if (!passkeys) return this.send({ type: 'VERIFIED', session });
    e.stopPropagation();
    void this.settle(passkeys.verified(session));
  }

  private forgot(kind: 'username' | 'password', e: Event): void {
    this.#readFields();
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
    const f = this.state;
    // The form goes to the light DOM (see `#credentials`); the card shows it through a slot.
    const form = this.#credentials.render(f.step === 'credentials' ? this.renderForm(f) : nothing);
    return html`<div class="card">${this.renderStep(form)}</div>`;
  }

  private renderStep(form: TemplateResult): TemplateResult | typeof nothing {
    const f = this.state;
    // A nested step gave up (its pending login expired): back to the password, with the reason.
    const onExpired = (e: Event) => {
      e.stopPropagation();
      this.send({ type: 'RESTART', error: adapterError('FLOW_EXPIRED') });
    };
    switch (f.step) {
      case 'credentials':
        return this.renderCredentials(f, form);
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
        // pep-authenticated bubbles on to the host (after the offer, with passkeys on).
        return html`<pep-verify-account
          part="verify-account"
          embedded
          .pending=${f.pending}
          .adapter=${this.adapter}
          .config=${this.config}
          .messages=${this.messages}
          .deviceStore=${this.deviceStore}
          @pep-authenticated=${(e: HTMLElementEventMap['pep-authenticated']) => this.#verified(e)}
          @pep-verification-expired=${onExpired}
        ></pep-verify-account>`;
      case 'offer':
        return this.#passkeys?.renderOffer(f.session) ?? nothing;
      case 'done':
        return html`${stepHeading(this.t('login.title'))}
          <p class="success" role="status" part="status">${this.t('login.done')}</p>
          ${errorRegion({})}`;
    }
  }

  /**
   * The alert text of a failure: the element's own (lockout, expired login), else the base's.
   * @internal
   */
  alertMessage(error: AdapterError | undefined): string {
    if (!error) return '';
    if (error.code === 'ACCOUNT_LOCKED') {
      const { unlocksAt } = (error as AdapterError<'ACCOUNT_LOCKED'>).data;
      return this.t('login.locked', { time: this.formatTime(unlocksAt) });
    }
    return error.code === 'FLOW_EXPIRED' ? this.t('login.expired') : this.errorMessage(error);
  }

  /**
   * The Log In step's layout (shadow DOM): heading, notice, the light-DOM form (`form`, its
   * slot), the alert region, Log In and the Forgot links.
   */
  private renderCredentials(
    f: Extract<LoginState, { step: 'credentials' }>,
    form: TemplateResult,
  ): TemplateResult {
    const error = f.error;
    const failure = f.passkeyFailure;
    const busy = f.submitting || !!f.passkey;
    const passkeys = this.#passkeys;
    const retry = failure
      ? passkeys?.retryable(failure) && {
          label: this.t('common.retry'),
          onRetry: () => void passkeys.signIn(),
        }
      : isRetryable(error) && { label: this.t('common.retry'), onRetry: () => void this.submit() };
    return html`${stepHeading(this.t('login.title'))}
      ${(f.unlocked || this.notice) && !error && !failure
        ? html`<p class="success" part="notice" role="status">
            ${this.t(f.unlocked ? 'login.unlocked' : `login.notice.${this.notice}`)}
          </p>`
        : nothing}
      <div class="form" part="form">
        ${form}
        ${errorRegion({
          message: failure ? (passkeys?.message(failure) ?? '') : this.alertMessage(error),
          key: failure ?? error,
          retry: retry || null,
        })}
        <div class="actions">
          <button
            type="button"
            class="primary"
            part="submit-button"
            ?disabled=${busy}
            @click=${() => this.#credentials.form?.requestSubmit()}
          >
            ${f.submitting ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
            ${this.t('login.submit')}
          </button>
        </div>
        ${passkeys && this.passkeysOn ? passkeys.render(f) : nothing}
      </div>
      <nav aria-label=${this.t('login.forgot-nav')}>
        <ul class="forgot">
          <li>${this.renderForgot('username', this.forgotUsernameHref)}</li>
          <li>${this.renderForgot('password', this.forgotPasswordHref)}</li>
        </ul>
      </nav>`;
  }

  /**
   * The credential form itself, rendered into the light DOM: the real `<form>` with Username
   * (`autocomplete="username"`) and Password (`current-password`), page-unique ids, and a
   * hidden submit button for password managers that submit by clicking one (Log In, the visible
   * button, is in the shadow layout; Enter submits through `submitOnEnter`). `method="post"`:
   * should anything call `form.submit()` directly, the password never goes into a URL.
   */
  private renderForm(f: Extract<LoginState, { step: 'credentials' }>): TemplateResult {
    const reason = (field: Field) => {
      const r = this.fieldReason(field);
      return this.#form.errorFor(field, r ? this.fieldText(field, r) : null);
    };
    const id = (name: Field) => this.#credentials.id(name);
    return html`<form
      method="post"
      novalidate
      @submit=${(e: Event) => void this.submit(e)}
      @keydown=${submitOnEnter}
      @change=${() => this.requestUpdate()}
    >
      ${usernameField({
        id: id('username'),
        name: 'username',
        label: this.t('login.username'),
        value: this.username,
        required: true,
        disabled: f.submitting,
        webauthn: this.passkeysOn,
        error: reason('username'),
        onInput: (v) => (this.username = v),
        onBlur: () => this.#form.touch('username'),
      })}
      ${passwordField({
        id: id('password'),
        name: 'password',
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
      <button type="submit" hidden tabindex="-1" ?disabled=${f.submitting}>
        ${this.t('login.submit')}
      </button>
    </form>`;
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
