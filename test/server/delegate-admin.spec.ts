/**
 * Issue 22 over HTTP against the whole reference server (SQLite, and PostgreSQL when one can be
 * had), from the attacker's side as much as the user's: the Help Desk finds a locked delegate
 * and unlocks it with a reason (the delegate sees "unlocked by the Help Desk", without the staff
 * member's name or the reason); a producer reaches only their own delegates (another's answers
 * exactly as a missing id); a deactivated delegate cannot sign in (ACCOUNT_DEACTIVATED only after
 * the RIGHT password), and Find Account, the code and Forgot Username answer it exactly as a
 * missing account and send it nothing; the notices are emailed; reactivation restores sign-in.
 *
 *   node --import tsx --test test/server/delegate-admin.spec.ts
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ActivityPage, DelegateDetail, DelegateSummary } from '../../src/adapter/types.js';
import { typingSamplesFor } from '../../src/adapter/memory/typist.js';
import { startTestServer, type Caller, type TestServer } from './http-attack-support.js';
import { createDatabase, testPostgresOrSkip } from './postgres-support.js';

const PASSWORD = 'Blue-Sky-Walk-42!';
const producer = (n: number) => ({
  username: `producer${n}`,
  password: 'Prod-Secret-2026!',
  firstName: 'Pat',
  lastName: `Morgan${'x'.repeat(n)}`,
  email: `pat${n}@agency.example`,
  mobile: '(312) 555-0100',
  states: ['IL', 'TX'],
  producerId: `P-10${n}`,
});
const STAFF = {
  username: 'deskstaff1',
  password: 'Quiet-Harbor-Lamp-77!',
  firstName: 'Dana',
  lastName: 'Reyes',
  email: 'dana@helpdesk.example',
  mobile: '(312) 555-0177',
};

interface World {
  t: TestServer;
  staff: Caller;
  producer1: Caller;
  producer2: Caller;
  /** Delegate of producer 1. */
  mine: DelegateSummary;
  /** Delegate of producer 2. */
  theirs: DelegateSummary;
}

async function addDelegate(
  t: TestServer,
  owner: string,
  username: string,
  email: string,
): Promise<DelegateSummary> {
  return (await t.backDoor('/delegates', {
    producer: owner,
    username,
    email,
    firstName: 'Dee',
    lastName: 'Legate',
    mobile: '(773) 555-0111',
    states: ['IL'],
    password: PASSWORD,
    typingSamples: typingSamplesFor(t.server.engine.sampleText).enroll,
  })) as DelegateSummary;
}

/** A reply's status and body, for comparing the answers to two requests. */
async function answer(r: Promise<{ status: number; body: unknown }>) {
  const { status, body } = await r;
  return { status, body };
}

function suite(label: string, env: () => Promise<Record<string, string>>): void {
  describe(`delegate administration (${label})`, () => {
    const w = {} as World;

    before(async () => {
      w.t = await startTestServer({ env: await env() });
      await w.t.backDoor('/producers', producer(1));
      await w.t.backDoor('/producers', producer(2));
      await w.t.backDoor('/help-desk-users', STAFF);
      w.mine = await addDelegate(w.t, 'producer1', 'lockme01', 'lock.me@example.com');
      w.theirs = await addDelegate(w.t, 'producer2', 'other01', 'other@example.com');
      w.staff = await w.t.signedIn(STAFF.username);
      w.producer1 = await w.t.signedIn('producer1');
      w.producer2 = await w.t.signedIn('producer2');
    });
    after(async () => {
      await w.t?.close();
    });

    it('the help desk finds a locked delegate, unlocks it with a reason; the delegate sees it', async () => {
      const anyone = w.t.anonymous();
      for (let i = 0; i < 5; i++) {
        await anyone.post('/login', { username: 'lockme01', password: `Wrong-Guess-${i}!` });
      }
      const found = await w.staff.post('/help-desk/delegates/search', { query: 'LOCK.me@' });
      assert.equal(found.status, 200, JSON.stringify(found.body));
      const hits = found.body as DelegateSummary[];
      assert.deepEqual(
        hits.map((d) => [d.username, d.status]),
        [['lockme01', 'locked']],
      );
      assert.ok(hits[0]!.lockedUntil! > Date.now() - 1e12, 'lockedUntil');
      const byPhone = await w.staff.post('/help-desk/delegates/search', { query: '(773) 555' });
      assert.deepEqual((byPhone.body as DelegateSummary[]).map((d) => d.username).sort(), [
        'lockme01',
        'other01',
      ]);
      const short = await w.staff.post('/help-desk/delegates/search', { query: 'x' });
      assert.deepEqual(short.body, {
        code: 'VALIDATION',
        data: { fields: { query: 'too-short' } },
      });

      const detail = (await w.staff.post('/help-desk/delegates/detail', { delegateId: w.mine.id }))
        .body as DelegateDetail;
      assert.equal(detail.status, 'locked');
      assert.equal(detail.patternEnrolled, true);
      assert.equal(detail.producer.username, 'producer1');
      assert.deepEqual(detail.rememberedDevices, { count: 0, lastUsedAt: null });

      const noReason = await w.staff.post('/help-desk/delegates/action', {
        delegateId: w.mine.id,
        action: 'unlock',
        reason: ' a ',
      });
      assert.equal(noReason.status, 400);
      assert.deepEqual(noReason.body, {
        code: 'VALIDATION',
        data: { fields: { reason: 'too-short' } },
      });
      const extra = await w.staff.post('/help-desk/delegates/action', {
        delegateId: w.mine.id,
        action: 'unlock',
        reason: 'Caller verified',
        as: 'admin',
      });
      assert.equal(extra.status, 400, 'unknown keys are refused');
      const unlocked = await w.staff.post('/help-desk/delegates/action', {
        delegateId: w.mine.id,
        action: 'unlock',
        reason: 'Caller verified by phone',
      });
      assert.equal(unlocked.status, 200, JSON.stringify(unlocked.body));
      assert.equal((unlocked.body as DelegateDetail).status, 'active');
      const notice = (await w.t.outbox()).filter((m) => m.to === 'lock.me@example.com');
      assert.equal(notice.at(-1)?.subject, 'Account Information - Account Unlocked');
      assert.match(notice.at(-1)!.text, /unlocked by the Internet Help Desk/);

      // The delegate signs in at once and sees it in Recent activity.
      const dee = w.t.anonymous();
      const login = await dee.post('/login', { username: 'lockme01', password: PASSWORD });
      assert.equal(login.status, 200, JSON.stringify(login.body));
      const own = await w.t.signedIn('lockme01');
      const mine = (await own.post('/activity', {})).body as ActivityPage;
      const unlockEntry = mine.entries.find((e) => e.type === 'unlocked');
      assert.deepEqual(unlockEntry?.actor, { role: 'help-desk' }, 'no staff name for the delegate');
      assert.equal(unlockEntry?.reason, undefined, 'no reason for the delegate');
      assert.ok(mine.entries.some((e) => e.type === 'locked' && e.actor.role === 'system'));
      assert.ok(mine.entries.some((e) => e.type === 'sign-in-failed' && e.outcome === 'failure'));
      const text = JSON.stringify(mine);
      assert.ok(!text.includes('Wrong-Guess') && !text.includes(PASSWORD), 'no password');

      const staffView = (
        await w.staff.post('/help-desk/delegates/activity', { delegateId: w.mine.id, limit: 2 })
      ).body as ActivityPage;
      assert.equal(staffView.entries.length, 2);
      assert.ok(staffView.nextCursor, 'paginated');
      const all = (
        await w.staff.post('/help-desk/delegates/activity', { delegateId: w.mine.id, limit: 100 })
      ).body as ActivityPage;
      const byStaff = all.entries.find((e) => e.type === 'unlocked')!;
      assert.deepEqual(byStaff.actor, { role: 'help-desk', name: 'Dana Reyes' });
      assert.equal(byStaff.reason, 'Caller verified by phone');
      const next = (
        await w.staff.post('/help-desk/delegates/activity', {
          delegateId: w.mine.id,
          limit: 2,
          cursor: staffView.nextCursor,
        })
      ).body as ActivityPage;
      assert.deepEqual(
        next.entries.map((e) => e.id),
        all.entries.slice(2, 4).map((e) => e.id),
        'the cursor continues where the page ended',
      );
      const badCursor = await w.staff.post('/help-desk/delegates/activity', {
        delegateId: w.mine.id,
        cursor: 'nonsense',
      });
      assert.equal(badCursor.status, 400);
    });

    it("a producer reaches only their own delegates: another's answers exactly as a missing id", async () => {
      for (const [path, body] of [
        ['/delegates/set-active', { active: false }],
        ['/delegates/unlock', {}],
      ] as const) {
        const theirs = await answer(w.producer1.post(path, { delegateId: w.theirs.id, ...body }));
        const missing = await answer(
          w.producer1.post(path, { delegateId: 'dlg_nosuchdelegate', ...body }),
        );
        assert.deepEqual(theirs, { status: 404, body: { code: 'NOT_FOUND', data: {} } }, path);
        assert.deepEqual(missing, theirs, `${path}: same as missing`);
      }
      const list = (await w.producer2.call('GET', '/delegates')).body as DelegateSummary[];
      assert.equal(list.find((d) => d.id === w.theirs.id)?.status, 'active', 'untouched');
      // The delegate itself may not use the producer or help-desk operations.
      const dee = await w.t.signedIn('other01');
      for (const path of ['/delegates/set-active', '/help-desk/delegates/action']) {
        const r = await dee.post(path, {
          delegateId: w.theirs.id,
          active: false,
          action: 'deactivate',
          reason: 'Because I can',
        });
        assert.equal(r.status, 403, path);
      }
    });

    it('deactivation: no sign-in, no recovery, no code, no hint; the notices; reactivation', async () => {
      const d = await addDelegate(w.t, 'producer1', 'goner01', 'goner@example.com');
      const signedIn = await w.t.signedIn('goner01');
      const off = await w.producer1.post('/delegates/set-active', {
        delegateId: d.id,
        active: false,
      });
      assert.equal(off.status, 200, JSON.stringify(off.body));
      assert.equal((off.body as DelegateSummary).status, 'deactivated');
      assert.equal((await signedIn.call('GET', '/session')).body, null, 'their session ended');
      const notices = (await w.t.outbox()).filter((m) => m.to === 'goner@example.com');
      assert.equal(notices.at(-1)?.subject, 'Account Information - Account Deactivated');
      assert.match(notices.at(-1)!.text, /your producer Pat Morganx/);

      const anyone = w.t.anonymous();
      const right = await anyone.post('/login', { username: 'goner01', password: PASSWORD });
      assert.deepEqual(
        { status: right.status, body: right.body },
        { status: 403, body: { code: 'ACCOUNT_DEACTIVATED', data: {} } },
      );
      const wrong = await answer(
        anyone.post('/login', { username: 'goner01', password: 'Wrong-Guess-1!' }),
      );
      const unknown = await answer(
        anyone.post('/login', { username: 'nobody0077', password: 'Wrong-Guess-1!' }),
      );
      assert.deepEqual(wrong, unknown, 'a wrong password: the same as for a missing account');

      const sentBefore = (await w.t.outbox()).length;
      const shape = (r: { status: number; body: unknown }) => ({
        status: r.status,
        keys: Object.keys((r.body ?? {}) as object).sort(),
      });
      for (const username of ['goner01', 'nobody0077']) {
        const flow = await anyone.post('/password/find-account', { username, purpose: 'reset' });
        assert.deepEqual(shape(flow), { status: 200, keys: ['destinations', 'flowId'] }, username);
        const { flowId, destinations } = flow.body as {
          flowId: string;
          destinations: { masked: string }[];
        };
        // A real mask of goner@example.com ends `@e•••.com`; placeholders are webmail domains.
        assert.ok(!destinations[0]!.masked.includes('@e'), `${username}: no real destination`);
        const sent = await anyone.post('/password/send-code', { flowId, channel: 'email' });
        assert.deepEqual(
          shape(sent),
          { status: 200, keys: ['channel', 'expiresAt', 'masked', 'resendAvailableAt'] },
          username,
        );
      }
      const remindGone = await answer(
        anyone.post('/username/remind', { email: 'goner@example.com' }),
      );
      const remindNone = await answer(
        anyone.post('/username/remind', { email: 'none@example.com' }),
      );
      assert.equal(remindGone.status, remindNone.status);
      assert.deepEqual(
        Object.keys(remindGone.body as object),
        Object.keys(remindNone.body as object),
      );
      const after = await w.t.outbox();
      assert.equal(
        after.slice(sentBefore).filter((m) => m.to === 'goner@example.com').length,
        0,
        'nothing is sent to a deactivated account',
      );

      const detail = (await w.staff.post('/help-desk/delegates/detail', { delegateId: d.id }))
        .body as DelegateDetail;
      assert.equal(detail.status, 'deactivated');
      assert.equal(detail.passkeys, 0);
      assert.equal(detail.rememberedDevices.count, 0);

      const on = await w.staff.post('/help-desk/delegates/action', {
        delegateId: d.id,
        action: 'reactivate',
        reason: 'Producer asked by phone',
      });
      assert.equal((on.body as DelegateDetail).status, 'active');
      const back = await anyone.post('/login', { username: 'goner01', password: PASSWORD });
      assert.equal(back.status, 200, 'signs in again');
      const last = (await w.t.outbox()).filter((m) => m.to === 'goner@example.com').at(-1);
      assert.equal(last?.subject, 'Account Information - Account Reactivated');
      const activity = (
        await w.staff.post('/help-desk/delegates/activity', { delegateId: d.id, limit: 100 })
      ).body as ActivityPage;
      const types = activity.entries.map((e) => `${e.type}:${e.actor.role}`);
      assert.ok(types.includes('deactivated:producer'), types.join());
      assert.ok(types.includes('reactivated:help-desk'), types.join());
    });

    it('reset-pattern by the help desk: the next login enrolls again, and the delegate is told', async () => {
      const d = await addDelegate(w.t, 'producer2', 'pattern01', 'pattern@example.com');
      const pending = async () =>
        (
          (await w.t.anonymous().post('/login', { username: 'pattern01', password: PASSWORD }))
            .body as { pending: { mustEnrollPattern: boolean } }
        ).pending;
      assert.equal((await pending()).mustEnrollPattern, false);
      const reset = await w.staff.post('/help-desk/delegates/action', {
        delegateId: d.id,
        action: 'reset-pattern',
        reason: 'Cannot type the sentence',
      });
      assert.equal((reset.body as DelegateDetail).patternEnrolled, false);
      assert.equal((await pending()).mustEnrollPattern, true);
      const last = (await w.t.outbox()).filter((m) => m.to === 'pattern@example.com').at(-1);
      assert.equal(last?.subject, 'Account Information - Typing Pattern Reset');
    });
  });
}

suite('SQLite', async () => ({}));

const { postgres, skip } = await testPostgresOrSkip();
if (postgres) {
  after(async () => {
    await postgres.stop();
  });
  suite('PostgreSQL', async () => ({ DATABASE_URL: await createDatabase(postgres.url) }));
} else {
  describe('delegate administration (PostgreSQL)', () => {
    it('needs PostgreSQL', { skip }, () => undefined);
  });
}
