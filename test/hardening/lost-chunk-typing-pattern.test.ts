/**
 * A lost chunk of the keyboard typing pattern (`typing-pattern.steps.ts`: the submission and
 * the steps after it) is an ordinary retryable failure, and it fails Submit before anything is
 * sent: the three attempts and the choices stay, the adapter gets no samples, and Try again
 * verifies once the network is back. (A file of its own: a fresh page where the chunk has not
 * been loaded yet.)
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/typing-pattern/pep-typing-pattern.js';
import type { PepTypingPattern } from '../../src/elements/typing-pattern/pep-typing-pattern.js';
import type { AuthAdapter } from '../../src/adapter/types.js';
import {
  DELEGATE,
  SAMPLE,
  TYPIST_A,
  memoryStore,
  setupDelegate,
  typeInto,
  verifiedDelegateLogin,
} from '../elements/login/fixtures.js';
import { expectNetworkFailure, failRequests } from './lost-chunk.js';

describe('<pep-typing-pattern> when its submission chunk cannot be fetched', () => {
  afterEach(() => failRequests(null));

  it('Submit fails retryably and sends nothing; Try again verifies', async () => {
    await failRequests('*typing-pattern.steps.ts*');
    const { adapter } = await setupDelegate();
    const pending = await verifiedDelegateLogin(adapter);
    const sent: string[] = [];
    const counting = new Proxy(adapter, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          sent.push(String(prop));
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    }) as AuthAdapter;
    const store = memoryStore();
    const el = await fixture<PepTypingPattern>(
      html`<pep-typing-pattern
        .adapter=${counting}
        .pending=${pending}
        .deviceStore=${store}
        mode="verify"
      ></pep-typing-pattern>`,
    );
    const $ = <E extends HTMLElement = HTMLElement>(sel: string) =>
      el.shadowRoot!.querySelector<E>(sel);
    for (let i = 0; i < 3; i++) {
      typeInto($<HTMLInputElement>('#typing')!, SAMPLE, TYPIST_A, i);
      await el.updateComplete;
    }
    $('#remember')!.click();
    await el.updateComplete;

    $('[part~="submit-button"]')!.click();
    await expectNetworkFailure(el);
    expect(el.step).to.equal('ready');
    expect($('[part="progress"]')!.textContent).to.contain('3 of 3');
    expect($<HTMLInputElement>('#remember')!.checked).to.equal(true);
    expect($<HTMLButtonElement>('[part~="submit-button"]')!.disabled).to.equal(false);
    expect(sent).to.deep.equal([]);

    await failRequests(null);
    const authenticated = oneEvent(el, 'pep-authenticated');
    $('[part~="retry-button"]')!.click();
    const ev = await authenticated;
    expect(ev.detail.session.user.username).to.equal(DELEGATE.username);
    expect(sent).to.deep.equal(['verifyTypingPattern']);
    expect(store.map.get(DELEGATE.username)?.token).to.be.a('string');
    await el.updateComplete;
    expect(el.step).to.equal('done');
    expect($('[part="status"]')!.textContent).to.contain('Your account is verified.');
  });
});
