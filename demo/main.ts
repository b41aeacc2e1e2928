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

function renderNav(current: string): void {
  const link = (r: DemoRoute) =>
    html`<a href=${r.path} aria-current=${r.path === current ? 'page' : nothing}>${r.title}</a>`;
  const group = (label: string, list: DemoRoute[]) =>
    list.length
      ? html`<div class="group" role="group" aria-label=${label}>
          <span class="group-label" aria-hidden="true">${label}</span>${list.map(link)}
        </div>`
      : nothing;
  render(
    html`<a href="#/" aria-current=${current === '#/' ? 'page' : nothing}>Start</a> ${group(
        'Producer',
        routes.filter((r) => r.nav === 'producer'),
      )}
      ${group(
        'Delegate',
        routes.filter((r) => r.nav === 'delegate'),
      )}
      ${group(
        'Help Desk',
        routes.filter((r) => r.nav === 'help-desk'),
      )}`,
    nav,
  );
}

let firstRender = true;

function renderRoute(): void {
  const { path, params } = parseHash();
  const route = routes.find((r) => r.path === path) ?? startRoute;
  const ctx: DemoContext = { adapter, navigate, params };
  document.title = `${route.title} — Producer Experience Portal (demo)`;
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
    html`<h2 id="outbox-title">Outbox</h2>
      <p class="page-note">Emails and text messages the demo backend has sent, newest first.</p>
      <div class="outbox-actions">
        <button type="button" @click=${() => void reset()}>Reset demo data</button>
      </div>
      <div aria-live="polite" class="visually-hidden">
        ${newestFirst[0]
          ? `New ${newestFirst[0].channel === 'sms' ? 'text message' : 'email'} to ${newestFirst[0].to}`
          : ''}
      </div>
      ${newestFirst.length === 0
        ? html`<p>No messages yet.</p>`
        : html`<ol>
            ${newestFirst.map(
              (m) =>
                html`<li data-channel=${m.channel}>
                  <div class="meta">
                    <span class="channel">${m.channel === 'sms' ? 'SMS' : 'Email'}</span>
                    <time datetime=${new Date(m.sentAt).toISOString()}
                      >${time.format(m.sentAt)}</time
                    >
                  </div>
                  <div>To: ${m.to}</div>
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
  const footer = document.querySelector('.portal-footer p');
  if (footer) {
    footer.textContent =
      'This page talks to the reference server (npm run serve) through the HttpAdapter. Emails go ' +
      "to the server's loopback SMTP sink and text messages are recorded; both appear in the Outbox.";
  }
} else {
  memory!.addEventListener('outbox', renderOutbox);
  memory!.addEventListener('change', renderOutbox);
}
window.addEventListener('hashchange', () => renderRoute());
renderOutbox();
renderRoute();
