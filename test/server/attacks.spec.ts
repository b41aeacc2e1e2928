/**
 * Issue 19's attacks, replayed over HTTP against the whole reference server, in DEMO mode (`npm
 * run serve`) and in production mode (DEMO off: a real SMTP relay setting, a configured typing
 * key): the attacker is nothing but an HTTP client that knows a username, or a username and its
 * password. Every attack must fail.
 *
 *   (a) 20 password guesses with help-desk unlocks in between → the unlocks are refused (no
 *       help-desk session), the lock holds.
 *   (b) Reset-pattern takeover: enroll one's own pattern on a victim without one, abandon, log in
 *       again → still must enroll, the pattern option is unavailable, no session.
 *   (c) The relay is down (SMTP port closed, SMS gateway throwing) → Send Code and Forgot
 *       Username answer the same for an existing and a missing account.
 *   (d) A burst of find-account + send-code for 60 usernames, and of wrong codes → 429 with
 *       Retry-After after the client's budget (the server's DEFAULT limits).
 *   (e) `__proto__` in a body → 400, nothing written.
 *   (f) An anonymous 7 MB upload → 401 before the body is sent.
 *   (g) A login's `language` (issue 23): a wrong password is refused the same with or without
 *       it; with the password it only picks this enrollment's sentence (unknown: ignored) and
 *       never changes the delegate's preference.
 *
 * The test's own set-up (accounts, the clock) goes through the test-only back door the attacker
 * does not have. scrypt at N=1024 (TEST ONLY). Rate limits relaxed except in (d).
 *
 *   node --import tsx --test test/server/attacks.spec.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { Keyring } from '../../src/adapter/engine/sealing.js';
import { typingSamplesFor } from '../../src/adapter/memory/typist.js';
import type { TicketRecord } from '../../src/adapter/engine/index.js';
import {
  partialUpload,
  startTestServer,
  type Caller,
  type Reply,
  type TestServer,
  type TestServerOptions,
} from './http-attack-support.js';

const PRODUCER = {
  username: 'producer1',
  password: 'Prod-Secret-2026!',
  firstName: 'Pat',
  lastName: 'Morgan',
  email: 'pat@agency.example',
  mobile: '(312) 555-0100',
  states: ['IL', 'TX'],
  producerId: 'P-100',
};
const PASSWORD = 'Blue-Sky-Walk-42!';
let serial = 0;

/** A loopback port nothing listens on (the relay that is down). */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A delegate of PRODUCER with a password and no typing pattern (the victim). */
async function victim(t: TestServer): Promise<{ username: string; email: string; mobile: string }> {
  serial += 1;
  const input = {
    producer: PRODUCER.username,
    username: `victim${serial}`,
    email: `victim.${serial}@example.com`,
    firstName: 'Vic',
    lastName: 'Tim',
    mobile: `(312) 555-${String(1000 + serial).slice(-4)}`,
    states: ['IL'],
    password: PASSWORD,
  };
  const summary = (await t.backDoor('/delegates', input)) as { mobile: string };
  return { username: input.username, email: input.email, mobile: summary.mobile };
}

interface Pending {
  pendingId: string;
  mustEnrollPattern: boolean;
  sampleText: string;
  options: { method: string; available: boolean }[];
}

async function pendingLogin(c: Caller, username: string): Promise<Pending> {
  const r = await c.post('/login', { username, password: PASSWORD });
  assert.equal(r.status, 200, `login ${username}: ${JSON.stringify(r.body)}`);
  const body = r.body as { status: string; pending: Pending };
  assert.equal(body.status, 'verification-required');
  return body.pending;
}

function code(r: Reply): string | undefined {
  return (r.body as { code?: string } | undefined)?.code;
}

interface Mode {
  label: string;
  env: () => Promise<Record<string, string>>;
}

const MODES: Mode[] = [
  { label: 'DEMO mode', env: async () => ({}) },
  {
    label: 'production mode',
    env: async () => {
      const key = Keyring.newKeySpec('k1');
      return {
        DEMO: '0',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(await closedPort()),
        SMTP_FROM: 'portal@example.com',
        TYPING_KEYS: `${key.kid}:${key.key}`,
      };
    },
  },
];

for (const mode of MODES) {
  describe(`issue 19 attacks over HTTP (${mode.label})`, () => {
    const servers: TestServer[] = [];
    async function server(options: TestServerOptions = {}): Promise<TestServer> {
      const t = await startTestServer({
        ...options,
        env: { ...(await mode.env()), ...options.env },
      });
      servers.push(t);
      await t.backDoor('/producers', PRODUCER);
      return t;
    }
    let t: TestServer;
    before(async () => {
      t = await server();
    });
    after(async () => {
      for (const s of servers) await s.close();
    });

    it('(a) 20 guesses with help-desk unlocks in between: every unlock is refused, the lock holds', async () => {
      const target = await victim(t);
      const attacker = t.anonymous();
      // The attacker may even have an account of their own (here: a delegate session).
      const own = await victim(t);
      const signedIn = await t.signedIn(own.username);
      const answers: number[] = [];
      for (let round = 0; round < 5; round++) {
        for (let i = 0; i < 4; i++) {
          const r = await attacker.post('/login', {
            username: target.username,
            password: `Guess-${round}-${i}-Wrong!`,
          });
          answers.push(r.status);
        }
        for (const path of ['/help-desk/unlock-account', '/help-desk/reset-typing-pattern']) {
          const anonymous = await attacker.post(path, { username: target.username });
          assert.equal(anonymous.status, 401, `${path} anonymous`);
          assert.equal(code(anonymous), 'NOT_AUTHENTICATED');
          const delegate = await signedIn.post(path, { username: target.username });
          assert.equal(delegate.status, 403, `${path} as a delegate`);
          assert.equal(code(delegate), 'FORBIDDEN');
        }
      }
      assert.deepEqual(
        answers,
        [401, 401, 401, 401, ...Array<number>(16).fill(423)],
        'four wrong answers, then locked for every further guess',
      );
      const right = await attacker.post('/login', {
        username: target.username,
        password: PASSWORD,
      });
      assert.equal(right.status, 423, 'the right password does not get through the lock');
      assert.equal(code(right), 'ACCOUNT_LOCKED');
      assert.ok(Number(right.headers.get('retry-after')) > 0, 'Retry-After on the lock');
    });

    it('(b) reset-pattern takeover: an enrollment without a passed code binds nothing', async () => {
      const target = await victim(t);
      const attacker = t.anonymous();
      const first = await pendingLogin(attacker, target.username);
      assert.equal(first.mustEnrollPattern, true, 'the victim has no pattern yet');
      const mine = typingSamplesFor(first.sampleText, 4242);
      const enrolled = await attacker.post('/login/enroll-pattern', {
        pendingId: first.pendingId,
        samples: mine.enroll,
      });
      assert.equal(enrolled.status, 200, JSON.stringify(enrolled.body));
      // The same pending login cannot be finished by the pattern just typed.
      const same = await attacker.post('/login/verify-pattern', {
        pendingId: first.pendingId,
        samples: mine.genuine,
        rememberDevice: true,
      });
      assert.notEqual(same.status, 200, 'no session from the pattern just enrolled');
      // Abandon, and log in again: nothing was bound.
      const again = await pendingLogin(attacker, target.username);
      assert.equal(again.mustEnrollPattern, true, 'still must enroll');
      const pattern = again.options.find((o) => o.method === 'pattern');
      assert.ok(!pattern?.available, 'the pattern option is unavailable');
      const verify = await attacker.post('/login/verify-pattern', {
        pendingId: again.pendingId,
        samples: mine.genuine,
        rememberDevice: true,
      });
      assert.notEqual(verify.status, 200, 'the attacker pattern signs nothing in');
      assert.ok([403, 422].includes(verify.status), `refused (${verify.status} ${code(verify)})`);
      const session = await attacker.call('GET', '/session');
      assert.equal(session.body, null, 'no session');
      assert.equal(attacker.fetch.jar.has('pep-session'), false, 'no session cookie');
      // And the owner's own next login is unchanged: enroll (with a code), as before.
      const owner = await pendingLogin(t.anonymous(), target.username);
      assert.equal(owner.mustEnrollPattern, true);
    });

    it('(c) with the relay down, Send Code and Forgot Username answer the same for existing and missing', async () => {
      const down = await server({
        env: {
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(await closedPort()),
          SMTP_FROM: 'portal@example.com',
          SMTP_TIMEOUT_MS: '500',
        },
        start: {
          sms: {
            sendSms: async () => {
              throw new Error('gateway down');
            },
          },
        },
      });
      const target = await victim(down);
      const attacker = down.anonymous();
      const replies: Record<'existing' | 'missing', Reply[]> = { existing: [], missing: [] };
      for (const [which, username, email] of [
        ['existing', target.username, target.email],
        ['missing', 'nosuchvictim9', 'nobody.here@example.com'],
      ] as const) {
        const flow = await attacker.post('/password/find-account', { username, purpose: 'reset' });
        replies[which].push(flow);
        const { flowId } = flow.body as { flowId: string };
        for (const channel of ['email', 'sms']) {
          replies[which].push(await attacker.post('/password/send-code', { flowId, channel }));
        }
        replies[which].push(await attacker.post('/username/remind', { email }));
      }
      const shape = (r: Reply) => ({
        status: r.status,
        code: code(r),
        keys: Object.keys((r.body as object) ?? {}).sort(),
      });
      assert.deepEqual(replies.missing.map(shape), replies.existing.map(shape));
      for (const r of replies.existing) assert.equal(r.status, 200, JSON.stringify(r.body));
      // The relay really is down: what was queued for the existing account is not sent.
      assert.equal(await down.server.worker.drain(), 0, 'nothing could be sent');
      assert.ok((await down.server.store.outbox.count()) > 0, 'the messages wait for a retry');
    });

    it('(d) a burst of find-account + send-code for 60 usernames, and of wrong codes, hits 429 at the client budget (default limits)', async () => {
      const limited = await server({ limits: 'default' });
      const existing = await victim(limited);
      const attacker = limited.anonymous();
      const found: number[] = [];
      const sent: number[] = [];
      for (let i = 0; i < 60; i++) {
        const username = i === 7 ? existing.username : `someone${i}x`;
        const flow = await attacker.post('/password/find-account', { username, purpose: 'reset' });
        found.push(flow.status);
        if (flow.status !== 200) continue;
        const { flowId } = flow.body as { flowId: string };
        sent.push(
          (await attacker.post('/password/send-code', { flowId, channel: 'email' })).status,
        );
      }
      assert.deepEqual(found, [...Array<number>(20).fill(200), ...Array<number>(40).fill(429)]);
      assert.deepEqual(sent, [...Array<number>(10).fill(200), ...Array<number>(10).fill(429)]);
      const refused = await attacker.post('/password/find-account', {
        username: 'onemore1',
        purpose: 'reset',
      });
      assert.equal(refused.status, 429);
      const { retryAfter } = (refused.body as { data: { retryAfter: number } }).data;
      const seconds = Number(refused.headers.get('retry-after'));
      assert.equal(seconds, Math.ceil((retryAfter - limited.clock.now()) / 1000));
      assert.ok(seconds > 0 && seconds <= 10 * 60, `Retry-After ${seconds} s within the window`);

      // (The windows run on the limiter's own wall clock, not the test's ManualClock: a fresh
      // server shows the wrong-code burst.)
      const fresh = await server({ limits: 'default' });
      const guesser = fresh.anonymous();
      const flows: string[] = [];
      for (let i = 0; i < 12; i++) {
        const flow = await guesser.post('/password/find-account', {
          username: `account${i}y`,
          purpose: 'reset',
        });
        assert.equal(flow.status, 200, `find-account ${i}`);
        flows.push((flow.body as { flowId: string }).flowId);
      }
      // 60 wrong codes over 12 flows: the client's verify-code budget (30) ends the burst.
      const verified: number[] = [];
      for (let i = 0; i < 60; i++) {
        const r = await guesser.post('/password/verify-code', {
          flowId: flows[i % flows.length],
          code: 'ZZZZ9999',
        });
        verified.push(r.status);
      }
      assert.ok(
        verified.slice(0, 30).every((s) => s !== 429),
        `the first 30 are answered: ${verified.slice(0, 30).join(',')}`,
      );
      assert.deepEqual(verified.slice(30), Array<number>(30).fill(429));
    });

    it('(e) "__proto__" (and constructor / prototype) in a body: 400, and no ticket written', async () => {
      let tickets = 0;
      const repo = t.server.store.tickets;
      const create = repo.create.bind(repo);
      repo.create = async (ticket: TicketRecord) => {
        tickets += 1;
        return create(ticket);
      };
      const reporter = await t.signedIn(PRODUCER.username);
      const report = JSON.stringify({
        description: 'Quote fails',
        stepsTaken: 'Opened Quote',
        agentName: 'Pat Morgan',
        producerId: PRODUCER.producerId,
        productType: 'MAPD',
        state: 'IL',
        observedAt: '2026-01-05T14:30:00.000Z',
      });
      for (const hostile of [
        '"__proto__":{"clientName":5}',
        '"constructor":{"prototype":{"clientName":5}}',
        '"prototype":{}',
        '"extra":1',
      ]) {
        const r = await reporter.post('/issues', `{${hostile},${report.slice(1)}`);
        assert.equal(r.status, 400, hostile);
        assert.deepEqual(r.body, { code: 'VALIDATION', data: { fields: { body: 'not-allowed' } } });
      }
      assert.equal(tickets, 0, 'no ticket written');
      const ok = await reporter.post('/issues', report);
      assert.equal(ok.status, 201, 'the same report without the key is taken');
      assert.equal(tickets, 1);
    });

    it('(f) an anonymous 7 MB upload is refused (401) before its body is sent', async () => {
      for (const chunked of [false, true]) {
        const r = await partialUpload(t.anonymous(), '/issues', 7_000_000, chunked);
        assert.equal(r.status, 401, chunked ? 'chunked' : 'declared length');
        assert.deepEqual(r.body, { code: 'NOT_AUTHENTICATED', data: {} });
      }
      const desk = await partialUpload(t.anonymous(), '/help-desk/unlock-account', 7_000_000, true);
      assert.equal(desk.status, 401, 'the session is checked before the body limit too');
    });

    it("(g) a login's language (issue 23) is not a lever: same refusal with or without it, an unknown one ignored, the delegate's preference unchanged", async () => {
      const target = await victim(t);
      const attacker = t.anonymous();
      // Knowing only the username.
      const refusals = [];
      for (const language of [undefined, 'es', 'fr']) {
        const r = await attacker.post('/login', {
          username: target.username,
          password: `Wrong-${String(language)}-1!`,
          ...(language ? { language } : {}),
        });
        refusals.push([r.status, code(r)]);
      }
      assert.deepEqual(refusals, Array(3).fill([401, 'INVALID_CREDENTIALS']));
      // Knowing the password too: the language only picks the sentence of this enrollment.
      const sampleLang = async (language?: string) => {
        const r = await attacker.post('/login', {
          username: target.username,
          password: PASSWORD,
          ...(language ? { language } : {}),
        });
        assert.equal(r.status, 200, JSON.stringify(r.body));
        return (r.body as { pending: { sampleLang: string } }).pending.sampleLang;
      };
      assert.equal(await sampleLang('fr'), 'en', 'an unknown language is ignored');
      assert.equal(await sampleLang('es'), 'es', "the widget's language");
      assert.equal(await sampleLang(), 'en', "the delegate's own preference did not change");
    });
  });
}
