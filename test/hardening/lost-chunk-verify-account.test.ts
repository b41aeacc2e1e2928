/**
 * A lost chunk (Verify Your Account's code step, `verify-account.steps.ts`) is an ordinary
 * retryable failure, and it fails Send Code before the code is sent: nothing reaches the outbox
 * (no code the user cannot enter), and Try again sends it once the network is back. The same
 * for the keyboard pattern (`<pep-typing-pattern>`, fetched when that option is chosen).
 * (A file of its own: a fresh page where the chunk has not been loaded yet.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/verify-account/pep-verify-account.js';
import type { PepVerifyAccount } from '../../src/elements/verify-account/pep-verify-account.js';
import type { AuthAdapter, PendingLogin } from '../../src/adapter/types.js';
import type { DeviceStore } from '../../src/shared/device-store.js';
import { pendingLogin, setupDelegate, verifiedDelegateLogin } from '../elements/login/fixtures.js';
import { until } from '../elements/add-delegate/fixtures.js';
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

describe('<pep-verify-account> when its code step cannot be fetched', () => {
  afterEach(() => failRequests(null));

  it('Send Code fails retryably and sends nothing; Try again sends the code', async () => {
    await failRequests('*verify-account.steps.ts*');
    const { adapter } = await setupDelegate();
    const pending = await pendingLogin(adapter);
    const outbox = adapter.outbox.length;
    const { el, $ } = await mount(adapter, pending);

    $('[part~="submit-button"]')!.click();
    await expectNetworkFailure(el);
    expect(el.step).to.equal('choose');
    expect(adapter.outbox.length).to.equal(outbox);

    await failRequests(null);
    $('[part~="retry-button"]')!.click();
    await until(() => el.step === 'code' && !!$('#code'), 4000, 'the code step');
    expect(adapter.outbox.length).to.equal(outbox + 1);
  });

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
