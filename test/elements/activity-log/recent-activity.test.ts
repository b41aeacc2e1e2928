/** My Information's "Recent activity" (`<pep-activity-log>` inside `<pep-portal-home>`). */
import { expect, fixture, html } from '@open-wc/testing';
import { DEMO_HELP_DESK } from '../../../src/adapter/memory/seed.js';
import '../../../src/elements/portal-home/pep-portal-home.js';
import type { PepPortalHome } from '../../../src/elements/portal-home/pep-portal-home.js';
import type { PepActivityLog } from '../../../src/elements/activity-log/pep-activity-log.js';
import { DELEGATE, setupDelegate } from '../../support/login.js';
import { testConfig } from '../../support/portal.js';
import { until } from '../../support/registration.js';

describe('Recent activity on My Information', () => {
  it('the delegate sees "Unlocked by the Internet Help Desk", without staff name or reason', async () => {
    const { adapter, clock } = await setupDelegate();
    for (let i = 0; i < 5; i++)
      await adapter
        .login({ username: DELEGATE.username, password: 'Wrong-Password-1' })
        .catch(() => undefined);
    clock.advance(60_000);
    await adapter.admin.signIn(DEMO_HELP_DESK.username);
    const [dana] = await adapter.searchDelegates({ query: DELEGATE.username });
    await adapter.helpDeskAction({
      delegateId: dana!.id,
      action: 'unlock',
      reason: 'Caller verified by phone',
    });
    await adapter.logout();
    clock.advance(60_000);
    await adapter.admin.signIn(DELEGATE.username);

    const el = await fixture<PepPortalHome>(
      html`<pep-portal-home .portalConfig=${testConfig}></pep-portal-home>`,
    );
    // The session's times are the adapter's clock's.
    el.now = () => clock.now();
    el.adapter = adapter;
    await until(() => el.view === 'home', 3000, 'signed in');
    // Not on the first screen: the log's chunk loads with My Information.
    expect(el.shadowRoot!.querySelector('pep-activity-log')).to.equal(null);
    el.show('information');
    await el.updateComplete;
    await customElements.whenDefined('pep-activity-log');
    const log = el.shadowRoot!.querySelector<PepActivityLog>('pep-activity-log')!;
    await until(() => log.state.list === 'ready', 3000, 'activity');
    await log.updateComplete;
    const first = log.shadowRoot!.querySelector('[part=entry]')!.textContent!;
    expect(first).to.contain('Unlocked by the Internet Help Desk');
    expect(first).to.not.contain('Casey');
    expect(first).to.not.contain('Caller verified');
    const all = log.shadowRoot!.textContent!;
    expect(all).to.contain('Locked after too many failed logins');
    expect(all).to.contain('Password created');
    await expect(el).to.be.accessible();
  });
});
