/**
 * Graceful shutdown: a request in flight when the server is asked to stop still gets its answer,
 * the message being sent is finished, new connections are refused, and the database is closed;
 * a message left queued by a stopped server is sent by the next start; the command-line entry
 * does the same on SIGTERM and exits 0. Also: a bad configuration stops the entry with every
 * problem listed.
 *
 * scrypt runs at N=1024 (TEST ONLY; production N=2^17).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/main.js';
import { SqliteStore } from '../../server/store/sqlite-store.js';
import { enqueueMessage } from '../../src/adapter/engine/outbox-worker.js';
import { Keyring } from '../../src/adapter/engine/sealing.js';
import { systemClock } from '../../src/core/clock.js';
import { typingSamplesFor } from '../../src/adapter/memory/typist.js';
import { DEFAULT_SAMPLE_TEXT } from '../../src/core/typing/matcher.js';
import {
  apiCall,
  jarFetch,
  quietLog,
  testConfig,
  testTypingKeys,
  TEST_SCRYPT_N,
} from './server-support.js';

// Rule changed on purpose (issue 19): Send Code no longer waits for the gateway (the message
// goes through the outbox), so the request in flight at close() is now one that waits for the
// send: the test route that lists the outbox, which drains it first.
test('close() lets the request and the send in flight finish, then refuses connections and closes the database', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pep-shutdown-'));
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let smsStarted!: () => void;
  const started = new Promise<void>((resolve) => (smsStarted = resolve));
  let smsFinished = false;
  const server = await startServer(testConfig(join(dir, 'db.sqlite')), {
    log: quietLog,
    shutdownGraceMs: 5000,
    // A slow SMS gateway: the send waits until the test lets it go.
    sms: {
      async sendSms() {
        smsStarted();
        await gate;
        smsFinished = true;
      },
    },
  });
  try {
    const f = jarFetch(server.url.replace(/\/$/, ''));
    const seeded = await apiCall(f, server.url, 'POST', '/__test/delegates', {
      producer: 'demoproducer',
      username: 'dana0001',
      email: 'dana@example.com',
      firstName: 'Dana',
      lastName: 'Lee',
      mobile: '(312) 555-0101',
      states: ['IL'],
      password: 'Blue-Sky-Walk-42',
      typingSamples: typingSamplesFor(DEFAULT_SAMPLE_TEXT).enroll,
    });
    assert.equal(seeded.status, 201, JSON.stringify(seeded.body));
    const login = await apiCall(f, server.url, 'POST', '/login', {
      username: 'dana0001',
      password: 'Blue-Sky-Walk-42',
    });
    const pendingId = (login.body as { pending: { pendingId: string } }).pending.pendingId;

    // Answered without waiting for the (slow) gateway.
    const sent = await apiCall(f, server.url, 'POST', '/login/send-code', {
      pendingId,
      channel: 'sms',
    });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    await started;
    // A request that waits for the send in flight (the outbox route drains first).
    const inFlight = apiCall(f, server.url, 'GET', '/__test/outbox');
    await new Promise((r) => setTimeout(r, 50));
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(closed, false, 'close() waits for the request and the send in flight');
    release();
    const answer = await inFlight;
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(smsFinished, true, 'answered once the send in flight had finished');
    await closing;
    assert.equal(server.sqlite!.db.open, false, 'database closed');
    await assert.rejects(fetch(`${server.url}api/session`), 'new connections are refused');
  } finally {
    release();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a message left queued by a stopped server is sent by the next start (same TYPING_KEYS)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pep-outbox-restart-'));
  const path = join(dir, 'db.sqlite');
  const keys = testTypingKeys();
  try {
    // What a server that crashed before its worker ran leaves behind: a sealed item.
    const store = new SqliteStore({ path });
    await enqueueMessage(store, await Keyring.fromSpecs(Keyring.parseSpecs(keys)), systemClock, {
      kind: 'message',
      message: { channel: 'email', to: 'left@example.com', subject: 'Left behind', text: 'x' },
    });
    store.close();
    const server = await startServer(testConfig(path, { TYPING_KEYS: keys }), { log: quietLog });
    try {
      const f = jarFetch(server.url.replace(/\/$/, ''));
      const listed = await apiCall(f, server.url, 'GET', '/__test/outbox');
      assert.deepEqual(
        (listed.body as { to: string; subject: string }[]).map((m) => [m.to, m.subject]),
        [['left@example.com', 'Left behind']],
      );
      assert.equal(await server.store.outbox.count(), 0);
    } finally {
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

function runEntry(env: Record<string, string>): {
  output: () => string;
  exited: Promise<number | null>;
  kill: (signal: NodeJS.Signals) => void;
  listening: Promise<string>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listening = new Promise<string>((resolve) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { output: () => out, exited, kill: (s) => child.kill(s), listening };
}

test('the command-line entry shuts down on SIGTERM and exits 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pep-entry-'));
  try {
    const entry = runEntry({
      DEMO: '1',
      PORT: '0',
      DATABASE_PATH: join(dir, 'db.sqlite'),
      SCRYPT_N: String(TEST_SCRYPT_N),
    });
    const url = await entry.listening;
    const res = await fetch(`${url}api/session`);
    assert.equal(res.status, 200);
    entry.kill('SIGTERM');
    assert.equal(await entry.exited, 0);
    assert.match(entry.output(), /SIGTERM: shutting down/);
    assert.match(entry.output(), /stopped/);
    assert.match(entry.output(), /BELOW production/, 'a reduced scrypt cost is logged');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the entry refuses a bad configuration, listing every problem, exit code 2', async () => {
  const entry = runEntry({ PORT: 'x', SCRYPT_N: '3' });
  assert.equal(await entry.exited, 2);
  const out = entry.output();
  assert.match(out, /PORT must be an integer/);
  assert.match(out, /power of two/);
  assert.match(out, /SMTP_HOST is required/);
});
