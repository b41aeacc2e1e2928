/**
 * Passkey attacks (issue 21), replayed over HTTP against the whole reference server, in DEMO
 * mode (passkeys for the server's own URL) and in production mode (DEMO off, a configured
 * relying party: WEBAUTHN_RP_ID / WEBAUTHN_ORIGINS), on SQLite and, when one can be had, on
 * PostgreSQL. The attacker is an HTTP client with a (software) authenticator of its own; the
 * victim's authenticator is another. Every attack must fail:
 *
 *   anonymous registration → 401 before the body is read; a replayed challenge; a response for
 *   another origin; a signature counter that goes back (a cloned authenticator, logged
 *   `passkey.cloned`); a deleted passkey → PASSKEY_UNKNOWN; a locked account stays locked;
 *   another user's passkey id → 404 like a missing one; help-desk staff → 403; undeclared keys
 *   → 400; the sign-in start is rate-limited; no challenge response or key in the security log.
 *
 * The test's own set-up (accounts, sign-ins) goes through the test-only back door. scrypt at
 * N=1024 (TEST ONLY).
 *
 *   node --import tsx --test test/server/passkeys.spec.ts
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { Keyring } from '../../src/adapter/engine/sealing.js';
import { MemoryAdapter } from '../../src/adapter/memory/memory-adapter.js';
import type { SecurityEvent } from '../../src/adapter/engine/security.js';
import type {
  AuthenticationResponseJSON,
  PasskeyChallenge,
  PasskeyRegistration,
} from '../../src/adapter/types.js';
import { SoftAuthenticator, type Tweaks } from '../support/soft-authenticator.js';
import {
  startTestServer,
  type Caller,
  type Reply,
  type TestServer,
  type TestServerOptions,
} from './http-attack-support.js';
import { createDatabase, testPostgresOrSkip } from './postgres-support.js';

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
const STAFF = {
  username: 'deskstaff1',
  password: 'Quiet-Harbor-Lamp-77!',
  firstName: 'Dana',
  lastName: 'Reyes',
  email: 'dana@helpdesk.example',
  mobile: '(312) 555-0177',
};
const PASSWORD = 'Blue-Sky-Walk-42!';
const PORTAL = 'https://portal.example';
let serial = 0;

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

const code = (r: Reply) => (r.body as { code?: string } | undefined)?.code;
const data = (r: Reply) => (r.body as { data?: unknown } | undefined)?.data;

interface Mode {
  label: string;
  env: () => Promise<Record<string, string>>;
  /** The page origin the authenticators answer as (null: the server's own). */
  origin: string | null;
}

async function production(): Promise<Record<string, string>> {
  const key = Keyring.newKeySpec('k1');
  return {
    DEMO: '0',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(await closedPort()),
    SMTP_FROM: 'portal@example.com',
    TYPING_KEYS: `${key.kid}:${key.key}`,
  };
}

const { postgres, skip: pgSkip } = await testPostgresOrSkip();
after(async () => {
  await postgres?.stop();
});

const MODES: Mode[] = [
  { label: 'DEMO mode, SQLite', env: async () => ({}), origin: null },
  {
    label: 'production mode, SQLite',
    env: async () => ({
      ...(await production()),
      WEBAUTHN_RP_ID: 'portal.example',
      WEBAUTHN_ORIGINS: `${PORTAL}, https://www.portal.example`,
    }),
    origin: PORTAL,
  },
];
if (postgres) {
  MODES.push({
    label: 'production mode, PostgreSQL',
    env: async () => ({
      ...(await production()),
      WEBAUTHN_RP_ID: 'portal.example',
      WEBAUTHN_ORIGINS: PORTAL,
      DATABASE_URL: await createDatabase(postgres.url),
    }),
    origin: PORTAL,
  });
} else {
  describe('passkey attacks on PostgreSQL', () => {
    it('needs PostgreSQL', { skip: pgSkip }, () => undefined);
  });
}

for (const mode of MODES) {
  describe(`passkey attacks over HTTP (${mode.label})`, () => {
    const servers: TestServer[] = [];
    const events: SecurityEvent[] = [];
    after(async () => {
      for (const t of servers) await t.close();
    });

    async function server(options: TestServerOptions = {}): Promise<TestServer> {
      const t = await startTestServer({
        ...options,
        env: { ...(await mode.env()), ...options.env },
        start: { securityLog: (e) => void events.push(e), ...options.start },
      });
      servers.push(t);
      await t.backDoor('/producers', PRODUCER);
      return t;
    }

    const originOf = (t: TestServer) => mode.origin ?? new URL(t.api).origin;

    /** A delegate with a password, signed in (back door), and its own authenticator. */
    async function delegate(t: TestServer) {
      serial += 1;
      const username = `victim${serial}x`;
      await t.backDoor('/delegates', {
        producer: PRODUCER.username,
        username,
        email: `victim${serial}@example.com`,
        firstName: 'Vic',
        lastName: 'Tim',
        mobile: '(312) 555-0199',
        states: ['IL'],
        password: PASSWORD,
      });
      const caller = await t.signedIn(username);
      const authenticator = new SoftAuthenticator({ origin: originOf(t) });
      return { username, caller, authenticator };
    }

    async function register(caller: Caller, authenticator: SoftAuthenticator, tweaks?: Tweaks) {
      const start = await caller.post('/passkeys/registration/start', {});
      assert.equal(start.status, 200, JSON.stringify(start.body));
      const { ceremonyId, options } = start.body as PasskeyRegistration;
      return caller.post('/passkeys/registration/finish', {
        ceremonyId,
        response: await authenticator.create(options, tweaks),
        name: 'Laptop',
      });
    }

    async function challenge(caller: Caller): Promise<PasskeyChallenge> {
      const start = await caller.post('/passkeys/sign-in/start', {});
      assert.equal(start.status, 200, JSON.stringify(start.body));
      return start.body as PasskeyChallenge;
    }

    async function signIn(caller: Caller, authenticator: SoftAuthenticator, tweaks?: Tweaks) {
      const { ceremonyId, options } = await challenge(caller);
      return caller.post('/passkeys/sign-in/finish', {
        ceremonyId,
        response: await authenticator.get(options, tweaks),
      });
    }

    it('anonymous callers cannot register or manage passkeys (401 before the body)', async () => {
      const t = await server();
      const anyone = t.anonymous();
      for (const path of [
        '/passkeys/registration/start',
        '/passkeys/registration/finish',
        '/passkeys/rename',
        '/passkeys/delete',
      ]) {
        const r = await anyone.post(path, '{"not json');
        assert.equal(r.status, 401, path);
        assert.deepEqual(r.body, { code: 'NOT_AUTHENTICATED', data: {} }, path);
      }
      assert.equal((await anyone.call('GET', '/passkeys')).status, 401, 'list');
      // Sign-in needs no session, and names no account.
      const { options } = await challenge(anyone);
      assert.equal(options.userVerification, 'required');
      assert.deepEqual(options.allowCredentials ?? [], []);
    });

    it('a passkey alone signs in: the session cookie is set, no device token', async () => {
      const t = await server();
      const { username, caller, authenticator } = await delegate(t);
      const created = await register(caller, authenticator);
      assert.equal(created.status, 200, JSON.stringify(created.body));
      const browser = t.anonymous();
      const r = await signIn(browser, authenticator);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const body = r.body as { session: { user: { username: string } }; deviceToken?: unknown };
      assert.equal(body.session.user.username, username);
      assert.equal(body.deviceToken, undefined);
      assert.match(r.headers.get('set-cookie') ?? '', /pep-session=/);
      const session = await browser.call('GET', '/session');
      assert.equal((session.body as { user: { username: string } }).user.username, username);
    });

    it('a replayed challenge is refused (422 PASSKEY_REJECTED expired), and signs nobody in', async () => {
      const t = await server();
      const { caller, authenticator } = await delegate(t);
      await register(caller, authenticator);
      const { ceremonyId, options } = await challenge(t.anonymous());
      const response = await authenticator.get(options);
      const first = t.anonymous();
      assert.equal(
        (await first.post('/passkeys/sign-in/finish', { ceremonyId, response })).status,
        200,
      );
      const attacker = t.anonymous();
      const replay = await attacker.post('/passkeys/sign-in/finish', { ceremonyId, response });
      assert.equal(replay.status, 422);
      assert.deepEqual(replay.body, { code: 'PASSKEY_REJECTED', data: { reason: 'expired' } });
      assert.equal((await attacker.call('GET', '/session')).body, null);
    });

    it('one response raced from 8 clients at once signs in exactly one', async () => {
      const t = await server();
      const { caller, authenticator } = await delegate(t);
      await register(caller, authenticator);
      const { ceremonyId, options } = await challenge(t.anonymous());
      const response = await authenticator.get(options);
      const clients = Array.from({ length: 8 }, () => t.anonymous());
      const replies = await Promise.all(
        clients.map((c) => c.post('/passkeys/sign-in/finish', { ceremonyId, response })),
      );
      const statuses = replies.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, 422, 422, 422, 422, 422, 422, 422]);
      for (const r of replies.filter((x) => x.status === 422)) {
        assert.deepEqual(data(r), { reason: 'expired' });
      }
    });

    it('a response made for another origin, or without user verification, is refused', async () => {
      const t = await server();
      const { caller, authenticator } = await delegate(t);
      const phished = await register(caller, authenticator, { origin: 'https://evil.example' });
      assert.equal(phished.status, 422);
      assert.deepEqual(phished.body, { code: 'PASSKEY_REJECTED', data: { reason: 'invalid' } });
      assert.equal(((await caller.call('GET', '/passkeys')).body as unknown[]).length, 0);
      assert.equal((await register(caller, authenticator)).status, 200);
      for (const tweaks of [
        { origin: 'https://evil.example' },
        { origin: 'http://portal.example' },
        { userVerified: false },
      ]) {
        const attacker = t.anonymous();
        const r = await signIn(attacker, authenticator, tweaks);
        assert.equal(r.status, 422, JSON.stringify(tweaks));
        assert.deepEqual(data(r), { reason: 'invalid' });
        assert.equal((await attacker.call('GET', '/session')).body, null);
      }
    });

    it('a cloned authenticator (the counter goes back) is refused and logged', async () => {
      const t = await server();
      const { username, caller, authenticator } = await delegate(t);
      await register(caller, authenticator);
      assert.equal((await signIn(t.anonymous(), authenticator, { counter: 10 })).status, 200);
      events.length = 0;
      const clone = await signIn(t.anonymous(), authenticator, { counter: 4 });
      assert.equal(clone.status, 422);
      assert.deepEqual(data(clone), { reason: 'invalid' });
      const cloned = events.find((e) => e.type === 'passkey.cloned');
      assert.ok(cloned, 'a passkey.cloned event');
      assert.equal(cloned.username, username);
      assert.equal((await signIn(t.anonymous(), authenticator, { counter: 11 })).status, 200);
    });

    it('a deleted passkey cannot sign in (422 PASSKEY_UNKNOWN)', async () => {
      const t = await server();
      const { caller, authenticator } = await delegate(t);
      const { id } = (await register(caller, authenticator)).body as { id: string };
      assert.equal((await caller.post('/passkeys/delete', { passkeyId: id })).status, 204);
      const r = await signIn(t.anonymous(), authenticator);
      assert.equal(r.status, 422);
      assert.deepEqual(r.body, { code: 'PASSKEY_UNKNOWN', data: {} });
    });

    it('a locked account stays locked for passkeys (423 with Retry-After)', async () => {
      const t = await server();
      const { username, caller, authenticator } = await delegate(t);
      await register(caller, authenticator);
      const anyone = t.anonymous();
      for (let i = 0; i < 5; i++) {
        await anyone.post('/login', { username, password: 'Wrong-Guess-0000!' });
      }
      const r = await signIn(anyone, authenticator);
      assert.equal(r.status, 423);
      assert.equal(code(r), 'ACCOUNT_LOCKED');
      assert.ok(Number(r.headers.get('retry-after')) > 0, 'Retry-After');
      assert.equal((await anyone.call('GET', '/session')).body, null);
    });

    it("another user's passkey id answers 404, exactly like a missing one", async () => {
      const t = await server();
      const victim = await delegate(t);
      const { id } = (await register(victim.caller, victim.authenticator)).body as {
        id: string;
      };
      const attacker = await delegate(t);
      await register(attacker.caller, attacker.authenticator);
      for (const [path, body] of [
        ['/passkeys/rename', (passkeyId: string) => ({ passkeyId, name: 'Mine now' })],
        ['/passkeys/delete', (passkeyId: string) => ({ passkeyId })],
      ] as const) {
        const theirs = await attacker.caller.post(path, body(id));
        const missing = await attacker.caller.post(path, body('no-such-passkey'));
        assert.equal(theirs.status, 404, path);
        assert.deepEqual(theirs.body, { code: 'NOT_FOUND', data: {} }, path);
        assert.deepEqual(missing.body, theirs.body, `${path}: same as missing`);
      }
      const mine = (await victim.caller.call('GET', '/passkeys')).body as { name: string }[];
      assert.deepEqual(
        mine.map((p) => p.name),
        ['Laptop'],
        'untouched',
      );
      assert.equal((await signIn(t.anonymous(), victim.authenticator)).status, 200);
    });

    it('help-desk staff may not manage passkeys (403, the same for any id)', async () => {
      const t = await server();
      const victim = await delegate(t);
      const { id } = (await register(victim.caller, victim.authenticator)).body as {
        id: string;
      };
      await t.backDoor('/help-desk-users', STAFF);
      const staff = await t.signedIn(STAFF.username);
      const calls: [string, unknown][] = [
        ['/passkeys/registration/start', {}],
        ['/passkeys/rename', { passkeyId: id, name: 'x' }],
        ['/passkeys/rename', { passkeyId: 'no-such-passkey', name: 'x' }],
        ['/passkeys/delete', { passkeyId: id }],
        ['/passkeys/delete', { passkeyId: 'no-such-passkey' }],
      ];
      for (const [path, body] of calls) {
        const r = await staff.post(path, body);
        assert.equal(r.status, 403, path);
        assert.deepEqual(r.body, { code: 'FORBIDDEN', data: {} }, path);
      }
      assert.equal((await staff.call('GET', '/passkeys')).status, 403, 'list');
    });

    it('refuses keys the contract does not declare, at any depth (400, nothing done)', async () => {
      const t = await server();
      const { caller, authenticator } = await delegate(t);
      const start = (await caller.post('/passkeys/registration/start', {}))
        .body as PasskeyRegistration;
      const response = await authenticator.create(start.options);
      const extra = await caller.post('/passkeys/registration/finish', {
        ceremonyId: start.ceremonyId,
        name: 'Laptop',
        response: { ...response, response: { ...response.response, sneaky: 1 } },
      });
      assert.equal(extra.status, 400);
      assert.deepEqual(data(extra), { fields: { response: 'not-allowed' } });
      const polluted = await caller.post(
        '/passkeys/registration/finish',
        `{"ceremonyId":"${start.ceremonyId}","name":"L","response":{"__proto__":{"admin":true}}}`,
      );
      assert.equal(polluted.status, 400);
      // Nothing was done: the ceremony is still there for the genuine response.
      const ok = await caller.post('/passkeys/registration/finish', {
        ceremonyId: start.ceremonyId,
        name: 'Laptop',
        response,
      });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
    });

    it('the security log names passkeys, never a challenge response or a key', async () => {
      const t = await server();
      events.length = 0;
      const { caller, authenticator } = await delegate(t);
      const start = (await caller.post('/passkeys/registration/start', {}))
        .body as PasskeyRegistration;
      const registration = await authenticator.create(start.options);
      const { id } = (
        await caller.post('/passkeys/registration/finish', {
          ceremonyId: start.ceremonyId,
          response: registration,
          name: 'Laptop',
        })
      ).body as { id: string };
      await caller.post('/passkeys/rename', { passkeyId: id, name: 'Phone' });
      const { ceremonyId, options } = await challenge(t.anonymous());
      const assertion: AuthenticationResponseJSON = await authenticator.get(options);
      await t.anonymous().post('/passkeys/sign-in/finish', { ceremonyId, response: assertion });
      await signIn(t.anonymous(), authenticator, { badSignature: true });
      await caller.post('/passkeys/delete', { passkeyId: id });
      const types = events.map((e) => e.type);
      for (const type of [
        'passkey.registered',
        'passkey.renamed',
        'passkey.signed-in',
        'passkey.rejected',
        'passkey.deleted',
      ]) {
        assert.ok(types.includes(type as SecurityEvent['type']), type);
      }
      const log = JSON.stringify(events);
      for (const secret of [
        start.options.challenge,
        options.challenge,
        ceremonyId,
        start.ceremonyId,
        registration.response.attestationObject,
        registration.response.clientDataJSON,
        assertion.response.signature,
        assertion.response.authenticatorData,
        assertion.response.clientDataJSON,
        assertion.response.userHandle!,
        id,
      ]) {
        assert.ok(!log.includes(secret), `not in the log: ${secret.slice(0, 12)}…`);
      }
    });

    it("the sign-in start is rate-limited per client (the server's default budget)", async () => {
      const t = await server({ limits: 'default' });
      const attacker = t.anonymous();
      let limited: Reply | null = null;
      for (let i = 0; i < 40 && !limited; i++) {
        const r = await attacker.post('/passkeys/sign-in/start', {});
        if (r.status === 429) limited = r;
        else assert.equal(r.status, 200);
      }
      assert.ok(limited, 'refused within 40 requests');
      assert.equal(code(limited), 'RATE_LIMITED');
      assert.ok(Number(limited.headers.get('retry-after')) > 0, 'Retry-After');
    });
  });
}

describe('passkeys off (production without WEBAUTHN_RP_ID)', () => {
  it('the seven routes do not exist (404), the password login does', async () => {
    const t = await startTestServer({ env: await production() });
    try {
      await t.backDoor('/producers', PRODUCER);
      const caller = await t.signedIn(PRODUCER.username);
      for (const path of [
        '/passkeys/registration/start',
        '/passkeys/registration/finish',
        '/passkeys/rename',
        '/passkeys/delete',
        '/passkeys/sign-in/start',
        '/passkeys/sign-in/finish',
      ]) {
        const r = await caller.post(path, {});
        assert.equal(r.status, 404, path);
        assert.equal(code(r), 'NOT_FOUND', path);
      }
      assert.equal((await caller.call('GET', '/passkeys')).status, 404, 'list');
      const login = await t.anonymous().post('/login', {
        username: PRODUCER.username,
        password: PRODUCER.password,
      });
      assert.equal(login.status, 200);
    } finally {
      await t.close();
    }
  });
});

describe('the in-memory adapter in Node', () => {
  it('has passkeys off unless given a relying party', async () => {
    const off = new MemoryAdapter({ pbkdf2Iterations: 1000 });
    await assert.rejects(off.startPasskeySignIn(), { code: 'NOT_FOUND' });
    const on = new MemoryAdapter({
      pbkdf2Iterations: 1000,
      webauthn: { rpId: 'portal.example', rpName: 'Portal', origins: [PORTAL] },
    });
    const { options } = await on.startPasskeySignIn();
    assert.equal(options.rpId, 'portal.example');
  });
});
