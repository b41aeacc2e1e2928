/**
 * A lost chunk of Verify Your Account (the nested `<pep-typing-pattern>`, fetched when the
 * keyboard pattern is chosen) is an ordinary retryable failure: Next fails with Try again, and
 * Try again shows the pattern once the network is back. (A file of its own: a fresh page where
 * the chunk has not been loaded yet.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/verify-account/pep-verify-account.js';
import type { PepVerifyAccount } from '../../src/elements/verify-account/pep-verify-account.js';
import type { AuthAdapter, PendingLogin } from '../../src/adapter/types.js';
import type { DeviceStore } from '../../src/shared/device-store.js';
import { setupDelegate, verifiedDelegateLogin } from '../support/login.js';
import { until } from '../support/registration.js';
import { expectNetworkFailure, failRequests } from './lost-chunk.js';

const noStore: DeviceStore = { get: () => null, set: () => undefined, delete: () => undefined };

async function mount(adapter: AuthAdapter, pending: PendingLogin) {
  const el = await fixture<PepVerifyAccount>(
    html`<pep-verify-account
      .adapter=${adapter}
      .pending=${pending}
      .deviceStore=${noStore}
    ></pep-verify-account>`,
  );
  await el.updateComplete;
  return { el, $: (sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel) };
}

describe('<pep-verify-account> when its keyboard pattern cannot be fetched', () => {
  afterEach(() => failRequests(null));

  it('the keyboard pattern cannot be fetched: Next fails retryably; Try again shows it', async () => {
    await failRequests('*pep-typing-pattern.ts*');
    const { adapter } = await setupDelegate();
    const pending = await verifiedDelegateLogin(adapter);
    const { el, $ } = await mount(adapter, pending);
    $('#method-pattern')!.click();
    await el.updateComplete;

    $('[part~="submit-button"]')!.click();
    await expectNetworkFailure(el);
    expect(el.step).to.equal('choose');
    expect(customElements.get('pep-typing-pattern')).to.equal(undefined);

    await failRequests(null);
    $('[part~="retry-button"]')!.click();
    await until(() => el.step === 'pattern' && !!$('pep-typing-pattern'), 4000, 'the pattern');
    expect(customElements.get('pep-typing-pattern')).to.exist;
  });
});
