/**
 * Two reference-server processes' worth of state — two `startServer` instances, each with its
 * own engine, connection pool and HTTP port — on ONE PostgreSQL database, as behind a load
 * balancer: a lockout counted across both locks at exactly the 5th failure, a session cookie
 * issued by one is honoured by the other, a code sent by one is verified by the other, once.
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
import { apiCall, jarFetch, quietLog, testConfig, type JarFetch } from './server-support.js';

const { postgres, skip } = await testPostgresOrSkip();
let a: RunningServer;
let b: RunningServer;

before(async () => {
  if (!postgres) return;
  const url = await createDatabase(postgres.url);
  // Instance A seeds the demo producer; B finds it there.
  a = await startServer(testConfig('unused-a.sqlite', { DATABASE_URL: url }), { log: quietLog });
  b = await startServer(testConfig('unused-b.sqlite', { DATABASE_URL: url }), { log: quietLog });
});

after(async () => {
  await a?.close();
  await b?.close();
  await postgres?.stop();
});

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
    // The invitation went through A's SMTP sink; the link is confirmed on B.
    const invite = a.sink!.messages().find((m) => m.to === 'dana@example.com')!;
    const token = decodeURIComponent(/[?&]token=([^\s&]+)/.exec(invite.text)![1]!);
    const fb = jarFetch(b.url.replace(/\/$/, ''));
    const onB = adapterOn(b, fb);
    assert.deepEqual(await onB.confirmEmail({ token }), { username: 'dana0001' });
    // A code sent by B is verified on A, once.
    const flow = await onB.findAccount({ username: 'dana0001', purpose: 'create' });
    await onB.sendCode({ flowId: flow.flowId, channel: 'email' });
    const mail = b
      .sink!.messages()
      .filter((m) => m.to === 'dana@example.com')
      .pop()!;
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
