/**
 * A lost chunk in Create Password and Forgot Password (the steps after Find Account,
 * `create-password.steps.ts` / `forgot-password.steps.ts`) is an ordinary retryable failure:
 * the flow stays on Find Account with the username kept, and Try again goes on to the next
 * step once the network is back. (Find Account changes nothing, so it may run again.)
 * (A file of its own: a fresh page where the chunks have not been loaded yet.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/create-password/pep-create-password.js';
import '../../src/elements/forgot-password/pep-forgot-password.js';
import type { PepCreatePassword } from '../../src/elements/create-password/pep-create-password.js';
import type { PepForgotPassword } from '../../src/elements/forgot-password/pep-forgot-password.js';
import type { AuthAdapter } from '../../src/adapter/types.js';
import { DELEGATE, setupDelegate } from '../elements/login/fixtures.js';
import { typeInto, until } from '../elements/add-delegate/fixtures.js';
import { expectNetworkFailure, failRequests } from './lost-chunk.js';

type Flow = (PepCreatePassword | PepForgotPassword) & { step: string };

async function findAccountFailsThenRetries(tag: 'create' | 'forgot', chunk: string) {
  await failRequests(chunk);
  const { adapter } = await setupDelegate();
  const el = (await fixture(
    tag === 'create'
      ? html`<pep-create-password .adapter=${adapter as AuthAdapter}></pep-create-password>`
      : html`<pep-forgot-password .adapter=${adapter as AuthAdapter}></pep-forgot-password>`,
  )) as Flow;
  await el.updateComplete;
  const $ = (sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
  typeInto(el, '#username', DELEGATE.username);
  $('[part~="submit-button"]')!.click();
  await expectNetworkFailure(el);
  expect(el.step).to.equal('find');
  expect((el.shadowRoot!.querySelector('#username') as HTMLInputElement).value).to.equal(
    DELEGATE.username,
  );

  await failRequests(null);
  $('[part~="retry-button"]')!.click();
  await until(() => el.step === 'choose', 4000, 'the choose step');
  await el.updateComplete;
  expect(el.shadowRoot!.querySelectorAll('input[type="radio"]').length).to.be.greaterThan(0);
}

describe('password flows when the steps after Find Account cannot be fetched', () => {
  afterEach(() => failRequests(null));

  it('<pep-create-password>: a retryable failure on Find Account; Try again goes on', () =>
    findAccountFailsThenRetries('create', '*create-password.steps.ts*'));

  it('<pep-forgot-password>: a retryable failure on Find Account; Try again goes on', () =>
    findAccountFailsThenRetries('forgot', '*forgot-password.steps.ts*'));
});
