/**
 * A lost chunk of Log In (a nested element of the steps after the password, here
 * `<pep-typing-pattern>`, awaited with the login call) is an ordinary retryable failure: the
 * network message with Try again on the Log In form, the typed username and password kept, and
 * the password not sent (so Try again never logs in twice); once the network is back, Try again
 * logs in once and shows the answer (the lockout message, the signed-in page, the enrollment
 * step). (A file of its own: a fresh page where the chunk has not been loaded yet.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/login/pep-login.js';
import type { PepLogin } from '../../src/elements/login/pep-login.js';
import { adapterError } from '../../src/adapter/errors.js';
import type { AuthAdapter } from '../../src/adapter/types.js';
import { DELEGATE, noStore, setupDelegate } from '../support/login.js';
import { typeInto, until } from '../support/registration.js';
import { fakeAdapter } from '../support/fake-adapter.js';
import { delegateSession } from '../support/portal.js';
import { expectNetworkFailure, failRequests } from './lost-chunk.js';

const CHUNK = '*pep-typing-pattern.ts*';
const UNLOCKS_AT = Date.UTC(2026, 0, 5, 15, 30);

async function submitted(adapter: AuthAdapter): Promise<PepLogin> {
  const el = await fixture<PepLogin>(
    html`<pep-login .adapter=${adapter} .deviceStore=${noStore}></pep-login>`,
  );
  typeInto(el, '[name="username"]', DELEGATE.username);
  typeInto(el, '[name="password"]', DELEGATE.password);
  el.shadowRoot!.querySelector<HTMLElement>('[part~="submit-button"]')!.click();
  await expectNetworkFailure(el);
  expect(el.step).to.equal('credentials');
  const value = (sel: string) => el.querySelector<HTMLInputElement>(sel)!.value;
  expect(value('[name="username"]')).to.equal(DELEGATE.username);
  expect(value('[name="password"]')).to.equal(DELEGATE.password);
  return el;
}

const retry = (el: PepLogin) =>
  el.shadowRoot!.querySelector<HTMLElement>('[part~="retry-button"]')!.click();

describe('lost chunk of Log In', () => {
  afterEach(() => failRequests(null));

  it('the answer cannot be shown → Try again on the form, then it shows', async () => {
    await failRequests(CHUNK);
    // Locked, signed in at once (remembered device), and a first login that goes on to verify.
    const locked = fakeAdapter({
      login: () => Promise.reject(adapterError('ACCOUNT_LOCKED', { unlocksAt: UNLOCKS_AT })),
    });
    const signedIn = fakeAdapter({
      login: () => Promise.resolve({ status: 'authenticated', session: delegateSession }),
    });
    const { adapter: memory } = await setupDelegate();

    const elLocked = await submitted(locked.adapter);
    let authenticated = 0;
    const count = () => authenticated++;
    document.addEventListener('pep-authenticated', count);
    const elSignedIn = await submitted(signedIn.adapter);
    const elVerify = await submitted(memory);
    expect(authenticated, 'no pep-authenticated without the signed-in page').to.equal(0);
    expect(locked.calls, 'nothing sent before the chunk is there').to.deep.equal([]);
    expect(signedIn.calls, 'nothing sent before the chunk is there').to.deep.equal([]);

    await failRequests(null);
    retry(elLocked);
    await until(
      () => elLocked.shadowRoot!.querySelector('[role="alert"]')!.textContent!.includes('locked'),
      4000,
      'the lockout message',
    );
    expect(elLocked.shadowRoot!.querySelector('[part~="retry-button"]')).to.equal(null);

    retry(elSignedIn);
    await until(() => elSignedIn.step === 'done', 4000, 'the signed-in page');
    await elSignedIn.updateComplete;
    expect(elSignedIn.shadowRoot!.textContent).to.contain('You are logged in.');
    expect(authenticated).to.equal(1);
    expect(signedIn.calls.map((c) => c.method)).to.deep.equal(['login']);
    expect(locked.calls.map((c) => c.method)).to.deep.equal(['login']);
    document.removeEventListener('pep-authenticated', count);

    retry(elVerify);
    await until(() => elVerify.step === 'enroll', 4000, 'the enrollment step');
    await elVerify.updateComplete;
    expect(elVerify.shadowRoot!.querySelector('pep-typing-pattern')).to.exist;
  });
});
