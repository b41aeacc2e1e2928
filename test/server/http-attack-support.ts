/**
 * Helpers for the HTTP-level security tests (access.spec.ts, attacks.spec.ts): the whole
 * reference server (`startServer`: SQLite, or PostgreSQL with a `DATABASE_URL`) on loopback with
 * a ManualClock, callers that are nothing but an HTTP client with a cookie jar (anonymous, or
 * signed in through the test-only back door), and the back doors an attacker does NOT have
 * (create accounts, read the outbox, move the clock) for the test's own set-up.
 *
 * scrypt runs at N=1024 (TEST ONLY, see server-support.ts).
 */
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type StartOptions } from '../../server/main.js';
import type { RateLimitOverrides } from '../../server/security/rate-limits.js';
import { LIMITED_OPERATIONS } from '../../server/security/rate-limits.js';
import { ManualClock } from '../../src/core/clock.js';
import type { OutboxMessage } from '../../src/adapter/types.js';
import { latestCode } from '../../src/adapter/memory/outbox.js';
import { browserFetch } from './http-support.js';
import { quietLog, testConfig } from './server-support.js';

/** Budgets no test here reaches: the limiter runs, but only the rule under test refuses. */
export const RELAXED_LIMITS: RateLimitOverrides = Object.fromEntries(
  LIMITED_OPERATIONS.map((op) => [op, { client: 100_000, account: 100_000 }]),
);

export interface Reply {
  status: number;
  body: unknown;
  headers: Headers;
}

/** One HTTP client with its own cookie jar (a browser profile, or an attacker's script). */
export class Caller {
  readonly fetch: ReturnType<typeof browserFetch>;
  constructor(readonly api: string) {
    this.fetch = browserFetch(new URL(api).origin);
  }

  /** A JSON call; POSTs carry the CSRF token (fetched from `/csrf`, as any client can). */
  async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Reply> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method === 'POST') {
      const csrf = await this.fetch(`${this.api}/csrf`);
      await csrf.arrayBuffer();
      headers['x-csrf-token'] = csrf.headers.get('x-csrf-token') ?? '';
      headers['content-type'] = 'application/json';
    }
    const res = await this.fetch(`${this.api}${path}`, {
      method,
      headers,
      body:
        method === 'POST' ? (typeof body === 'string' ? body : JSON.stringify(body ?? {})) : null,
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      headers: res.headers,
    };
  }

  post(path: string, body?: unknown): Promise<Reply> {
    return this.call('POST', path, body);
  }
}

export interface TestServer {
  server: RunningServer;
  clock: ManualClock;
  /** `http://127.0.0.1:<port>/api` */
  api: string;
  /** A new client with an empty cookie jar. */
  anonymous(): Caller;
  /** A new client signed in as `username` through the test-only back door. */
  signedIn(username: string): Promise<Caller>;
  /** Test set-up (never available to an attacker): `POST /api/__test/<path>`. */
  backDoor(path: string, body: unknown): Promise<unknown>;
  /** Every message sent so far (the worker drained first). */
  outbox(): Promise<OutboxMessage[]>;
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** `relaxed` (default): {@link RELAXED_LIMITS}; `default`: the server's own budgets. */
  limits?: 'relaxed' | 'default';
  /** Extra environment for the configuration (e.g. `DATABASE_URL`, `SMTP_HOST`). */
  env?: Record<string, string>;
  /** StartOptions to add (e.g. an `sms` sender that fails). */
  start?: Partial<StartOptions>;
}

/** Start the reference server (DEMO configuration, SQLite in a temp dir unless DATABASE_URL). */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'pep-attacks-'));
  const clock = new ManualClock();
  let server: RunningServer;
  try {
    server = await startServer(testConfig(join(dir, 'db.sqlite'), options.env ?? {}), {
      clock,
      advanceTime: (ms) => clock.advance(ms),
      log: quietLog,
      securityLog: () => undefined,
      shutdownGraceMs: 0,
      rateLimits: options.limits === 'default' ? {} : RELAXED_LIMITS,
      ...options.start,
    });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const api = `${server.url.replace(/\/$/, '')}/api`;
  const setup = new Caller(api);
  const backDoor = async (path: string, body: unknown): Promise<unknown> => {
    const r = await setup.post(`/__test${path}`, body);
    if (r.status >= 300) throw new Error(`/__test${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  return {
    server,
    clock,
    api,
    anonymous: () => new Caller(api),
    async signedIn(username) {
      const c = new Caller(api);
      const r = await c.post('/__test/sign-in', { username });
      if (r.status !== 200) throw new Error(`sign-in ${username}: ${r.status}`);
      return c;
    },
    backDoor,
    async outbox() {
      return (await setup.call('GET', '/__test/outbox')).body as OutboxMessage[];
    },
    async advance(ms) {
      await backDoor('/advance-time', { ms });
    },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The newest code sent to `to` (email address or E.164 phone). */
export async function latestCodeTo(t: TestServer, to: string): Promise<string> {
  return latestCode(await t.outbox(), undefined, to);
}

/**
 * Send a POST of `total` bytes with the session-less cookie jar of `caller`, writing only the
 * first 64 KiB, and resolve the reply that comes back while the rest was never sent (a
 * declared `Content-Length`, or chunked). Rejects when no reply comes within `waitMs`.
 */
export async function partialUpload(
  caller: Caller,
  path: string,
  total: number,
  chunked: boolean,
  waitMs = 5_000,
): Promise<{ status: number; body: unknown; sent: number }> {
  const csrf = await caller.fetch(`${caller.api}/csrf`);
  await csrf.arrayBuffer();
  const token = csrf.headers.get('x-csrf-token') ?? '';
  const origin = new URL(caller.api).origin;
  const cookie = [...caller.fetch.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-csrf-token': token,
      cookie,
      origin,
    };
    if (!chunked) headers['content-length'] = String(total);
    const req = request(`${caller.api}${path}`, { method: 'POST', headers });
    const first = Buffer.alloc(64 * 1024, 0x41);
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no reply within ${waitMs} ms with ${first.length} of ${total} bytes sent`));
    }, waitMs);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({
          status: res.statusCode ?? 0,
          body: text ? (JSON.parse(text) as unknown) : undefined,
          sent: first.length,
        });
      });
    });
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.write(first);
  });
}
