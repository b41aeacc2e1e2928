/**
 * Helpers for the reference-server tests: a test configuration (demo mode, loopback, any free
 * port, scrypt at a test-only cost), a browser-like `fetch` with a cookie jar, and a small JSON
 * client that sends the CSRF token the way the HttpAdapter does.
 */
import { loadConfig, type ServerConfig } from '../../server/config.js';
import type { LineLogger } from '../../server/mail/senders.js';
import { startServer } from '../../server/main.js';
import type { ConformanceHarness } from '../../src/adapter/conformance.js';
import { HttpAdapter } from '../../src/adapter/http/index.js';
import type { OutboxMessage } from '../../src/adapter/types.js';
import { ManualClock } from '../../src/core/clock.js';

/** scrypt N for tests only (production: 2^17). Every use says so in its test's name or comment. */
export const TEST_SCRYPT_N = 1024;

export const quietLog: LineLogger = { info: () => undefined, warn: () => undefined };

/** A demo-mode configuration on 127.0.0.1:0 with its own database file. */
export function testConfig(databasePath: string, env: Record<string, string> = {}): ServerConfig {
  return loadConfig({
    DEMO: '1',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_PATH: databasePath,
    SCRYPT_N: String(TEST_SCRYPT_N),
    ...env,
  });
}

export type JarFetch = typeof fetch & { jar: Map<string, string> };

/**
 * A `fetch` that keeps cookies like a browser on one origin (honouring `Max-Age=0`) and sends
 * `Origin` on non-GET requests.
 */
export function jarFetch(origin: string): JarFetch {
  const jar = new Map<string, string>();
  const f = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const method = (init.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD' && !headers.has('origin')) {
      headers.set('origin', origin);
    }
    const res = await fetch(input, { ...init, headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      if (/;\s*max-age=0/i.test(line)) jar.delete(name);
      else jar.set(name, pair!.slice(eq + 1).trim());
    }
    return res;
  };
  return Object.assign(f as typeof fetch, { jar });
}

/** A JSON call to the API (`/api` + path), with the CSRF token on POSTs. */
export async function apiCall(
  f: typeof fetch,
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method === 'POST') {
    const csrf = await f(`${baseUrl}api/csrf`);
    headers['x-csrf-token'] = csrf.headers.get('x-csrf-token') ?? '';
    headers['content-type'] = 'application/json';
  }
  const res = await f(`${baseUrl}api${path}`, {
    method,
    headers,
    body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as unknown) : undefined,
    headers: res.headers,
  };
}

/**
 * An adapter-conformance harness on the whole reference server (started with `config`): the
 * HttpAdapter over loopback, the back doors through the API's test routes, the outbox from the
 * SMTP sink and the recorded SMS, a ManualClock moved through `/api/__test/advance-time`.
 */
export async function serverHarness(config: ServerConfig): Promise<ConformanceHarness> {
  const clock = new ManualClock();
  const server = await startServer(config, {
    clock,
    advanceTime: (ms) => clock.advance(ms),
    log: quietLog,
    shutdownGraceMs: 0,
  });
  const origin = server.url.replace(/\/$/, '');
  const f = jarFetch(origin);
  const adapter = new HttpAdapter({ baseUrl: `${origin}/api`, fetch: f, retries: 0 });

  async function backDoor(method: 'GET' | 'POST', path: string, body?: unknown) {
    const res = await apiCall(f, server.url, method, `/__test${path}`, body);
    if (res.status >= 300) {
      throw new Error(`${method} /__test${path}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body;
  }

  return {
    adapter,
    outbox: async () => (await backDoor('GET', '/outbox')) as OutboxMessage[],
    createProducer: async (producer) => void (await backDoor('POST', '/producers', producer)),
    signInProducer: async (username) => void (await backDoor('POST', '/sign-in', { username })),
    advanceTime: async (ms) => void (await backDoor('POST', '/advance-time', { ms })),
    dispose: () => server.close(),
  };
}
