import { expect, fixture, html } from '@open-wc/testing';
import { adapterError } from '../../../src/adapter/errors.js';
import type { ActivityEntry, ActivityQuery } from '../../../src/adapter/types.js';
import '../../../src/elements/activity-log/pep-activity-log.js';
import type { PepActivityLog } from '../../../src/elements/activity-log/pep-activity-log.js';
import { fakeAdapter } from '../../support/fake-adapter.js';
import { $, deepActive, until } from '../../support/registration.js';

const AT = Date.UTC(2026, 0, 5, 15, 30);
const entries: ActivityEntry[] = [
  {
    id: 'e5',
    at: AT,
    type: 'unlocked',
    actor: { role: 'help-desk' },
    outcome: 'success',
  },
  { id: 'e4', at: AT - 60_000, type: 'locked', actor: { role: 'system' }, outcome: 'success' },
  {
    id: 'e3',
    at: AT - 120_000,
    type: 'sign-in',
    method: 'passkey',
    actor: { role: 'self' },
    outcome: 'success',
  },
  {
    id: 'e2',
    at: AT - 180_000,
    type: 'verification-failed',
    method: 'sms',
    actor: { role: 'self' },
    outcome: 'failure',
  },
  {
    id: 'e1',
    at: AT - 240_000,
    type: 'deactivated',
    actor: { role: 'producer', name: 'Pat Morgan' },
    outcome: 'success',
    reason: 'Left the agency',
  },
];

/** Pages of `limit` entries, the cursor being the index of the next one. */
function pages(fail: Error[] = []) {
  return fakeAdapter({
    listMyActivity: (q?: ActivityQuery) => {
      const e = fail.shift();
      if (e) return Promise.reject(e);
      const from = Number(q?.cursor ?? 0);
      const limit = q?.limit ?? 20;
      const next = from + limit < entries.length ? String(from + limit) : null;
      return Promise.resolve({ entries: entries.slice(from, from + limit), nextCursor: next });
    },
    listDelegateActivity: () => Promise.resolve({ entries: entries.slice(4), nextCursor: null }),
  });
}

const texts = (el: PepActivityLog) =>
  [...el.shadowRoot!.querySelectorAll('[part=entry] .what')].map((e) => e.textContent!.trim());

async function mount(adapter: unknown, attrs = ''): Promise<PepActivityLog> {
  const el = await fixture<PepActivityLog>(
    attrs === 'delegate'
      ? html`<pep-activity-log delegate-id="d1" page-size="2"></pep-activity-log>`
      : html`<pep-activity-log page-size="2"></pep-activity-log>`,
  );
  el.adapter = adapter as PepActivityLog['adapter'];
  await until(() => el.state.list !== 'loading', 3000, 'loaded');
  await el.updateComplete;
  return el;
}

describe('<pep-activity-log>', () => {
  it('is accessible; readable entries with times in the locale', async () => {
    const el = await mount(pages().adapter);
    await expect(el).to.be.accessible();
    expect($(el, 'h3').textContent).to.equal('Recent activity');
    expect(texts(el)).to.deep.equal([
      'Unlocked by the Internet Help Desk',
      'Locked after too many failed logins',
    ]);
    const time = $(el, '[part=entry] time');
    expect(time.getAttribute('datetime')).to.equal(new Date(AT).toISOString());
    expect(time.textContent).to.contain('2026');
  });

  it('Show more appends the next page and moves focus to its first entry; ends', async () => {
    const { adapter, calls } = pages();
    const el = await mount(adapter);
    $<HTMLButtonElement>(el, '[part=more-button]').click();
    await until(() => el.state.entries.length === 4, 3000, 'page 2');
    await el.updateComplete;
    expect(texts(el).slice(2)).to.deep.equal([
      'Logged in with a passkey',
      'Wrong code (sent by text message)',
    ]);
    await until(
      () => deepActive() === el.shadowRoot!.querySelectorAll('[part=entry]')[2],
      2000,
      'focus',
    );
    $<HTMLButtonElement>(el, '[part=more-button]').click();
    await until(() => el.state.entries.length === 5, 3000, 'page 3');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=more-button]')).to.equal(null);
    const last = el.shadowRoot!.querySelectorAll('[part=entry]')[4]!;
    expect(last.textContent).to.contain('Deactivated by the producer');
    expect(last.textContent).to.contain('By Pat Morgan');
    expect(last.textContent).to.contain('Reason: Left the agency');
    expect(calls.map((c) => c.input)).to.deep.equal([
      { limit: 2 },
      { limit: 2, cursor: '2' },
      { limit: 2, cursor: '4' },
    ]);
    await expect(el).to.be.accessible();
  });

  it('a delegate id reads the Help Desk view of that delegate', async () => {
    const { adapter, calls } = pages();
    const el = await mount(adapter, 'delegate');
    expect(calls[0]).to.deep.equal({
      method: 'listDelegateActivity',
      input: { delegateId: 'd1', limit: 2 },
    });
    expect(texts(el)).to.deep.equal(['Deactivated by the producer']);
  });

  it('failures: Try again loads; a failed Show more keeps the entries', async () => {
    const fail: Error[] = [adapterError('NETWORK')];
    const el = await mount(pages(fail).adapter);
    expect($(el, '[role=alert]').textContent).to.contain('could not reach');
    $<HTMLButtonElement>(el, '[part=retry-button]').click();
    await until(() => el.state.list === 'ready', 3000, 'loaded');
    await el.updateComplete;
    fail.push(adapterError('TIMEOUT'));
    $<HTMLButtonElement>(el, '[part=more-button]').click();
    await until(() => !!el.state.error, 3000, 'more failed');
    await el.updateComplete;
    expect($(el, '[role=alert]').textContent).to.contain('took too long');
    expect(texts(el)).to.have.length(2);
    $<HTMLButtonElement>(el, '[part=retry-button]').click();
    await until(() => el.state.entries.length === 4, 3000, 'page 2');
  });

  it('an empty log says so; Spanish', async () => {
    const { adapter } = fakeAdapter({
      listMyActivity: () => Promise.resolve({ entries: [], nextCursor: null }),
    });
    const el = await mount(adapter);
    expect($(el, '[part=empty]').textContent).to.equal('No activity yet.');
    el.lang = 'es';
    await until(() => $(el, 'h3').textContent === 'Actividad reciente', 3000, 'Spanish');
  });
});
