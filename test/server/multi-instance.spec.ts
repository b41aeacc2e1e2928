/**
 * Two reference-server processes' worth of state — two `startServer` instances, each with its
 * own engine, connection pool and HTTP port — on ONE PostgreSQL database, as behind a load
 * balancer: a lockout counted across both locks at exactly the 5th failure, a session cookie
 * issued by one is honoured by the other, a code sent by one is verified by the other, once; a
 * per-account request budget is counted across both (one rate_limits table).
 * Throwaway PostgreSQL (postgres-support.ts); skipped when none is installed (fails with CI=true).
 *
 * scrypt runs at N=1024 (TEST ONLY; production N=2^17).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AdapterError } from '../../src/adapter/errors.js';
import { HttpAdapter } from '../../src/adapter/http/index.js';
import { startServer, type RunningServer } from '../../server/main.js';
import { createDatabase, testPostgresOrSkip } from './postgres-support.js';
import {
  apiCall,
  jarFetch,
  quietLog,
  testConfig,
  testTypingKeys,
  type JarFetch,
} from './server-support.js';

const { postgres, skip } = await testPostgresOrSkip();
let a: RunningServer;
let b: RunningServer;

before(async () => {
  if (!postgres) return;
  const url = await createDatabase(postgres.url);
  // Instance A seeds the demo producer; B finds it there. Every request comes from 127.0.0.1:
  // the per-client budgets are raised so that only the per-account one is under test.
  const options = {
    log: quietLog,
    rateLimits: {
      login: { client: 1000 },
      'find-account': { client: 1000 },
      'send-code': { client: 1000 },
    },
  };
  // One TYPING_KEYS for both, as a deployment must: either worker opens what either queued.
  const TYPING_KEYS = testTypingKeys();
  a = await startServer(testConfig('unused-a.sqlite', { DATABASE_URL: url, TYPING_KEYS }), options);
  b = await startServer(testConfig('unused-b.sqlite', { DATABASE_URL: url, TYPING_KEYS }), options);
});

after(async () => {
  await a?.close();
  await b?.close();
  await postgres?.stop();
});

/**
 * The mail to `address`, newest last, from both instances' SMTP sinks: the outbox is shared, so
 * the worker of either instance may send what a request on the other queued. Drains both first.
 */
async function mailTo(address: string) {
  await a.worker.drain();
  await b.worker.drain();
  return [...a.sink!.messages(), ...b.sink!.messages()]
    .filter((m) => m.to === address)
    .sort((x, y) => x.sentAt - y.sentAt);
}

const adapterOn = (server: RunningServer, f: JarFetch) =>
  new HttpAdapter({ baseUrl: `${server.url}api`, fetch: f, retries: 0 });

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    return err instanceof AdapterError ? err.code : String(err);
  }
}

test(
  'a delegate added through A logs in through B; the lockout is counted across both',
  { skip },
  async () => {
    const fa = jarFetch(a.url.replace(/\/$/, ''));
    await apiCall(fa, a.url, 'POST', '/__test/sign-in', { username: 'demoproducer' });
    await adapterOn(a, fa).addDelegate({
      username: 'dana0001',
      email: 'dana@example.com',
      firstName: 'Dana',
      lastName: 'Lee',
      mobile: '(312) 555-0101',
      states: ['IL'],
    });
    // The invitation was queued on A (sent by either worker); the link is confirmed on B.
    const [invite] = await mailTo('dana@example.com');
    assert.ok(invite, 'the invitation was sent');
    const token = decodeURIComponent(/[?&]token=([^\s&]+)/.exec(invite.text)![1]!);
    const fb = jarFetch(b.url.replace(/\/$/, ''));
    const onB = adapterOn(b, fb);
    assert.deepEqual(await onB.confirmEmail({ token }), { username: 'dana0001' });
    // A code sent by B is verified on A, once.
    const flow = await onB.findAccount({ username: 'dana0001', purpose: 'create' });
    await onB.sendCode({ flowId: flow.flowId, channel: 'email' });
    const mail = (await mailTo('dana@example.com')).pop()!;
    const code = /\b([2-9A-HJKMNP-Z]{8})\b/.exec(mail.text)![1]!;
    const onA = adapterOn(a, jarFetch(a.url.replace(/\/$/, '')));
    const results = await Promise.all([
      codeOf(onA.verifyCode({ flowId: flow.flowId, code })),
      codeOf(onB.verifyCode({ flowId: flow.flowId, code })),
    ]);
    assert.deepEqual(results.filter((r) => r === 'ok').length, 1, String(results));
    await onA.setPassword({ flowId: flow.flowId, password: 'Blue-Sky-Walk-42' });

    // Ten wrong passwords, alternating instances, all at once: locked at exactly the 5th.
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        codeOf(
          adapterOn(i % 2 ? a : b, jarFetch((i % 2 ? a : b).url.replace(/\/$/, ''))).login({
            username: 'dana0001',
            password: 'Wrong-Pass-123',
          }),
        ),
      ),
    );
    assert.equal(attempts.filter((r) => r === 'INVALID_CREDENTIALS').length, 4, String(attempts));
    assert.equal(attempts.filter((r) => r === 'ACCOUNT_LOCKED').length, 6);
    assert.equal(
      await codeOf(onA.login({ username: 'dana0001', password: 'Blue-Sky-Walk-42' })),
      'ACCOUNT_LOCKED',
    );
  },
);

test(
  'a session cookie issued by A is honoured by B (a load balancer may alternate)',
  { skip },
  async () => {
    const fa = jarFetch(a.url.replace(/\/$/, ''));
    await apiCall(fa, a.url, 'POST', '/__test/sign-in', { username: 'demoproducer' });
    const fb = jarFetch(b.url.replace(/\/$/, ''));
    for (const [name, value] of fa.jar) fb.jar.set(name, value);
    const session = await adapterOn(b, fb).getSession();
    assert.equal(session?.user.username, 'demoproducer');
    // Logging out on B ends it on A too.
    await adapterOn(b, fb).logout();
    assert.equal(await adapterOn(a, fa).getSession(), null);
  },
);

test(
  'the per-account login budget holds across both instances: 20 per 15 minutes, then 429',
  { skip },
  async () => {
    // Alternating instances, all at once, at an account that does not exist (same budget).
    const results = await Promise.all(
      Array.from({ length: 26 }, (_, i) => {
        const server = i % 2 ? a : b;
        return apiCall(jarFetch(server.url.replace(/\/$/, '')), server.url, 'POST', '/login', {
          username: 'ghost0042',
          password: 'Wrong-Pass-123',
        });
      }),
    );
    const limited = results.filter((r) => r.status === 429);
    assert.equal(limited.length, 6, results.map((r) => r.status).join());
    for (const r of limited) {
      assert.equal((r.body as { code: string }).code, 'RATE_LIMITED');
      assert.ok(Number(r.headers.get('retry-after')) > 0);
    }
    // Both instances refuse once the budget is spent.
    for (const server of [a, b]) {
      const res = await apiCall(
        jarFetch(server.url.replace(/\/$/, '')),
        server.url,
        'POST',
        '/login',
        {
          username: 'GHOST0042',
          password: 'Wrong-Pass-123',
        },
      );
      assert.equal(res.status, 429);
    }
  },
);

test(
  'counting inside lock transactions never stalls the pool: 30 concurrent send-codes on one instance',
  { skip },
  async () => {
    // Each send-code counts against the limiter while its flow lock holds a connection of the
    // store's pool (10): the limiter's own pool keeps that from waiting on itself.
    const flows = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const f = jarFetch(a.url.replace(/\/$/, ''));
        const found = await apiCall(f, a.url, 'POST', '/password/find-account', {
          username: `nobody${String(i).padStart(4, '0')}`,
          purpose: 'reset',
        });
        assert.equal(found.status, 200, JSON.stringify(found.body));
        return { f, flowId: (found.body as { flowId: string }).flowId };
      }),
    );
    const t0 = performance.now();
    const sent = await Promise.all(
      flows.map(({ f, flowId }) =>
        apiCall(f, a.url, 'POST', '/password/send-code', { flowId, channel: 'email' }),
      ),
    );
    const ms = performance.now() - t0;
    assert.deepEqual(
      [...new Set(sent.map((r) => r.status))],
      [200],
      sent.map((r) => JSON.stringify(r.body)).join(),
    );
    assert.ok(ms < 10_000, `30 send-codes took ${Math.round(ms)} ms`);
  },
);
