/**
 * A lost chunk of the keyboard typing pattern (`typing-pattern.steps.ts`: the Remember row, the
 * submission and the steps after it) is an ordinary retryable failure, and it fails Submit
 * before anything is sent: the three attempts stay, the adapter gets no samples, and Try again
 * verifies once the network is back — with Remember unchecked, as the user never saw the row.
 * (A file of its own: a fresh page where the chunk has not been loaded yet.)
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/typing-pattern/pep-typing-pattern.js';
import type { PepTypingPattern } from '../../src/elements/typing-pattern/pep-typing-pattern.js';
import {
  DELEGATE,
  SAMPLE,
  TYPIST_A,
  memoryStore,
  setupDelegate,
  spying,
  typeInto,
  until,
  verifiedDelegateLogin,
} from '../elements/login/fixtures.js';
import { expectNetworkFailure, failRequests } from './lost-chunk.js';

describe('<pep-typing-pattern> when its submission chunk cannot be fetched', () => {
  afterEach(() => failRequests(null));

  it('no Remember row; Submit fails retryably and sends nothing; Try again verifies', async () => {
    await failRequests('*typing-pattern.steps.ts*');
    const { adapter } = await setupDelegate();
    const pending = await verifiedDelegateLogin(adapter);
    const sent: string[] = [];
    const remembered: boolean[] = [];
    // The verification is held until the test lets it go, to see the form while it runs.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const counting = spying(adapter, async (method, args) => {
      sent.push(method);
      if (method === 'verifyTypingPattern') {
        remembered.push((args[0] as { rememberDevice: boolean }).rememberDevice);
        await held;
      }
    });
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
    // Ready, and the chunk fetched again for it failed too: Submit, but no Remember row.
    expect(el.step).to.equal('ready');
    expect($('[part~="submit-button"]')).to.exist;
    expect(!!$('[part="remember"]'), 'a Remember row').to.equal(false);

    $('[part~="submit-button"]')!.click();
    await expectNetworkFailure(el);
    expect(el.step).to.equal('ready');
    expect($('[part="progress"]')!.textContent).to.contain('3 of 3');
    expect(!!$('[part="remember"]'), 'a Remember row').to.equal(false);
    expect($<HTMLButtonElement>('[part~="submit-button"]')!.disabled).to.equal(false);
    expect(sent).to.deep.equal([]);

    await failRequests(null);
    const authenticated = oneEvent(el, 'pep-authenticated');
    $('[part~="retry-button"]')!.click();
    // The chunk is back: the row shows, disabled and unchecked, while the samples are sent.
    await until(() => !!$('#remember'), 'the Remember row');
    expect($<HTMLInputElement>('#remember')!.disabled).to.equal(true);
    expect($<HTMLInputElement>('#remember')!.checked).to.equal(false);
    expect(getComputedStyle($('#remember-tip')!).display).to.equal('none');
    release();
    const ev = await authenticated;
    expect(ev.detail.session.user.username).to.equal(DELEGATE.username);
    expect(sent).to.deep.equal(['verifyTypingPattern']);
    expect(remembered).to.deep.equal([false]);
    expect(store.map.size).to.equal(0);
    await el.updateComplete;
    expect(el.step).to.equal('done');
    expect($('[part="status"]')!.textContent).to.contain('Your account is verified.');
  });
});
