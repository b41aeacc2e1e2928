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
import { ManualClock } from '../../src/core/clock.js';
import { Keyring } from '../../src/adapter/engine/sealing.js';
import { browserFetch, harnessOverApi } from './http-support.js';
import { SoftAuthenticator } from '../support/soft-authenticator.js';

/** scrypt N for tests only (production: 2^17). Every use says so in its test's name or comment. */
export const TEST_SCRYPT_N = 1024;

export const quietLog: LineLogger = { info: () => undefined, warn: () => undefined };

/**
 * A fresh `TYPING_KEYS` value (one generated key): what a non-demo configuration needs, and what
 * a demo-mode test that restarts on the same database passes so that what the first run sealed
 * opens in the second.
 */
export function testTypingKeys(kid = 'test1'): string {
  const { key } = Keyring.newKeySpec(kid);
  return `${kid}:${key}`;
}

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

export type JarFetch = ReturnType<typeof browserFetch>;

/** A `fetch` that keeps cookies like a browser on one origin and sends `Origin` on writes. */
export const jarFetch = browserFetch;

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

  const harness = harnessOverApi({
    adapter,
    fetch: f,
    apiBase: `${origin}/api`,
    dispose: () => server.close(),
  });
  // Demo mode: passkeys are on for the server's own URL (unless the config turned them off).
  return server.engine.webauthn
    ? {
        ...harness,
        passkeys: { origin, authenticator: () => new SoftAuthenticator({ origin }) },
      }
    : harness;
}
