/**
 * Restarting the reference server loses nothing: a journey is started on one server process,
 * the server is shut down (gracefully) in the middle of it, a new one is started on the same
 * database file, and the journey continues. Delegates, password hashes, lockouts, remembered
 * devices, typing templates, sessions and outstanding codes all survive. Codes and links are read
 * from the loopback SMTP sink (emails) and the recorded SMS.
 *
 * scrypt runs at N=1024 (TEST ONLY; production N=2^17).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpAdapter } from '../../src/adapter/http/index.js';
import { AdapterError } from '../../src/adapter/errors.js';
import { typingSamplesFor } from '../../src/adapter/memory/typist.js';
import type { DelegateInput, OutboxMessage } from '../../src/adapter/types.js';
import { startServer, type RunningServer } from '../../server/main.js';
import {
  apiCall,
  jarFetch,
  quietLog,
  testConfig,
  testTypingKeys,
  type JarFetch,
} from './server-support.js';

const dir = mkdtempSync(join(tmpdir(), 'pep-restart-'));
const dbFile = join(dir, 'pep.sqlite');
after(() => rmSync(dir, { recursive: true, force: true }));

const PASSWORD = 'Blue-Sky-Walk-42';
const DANA: DelegateInput = {
  username: 'dana0001',
  email: 'dana.lee@example.com',
  firstName: 'Dana',
  lastName: 'Lee',
  mobile: '(312) 555-0101',
  states: ['IL'],
};
const SAM: DelegateInput = {
  username: 'sam00002',
  email: 'sam.ortiz@example.com',
  firstName: 'Sam',
  lastName: 'Ortiz',
  mobile: '(312) 555-0102',
  states: ['TX'],
};

/** A browser: its own cookie jar and HttpAdapter, on whichever server runs now. */
interface Browser {
  fetch: JarFetch;
  adapter: () => HttpAdapter;
}

let server: RunningServer;
// Both servers listen on the same port, so the browsers' origin (and cookies) stay valid.
let port = 0;
// The same sealing key for both runs, as a deployment keeps TYPING_KEYS across restarts (without
// it, demo mode would reuse its key file beside the database; set here as production does).
const TYPING_KEYS = testTypingKeys();

async function start(): Promise<RunningServer> {
  server = await startServer(testConfig(dbFile, { PORT: String(port), TYPING_KEYS }), {
    log: quietLog,
    shutdownGraceMs: 1000,
  });
  port = server.port;
  return server;
}

function browser(): Browser {
  const origin = () => server.url.replace(/\/$/, '');
  const fetch = jarFetch(`http://localhost:${port}`);
  return {
    fetch,
    adapter: () => new HttpAdapter({ baseUrl: `${origin()}/api`, fetch, retries: 0 }),
  };
}

async function messagesTo(address: string): Promise<OutboxMessage[]> {
  // Everything queued so far is sent first (the outbox worker runs in the background).
  await server.worker.drain();
  return server.outbox!.messages().filter((m) => m.to.toLowerCase() === address.toLowerCase());
}

async function latestCode(address: string): Promise<string> {
  const all = await messagesTo(address);
  const code = /\b([2-9A-HJKMNP-Z]{8})\b/.exec(all[all.length - 1]?.text ?? '')?.[1];
  assert.ok(code, `a code was sent to ${address}`);
  return code;
}

async function rejectsWith(p: Promise<unknown>, code: string): Promise<AdapterError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof AdapterError, String(err));
    assert.equal(err.code, code);
    return err;
  }
  assert.fail(`expected ${code}`);
}

let producer: Browser;
let delegate: Browser;
let deviceToken = '';
let unlocksAt = 0;
let resetFlowId = '';

before(async () => {
  await start();
  producer = browser();
  delegate = browser();
});

after(async () => {
  await server?.close();
});

test('first run: a producer adds two delegates; one registers, enrolls and remembers a device', async () => {
  const signIn = await apiCall(producer.fetch, server.url, 'POST', '/__test/sign-in', {
    username: 'demoproducer',
  });
  assert.equal(signIn.status, 200);
  const p = producer.adapter();
  await p.addDelegate(DANA);
  await p.addDelegate(SAM);

  // Dana: the emailed link, a code, a password.
  const invite = (await messagesTo(DANA.email)).pop()!;
  const token = new URL(/https?:\/\/\S+/.exec(invite.text)![0]).hash.split('token=')[1]!;
  const d = delegate.adapter();
  assert.deepEqual(await d.confirmEmail({ token: decodeURIComponent(token) }), {
    username: DANA.username,
  });
  const flow = await d.findAccount({ username: DANA.username, purpose: 'create' });
  await d.sendCode({ flowId: flow.flowId, channel: 'email' });
  await d.verifyCode({ flowId: flow.flowId, code: await latestCode(DANA.email) });
  await d.setPassword({ flowId: flow.flowId, password: PASSWORD });

  // First login: enroll the pattern, verify by SMS, remember the device.
  const first = await d.login({ username: DANA.username, password: PASSWORD });
  assert.equal(first.status, 'verification-required');
  if (first.status !== 'verification-required') return;
  const samples = typingSamplesFor(first.pending.sampleText);
  await d.enrollTypingPattern({ pendingId: first.pending.pendingId, samples: samples.enroll });
  await d.sendVerificationCode({ pendingId: first.pending.pendingId, channel: 'sms' });
  const verified = await d.verifyAccountCode({
    pendingId: first.pending.pendingId,
    code: await latestCode('+13125550101'),
    rememberDevice: true,
  });
  assert.ok(verified.deviceToken);
  deviceToken = verified.deviceToken!.token;
  assert.equal((await d.getSession())?.user.username, DANA.username);
});

test('first run: five wrong passwords lock Sam; a reset-password code is sent to Dana', async () => {
  const anon = browser().adapter();
  for (let i = 0; i < 4; i++) {
    await rejectsWith(
      anon.login({ username: SAM.username, password: 'Wrong-Pass-123' }),
      'INVALID_CREDENTIALS',
    );
  }
  const locked = await rejectsWith(
    anon.login({ username: SAM.username, password: 'Wrong-Pass-123' }),
    'ACCOUNT_LOCKED',
  );
  unlocksAt = (locked.data as { unlocksAt: number }).unlocksAt;
  assert.ok(unlocksAt > Date.now());

  // Mid-journey: Forgot Password, code sent, not yet entered when the server stops.
  const flow = await anon.findAccount({ username: DANA.username, purpose: 'reset' });
  await anon.sendCode({ flowId: flow.flowId, channel: 'email' });
  resetFlowId = flow.flowId;
});

test('the server restarts on the same database file', async () => {
  const code = await latestCode(DANA.email);
  await server.close();
  await start();
  // The sink is new and empty: nothing below can come from memory of the first run.
  assert.equal(server.outbox!.messages().length, 0);
  assert.equal(server.store.appliedMigrations.length, 0, 'no migration on re-open');
  // Keep the code for the next test.
  pendingResetCode = code;
});
let pendingResetCode = '';

test('after the restart: sessions, delegates and statuses are still there', async () => {
  const p = producer.adapter();
  // The producer's session cookie from the first run is still valid.
  const session = await p.getSession();
  assert.equal(session?.user.username, 'demoproducer');
  const list = await p.listDelegates();
  const status = Object.fromEntries(list.map((x) => [x.username, x.status]));
  assert.deepEqual(status, { [DANA.username]: 'active', [SAM.username]: 'locked' });
  const dana = list.find((x) => x.username === DANA.username)!;
  assert.equal(dana.mobile, '+13125550101');
  assert.deepEqual(dana.states, ['IL']);
  // Dana's session too.
  assert.equal((await delegate.adapter().getSession())?.user.username, DANA.username);
});

test('after the restart: the lockout holds with the same unlock time, for any password', async () => {
  const anon = browser().adapter();
  const err = await rejectsWith(
    anon.login({ username: SAM.username, password: 'Wrong-Pass-123' }),
    'ACCOUNT_LOCKED',
  );
  assert.equal((err.data as { unlocksAt: number }).unlocksAt, unlocksAt);
});

test('after the restart: the password hash and the remembered device let Dana straight in', async () => {
  const fresh = browser();
  const a = fresh.adapter();
  await rejectsWith(
    a.login({ username: DANA.username, password: 'Not-Her-Pass-1' }),
    'INVALID_CREDENTIALS',
  );
  assert.deepEqual((await a.checkDevice({ username: DANA.username, deviceToken })).valid, true);
  const result = await a.login({ username: DANA.username, password: PASSWORD, deviceToken });
  assert.equal(result.status, 'authenticated');
  // Without the device, the enrolled pattern (a persisted typing template) is offered.
  const other = await browser().adapter().login({ username: DANA.username, password: PASSWORD });
  assert.equal(other.status, 'verification-required');
  if (other.status !== 'verification-required') return;
  assert.equal(other.pending.mustEnrollPattern, false);
  assert.ok(other.pending.options.some((o) => o.method === 'pattern' && o.available));
});

test('after the restart: the reset-password code sent before it still works, once', async () => {
  const a = browser().adapter();
  await a.verifyCode({ flowId: resetFlowId, code: pendingResetCode });
  await a.setPassword({ flowId: resetFlowId, password: 'Green-Field-Run-77' });
  await rejectsWith(a.verifyCode({ flowId: resetFlowId, code: pendingResetCode }), 'FLOW_EXPIRED');
  // The new password works, and (a password change revokes devices) the old device does not skip.
  const after = await a.login({
    username: DANA.username,
    password: 'Green-Field-Run-77',
    deviceToken,
  });
  assert.equal(after.status, 'verification-required');
});

test('the database file holds hashes and digests, never a password, code or token', async () => {
  const db = server.sqlite!.db;
  const dump = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  )
    .map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t.name}`).all()))
    .join('\n');
  for (const secret of [PASSWORD, 'Green-Field-Run-77', deviceToken, pendingResetCode]) {
    assert.ok(!dump.includes(secret), 'secret found in the database');
  }
  assert.match(dump, /"alg\\":\\"scrypt\\"/);
});
