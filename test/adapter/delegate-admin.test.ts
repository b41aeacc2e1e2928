/**
 * Issue 22 on the in-memory adapter: the demo seed gives the Help Desk console a locked
 * delegate; unlocking it with a reason lets it sign in at once and shows in its Recent activity
 * (without the staff member's name or the reason); activity is kept only for the retention.
 */
import { expect } from '@open-wc/testing';
import { AdapterError } from '../../src/adapter/errors.js';
import { MemoryAdapter } from '../../src/adapter/memory/memory-adapter.js';
import {
  DEMO_DELEGATES,
  DEMO_HELP_DESK,
  DEMO_SECOND_PRODUCER,
  seedDemoDelegates,
} from '../../src/adapter/memory/seed.js';
import { DAY, ManualClock, MINUTE } from '../../src/core/clock.js';

function makeAdapter(activityRetention?: number) {
  const clock = new ManualClock(Date.UTC(2026, 11, 7, 9));
  const adapter = new MemoryAdapter({
    clock,
    pbkdf2Iterations: 1000,
    webauthn: false,
    ...(activityRetention ? { activityRetention } : {}),
  });
  return { adapter, clock };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    return err instanceof AdapterError ? err.code : String(err);
  }
  return 'resolved';
}

describe('delegate administration (memory adapter)', () => {
  it('the demo seed has a locked delegate; the help desk unlocks it; the delegate sees it', async () => {
    const { adapter } = makeAdapter();
    await seedDemoDelegates(adapter);
    await seedDemoDelegates(adapter); // idempotent
    const [locked] = DEMO_DELEGATES;
    expect(
      await codeOf(adapter.login({ username: locked.username, password: locked.password })),
    ).to.equal('ACCOUNT_LOCKED');

    await adapter.admin.signIn(DEMO_HELP_DESK.username);
    const hits = await adapter.searchDelegates({ query: 'locke' });
    expect(hits.map((d) => [d.username, d.status])).to.deep.equal([[locked.username, 'locked']]);
    const detail = await adapter.getDelegateDetail({ delegateId: hits[0]!.id });
    expect(detail.patternEnrolled).to.equal(true);
    expect(detail.producer.username).to.equal(DEMO_SECOND_PRODUCER.username);
    const after = await adapter.helpDeskAction({
      delegateId: hits[0]!.id,
      action: 'unlock',
      reason: 'Caller verified by phone',
    });
    expect(after.status).to.equal('active');
    expect(after.lockedUntil).to.equal(null);
    await adapter.logout();

    const result = await adapter.login({ username: locked.username, password: locked.password });
    expect(result.status).to.equal('verification-required');
    await adapter.admin.signIn(locked.username);
    const mine = await adapter.listMyActivity();
    expect(mine.entries.map((e) => e.type)).to.deep.equal(['unlocked', 'locked']);
    expect(mine.entries[0]!.actor).to.deep.equal({ role: 'help-desk' });
    expect(mine.entries[0]!.reason).to.equal(undefined);
    expect(mine.entries[1]!.actor.role).to.equal('system');
    expect(adapter.outbox.at(-1)?.subject).to.equal('Account Information - Account Unlocked');
  });

  it('the producer sees last sign-in and status, and deactivates only their own delegates', async () => {
    const { adapter } = makeAdapter();
    await seedDemoDelegates(adapter);
    await adapter.admin.signIn(DEMO_SECOND_PRODUCER.username);
    const list = await adapter.listDelegates();
    expect(list.map((d) => d.status).sort()).to.deep.equal(['active', 'locked']);
    for (const d of list) expect(d).to.have.property('lastSignInAt', null);
    const active = list.find((d) => d.status === 'active')!;
    expect(
      (await adapter.setDelegateActive({ delegateId: active.id, active: false })).status,
    ).to.equal('deactivated');
    expect(
      await codeOf(adapter.setDelegateActive({ delegateId: 'dlg_nope', active: false })),
    ).to.equal('NOT_FOUND');
    await adapter.logout();
    const [, second] = DEMO_DELEGATES;
    expect(
      await codeOf(adapter.login({ username: second.username, password: second.password })),
    ).to.equal('ACCOUNT_DEACTIVATED');
  });

  it('activity older than the retention is purged and never listed', async () => {
    const { adapter, clock } = makeAdapter(30 * DAY);
    await seedDemoDelegates(adapter);
    const [locked] = DEMO_DELEGATES;
    await adapter.admin.signIn(locked.username);
    expect((await adapter.listMyActivity()).entries).to.have.length(1);
    clock.advance(30 * DAY + MINUTE);
    await adapter.admin.signIn(locked.username);
    expect((await adapter.listMyActivity()).entries).to.deep.equal([]);
    expect(adapter.admin.snapshot()).to.not.contain('"type":"locked"');
  });
});
