/**
 * Helpers for the node-side HTTP tests: an AuthEngine over a MemoryStore with a manual clock and
 * a recording sender, the Hono app served on loopback (port 0), a browser-like `fetch` with a
 * cookie jar, and mocha's `describe/it/beforeEach/afterEach` globals mapped onto node:test so
 * mocha-style suites (the adapter conformance suite) run under `node --test`.
 */
import * as nodeTest from 'node:test';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { ManualClock } from '../../src/core/clock.js';
import {
  AuthEngine,
  Pbkdf2Hasher,
  type AuthEngineOptions,
  type AuthStore,
} from '../../src/adapter/engine/index.js';
import { Keyring } from '../../src/adapter/engine/sealing.js';
import { OutboxWorker } from '../../src/adapter/engine/outbox-worker.js';
import { MemoryStore } from '../../src/adapter/engine/memory-store.js';
import type { ConformanceHarness } from '../../src/adapter/conformance.js';
import type { HttpAdapter } from '../../src/adapter/http/index.js';
import type { OutboxMessage } from '../../src/adapter/types.js';
import { createApp, type CreateAppOptions } from '../../server/http/app.js';

/** Work factor for test password hashes only (production: the hasher's default / scrypt). */
export const TEST_PBKDF2_ITERATIONS = 1000;

export interface TestBackend {
  engine: AuthEngine;
  clock: ManualClock;
  store: AuthStore;
  /** Every message the outbox worker has sent so far (call {@link drain} first). */
  outbox: OutboxMessage[];
  /** Send what the engine queued (the outbox worker, at once). */
  drain(): Promise<void>;
}

/**
 * An engine over `store` (default a fresh MemoryStore) with a ManualClock, a test-cost hasher, a
 * fresh AES key and an outbox worker that records what it sends. `options` overrides engine
 * options (a limiter, `helpDesk`, …).
 */
export async function testBackend(
  store: AuthStore = new MemoryStore(),
  options: Partial<AuthEngineOptions> = {},
): Promise<TestBackend> {
  const clock = new ManualClock();
  const outbox: OutboxMessage[] = [];
  let serial = 0;
  const sealer = await Keyring.fromSpecs([Keyring.newKeySpec('test')]);
  const worker = new OutboxWorker({
    store,
    sealer,
    clock,
    sender: {
      async send(message) {
        serial += 1;
        outbox.push({ ...message, id: `m${serial}`, sentAt: clock.now() });
      },
    },
  });
  const engine = new AuthEngine({
    store,
    clock,
    sealer,
    hasher: new Pbkdf2Hasher(TEST_PBKDF2_ITERATIONS),
    confirmLinkUrl: (token) => `https://portal.example/confirm-email?token=${token}`,
    ...options,
  });
  return { engine, clock, store, outbox, drain: async () => void (await worker.drain()) };
}

export interface RunningServer {
  origin: string;
  baseUrl: string;
  close(): Promise<void>;
}

/** Serve `createApp(options)` on 127.0.0.1, any free port. */
export async function startServer(options: CreateAppOptions): Promise<RunningServer> {
  const app = createApp(options);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: `${origin}/api`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

/**
 * A `fetch` that behaves like a browser on `origin` for our purposes: it keeps cookies (honouring
 * `Max-Age=0`) and sends `Origin` on non-GET requests. `jar` is exposed for assertions.
 */
export function browserFetch(origin: string): typeof fetch & { jar: Map<string, string> } {
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

/**
 * A conformance harness whose back doors (create producer or help-desk user, sign in, advance the
 * clock, read the outbox) go through the API's test-only routes `<apiBase>/__test/*`, with the CSRF token the way
 * the HttpAdapter sends it.
 */
export function harnessOverApi(options: {
  adapter: HttpAdapter;
  fetch: typeof fetch;
  /** The API's base URL without a trailing slash, e.g. `http://127.0.0.1:1234/api`. */
  apiBase: string;
  dispose(): Promise<void>;
}): ConformanceHarness {
  const { fetch: f, apiBase } = options;
  async function backDoor(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method === 'POST') {
      headers['x-csrf-token'] = (await f(`${apiBase}/csrf`)).headers.get('x-csrf-token') ?? '';
      headers['content-type'] = 'application/json';
    }
    const res = await f(`${apiBase}/__test${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} /__test${path}: ${res.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }
  return {
    adapter: options.adapter,
    outbox: async () => (await backDoor('GET', '/outbox')) as OutboxMessage[],
    createProducer: async (producer) => void (await backDoor('POST', '/producers', producer)),
    createHelpDeskUser: async (user) => void (await backDoor('POST', '/help-desk-users', user)),
    signInProducer: async (username) => void (await backDoor('POST', '/sign-in', { username })),
    advanceTime: async (ms) => void (await backDoor('POST', '/advance-time', { ms })),
    dispose: options.dispose,
  };
}

const SKIP = Symbol('skip');

/** Install mocha-style globals backed by node:test (describe/it/before/after/…Each, this.skip). */
export function installMochaGlobals(): void {
  const g = globalThis as Record<string, unknown>;
  const wrap =
    (fn: (this: unknown) => unknown) =>
    async (t?: unknown): Promise<void> => {
      const context = {
        skip() {
          (t as { skip?: () => void } | undefined)?.skip?.();
          throw SKIP;
        },
        timeout() {
          return context;
        },
      };
      try {
        await fn.call(context);
      } catch (err) {
        if (err !== SKIP) throw err;
      }
    };
  g.describe = (name: string, fn: () => void) => nodeTest.describe(name, fn);
  g.it = (name: string, fn: (this: unknown) => unknown) => nodeTest.it(name, wrap(fn));
  g.before = (fn: (this: unknown) => unknown) => nodeTest.before(wrap(fn));
  g.after = (fn: (this: unknown) => unknown) => nodeTest.after(wrap(fn));
  g.beforeEach = (fn: (this: unknown) => unknown) => nodeTest.beforeEach(wrap(fn));
  g.afterEach = (fn: (this: unknown) => unknown) => nodeTest.afterEach(wrap(fn));
}
