/**
 * Demo mode's extras: the demo portal served under the strict CSP with the HttpAdapter marker,
 * no file outside the demo directory, the dev routes (Outbox, Reset demo data), the seeded demo
 * producer and help-desk user, the demo sealing key kept next to the database (reused after a
 * restart), and none of it outside demo mode.
 *
 * scrypt runs at N=1024 (TEST ONLY; production N=2^17).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSP } from '../../scripts/demo-server.mjs';
import { startServer, type RunningServer } from '../../server/main.js';
import { demoKeySpecs } from '../../server/demo/demo-keys.js';
import { Keyring } from '../../src/adapter/engine/sealing.js';
import { typingSamplesFor } from '../../src/adapter/memory/typist.js';
import { withBackendMeta } from '../../server/demo/demo-site.js';
import { SmtpSink } from '../../server/mail/smtp-sink.js';
import { apiCall, jarFetch, quietLog, testConfig, testTypingKeys } from './server-support.js';

const dir = mkdtempSync(join(tmpdir(), 'pep-demo-mode-'));
const site = join(dir, 'site');
let server: RunningServer;
const startLines: string[] = [];

before(async () => {
  mkdirSync(join(site, 'sub'), { recursive: true });
  writeFileSync(
    join(site, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8" /><script type="module" src="main.js"></script></head><body></body></html>',
  );
  writeFileSync(join(site, 'main.js'), 'export {};');
  writeFileSync(join(dir, 'secret.txt'), 'outside the site');
  server = await startServer(testConfig(join(dir, 'db.sqlite'), { DEMO_DIR: site }), {
    log: { info: (l) => startLines.push(l), warn: (l) => startLines.push(l) },
  });
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the portal page carries the HttpAdapter marker and the strict CSP', async () => {
  const res = await fetch(server.url);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-security-policy'), CSP);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.match(res.headers.get('content-type')!, /^text\/html/);
  const html = await res.text();
  assert.match(html, /<head>\s*<meta name="pep-backend" content="http" \/>/);
  const js = await fetch(`${server.url}main.js`);
  assert.match(js.headers.get('content-type')!, /^text\/javascript/);
  assert.equal(await js.text(), 'export {};');
});

test('nothing outside the demo directory is served; unknown paths are 404', async () => {
  for (const path of ['../secret.txt', '..%2Fsecret.txt', '%2e%2e/secret.txt', 'nope.js', 'sub']) {
    const res = await fetch(`${server.url}${path}`);
    assert.equal(res.status, 404, path);
    assert.doesNotMatch(await res.text(), /outside the site/);
  }
  // The API keeps its own JSON 404.
  const api = await fetch(`${server.url}api/nope`);
  assert.equal(api.status, 404);
  assert.deepEqual(await api.json(), { code: 'NOT_FOUND', data: {} });
});

test('the marker is inserted once', () => {
  const once = withBackendMeta('<html><head><title>x</title></head></html>');
  assert.equal(withBackendMeta(once), once);
  assert.equal(once.match(/pep-backend/g)!.length, 1);
});

// Rule changed on purpose (issue 19 follow-up): the demo key is no longer generated per start
// on SQLite; it is kept next to the database and reused (see the restart test below).
test('demo mode creates its sealing key next to the database and says so (never the key); seeds the help-desk user', async () => {
  const logged = startLines.join('\n');
  const file = join(dir, 'demo-typing-keys');
  assert.match(logged, /TYPING_KEYS not set: created the demo sealing key "[\w.-]+" in \S+/);
  assert.ok(logged.includes(file), 'names the file');
  assert.doesNotMatch(logged, /[A-Za-z0-9_-]{43}/, 'no key material in the log');
  const [spec] = Keyring.parseSpecs(readFileSync(file, 'utf8'));
  assert.ok(!logged.includes(spec!.key), 'never the key');
  assert.equal(statSync(file).mode & 0o777, 0o600, 'readable by its owner only');
  assert.match(
    logged,
    /seeded the demo producer "demoproducer" and the demo help-desk user "helpdesk1"/,
  );
  assert.equal(await server.engine.admin.hasAccount('helpdesk1'), true);
});

test('the demo producer is seeded; the Outbox lists what was sent; Reset wipes and re-seeds', async () => {
  const f = jarFetch(server.url.replace(/\/$/, ''));
  const signIn = await apiCall(f, server.url, 'POST', '/__test/sign-in', {
    username: 'demoproducer',
  });
  assert.equal(signIn.status, 200);
  const added = await apiCall(f, server.url, 'POST', '/delegates', {
    username: 'robin0042',
    email: 'robin@example.com',
    firstName: 'Robin',
    lastName: 'Hale',
    mobile: '(312) 555-0142',
    states: ['IL'],
  });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  const outbox = (await (await fetch(`${server.url}dev/outbox`)).json()) as { subject: string }[];
  assert.deepEqual(
    outbox.map((m) => m.subject),
    ['Confirm Your Email Address'],
  );

  // Reset needs the demo header (a cross-site form cannot send it).
  const refused = await f(`${server.url}dev/reset`, { method: 'POST' });
  assert.equal(refused.status, 403);
  const reset = await f(`${server.url}dev/reset`, {
    method: 'POST',
    headers: { 'x-pep-demo': '1' },
  });
  assert.equal(reset.status, 204);
  assert.deepEqual(await (await fetch(`${server.url}dev/outbox`)).json(), []);
  assert.equal(await server.engine.admin.hasAccount('robin0042'), false);
  assert.equal(await server.engine.admin.hasAccount('demoproducer'), true);
  assert.equal(await server.engine.admin.hasAccount('helpdesk1'), true);
  assert.equal(await server.engine.admin.hasAccount('lockeddelegate'), true, 're-seeded');
  // The old session is gone with the data.
  const session = await apiCall(f, server.url, 'GET', '/session');
  assert.equal(session.body, null);
});

test('outside demo mode: no demo portal, no dev or test routes, no seeded producer', async () => {
  const sink = new SmtpSink();
  const sinkPort = await sink.start();
  const plain = await startServer(
    testConfig(join(dir, 'plain.sqlite'), {
      DEMO: '0',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sinkPort),
      SMTP_FROM: 'no-reply@portal.example',
      DEMO_DIR: site,
      TYPING_KEYS: testTypingKeys(),
    }),
    { log: quietLog },
  );
  try {
    assert.equal(await plain.engine.admin.hasAccount('helpdesk1'), false, 'no seeded help desk');
    assert.equal(plain.outbox, null);
    assert.equal((await fetch(plain.url)).status, 404);
    assert.equal((await fetch(`${plain.url}dev/outbox`)).status, 404);
    assert.equal((await fetch(`${plain.url}api/__test/outbox`)).status, 404);
    assert.equal(await plain.engine.admin.hasAccount('demoproducer'), false);
    assert.equal((await fetch(`${plain.url}api/session`)).status, 200);
  } finally {
    await plain.close();
    await sink.close();
  }
});

// Rule changed on purpose (issue 19): a failing relay no longer changes the answer (it used to be
// a 503 UNAVAILABLE for an existing account only): the message waits in the outbox, the failure
// is logged (masked, without the message) and retried with back-off.
test('a relay that refuses mail changes no answer: the message stays queued, logged without its text', async () => {
  const lines: string[] = [];
  const closedPort = await (async () => {
    const probe = new SmtpSink();
    const port = await probe.start();
    await probe.close();
    return port;
  })();
  const broken = await startServer(
    testConfig(join(dir, 'broken.sqlite'), {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(closedPort),
      SMTP_FROM: 'no-reply@portal.example',
      SMTP_TIMEOUT_MS: '2000',
      DEMO_DIR: site,
    }),
    { log: { info: (l) => lines.push(l), warn: (l) => lines.push(l) } },
  );
  try {
    const f = jarFetch(broken.url.replace(/\/$/, ''));
    await apiCall(f, broken.url, 'POST', '/__test/sign-in', { username: 'demoproducer' });
    const res = await apiCall(f, broken.url, 'POST', '/delegates', {
      username: 'robin0042',
      email: 'robin@example.com',
      firstName: 'Robin',
      lastName: 'Hale',
      mobile: '(312) 555-0142',
      states: ['IL'],
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    // The worker tried (kicked by the request) or tries now; the message waits for a retry.
    await broken.worker.drain();
    assert.equal(await broken.store.outbox.count(), 1, 'kept for a retry');
    const logged = lines.join('\n');
    assert.match(logged, /outbox: email to r\S+ failed \(\w+\), attempt 1 of 8; retry in 1 s/);
    assert.doesNotMatch(logged, /api error/, 'not an API error');
    assert.doesNotMatch(logged, /token=/, 'the link is not logged');
    assert.doesNotMatch(logged, /robin@example\.com/, 'nor the full address');
  } finally {
    await broken.close();
  }
});

test('HELP_DESK=0: no help-desk routes, no seeded help-desk user', async () => {
  const off = await startServer(
    testConfig(join(dir, 'no-help-desk.sqlite'), { DEMO_DIR: site, HELP_DESK: '0' }),
    { log: quietLog },
  );
  try {
    assert.equal(await off.engine.admin.hasAccount('helpdesk1'), false);
    assert.equal(await off.engine.admin.hasAccount('demoproducer'), true);
    const f = jarFetch(off.url.replace(/\/$/, ''));
    for (const path of [
      '/help-desk/unlock-account',
      '/help-desk/reset-typing-pattern',
      '/help-desk/delegates/search',
      '/help-desk/delegates/detail',
      '/help-desk/delegates/activity',
      '/help-desk/delegates/action',
    ]) {
      const res = await apiCall(f, off.url, 'POST', path, { username: 'demoproducer' });
      assert.equal(res.status, 404, path);
    }
  } finally {
    await off.close();
  }
});

test('the demo key is reused at the next start: a pattern enrolled before a restart still verifies', async () => {
  const own = mkdtempSync(join(tmpdir(), 'pep-demo-key-'));
  const db = join(own, 'data', 'demo.sqlite');
  const file = join(own, 'data', 'demo-typing-keys');
  const password = 'Blue-Sky-Quote-42!';
  const ctx = { sessionToken: null, clientAddress: '127.0.0.1' };
  try {
    const firstLines: string[] = [];
    const first = await startServer(testConfig(db, { DEMO_DIR: site }), {
      log: { info: (l) => firstLines.push(l), warn: (l) => firstLines.push(l) },
    });
    try {
      assert.match(firstLines.join('\n'), /created the demo sealing key/);
      await first.engine.admin.createDelegate({
        username: 'typist0042',
        email: 'typist@example.com',
        firstName: 'Tess',
        lastName: 'Typist',
        mobile: '(312) 555-0142',
        states: ['IL'],
        producer: 'demoproducer',
        password,
        typingSamples: typingSamplesFor(first.engine.sampleText).enroll,
      });
    } finally {
      await first.close();
    }
    const kept = readFileSync(file, 'utf8');

    const secondLines: string[] = [];
    const second = await startServer(testConfig(db, { DEMO_DIR: site }), {
      log: { info: (l) => secondLines.push(l), warn: (l) => secondLines.push(l) },
    });
    try {
      const logged = secondLines.join('\n');
      const kid = Keyring.parseSpecs(kept)[0]!.kid;
      assert.match(logged, new RegExp(`reusing the demo sealing key "${kid}" from \\S+`));
      assert.doesNotMatch(logged, /[A-Za-z0-9_-]{43}/, 'no key material in the log');
      assert.equal(readFileSync(file, 'utf8'), kept, 'the file is not replaced');
      const login = await second.engine.login(ctx, { username: 'typist0042', password });
      assert.equal(login.status, 'verification-required');
      if (login.status !== 'verification-required') return;
      const pattern = login.pending.options.find((o) => o.method === 'pattern');
      assert.equal(pattern?.available, true, 'the template opens after the restart');
      const verified = await second.engine.verifyTypingPattern(ctx, {
        pendingId: login.pending.pendingId,
        samples: typingSamplesFor(second.engine.sampleText).genuine,
        rememberDevice: false,
      });
      assert.equal(verified.session.user.username, 'typist0042');
    } finally {
      await second.close();
    }
  } finally {
    rmSync(own, { recursive: true, force: true });
  }
});

test('a demo key file that holds no valid key stops the start; without a SQLite file the key is per run', async () => {
  const own = mkdtempSync(join(tmpdir(), 'pep-demo-key-'));
  try {
    writeFileSync(join(own, 'demo-typing-keys'), 'not a key\n', { mode: 0o600 });
    await assert.rejects(
      demoKeySpecs(join(own, 'db.sqlite'), quietLog),
      /demo key file .* delete it/,
    );
    const lines: string[] = [];
    const log = { info: (l: string) => lines.push(l), warn: (l: string) => lines.push(l) };
    const a = await demoKeySpecs(null, log);
    const b = await demoKeySpecs(null, log);
    assert.notEqual(a[0]!.key, b[0]!.key, 'a new key per run');
    assert.match(lines[0]!, /generated a sealing key for this run only \(PostgreSQL: no key file/);
    assert.ok(!lines.join('\n').includes(a[0]!.key), 'never the key');
  } finally {
    rmSync(own, { recursive: true, force: true });
  }
});
