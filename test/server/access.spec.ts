/**
 * Who may call what, over HTTP against the whole reference server (SQLite, and PostgreSQL when
 * one can be had): the test walks the route table (`ROUTES`) and proves that every route that
 * is not public refuses an anonymous caller (401 NOT_AUTHENTICATED) and each signed-in role its
 * `access` does not admit (403 FORBIDDEN), with the same status and body whether the username or
 * id the body names exists or not, and even when the body is not JSON at all (the session is
 * checked before the body is read). A help-desk session may unlock and reset.
 *
 * scrypt at N=1024 (TEST ONLY). Rate limits relaxed (not what is tested here).
 *
 *   node --import tsx --test test/server/access.spec.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ROUTES, type OperationName, type RouteAccess } from '../../src/adapter/http/routes.js';
import type { PasskeyRegistration, Role } from '../../src/adapter/types.js';
import { SoftAuthenticator } from '../support/soft-authenticator.js';
import { typingSamplesFor } from '../../src/adapter/memory/typist.js';
import {
  startTestServer,
  type Caller,
  type Reply,
  type TestServer,
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
const DELEGATE_PASSWORD = 'Blue-Sky-Walk-42!';
const STAFF = {
  username: 'deskstaff1',
  password: 'Quiet-Harbor-Lamp-77!',
  firstName: 'Dana',
  lastName: 'Reyes',
  email: 'dana@helpdesk.example',
  mobile: '(312) 555-0177',
};
const MISSING_USERNAME = 'nosuchuser77';

/** Which signed-in roles each access admits. */
const ADMITS: Record<Exclude<RouteAccess, 'public'>, readonly Role[]> = {
  session: ['delegate', 'producer', 'help-desk'],
  producer: ['producer'],
  'help-desk': ['help-desk'],
};

interface World {
  t: TestServer;
  delegate: { id: string; username: string; email: string };
  callers: Record<'anonymous' | Role, Caller>;
  /** A passkey of the delegate, and a registration ceremony it started. */
  passkeyId: string;
  ceremonyId: string;
}

/** A registration response of the right shape (it never gets as far as being verified). */
const REGISTRATION_RESPONSE = {
  id: 'k'.repeat(43),
  rawId: 'k'.repeat(43),
  type: 'public-key',
  clientExtensionResults: {},
  response: { clientDataJSON: 'e30', attestationObject: 'oA' },
};

/**
 * The body of each non-public operation, naming an existing or a missing account / record.
 * A non-public route without an entry here fails the walk (add one).
 */
const TARGETS: Partial<Record<OperationName, (w: World, exists: boolean) => unknown>> = {
  addDelegate: (w, exists) => ({
    username: exists ? w.delegate.username : MISSING_USERNAME,
    email: 'new.person@example.com',
    firstName: 'New',
    lastName: 'Person',
    mobile: '(312) 555-0142',
    states: ['IL'],
  }),
  listDelegates: () => undefined,
  resendInvitation: (w, exists) => ({ delegateId: exists ? w.delegate.id : 'no-such-delegate' }),
  reportIssue: (_w, exists) => ({
    description: 'Quote fails',
    stepsTaken: 'Opened Quote',
    agentName: 'Pat Morgan',
    producerId: exists ? PRODUCER.producerId : 'P-999999',
    productType: 'MAPD',
    state: 'IL',
    observedAt: '2026-01-05T14:30:00.000Z',
  }),
  resetTypingPattern: (w, exists) => ({
    username: exists ? w.delegate.username : MISSING_USERNAME,
  }),
  unlockAccount: (w, exists) => ({ username: exists ? w.delegate.username : MISSING_USERNAME }),
  startPasskeyRegistration: () => ({}),
  finishPasskeyRegistration: (w, exists) => ({
    ceremonyId: exists ? w.ceremonyId : 'c'.repeat(43),
    response: REGISTRATION_RESPONSE,
    name: 'Laptop',
  }),
  listPasskeys: () => undefined,
  renamePasskey: (w, exists) => ({
    passkeyId: exists ? w.passkeyId : 'no-such-passkey',
    name: 'Phone',
  }),
  deletePasskey: (w, exists) => ({ passkeyId: exists ? w.passkeyId : 'no-such-passkey' }),
  searchDelegates: (w, exists) => ({ query: exists ? w.delegate.username : MISSING_USERNAME }),
  getDelegateDetail: (w, exists) => ({ delegateId: exists ? w.delegate.id : 'no-such-delegate' }),
  listDelegateActivity: (w, exists) => ({
    delegateId: exists ? w.delegate.id : 'no-such-delegate',
  }),
  helpDeskAction: (w, exists) => ({
    delegateId: exists ? w.delegate.id : 'no-such-delegate',
    action: 'deactivate',
    reason: 'Attacker trying',
  }),
  setDelegateActive: (w, exists) => ({
    delegateId: exists ? w.delegate.id : 'no-such-delegate',
    active: false,
  }),
  unlockDelegate: (w, exists) => ({ delegateId: exists ? w.delegate.id : 'no-such-delegate' }),
  listMyActivity: (_w, exists) => (exists ? {} : { limit: 5 }),
};

const NON_PUBLIC = (Object.keys(ROUTES) as OperationName[]).filter(
  (name) => ROUTES[name].access !== 'public',
);

function send(caller: Caller, name: OperationName, body: unknown): Promise<Reply> {
  const { method, path } = ROUTES[name];
  return method === 'GET' ? caller.call('GET', path) : caller.post(path, body);
}

function accessSuite(label: string, env: () => Promise<Record<string, string>>): void {
  describe(`who may call what (${label})`, () => {
    const w = {} as World;

    before(async () => {
      w.t = await startTestServer({ env: await env() });
      await w.t.backDoor('/producers', PRODUCER);
      const summary = (await w.t.backDoor('/delegates', {
        producer: PRODUCER.username,
        username: 'delegate1',
        email: 'dee@example.com',
        firstName: 'Dee',
        lastName: 'Legate',
        mobile: '(312) 555-0111',
        states: ['IL'],
        password: DELEGATE_PASSWORD,
      })) as { id: string; username: string; email: string };
      w.delegate = summary;
      await w.t.backDoor('/help-desk-users', STAFF);
      w.callers = {
        anonymous: w.t.anonymous(),
        delegate: await w.t.signedIn(summary.username),
        producer: await w.t.signedIn(PRODUCER.username),
        'help-desk': await w.t.signedIn(STAFF.username),
      };
      // The delegate has a passkey, and a registration ceremony in progress.
      const authenticator = new SoftAuthenticator({ origin: new URL(w.t.api).origin });
      const start = async () =>
        (await w.callers.delegate.post('/passkeys/registration/start', {}))
          .body as PasskeyRegistration;
      const registration = await start();
      const created = await w.callers.delegate.post('/passkeys/registration/finish', {
        ceremonyId: registration.ceremonyId,
        response: await authenticator.create(registration.options),
        name: 'Laptop',
      });
      assert.equal(created.status, 200, JSON.stringify(created.body));
      w.passkeyId = (created.body as { id: string }).id;
      w.ceremonyId = (await start()).ceremonyId;
    });
    after(async () => {
      await w.t?.close();
    });

    it('the walk covers every route that is not public', () => {
      assert.ok(NON_PUBLIC.length >= 6, NON_PUBLIC.join(', '));
      for (const name of NON_PUBLIC) assert.ok(TARGETS[name], `a target body for ${name}`);
    });

    for (const name of NON_PUBLIC) {
      const access = ROUTES[name].access as Exclude<RouteAccess, 'public'>;
      const refused = (['delegate', 'producer', 'help-desk'] as const).filter(
        (role) => !ADMITS[access].includes(role),
      );
      const who = ['anonymous', ...refused].join(', ');

      it(`${name} (${access}) refuses ${who}, the same for an existing and a missing target`, async () => {
        const cases: [keyof World['callers'], number, string][] = [
          ['anonymous', 401, 'NOT_AUTHENTICATED'],
          ...refused.map((role) => [role, 403, 'FORBIDDEN'] as [Role, number, string]),
        ];
        for (const [caller, status, code] of cases) {
          const existing = await send(w.callers[caller], name, TARGETS[name]!(w, true));
          const missing = await send(w.callers[caller], name, TARGETS[name]!(w, false));
          assert.equal(existing.status, status, `${caller}: existing target`);
          assert.deepEqual(existing.body, { code, data: {} }, `${caller}: existing target`);
          assert.equal(missing.status, existing.status, `${caller}: same status`);
          assert.deepEqual(missing.body, existing.body, `${caller}: same body`);
          if (ROUTES[name].method === 'POST') {
            // Checked before the body is read: a body that is not even JSON gets the same answer.
            const garbage = await w.callers[caller].post(ROUTES[name].path, '{"not json');
            assert.equal(garbage.status, status, `${caller}: before the body`);
          }
        }
        // The signed-in callers are still signed in (a refusal ends no session).
        for (const role of refused) {
          const session = await w.callers[role].call('GET', '/session');
          assert.equal((session.body as { user: { role: string } }).user.role, role);
        }
      });
    }

    it('a help-desk session may unlock an account and reset a typing pattern', async () => {
      const anyone = w.t.anonymous();
      const login = (password: string) =>
        anyone.post('/login', { username: w.delegate.username, password });
      for (let i = 0; i < 4; i++) assert.equal((await login('Wrong-Guess-0000!')).status, 401);
      assert.equal((await login('Wrong-Guess-0000!')).status, 423, 'the fifth failure locks');
      assert.equal((await login(DELEGATE_PASSWORD)).status, 423, 'locked');
      const staff = w.callers['help-desk'];
      const unlocked = await staff.post('/help-desk/unlock-account', {
        username: w.delegate.username,
      });
      assert.equal(unlocked.status, 204);
      const first = await login(DELEGATE_PASSWORD);
      assert.equal(first.status, 200, 'unlocked');

      // A delegate whose pattern is enrolled: after a reset its next login enrolls again.
      const sampleText = w.t.server.engine.sampleText;
      await w.t.backDoor('/delegates', {
        producer: PRODUCER.username,
        username: 'delegate2',
        email: 'dee2@example.com',
        firstName: 'Dee',
        lastName: 'Two',
        mobile: '(312) 555-0112',
        states: ['IL'],
        password: DELEGATE_PASSWORD,
        typingSamples: typingSamplesFor(sampleText).enroll,
      });
      const pending = async () =>
        (
          (await anyone.post('/login', { username: 'delegate2', password: DELEGATE_PASSWORD }))
            .body as { pending: { mustEnrollPattern: boolean } }
        ).pending;
      assert.equal((await pending()).mustEnrollPattern, false);
      const reset = await staff.post('/help-desk/reset-typing-pattern', { username: 'delegate2' });
      assert.equal(reset.status, 204);
      assert.equal((await pending()).mustEnrollPattern, true, 'enrolls again after the reset');
    });
  });
}

accessSuite('SQLite', async () => ({}));

describe('HELP_DESK=0: the help-desk routes do not exist (SQLite)', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ env: { HELP_DESK: '0' } });
    await t.backDoor('/producers', PRODUCER);
    await t.backDoor('/help-desk-users', STAFF);
  });
  after(async () => {
    await t?.close();
  });

  it('answers 404 NOT_FOUND to everyone, a help-desk session included, for any username', async () => {
    const callers = [
      t.anonymous(),
      await t.signedIn(PRODUCER.username),
      await t.signedIn(STAFF.username),
    ];
    for (const name of NON_PUBLIC.filter((n) => ROUTES[n].access === 'help-desk')) {
      for (const caller of callers) {
        for (const username of [PRODUCER.username, MISSING_USERNAME]) {
          const r = await caller.post(ROUTES[name].path, { username });
          assert.equal(r.status, 404, `${name} ${username}`);
          assert.deepEqual(r.body, { code: 'NOT_FOUND', data: {} });
        }
      }
    }
    // The rest of the API is there.
    assert.equal((await callers[1]!.call('GET', '/delegates')).status, 200);
  });
});

const { postgres, skip } = await testPostgresOrSkip();
if (postgres) {
  after(async () => {
    await postgres.stop();
  });
  accessSuite('PostgreSQL', async () => ({ DATABASE_URL: await createDatabase(postgres.url) }));
} else {
  describe('who may call what (PostgreSQL)', () => {
    it('needs PostgreSQL', { skip }, () => undefined);
  });
}
