import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { adapterError } from '../../../src/adapter/errors.js';
import type { MemoryAdapter } from '../../../src/adapter/memory/memory-adapter.js';
import { DEMO_HELP_DESK, DEMO_PRODUCER } from '../../../src/adapter/memory/seed.js';
import '../../../src/elements/delegate-admin/pep-delegate-admin.js';
import type { PepDelegateAdmin } from '../../../src/elements/delegate-admin/pep-delegate-admin.js';
import type { PepActivityLog } from '../../../src/elements/activity-log/pep-activity-log.js';
import { DELEGATE, setupDelegate, verifiedDelegateLogin } from '../../support/login.js';
import { $, deepActive, failing, typeInto, until } from '../../support/registration.js';

const text = (el: Element, sel: string) =>
  (el.shadowRoot!.querySelector(sel)?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A seeded world: the delegate Dana (active), locked out, and a help-desk session. */
async function world(lock = true): Promise<MemoryAdapter> {
  const { adapter, clock } = await setupDelegate();
  if (lock)
    for (let i = 0; i < 5; i++)
      await adapter
        .login({ username: DELEGATE.username, password: 'Wrong-Password-1' })
        .catch(() => undefined);
  await adapter.admin.signIn(DEMO_HELP_DESK.username);
  // What the Help Desk does next comes later than the lockout (the log is newest first).
  clock.advance(60_000);
  return adapter;
}

async function mount(adapter: unknown): Promise<PepDelegateAdmin> {
  const el = await fixture<PepDelegateAdmin>(
    html`<pep-delegate-admin login-href="#/login"></pep-delegate-admin>`,
  );
  el.adapter = adapter as PepDelegateAdmin['adapter'];
  await until(() => el.state.view !== 'checking', 3000, 'session checked');
  await el.updateComplete;
  return el;
}

async function search(el: PepDelegateAdmin, query: string): Promise<void> {
  typeInto(el, '#query', query);
  $<HTMLButtonElement>(el, '[part~=submit-button]').click();
  await until(() => !el.state.searching, 3000, 'searched');
  await el.updateComplete;
}

async function openDana(el: PepDelegateAdmin): Promise<void> {
  await search(el, 'dana');
  $<HTMLButtonElement>(el, '[part=result]').click();
  await until(() => !!el.state.delegate, 3000, 'delegate loaded');
  await el.updateComplete;
}

const action = (el: PepDelegateAdmin, name: string) =>
  $<HTMLButtonElement>(el, `[data-action=${name}]`);

async function activityLog(el: PepDelegateAdmin): Promise<PepActivityLog> {
  await customElements.whenDefined('pep-activity-log');
  const log = el.shadowRoot!.querySelector<PepActivityLog>('pep-activity-log')!;
  await until(() => log.state.list !== 'loading' && !log.state.more, 3000, 'activity loaded');
  await log.updateComplete;
  return log;
}

describe('<pep-delegate-admin>', () => {
  it('is accessible; the search heading has focus', async () => {
    const el = await mount(await world());
    expect(el.state.view).to.equal('search');
    expect(text(el, 'h2')).to.equal('Internet Help Desk: Find a Delegate');
    await until(() => deepActive()?.matches('[data-step-heading]') ?? false, 2000, 'focus');
    await expect(el).to.be.accessible();
  });

  it('anyone else sees "Not allowed"; without a session, "Please log in"', async () => {
    const adapter = await world();
    await adapter.admin.signIn(DEMO_PRODUCER.username);
    const producer = await mount(adapter);
    expect(producer.state.view).to.equal('forbidden');
    expect(text(producer, 'h2')).to.equal('Not allowed');
    expect(text(producer, '[part=forbidden]')).to.contain('Internet Help Desk');
    await expect(producer).to.be.accessible();
    await adapter.logout();
    const none = await mount(adapter);
    expect(text(none, 'h2')).to.equal('Please log in');
    expect($(none, '[part=login-link]').getAttribute('href')).to.equal('#/login');
  });

  it('checks the query next to the field and calls nothing', async () => {
    const adapter = failing(await world(), {});
    const el = await mount(adapter);
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await el.updateComplete;
    expect(text(el, '#query-error')).to.equal('Enter a username, email, name or mobile number.');
    expect($(el, '#query').getAttribute('aria-invalid')).to.equal('true');
    expect(deepActive()?.id).to.equal('query');
    typeInto(el, '#query', 'd');
    $<HTMLButtonElement>(el, '[part~=submit-button]').click();
    await el.updateComplete;
    expect(text(el, '#query-error')).to.equal('Enter at least 2 characters.');
    expect(adapter.calls['searchDelegates'] ?? 0).to.equal(0);
  });

  it('finds by name, email or mobile; shows an empty state', async () => {
    const el = await mount(await world());
    for (const q of ['Dana', 'dana.lee@example', '555-0101', 'dana0001']) {
      await search(el, q);
      expect(text(el, '[part=result]'), q).to.contain('Dana Lee');
    }
    expect(text(el, '[part=status]')).to.equal('1 delegate found.');
    expect(text(el, '[part=result] .status')).to.contain('Locked until');
    await search(el, 'nobody-like-this');
    expect(text(el, '[part=empty]')).to.equal('No delegate matches "nobody-like-this".');
    await expect(el).to.be.accessible();
  });

  it("a delegate's page: facts, actions that apply, focus on the heading, Back", async () => {
    const el = await mount(await world());
    await openDana(el);
    expect(text(el, 'h2')).to.equal('Dana Lee');
    await until(() => deepActive()?.matches('[data-step-heading]') ?? false, 2000, 'focus');
    const facts = text(el, '[part=details]');
    expect(facts).to.contain('Locked until');
    expect(facts).to.contain('Pat Morgan, producer ID P-100200');
    expect(facts).to.contain('Illinois');
    expect(text(el, '[data-fact=pattern]')).to.equal('Not enrolled');
    expect(text(el, '[data-fact=devices]')).to.equal('None');
    expect(text(el, '[data-fact=passkeys]')).to.equal('0');
    expect(text(el, '[data-fact=last-sign-in]')).to.equal('Never');
    expect(action(el, 'unlock').disabled).to.equal(false);
    expect(action(el, 'deactivate').disabled).to.equal(false);
    for (const a of ['reset-pattern', 'forget-devices', 'resend-invitation', 'reactivate'])
      expect(action(el, a).disabled, a).to.equal(true);
    await activityLog(el);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '.back').click();
    await until(() => el.state.view === 'search', 2000, 'back');
    await el.updateComplete;
    expect(deepActive()?.getAttribute('part')).to.equal('result');
    expect(($(el, '#query') as HTMLInputElement).value).to.equal('dana');
  });

  it('Unlock needs a reason (error next to the field, text kept); then unlocks', async () => {
    const adapter = await world();
    const el = await mount(adapter);
    await openDana(el);
    action(el, 'unlock').click();
    await until(() => deepActive()?.id === 'reason', 2000, 'focus on reason');
    expect(text(el, '#confirm-text')).to.contain('Unlock Dana Lee?');
    $<HTMLButtonElement>(el, '[part~=confirm] [part~=submit-button]').click();
    await el.updateComplete;
    expect(text(el, '#reason-error')).to.equal('Enter the reason for this action.');
    expect($(el, '#reason').getAttribute('aria-invalid')).to.equal('true');
    typeInto(el, '#reason', 'ok');
    $<HTMLButtonElement>(el, '[part~=confirm] [part~=submit-button]').click();
    await el.updateComplete;
    expect(text(el, '#reason-error')).to.equal('Enter at least 3 characters.');
    expect(($(el, '#reason') as HTMLTextAreaElement).value).to.equal('ok');
    await expect(el).to.be.accessible();
    typeInto(el, '#reason', 'Caller verified by phone');
    $<HTMLButtonElement>(el, '[part~=confirm] [part~=submit-button]').click();
    await until(() => !el.state.confirm, 3000, 'unlocked');
    await el.updateComplete;
    expect(text(el, '[part=status]')).to.equal('Dana Lee was unlocked.');
    expect(text(el, '[part=details] .status')).to.equal('Active');
    expect(action(el, 'unlock').disabled).to.equal(true);
    expect(deepActive()?.matches('[data-step-heading]')).to.equal(true);
    // The activity shows it, with the staff member and the reason.
    const log = await activityLog(el);
    await until(() => log.state.entries[0]?.type === 'unlocked', 3000, 'activity refreshed');
    await log.updateComplete;
    const first = text(log, '[part=entry]');
    expect(first).to.contain('Unlocked by the Internet Help Desk');
    expect(first).to.contain('By Casey Rivera');
    expect(first).to.contain('Reason: Caller verified by phone');
    // The delegate signs in at once.
    await adapter.logout();
    const result = await adapter.login({
      username: DELEGATE.username,
      password: DELEGATE.password,
    });
    expect(result.status).to.equal('verification-required');
  });

  it('Escape or Cancel closes the confirmation; focus returns to the action', async () => {
    const el = await mount(await world());
    await openDana(el);
    action(el, 'deactivate').click();
    await until(() => deepActive()?.id === 'reason', 2000, 'focus on reason');
    await sendKeys({ type: 'why' });
    await sendKeys({ press: 'Escape' });
    await until(() => !el.state.confirm, 2000, 'closed');
    await el.updateComplete;
    expect(deepActive()?.getAttribute('data-action')).to.equal('deactivate');
  });

  it('a network failure keeps the reason, offers Try again, which completes it', async () => {
    const adapter = failing(await world(false), { helpDeskAction: [adapterError('NETWORK')] });
    const el = await mount(adapter);
    await openDana(el);
    action(el, 'deactivate').click();
    await el.updateComplete;
    typeInto(el, '#reason', 'Producer asked by phone');
    $<HTMLButtonElement>(el, '[part~=confirm] [part~=submit-button]').click();
    await until(() => !!el.state.error, 3000, 'failed');
    await el.updateComplete;
    expect(text(el, '[role=alert]')).to.contain('could not reach');
    expect(($(el, '#reason') as HTMLTextAreaElement).value).to.equal('Producer asked by phone');
    expect($(el, '[part~=confirm] [part~=submit-button]').getAttribute('aria-disabled')).to.equal(
      'false',
    );
    $<HTMLButtonElement>(el, '[part=retry-button]').click();
    await until(() => !el.state.confirm, 3000, 'deactivated');
    await el.updateComplete;
    expect(text(el, '[part=details] .status')).to.equal('Deactivated');
    expect(action(el, 'reactivate').disabled).to.equal(false);
    expect(adapter.calls['helpDeskAction']).to.equal(2);
    await adapter.logout();
    const err = await adapter
      .login({ username: DELEGATE.username, password: DELEGATE.password })
      .catch((e: unknown) => e);
    expect((err as { code: string }).code).to.equal('ACCOUNT_DEACTIVATED');
  });

  it('a search that fails offers Try again; a lost session closes the console', async () => {
    const adapter = failing(await world(), {
      searchDelegates: [adapterError('TIMEOUT'), adapterError('NOT_AUTHENTICATED')],
    });
    const el = await mount(adapter);
    await search(el, 'dana');
    expect(text(el, '[role=alert]')).to.contain('took too long');
    $<HTMLButtonElement>(el, '[part=retry-button]').click();
    await until(() => el.state.view === 'signed-out', 3000, 'signed out');
    await el.updateComplete;
    expect(text(el, 'h2')).to.equal('Please log in');
  });

  it('Reset typing pattern makes the next login enroll again', async () => {
    const { adapter } = await setupDelegate();
    await verifiedDelegateLogin(adapter);
    await adapter.admin.signIn(DEMO_HELP_DESK.username);
    const el = await mount(adapter);
    await openDana(el);
    expect(text(el, '[data-fact=pattern]')).to.contain('Enrolled');
    action(el, 'reset-pattern').click();
    await el.updateComplete;
    typeInto(el, '#reason', 'Cannot type the pattern after an injury');
    $<HTMLButtonElement>(el, '[part~=confirm] [part~=submit-button]').click();
    await until(() => !el.state.confirm, 3000, 'reset');
    await el.updateComplete;
    expect(text(el, '[data-fact=pattern]')).to.equal('Not enrolled');
    await adapter.logout();
    const r = await adapter.login({ username: DELEGATE.username, password: DELEGATE.password });
    expect(r.status === 'verification-required' && r.pending.mustEnrollPattern).to.equal(true);
  });
});
