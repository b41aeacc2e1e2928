import {
  html,
  nothing,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import { personEn } from '../../i18n/person.en.js';
import { PepElement } from '../../base/pep-element.js';
import { formStyles, tokens } from '../../base/styles.js';
import type { AdapterError } from '../../adapter/errors.js';
import type { Session } from '../../adapter/types.js';
import { formatUsMobile } from '../../core/display.js';
import type { Catalogue } from '../../i18n/format.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import { sharedStyles } from '../../shared/styles.js';
import type { PortalConfig, PortalLink, PortalLinkGroup } from './portal-config.js';
import {
  initialPortalHomeState,
  transition,
  type PortalHomeEvent,
  type PortalHomeState,
  type PortalView,
} from './portal-home.machine.js';
import { portalHomeEn } from './portal-home.messages.js';
import { portalHomeStyles } from './portal-home.styles.js';

declare module '../../base/events.js' {
  interface PepEventMap {
    /** Logout succeeded: the adapter ended the session. */
    'pep-logged-out': { username: string };
    /** There is no session (never signed in or expired): the host should show its login. */
    'pep-session-missing': Record<string, never>;
    /** The page switched to another view. */
    'pep-view-change': { view: PortalView };
  }
}

declare global {
  interface HTMLElementEventMap {
    'pep-logged-out': CustomEvent<{ username: string }>;
    'pep-session-missing': CustomEvent<Record<string, never>>;
    'pep-view-change': CustomEvent<{ view: PortalView }>;
  }
}

/** Only these URL schemes (or relative URLs) are rendered as links. */
const SAFE_HREF = /^(?:https?:|mailto:|tel:|[#/.?]|[^:]*$)/i;

type Ready = Extract<PortalHomeState, { status: 'ready' }>;

/**
 * The authenticated delegate's landing page (spec slides 20–22): a header with the portal name,
 * navigation **Home**, **My Hierarchy**, **Quote & Enroll**, a user menu with **My Information**
 * and **Logout**, the welcome banner, "Need help?" contacts, Quick Links and resource groups.
 * Every name, link, contact and group comes from `portalConfig`; the session's capabilities
 * decide which links are offered (the others are shown as not available, with the reason).
 *
 * The session comes from the `session` property or, when that is not set, `adapter.getSession()`.
 *
 * @summary Landing page after login, with My Information, My Hierarchy and Logout.
 *
 * @fires pep-logged-out - `{ username }` after Logout ended the session through the adapter.
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

  private page: PortalHomeState = initialPortalHomeState;

  protected override readonly catalogue: Catalogue = { ...portalHomeEn, ...personEn };

  #loading = false;

  /** The view shown: `home`, `information`, `hierarchy` or `quote` (when signed in). */
  get view(): PortalView | null {
    return this.page.status === 'ready' ? this.page.view : null;
  }

  /** Show a view (same as choosing it in the navigation or the user menu). */
  show(view: PortalView): void {
    this.#dispatch({ type: 'NAVIGATE', view });
  }

  #dispatch(event: PortalHomeEvent): void {
    const before = this.page;
    const after = transition(before, event);
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
      this.#dispatch({ type: 'SESSION', session: this.session });
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.page.status === 'loading' && this.session === undefined && this.adapter)
      void this.#load();
  }

  async #load(): Promise<void> {
    if (this.#loading) return;
    this.#loading = true;
    try {
      const session = await this.call((a, signal) => a.getSession({ signal }));
      this.#dispatch({ type: 'SESSION', session });
    } catch (err) {
      const error = err as AdapterError;
      if (error.code === 'NOT_AUTHENTICATED') this.#dispatch({ type: 'SESSION', session: null });
      else if (error.code !== 'ABORTED') this.#dispatch({ type: 'LOAD_FAILED', error });
    } finally {
      this.#loading = false;
    }
  }

  async #logout(): Promise<void> {
    if (this.page.status !== 'ready') return;
    const username = this.page.session.user.username;
    const before = this.page;
    this.#dispatch({ type: 'LOGOUT' });
    if (this.page === before) return;
    try {
      await this.call((a, signal) => a.logout({ signal }));
      this.#dispatch({ type: 'LOGGED_OUT' });
      this.emit('pep-logged-out', { username });
    } catch (err) {
      const error = err as AdapterError;
      if (!this.ignoreAbort(error)) this.#dispatch({ type: 'LOGOUT_FAILED', error });
    }
  }

  #onMenuKeydown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || this.page.status !== 'ready' || !this.page.menuOpen) return;
    e.stopPropagation();
    this.#dispatch({ type: 'CLOSE_MENU' });
    this.renderRoot.querySelector<HTMLButtonElement>('.menu-button')?.focus();
  };

  #onMenuFocusOut = (e: FocusEvent): void => {
    const menu = e.currentTarget as HTMLElement;
    const next = e.relatedTarget as Node | null;
    if (next && menu.contains(next)) return;
    this.#dispatch({ type: 'CLOSE_MENU' });
  };

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-inserted after being removed mid-load (the call was abandoned): `updated` loads again.
    if (this.hasUpdated && this.page.status === 'loading' && !this.calling) this.requestUpdate();
    document.addEventListener('click', this.#onDocumentClick);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('click', this.#onDocumentClick);
  }

  #onDocumentClick = (e: MouseEvent): void => {
    const menu = this.renderRoot.querySelector('.user-menu');
    if (menu && !e.composedPath().includes(menu)) this.#dispatch({ type: 'CLOSE_MENU' });
  };

  override render(): TemplateResult {
    const p = this.page;
    switch (p.status) {
      case 'loading':
        return html`<div class="page" part="base">
          <div class="content" part="content" role="status">
            <p><span class="spinner" aria-hidden="true"></span>${this.t('portal-home.loading')}</p>
          </div>
          ${errorRegion({})}
        </div>`;
      case 'failed':
        return html`<div class="page" part="base">
          <div class="content" part="content">
            ${errorRegion({
              message: this.errorMessage(p.error),
              key: p.error,
              retry: isRetryable(p.error)
                ? { label: this.t('common.retry'), onRetry: () => this.#dispatch({ type: 'LOAD' }) }
                : null,
            })}
          </div>
        </div>`;
      case 'signed-out':
        return html`<div class="page" part="base">
          <div class="content" part="content">
            <h1 data-step-heading tabindex="-1" part="view-heading">
              ${this.t('portal-home.signed-out-title')}
            </h1>
            <p role="status">
              ${this.t(p.loggedOut ? 'portal-home.logged-out' : 'portal-home.signed-out')}
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
          @click=${() => this.show(view)}
        >
          ${this.t(key)}
        </button>
      </li>`;
    return html`<div class="page" part="base">
      <header part="header">
        <span class="portal-name" part="portal-name">${cfg?.portalName ?? ''}</span>
        <nav aria-label=${this.t('portal-home.nav-label')} part="nav">
          <ul>
            ${navItem('home', 'portal-home.nav.home')}
            ${navItem('hierarchy', 'portal-home.nav.hierarchy')}
            ${navItem('quote', 'portal-home.nav.quote')}
          </ul>
        </nav>
        <div class="user-menu" @keydown=${this.#onMenuKeydown} @focusout=${this.#onMenuFocusOut}>
          <button
            type="button"
            class="menu-button"
            part="menu-button"
            aria-expanded=${p.menuOpen ? 'true' : 'false'}
            aria-controls="user-menu"
            @click=${() => this.#dispatch({ type: 'TOGGLE_MENU' })}
          >
            ${name}<span class="caret" aria-hidden="true">▾</span>
          </button>
          <ul id="user-menu" class="menu" part="menu" ?hidden=${!p.menuOpen}>
            <li>
              <button
                type="button"
                part="menu-item"
                aria-current=${p.view === 'information' ? 'page' : nothing}
                @click=${() => this.show('information')}
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
      </header>
      ${errorRegion({
        message: p.error ? this.errorMessage(p.error) : null,
        key: p.error,
        retry: isRetryable(p.error)
          ? { label: this.t('common.retry'), onRetry: () => void this.#logout() }
          : null,
      })}
      <div class="content" part="content">${this.renderView(p)}</div>
      ${cfg?.footerText ? html`<footer part="footer">${cfg.footerText}</footer>` : nothing}
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

  private heading(text: string): TemplateResult {
    return html`<h1 data-step-heading tabindex="-1" part="view-heading">${text}</h1>`;
  }

  private renderHome(p: Ready): TemplateResult {
    const cfg = this.portalConfig;
    const user = p.session.user;
    return html`<section class="banner" part="banner">
        ${this.heading(cfg?.welcomeTitle ?? '')}
        ${cfg?.welcomeText ? html`<p>${cfg.welcomeText}</p>` : nothing}
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
      <h2 id="help-title">${cfg.helpTitle}</h2>
      <ul class="contacts">
        ${cfg.contacts.map(
          (c) =>
            html`<li>
              ${c.label}
              <a
                part="link"
                href=${c.kind === 'email'
                  ? `mailto:${c.value}`
                  : `tel:${c.value.replace(/[^\d+]/g, '')}`}
                >${c.value}</a
              >${c.note ? html` <span class="hint">${c.note}</span>` : nothing}
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
      <h2 id=${`group-${g.id}`}>${g.title}</h2>
      <ul class="links">
        ${g.links.map((l) => this.renderLink(p, l))}
      </ul>
    </section>`;
  }

  private renderLink(p: Ready, l: PortalLink): TemplateResult {
    if (l.requires && !p.session.capabilities[l.requires]) {
      const note =
        l.unavailableNote ??
        this.t(`portal-home.unavailable.${l.requires}`, {
          portal: this.portalConfig?.portalName ?? '',
        });
      const badge =
        p.session.user.role === 'delegate'
          ? this.t('portal-home.not-available')
          : this.t('portal-home.not-available-generic');
      return html`<li class="unavailable" part="unavailable" data-capability=${l.requires}>
        <span class="label">${l.label}</span><span class="badge">${badge}</span>
        <p class="hint">${note}</p>
      </li>`;
    }
    if (!SAFE_HREF.test(l.href.trim())) return html`<li><span class="label">${l.label}</span></li>`;
    return html`<li>
      ${l.external
        ? html`<a part="link" href=${l.href} target="_blank" rel="noopener noreferrer"
            >${l.label}<span class="visually-hidden"> ${this.t('portal-home.new-tab')}</span></a
          >`
        : html`<a part="link" href=${l.href}>${l.label}</a>`}
      ${l.description ? html`<p class="hint">${l.description}</p>` : nothing}
    </li>`;
  }

  private renderInformation(p: Ready): TemplateResult {
    const u = p.session.user;
    return html`${this.heading(this.t('portal-home.information.title'))}
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
      </dl>`;
  }

  private renderHierarchy(p: Ready): TemplateResult {
    const u = p.session.user;
    const producer = u.producer;
    return html`${this.heading(this.t('portal-home.hierarchy.title'))}
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
    return html`${this.heading(this.t('portal-home.quote.title'))}
      <ul class="links" part="group">
        ${(this.portalConfig?.quoteEnroll ?? []).map((l) => this.renderLink(p, l))}
      </ul>`;
  }
}
