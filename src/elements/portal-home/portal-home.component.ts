import {
  html,
  nothing,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import { PepElement } from '../../base/pep-element.js';
import { formStyles, tokens } from '../../base/styles.js';
import type { AdapterError } from '../../adapter/errors.js';
import type { Session } from '../../adapter/types.js';
import { formatUsMobile } from '../../core/phone.js';
import { formatDuration } from '../../i18n/duration.js';
import type { Catalogue } from '../../i18n/format.js';
import { statesEn } from '../../i18n/states.en.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { sharedStyles } from '../../shared/styles.js';
import type { PortalConfig, PortalLink, PortalLinkGroup, PortalText } from './portal-config.js';
import {
  initialPortalHomeState,
  portalHomeTransition,
  type PortalHomeEvent,
  type PortalHomeState,
  type PortalView,
} from './portal-home.machine.js';
import type { Timers } from '../../core/clock.js';
import { portalHomeEn } from './portal-home.messages.js';
import { portalHomeStyles } from './portal-home.styles.js';

/** Why `<pep-portal-home>` signed the user out. */
export type LogoutReason = 'logout' | 'idle';

/**
 * The timers the idle timeout is scheduled with (`setTimeout` / `clearTimeout` by default); tests
 * pass manual ones together with a manual `now`.
 */
export type IdleTimers = Timers;

declare module '../../base/events.js' {
  interface PepEventMap {
    /**
     * The element signed the user out: `reason` `logout` (Logout) or `idle` (the idle timeout
     * ran out, or the session was found ended when Stay signed in asked for it).
     */
    'pep-logged-out': { username: string; reason: LogoutReason };
    /** There is no session (never signed in or expired): the host should show its login. */
    'pep-session-missing': Record<string, never>;
    /**
     * The user picked a view (navigation or user menu), before it shows. Cancelable: a host that
     * routes calls `preventDefault()` and sets `view` itself.
     */
    'pep-view-change': { view: PortalView };
  }
}

declare global {
  interface HTMLElementEventMap {
    'pep-logged-out': CustomEvent<{ username: string; reason: LogoutReason }>;
    'pep-session-missing': CustomEvent<Record<string, never>>;
    'pep-view-change': CustomEvent<{ view: PortalView }>;
  }
}

const catalogue: Catalogue = { ...portalHomeEn, ...statesEn };

type Ready = Extract<PortalHomeState, { status: 'ready' }>;

const browserTimers: IdleTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The warning opens this long before the idle timeout. */
const WARN_BEFORE_MS = 2 * 60_000;
/** Longest delay `setTimeout` takes; a later moment is reached in steps. */
const MAX_DELAY_MS = 2 ** 31 - 1;

const VIEWS: readonly string[] = ['home', 'information', 'hierarchy', 'quote'];

/** Only these URL schemes (or relative URLs) are rendered as links. */
const SAFE_HREF = /^(?:https?:|mailto:|tel:|[#/.?]|[^:]*$)/i;

/** When the session ends, and whether that is the idle timeout (not the absolute end). */
function sessionEnd(s: Session): { end: number; idle: boolean } {
  const idle = Number.isFinite(s.idleExpiresAt) && s.idleExpiresAt < s.expiresAt;
  return { end: idle ? s.idleExpiresAt : s.expiresAt, idle };
}

/** The element focused inside shadow roots (where focus goes back when the dialog closes). */
function deepActiveElement(): HTMLElement | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a instanceof HTMLElement ? a : null;
}

function heading(text: string): TemplateResult {
  return html`<h1 data-step-heading tabindex="-1" part="view-heading">${text}</h1>`;
}

/**
 * The authenticated delegate's landing page (spec slides 20–22): a header with the portal name,
 * navigation **Home**, **My Hierarchy**, **Quote & Enroll**, a user menu with **My Information**
 * and **Log Out**, the welcome banner, "Need help?" contacts, Quick Links and resource groups.
 * Every name, link, contact and group comes from `portalConfig`; the session's capabilities
 * decide which links are offered (the others are shown as not available, with the reason).
 *
 * The session comes from the `session` property or, when that is not set, `adapter.getSession()`.
 *
 * **Idle timeout.** Two minutes before the session's `idleExpiresAt` (when that comes before its
 * absolute `expiresAt`), a modal dialog (`role="alertdialog"`) says "You will be signed out
 * soon", with **Stay logged in** (focused; asks `adapter.getSession()`, whose new
 * `idleExpiresAt` starts the count again; a failure is shown in the dialog, with Try again when
 * retryable) and **Log Out**. Escape is Stay logged in: whoever presses a key is there. Closing
 * the dialog returns focus where it was. When the time runs out, the element calls
 * `adapter.logout()`, fires `pep-logged-out` with `reason: 'idle'` and says "You were signed out
 * because you were inactive for 30 minutes." (the session's idle time). At the absolute
 * `expiresAt` it shows the signed-out page (and fires `pep-session-missing`). Times come from
 * `now` and `timers` (injectable).
 *
 * @summary Landing page after login, with My Information, My Hierarchy and Log Out.
 *
 * @fires pep-logged-out - `{ username, reason }` after Log Out (`reason: 'logout'`) or the idle
 * timeout (`reason: 'idle'`) ended the session.
 * @fires pep-session-missing - There is no session: the host should show its login page.
 * **Views in history.** The `view` attribute/property is the view shown (`home`, `information`,
 * `hierarchy` or `quote`; none while signed out): a host sets it from its URL (also before the
 * session has loaded: the page opens there), and listens to `pep-view-change` to put the user's
 * choice in its URL. Setting `view` fires no event.
 *
 * **Languages.** Every {@link PortalText} of `portalConfig` may be `{ en, es }`: it is shown in
 * the widget's active language, in English when it has none for it.
 *
 * @fires pep-view-change - `{ view }`: the user picked `home`, `information`, `hierarchy` or
 * `quote`, before it shows. Cancelable (the view then stays; the host may set `view` itself).
 *
 * @slot information - More of My Information, shown with `<pep-auth-provider passkeys>` (not
 *   to help-desk accounts): `<pep-passkeys slot="information">`, which the host imports (this
 *   page does not load it).
 *
 * @csspart base - The whole page.
 * @csspart header - The header bar.
 * @csspart portal-name - The portal name in the header.
 * @csspart nav - The main navigation.
 * @csspart nav-item - A navigation button (the current one has `aria-current="page"`).
 * @csspart menu-button - The user menu button (`aria-expanded`).
 * @csspart menu - The user menu list.
 * @csspart menu-item - My Information / Log Out.
 * @csspart activity - My Information's Recent activity (`<pep-activity-log>`, loaded there).
 * @csspart content - The area below the header.
 * @csspart view-heading - The heading of the current view (receives focus on view change).
 * @csspart banner - The welcome banner.
 * @csspart help - The "Need help?" box.
 * @csspart group - A link group (Quick Links, resources).
 * @csspart link - A configured link.
 * @csspart unavailable - A link not available to this user, with the reason.
 * @csspart error - The always-present `role="alert"` region.
 * @csspart retry-button - "Try again" after a network failure.
 * @csspart idle-dialog - The "You will be logged out soon" dialog.
 * @csspart stay-button - Stay logged in (in the dialog).
 * @csspart idle-logout-button - Log Out (in the dialog).
 * @csspart footer - The footer line.
 *
 * @cssprop --pep-color-primary - Banner, links and the current navigation item.
 * @cssprop --pep-color-on-primary - Text on the banner.
 * @cssprop --pep-color-surface - Page background.
 * @cssprop --pep-color-border - Boxes and header rule.
 * @cssprop --pep-font-family - Font.
 */
export class PepPortalHome extends PepElement {
  static override styles = [tokens, formStyles, sharedStyles, portalHomeStyles];

  static override properties: PropertyDeclarations = {
    portalConfig: { attribute: false },
    session: { attribute: false },
    loginHref: { attribute: 'login-href' },
    view: { reflect: true },
  };

  static {
    this.states('state');
  }

  /**
   * Names, links, contacts and resource groups. (Not called `config`: that is the shared
   * `PepConfig` every pep-* element receives from `<pep-auth-provider>`.)
   */
  portalConfig?: PortalConfig;

  /** The signed-in session; when not set, the element asks `adapter.getSession()`. */
  session?: Session | null;

  /** Where "Go to Log In" points once logged out. */
  loginHref = '';

  /** Timers of the idle timeout (with `now`); unset: `setTimeout`. Tests may replace them. */
  timers?: IdleTimers;

  private state: PortalHomeState = initialPortalHomeState;

  protected override get catalogue(): Catalogue {
    return catalogue;
  }

  #loading = false;

  /**
   * The idle timeout: the timer scheduled (and for when), the session seen and the longest idle
   * time one gave (ms: "inactive for 30 minutes"), where focus was before the dialog.
   */
  #idle: {
    handle?: unknown;
    at?: number;
    session?: Session;
    idleMs: number;
    returnFocus?: HTMLElement | null;
  } = { idleMs: 0 };

  /** The view asked for (by the host or the user): where the page opens once signed in. */
  #want?: PortalView;

  /**
   * The view shown: `home`, `information`, `hierarchy` or `quote` (null until signed in). Set it
   * (or the `view` attribute) to show a view, e.g. from the host's URL; no event fires.
   */
  get view(): PortalView | null {
    return this.state.status === 'ready' ? this.state.view : null;
  }

  set view(view: PortalView | null) {
    if (view && VIEWS.includes(view)) this.show(view);
  }

  /** Show a view (same as setting `view`). */
  show(view: PortalView): void {
    this.#want = view;
    this.send({ type: 'NAVIGATE', view });
  }

  /** The user picked a view: `pep-view-change` first (a host may cancel it), then show it. */
  #pick(view: PortalView): void {
    if (this.view === view || this.emit('pep-view-change', { view }, true)) this.show(view);
    else this.send({ type: 'CLOSE_MENU' });
  }

  /** A configured text in the active language (English when it has none for it). */
  #text(text: PortalText | undefined): string {
    return typeof text === 'object'
      ? ((text as Partial<Record<string, string>>)[this.intlLocale?.split('-')[0] ?? ''] ?? text.en)
      : (text ?? '');
  }

  private send(event: PortalHomeEvent): void {
    const before = this.state;
    const was = this.view;
    const after = portalHomeTransition(before, event);
    if (after === before) return;
    this.state = after;
    // (The `view` attribute follows.)
    if (this.view !== was) this.requestUpdate('view', was);
    if (after.status === 'ready' && was && after.view !== was) void this.focusHeading();
    if (after.status === 'signed-out' && before.status !== 'signed-out') {
      if (!after.loggedOut) this.emit('pep-session-missing', {});
      void this.focusHeading();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') && this.session !== undefined) {
      this.send({ type: 'SESSION', session: this.session, view: this.#want });
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.state.status === 'loading' && this.session === undefined && this.adapter)
      void this.#load();
    // The idle timeout (signed-in page only): schedule, warn, end; stopped once signed out.
    this.#syncIdle();
    // My Information's Recent activity: `<pep-activity-log>`, a chunk of its own.
    if (this.state.status === 'ready' && this.state.view === 'information')
      void import('../activity-log/pep-activity-log.js').catch(() => undefined);
  }

  async #load(): Promise<void> {
    if (this.#loading) return;
    this.#loading = true;
    try {
      const session = await this.call((a, signal) => a.getSession({ signal }));
      this.send({ type: 'SESSION', session, view: this.#want });
    } catch (err) {
      const error = err as AdapterError;
      if (error.code === 'NOT_AUTHENTICATED') this.send({ type: 'SESSION', session: null });
      else if (error.code !== 'ABORTED') this.send({ type: 'LOAD_FAILED', error });
    } finally {
      this.#loading = false;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-inserted after being removed mid-load (the call was abandoned): `updated` loads again.
    if (this.hasUpdated && this.state.status === 'loading' && !this.calling) this.requestUpdate();
    // Re-inserted while signed in: `updated` schedules the idle timeout again.
    if (this.hasUpdated && this.state.status === 'ready') this.requestUpdate();
    document.addEventListener('click', this.#onDocumentClick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('click', this.#onDocumentClick);
    this.#stopIdle();
  }

  /** A click outside the user menu closes it. */
  #onDocumentClick = (e: MouseEvent): void => {
    const menu = this.renderRoot.querySelector('.user-menu');
    if (menu && !e.composedPath().includes(menu)) this.send({ type: 'CLOSE_MENU' });
  };

  override render(): TemplateResult {
    const p = this.state;
    switch (p.status) {
      case 'loading':
        return this.renderLoading();
      case 'failed':
        return this.renderFailed(p.error, () => this.send({ type: 'LOAD' }));
      case 'signed-out':
        return html`<div class="page" part="base">
          <div class="content" part="content">
            ${heading(this.t('portal-home.signed-out-title'))}
            <p role="status">
              ${p.idleMinutes !== undefined
                ? this.t('portal-home.idle-signed-out', {
                    duration: formatDuration(p.idleMinutes * 60_000, this.intlLocale),
                  })
                : this.t(p.loggedOut ? 'portal-home.logged-out' : 'portal-home.signed-out')}
            </p>
            ${this.loginHref
              ? html`<p>
                  <a href=${this.loginHref} part="link">${this.t('portal-home.login-link')}</a>
                </p>`
              : nothing}
            ${errorRegion({})}
          </div>
        </div>`;
      case 'ready':
        return this.renderReady(p);
    }
  }

  private renderLoading(): TemplateResult {
    return html`<div class="page" part="base">
      <div class="content" part="content" role="status">
        <p><span class="spinner" aria-hidden="true"></span>${this.t('portal-home.loading')}</p>
      </div>
      ${errorRegion({})}
    </div>`;
  }

  private renderFailed(error: AdapterError, retry: () => void): TemplateResult {
    return html`<div class="page" part="base">
      <div class="content" part="content">${this.#errorRegion(error, retry)}</div>
    </div>`;
  }

  /** The error region with `error` (if any), and Try again running `retry` when it may help. */
  #errorRegion(
    error: AdapterError | null | undefined,
    retry: () => void,
    id?: string,
  ): TemplateResult {
    return errorRegion({
      id,
      message: error ? this.errorMessage(error) : null,
      key: error,
      retry: isRetryable(error) ? { label: this.t('common.retry'), onRetry: retry } : null,
    });
  }

  async #logout(): Promise<void> {
    if (this.state.status !== 'ready') return;
    const username = this.state.session.user.username;
    const before = this.state;
    this.send({ type: 'LOGOUT' });
    if (this.state === before) return;
    try {
      await this.call((a, signal) => a.logout({ signal }));
      this.send({ type: 'LOGGED_OUT' });
      this.emit('pep-logged-out', { username, reason: 'logout' });
    } catch (err) {
      const error = err as AdapterError;
      if (!this.ignoreAbort(error)) this.send({ type: 'LOGOUT_FAILED', error });
    }
  }

  // ---- The idle timeout ----------------------------------------------------------------------

  get #timers(): IdleTimers {
    return this.timers ?? browserTimers;
  }

  #schedule(at: number): void {
    const c = this.#idle;
    if (c.handle !== undefined && c.at === at) return;
    if (c.handle !== undefined) this.#timers.clearTimeout(c.handle);
    c.at = at;
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, at - this.now()));
    c.handle = this.#timers.setTimeout(() => {
      c.handle = undefined;
      this.#syncIdle();
    }, delay);
  }

  /** Stop the idle timer (signed out, or the element was removed). */
  #stopIdle(): void {
    const c = this.#idle;
    if (c.handle !== undefined) this.#timers.clearTimeout(c.handle);
    c.handle = undefined;
  }

  /**
   * After each render and when the timer fires: compare the session's end with the clock;
   * schedule the warning or the end, open or close the dialog, or sign out.
   */
  #syncIdle(): void {
    const c = this.#idle;
    const p = this.state;
    if (p.status !== 'ready' || p.loggingOut || !this.isConnected) {
      this.#stopIdle();
      this.#syncDialog();
      return;
    }
    const now = this.now();
    const { end, idle } = sessionEnd(p.session);
    if (c.session !== p.session) {
      c.session = p.session;
      if (idle) c.idleMs = Math.max(c.idleMs, end - now);
    }
    if (now >= end) {
      this.#stopIdle();
      // A Stay signed in in flight decides (its answer renders, and this runs again).
      if (!p.idle?.renewing) {
        if (idle) void this.#timeOut();
        else this.send({ type: 'EXPIRED' });
      }
      return;
    }
    if (idle && now >= end - WARN_BEFORE_MS) {
      this.send({ type: 'IDLE_WARN' });
      this.#schedule(end);
    } else {
      this.send({ type: 'IDLE_DISMISS' });
      this.#schedule(idle ? end - WARN_BEFORE_MS : end);
    }
    this.#syncDialog();
  }

  /** The idle minutes to report: the longest idle time a session gave, in whole minutes. */
  get #idleMinutes(): number {
    return Math.max(1, Math.round(this.#idle.idleMs / 60_000));
  }

  /** Signed out by the idle timeout: end the session (whatever the answer) and say why. */
  async #timeOut(): Promise<void> {
    if (this.state.status !== 'ready') return;
    const username = this.state.session.user.username;
    this.send({ type: 'LOGOUT' });
    try {
      await this.call((a, signal) => a.logout({ signal }));
    } catch (err) {
      // The backend ends an idle session on its next use anyway: the page signs out regardless.
      if (this.ignoreAbort(err as AdapterError)) return;
    }
    this.send({ type: 'LOGGED_OUT', idleMinutes: this.#idleMinutes });
    this.emit('pep-logged-out', { username, reason: 'idle' });
  }

  /** Stay signed in: a call with the session moves its idle end; the new end restarts the timer. */
  async #stay(): Promise<void> {
    const before = this.state;
    this.send({ type: 'STAY' });
    if (this.state === before || before.status !== 'ready') return;
    const username = before.session.user.username;
    let session: Session | null;
    try {
      session = await this.call((a, signal) => a.getSession({ signal }));
    } catch (err) {
      const error = err as AdapterError;
      if (this.ignoreAbort(error)) return;
      if (error.code !== 'NOT_AUTHENTICATED') return this.send({ type: 'RENEW_FAILED', error });
      session = null;
    }
    if (session) return this.send({ type: 'RENEWED', session });
    // The session had already ended.
    this.send({ type: 'RENEW_ENDED', idleMinutes: this.#idleMinutes });
    this.emit('pep-logged-out', { username, reason: 'idle' });
  }

  /** Open the rendered dialog as a modal (remembering focus) or give focus back once it is gone. */
  #syncDialog(): void {
    const c = this.#idle;
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.idle-dialog');
    if (dialog && !dialog.open) {
      // (Opened again after the browser closed it: focus still goes back where it first was.)
      if (c.returnFocus === undefined) c.returnFocus = deepActiveElement();
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[part~="stay-button"]')?.focus();
    } else if (!dialog && c.returnFocus !== undefined) {
      const back = c.returnFocus;
      c.returnFocus = undefined;
      // Signed out: the signed-out page's heading takes focus instead.
      if (this.state.status === 'ready' && !this.state.loggingOut && back?.isConnected)
        back.focus();
    }
  }

  // Escape closes a modal dialog ("cancel"): here it means Stay signed in.
  #onIdleCancel = (e: Event): void => {
    e.preventDefault();
    void this.#stay();
  };

  // A browser may close it without a cancelable "cancel" (a second Escape in a row): the same.
  // (Not a dialog closed because it was removed: the warning it belonged to is over.)
  #onIdleClose = (e: Event): void => {
    const dialog = e.currentTarget as HTMLDialogElement;
    if (dialog.isConnected && this.state.status === 'ready' && this.state.idle) void this.#stay();
  };

  private renderIdleDialog(p: Ready): TemplateResult {
    const idle = p.idle!;
    const { end } = sessionEnd(p.session);
    return html`<dialog
      class="idle-dialog"
      part="idle-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="idle-title"
      aria-describedby="idle-text"
      @cancel=${this.#onIdleCancel}
      @close=${this.#onIdleClose}
    >
      <h2 id="idle-title">${this.t('portal-home.idle-title')}</h2>
      <p id="idle-text">
        ${this.t('portal-home.idle-text', {
          wait: formatDuration(end - this.now(), this.intlLocale),
        })}
      </p>
      ${this.#errorRegion(idle.error, () => void this.#stay(), 'idle-error')}
      <div class="actions">
        <button
          type="button"
          class="primary"
          part="stay-button"
          aria-disabled=${idle.renewing ? 'true' : 'false'}
          @click=${() => void this.#stay()}
        >
          ${idle.renewing
            ? html`<span class="spinner" aria-hidden="true"></span>`
            : nothing}${this.t('portal-home.idle-stay')}
        </button>
        <button
          type="button"
          class="secondary"
          part="idle-logout-button"
          @click=${() => void this.#logout()}
        >
          ${this.t('portal-home.idle-logout')}
        </button>
      </div>
    </dialog>`;
  }

  // ---- The signed-in page --------------------------------------------------------------------

  #onMenuKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || this.state.status !== 'ready' || !this.state.menuOpen) return;
    e.stopPropagation();
    this.send({ type: 'CLOSE_MENU' });
    this.renderRoot.querySelector<HTMLButtonElement>('.menu-button')?.focus();
  };

  #onMenuFocusOut = (e: FocusEvent): void => {
    const menu = e.currentTarget as HTMLElement;
    const next = e.relatedTarget as Node | null;
    if (next && menu.contains(next)) return;
    this.send({ type: 'CLOSE_MENU' });
  };

  private renderReady(p: Ready): TemplateResult {
    const cfg = this.portalConfig;
    const user = p.session.user;
    const name = `${user.firstName} ${user.lastName}`;
    const navItem = (view: PortalView, key: string) =>
      html`<li>
        <button
          type="button"
          class="nav-item"
          part="nav-item"
          aria-current=${p.view === view ? 'page' : nothing}
          @click=${() => this.#pick(view)}
        >
          ${this.t(key)}
        </button>
      </li>`;
    return html`<div class="page" part="base">
      <header part="header">
        <span class="portal-name" part="portal-name">${this.#text(cfg?.portalName)}</span>
        <div class="user-menu" @keydown=${this.#onMenuKeydown} @focusout=${this.#onMenuFocusOut}>
          <button
            type="button"
            class="menu-button"
            part="menu-button"
            aria-expanded=${p.menuOpen ? 'true' : 'false'}
            aria-controls="user-menu"
            @click=${() => this.send({ type: 'TOGGLE_MENU' })}
          >
            ${name}<span class="caret" aria-hidden="true">▾</span>
          </button>
          <ul id="user-menu" class="menu" part="menu" ?hidden=${!p.menuOpen}>
            <li>
              <button
                type="button"
                part="menu-item"
                aria-current=${p.view === 'information' ? 'page' : nothing}
                @click=${() => this.#pick('information')}
              >
                ${this.t('portal-home.menu.information')}
              </button>
            </li>
            <li>
              <button
                type="button"
                part="menu-item"
                data-action="logout"
                aria-disabled=${p.loggingOut ? 'true' : 'false'}
                @click=${() => void this.#logout()}
              >
                ${p.loggingOut
                  ? html`<span class="spinner" aria-hidden="true"></span>${this.t(
                        'portal-home.logging-out',
                      )}`
                  : this.t('portal-home.menu.logout')}
              </button>
            </li>
          </ul>
        </div>
        <nav aria-label=${this.t('portal-home.nav-label')} part="nav">
          <ul>
            ${navItem('home', 'portal-home.nav.home')}
            ${navItem('hierarchy', 'portal-home.nav.hierarchy')}
            ${navItem('quote', 'portal-home.nav.quote')}
          </ul>
        </nav>
      </header>
      ${this.#errorRegion(p.error, () => void this.#logout())}
      <div class="content" part="content">${this.renderView(p)}</div>
      ${cfg?.footerText
        ? html`<footer part="footer">${this.#text(cfg.footerText)}</footer>`
        : nothing}
      ${p.idle ? this.renderIdleDialog(p) : nothing}
    </div>`;
  }

  private renderView(p: Ready): TemplateResult {
    switch (p.view) {
      case 'home':
        return this.renderHome(p);
      case 'information':
        return this.renderInformation(p);
      case 'hierarchy':
        return this.renderHierarchy(p);
      case 'quote':
        return this.renderQuote(p);
    }
  }

  private renderHome(p: Ready): TemplateResult {
    const cfg = this.portalConfig;
    const user = p.session.user;
    return html`<section class="banner" part="banner">
        ${heading(this.#text(cfg?.welcomeTitle))}
        ${cfg?.welcomeText ? html`<p>${this.#text(cfg.welcomeText)}</p>` : nothing}
        <p class="greeting">${user.firstName} ${user.lastName}</p>
      </section>
      <div class="grid">
        ${cfg ? this.renderHelp(cfg) : nothing}
        ${cfg ? this.renderGroup(p, cfg.quickLinks) : nothing}
        ${(cfg?.resourceGroups ?? []).map((g) => this.renderGroup(p, g))}
      </div>`;
  }

  private renderHelp(cfg: PortalConfig): TemplateResult {
    return html`<section class="box" part="help" aria-labelledby="help-title">
      <h2 id="help-title">${this.#text(cfg.helpTitle)}</h2>
      <ul class="contacts">
        ${cfg.contacts.map(
          (c) =>
            html`<li>
              ${this.#text(c.label)}
              <a
                part="link"
                href=${c.kind === 'email'
                  ? `mailto:${c.value}`
                  : `tel:${c.value.replace(/[^\d+]/g, '')}`}
                >${c.value}</a
              >${c.note ? html` <span class="hint">${this.#text(c.note)}</span>` : nothing}
            </li>`,
        )}
      </ul>
      ${cfg.reportIssueHref
        ? html`<p>
            <a part="link" href=${cfg.reportIssueHref}>${this.t('portal-home.report-issue')}</a>
          </p>`
        : nothing}
    </section>`;
  }

  private renderGroup(p: Ready, g: PortalLinkGroup): TemplateResult {
    return html`<section class="box" part="group" aria-labelledby=${`group-${g.id}`}>
      <h2 id=${`group-${g.id}`}>${this.#text(g.title)}</h2>
      <ul class="links">
        ${g.links.map((l) => this.renderLink(p, l))}
      </ul>
    </section>`;
  }

  private renderLink(p: Ready, l: PortalLink): TemplateResult {
    const label = this.#text(l.label);
    if (l.requires && !p.session.capabilities[l.requires]) {
      const note = l.unavailableNote
        ? this.#text(l.unavailableNote)
        : this.t(`portal-home.unavailable.${l.requires}`, {
            portal: this.#text(this.portalConfig?.portalName),
          });
      const badge =
        p.session.user.role === 'delegate'
          ? this.t('portal-home.not-available')
          : this.t('portal-home.not-available-generic');
      return html`<li class="unavailable" part="unavailable" data-capability=${l.requires}>
        <span class="label">${label}</span><span class="badge">${badge}</span>
        <p class="hint">${note}</p>
      </li>`;
    }
    if (!SAFE_HREF.test(l.href.trim())) return html`<li><span class="label">${label}</span></li>`;
    return html`<li>
      ${l.external
        ? html`<a part="link" href=${l.href} target="_blank" rel="noopener noreferrer"
            >${label}<span class="visually-hidden"> ${this.t('portal-home.new-tab')}</span></a
          >`
        : html`<a part="link" href=${l.href}>${label}</a>`}
      ${l.description ? html`<p class="hint">${this.#text(l.description)}</p>` : nothing}
    </li>`;
  }

  private renderInformation(p: Ready): TemplateResult {
    const u = p.session.user;
    return html`${heading(this.t('portal-home.information.title'))}
      <dl part="profile">
        <dt>${this.t('portal-home.information.name')}</dt>
        <dd>${u.firstName} ${u.lastName}</dd>
        <dt>${this.t('portal-home.information.username')}</dt>
        <dd>${u.username}</dd>
        <dt>${this.t('portal-home.information.email')}</dt>
        <dd>${u.email}</dd>
        <dt>${this.t('portal-home.information.mobile')}</dt>
        <dd>${formatUsMobile(u.mobile)}</dd>
        <dt>${this.t('portal-home.information.states')}</dt>
        <dd>${u.states.map((s) => this.t(`state.${s}`)).join(', ')}</dd>
        <dt>${this.t('portal-home.information.role')}</dt>
        <dd>${this.t(`portal-home.role.${u.role}`)}</dd>
      </dl>
      ${this.config.passkeys && u.role !== 'help-desk'
        ? html`<slot name="information"></slot>`
        : nothing}
      <pep-activity-log
        part="activity"
        heading-level="2"
        .adapter=${this.adapter}
        .config=${this.config}
        .messages=${this.messages}
      ></pep-activity-log>`;
  }

  private renderHierarchy(p: Ready): TemplateResult {
    const u = p.session.user;
    const producer = u.producer;
    return html`${heading(this.t('portal-home.hierarchy.title'))}
      <section class="box" aria-labelledby="producer-title">
        <h2 id="producer-title">${this.t('portal-home.hierarchy.producer')}</h2>
        ${producer
          ? html`<dl part="producer">
              <dt>${this.t('portal-home.information.name')}</dt>
              <dd>${producer.firstName} ${producer.lastName}</dd>
              <dt>${this.t('portal-home.hierarchy.producer-id')}</dt>
              <dd>${producer.producerId}</dd>
              <dt>${this.t('portal-home.information.username')}</dt>
              <dd>${producer.username}</dd>
            </dl>`
          : html`<p>${this.t('portal-home.hierarchy.no-producer')}</p>`}
      </section>
      <section class="box" aria-labelledby="states-title">
        <h2 id="states-title">${this.t('portal-home.hierarchy.states')}</h2>
        <ul part="states">
          ${u.states.map((s) => html`<li data-state=${s}>${this.t(`state.${s}`)} (${s})</li>`)}
        </ul>
      </section>`;
  }

  private renderQuote(p: Ready): TemplateResult {
    return html`${heading(this.t('portal-home.quote.title'))}
      <ul class="links" part="group">
        ${(this.portalConfig?.quoteEnroll ?? []).map((l) => this.renderLink(p, l))}
      </ul>`;
  }
}
