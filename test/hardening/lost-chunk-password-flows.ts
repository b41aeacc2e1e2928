/**
 * Helper of the password flows' lost-chunk tests (`lost-chunk-password-flows*.test.ts`): a
 * chunk whose requests fail (`chunk`, a URL pattern) makes Find Account a retryable failure
 * with the username kept and nothing but Find Account sent; with the network back, Try again
 * goes on to the next step, whose action (Send Code) and styles came with the chunk.
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

export async function findAccountFailsThenRetries(tag: 'create' | 'forgot', chunk: string) {
  await failRequests(chunk);
  const { adapter: memory } = await setupDelegate();
  // The adapter methods the element calls, in order.
  const calls: string[] = [];
  const adapter = new Proxy(memory as AuthAdapter, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(key));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  const el = (await fixture(
    tag === 'create'
      ? html`<pep-create-password .adapter=${adapter}></pep-create-password>`
      : html`<pep-forgot-password .adapter=${adapter}></pep-forgot-password>`,
  )) as Flow;
  await el.updateComplete;
  const $ = (sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
  const sheets = el.shadowRoot!.adoptedStyleSheets.length;
  typeInto(el, '#username', DELEGATE.username);
  $('[part~="submit-button"]')!.click();
  await expectNetworkFailure(el);
  expect(el.step).to.equal('find');
  expect((el.shadowRoot!.querySelector('#username') as HTMLInputElement).value).to.equal(
    DELEGATE.username,
  );
  expect(calls, 'nothing sent but Find Account').to.deep.equal(['findAccount']);

  await failRequests(null);
  $('[part~="retry-button"]')!.click();
  await until(() => el.step === 'choose', 4000, 'the choose step');
  await el.updateComplete;
  expect(el.shadowRoot!.querySelectorAll('input[type="radio"]').length).to.be.greaterThan(0);
  expect($('[part~="retry-button"]')).to.equal(null);

  // The next step's action came with the chunk.
  $('[part~="submit-button"]')!.click();
  await until(() => el.step === 'code', 4000, 'the code step');
  await el.updateComplete;
  expect($('#code')).to.not.equal(null);
  // …and the later steps' styles (one sheet after the element's own).
  expect(el.shadowRoot!.adoptedStyleSheets.length).to.equal(sheets + 1);
  expect(calls).to.deep.equal(['findAccount', 'findAccount', 'sendCode']);
}
