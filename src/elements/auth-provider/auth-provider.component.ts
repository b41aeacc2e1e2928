import { LitElement, html, css, type PropertyDeclarations } from 'lit';
import { ContextProvider } from '@lit/context';
import type { AuthAdapter } from '../../adapter/types.js';
import { lazyHttpAdapter, type LazyHttpAdapter } from '../../adapter/http/lazy-http-adapter.js';
import {
  adapterContext,
  configContext,
  DEFAULT_CONFIG,
  type PepConfig,
} from '../../base/context.js';

/**
 * Provides one adapter (and host configuration) to every pep-* element inside it.
 *
 * With `base-url` and no `adapter` property, it talks to an HTTP backend (the wire contract in
 * `openapi.yaml`) through an `HttpAdapter`, so a page needs no script of its own:
 * `<pep-auth-provider base-url="/api"><pep-login></pep-login></pep-auth-provider>`.
 *
 * `passkeys` turns the passkey UI on for every widget inside (off by default): Sign in with a
 * passkey and passkey autofill in `<pep-login>`, the offer to create one after sign-in, and
 * `<pep-passkeys>` on My Information (the host places it in `<pep-portal-home>`'s `information`
 * slot). In a browser without WebAuthn no passkey UI shows at all.
 *
 * @summary Gives one adapter and configuration to every widget inside it.
 *
 * @slot - The widgets that use this adapter.
 */
export class PepAuthProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  // Declared here rather than with decorators (no decorator helpers in what a host loads): Lit
  // wraps the accessors below so that setting them updates the element.
  static override properties: PropertyDeclarations = {
    adapter: { attribute: false },
    baseUrl: { attribute: 'base-url' },
    helpDeskPhone: { attribute: 'help-desk-phone' },
    passkeys: { type: Boolean },
    config: { attribute: false },
  };

  #adapter = new ContextProvider(this, { context: adapterContext });
  #config = new ContextProvider(this, { context: configContext, initialValue: DEFAULT_CONFIG });

  #baseUrl: string | null = null;
  /** The adapter made for `base-url`, while no adapter was set explicitly. */
  #httpAdapter: LazyHttpAdapter | null = null;

  /** The backend adapter every descendant widget uses. Set, it wins over `base-url`. */
  get adapter(): AuthAdapter | undefined {
    return this.#adapter.value;
  }
  set adapter(value: AuthAdapter | undefined) {
    this.#httpAdapter = null;
    this.#adapter.setValue(value ?? this.#fromBaseUrl());
  }

  /**
   * Base URL of an HTTP backend (e.g. `/api`). Without an `adapter` property the provider gives
   * the widgets an `HttpAdapter` for it (session cookie, CSRF header, timeouts, retries).
   */
  get baseUrl(): string | null {
    return this.#baseUrl;
  }
  set baseUrl(value: string | null) {
    this.#baseUrl = value ?? null;
    const current = this.#adapter.value;
    if (current !== undefined && current !== this.#httpAdapter) return;
    this.#httpAdapter = null;
    this.#adapter.setValue(this.#fromBaseUrl());
  }

  #fromBaseUrl(): AuthAdapter | undefined {
    if (this.#baseUrl === null) return undefined;
    // HttpAdapter itself loads on demand (a small stand-in forwards the calls).
    this.#httpAdapter = lazyHttpAdapter({ baseUrl: this.#baseUrl });
    return this.#httpAdapter;
  }

  /** Internet Help Desk phone number shown by the widgets. */
  get helpDeskPhone(): string {
    return this.#config.value.helpDeskPhone;
  }
  set helpDeskPhone(value: string) {
    this.config = { ...this.#config.value, helpDeskPhone: value };
  }

  /**
   * Passkey UI on (`<pep-auth-provider passkeys>`): given to the widgets as `config.passkeys`.
   * Off by default; the backend must have passkeys on too (the engine's `webauthn` option).
   */
  get passkeys(): boolean {
    return this.#config.value.passkeys === true;
  }
  set passkeys(value: boolean) {
    this.config = { ...this.#config.value, passkeys: !!value };
  }

  /** The whole configuration object. */
  get config(): PepConfig {
    return this.#config.value;
  }
  set config(value: PepConfig) {
    this.#config.setValue({ ...DEFAULT_CONFIG, ...value });
  }

  override render() {
    return html`<slot></slot>`;
  }
}
