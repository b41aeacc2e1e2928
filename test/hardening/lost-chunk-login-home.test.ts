/**
 * Lost chunks of Log In (the nested Verify Your Account / typing pattern steps) and of the
 * landing page (`portal-home.page.ts`) are ordinary retryable failures: a message with Try
 * again in the widget, never a blank widget or a stuck spinner; Try again works once the
 * network is back. (A file of its own: a fresh page where the chunks have not been loaded yet.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/login/pep-login.js';
import '../../src/elements/portal-home/pep-portal-home.js';
import type { PepLogin } from '../../src/elements/login/pep-login.js';
import type { PepPortalHome } from '../../src/elements/portal-home/pep-portal-home.js';
import { DELEGATE, noStore, setupDelegate } from '../elements/login/fixtures.js';
import { typeInto, until } from '../elements/add-delegate/fixtures.js';
import { fakeAdapter } from '../elements/forgot-username/fake-adapter.js';
import { delegateSession, testConfig } from '../elements/portal-home/fixtures.js';
import { expectNetworkFailure, failRequests } from './lost-chunk.js';

describe('lost chunks of Log In and the landing page', () => {
  afterEach(() => failRequests(null));

  it('<pep-login>: the verification steps cannot be fetched → Try again, then they show', async () => {
    await failRequests('*pep-verify-account.ts*');
    const { adapter } = await setupDelegate();
    const el = await fixture<PepLogin>(
      html`<pep-login .adapter=${adapter} .deviceStore=${noStore}></pep-login>`,
    );
    await el.updateComplete;
    const $ = (sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
    typeInto(el, '#username', DELEGATE.username);
    typeInto(el, '#password', DELEGATE.password);
    $('[part~="submit-button"]')!.click();
    await expectNetworkFailure(el);
    expect(el.step).to.equal('credentials');
    expect((el.shadowRoot!.querySelector('#username') as HTMLInputElement).value).to.equal(
      DELEGATE.username,
    );

    await failRequests(null);
    $('[part~="retry-button"]')!.click();
    // A first login: the typing-pattern enrollment, which came in the same chunk.
    await until(() => el.step === 'enroll', 4000, 'the next step');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('pep-typing-pattern')).to.exist;
    expect(customElements.get('pep-verify-account')).to.exist;
  });

  it('<pep-portal-home>: the signed-in page cannot be fetched → Try again, then it shows', async () => {
    await failRequests('*portal-home.page.ts*');
    const { adapter } = fakeAdapter({
      getSession: () => Promise.resolve(delegateSession),
      logout: () => Promise.resolve(),
    });
    const el = await fixture<PepPortalHome>(
      html`<pep-portal-home .adapter=${adapter} .portalConfig=${testConfig}></pep-portal-home>`,
    );
    const $ = (sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
    await expectNetworkFailure(el);

    await failRequests(null);
    $('[part~="retry-button"]')!.click();
    await until(
      () => el.shadowRoot!.textContent!.includes(delegateSession.user.firstName),
      4000,
      'the signed-in page',
    );
    expect($('[part~="retry-button"]')).to.equal(null);
  });
});
