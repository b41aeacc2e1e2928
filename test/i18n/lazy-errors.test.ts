/**
 * The English of most adapter errors loads with an element's first adapter call
 * (`errors.en.ts`). Before it has arrived — or when its chunk could not be fetched — an error is
 * shown as a generic sentence, never as its message key; once loaded, as its own message.
 * (A file of its own: a fresh page where no adapter call has loaded them yet.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapter/memory/memory-adapter.js';
import type { PepLogin } from '../../src/elements/login/pep-login.js';
import '../../src/elements/login/pep-login.js';

describe('adapter error messages loaded lazily', () => {
  it('an error whose message is not loaded reads as a generic sentence, not its key', async () => {
    const el = await fixture<PepLogin>(html`<pep-login></pep-login>`);
    expect(el.t('error.ACCOUNT_LOCKED')).to.equal('Something went wrong. Please try again.');
    // Keys that are not adapter errors are still shown as they are (e.g. an unknown state).
    expect(el.t('state.ZZ')).to.equal('state.ZZ');
    // The errors every element has up front need no load.
    expect(el.t('error.NETWORK')).to.match(/^We could not reach the server/);
  });

  it('after the first adapter call, the message itself', async () => {
    const adapter = new MemoryAdapter({ pbkdf2Iterations: 1000 });
    const el = await fixture<PepLogin>(html`<pep-login .adapter=${adapter}></pep-login>`);
    await el.updateComplete;
    const input = (name: string) => el.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    input('username').value = 'nobody0001';
    input('username').dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input('password').value = 'Wrong-Pass-1!';
    input('password').dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
    for (
      let i = 0;
      i < 200 && !el.shadowRoot!.querySelector('[role=alert]')?.textContent?.trim();
      i++
    ) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.contain(
      'The username or password you entered is incorrect.',
    );
    expect(el.t('error.ACCOUNT_LOCKED')).to.match(/locked/i);
  });
});
