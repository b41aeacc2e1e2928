import {
  html,
  nothing,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import { PepElement } from '../../base/pep-element.js';
import { lazyModule } from '../../base/lazy.js';
import { formStyles, tokens } from '../../base/styles.js';
import { toAdapterError, type AdapterError } from '../../adapter/errors.js';
import type { Session } from '../../adapter/types.js';
import type { Catalogue } from '../../i18n/format.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { sharedStyles } from '../../shared/styles.js';
import type { PortalConfig } from './portal-config.js';
import {
  initialPortalHomeState,
  transition,
  type PortalHomeEvent,
  type PortalHomeState,
  type PortalView,
} from './portal-home.machine.js';
import { portalHomeStatusEn } from './portal-home.status.messages.js';
import { portalHomeStyles } from './portal-home.styles.js';

/** Why `<pep-portal-home>` signed the user out. */
export type LogoutReason = 'logout' | 'idle';

/**
 * The timers the idle timeout is scheduled with (`setTimeout` / `clearTimeout` by default); tests
 * pass manual ones together with a manual `now`.
 */
export interface IdleTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

declare module '../../base/events.js' {
  interface PepEventMap {
    /**
     * The element signed the user out: `reason` `logout` (Logout) or `idle` (the idle timeout
     * ran out, or the session was found ended when Stay signed in asked for it).
     */
    'pep-logged-out': { username: string; reason: LogoutReason };
    /** There is no session (never signed in or expired): the host should show its login. */
    'pep-session-missing': Record<string, never>;
    /** The page switched to another view. */
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

/**
 * The signed-in page is not part of what a host loads first: a chunk of its own, fetched in the
 * background once the element has rendered (while the session is being read); until it is
 * there, the element shows "Loading your session…".
 */
let catalogue: Catalogue = portalHomeStatusEn;
const page = lazyModule(() =>
  import('./portal-home.page.js').then((m) => {
    catalogue = { ...portalHomeStatusEn, ...m.portalHomePageEn, ...m.personEn };
    return m;
  }),
);

/**
 * The authenticated delegate's landing page (spec slides 20–22): a header with the portal name,
 * navigation **Home**, **My Hierarchy**, **Quote & Enroll**, a user menu with **My Information**
 * and **Logout**, the welcome banner, "Need help?" contacts, Quick Links and resource groups.
 * Every name, link, contact and group comes from `portalConfig`; the session's capabilities
 * decide which links are offered (the others are shown as not available, with the reason).
 *
 * The session comes from the `session` property or, when that is not set, `adapter.getSession()`.
 *
 * **Idle timeout.** Two minutes before the session's `idleExpiresAt` (when that comes before its
 * absolute `expiresAt`), a modal dialog (`role="alertdialog"`) says "You will be signed out
 * soon", with **Stay signed in** (focused; asks `adapter.getSession()`, whose new
 * `idleExpiresAt` starts the count again; a failure is shown in the dialog, with Try again when
 * retryable) and **Log Out**. Escape is Stay signed in: whoever presses a key is there. Closing
 * the dialog returns focus where it was. When the time runs out, the element calls
 * `adapter.logout()`, fires `pep-logged-out` with `reason: 'idle'` and says "You were signed out
 * because you were inactive for 30 minutes." (the session's idle time). At the absolute
 * `expiresAt` it shows the signed-out page (and fires `pep-session-missing`). Times come from
 * `now` and `timers` (injectable).
 *
 * @summary Landing page after login, with My Information, My Hierarchy and Logout.
 *
 * @fires pep-logged-out - `{ username, reason }` after Logout (`reason: 'logout'`) or the idle
 * timeout (`reason: 'idle'`) ended the session.
 * @fires pep-session-missing - There is no session: the host should show its login page.
 * @fires pep-view-change - `{ view }` with `home`, `information`, `hierarchy` or `quote`.
 *
 * @csspart base - The whole page.
 * @csspart header - The header bar.
 * @csspart portal-name - The portal name in the header.
 * @csspart nav - The main navigation.
 * @csspart nav-item - A navigation button (the current one has `aria-current="page"`).
 * @csspart menu-button - The user menu button (`aria-expanded`).
 * @csspart menu - The user menu list.
 * @csspart menu-item - My Information / Logout.
 * @csspart content - The area below the header.
 * @csspart view-heading - The heading of the current view (receives focus on view change).
 * @csspart banner - The welcome banner.
 * @csspart help - The "Need help?" box.
 * @csspart group - A link group (Quick Links, resources).
 * @csspart link - A configured link.
 * @csspart unavailable - A link not available to this user, with the reason.
 * @csspart error - The always-present `role="alert"` region.
 * @csspart retry-button - "Try again" after a network failure.
 * @csspart idle-dialog - The "You will be signed out soon" dialog.
 * @csspart stay-button - Stay signed in (in the dialog).
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
  };

  static {
    this.states('page');
  }

  /**
   * Names, links, contacts and resource groups. (Not called `config`: that is the shared
   * `PepConfig` every pep-* element receives from `<pep-auth-provider>`.)
   */
  portalConfig?: PortalConfig;

  /** The signed-in session; when not set, the element asks `adapter.getSession()`. */
  session?: Session | null;

  /** Where "Go to Login" points once signed out. */
  loginHref = '';

  /** Timers of the idle timeout (with `now`); unset: `setTimeout`. Tests may replace them. */
  timers?: IdleTimers;

  private page: PortalHomeState = initialPortalHomeState;

  protected override get catalogue(): Catalogue {
    return catalogue;
  }

  #loading = false;
  #fetching = false;
  /** The signed-in page's module could not be fetched (offline): Try again fetches it again. */
  #pageError: AdapterError | null = null;

  /** The view shown: `home`, `information`, `hierarchy` or `quote` (when signed in). */
  get view(): PortalView | null {
    return this.page.status === 'ready' ? this.page.view : null;
  }

  /** Show a view (same as choosing it in the navigation or the user menu). */
  show(view: PortalView): void {
    this.dispatch({ type: 'NAVIGATE', view });
  }

  private dispatch(event: PortalHomeEvent): void {
    this.moveTo(transition(this.page, event));
  }

  /** Show `after` (also the page's menu and Logout states, from `portal-home.page.ts`). */
  private moveTo(after: PortalHomeState): void {
    const before = this.page;
    if (after === before) return;
    this.page = after;
    if (after.status === 'ready' && before.status === 'ready' && after.view !== before.view) {
      this.emit('pep-view-change', { view: after.view });
      void this.focusHeading();
    }
    if (after.status === 'signed-out' && before.status !== 'signed-out') {
      if (!after.loggedOut) this.emit('pep-session-missing', {});
      void this.focusHeading();
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') && this.session !== undefined) {
      this.dispatch({ type: 'SESSION', session: this.session });
    }
  }

  protected override firstUpdated(): void {
    page.prefetch();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.page.status === 'ready' && !page.get() && !this.#pageError && !this.#fetching) {
      this.#fetching = true;
      void this.settle(page.load())
        .catch((err: unknown) => {
          this.#pageError = toAdapterError(err);
        })
        .finally(() => {
          this.#fetching = false;
          this.requestUpdate();
        });
    }
    if (this.page.status === 'loading' && this.session === undefined && this.adapter)
      void this.#load();
    // The idle timeout (signed-in page only): schedule, warn, end; stopped once signed out.
    page.get()?.syncIdle(this);
  }

  async #load(): Promise<void> {
    if (this.#loading) return;
    this.#loading = true;
    try {
      const session = await this.call((a, signal) => a.getSession({ signal }));
      this.dispatch({ type: 'SESSION', session });
    } catch (err) {
      const error = err as AdapterError;
      if (error.code === 'NOT_AUTHENTICATED') this.dispatch({ type: 'SESSION', session: null });
      else if (error.code !== 'ABORTED') this.dispatch({ type: 'LOAD_FAILED', error });
    } finally {
      this.#loading = false;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-inserted after being removed mid-load (the call was abandoned): `updated` loads again.
    if (this.hasUpdated && this.page.status === 'loading' && !this.calling) this.requestUpdate();
    // Re-inserted while signed in: `updated` schedules the idle timeout again.
    if (this.hasUpdated && this.page.status === 'ready') this.requestUpdate();
    document.addEventListener('click', this.#onDocumentClick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('click', this.#onDocumentClick);
    page.get()?.stopIdle(this);
  }

  // The user menu is part of the signed-in page (and so is closing it on a click outside).
  #onDocumentClick = (e: MouseEvent): void => page.get()?.onDocumentClick(this, e);

  override render(): TemplateResult {
    const p = this.page;
    switch (p.status) {
      case 'loading':
        return this.renderLoading();
      case 'failed':
        return this.renderFailed(p.error, () => this.dispatch({ type: 'LOAD' }));
      case 'signed-out':
        return html`<div class="page" part="base">
          <div class="content" part="content">
            <h1 data-step-heading tabindex="-1" part="view-heading">
              ${this.t('portal-home.signed-out-title')}
            </h1>
            <p role="status">
              ${p.idleMinutes !== undefined
                ? // Signed out by the idle timeout: only ever from the signed-in page (loaded).
                  page.get()?.idleSignedOutText(this, p.idleMinutes)
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
      case 'ready': {
        const m = page.get();
        if (m) return m.renderReady(this, p);
        // The page module is still on its way (see `updated`), or could not be fetched.
        const error = this.#pageError;
        return error
          ? this.renderFailed(error, () => {
              this.#pageError = null;
              this.requestUpdate();
            })
          : this.renderLoading();
      }
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
      <div class="content" part="content">
        ${errorRegion({
          message: this.errorMessage(error),
          key: error,
          retry: isRetryable(error) ? { label: this.t('common.retry'), onRetry: retry } : null,
        })}
      </div>
    </div>`;
  }
}
