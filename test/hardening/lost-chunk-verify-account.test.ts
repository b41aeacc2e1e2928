/**
 * A lost chunk (Verify Your Account's code step, `verify-account.steps.ts`) is an ordinary
 * retryable failure, and it fails Send Code before the code is sent: nothing reaches the outbox
 * (no code the user cannot enter), and Try again sends it once the network is back. The same
 * for the keyboard pattern (`<pep-typing-pattern>`, fetched when that option is chosen).
 * (A file of its own: a fresh page where the chunk has not been loaded yet.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/elements/verify-account/pep-verify-account.js';
import type { PepVerifyAccount } from '../../src/elements/verify-account/pep-verify-account.js';
import type { DeviceStore } from '../../src/shared/device-store.js';
import { pendingLogin, setupDelegate, verifiedDelegateLogin } from '../elements/login/fixtures.js';
import { until } from '../elements/add-delegate/fixtures.js';

const noStore: DeviceStore = { get: () => null, set: () => undefined, delete: () => undefined };

describe('<pep-verify-account> when its code step cannot be fetched', () => {
  afterEach(() => executeServerCommand('fail-requests', { urlPattern: null }));

  it('Send Code fails retryably and sends nothing; Try again sends the code', async () => {
    await executeServerCommand('fail-requests', { urlPattern: '*verify-account.steps.ts*' });
    const { adapter } = await setupDelegate();
    const pending = await pendingLogin(adapter);
    const outbox = adapter.outbox.length;
    const el = await fixture<PepVerifyAccount>(
      html`<pep-verify-account
        .adapter=${adapter}
        .pending=${pending}
        .deviceStore=${noStore}
      ></pep-verify-account>`,
    );
    await el.updateComplete;
    const $ = (sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);

    $('[part~="submit-button"]')!.click();
    await until(() => !!$('[part~="retry-button"]'), 4000, 'Try again');
    expect($('[role="alert"]')!.textContent).to.contain('We could not reach the server');
    expect(el.step).to.equal('choose');
    expect(adapter.outbox.length).to.equal(outbox);

    await executeServerCommand('fail-requests', { urlPattern: null });
    $('[part~="retry-button"]')!.click();
    await until(() => el.step === 'code' && !!$('#code'), 4000, 'the code step');
    expect(adapter.outbox.length).to.equal(outbox + 1);
  });

  it('the keyboard pattern cannot be fetched: Next fails retryably; Try again shows it', async () => {
    await executeServerCommand('fail-requests', { urlPattern: '*pep-typing-pattern.ts*' });
    const { adapter } = await setupDelegate();
    const pending = await verifiedDelegateLogin(adapter);
    const el = await fixture<PepVerifyAccount>(
      html`<pep-verify-account
        .adapter=${adapter}
        .pending=${pending}
        .deviceStore=${noStore}
      ></pep-verify-account>`,
    );
    await el.updateComplete;
    const $ = (sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
    $('#method-pattern')!.click();
    await el.updateComplete;

    $('[part~="submit-button"]')!.click();
    await until(() => !!$('[part~="retry-button"]'), 4000, 'Try again');
    expect($('[role="alert"]')!.textContent).to.contain('We could not reach the server');
    expect(el.step).to.equal('choose');
    expect(customElements.get('pep-typing-pattern')).to.equal(undefined);

    await executeServerCommand('fail-requests', { urlPattern: null });
    $('[part~="retry-button"]')!.click();
    await until(() => el.step === 'pattern' && !!$('pep-typing-pattern'), 4000, 'the pattern');
    expect(customElements.get('pep-typing-pattern')).to.exist;
  });
});
