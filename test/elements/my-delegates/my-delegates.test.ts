import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { adapterError } from '../../../src/adapter/errors.js';
import type { MemoryAdapter } from '../../../src/adapter/memory/memory-adapter.js';
import { ManualClock, SECOND } from '../../../src/core/clock.js';
import '../../../src/elements/my-delegates/pep-my-delegates.js';
import type { PepMyDelegates } from '../../../src/elements/my-delegates/pep-my-delegates.js';
import type { PepAddDelegate } from '../../../src/elements/add-delegate/pep-add-delegate.js';
import {
  $,
  addDelegateWithLink,
  alertText,
  deepActive,
  failing,
  JANE,
  producerAdapter,
  typeInto,
  until,
} from '../../support/registration.js';
import { DELEGATE, setupDelegate } from '../../support/login.js';
import { DEMO_PRODUCER } from '../../../src/adapter/memory/seed.js';

async function mount(adapter: unknown, states?: string) {
  const el = await fixture<PepMyDelegates>(html`<pep-my-delegates></pep-my-delegates>`);
  if (states) el.setAttribute('allowed-states', states);
  el.adapter = adapter as PepMyDelegates['adapter'];
  await until(() => el.state.list !== 'loading', 3000, 'list loaded');
  await el.updateComplete;
  return el;
}

const names = (el: PepMyDelegates) =>
  [...el.shadowRoot!.querySelectorAll('[part=delegate] h3')].map((h) => h.textContent!.trim());

async function openDialog(el: PepMyDelegates) {
  $<HTMLButtonElement>(el, '[part~=add-button]').click();
  await el.updateComplete;
  const dialog = $<HTMLDialogElement>(el, 'dialog');
  // The form is a chunk of its own, loaded on the first open.
  await customElements.whenDefined('pep-add-delegate');
  const form = dialog.querySelector<PepAddDelegate>('pep-add-delegate')!;
  await form.updateComplete;
  return { dialog, form };
}

describe('<pep-my-delegates>', () => {
  let adapter: MemoryAdapter;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = new ManualClock();
    adapter = await producerAdapter(clock);
  });

  it('is accessible (empty state)', async () => {
    const el = await mount(adapter);
    await expect(el).to.be.accessible();
    expect($(el, '[part=empty]').textContent).to.contain('not added any delegates');
    expect($(el, 'h2').textContent!.trim()).to.equal('My Delegates');
  });

  it('lists delegates with their status; Resend only for invited ones', async () => {
    await addDelegateWithLink(adapter);
    const { token } = await addDelegateWithLink(adapter, {
      ...JANE,
      username: 'bobsmith1',
      firstName: 'Bob',
      lastName: 'Smith',
      email: 'bob@example.com',
    });
    await adapter.confirmEmail({ token });
    const el = await mount(adapter);
    expect(names(el)).to.deep.equal(['Jane Doe', 'Bob Smith']);
    const items = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=delegate]')];
    expect(items[0]!.textContent).to.contain('(312) 555-0101');
    expect(items[0]!.textContent).to.contain('Illinois, Texas');
    expect(items[0]!.querySelector('[part=resend-button]')).to.not.equal(null);
    expect(
      items[0]!.querySelector('[part=resend-button]')!.textContent!.replace(/\s+/g, ' ').trim(),
    ).to.equal('Resend invitation to Jane Doe');
    await expect(el).to.be.accessible();
  });

  it('Add Delegate opens a modal dialog; Escape closes it and focus returns', async () => {
    const el = await mount(adapter);
    $<HTMLButtonElement>(el, '[part~=add-button]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-label')).to.equal('Add Delegate');
    await until(
      () => !!dialog.querySelector('pep-add-delegate')?.shadowRoot?.contains(deepActive()),
      2000,
      'focus in dialog',
    );
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 2000, 'closed');
    expect(deepActive()?.getAttribute('part')).to.equal('add-button');
    expect(dialog.querySelector('pep-add-delegate')).to.equal(null);
  });

  it('Cancel closes the dialog', async () => {
    const el = await mount(adapter);
    const { dialog, form } = await openDialog(el);
    $<HTMLButtonElement>(form, '[part~=secondary-button]').click();
    await until(() => !dialog.open, 2000, 'closed');
    expect(deepActive()?.getAttribute('part')).to.equal('add-button');
  });

  it('add → Delegate was added → Finish closes and refreshes the list', async () => {
    const el = await mount(adapter, 'IL TX');
    const { dialog, form } = await openDialog(el);
    expect(
      [...form.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=states]')].map(
        (i) => i.value,
      ),
    ).to.deep.equal(['IL', 'TX']);
    typeInto(form, '#username', JANE.username);
    typeInto(form, '#email', JANE.email);
    typeInto(form, '#firstName', JANE.firstName);
    typeInto(form, '#lastName', JANE.lastName);
    typeInto(form, '#mobile', JANE.mobile);
    $<HTMLInputElement>(form, '#state-TX').click();
    await form.updateComplete;
    const added = oneEvent(el, 'pep-delegate-added');
    $<HTMLButtonElement>(form, '[part~=submit-button]').click();
    await added;
    await until(() => form.step === 'done', 2000, 'done');
    await form.updateComplete;
    expect(names(el)).to.deep.equal([]);
    $<HTMLButtonElement>(form, '[part~=finish-button]').click();
    await until(() => !dialog.open && names(el).length === 1, 3000, 'refreshed');
    expect(names(el)).to.deep.equal(['Jane Doe']);
    expect($(el, '[part=status]').textContent).to.contain('Jane Doe was added');
    expect(deepActive()?.getAttribute('part')).to.equal('add-button');
    await expect(el).to.be.accessible();
  });

  it('closing with Escape after a delegate was added still refreshes the list', async () => {
    const el = await mount(adapter);
    const { dialog, form } = await openDialog(el);
    typeInto(form, '#username', JANE.username);
    typeInto(form, '#email', JANE.email);
    typeInto(form, '#firstName', JANE.firstName);
    typeInto(form, '#lastName', JANE.lastName);
    typeInto(form, '#mobile', JANE.mobile);
    $<HTMLInputElement>(form, '#state-IL').click();
    await form.updateComplete;
    $<HTMLButtonElement>(form, '[part~=submit-button]').click();
    await until(() => form.step === 'done', 3000, 'done');
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open && names(el).length === 1, 3000, 'refreshed');
    expect($(el, '[part=status]').textContent).to.contain('Jane Doe was added');
  });

  it('Resend invitation sends a new email and voids the old link', async () => {
    const { token } = await addDelegateWithLink(adapter);
    const el = await mount(adapter);
    const before = adapter.outbox.length;
    const resent = oneEvent(el, 'pep-invitation-resent');
    $<HTMLButtonElement>(el, '[part=resend-button]').click();
    expect((await resent).detail.delegate.username).to.equal('janedoe01');
    await el.updateComplete;
    expect(adapter.outbox.length).to.equal(before + 1);
    expect($(el, '[part=status]').textContent).to.contain('jane.doe@example.com');
    expect(alertText(el)).to.equal('');
    const old = await adapter.confirmEmail({ token }).catch((e: { code: string }) => e.code);
    expect(old).to.equal('LINK_EXPIRED');
  });

  it('Resend RATE_LIMITED shows the time and is not offered as a retry', async () => {
    await addDelegateWithLink(adapter);
    const fake = failing(adapter, {
      resendInvitation: [adapterError('RATE_LIMITED', { retryAfter: clock.now() + 30 * SECOND })],
    });
    const el = await mount(fake);
    $<HTMLButtonElement>(el, '[part=resend-button]').click();
    el.now = () => clock.now();
    await until(() => alertText(el).startsWith('Too many attempts'), 3000, 'rate limited');
    expect(alertText(el)).to.equal('Too many attempts. Please try again in 30 seconds.');
    expect(el.shadowRoot!.querySelector('[part=retry-button]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a list failure shows a retryable error; Try again loads', async () => {
    await addDelegateWithLink(adapter);
    const fake = failing(adapter, { listDelegates: [adapterError('UNAVAILABLE')] });
    const el = await mount(fake);
    expect(alertText(el)).to.contain('temporarily unavailable');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part=retry-button]').click();
    await until(() => names(el).length === 1, 3000, 'loaded');
    expect(alertText(el)).to.equal('');
  });

  it('a failed resend over the network can be retried from the alert', async () => {
    await addDelegateWithLink(adapter);
    const fake = failing(adapter, { resendInvitation: [adapterError('NETWORK')] });
    const el = await mount(fake);
    $<HTMLButtonElement>(el, '[part=resend-button]').click();
    await until(() => alertText(el).includes('could not reach'), 3000, 'network');
    const resent = oneEvent(el, 'pep-invitation-resent');
    $<HTMLButtonElement>(el, '[part=retry-button]').click();
    await resent;
    expect(fake.calls['resendInvitation']).to.equal(2);
  });

  describe('producer controls', () => {
    /** Dana, active (she created her password), optionally locked out; the producer signed in. */
    async function dana(lock = false) {
      const { adapter: a } = await setupDelegate();
      if (lock)
        for (let i = 0; i < 5; i++)
          await a
            .login({ username: DELEGATE.username, password: 'Wrong-Password-1' })
            .catch(() => undefined);
      await a.admin.signIn(DEMO_PRODUCER.username);
      return a;
    }
    const controls = (el: PepMyDelegates) =>
      [...el.shadowRoot!.querySelectorAll('[part=control-button]')].map((b) =>
        b.getAttribute('data-control'),
      );

    it('shows the last sign-in; Deactivate asks first, then deactivates; Reactivate', async () => {
      const a = await dana();
      const el = await mount(a);
      expect($(el, '[data-fact=last-sign-in]').textContent!.trim()).to.equal('Never');
      expect(controls(el)).to.deep.equal(['deactivate']);
      $<HTMLButtonElement>(el, '[data-control=deactivate]').click();
      await until(() => deepActive()?.getAttribute('part') === 'confirm-button', 2000, 'focus');
      expect($(el, '[part=confirm]').textContent).to.contain('Deactivate Dana Lee?');
      await expect(el).to.be.accessible();
      const updated = oneEvent(el, 'pep-delegate-updated');
      $<HTMLButtonElement>(el, '[part=confirm-button]').click();
      expect((await updated).detail.action).to.equal('deactivate');
      await el.updateComplete;
      expect($(el, '.status').textContent!.trim()).to.equal('Deactivated');
      expect($(el, '[part=status]').textContent).to.contain('Dana Lee was deactivated.');
      expect(controls(el)).to.deep.equal(['reactivate']);
      await until(() => deepActive()?.getAttribute('data-control') === 'reactivate', 2000, 'f');
      await a.logout();
      const err = await a
        .login({ username: DELEGATE.username, password: DELEGATE.password })
        .catch((e: { code: string }) => e.code);
      expect(err).to.equal('ACCOUNT_DEACTIVATED');
      await a.admin.signIn(DEMO_PRODUCER.username);
      $<HTMLButtonElement>(el, '[data-control=reactivate]').click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part=confirm-button]').click();
      await until(() => $(el, '.status').textContent!.trim() === 'Active', 3000, 'reactivated');
      await a.logout();
      const ok = await a.login({ username: DELEGATE.username, password: DELEGATE.password });
      expect(ok.status).to.equal('verification-required');
    });

    it('Unlock a locked delegate; Cancel and Escape close the confirmation', async () => {
      const a = await dana(true);
      const el = await mount(a);
      expect($(el, '.status').textContent).to.contain('Locked until');
      expect(controls(el)).to.deep.equal(['unlock', 'deactivate']);
      $<HTMLButtonElement>(el, '[data-control=unlock]').click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part=cancel-button]').click();
      await until(() => deepActive()?.getAttribute('data-control') === 'unlock', 2000, 'back');
      expect(el.shadowRoot!.querySelector('[part=confirm]')).to.equal(null);
      $<HTMLButtonElement>(el, '[data-control=unlock]').click();
      await until(() => deepActive()?.getAttribute('part') === 'confirm-button', 2000, 'focus');
      await sendKeys({ press: 'Escape' });
      await until(() => !el.shadowRoot!.querySelector('[part=confirm]'), 2000, 'closed');
      $<HTMLButtonElement>(el, '[data-control=unlock]').click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part=confirm-button]').click();
      await until(() => $(el, '.status').textContent!.trim() === 'Active', 3000, 'unlocked');
      expect($(el, '[part=status]').textContent).to.contain('Dana Lee was unlocked.');
    });

    it('a failed control keeps the confirmation and can be retried', async () => {
      const fake = failing(await dana(), { setDelegateActive: [adapterError('NETWORK')] });
      const el = await mount(fake);
      $<HTMLButtonElement>(el, '[data-control=deactivate]').click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part=confirm-button]').click();
      await until(() => alertText(el).includes('could not reach'), 3000, 'network');
      expect(el.shadowRoot!.querySelector('[part=confirm]')).to.not.equal(null);
      $<HTMLButtonElement>(el, '[part=retry-button]').click();
      await until(() => $(el, '.status').textContent!.trim() === 'Deactivated', 3000, 'retried');
      expect(fake.calls['setDelegateActive']).to.equal(2);
    });
  });
});
