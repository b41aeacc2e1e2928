/**
 * `<pep-portal-home>` My Information shows `<pep-passkeys>` (placed by the host in its
 * `information` slot) only with the provider's switch.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { MemoryAdapter } from '../../../src/adapter/memory/memory-adapter.js';
import '../../../src/elements/auth-provider/pep-auth-provider.js';
import '../../../src/elements/portal-home/pep-portal-home.js';
import '../../../src/elements/passkeys/pep-passkeys.js';
import type { PepPortalHome } from '../../../src/elements/portal-home/pep-portal-home.js';
import type { PepPasskeys } from '../../../src/elements/passkeys/pep-passkeys.js';
import type { PepAuthProvider } from '../../../src/elements/auth-provider/pep-auth-provider.js';
import { delegateSession, testConfig } from '../../support/portal.js';
import { producerAdapter, until } from '../../support/registration.js';

async function mount(adapter: MemoryAdapter, passkeys: boolean, role = delegateSession.user.role) {
  const session = { ...delegateSession, user: { ...delegateSession.user, role } };
  const provider = await fixture<PepAuthProvider>(
    html`<pep-auth-provider ?passkeys=${passkeys} .adapter=${adapter}>
      <pep-portal-home .session=${session} .portalConfig=${testConfig}
        ><pep-passkeys slot="information"></pep-passkeys
      ></pep-portal-home>
    </pep-auth-provider>`,
  );
  const home = provider.querySelector<PepPortalHome>('pep-portal-home')!;
  const passkeysEl = provider.querySelector<PepPasskeys>('pep-passkeys')!;
  await home.updateComplete;
  home.show('information');
  await home.updateComplete;
  return { provider, home, passkeysEl };
}

/** Whether the slotted element is shown (assigned to the rendered slot and laid out). */
const shown = (el: HTMLElement) => !!el.assignedSlot && el.getBoundingClientRect().height > 0;

describe('<pep-portal-home> My Information with passkeys', () => {
  it('shows the slotted <pep-passkeys> when the provider turns passkeys on', async () => {
    const adapter = await producerAdapter();
    const { provider, home, passkeysEl } = await mount(adapter, true);
    expect(provider.passkeys).to.equal(true);
    expect(home.config.passkeys).to.equal(true);
    await until(() => passkeysEl.state.list === 'ready', 3000, 'loaded');
    await passkeysEl.updateComplete;
    expect(shown(passkeysEl)).to.equal(true);
    expect(passkeysEl.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('Passkeys');
    // After the profile, in the My Information view.
    const slot = passkeysEl.assignedSlot!;
    expect(slot.previousElementSibling?.getAttribute('part')).to.equal('profile');
    await expect(home).to.be.accessible();
  });

  it('shows nothing of passkeys when the switch is off (the default)', async () => {
    const adapter = await producerAdapter();
    const { provider, home, passkeysEl } = await mount(adapter, false);
    expect(provider.passkeys).to.equal(false);
    expect(home.shadowRoot!.querySelector('slot[name=information]')).to.equal(null);
    expect(shown(passkeysEl)).to.equal(false);
    expect(home.shadowRoot!.querySelector('[part=profile]')).to.exist;
  });

  it('the switch follows the attribute at runtime', async () => {
    const adapter = await producerAdapter();
    const { provider, home, passkeysEl } = await mount(adapter, false);
    provider.setAttribute('passkeys', '');
    await home.updateComplete;
    expect(home.shadowRoot!.querySelector('slot[name=information]')).to.exist;
    await until(() => shown(passkeysEl), 3000, 'shown');
    provider.removeAttribute('passkeys');
    await home.updateComplete;
    expect(shown(passkeysEl)).to.equal(false);
  });

  it('only on My Information, and not for a help-desk account', async () => {
    const adapter = await producerAdapter();
    const { home, passkeysEl } = await mount(adapter, true);
    home.show('home');
    await home.updateComplete;
    expect(shown(passkeysEl)).to.equal(false);
    const helpDesk = await mount(adapter, true, 'help-desk');
    expect(helpDesk.home.shadowRoot!.querySelector('slot[name=information]')).to.equal(null);
  });
});
