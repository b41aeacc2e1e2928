/**
 * The keyboard typing pattern fetches its later chunk (`typing-pattern.steps.ts`) again when the
 * three attempts are recorded, if the fetch at first render failed: the Remember row (verify
 * mode) shows as soon as it arrives, and a ticked Remember is sent and the device remembered.
 * While the network is down nothing is sent. (A file of its own: a fresh page where the chunk
 * has not been loaded yet.)
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
  verifiedDelegateLogin,
} from '../elements/login/fixtures.js';
import { failRequests } from './lost-chunk.js';

describe('<pep-typing-pattern> when its later chunk comes back before Submit', () => {
  afterEach(() => failRequests(null));

  it('reaching the three attempts again fetches it: the Remember row shows and is sent', async () => {
    await failRequests('*typing-pattern.steps.ts*');
    const { adapter } = await setupDelegate();
    const pending = await verifiedDelegateLogin(adapter);
    const sent: { method: string; rememberDevice?: boolean }[] = [];
    const counting = spying(adapter, (method, args) => {
      const req = args[0] as { rememberDevice?: boolean } | undefined;
      sent.push({ method, rememberDevice: req?.rememberDevice });
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
    const typeThree = async () => {
      for (let i = 0; i < 3; i++) {
        typeInto($<HTMLInputElement>('#typing')!, SAMPLE, TYPIST_A, i);
        await el.updateComplete;
      }
    };
    // The fetch at first render and the one at "ready" both fail (`updateComplete` waits for
    // the latter): no row.
    await typeThree();
    expect(el.step).to.equal('ready');
    expect(!!$('[part="remember"]'), 'a Remember row').to.equal(false);

    // Network back; the user starts over: reaching "ready" again fetches the chunk, and the
    // row renders when it arrives, with its styles.
    await failRequests(null);
    $<HTMLButtonElement>('[part~="secondary-button"]')!.click();
    await el.updateComplete;
    await typeThree();
    expect($('[part="remember"]')).to.exist;
    expect(getComputedStyle($('[part="remember"]')!).display).to.equal('flex');
    expect(getComputedStyle($('#remember-tip')!).display).to.equal('none');
    expect(sent).to.deep.equal([]);

    $('#remember')!.click();
    await el.updateComplete;
    const authenticated = oneEvent(el, 'pep-authenticated');
    $('[part~="submit-button"]')!.click();
    const ev = await authenticated;
    expect(ev.detail.session.user.username).to.equal(DELEGATE.username);
    expect(sent).to.deep.equal([{ method: 'verifyTypingPattern', rememberDevice: true }]);
    expect(store.map.get(DELEGATE.username)?.token).to.be.a('string');
  });
});
