/**
 * A lost chunk of Log In (the nested `<pep-verify-account>`) is an ordinary retryable failure: a
 * message with Try again in the widget, never a blank widget or a stuck spinner; Try again works
 * once the network is back. (A file of its own: a fresh page where the chunk has not been loaded
 * yet.) The landing page's lost-chunk test went with its chunk (`portal-home.page.ts`, folded
 * back into `<pep-portal-home>`).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/login/pep-login.js';
import type { PepLogin } from '../../src/elements/login/pep-login.js';
import { DELEGATE, noStore, setupDelegate } from '../support/login.js';
import { typeInto, until } from '../support/registration.js';
import { expectNetworkFailure, failRequests } from './lost-chunk.js';

describe('lost chunk of Log In: <pep-verify-account>', () => {
  afterEach(() => failRequests(null));

  it('<pep-login>: the verification steps cannot be fetched → Try again, then they show', async () => {
    await failRequests('*pep-verify-account.ts*');
    const { adapter } = await setupDelegate();
    const el = await fixture<PepLogin>(
      html`<pep-login .adapter=${adapter} .deviceStore=${noStore}></pep-login>`,
    );
    await el.updateComplete;
    const $ = (sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
    typeInto(el, '[name="username"]', DELEGATE.username);
    typeInto(el, '[name="password"]', DELEGATE.password);
    $('[part~="submit-button"]')!.click();
    await expectNetworkFailure(el);
    expect(el.step).to.equal('credentials');
    expect((el.querySelector('[name="username"]') as HTMLInputElement).value).to.equal(
      DELEGATE.username,
    );

    await failRequests(null);
    $('[part~="retry-button"]')!.click();
    // A first login: the typing-pattern enrollment, fetched with it.
    await until(() => el.step === 'enroll', 4000, 'the next step');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('pep-typing-pattern')).to.exist;
    expect(customElements.get('pep-verify-account')).to.exist;
  });
});
