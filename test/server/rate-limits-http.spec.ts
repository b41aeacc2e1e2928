/**
 * Request rate limits and bounded hashing over HTTP, on the whole reference server (SQLite): the
 * attacks of issue 19 §4 replayed. A burst at one account is refused 429 with `Retry-After`
 * after its budget (whichever client sends it, and the same for a missing account); a burst from
 * one client likewise; a flood of logins beyond the hashing queue gets 503 BUSY with
 * `Retry-After` at once, and a login after the flood goes through. The same per-account budget
 * across two instances on PostgreSQL is in multi-instance.spec.ts.
 *
 * scrypt runs at N=1024 (TEST ONLY; production N=2^17), except where the flood needs slower
 * derivations (N=2^14, said there).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../server/main.js';
import { apiCall, jarFetch, quietLog, testConfig } from './server-support.js';

const dir = mkdtempSync(join(tmpdir(), 'pep-rate-http-'));
let server: RunningServer;

before(async () => {
  server = await startServer(testConfig(join(dir, 'db.sqlite')), {
    log: quietLog,
    // Small budgets so the test stays short; the windows are the production ones.
    rateLimits: {
      login: { account: 4, client: 8 },
      'find-account': { account: 3, client: 100 },
    },
  });
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const origin = () => server.url.replace(/\/$/, '');

test('a burst at one account is refused 429 + Retry-After after its budget, existing or not', async () => {
  for (const username of ['demoproducer', 'nobodyhere42']) {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof apiCall>> | null = null;
    for (let i = 0; i < 5; i++) {
      last = await apiCall(jarFetch(origin()), server.url, 'POST', '/password/find-account', {
        username,
        purpose: 'reset',
      });
      statuses.push(last.status);
    }
    assert.deepEqual(statuses.slice(0, 3), [200, 200, 200], `${username}: ${statuses}`);
    assert.deepEqual(statuses.slice(3), [429, 429], username);
    const body = last!.body as { code: string; data: { retryAfter: number } };
    assert.equal(body.code, 'RATE_LIMITED');
    const retry = Number(last!.headers.get('retry-after'));
    // A fixed 15-minute window: at most 15 minutes, never an hour.
    assert.ok(retry > 14 * 60 && retry <= 15 * 60, `Retry-After ${retry}`);
    assert.ok(body.data.retryAfter > Date.now());
  }
});

test('a burst of logins from one client is refused 429 after the client budget', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) {
    const res = await apiCall(jarFetch(origin()), server.url, 'POST', '/login', {
      username: `someone${i}`,
      password: 'Wrong-Pass-123',
    });
    statuses.push(res.status);
    if (res.status === 429) assert.ok(Number(res.headers.get('retry-after')) > 0);
  }
  // Each username is new (its own account budget): the client's 8 are what runs out.
  assert.equal(statuses.filter((s) => s === 401).length, 8, String(statuses));
  assert.equal(statuses.filter((s) => s === 429).length, 2, String(statuses));
});

test('a flood of logins beyond the hashing queue gets 503 BUSY + Retry-After; a later login works', async () => {
  // N=2^14 (TEST ONLY) so each derivation takes long enough for the flood to pile up; a queue
  // of 2 and no request rate limits (this is about the hasher alone).
  const busy = await startServer(
    testConfig(join(dir, 'busy.sqlite'), { SCRYPT_N: String(2 ** 14), SCRYPT_MAX_QUEUE: '2' }),
    { log: quietLog, rateLimits: false },
  );
  try {
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        apiCall(jarFetch(busy.url.replace(/\/$/, '')), busy.url, 'POST', '/login', {
          username: `flood${i}`,
          password: 'Wrong-Pass-123',
        }).then((r) => ({ ...r, ms: performance.now() - started })),
      ),
    );
    const refused = results.filter((r) => r.status === 503);
    const answered = results.filter((r) => r.status === 401);
    assert.equal(refused.length + answered.length, 30, results.map((r) => r.status).join());
    assert.ok(refused.length >= 10, `${refused.length} refused`);
    assert.ok(busy.hasher.rejected >= refused.length);
    for (const r of refused) {
      assert.equal((r.body as { code: string }).code, 'BUSY');
      assert.ok(Number(r.headers.get('retry-after')) >= 1);
    }
    // The queue stayed bounded: nobody waited behind the whole flood.
    assert.ok(busy.hasher.queued <= 2);
    // After the flood, the owner logs in at once.
    const t0 = performance.now();
    const login = await apiCall(jarFetch(busy.url.replace(/\/$/, '')), busy.url, 'POST', '/login', {
      username: 'demoproducer',
      password: 'Demo-Producer-2026!',
    });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    assert.ok(performance.now() - t0 < 5_000);
  } finally {
    await busy.close();
  }
});
