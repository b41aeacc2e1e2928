/**
 * The demo host portal: a plain page (no framework) that embeds the pep-* tags, routes between
 * them by hash, and shows every email and SMS the reference adapter "sends" in an Outbox panel.
 * Served by the reference server (`npm run serve`), it uses the HttpAdapter instead (see
 * server-backend.ts).
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { MemoryAdapter } from '../src/adapter/memory/memory-adapter.js';
import { seedDemo } from '../src/adapter/memory/seed.js';
import type { OutboxMessage } from '../src/adapter/types.js';
import '../src/elements/auth-provider/pep-auth-provider.js';
import { loadLocale } from '../src/base/localize.js';
import {
  language,
  savedLanguage,
  saveLanguage,
  say,
  title,
  tx,
  type DemoLanguage,
} from './i18n.js';
import type { DemoAdapter, DemoContext, DemoRoute } from './types.js';
import { createServerBackend, usesServerBackend } from './server-backend.js';
import { allRoutes } from './routes/index.js';
import { startRoute } from './routes/start.js';

const STORAGE_KEY = 'pep-demo-state';

/** The one adapter of the demo. PBKDF2 runs at a demo-friendly 20 000 iterations (production: 210 000+). */
function createAdapter(): MemoryAdapter {
  return new MemoryAdapter({
    storage: window.localStorage,
    storageKey: STORAGE_KEY,
    pbkdf2Iterations: 20_000,
    confirmLinkUrl: (token: string) =>
      `${location.origin}${location.pathname}#/delegate/verify-email?token=${encodeURIComponent(token)}`,
  });
}

const server = usesServerBackend() ? createServerBackend() : null;
const memory = server ? null : createAdapter();
if (memory) await seedDemo(memory);
const adapter: DemoAdapter = server ? server.adapter : memory!;

const routes: DemoRoute[] = [startRoute, ...allRoutes];

// The page's language (the switch in the header remembers it): widgets follow `<html lang>`.
// Spanish is loaded before the first render, so nothing shows in English first.
document.documentElement.lang = savedLanguage();
if (language() === 'es') await loadLocale('es');

declare global {
  interface Window {
    /** The in-browser demo (MemoryAdapter). */
    pepDemo: { adapter: MemoryAdapter; navigate(hash: string): void; reset(): Promise<void> };
    /** The demo served by the reference server (HttpAdapter). */
    pepDemoServer?: { navigate(hash: string): void; reset(): Promise<void> };
  }
}

function parseHash(): { path: string; params: URLSearchParams } {
  const hash = location.hash || '#/';
  const q = hash.indexOf('?');
  return {
    path: q === -1 ? hash : hash.slice(0, q),
    params: new URLSearchParams(q === -1 ? '' : hash.slice(q + 1)),
  };
}

function navigate(hash: string): void {
  if (location.hash === hash) renderRoute();
  else location.hash = hash;
}

/** Go to `hash` in place of the current history entry (Back does not return to it). */
function replace(hash: string): void {
  history.replaceState(history.state, '', hash);
  renderRoute();
}

async function reset(): Promise<void> {
  if (server) {
    await server.reset();
    navigate('#/');
    return;
  }
  memory!.reset();
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith('pep-')) localStorage.removeItem(key);
  }
  await seedDemo(memory!);
  navigate('#/');
}

if (memory) window.pepDemo = { adapter: memory, navigate, reset };
else window.pepDemoServer = { navigate, reset };

const main = document.getElementById('main')!;
const nav = document.getElementById('nav')!;
const outbox = document.getElementById('outbox')!;
const languageSwitch = document.getElementById('language')!;

/** The route rendered in `main`, and its path (for the navigation). */
let shown: DemoRoute | undefined;

/** English / Español: a labelled group of two toggle buttons, the current one pressed. */
function renderLanguageSwitch(): void {
  const option = (lang: DemoLanguage, name: string) =>
    html`<button
      type="button"
      lang=${lang}
      aria-pressed=${language() === lang ? 'true' : 'false'}
      @click=${() => setLanguage(lang)}
    >
      ${name}
    </button>`;
  render(
    html`<div class="language-switch" role="group" aria-labelledby="language-label">
      <span id="language-label">${say('Language', 'Idioma')}</span>
      ${option('en', 'English')} ${option('es', 'Español')}
    </div>`,
    languageSwitch,
  );
}

/**
 * Switch the page's language: every widget follows `<html lang>` in place (same step, same
 * input); the demo's own words follow too (demo.css shows the `tx` text of the page's language).
 */
function setLanguage(lang: DemoLanguage): void {
  saveLanguage(lang);
  document.documentElement.lang = lang;
  renderLanguageSwitch();
  renderNav(shown?.path ?? '#/');
  renderOutbox();
  if (shown) document.title = pageTitle(shown);
}

function pageTitle(route: DemoRoute): string {
  return `${title(route.title)} — ${say('Producer Experience Portal (demo)', 'Producer Experience Portal (demostración)')}`;
}

function renderNav(current: string): void {
  nav.setAttribute('aria-label', say('Demo routes', 'Páginas de la demostración'));
  const link = (r: DemoRoute) =>
    html`<a href=${r.path} aria-current=${r.path === current ? 'page' : nothing}
      >${title(r.title)}</a
    >`;
  const group = (label: string, list: DemoRoute[]) =>
    list.length
      ? html`<div class="group" role="group" aria-label=${label}>
          <span class="group-label" aria-hidden="true">${label}</span>${list.map(link)}
        </div>`
      : nothing;
  render(
    html`<a href="#/" aria-current=${current === '#/' ? 'page' : nothing}>${title('Start')}</a>
      ${group(
        say('Producer', 'Productor'),
        routes.filter((r) => r.nav === 'producer'),
      )}
      ${group(
        say('Delegate', 'Delegado'),
        routes.filter((r) => r.nav === 'delegate'),
      )}
      ${group(
        say('Internet Help Desk', 'Servicio de Ayuda por Internet'),
        routes.filter((r) => r.nav === 'help-desk'),
      )}`,
    nav,
  );
}

let firstRender = true;

function renderRoute(): void {
  const { path, params } = parseHash();
  const route = routes.find((r) => r.path === path) ?? startRoute;
  const ctx: DemoContext = { adapter, navigate, replace, params };
  document.title = pageTitle(route);
  // The same page at another URL (e.g. another view of the landing page): it follows in place.
  if (route === shown && route.update?.(ctx)) return;
  shown = route;
  renderNav(route.path);
  // A fresh subtree per navigation, so every widget starts at its first step. Passkeys are on
  // (the MemoryAdapter has them for this page; the reference server in demo mode for its URL).
  render(nothing, main);
  render(
    html`<pep-auth-provider passkeys .adapter=${adapter}>${route.render(ctx)}</pep-auth-provider>`,
    main,
  );
  if (!firstRender) main.focus({ preventScroll: true });
  firstRender = false;
}

function linkify(text: string): (string | TemplateResult)[] {
  const parts: (string | TemplateResult)[] = [];
  const re = /https?:\/\/[^\s<>"]+/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    parts.push(text.slice(last, m.index));
    const href = m[0];
    const sameOrigin = href.startsWith(location.origin);
    parts.push(
      sameOrigin
        ? html`<a href=${href}>${href}</a>`
        : html`<a href=${href} rel="noopener noreferrer" target="_blank">${href}</a>`,
    );
    last = (m.index ?? 0) + href.length;
  }
  parts.push(text.slice(last));
  return parts;
}

function renderOutbox(): void {
  const messages: readonly OutboxMessage[] = server ? server.outbox() : memory!.outbox;
  const newestFirst = [...messages].reverse();
  const time = new Intl.DateTimeFormat(undefined, {
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
  });
  render(
    html`<h2 id="outbox-title">${say('Outbox', 'Bandeja de salida')}</h2>
      <p class="page-note">
        ${say(
          'Emails and text messages the demo backend has sent, newest first.',
          'Correos electrónicos y mensajes de texto que envió el servidor de la demostración, del más reciente al más antiguo.',
        )}
      </p>
      <div class="outbox-actions">
        <button type="button" @click=${() => void reset()}>
          ${say('Reset demo data', 'Restablecer los datos de la demostración')}
        </button>
      </div>
      <div aria-live="polite" class="visually-hidden">
        ${newestFirst[0]
          ? newestFirst[0].channel === 'sms'
            ? say(
                `New text message to ${newestFirst[0].to}`,
                `Mensaje de texto nuevo a ${newestFirst[0].to}`,
              )
            : say(
                `New email to ${newestFirst[0].to}`,
                `Correo electrónico nuevo a ${newestFirst[0].to}`,
              )
          : ''}
      </div>
      ${newestFirst.length === 0
        ? html`<p>${say('No messages yet.', 'Todavía no hay mensajes.')}</p>`
        : html`<ol>
            ${newestFirst.map(
              (m) =>
                html`<li data-channel=${m.channel}>
                  <div class="meta">
                    <span class="channel"
                      >${m.channel === 'sms' ? 'SMS' : say('Email', 'Correo electrónico')}</span
                    >
                    <time datetime=${new Date(m.sentAt).toISOString()}
                      >${time.format(m.sentAt)}</time
                    >
                  </div>
                  <div>${say('To:', 'Para:')} ${m.to}</div>
                  ${m.subject ? html`<div class="subject">${m.subject}</div>` : nothing}
                  <pre>${linkify(m.text)}</pre>
                </li>`,
            )}
          </ol>`}`,
    outbox,
  );
}

if (server) {
  server.onOutboxChange(renderOutbox);
  const footer = document.querySelector<HTMLElement>('.portal-footer p');
  if (footer) {
    footer.textContent = '';
    render(
      tx(
        "This page talks to the reference server (npm run serve) through the HttpAdapter. Emails go to the server's loopback SMTP sink and text messages are recorded; both appear in the Outbox.",
        'Esta página usa el servidor de referencia (npm run serve) mediante el HttpAdapter. Los correos electrónicos van al buzón SMTP local del servidor y los mensajes de texto quedan registrados; ambos aparecen en la Bandeja de salida.',
      ),
      footer,
    );
  }
} else {
  memory!.addEventListener('outbox', renderOutbox);
  memory!.addEventListener('change', renderOutbox);
}
window.addEventListener('hashchange', () => renderRoute());
renderLanguageSwitch();
renderOutbox();
renderRoute();
