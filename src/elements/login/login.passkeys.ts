/**
 * The passkey sign-in of `<pep-login>` (issue 21): **Sign in with a passkey**, passkey autofill
 * (conditional mediation), and their messages. `<pep-login>`'s one lazily loaded module (with
 * `src/shared/webauthn.ts`, about 2 KB gzipped): fetched only when passkeys are on
 * (`config.passkeys`), so a page with passkeys off never loads it. The flow's states and events
 * are `login.machine.ts`'s; this module runs the effects (the browser's requests, the adapter's
 * `startPasskeySignIn` / `finishPasskeySignIn`) and renders the button, through the explicit
 * {@link PasskeyLoginHost} interface the component implements.
 */
import {
  css,
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { AdapterError } from '../../adapter/errors.js';
import type { AuthAdapter, AuthenticationResponseJSON, Session } from '../../adapter/types.js';
import type { PepConfig } from '../../base/context.js';
import { addLateEnglish } from '../../base/pep-element.js';
import type { MessageParams } from '../../i18n/format.js';
import { isRetryable } from '../../shared/error-region.js';
import {
  conditionalMediationAvailable,
  getPasskey,
  passkeysSupported,
  platformAuthenticatorAvailable,
  type PasskeyFailureReason,
} from '../../shared/webauthn.js';
import type { LoginEvent, LoginState, PasskeyFailure } from './login.machine.js';
import type {} from '../passkey-offer/pep-passkey-offer.js';
import { loginPasskeyEn } from './login.passkeys.messages.js';

addLateEnglish(loginPasskeyEn);

/** The passkey UI's layout, added to the element's shadow root with this module. */
const passkeyStyles = css`
  .passkey {
    display: grid;
    gap: var(--_space-2);
  }
  .passkey .secondary {
    width: 100%;
  }
  .or {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    margin: 0;
    color: var(--_muted);
    font-size: var(--_font-size-sm);
  }
  .or::before,
  .or::after {
    content: '';
    flex: 1;
    border-top: 1px solid var(--_border);
  }
  .waiting {
    margin: 0;
    color: var(--_muted);
  }
  .waiting:empty {
    display: none;
  }
  /* The offer to create a passkey (after a password sign-in) sits in the Log In card. */
  pep-passkey-offer {
    --pep-card-padding: 0;
    --pep-card-shadow: none;
    --pep-card-background: transparent;
  }
`;

/** What this module needs of `<pep-login>` (its members marked `@internal`). */
export interface PasskeyLoginHost extends ReactiveControllerHost, HTMLElement {
  readonly state: LoginState;
  /** Passkey UI: the host turned passkeys on and this browser has WebAuthn. */
  readonly passkeysOn: boolean;
  readonly adapter?: AuthAdapter;
  readonly config: PepConfig;
  readonly messages: Partial<Record<string, string>>;
  readonly now: () => number;
  readonly renderRoot: HTMLElement | DocumentFragment;
  send(event: LoginEvent): void;
  call<T>(fn: (adapter: AuthAdapter, signal: AbortSignal) => Promise<T>): Promise<T>;
  t(key: string, params?: MessageParams): string;
  /** The alert text of an adapter failure (the lockout with its time, …). */
  alertMessage(error: AdapterError): string;
  /** The current submission (an answer to an older one is ignored) / a new one. */
  readonly submission: number;
  nextSubmission(): number;
  /** Fetch `<pep-passkey-offer>`'s module (the element's `import()` of it). */
  loadOffer(): Promise<unknown>;
  /** Signed in: the success event (once the state is `done`). */
  signedIn(): void;
}

/** A sign-in ceremony is void after 5 minutes: the waiting autofill request is renewed before. */
const AUTOFILL_RENEW_MS = 4.5 * 60_000;

/** The browser's reasons a passkey sign-in can fail with (`already-registered` is creation's). */
const webauthnReason = (
  r: Exclude<PasskeyFailureReason, 'aborted'>,
): Extract<PasskeyFailure, { kind: 'webauthn' }>['reason'] =>
  r === 'already-registered' ? 'failed' : r;

const isIdle = (s: LoginState) => s.step === 'credentials' && !s.submitting && !s.passkey;

/**
 * The passkey sign-in of one `<pep-login>`, a controller of it: after each update it starts or
 * stops the autofill; out of the page it aborts what is waiting, back in the page it offers the
 * autofill again.
 */
export class PasskeySignIn implements ReactiveController {
  readonly #host: PasskeyLoginHost;
  /** The passkey autofill request waiting in the background (conditional mediation), if any. */
  #autofill?: AbortController;
  /** Start the passkey autofill at the next update where the Log In form is idle. */
  #armed = true;
  /** The browser's dialog of Sign in with a passkey, while it is open. */
  #dialog?: AbortController;

  /** This browser has WebAuthn (else no passkey UI at all). */
  readonly supported = passkeysSupported();

  constructor(host: PasskeyLoginHost) {
    this.#host = host;
    const root = host.renderRoot;
    const sheet = passkeyStyles.styleSheet;
    if (sheet && root instanceof ShadowRoot && !root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    host.addController(this);
  }

  hostConnected(): void {
    this.arm();
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.stop();
  }

  hostUpdated(): void {
    this.#update(this.#host.passkeysOn);
  }

  /**
   * Whether to offer creating a passkey after a password sign-in: only where this device can
   * make one with its own screen lock (a platform authenticator that verifies the person), and
   * once the offer's module loaded (a failed fetch skips it).
   */
  async offerReady(): Promise<boolean> {
    try {
      if (!(await platformAuthenticatorAvailable())) return false;
      await this.#host.loadOffer();
      return true;
    } catch {
      return false;
    }
  }

  /** `<pep-verify-account>` signed in: the offer first where it shows, then signed in. */
  async verified(session: Session): Promise<void> {
    const host = this.#host;
    const offerPasskey = await this.offerReady();
    if (host.state.step !== 'verify') return;
    host.send({ type: 'VERIFIED', session, offerPasskey });
    host.signedIn();
  }

  /** The offer to create a passkey (the `offer` step), nested in the Log In card. */
  renderOffer(session: Session): TemplateResult {
    const host = this.#host;
    return html`<pep-passkey-offer
      part="passkey-offer"
      username=${session.user.username}
      .adapter=${host.adapter}
      .config=${host.config}
      .messages=${host.messages}
      .now=${host.now}
      @pep-passkey-offer-done=${() => {
        // Over (created, Not now, or not offered on this device): signed in.
        host.send({ type: 'OFFER_DONE' });
        host.signedIn();
      }}
    ></pep-passkey-offer>`;
  }

  /** Focus the offer's heading when it shows (the `offer` step); else `undefined`. */
  focusOffer(): Promise<void> | undefined {
    const offered = this.#host.renderRoot.querySelector('pep-passkey-offer');
    return offered?.updateComplete.then(() => offered.focusHeading());
  }

  /** Offer the autofill again at the next idle update (back on the form, back in the page). */
  arm(): void {
    this.#armed = true;
  }

  /** After each update: start the autofill on the idle form, stop it anywhere else. */
  #update(on: boolean): void {
    const host = this.#host;
    if (!on || !isIdle(host.state)) this.stopAutofill();
    else if (this.#armed && host.adapter && host.isConnected) {
      this.#armed = false;
      void this.#startAutofill();
    }
  }

  /** Abort what is waiting: the autofill request and the browser's dialog. */
  stop(): void {
    this.stopAutofill();
    this.#dialog?.abort();
  }

  stopAutofill(): void {
    this.#autofill?.abort();
    this.#autofill = undefined;
  }

  /**
   * Passkey autofill: where the browser offers conditional mediation, the passkeys show in the
   * Username field's suggestions (`autocomplete="username webauthn"`) while the request waits in
   * the background; picking one signs in. Its failures are silent (the person asked for
   * nothing): the button and the password still work. Renewed before its ceremony expires.
   */
  async #startAutofill(): Promise<void> {
    const host = this.#host;
    const controller = new AbortController();
    this.#autofill = controller;
    const renew = setTimeout(() => {
      if (this.#autofill !== controller) return;
      this.stopAutofill();
      this.#armed = true;
      host.requestUpdate();
    }, AUTOFILL_RENEW_MS);
    try {
      if (!(await conditionalMediationAvailable()) || controller.signal.aborted) return;
      const { ceremonyId, options } = await host.call((a, signal) =>
        a.startPasskeySignIn({ signal }),
      );
      if (controller.signal.aborted) return;
      const picked = await getPasskey(options, { signal: controller.signal, autofill: true });
      if (!picked.ok || controller.signal.aborted) return;
      this.#autofill = undefined;
      const before = host.state;
      host.send({ type: 'PASSKEY_START', via: 'autofill' });
      if (host.state !== before)
        await this.#finish(host.nextSubmission(), ceremonyId, picked.response);
    } catch {
      // No ceremony from the backend: no autofill this time (the button says why, if asked).
    } finally {
      clearTimeout(renew);
      if (this.#autofill === controller) this.#autofill = undefined;
    }
  }

  /**
   * Sign in with a passkey (the button, and Try again after a retryable failure): the browser's
   * dialog, then the backend's check. The autofill request is aborted first.
   */
  async signIn(): Promise<void> {
    const host = this.#host;
    this.stopAutofill();
    const before = host.state;
    host.send({ type: 'PASSKEY_START', via: 'button' });
    if (host.state === before) return;
    const submission = host.nextSubmission();
    const dialog = new AbortController();
    this.#dialog = dialog;
    try {
      const { ceremonyId, options } = await host.call((a, signal) =>
        a.startPasskeySignIn({ signal }),
      );
      if (submission !== host.submission) return;
      const result = await getPasskey(options, { signal: dialog.signal });
      if (submission !== host.submission) return;
      if (result.ok) return await this.#finish(submission, ceremonyId, result.response);
      host.send(
        result.reason === 'aborted'
          ? { type: 'PASSKEY_ABORTED' }
          : {
              type: 'PASSKEY_FAILED',
              failure: { kind: 'webauthn', reason: webauthnReason(result.reason) },
            },
      );
    } catch (err) {
      if (submission !== host.submission) return;
      host.send({
        type: 'PASSKEY_FAILED',
        failure: { kind: 'adapter', error: err as AdapterError },
      });
    } finally {
      if (this.#dialog === dialog) this.#dialog = undefined;
    }
  }

  /** The backend checks the passkey's answer: signed in, or the failure shown. */
  async #finish(
    submission: number,
    ceremonyId: string,
    response: AuthenticationResponseJSON,
  ): Promise<void> {
    const host = this.#host;
    try {
      const { session } = await host.call((a, signal) =>
        a.finishPasskeySignIn({ ceremonyId, response }, { signal }),
      );
      if (submission !== host.submission) return;
      host.send({ type: 'PASSKEY_SIGNED_IN', session });
      host.signedIn();
    } catch (err) {
      if (submission !== host.submission) return;
      host.send({
        type: 'PASSKEY_FAILED',
        failure: { kind: 'adapter', error: err as AdapterError },
      });
    }
  }

  /** The alert text of a failed passkey sign-in. */
  message(failure: PasskeyFailure): string {
    return failure.kind === 'webauthn'
      ? this.#host.t(`login.passkey.${failure.reason}`)
      : this.#host.alertMessage(failure.error);
  }

  /** Whether Try again (the passkey sign-in once more) may help. */
  retryable(failure: PasskeyFailure): boolean {
    return failure.kind === 'adapter' ? isRetryable(failure.error) : failure.reason === 'failed';
  }

  /**
   * Sign in with a passkey, under Log In (shadow layout, not part of the password form).
   * `aria-disabled` rather than `disabled` while a sign-in runs, so that focus stays on it.
   */
  render(f: Extract<LoginState, { step: 'credentials' }>): TemplateResult {
    const t = (key: string) => this.#host.t(key);
    const busy = f.submitting || !!f.passkey;
    return html`<div class="passkey">
      <p class="or" aria-hidden="true">${t('login.passkey.or')}</p>
      <button
        type="button"
        class="secondary"
        part="passkey-button"
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => void this.signIn()}
      >
        ${f.passkey === 'button' ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}
        ${t('login.passkey.button')}
      </button>
      <p class="waiting" role="status" part="passkey-status">
        ${f.passkey ? t('login.passkey.waiting') : nothing}
      </p>
    </div>`;
  }
}
