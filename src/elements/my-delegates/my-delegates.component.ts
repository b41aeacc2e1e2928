import {
  html,
  nothing,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import type { AdapterError } from '../../adapter/errors.js';
import {
  STATE_CODES,
  type AuthAdapter,
  type DelegateSummary,
  type StateCode,
} from '../../adapter/types.js';
import { PepElement } from '../../base/pep-element.js';
import { formStyles, tokens } from '../../base/styles.js';
import { stateListConverter } from '../../core/display.js';
import { formatUsMobile } from '../../core/phone.js';
import { statesEn } from '../../i18n/states.en.js';
import type { Catalogue } from '../../i18n/format.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { stepHeading } from '../../shared/step-heading.js';
import { sharedStyles } from '../../shared/styles.js';
import {
  controlApplies,
  initialMyDelegates,
  myDelegatesTransition,
  type DelegateControl,
  type MyDelegatesEvent,
  type MyDelegatesState,
} from './my-delegates.machine.js';
import { myDelegatesEn } from './my-delegates.messages.js';
import { myDelegatesStyles } from './my-delegates.styles.js';

const catalogue: Catalogue = { ...myDelegatesEn, ...statesEn };

/**
 * The producer's **My Delegates** tab (spec slide 3): the list of their delegates with name,
 * username, email, mobile, states and status (invited / active / locked), an empty state, an
 * **Add Delegate** button that opens `<pep-add-delegate>` in a modal `<dialog>` (Escape or
 * Cancel closes it and focus returns to the button; Finish closes it and refreshes the list),
 * **Resend invitation** for delegates who have not confirmed their email yet, each delegate's
 * last sign-in, and the producer's controls: **Deactivate** / **Reactivate** and **Unlock** (a
 * locked delegate), each after a confirmation.
 *
 * @summary The producer's list of delegates, with Add Delegate and Resend invitation.
 *
 * @fires pep-delegate-added - (from the nested `<pep-add-delegate>`) `{ delegate }`.
 * @fires pep-invitation-resent - `{ delegate }` after Resend invitation succeeded.
 * @fires pep-delegate-updated - `{ action, delegate }` after Deactivate, Reactivate or Unlock.
 *
 * @csspart step-heading - The "My Delegates" heading.
 * @csspart add-button - The Add Delegate button.
 * @csspart list - The list of delegates.
 * @csspart delegate - One delegate.
 * @csspart resend-button - Resend invitation.
 * @csspart control-button - Deactivate / Reactivate / Unlock.
 * @csspart confirm - The confirmation of a control (its question, Confirm and Cancel).
 * @csspart confirm-button - Confirm.
 * @csspart cancel-button - Cancel.
 * @csspart empty - The empty-state text.
 * @csspart status - The polite notice region.
 * @csspart error - The always-present `role="alert"` region.
 * @csspart retry-button - "Try again" after a network failure.
 * @csspart dialog - The modal dialog holding `<pep-add-delegate>`.
 *
 * @cssprop --pep-my-delegates-max-width - Width of the list card (default 56rem).
 * @cssprop --pep-color-backdrop - The dialog backdrop.
 * @cssprop --pep-color-primary - Buttons and links.
 */
export class PepMyDelegates extends PepElement {
  static override styles = [tokens, formStyles, sharedStyles, myDelegatesStyles];

  static override properties: PropertyDeclarations = {
    allowedStates: {
      attribute: 'allowed-states',
      converter: stateListConverter,
    },
  };

  static {
    this.states('state');
  }

  protected override get catalogue(): Catalogue {
    return catalogue;
  }

  /** The states the producer may assign, passed to Add Delegate (`allowed-states="IL TX"`). */
  allowedStates: StateCode[] = [...STATE_CODES];

  /** The current state: the list (`loading`, `ready`, `failed`), the dialog, the notice. */
  state: MyDelegatesState = initialMyDelegates();

  protected get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector('dialog') ?? null;
  }

  protected get addButton(): HTMLButtonElement | null {
    return this.renderRoot?.querySelector('[part~=add-button]') ?? null;
  }

  #loadedWith?: AuthAdapter;
  /** The delegate added in the open dialog, if any: closing by Escape then also refreshes. */
  #added?: DelegateSummary;

  protected send(event: MyDelegatesEvent): void {
    this.state = myDelegatesTransition(this.state, event);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter') && this.adapter && this.adapter !== this.#loadedWith) {
      this.#loadedWith = this.adapter;
      void this.load();
    }
  }

  protected override updated(): void {
    const dialog = this.dialog;
    if (!dialog) return;
    if (this.state.dialogOpen && !dialog.open) {
      dialog.showModal();
      const form = dialog.querySelector('pep-add-delegate');
      // The form may still be loading: focus it once defined (if the dialog is still open).
      if (form)
        void customElements.whenDefined(form.localName).then(() => {
          if (form.isConnected) void form.focusHeading();
        });
    }
    if (!this.state.dialogOpen && dialog.open) dialog.close();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-inserted after being removed mid-load (the call was abandoned): load again.
    if (this.hasUpdated && this.state.list === 'loading' && !this.calling) void this.load();
  }

  /** Reload the list from the adapter. */
  async load(): Promise<void> {
    this.send({ type: 'LOAD' });
    try {
      const delegates = await this.call((a, signal) => a.listDelegates({ signal }));
      this.send({ type: 'LOAD_OK', delegates });
    } catch (err) {
      const error = err as AdapterError;
      if (error.code !== 'ABORTED') this.send({ type: 'LOAD_FAIL', error });
    }
  }

  /**
   * Open the dialog. `<pep-add-delegate>` is a chunk of its own, fetched on the first open (the
   * dialog shows at once; the form appears when it has arrived).
   */
  protected async openAdd(): Promise<void> {
    this.send({ type: 'OPEN_ADD' });
    try {
      await this.call(() => import('../add-delegate/pep-add-delegate.js'));
    } catch (err) {
      const error = err as AdapterError;
      if (error.code !== 'ABORTED') this.send({ type: 'OPEN_FAIL', error });
    }
  }

  protected async closeAdd(finished: DelegateSummary | undefined = this.#added): Promise<void> {
    this.#added = undefined;
    if (finished) {
      this.send({ type: 'FINISH', delegate: finished });
      void this.load();
    } else {
      this.send({ type: 'CLOSE_ADD' });
    }
    await this.updateComplete;
    this.addButton?.focus();
  }

  protected name(d: DelegateSummary): string {
    return `${d.firstName} ${d.lastName}`;
  }

  protected override render(): TemplateResult {
    const m = this.state;
    return html`<div class="card">
      <div class="toolbar">
        ${stepHeading(this.t('my-delegates.title'))}
        <button
          type="button"
          class="primary"
          part="add-button"
          aria-haspopup="dialog"
          @click=${() => void this.openAdd()}
        >
          ${this.t('my-delegates.add')}
        </button>
      </div>
      ${errorRegion({
        message: m.error ? this.errorMessage(m.error) : null,
        key: m.error,
        retry:
          isRetryable(m.error) && m.retry
            ? { label: this.t('common.retry'), onRetry: () => this.retry() }
            : null,
      })}
      <div role="status" part="status" class="notice-region">${this.renderNotice()}</div>
      ${this.renderList()}
      <dialog
        part="dialog"
        aria-label=${this.t('my-delegates.dialog-label')}
        @cancel=${(e: Event) => {
          e.preventDefault();
          void this.closeAdd();
        }}
      >
        ${m.dialogOpen
          ? html`<pep-add-delegate
              .adapter=${this.adapter}
              .config=${this.config}
              .messages=${this.messages}
              .allowedStates=${this.allowedStates}
              @pep-delegate-added=${(e: CustomEvent<{ delegate: DelegateSummary }>) => {
                this.#added = e.detail.delegate;
              }}
              @pep-cancel=${() => void this.closeAdd()}
              @pep-delegate-finish=${(e: CustomEvent<{ delegate: DelegateSummary }>) =>
                void this.closeAdd(e.detail.delegate)}
            ></pep-add-delegate>`
          : nothing}
      </dialog>
    </div>`;
  }

  protected retry(): void {
    const r = this.state.retry;
    // The retry button goes away with the error: keep focus on the control of that action.
    if (r?.type === 'OPEN_ADD') {
      void this.openAdd();
    } else if (r?.type === 'LOAD') {
      this.addButton?.focus();
      void this.load();
    } else if (r?.type === 'CONTROL') {
      void this.control();
    } else if (r?.type === 'RESEND') {
      this.renderRoot
        .querySelector<HTMLElement>(`[data-id="${CSS.escape(r.delegateId)}"] [part=resend-button]`)
        ?.focus();
      void this.resend(r.delegateId);
    }
  }

  protected renderList(): TemplateResult | typeof nothing {
    const m = this.state;
    if (m.list === 'loading' && m.delegates.length === 0) {
      return html`<p>
        <span class="spinner" aria-hidden="true"></span>${this.t('my-delegates.loading')}
      </p>`;
    }
    if (m.list === 'failed' && m.delegates.length === 0) return nothing;
    if (m.delegates.length === 0) {
      return html`<p part="empty">${this.t('my-delegates.empty')}</p>`;
    }
    return html`<ul
      class="delegates"
      part="list"
      aria-busy=${m.list === 'loading' ? 'true' : 'false'}
    >
      ${m.delegates.map((d) => this.renderDelegate(d))}
    </ul>`;
  }

  /** Resend the invitation of an invited delegate (the list's button, or Try again). */
  protected async resend(delegateId: string): Promise<void> {
    const before = this.state;
    this.send({ type: 'RESEND', delegateId });
    if (this.state === before) return;
    try {
      await this.call((a, signal) => a.resendInvitation({ delegateId }, { signal }));
      this.send({ type: 'RESEND_OK' });
      const notice = this.state.notice;
      if (notice) this.emit('pep-invitation-resent', { delegate: notice.delegate });
    } catch (err) {
      const error = err as AdapterError;
      if (!this.ignoreAbort(error)) this.send({ type: 'RESEND_FAIL', error });
    }
  }

  /** Open the confirmation of a control; focus goes to its Confirm button. */
  protected async ask(delegateId: string, control: DelegateControl): Promise<void> {
    this.send({ type: 'ASK', delegateId, control });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part=confirm-button]')?.focus();
  }

  /** Close the confirmation; focus goes back to the control that opened it. */
  protected async cancelAsk(): Promise<void> {
    const c = this.state.confirming;
    this.send({ type: 'CANCEL_ASK' });
    if (!c) return;
    await this.updateComplete;
    this.controlButton(c.delegateId, c.control)?.focus();
  }

  protected controlButton(delegateId: string, control?: DelegateControl): HTMLElement | null {
    const item = `[data-id="${CSS.escape(delegateId)}"]`;
    return this.renderRoot.querySelector<HTMLElement>(
      control
        ? `${item} [data-control=${control}]`
        : `${item} [part=control-button], ${item} [part=resend-button]`,
    );
  }

  /** Run the confirmed control (Deactivate / Reactivate / Unlock). */
  protected async control(): Promise<void> {
    const before = this.state;
    this.send({ type: 'CONTROL' });
    const c = this.state.confirming;
    if (this.state === before || !c) return;
    const { delegateId, control } = c;
    try {
      const delegate = await this.call((a, signal) =>
        control === 'unlock'
          ? a.unlockDelegate({ delegateId }, { signal })
          : a.setDelegateActive({ delegateId, active: control === 'reactivate' }, { signal }),
      );
      this.send({ type: 'CONTROL_OK', delegate });
      this.emit('pep-delegate-updated', { action: control, delegate });
      // The control pressed may not apply any more: focus the delegate's first action.
      await this.updateComplete;
      this.controlButton(delegateId)?.focus();
    } catch (err) {
      const error = err as AdapterError;
      if (!this.ignoreAbort(error)) this.send({ type: 'CONTROL_FAIL', error });
    }
  }

  protected statusText(d: DelegateSummary): string {
    if (d.status === 'locked' && d.lockedUntil)
      return this.t('my-delegates.status.locked-until', {
        time: this.formatDateTime(d.lockedUntil),
      });
    return this.t(`my-delegates.status.${d.status}`);
  }

  protected renderControls(d: DelegateSummary): TemplateResult {
    const busy = !!this.state.confirming?.busy;
    const controls = (['unlock', 'deactivate', 'reactivate'] as const).filter((c) =>
      controlApplies(c, d),
    );
    return html`${controls.map(
      (c) =>
        html`<button
          type="button"
          class="secondary"
          part="control-button"
          data-control=${c}
          aria-disabled=${busy ? 'true' : 'false'}
          aria-expanded=${this.state.confirming?.delegateId === d.id &&
          this.state.confirming.control === c
            ? 'true'
            : 'false'}
          @click=${() => {
            if (!busy) void this.ask(d.id, c);
          }}
        >
          ${this.t(`my-delegates.${c}`)}<span class="visually-hidden"> ${this.name(d)}</span>
        </button>`,
    )}`;
  }

  protected renderConfirm(d: DelegateSummary): TemplateResult | typeof nothing {
    const c = this.state.confirming;
    if (c?.delegateId !== d.id) return nothing;
    const question = `confirm-${d.id}`;
    return html`<div
      class="confirm"
      part="confirm"
      role="group"
      aria-labelledby=${question}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          void this.cancelAsk();
        }
      }}
    >
      <p id=${question}>${this.t(`my-delegates.confirm.${c.control}`, { name: this.name(d) })}</p>
      <div class="actions">
        <button
          type="button"
          class="primary"
          part="confirm-button"
          aria-disabled=${c.busy ? 'true' : 'false'}
          aria-describedby=${question}
          @click=${() => void this.control()}
        >
          ${c.busy
            ? html`<span class="spinner" aria-hidden="true"></span>${this.t('my-delegates.working')}`
            : this.t(`my-delegates.${c.control}`)}
        </button>
        <button
          type="button"
          class="secondary"
          part="cancel-button"
          aria-disabled=${c.busy ? 'true' : 'false'}
          @click=${() => void this.cancelAsk()}
        >
          ${this.t('my-delegates.cancel')}
        </button>
      </div>
    </div>`;
  }

  protected renderDelegate(d: DelegateSummary): TemplateResult {
    const resendingId = this.state.resendingId;
    return html`<li class="delegate" part="delegate" data-id=${d.id}>
      <h3>${this.name(d)}</h3>
      <dl>
        <dt>${this.t('my-delegates.username')}</dt>
        <dd>${d.username}</dd>
        <dt>${this.t('my-delegates.email')}</dt>
        <dd>
          ${d.email.split(/(?<=@)|(?=\.)/).map((part, i) => (i ? html`<wbr />${part}` : part))}
        </dd>
        <dt>${this.t('my-delegates.mobile')}</dt>
        <dd class="phone">${formatUsMobile(d.mobile)}</dd>
        <dt>${this.t('my-delegates.states')}</dt>
        <dd>${d.states.map((s) => this.t(`state.${s}`)).join(', ')}</dd>
        <dt>${this.t('my-delegates.status')}</dt>
        <dd class="status" data-status=${d.status}>${this.statusText(d)}</dd>
        <dt>${this.t('my-delegates.last-sign-in')}</dt>
        <dd data-fact="last-sign-in">
          ${d.lastSignInAt ? this.formatDateTime(d.lastSignInAt) : this.t('my-delegates.never')}
        </dd>
      </dl>
      <div class="actions">
        ${d.status === 'invited'
          ? html` <button
              type="button"
              class="secondary"
              part="resend-button"
              aria-disabled=${resendingId ? 'true' : 'false'}
              @click=${() => void this.resend(d.id)}
            >
              ${resendingId === d.id
                ? html`<span class="spinner" aria-hidden="true"></span>${this.t(
                      'my-delegates.resending',
                    )}`
                : html`${this.t('my-delegates.resend')}<span class="visually-hidden">
                      ${this.t('my-delegates.resend-to', { name: this.name(d) })}</span
                    >`}
            </button>`
          : nothing}${this.renderControls(d)}
      </div>
      ${this.renderConfirm(d)}
    </li>`;
  }

  /** The polite notice after an addition or a resend (in the status region). */
  protected renderNotice(): TemplateResult | typeof nothing {
    const n = this.state.notice;
    if (!n) return nothing;
    const text =
      n.kind === 'resent'
        ? this.t('my-delegates.resent', { email: n.delegate.email })
        : this.t(`my-delegates.${n.kind === 'added' ? 'added' : `done.${n.kind}`}`, {
            name: this.name(n.delegate),
          });
    return html`<p class="success">${text}</p>`;
  }
}

declare module '../../base/events.js' {
  interface PepEventMap {
    /** A delegate's invitation email was sent again. */
    'pep-invitation-resent': { delegate: DelegateSummary };
    /** A delegate was deactivated, reactivated or unlocked by their producer. */
    'pep-delegate-updated': { action: DelegateControl; delegate: DelegateSummary };
  }
}
declare global {
  interface HTMLElementEventMap {
    'pep-invitation-resent': CustomEvent<{ delegate: DelegateSummary }>;
    'pep-delegate-updated': CustomEvent<{ action: DelegateControl; delegate: DelegateSummary }>;
  }
}
