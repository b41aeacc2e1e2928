import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { AdapterError } from '../../adapter/errors.js';
import type { AuthAdapter, Passkey } from '../../adapter/types.js';
import { PepElement } from '../../base/pep-element.js';
import { formStyles, tokens } from '../../base/styles.js';
import type { Catalogue } from '../../i18n/format.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { stepHeading } from '../../shared/step-heading.js';
import { sharedStyles } from '../../shared/styles.js';
import { textField } from '../../shared/text-field.js';
import { passkeysSupported, preloadWebAuthn } from '../../shared/webauthn.js';
import {
  createPasskeyFlow,
  defaultPasskeyName,
  problemKey,
} from '../passkey-offer/passkey-create.js';
import type { PasskeyProblem } from '../passkey-offer/passkey-offer.machine.js';
import { passkeyEn } from '../passkey-offer/passkey-offer.messages.js';
import {
  initialPasskeys,
  passkeysTransition,
  type PasskeysEvent,
  type PasskeysState,
} from './passkeys.machine.js';
import { passkeysEn } from './passkeys.messages.js';
import { passkeysStyles } from './passkeys.styles.js';

declare module '../../base/events.js' {
  interface PepEventMap {
    /** A passkey was renamed on My Information. */
    'pep-passkey-renamed': { passkey: Passkey };
    /** A passkey was deleted on My Information (`passkeyId`: its public credential id). */
    'pep-passkey-deleted': { passkeyId: string };
  }
}
declare global {
  interface HTMLElementEventMap {
    'pep-passkey-renamed': CustomEvent<{ passkey: Passkey }>;
    'pep-passkey-deleted': CustomEvent<{ passkeyId: string }>;
  }
}

const catalogue: Catalogue = { ...passkeysEn, ...passkeyEn };

/** The id of the rename form's field. */
const NAME_ID = 'passkey-name';

/**
 * The signed-in user's passkeys, for **My Information**: each with its name, when it was created
 * and when it was last used ("Never used"); **Rename** in an inline form (1–64 characters; the
 * error shows next to the field and what was typed stays), **Delete** after a confirmation, and
 * **Add a passkey** (the browser's dialog, as in `<pep-passkey-offer>`). Loading and every
 * failure end in a message (with Try again when retrying can help), never a lasting spinner.
 * In a browser without WebAuthn it shows nothing.
 *
 * On the portal page, place it in `<pep-portal-home>`'s `information` slot: My Information
 * shows it when `<pep-auth-provider passkeys>`.
 *
 * @summary The signed-in user's passkeys: list, rename, delete, add.
 *
 * @fires pep-passkey-created - `{ passkey }` after Add a passkey.
 * @fires pep-passkey-renamed - `{ passkey }` after a rename.
 * @fires pep-passkey-deleted - `{ passkeyId }` after a deletion.
 *
 * @csspart step-heading - The "Passkeys" heading.
 * @csspart add-button - Add a passkey.
 * @csspart list - The list of passkeys.
 * @csspart passkey - One passkey.
 * @csspart rename-button - Rename (opens the inline form).
 * @csspart delete-button - Delete (asks for a confirmation).
 * @csspart form - The inline rename form.
 * @csspart field - The name field.
 * @csspart label - Its label.
 * @csspart input - The name input.
 * @csspart hint - Its hint.
 * @csspart field-error - Its error.
 * @csspart submit-button - Save (rename form).
 * @csspart secondary-button - Cancel (rename form or confirmation).
 * @csspart confirm - The delete confirmation.
 * @csspart confirm-button - Delete passkey (in the confirmation).
 * @csspart empty - The empty-state text.
 * @csspart status - The polite notice region.
 * @csspart error - The always-present `role="alert"` region.
 * @csspart retry-button - "Try again" after a network failure.
 *
 * @cssprop --pep-passkeys-max-width - Width of the card (default 40rem).
 * @cssprop --pep-passkeys-danger - The confirmation's Delete passkey button (default `--pep-color-error`).
 * @cssprop --pep-passkeys-on-danger - Text on that button (default `--pep-color-surface`).
 * @cssprop --pep-color-primary - Buttons.
 */
export class PepPasskeys extends PepElement {
  static override styles = [tokens, formStyles, sharedStyles, passkeysStyles];

  static {
    this.states('state', 'draft');
  }

  protected override get catalogue(): Catalogue {
    return catalogue;
  }

  /** The list and the action in progress. */
  state: PasskeysState = initialPasskeys();

  /** The name typed in the rename form (kept on failure). */
  protected draft = '';

  #loadedWith?: AuthAdapter;
  /** The browser's dialog in flight (aborted when the element is removed). */
  #ceremony?: AbortController;

  protected send(event: PasskeysEvent): void {
    this.state = passkeysTransition(this.state, event);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('adapter') &&
      this.adapter &&
      this.adapter !== this.#loadedWith &&
      passkeysSupported()
    ) {
      this.#loadedWith = this.adapter;
      void this.load();
      // The WebAuthn library, so that Add a passkey opens the browser's dialog at once.
      void preloadWebAuthn().catch(() => undefined);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-inserted after being removed mid-load (the call was abandoned): load again.
    if (this.hasUpdated && this.state.list === 'loading' && !this.calling) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    queueMicrotask(() => {
      if (!this.isConnected) {
        this.#ceremony?.abort();
        // A removed element's calls are aborted: nothing may stay "busy" when it comes back.
        if (this.state.busy === 'add') this.send({ type: 'ADD_ABORTED' });
      }
    });
  }

  /** Reload the list from the adapter. */
  async load(): Promise<void> {
    this.send({ type: 'LOAD' });
    try {
      const passkeys = await this.call((a, signal) => a.listPasskeys({ signal }));
      this.send({ type: 'LOAD_OK', passkeys });
    } catch (err) {
      const error = err as AdapterError;
      // Aborted: removed mid-load (loaded again when re-inserted) or a newer load.
      if (error.code !== 'ABORTED') this.send({ type: 'LOAD_FAIL', error });
    }
  }

  /** Add a passkey: the browser's dialog, then the backend. */
  async add(): Promise<void> {
    const before = this.state;
    this.send({ type: 'ADD' });
    if (this.state === before) return;
    this.#ceremony = new AbortController();
    const outcome = await createPasskeyFlow(
      (fn) => this.call(fn),
      defaultPasskeyName((k, p) => this.t(k, p)),
      this.#ceremony.signal,
    );
    if (outcome.ok) {
      this.send({ type: 'ADD_OK', passkey: outcome.passkey });
      this.emit('pep-passkey-created', { passkey: outcome.passkey });
    } else if (outcome.problem) {
      this.send({ type: 'ADD_FAIL', problem: outcome.problem });
    } else {
      this.send({ type: 'ADD_ABORTED' });
    }
  }

  protected async focusLater(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #row(id: string): string {
    return `[data-id="${CSS.escape(id)}"]`;
  }

  protected edit(passkey: Passkey): void {
    this.send({ type: 'EDIT', passkeyId: passkey.id });
    if (this.state.editing?.passkeyId !== passkey.id) return;
    this.draft = passkey.name;
    void this.focusLater(`#${NAME_ID}`);
  }

  protected cancelEdit(): void {
    const id = this.state.editing?.passkeyId;
    this.send({ type: 'EDIT_CANCEL' });
    if (id && !this.state.editing) void this.focusLater(`${this.#row(id)} [part~=rename-button]`);
  }

  protected async rename(e: Event): Promise<void> {
    e.preventDefault();
    const editing = this.state.editing;
    if (!editing) return;
    const name = this.draft.trim();
    this.send({ type: 'RENAME', name });
    if (this.state.busy !== 'rename') {
      // Refused here (empty, too long): the error is next to the field, which keeps focus.
      void this.focusLater(`#${NAME_ID}`);
      return;
    }
    try {
      const passkey = await this.call((a, signal) =>
        a.renamePasskey({ passkeyId: editing.passkeyId, name }, { signal }),
      );
      this.send({ type: 'RENAME_OK', passkey });
      this.emit('pep-passkey-renamed', { passkey });
      void this.focusLater(`${this.#row(passkey.id)} [part~=rename-button]`);
    } catch (err) {
      const error = err as AdapterError;
      if (this.ignoreAbort(error)) return;
      this.send({ type: 'RENAME_FAIL', error });
      void this.focusLater(`#${NAME_ID}`);
    }
  }

  protected askDelete(passkey: Passkey): void {
    this.send({ type: 'ASK_DELETE', passkeyId: passkey.id });
    if (this.state.confirming === passkey.id) void this.focusLater('#confirm-text');
  }

  protected cancelDelete(): void {
    const id = this.state.confirming;
    this.send({ type: 'DELETE_CANCEL' });
    if (id && !this.state.confirming)
      void this.focusLater(`${this.#row(id)} [part~=delete-button]`);
  }

  protected async deleteConfirmed(): Promise<void> {
    const passkeyId = this.state.confirming;
    if (!passkeyId) return;
    this.send({ type: 'DELETE' });
    if (this.state.busy !== 'delete') return;
    try {
      await this.call((a, signal) => a.deletePasskey({ passkeyId }, { signal }));
      this.send({ type: 'DELETE_OK', passkeyId });
      this.emit('pep-passkey-deleted', { passkeyId });
      void this.focusHeading();
    } catch (err) {
      const error = err as AdapterError;
      if (this.ignoreAbort(error)) return;
      // Deleted meanwhile (another tab): the list is out of date; load it again.
      if (error.code === 'NOT_FOUND' || error.code === 'PASSKEY_UNKNOWN') {
        this.send({ type: 'DELETE_OK', passkeyId });
        void this.load();
        void this.focusHeading();
        return;
      }
      this.send({ type: 'DELETE_FAIL', passkeyId, error });
    }
  }

  protected retry(): void {
    const r = this.state.retry;
    if (r?.type === 'LOAD') {
      void this.focusLater('[part~=add-button]');
      void this.load();
    } else if (r?.type === 'ADD') {
      void this.focusLater('[part~=add-button]');
      void this.add();
    } else if (r?.type === 'DELETE') {
      void this.focusLater('[part~=confirm-button]');
      void this.deleteConfirmed();
    }
  }

  protected problemText(problem: PasskeyProblem): string {
    const key = problemKey(problem);
    if (key) return this.t(key);
    return problem.kind === 'adapter' ? this.errorMessage(problem.error) : '';
  }

  protected canRetry(problem: PasskeyProblem | null): boolean {
    if (!problem || !this.state.retry) return false;
    if (problem.kind === 'adapter') return isRetryable(problem.error);
    return problem.reason === 'failed';
  }

  protected override render(): TemplateResult | typeof nothing {
    // No WebAuthn in this browser: no passkey UI at all.
    if (!passkeysSupported()) return nothing;
    const s = this.state;
    return html`<div class="card">
      <div class="toolbar">
        ${stepHeading(this.t('passkeys.title'))}
        <button
          type="button"
          class="primary"
          part="add-button"
          aria-disabled=${s.busy || s.list === 'loading' ? 'true' : 'false'}
          @click=${() => void this.add()}
        >
          ${s.busy === 'add'
            ? html`<span class="spinner" aria-hidden="true"></span>`
            : nothing}${this.t('passkeys.add')}
        </button>
      </div>
      <p class="intro">${this.t('passkeys.intro')}</p>
      ${errorRegion({
        message: s.problem ? this.problemText(s.problem) : null,
        key: s.problem,
        retry: this.canRetry(s.problem)
          ? { label: this.t('common.retry'), onRetry: () => this.retry() }
          : null,
      })}
      <div role="status" part="status" class="notice-region">${this.renderNotice()}</div>
      ${this.renderList()}
    </div>`;
  }

  protected renderNotice(): TemplateResult | typeof nothing {
    const s = this.state;
    if (s.busy === 'add') return html`<p>${this.t('passkey.waiting')}</p>`;
    if (!s.notice) return nothing;
    return html`<p class="success">
      ${this.t(`passkeys.${s.notice.kind}`, { name: s.notice.name })}
    </p>`;
  }

  protected renderList(): TemplateResult | typeof nothing {
    const s = this.state;
    if (s.list === 'loading' && s.passkeys.length === 0)
      return html`<p>
        <span class="spinner" aria-hidden="true"></span>${this.t('passkeys.loading')}
      </p>`;
    if (s.list === 'failed' && s.passkeys.length === 0) return nothing;
    if (s.passkeys.length === 0) return html`<p part="empty">${this.t('passkeys.empty')}</p>`;
    return html`<ul
      class="passkeys"
      part="list"
      aria-busy=${s.list === 'loading' ? 'true' : 'false'}
    >
      ${s.passkeys.map((p) => this.renderPasskey(p))}
    </ul>`;
  }

  protected renderPasskey(p: Passkey): TemplateResult {
    const s = this.state;
    const editing = s.editing?.passkeyId === p.id;
    const confirming = s.confirming === p.id;
    const forName = html`<span class="visually-hidden">
      ${this.t('passkeys.action-for', { name: p.name })}</span
    >`;
    return html`<li class="passkey" part="passkey" data-id=${p.id}>
      ${editing ? this.renderRename() : html`<h3>${p.name}</h3>`}
      <dl>
        <dt>${this.t('passkeys.created')}</dt>
        <dd>${this.formatDateTime(p.createdAt)}</dd>
        <dt>${this.t('passkeys.last-used')}</dt>
        <dd>
          ${p.lastUsedAt === null
            ? this.t('passkeys.never-used')
            : this.formatDateTime(p.lastUsedAt)}
        </dd>
      </dl>
      ${editing || confirming
        ? nothing
        : html`<div class="actions">
            <button
              type="button"
              class="secondary"
              part="rename-button"
              aria-disabled=${s.busy ? 'true' : 'false'}
              @click=${() => this.edit(p)}
            >
              ${this.t('passkeys.rename')}${forName}
            </button>
            <button
              type="button"
              class="secondary"
              part="delete-button"
              aria-disabled=${s.busy ? 'true' : 'false'}
              @click=${() => this.askDelete(p)}
            >
              ${this.t('passkeys.delete')}${forName}
            </button>
          </div>`}
      ${confirming ? this.renderConfirm(p) : nothing}
    </li>`;
  }

  protected renderRename(): TemplateResult {
    const s = this.state;
    const e = s.editing?.error;
    const error = !e
      ? null
      : 'reason' in e
        ? this.t(`passkeys.name.${e.reason}`)
        : this.fieldError(e.adapter);
    const saving = s.busy === 'rename';
    return html`<form
      part="form"
      novalidate
      @submit=${(ev: Event) => void this.rename(ev)}
      @keydown=${(ev: KeyboardEvent) => {
        if (ev.key === 'Escape') {
          ev.stopPropagation();
          this.cancelEdit();
        }
      }}
    >
      ${textField({
        id: NAME_ID,
        name: 'name',
        label: this.t('passkeys.name-label'),
        hint: this.t('passkeys.name-hint'),
        value: this.draft,
        autocomplete: 'off',
        required: true,
        error,
        onInput: (v) => (this.draft = v),
      })}
      <div class="actions">
        <button
          type="submit"
          class="primary"
          part="submit-button"
          aria-disabled=${saving ? 'true' : 'false'}
        >
          ${saving
            ? html`<span class="spinner" aria-hidden="true"></span>${this.t('passkeys.saving')}`
            : this.t('passkeys.save')}
        </button>
        <button
          type="button"
          class="secondary"
          part="secondary-button"
          @click=${() => this.cancelEdit()}
        >
          ${this.t('passkeys.cancel')}
        </button>
      </div>
    </form>`;
  }

  /** A rename refused by the backend (`VALIDATION` on `name`), worded as the field's check. */
  protected fieldError(error: AdapterError): string {
    const reason = (error.data as { fields?: Record<string, string> }).fields?.['name'];
    if (reason === 'too-long') return this.t('passkeys.name.too-long');
    if (reason === 'required') return this.t('passkeys.name.required');
    return this.errorMessage(error);
  }

  protected renderConfirm(p: Passkey): TemplateResult {
    const deleting = this.state.busy === 'delete';
    return html`<div
      class="confirm"
      part="confirm"
      role="group"
      aria-labelledby="confirm-text"
      @keydown=${(ev: KeyboardEvent) => {
        if (ev.key === 'Escape') {
          ev.stopPropagation();
          this.cancelDelete();
        }
      }}
    >
      <p id="confirm-text" tabindex="-1">${this.t('passkeys.confirm-delete', { name: p.name })}</p>
      <div class="actions">
        <button
          type="button"
          class="danger"
          part="confirm-button"
          aria-disabled=${deleting ? 'true' : 'false'}
          @click=${() => void this.deleteConfirmed()}
        >
          ${deleting
            ? html`<span class="spinner" aria-hidden="true"></span>${this.t('passkeys.deleting')}`
            : this.t('passkeys.confirm')}
        </button>
        <button
          type="button"
          class="secondary"
          part="secondary-button"
          aria-disabled=${deleting ? 'true' : 'false'}
          @click=${() => this.cancelDelete()}
        >
          ${this.t('passkeys.cancel')}
        </button>
      </div>
    </div>`;
  }
}
