/**
 * Why an attempt was not recorded is said in words that come with the typing pattern's later
 * chunk (`typing-pattern.steps.ts`, prefetched at first render). While that chunk cannot be
 * fetched, a voided attempt still says what to do ("Please type attempt 1 again.") and never a
 * message key; once the network is back, the next voided attempt fetches the chunk and says
 * why. (A file of its own: a fresh page where the chunk has not been loaded yet.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/typing-pattern/pep-typing-pattern.js';
import type { PepTypingPattern } from '../../src/elements/typing-pattern/pep-typing-pattern.js';
import { pendingLogin, setupDelegate, typeInto, TYPIST_A } from '../elements/login/fixtures.js';
import { failRequests } from './lost-chunk.js';

describe('<pep-typing-pattern> notices without its later chunk', () => {
  afterEach(() => failRequests(null));

  it('a short notice while the chunk is lost, the full one once it is there', async () => {
    await failRequests('*typing-pattern.steps.ts*');
    const { adapter } = await setupDelegate();
    const el = await fixture<PepTypingPattern>(
      html`<pep-typing-pattern
        .adapter=${adapter}
        .pending=${await pendingLogin(adapter, false)}
        mode="enroll"
      ></pep-typing-pattern>`,
    );
    const $ = <E extends HTMLElement = HTMLElement>(sel: string) =>
      el.shadowRoot!.querySelector<E>(sel)!;
    const alert = () => $('[role="alert"]').textContent!.replace(/\s+/g, ' ').trim();

    typeInto($<HTMLInputElement>('#typing'), 'Go homx', TYPIST_A);
    await el.updateComplete;
    expect(alert()).to.equal('Please type attempt 1 again.');
    expect($('#typing').getAttribute('aria-invalid')).to.equal('true');
    expect(el.step).to.equal('typing');

    await failRequests(null);
    const paste = new ClipboardEvent('paste', { bubbles: true, composed: true, cancelable: true });
    $('#typing').dispatchEvent(paste);
    await el.updateComplete;
    expect(paste.defaultPrevented).to.equal(true);
    expect(alert()).to.equal('Pasting is turned off here. Please type the sentence yourself.');
  });
});
