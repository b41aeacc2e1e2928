/**
 * Demo mode's extras: the demo portal served under the strict CSP with the HttpAdapter marker,
 * no file outside the demo directory, the dev routes (Outbox, Reset demo data), the seeded demo
 * producer, and none of it outside demo mode.
 *
 * scrypt runs at N=1024 (TEST ONLY; production N=2^17).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSP } from '../../scripts/demo-server.mjs';
import { startServer, type RunningServer } from '../../server/main.js';
import { withBackendMeta } from '../../server/demo/demo-site.js';
import { SmtpSink } from '../../server/mail/smtp-sink.js';
import { apiCall, jarFetch, quietLog, testConfig } from './server-support.js';

const dir = mkdtempSync(join(tmpdir(), 'pep-demo-mode-'));
const site = join(dir, 'site');
let server: RunningServer;

before(async () => {
  mkdirSync(join(site, 'sub'), { recursive: true });
  writeFileSync(
    join(site, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8" /><script type="module" src="main.js"></script></head><body></body></html>',
  );
  writeFileSync(join(site, 'main.js'), 'export {};');
  writeFileSync(join(dir, 'secret.txt'), 'outside the site');
  server = await startServer(testConfig(join(dir, 'db.sqlite'), { DEMO_DIR: site }), {
    log: quietLog,
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
    }),
    { log: quietLog },
  );
  try {
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

test('a relay that refuses mail makes the call fail UNAVAILABLE, logged without the message', async () => {
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
    assert.ok(res.status >= 500, String(res.status));
    assert.deepEqual(res.body, { code: 'UNAVAILABLE', data: {} });
    const logged = lines.join('\n');
    assert.match(logged, /api error: POST \/api\/delegates/);
    assert.doesNotMatch(logged, /token=/, 'the link is not logged');
  } finally {
    await broken.close();
  }
});
