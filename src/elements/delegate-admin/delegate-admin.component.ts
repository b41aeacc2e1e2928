import {
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import type { AdapterError } from '../../adapter/errors.js';
import type {
  AuthAdapter,
  DelegateDetail,
  DelegateSummary,
  HelpDeskActionName,
} from '../../adapter/types.js';
import { PepElement } from '../../base/pep-element.js';
import { formStyles, tokens } from '../../base/styles.js';
import { formatUsMobile } from '../../core/phone.js';
import type { Catalogue } from '../../i18n/format.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { stepHeading } from '../../shared/step-heading.js';
import { sharedStyles } from '../../shared/styles.js';
import { textField } from '../../shared/text-field.js';
import type { PepActivityLog } from '../activity-log/activity-log.component.js';
import type { DelegateAdminHost } from './delegate-admin.page.js';
import {
  delegateAdminTransition,
  initialDelegateAdmin,
  type DelegateAdminEvent,
  type DelegateAdminState,
} from './delegate-admin.machine.js';
import { delegateAdminEn } from './delegate-admin.messages.js';
import { delegateAdminStyles } from './delegate-admin.styles.js';

const catalogue: Catalogue = delegateAdminEn;

/** A delegate's page (`delegate-admin.page.ts`): fetched with the first delegate opened. */
let page: typeof import('./delegate-admin.page.js') | undefined;

/**
 * The **Internet Help Desk** console: find a delegate by username, email, name or mobile
 * number; see their page (status, producer, states, typing pattern, remembered devices,
 * passkeys, last sign-in, and their activity); and act on it — **Unlock**, **Reset typing
 * pattern**, **Forget remembered devices**, **Resend invitation**, **Deactivate** /
 * **Reactivate** — each after a confirmation with a required reason, recorded with the staff
 * member's name. Only a help-desk session may use it (the backend enforces it; anyone else sees
 * "Not allowed").
 *
 * @summary The Internet Help Desk console: find a delegate and help them.
 *
 * @fires pep-help-desk-action - `{ action, delegate }` after an action succeeded.
 *
 * @csspart step-heading - The heading of the view (focused on each view change).
 * @csspart form - The search form; the confirmation form.
 * @csspart input - The search field; the reason field.
 * @csspart submit-button - Search; Confirm.
 * @csspart secondary-button - Cancel; Back to the search.
 * @csspart results - The list of delegates found.
 * @csspart result - One delegate found (a button that opens their page).
 * @csspart empty - "No delegate matches …".
 * @csspart details - The delegate's facts.
 * @csspart action-button - One action (disabled when it does not apply).
 * @csspart confirm - The confirmation with its reason.
 * @csspart status - The polite notice region.
 * @csspart error - The always-present `role="alert"` region.
 * @csspart retry-button - "Try again" after a network failure.
 * @csspart login-link - Log In (when there is no session).
 *
 * @cssprop --pep-delegate-admin-max-width - Width of the console (default 56rem).
 * @cssprop --pep-color-primary - Buttons and links.
 */
export class PepDelegateAdmin extends PepElement implements DelegateAdminHost {
  static override styles = [tokens, formStyles, sharedStyles, delegateAdminStyles];

  static override properties: PropertyDeclarations = {
    loginHref: { attribute: 'login-href' },
  };

  static {
    this.states('state');
  }

  protected override get catalogue(): Catalogue {
    return catalogue;
  }

  /** Where "Log In" goes when there is no session. */
  loginHref = '';

  state: DelegateAdminState = initialDelegateAdmin();

  #checkedWith?: AuthAdapter;
  /** The view whose heading has focus (a new one moves focus to its heading). */
  #shown = '';
  /** Focus to move after the next render (a field, a button). */
  #focusNext: (() => HTMLElement | null) | null = null;

  /** @internal */
  send(event: DelegateAdminEvent): void {
    this.state = delegateAdminTransition(this.state, event);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter') && this.adapter && this.adapter !== this.#checkedWith) {
      this.#checkedWith = this.adapter;
      void this.check();
    }
  }

  protected override updated(): void {
    const s = this.state;
    const shown = `${s.view}:${s.view === 'delegate' ? (s.delegate?.id ?? '') : ''}`;
    if (s.view === 'delegate') void this.loadActivityLog();
    if (this.#focusNext) {
      const target = this.#focusNext();
      this.#focusNext = null;
      this.#shown = shown;
      if (target) {
        target.focus();
        return;
      }
    }
    if (shown !== this.#shown && s.view !== 'checking') {
      this.#shown = shown;
      void this.focusHeading();
    }
  }

  #activityLoading?: Promise<unknown>;
  /** `<pep-activity-log>` is a chunk of its own, fetched when a delegate's page first shows. */
  protected loadActivityLog(): Promise<unknown> {
    return (this.#activityLoading ??= import('../activity-log/pep-activity-log.js').catch(
      // Tried again at the next render.
      () => (this.#activityLoading = undefined),
    ));
  }

  /** Read the session: the console is for Internet Help Desk staff only. */
  async check(): Promise<void> {
    this.send({ type: 'CHECK' });
    try {
      const session = await this.call((a, signal) => a.getSession({ signal }));
      this.send({
        type: 'SESSION',
        signedIn: !!session,
        helpDesk: !!session?.capabilities.helpDesk,
      });
    } catch (err) {
      const error = err as AdapterError;
      if (!this.ignoreAbort(error)) this.send({ type: 'CHECK_FAIL', error });
    }
  }

  protected async search(): Promise<void> {
    const before = this.state;
    this.send({ type: 'SEARCH' });
    if (this.state.queryError) {
      this.#focusNext = () => this.renderRoot.querySelector('#query');
      return;
    }
    if (this.state === before || !this.state.searching) return;
    const query = this.state.query.trim();
    try {
      const delegates = await this.call((a, signal) => a.searchDelegates({ query }, { signal }));
      this.send({ type: 'SEARCH_OK', delegates });
    } catch (err) {
      const error = err as AdapterError;
      if (!this.ignoreAbort(error)) this.send({ type: 'SEARCH_FAIL', error });
    }
  }

  protected async open(delegateId: string): Promise<void> {
    this.abortCalls();
    this.send({ type: 'OPEN', delegateId });
    try {
      const delegate = await this.call(async (a, signal) => {
        const [detail, loaded] = await Promise.all([
          a.getDelegateDetail({ delegateId }, { signal }),
          page ?? import('./delegate-admin.page.js'),
        ]);
        page = loaded;
        return detail;
      });
      this.send({ type: 'OPEN_OK', delegate });
    } catch (err) {
      const error = err as AdapterError;
      if (!this.ignoreAbort(error)) this.send({ type: 'OPEN_FAIL', error });
    }
  }

  /** @internal */
  back(): void {
    const id = this.state.delegateId;
    this.abortCalls();
    this.send({ type: 'BACK' });
    // Back where the person was: the delegate they opened, in the results.
    this.#focusNext = () =>
      id ? this.renderRoot.querySelector(`[data-id="${CSS.escape(id)}"]`) : null;
  }

  /** @internal */
  ask(action: HelpDeskActionName): void {
    this.send({ type: 'ASK', action });
    this.#focusNext = () => this.renderRoot.querySelector('#reason');
  }

  /** @internal */
  cancel(): void {
    const action = this.state.confirm?.action;
    this.send({ type: 'CANCEL' });
    this.#focusNext = () =>
      action ? this.renderRoot.querySelector(`[data-action="${action}"]`) : null;
  }

  /** @internal */
  async confirm(): Promise<void> {
    this.send({ type: 'CONFIRM' });
    const c = this.state.confirm;
    const delegateId = this.state.delegateId;
    if (!c?.submitting || !delegateId) {
      this.#focusNext = () => this.renderRoot.querySelector('#reason');
      return;
    }
    try {
      const delegate = await this.call((a, signal) =>
        a.helpDeskAction({ delegateId, action: c.action, reason: c.reason.trim() }, { signal }),
      );
      this.send({ type: 'CONFIRM_OK', delegate });
      this.emit('pep-help-desk-action', { action: c.action, delegate });
      // The notice is announced; focus goes back to the page's heading (the button that was
      // pressed may not apply any more), and the activity shows the action.
      this.#focusNext = () => this.renderRoot.querySelector('[data-step-heading]');
      this.renderRoot.querySelector<PepActivityLog>('pep-activity-log')?.load?.();
    } catch (err) {
      const error = err as AdapterError;
      if (this.ignoreAbort(error)) return;
      this.send({ type: 'CONFIRM_FAIL', error });
      if (this.state.confirm?.error)
        this.#focusNext = () => this.renderRoot.querySelector('#reason');
    }
  }

  protected retry(): void {
    const r = this.state.retry;
    if (r?.type === 'CHECK') void this.check();
    else if (r?.type === 'SEARCH') void this.search();
    else if (r?.type === 'OPEN') void this.open(r.delegateId);
    else if (r?.type === 'CONFIRM') void this.confirm();
  }

  /** @internal */
  name(d: DelegateSummary): string {
    return `${d.firstName} ${d.lastName}`;
  }

  /** @internal */
  statusText(d: DelegateSummary): string {
    if (d.status === 'locked' && d.lockedUntil)
      return this.t('delegate-admin.status.locked-until', {
        time: this.formatDateTime(d.lockedUntil),
      });
    return this.t(`delegate-admin.status.${d.status}`);
  }

  protected override render(): TemplateResult {
    const s = this.state;
    return html`<div class="card" aria-busy=${s.view === 'checking' ? 'true' : 'false'}>
      ${this.renderView()}
    </div>`;
  }

  protected renderView(): TemplateResult {
    switch (this.state.view) {
      case 'checking':
        return this.renderChecking();
      case 'forbidden':
        return html`${stepHeading(this.t('delegate-admin.forbidden.title'))}
          <p part="forbidden">${this.t('delegate-admin.forbidden.text')}</p>`;
      case 'signed-out':
        return html`${stepHeading(this.t('delegate-admin.signed-out.title'))}
          <p>${this.t('delegate-admin.signed-out.text')}</p>
          ${this.loginHref
            ? html`<p>
                <a part="login-link" href=${this.loginHref}>${this.t('delegate-admin.login')}</a>
              </p>`
            : nothing}`;
      case 'search':
        return this.renderSearch();
      case 'delegate':
        return this.renderDelegate();
    }
  }

  /** @internal (for the delegate's page) */
  fieldError(field: string, reason: string): string {
    return this.fieldText(field, reason);
  }

  /** @internal (for the delegate's page) */
  dateTime(ms: number): string {
    return this.formatDateTime(ms);
  }

  /** A delegate's page: loading (or its failure), else the page module's. */
  protected renderDelegate(): TemplateResult {
    const s = this.state;
    const back = html`<button
      type="button"
      class="link back"
      part="secondary-button"
      aria-disabled=${s.confirm?.submitting ? 'true' : 'false'}
      @click=${() => this.back()}
    >
      ${this.t('delegate-admin.back')}
    </button>`;
    if (s.delegate && page) return page.renderDelegatePage(this, s.delegate, back);
    return html`${back}${this.renderErrors()}
    ${s.error
      ? nothing
      : html`<p>
          <span class="spinner" aria-hidden="true"></span>${this.t('delegate-admin.loading')}
        </p>`}`;
  }

  /** @internal */
  renderErrors(): TemplateResult {
    const s = this.state;
    return errorRegion({
      message: s.error ? this.errorMessage(s.error) : null,
      key: s.error,
      retry:
        isRetryable(s.error) && s.retry
          ? { label: this.t('common.retry'), onRetry: () => this.retry() }
          : null,
    });
  }

  protected renderChecking(): TemplateResult {
    return html`${this.renderErrors()}
    ${this.state.error
      ? nothing
      : html`<p>
          <span class="spinner" aria-hidden="true"></span>${this.t('delegate-admin.checking')}
        </p>`}`;
  }

  protected renderSearch(): TemplateResult {
    const s = this.state;
    return html`${stepHeading(this.t('delegate-admin.title'))}
      <form
        part="form"
        role="search"
        novalidate
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.search();
        }}
      >
        ${textField({
          id: 'query',
          label: this.t('delegate-admin.query'),
          hint: this.t('delegate-admin.query.hint'),
          value: s.query,
          type: 'text',
          autocomplete: 'off',
          spellcheck: false,
          autocapitalize: 'off',
          maxlength: 100,
          required: true,
          error: s.queryError ? this.fieldText('query', s.queryError) : null,
          onInput: (query) => this.send({ type: 'QUERY', query }),
        })}
        <button
          type="submit"
          class="primary"
          part="submit-button"
          aria-disabled=${s.searching ? 'true' : 'false'}
        >
          ${s.searching
            ? html`<span class="spinner" aria-hidden="true"></span>${this.t(
                  'delegate-admin.searching',
                )}`
            : this.t('delegate-admin.search')}
        </button>
      </form>
      ${this.renderErrors()}
      <div role="status" part="status" class="notice-region">
        ${s.results && !s.searching
          ? html`<p>
              ${s.results.delegates.length === 1
                ? this.t('delegate-admin.results-one')
                : this.t('delegate-admin.results-count', { count: s.results.delegates.length })}
            </p>`
          : nothing}
      </div>
      ${this.renderResults()}`;
  }

  protected renderResults(): TemplateResult | typeof nothing {
    const r = this.state.results;
    if (!r) return nothing;
    if (r.delegates.length === 0)
      return html`<p part="empty">${this.t('delegate-admin.empty', { query: r.query })}</p>`;
    return html`<h3 class="results-title">${this.t('delegate-admin.results')}</h3>
      <ul class="results" part="results" aria-busy=${this.state.searching ? 'true' : 'false'}>
        ${r.delegates.map(
          (d) =>
            html`<li>
              <button
                type="button"
                class="result"
                part="result"
                data-id=${d.id}
                @click=${() => void this.open(d.id)}
              >
                <span class="result-name">${this.name(d)}</span>
                <span class="result-facts"
                  >${d.username} · ${d.email} · ${formatUsMobile(d.mobile)}</span
                >
                <span class="status" data-status=${d.status}>${this.statusText(d)}</span>
              </button>
            </li>`,
        )}
      </ul>`;
  }
}

declare module '../../base/events.js' {
  interface PepEventMap {
    /** An Internet Help Desk action on a delegate succeeded. */
    'pep-help-desk-action': { action: HelpDeskActionName; delegate: DelegateDetail };
  }
}
declare global {
  interface HTMLElementEventMap {
    'pep-help-desk-action': CustomEvent<{ action: HelpDeskActionName; delegate: DelegateDetail }>;
  }
}
