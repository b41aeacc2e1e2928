/**
 * The signed-in page of `<pep-portal-home>` (header, navigation, user menu with Logout, and the
 * four views) with its English and its styles: not part of what a host loads first. The element
 * fetches this module once it has rendered and shows "Loading your session…" until both the
 * session and this module are there.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { addLaterStyles } from '../../base/later-styles.js';
import type { AdapterError } from '../../adapter/errors.js';
import type { Session } from '../../adapter/types.js';
import { formatUsMobile } from '../../core/phone.js';
import { formatDuration } from '../../i18n/duration.js';
import { errorRegion, isRetryable } from '../../shared/error-region.js';
import type { PortalConfig, PortalLink, PortalLinkGroup } from './portal-config.js';
import type { IdleTimers, PepPortalHome } from './portal-home.component.js';
import type { PortalHomeState, PortalView } from './portal-home.machine.js';
import { pageTransition, type PortalPageEvent } from './portal-home.page.machine.js';
import { portalHomePageStyles } from './portal-home.page.styles.js';

export { portalHomePageEn } from './portal-home.page.messages.js';
export { personEn } from '../../i18n/person.en.js';

type El = PepPortalHome;
type Ready = Extract<PortalHomeState, { status: 'ready' }>;

/** The members of the element this page uses (private there: this module is part of it). */
interface View {
  call: El['call'];
  emit: El['emit'];
  errorMessage: El['errorMessage'];
  ignoreAbort: El['ignoreAbort'];
  intlLocale: El['intlLocale'];
  isConnected: El['isConnected'];
  moveTo: El['moveTo'];
  now: El['now'];
  page: El['page'];
  portalConfig: El['portalConfig'];
  renderRoot: El['renderRoot'];
  show: El['show'];
  t: El['t'];
  timers: El['timers'];
}

function send(h: View, event: PortalPageEvent): void {
  h.moveTo(pageTransition(h.page, event));
}

/** A click outside the user menu closes it (the element listens on the document). */
export function onDocumentClick(el: PepPortalHome, e: MouseEvent): void {
  const h = el as unknown as View;
  const menu = h.renderRoot.querySelector('.user-menu');
  if (menu && !e.composedPath().includes(menu)) send(h, { type: 'CLOSE_MENU' });
}

async function logout(h: View): Promise<void> {
  if (h.page.status !== 'ready') return;
  const username = h.page.session.user.username;
  const before = h.page;
  send(h, { type: 'LOGOUT' });
  if (h.page === before) return;
  try {
    await h.call((a, signal) => a.logout({ signal }));
    send(h, { type: 'LOGGED_OUT' });
    h.emit('pep-logged-out', { username, reason: 'logout' });
  } catch (err) {
    const error = err as AdapterError;
    if (!h.ignoreAbort(error)) send(h, { type: 'LOGOUT_FAILED', error });
  }
}

// ---- The idle timeout ------------------------------------------------------------------------

const browserTimers: IdleTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
const timersOf = (h: View): IdleTimers => h.timers ?? browserTimers;

/** "You were signed out because you were inactive for 30 minutes." */
export function idleSignedOutText(el: PepPortalHome, minutes: number): string {
  const h = el as unknown as View;
  return h.t('portal-home.idle-signed-out', {
    duration: formatDuration(minutes * 60_000, h.intlLocale),
  });
}

/** The warning opens this long before the idle timeout. */
const WARN_BEFORE_MS = 2 * 60_000;
/** Longest delay `setTimeout` takes; a later moment is reached in steps. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** Per element: the timer scheduled, the idle time seen, where focus was before the dialog. */
interface IdleClock {
  handle?: unknown;
  at?: number;
  /** The sessions seen and the longest idle time one gave (ms): "inactive for 30 minutes". */
  session?: Session;
  idleMs: number;
  returnFocus?: HTMLElement | null;
}
const clocks = new WeakMap<PepPortalHome, IdleClock>();

function clockOf(el: PepPortalHome): IdleClock {
  let c = clocks.get(el);
  if (!c) clocks.set(el, (c = { idleMs: 0 }));
  return c;
}

/** When the session ends, and whether that is the idle timeout (not the absolute end). */
function sessionEnd(s: Session): { end: number; idle: boolean } {
  const idle = Number.isFinite(s.idleExpiresAt) && s.idleExpiresAt < s.expiresAt;
  return { end: idle ? s.idleExpiresAt : s.expiresAt, idle };
}

function schedule(el: PepPortalHome, c: IdleClock, at: number): void {
  const h = el as unknown as View;
  if (c.handle !== undefined && c.at === at) return;
  if (c.handle !== undefined) timersOf(h).clearTimeout(c.handle);
  c.at = at;
  const delay = Math.min(MAX_DELAY_MS, Math.max(0, at - h.now()));
  c.handle = timersOf(h).setTimeout(() => {
    c.handle = undefined;
    syncIdle(el);
  }, delay);
}

/** Stop the idle timer (the element was removed). */
export function stopIdle(el: PepPortalHome): void {
  const c = clocks.get(el);
  if (c?.handle !== undefined) timersOf(el as unknown as View).clearTimeout(c.handle);
  if (c) c.handle = undefined;
}

/**
 * After each render and when the timer fires: compare the session's end with the element's clock;
 * schedule the warning or the end, open or close the dialog, or sign out.
 */
export function syncIdle(el: PepPortalHome): void {
  const h = el as unknown as View;
  const c = clockOf(el);
  const p = h.page;
  if (p.status !== 'ready' || p.loggingOut || !h.isConnected) {
    stopIdle(el);
    syncDialog(h, c);
    return;
  }
  const now = h.now();
  const { end, idle } = sessionEnd(p.session);
  if (c.session !== p.session) {
    c.session = p.session;
    if (idle) c.idleMs = Math.max(c.idleMs, end - now);
  }
  if (now >= end) {
    stopIdle(el);
    // A Stay signed in in flight decides (its answer renders, and this runs again).
    if (!p.idle?.renewing)
      void (idle ? timeOut(h, c) : h.moveTo({ status: 'signed-out', loggedOut: false }));
    return;
  }
  if (idle && now >= end - WARN_BEFORE_MS) {
    send(h, { type: 'IDLE_WARN' });
    schedule(el, c, end);
  } else {
    send(h, { type: 'IDLE_DISMISS' });
    schedule(el, c, idle ? end - WARN_BEFORE_MS : end);
  }
  syncDialog(h, c);
}

/** The idle minutes to report: the longest idle time a session gave, in whole minutes. */
const idleMinutes = (c: IdleClock): number => Math.max(1, Math.round(c.idleMs / 60_000));

/** Signed out by the idle timeout: end the session (whatever the answer) and say why. */
async function timeOut(h: View, c: IdleClock): Promise<void> {
  if (h.page.status !== 'ready') return;
  const username = h.page.session.user.username;
  send(h, { type: 'LOGOUT' });
  try {
    await h.call((a, signal) => a.logout({ signal }));
  } catch (err) {
    // The backend ends an idle session on its next use anyway: the page signs out regardless.
    if (h.ignoreAbort(err as AdapterError)) return;
  }
  send(h, { type: 'LOGGED_OUT', idleMinutes: idleMinutes(c) });
  h.emit('pep-logged-out', { username, reason: 'idle' });
}

/** Stay signed in: a call with the session moves its idle end; the new end restarts the timer. */
async function stay(h: View): Promise<void> {
  const before = h.page;
  send(h, { type: 'STAY' });
  if (h.page === before || before.status !== 'ready') return;
  const username = before.session.user.username;
  let session: Session | null;
  try {
    session = await h.call((a, signal) => a.getSession({ signal }));
  } catch (err) {
    const error = err as AdapterError;
    if (h.ignoreAbort(error)) return;
    if (error.code !== 'NOT_AUTHENTICATED') return send(h, { type: 'RENEW_FAILED', error });
    session = null;
  }
  if (session) return send(h, { type: 'RENEWED', session });
  // The session had already ended.
  h.moveTo({
    status: 'signed-out',
    loggedOut: true,
    idleMinutes: idleMinutes(clockOf(h as unknown as El)),
  });
  h.emit('pep-logged-out', { username, reason: 'idle' });
}

/** The element focused inside shadow roots (where focus goes back when the dialog closes). */
function deepActiveElement(): HTMLElement | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a instanceof HTMLElement ? a : null;
}

/** Open the rendered dialog as a modal (remembering focus) or give focus back once it is gone. */
function syncDialog(h: View, c: IdleClock): void {
  const dialog = h.renderRoot.querySelector<HTMLDialogElement>('dialog.idle-dialog');
  if (dialog && !dialog.open) {
    // (Opened again after the browser closed it: focus still goes back where it first was.)
    if (c.returnFocus === undefined) c.returnFocus = deepActiveElement();
    dialog.showModal();
    dialog.querySelector<HTMLElement>('[part~="stay-button"]')?.focus();
  } else if (!dialog && c.returnFocus !== undefined) {
    const back = c.returnFocus;
    c.returnFocus = undefined;
    // Signed out: the signed-out page's heading takes focus instead.
    if (h.page.status === 'ready' && !h.page.loggingOut && back?.isConnected) back.focus();
  }
}

// Escape closes a modal dialog ("cancel"): here it means Stay signed in.
function onIdleCancel(this: PepPortalHome, e: Event): void {
  e.preventDefault();
  void stay(this as unknown as View);
}

// A browser may close it without a cancelable "cancel" (a second Escape in a row): the same.
// (Not a dialog closed because it was removed: the warning it belonged to is over.)
function onIdleClose(this: PepPortalHome, e: Event): void {
  const h = this as unknown as View;
  const dialog = e.currentTarget as HTMLDialogElement;
  if (dialog.isConnected && h.page.status === 'ready' && h.page.idle) void stay(h);
}

function renderIdleDialog(h: View, p: Ready): TemplateResult {
  const idle = p.idle!;
  const { end } = sessionEnd(p.session);
  const error = idle.error;
  return html`<dialog
    class="idle-dialog"
    part="idle-dialog"
    role="alertdialog"
    aria-modal="true"
    aria-labelledby="idle-title"
    aria-describedby="idle-text"
    @cancel=${onIdleCancel}
    @close=${onIdleClose}
  >
    <h2 id="idle-title">${h.t('portal-home.idle-title')}</h2>
    <p id="idle-text">
      ${h.t('portal-home.idle-text', { wait: formatDuration(end - h.now(), h.intlLocale) })}
    </p>
    ${errorRegion({
      id: 'idle-error',
      message: error ? h.errorMessage(error) : null,
      key: error,
      retry: isRetryable(error)
        ? { label: h.t('common.retry'), onRetry: () => void stay(h) }
        : null,
    })}
    <div class="actions">
      <button
        type="button"
        class="primary"
        part="stay-button"
        aria-disabled=${idle.renewing ? 'true' : 'false'}
        @click=${() => void stay(h)}
      >
        ${idle.renewing ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${h.t(
          'portal-home.idle-stay',
        )}
      </button>
      <button
        type="button"
        class="secondary"
        part="idle-logout-button"
        @click=${() => void logout(h)}
      >
        ${h.t('portal-home.idle-logout')}
      </button>
    </div>
  </dialog>`;
}

/** Only these URL schemes (or relative URLs) are rendered as links. */
const SAFE_HREF = /^(?:https?:|mailto:|tel:|[#/.?]|[^:]*$)/i;

// Menu listeners: Lit calls them with the element as `this` (one function for every render).
function onMenuKeydown(this: PepPortalHome, e: KeyboardEvent): void {
  const h = this as unknown as View;
  if (e.key !== 'Escape' || h.page.status !== 'ready' || !h.page.menuOpen) return;
  e.stopPropagation();
  send(h, { type: 'CLOSE_MENU' });
  h.renderRoot.querySelector<HTMLButtonElement>('.menu-button')?.focus();
}

function onMenuFocusOut(this: PepPortalHome, e: FocusEvent): void {
  const menu = e.currentTarget as HTMLElement;
  const next = e.relatedTarget as Node | null;
  if (next && menu.contains(next)) return;
  send(this as unknown as View, { type: 'CLOSE_MENU' });
}

export function renderReady(el: PepPortalHome, p: Ready): TemplateResult {
  addLaterStyles(el, portalHomePageStyles);
  const h = el as unknown as View;
  const cfg = h.portalConfig;
  const user = p.session.user;
  const name = `${user.firstName} ${user.lastName}`;
  const navItem = (view: PortalView, key: string) =>
    html`<li>
      <button
        type="button"
        class="nav-item"
        part="nav-item"
        aria-current=${p.view === view ? 'page' : nothing}
        @click=${() => h.show(view)}
      >
        ${h.t(key)}
      </button>
    </li>`;
  return html`<div class="page" part="base">
    <header part="header">
      <span class="portal-name" part="portal-name">${cfg?.portalName ?? ''}</span>
      <nav aria-label=${h.t('portal-home.nav-label')} part="nav">
        <ul>
          ${navItem('home', 'portal-home.nav.home')}
          ${navItem('hierarchy', 'portal-home.nav.hierarchy')}
          ${navItem('quote', 'portal-home.nav.quote')}
        </ul>
      </nav>
      <div class="user-menu" @keydown=${onMenuKeydown} @focusout=${onMenuFocusOut}>
        <button
          type="button"
          class="menu-button"
          part="menu-button"
          aria-expanded=${p.menuOpen ? 'true' : 'false'}
          aria-controls="user-menu"
          @click=${() => send(h, { type: 'TOGGLE_MENU' })}
        >
          ${name}<span class="caret" aria-hidden="true">▾</span>
        </button>
        <ul id="user-menu" class="menu" part="menu" ?hidden=${!p.menuOpen}>
          <li>
            <button
              type="button"
              part="menu-item"
              aria-current=${p.view === 'information' ? 'page' : nothing}
              @click=${() => h.show('information')}
            >
              ${h.t('portal-home.menu.information')}
            </button>
          </li>
          <li>
            <button
              type="button"
              part="menu-item"
              data-action="logout"
              aria-disabled=${p.loggingOut ? 'true' : 'false'}
              @click=${() => void logout(h)}
            >
              ${p.loggingOut
                ? html`<span class="spinner" aria-hidden="true"></span>${h.t(
                      'portal-home.logging-out',
                    )}`
                : h.t('portal-home.menu.logout')}
            </button>
          </li>
        </ul>
      </div>
    </header>
    ${errorRegion({
      message: p.error ? h.errorMessage(p.error) : null,
      key: p.error,
      retry: isRetryable(p.error)
        ? { label: h.t('common.retry'), onRetry: () => void logout(h) }
        : null,
    })}
    <div class="content" part="content">${renderView(h, p)}</div>
    ${cfg?.footerText ? html`<footer part="footer">${cfg.footerText}</footer>` : nothing}
    ${p.idle ? renderIdleDialog(h, p) : nothing}
  </div>`;
}

function renderView(h: View, p: Ready): TemplateResult {
  switch (p.view) {
    case 'home':
      return renderHome(h, p);
    case 'information':
      return renderInformation(h, p);
    case 'hierarchy':
      return renderHierarchy(h, p);
    case 'quote':
      return renderQuote(h, p);
  }
}

function heading(text: string): TemplateResult {
  return html`<h1 data-step-heading tabindex="-1" part="view-heading">${text}</h1>`;
}

function renderHome(h: View, p: Ready): TemplateResult {
  const cfg = h.portalConfig;
  const user = p.session.user;
  return html`<section class="banner" part="banner">
      ${heading(cfg?.welcomeTitle ?? '')}
      ${cfg?.welcomeText ? html`<p>${cfg.welcomeText}</p>` : nothing}
      <p class="greeting">${user.firstName} ${user.lastName}</p>
    </section>
    <div class="grid">
      ${cfg ? renderHelp(h, cfg) : nothing} ${cfg ? renderGroup(h, p, cfg.quickLinks) : nothing}
      ${(cfg?.resourceGroups ?? []).map((g) => renderGroup(h, p, g))}
    </div>`;
}

function renderHelp(h: View, cfg: PortalConfig): TemplateResult {
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
          <a part="link" href=${cfg.reportIssueHref}>${h.t('portal-home.report-issue')}</a>
        </p>`
      : nothing}
  </section>`;
}

function renderGroup(h: View, p: Ready, g: PortalLinkGroup): TemplateResult {
  return html`<section class="box" part="group" aria-labelledby=${`group-${g.id}`}>
    <h2 id=${`group-${g.id}`}>${g.title}</h2>
    <ul class="links">
      ${g.links.map((l) => renderLink(h, p, l))}
    </ul>
  </section>`;
}

function renderLink(h: View, p: Ready, l: PortalLink): TemplateResult {
  if (l.requires && !p.session.capabilities[l.requires]) {
    const note =
      l.unavailableNote ??
      h.t(`portal-home.unavailable.${l.requires}`, {
        portal: h.portalConfig?.portalName ?? '',
      });
    const badge =
      p.session.user.role === 'delegate'
        ? h.t('portal-home.not-available')
        : h.t('portal-home.not-available-generic');
    return html`<li class="unavailable" part="unavailable" data-capability=${l.requires}>
      <span class="label">${l.label}</span><span class="badge">${badge}</span>
      <p class="hint">${note}</p>
    </li>`;
  }
  if (!SAFE_HREF.test(l.href.trim())) return html`<li><span class="label">${l.label}</span></li>`;
  return html`<li>
    ${l.external
      ? html`<a part="link" href=${l.href} target="_blank" rel="noopener noreferrer"
          >${l.label}<span class="visually-hidden"> ${h.t('portal-home.new-tab')}</span></a
        >`
      : html`<a part="link" href=${l.href}>${l.label}</a>`}
    ${l.description ? html`<p class="hint">${l.description}</p>` : nothing}
  </li>`;
}

function renderInformation(h: View, p: Ready): TemplateResult {
  const u = p.session.user;
  return html`${heading(h.t('portal-home.information.title'))}
    <dl part="profile">
      <dt>${h.t('portal-home.information.name')}</dt>
      <dd>${u.firstName} ${u.lastName}</dd>
      <dt>${h.t('portal-home.information.username')}</dt>
      <dd>${u.username}</dd>
      <dt>${h.t('portal-home.information.email')}</dt>
      <dd>${u.email}</dd>
      <dt>${h.t('portal-home.information.mobile')}</dt>
      <dd>${formatUsMobile(u.mobile)}</dd>
      <dt>${h.t('portal-home.information.states')}</dt>
      <dd>${u.states.map((s) => h.t(`state.${s}`)).join(', ')}</dd>
      <dt>${h.t('portal-home.information.role')}</dt>
      <dd>${h.t(`portal-home.role.${u.role}`)}</dd>
    </dl>`;
}

function renderHierarchy(h: View, p: Ready): TemplateResult {
  const u = p.session.user;
  const producer = u.producer;
  return html`${heading(h.t('portal-home.hierarchy.title'))}
    <section class="box" aria-labelledby="producer-title">
      <h2 id="producer-title">${h.t('portal-home.hierarchy.producer')}</h2>
      ${producer
        ? html`<dl part="producer">
            <dt>${h.t('portal-home.information.name')}</dt>
            <dd>${producer.firstName} ${producer.lastName}</dd>
            <dt>${h.t('portal-home.hierarchy.producer-id')}</dt>
            <dd>${producer.producerId}</dd>
            <dt>${h.t('portal-home.information.username')}</dt>
            <dd>${producer.username}</dd>
          </dl>`
        : html`<p>${h.t('portal-home.hierarchy.no-producer')}</p>`}
    </section>
    <section class="box" aria-labelledby="states-title">
      <h2 id="states-title">${h.t('portal-home.hierarchy.states')}</h2>
      <ul part="states">
        ${u.states.map((s) => html`<li data-state=${s}>${h.t(`state.${s}`)} (${s})</li>`)}
      </ul>
    </section>`;
}

function renderQuote(h: View, p: Ready): TemplateResult {
  return html`${heading(h.t('portal-home.quote.title'))}
    <ul class="links" part="group">
      ${(h.portalConfig?.quoteEnroll ?? []).map((l) => renderLink(h, p, l))}
    </ul>`;
}
