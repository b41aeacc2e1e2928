/**
 * The server's wiring of the engine's security features: every security event is one JSON line
 * (`{"ts":…,"kind":"security",…}`) in the server log, without secrets; `startServer`'s
 * `securityLog` option receives the events instead; `IDLE_TIMEOUT_MINUTES` is the engine's idle
 * timeout (a ManualClock moved through the API's test route).
 *
 * scrypt runs at N=1024 (TEST ONLY; production N=2^17).
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/core/clock.js';
import type { SecurityEvent } from '../../src/adapter/engine/security.js';
import { startServer } from '../../server/main.js';
import { apiCall, jarFetch, quietLog, testConfig } from './server-support.js';

const dir = mkdtempSync(join(tmpdir(), 'pep-security-log-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const WRONG = 'Wrong-Pass-123!';

test('security events are JSON lines in the server log, with no password or full address', async () => {
  const lines: string[] = [];
  const server = await startServer(testConfig(join(dir, 'log.sqlite')), {
    log: { info: (l) => lines.push(l), warn: (l) => lines.push(l) },
    rateLimits: { 'forgot-username': { account: 1 } },
  });
  try {
    const f = jarFetch(server.url.replace(/\/$/, ''));
    const failed = await apiCall(f, server.url, 'POST', '/login', {
      username: 'demoproducer',
      password: WRONG,
    });
    assert.equal(failed.status, 401);
    for (let i = 0; i < 2; i++) {
      await apiCall(f, server.url, 'POST', '/username/remind', {
        email: 'pat.morgan@agency.example',
      });
    }
    await server.worker.drain();
    const events = lines
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.ok(events.length >= 2, lines.join('\n'));
    for (const e of events) {
      assert.equal(e['kind'], 'security');
      assert.ok(!Number.isNaN(Date.parse(String(e['ts']))), 'ts is an ISO time');
      assert.equal(typeof e['type'], 'string');
    }
    const loginFailed = events.find((e) => e['type'] === 'login.failed');
    assert.ok(loginFailed, JSON.stringify(events));
    assert.equal(loginFailed['username'], 'demoproducer');
    assert.ok(
      events.some((e) => e['type'] === 'rate.limited'),
      JSON.stringify(events),
    );
    const all = lines.join('\n');
    assert.ok(!all.includes(WRONG), 'no password');
    assert.ok(!all.includes('pat.morgan@agency.example'), 'no full email address');
    assert.ok(!all.includes('5550100'), 'no full phone number');
  } finally {
    await server.close();
  }
});

test('the securityLog option receives the events (and the log gets none of them)', async () => {
  const events: SecurityEvent[] = [];
  const lines: string[] = [];
  const server = await startServer(testConfig(join(dir, 'option.sqlite')), {
    log: { info: (l) => lines.push(l), warn: (l) => lines.push(l) },
    securityLog: (e) => events.push(e),
  });
  try {
    const f = jarFetch(server.url.replace(/\/$/, ''));
    await apiCall(f, server.url, 'POST', '/login', { username: 'demoproducer', password: WRONG });
    assert.deepEqual(
      events.map((e) => e.type),
      ['login.failed'],
    );
    assert.equal(events[0]!.client !== undefined, true, 'the client address is passed on');
    assert.ok(!lines.some((l) => l.includes('"kind":"security"')));
  } finally {
    await server.close();
  }
});

test('IDLE_TIMEOUT_MINUTES: a session unused that long is gone; used in time, it lives on', async () => {
  const clock = new ManualClock();
  const server = await startServer(
    testConfig(join(dir, 'idle.sqlite'), { IDLE_TIMEOUT_MINUTES: '10' }),
    {
      log: quietLog,
      clock,
      advanceTime: (ms) => clock.advance(ms),
    },
  );
  try {
    const f = jarFetch(server.url.replace(/\/$/, ''));
    await apiCall(f, server.url, 'POST', '/__test/sign-in', { username: 'demoproducer' });
    const session = async () => (await apiCall(f, server.url, 'GET', '/session')).body;
    assert.ok(await session());
    clock.advance(9 * 60_000);
    assert.ok(await session(), 'used after 9 minutes: still signed in');
    clock.advance(9 * 60_000);
    assert.ok(await session(), '9 minutes after the last call: still signed in');
    clock.advance(10 * 60_000 + 1_000);
    assert.equal(await session(), null, '10 minutes without a call: signed out');
  } finally {
    await server.close();
  }
});
