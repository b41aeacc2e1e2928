/**
 * The demo portal against the reference server (`npm run serve`): the widgets get an
 * {@link HttpAdapter} on `/api`, and the demo's own helpers use routes that exist only when the
 * server runs with `DEMO=1`: `POST /api/__test/sign-in` (the demo producer's session),
 * `GET /api/__test/outbox` (emails from the server's SMTP sink and recorded text messages) and
 * `POST /dev/reset`. The server marks the page it serves with
 * `<meta name="pep-backend" content="http">`; the static `npm start` demo has no marker and keeps
 * its in-browser MemoryAdapter.
 */
import { HttpAdapter } from '../src/adapter/http/http-adapter.js';
import { ROUTES, type OperationName } from '../src/adapter/http/routes.js';
import { adapterError } from '../src/adapter/errors.js';
import type { OutboxMessage, Session } from '../src/adapter/types.js';
import type { DemoAdapter } from './types.js';

/** True when the page was served by the reference server in demo mode. */
export function usesServerBackend(): boolean {
  return document.querySelector('meta[name="pep-backend"]')?.getAttribute('content') === 'http';
}

/**
 * POST JSON to a demo-only route, with the API's CSRF token (fetched from `/api/csrf`) and the
 * `X-PEP-Demo` header `/dev/*` requires (a cross-site form or image cannot send either).
 */
async function demoPost<T>(url: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    const csrf = await fetch('/api/csrf', { credentials: 'same-origin', cache: 'no-store' });
    res = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: {
        'Content-Type': 'application/json',
        'X-CSRF-Token': csrf.headers.get('X-CSRF-Token') ?? '',
        'X-PEP-Demo': '1',
      },
      body: JSON.stringify(body),
    });
  } catch {
    throw adapterError('NETWORK');
  }
  if (!res.ok) throw adapterError(res.status === 404 ? 'NOT_FOUND' : 'UNAVAILABLE');
  return (res.status === 204 ? undefined : await res.json()) as T;
}

export interface ServerBackend {
  adapter: DemoAdapter;
  /** Every email (from the server's SMTP sink) and SMS (recorded), oldest first. */
  outbox(): readonly OutboxMessage[];
  /** Call `listener` whenever the outbox changes (polled while the page is visible). */
  onOutboxChange(listener: () => void): void;
  /** Wipe the server's demo data (re-seeding the demo producer) and the outbox. */
  reset(): Promise<void>;
}

export function createServerBackend(): ServerBackend {
  const http = new HttpAdapter({ baseUrl: '/api' });
  const adapter: DemoAdapter = Object.assign(http, {
    admin: {
      signIn: (username: string): Promise<Session> =>
        demoPost<Session>('/api/__test/sign-in', { username }),
    },
  });
  let messages: OutboxMessage[] = [];
  const listeners: (() => void)[] = [];

  const refresh = async () => {
    try {
      const res = await fetch('/api/__test/outbox', {
        cache: 'no-store',
        credentials: 'same-origin',
      });
      if (!res.ok) return;
      const next = (await res.json()) as OutboxMessage[];
      const changed =
        next.length !== messages.length ||
        next[next.length - 1]?.id !== messages[messages.length - 1]?.id;
      messages = next;
      if (changed) for (const l of listeners) l();
    } catch {
      // The server is restarting or gone: keep what is shown, try again on the next tick.
    }
  };
  void refresh();
  // Show what a call sent as soon as it settles (the poll below catches anything else).
  for (const name of Object.keys(ROUTES) as OperationName[]) {
    if (ROUTES[name].method !== 'POST') continue;
    const original = (http[name] as (...args: unknown[]) => Promise<unknown>).bind(http);
    Object.assign(http, {
      [name]: (...args: unknown[]) => {
        const call = original(...args);
        call.then(refresh, refresh);
        return call;
      },
    });
  }
  setInterval(() => {
    if (document.visibilityState === 'visible') void refresh();
  }, 1000);

  return {
    adapter,
    outbox: () => messages,
    onOutboxChange: (listener) => listeners.push(listener),
    reset: async () => {
      await demoPost<void>('/dev/reset', {});
      await refresh();
    },
  };
}
