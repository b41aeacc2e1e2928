import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { PepElement } from '../../base/pep-element.js';
import { formStyles, tokens } from '../../base/styles.js';
import type { Catalogue } from '../../i18n/format.js';
import { errorRegion } from '../../shared/error-region.js';
import { stepHeading } from '../../shared/step-heading.js';
import { sharedStyles } from '../../shared/styles.js';
import { passkeysSupported, preloadWebAuthn } from '../../shared/webauthn.js';
import { createPasskeyFlow, defaultPasskeyName, problemKey } from './passkey-create.js';
import {
  canRetry,
  created,
  initialPasskeyOffer,
  parseOfferRecord,
  passkeyOfferTransition,
  shouldOffer,
  snoozed,
  type OfferOutcome,
  type OfferRecord,
  type PasskeyOfferEvent,
  type PasskeyOfferState,
  type PasskeyProblem,
} from './passkey-offer.machine.js';
import { passkeyEn, passkeyOfferEn } from './passkey-offer.messages.js';
import { passkeyOfferStyles } from './passkey-offer.styles.js';

declare module '../../base/events.js' {
  interface PepEventMap {
    /**
     * The offer is over: `created` (after Continue), `dismissed` (Not now), or `not-offered`
     * (no WebAuthn, Not now less than 30 days ago, or a passkey was created on this device).
     */
    'pep-passkey-offer-done': { outcome: OfferOutcome };
  }
}
declare global {
  interface HTMLElementEventMap {
    'pep-passkey-offer-done': CustomEvent<{ outcome: OfferOutcome }>;
  }
}

/** Where the device's answer to the offer is kept (a Web Storage object by default). */
export type OfferStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The key of the offer's record: one per account (usernames are case-insensitive). */
export const OFFER_KEY_PREFIX = 'pep-passkey-offer:';

const catalogue: Catalogue = { ...passkeyOfferEn, ...passkeyEn };

function localStorageOrNull(): OfferStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * The offer shown after a delegate signed in with password and verification: **Create a passkey
 * to log in faster**, with **Create a passkey** and **Not now**. Not now hides it, and it is
 * not offered again on this device for 30 days; once a passkey was created on this device it is
 * not offered again. In a browser without WebAuthn it shows nothing (and reports
 * `not-offered`). Cancelling the browser's dialog, an authenticator that already holds a
 * passkey of the account, an unsupported device and backend failures each have their own
 * message; the offer stays until Not now or Continue.
 *
 * `<pep-login>` shows it in its last step when `<pep-auth-provider passkeys>`; a host can place
 * it on any page where the user is signed in.
 *
 * @summary Offer to create a passkey after sign-in (Create a passkey / Not now).
 *
 * @fires pep-passkey-created - `{ passkey }` (id, name, dates: no secret) once registered.
 * @fires pep-passkey-offer-done - `{ outcome }`: `created`, `dismissed` or `not-offered`.
 * @fires pep-step-change - `{ step: 'offer' | 'creating' | 'created' | 'done' }`.
 *
 * @csspart step-heading - The offer's heading.
 * @csspart error - The always-present `role="alert"` region.
 * @csspart status - The "follow your browser" line while the browser's dialog is open.
 * @csspart submit-button - Create a passkey, or Continue after success.
 * @csspart secondary-button - Not now (Continue when creating cannot work here).
 *
 * @cssprop --pep-passkey-offer-max-width - Width of the card (default `--pep-max-width`).
 * @cssprop --pep-color-primary - Buttons.
 * @cssprop --pep-color-success - The success text.
 */
export class PepPasskeyOffer extends PepElement {
  static override styles = [tokens, formStyles, sharedStyles, passkeyOfferStyles];

  static override properties: PropertyDeclarations = {
    username: {},
  };

  static {
    this.states('state');
  }

  protected override get catalogue(): Catalogue {
    return catalogue;
  }

  /** The signed-in account: the device remembers Not now per account. */
  username = '';

  /** Where Not now and a created passkey are remembered (default `localStorage`). */
  storage: OfferStorage | null = localStorageOrNull();

  protected state: PasskeyOfferState = initialPasskeyOffer();

  /** The browser's dialog in flight (aborted when the element is removed). */
  #ceremony?: AbortController;

  /** The current step (also announced by `pep-step-change`). */
  get step(): PasskeyOfferState['step'] {
    return this.state.step;
  }

  get #key(): string {
    return OFFER_KEY_PREFIX + this.username.trim().toLowerCase();
  }

  #read(): OfferRecord | null {
    try {
      return parseOfferRecord(this.storage?.getItem(this.#key) ?? null);
    } catch {
      return null;
    }
  }

  #write(update: (r: OfferRecord | null) => OfferRecord): void {
    try {
      this.storage?.setItem(this.#key, JSON.stringify(update(this.#read())));
    } catch {
      // Storage full or blocked: the offer may show again next time; nothing else changes.
    }
  }

  protected send(event: PasskeyOfferEvent): void {
    const before = this.state;
    this.state = passkeyOfferTransition(before, event);
    const after = this.state;
    if (before.step === after.step) return;
    this.emit('pep-step-change', { step: after.step });
    if (after.step === 'created') void this.focusHeading();
    if (after.step === 'done') this.emit('pep-passkey-offer-done', { outcome: after.outcome });
  }

  protected override firstUpdated(): void {
    const offer = passkeysSupported() && shouldOffer(this.#read(), this.now());
    this.send({ type: 'START', offer });
    // The WebAuthn library, so that Create a passkey opens the browser's dialog at once.
    if (offer) void preloadWebAuthn().catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    queueMicrotask(() => {
      if (!this.isConnected) this.#ceremony?.abort();
    });
  }

  /** Move focus to the offer's heading (e.g. when a host shows it). */
  override async focusHeading(): Promise<void> {
    await super.focusHeading();
  }

  /** Create a passkey (the Create a passkey button). */
  async create(): Promise<void> {
    const before = this.state;
    this.send({ type: 'CREATE' });
    if (this.state === before) return;
    this.#ceremony = new AbortController();
    const outcome = await createPasskeyFlow(
      (fn) => this.call(fn),
      defaultPasskeyName((k, p) => this.t(k, p)),
      this.#ceremony.signal,
    );
    if (outcome.ok) {
      this.#write(created);
      this.send({ type: 'CREATED', passkey: outcome.passkey });
      this.emit('pep-passkey-created', { passkey: outcome.passkey });
      return;
    }
    const { problem } = outcome;
    if (!problem) return this.send({ type: 'ABORTED' });
    // The authenticator already holds one: this device needs no offer any more.
    if (problem.kind === 'webauthn' && problem.reason === 'already-registered')
      this.#write(created);
    this.send({ type: 'FAILED', problem });
  }

  /** Not now: hide the offer; not offered again on this device for 30 days. */
  notNow(): void {
    if (this.state.step !== 'offer') return;
    this.#write((r) => snoozed(r, this.now()));
    this.send({ type: 'NOT_NOW' });
  }

  protected problemText(problem: PasskeyProblem): string {
    const key = problemKey(problem);
    if (key) return this.t(key);
    return problem.kind === 'adapter' ? this.errorMessage(problem.error) : '';
  }

  protected override render(): TemplateResult | typeof nothing {
    const s = this.state;
    switch (s.step) {
      case 'idle':
      case 'done':
        return nothing;
      case 'offer':
      case 'creating':
        return this.renderOffer(s.step === 'offer' ? s.problem : null, s.step === 'creating');
      case 'created':
        return html`<div class="card">
          ${stepHeading(this.t('passkey-offer.created-title'))} ${errorRegion({})}
          <p class="success">${this.t('passkey-offer.created-text')}</p>
          <div class="actions">
            <button
              type="button"
              class="primary"
              part="submit-button"
              @click=${() => this.send({ type: 'FINISH' })}
            >
              ${this.t('passkey-offer.continue')}
            </button>
          </div>
        </div>`;
    }
  }

  protected renderOffer(problem: PasskeyProblem | null, creating: boolean): TemplateResult {
    const retry = canRetry(problem);
    return html`<div class="card">
      ${stepHeading(this.t('passkey-offer.title'))}
      ${errorRegion({ message: problem ? this.problemText(problem) : null, key: problem })}
      <p>${this.t('passkey-offer.text')}</p>
      <p role="status" part="status" class="waiting">
        ${creating
          ? html`<span class="spinner" aria-hidden="true"></span>${this.t('passkey.waiting')}`
          : nothing}
      </p>
      <div class="actions">
        ${retry
          ? html`<button
              type="button"
              class="primary"
              part="submit-button"
              aria-disabled=${creating ? 'true' : 'false'}
              @click=${() => void this.create()}
            >
              ${this.t('passkey-offer.create')}
            </button>`
          : nothing}
        <button
          type="button"
          class=${retry ? 'secondary' : 'primary'}
          part="secondary-button"
          aria-disabled=${creating ? 'true' : 'false'}
          @click=${() => this.notNow()}
        >
          ${this.t(retry ? 'passkey-offer.not-now' : 'passkey-offer.continue')}
        </button>
      </div>
    </div>`;
  }
}
