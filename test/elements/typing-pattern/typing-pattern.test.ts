import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/typing-pattern/pep-typing-pattern.js';
import type { PepTypingPattern } from '../../../src/elements/typing-pattern/pep-typing-pattern.js';
import type { MemoryAdapter } from '../../../src/adapter/memory/memory-adapter.js';
import { adapterError } from '../../../src/adapter/errors.js';
import type { AuthAdapter, PendingLogin } from '../../../src/adapter/types.js';
import { DEVICE_KEY_PREFIX, type DeviceStore } from '../../../src/shared/device-store.js';
import {
  DELEGATE,
  SAMPLE,
  TYPIST_A,
  TYPIST_B,
  memoryStore,
  pendingLogin,
  settle,
  setupDelegate,
  spying,
  typeInto,
  until,
  verifiedDelegateLogin,
} from '../../support/login.js';

const root = (el: PepTypingPattern) => el.shadowRoot!;
const input = (el: PepTypingPattern) => root(el).querySelector<HTMLInputElement>('#typing')!;
const alertText = (el: PepTypingPattern) =>
  root(el).querySelector('[role="alert"]')!.textContent!.trim();
const progress = (el: PepTypingPattern) =>
  root(el).querySelector('[part="progress"]')!.textContent!.replace(/\s+/g, ' ').trim();
const submitButton = (el: PepTypingPattern) =>
  root(el).querySelector<HTMLButtonElement>('[part="submit-button"]');

async function mount(
  adapter: AuthAdapter,
  pending: PendingLogin,
  mode: 'enroll' | 'verify',
  store?: DeviceStore,
): Promise<PepTypingPattern> {
  return fixture<PepTypingPattern>(
    html`<pep-typing-pattern
      .adapter=${adapter}
      .pending=${pending}
      .deviceStore=${store ?? memoryStore()}
      mode=${mode}
    ></pep-typing-pattern>`,
  );
}

async function typeThree(el: PepTypingPattern, rhythm = TYPIST_A): Promise<void> {
  for (let i = 0; i < 3; i++) {
    typeInto(input(el), SAMPLE, rhythm, i);
    await el.updateComplete;
  }
}

describe('<pep-typing-pattern>', () => {
  let adapter: MemoryAdapter;

  beforeEach(async () => {
    ({ adapter } = await setupDelegate());
  });

  it('is accessible (enroll mode)', async () => {
    const el = await mount(adapter, await pendingLogin(adapter, false), 'enroll');
    await expect(el).to.be.accessible();
  });

  it('shows the highlighted sentence, the progress "1 of 3" and the help-desk note', async () => {
    const el = await mount(adapter, await pendingLogin(adapter, false), 'enroll');
    expect(root(el).querySelector('[part="sample-text"]')!.textContent!.trim()).to.equal(SAMPLE);
    expect(progress(el)).to.contain('1 of 3');
    expect(root(el).querySelector('[part="note"]')!.textContent).to.contain('1-888-706-0583');
    const box = input(el);
    expect(box.getAttribute('autocomplete')).to.equal('off');
    expect(root(el).querySelector('label[for="typing"]')).to.exist;
  });

  it('a mode other than enroll is verify (no raw message key)', async () => {
    const el = await fixture<PepTypingPattern>(
      html`<pep-typing-pattern mode="bogus"></pep-typing-pattern>`,
    );
    const verify = await fixture<PepTypingPattern>(
      html`<pep-typing-pattern mode="verify"></pep-typing-pattern>`,
    );
    expect(root(el).textContent).not.to.contain('typing.');
    expect(root(el).querySelector('p')!.textContent).to.equal(
      root(verify).querySelector('p')!.textContent,
    );
  });

  it('the text attribute overrides the sentence', async () => {
    const el = await fixture<PepTypingPattern>(
      html`<pep-typing-pattern text="Hello there"></pep-typing-pattern>`,
    );
    expect(el.sampleText).to.equal('Hello there');
    expect(root(el).querySelector('[part="sample-text"]')!.textContent!.trim()).to.equal(
      'Hello there',
    );
  });

  it('records three attempts and enrolls; no timings in the event or the DOM', async () => {
    const el = await mount(adapter, await pendingLogin(adapter, false), 'enroll');
    expect(el.step).to.equal('typing');
    typeInto(input(el), SAMPLE, TYPIST_A, 0);
    await el.updateComplete;
    expect(progress(el)).to.contain('2 of 3');
    expect(root(el).querySelector('[part="status"]')!.textContent).to.contain(
      'Attempt 1 of 3 recorded',
    );
    typeInto(input(el), SAMPLE, TYPIST_A, 1);
    typeInto(input(el), SAMPLE, TYPIST_A, 2);
    await el.updateComplete;
    expect(progress(el)).to.contain('3 of 3');
    await expect(el).to.be.accessible();
    const enrolled = oneEvent(el, 'pep-pattern-enrolled');
    submitButton(el)!.click();
    const ev = await enrolled;
    expect(ev.detail.pending.mustEnrollPattern).to.equal(false);
    expect(el.step).to.equal('done');
    await el.updateComplete;
    expect(root(el).querySelector('[part="status"]')!.textContent).to.contain(
      'Your typing pattern is saved.',
    );
    expect(JSON.stringify(ev.detail)).not.to.contain('"t":');
    expect(root(el).innerHTML).not.to.contain('KeyG');
    expect(el.outerHTML).not.to.contain('KeyG');
  });

  it('Start over during an attempt empties the field and the progress', async () => {
    const el = await mount(adapter, await pendingLogin(adapter, false), 'enroll');
    typeInto(input(el), SAMPLE, TYPIST_A, 0);
    await el.updateComplete;
    expect(progress(el)).to.contain('2 of 3');
    // Half of attempt 2 typed (the field holds it), then Start over.
    input(el).value = SAMPLE.slice(0, 5);
    input(el).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('[part="secondary-button"]')!.click();
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    expect(progress(el)).to.contain('1 of 3');
  });

  it('a mismatching attempt is not recorded and asks to retype that attempt', async () => {
    const el = await mount(adapter, await pendingLogin(adapter, false), 'enroll');
    typeInto(input(el), 'Go homx', TYPIST_A);
    await el.updateComplete;
    expect(alertText(el)).to.contain('does not match');
    expect(alertText(el)).to.contain('attempt 1');
    expect(progress(el)).to.contain('1 of 3');
    expect(input(el).value).to.equal('');
    expect(input(el).getAttribute('aria-invalid')).to.equal('true');
  });

  it('Enter ends a short attempt early (as a mismatch)', async () => {
    const el = await mount(adapter, await pendingLogin(adapter, false), 'enroll');
    typeInto(input(el), 'Go', TYPIST_A);
    input(el).dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'Enter',
        code: 'Enter',
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    await el.updateComplete;
    expect(alertText(el)).to.contain('does not match');
  });

  it('Backspace voids the attempt with a friendly retype message', async () => {
    const el = await mount(adapter, await pendingLogin(adapter, false), 'enroll');
    typeInto(input(el), 'Go h', TYPIST_A);
    const bs = new KeyboardEvent('keydown', {
      key: 'Backspace',
      code: 'Backspace',
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    input(el).dispatchEvent(bs);
    await el.updateComplete;
    expect(bs.defaultPrevented).to.equal(true);
    expect(alertText(el)).to.contain('No problem');
    expect(input(el).value).to.equal('');
    expect(progress(el)).to.contain('1 of 3');
    // the next clean attempt counts
    typeInto(input(el), SAMPLE, TYPIST_A);
    await el.updateComplete;
    expect(progress(el)).to.contain('2 of 3');
  });

  it('Backspace in an empty box is ignored (nothing to void)', async () => {
    const el = await mount(adapter, await pendingLogin(adapter, false), 'enroll');
    input(el).dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'Backspace',
        code: 'Backspace',
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
  });

  it('blocks paste with a message', async () => {
    const el = await mount(adapter, await pendingLogin(adapter, false), 'enroll');
    const data = new DataTransfer();
    data.setData('text/plain', SAMPLE);
    const paste = new ClipboardEvent('paste', {
      clipboardData: data,
      bubbles: true,
      composed: true,
      cancelable: true,
    });
    input(el).dispatchEvent(paste);
    await el.updateComplete;
    expect(paste.defaultPrevented).to.equal(true);
    expect(alertText(el)).to.contain('Pasting is turned off');
    expect(input(el).value).to.equal('');
  });

  it('IME composition fails the attempt and offers email or text (verify mode)', async () => {
    const pending = await verifiedDelegateLogin(adapter);
    const el = await mount(adapter, pending, 'verify');
    input(el).dispatchEvent(
      new CompositionEvent('compositionstart', { bubbles: true, composed: true }),
    );
    await el.updateComplete;
    expect(alertText(el)).to.contain('input method');
    expect(alertText(el)).to.contain('email or text message');
    const other = oneEvent(el, 'pep-choose-other-method');
    root(el).querySelector<HTMLButtonElement>('[part="link"]')!.click();
    expect((await other).detail.reason).to.equal('ime');
  });

  it('verify: no Remember row while typing; it comes with Submit once the attempts are recorded', async () => {
    const el = await mount(adapter, await verifiedDelegateLogin(adapter), 'verify');
    const row = () => root(el).querySelector('[part="remember"]');
    for (let i = 0; i < 3; i++) {
      expect(!!row(), `a row before attempt ${i + 1}`).to.equal(false);
      expect(!!root(el).querySelector('#remember')).to.equal(false);
      typeInto(input(el), SAMPLE, TYPIST_A, i);
      await el.updateComplete;
    }
    expect(el.step).to.equal('ready');
    expect(row()).to.exist;
    expect(submitButton(el)).to.exist;
    // The spec's order: the check box comes before Submit.
    const order = row()!.compareDocumentPosition(submitButton(el)!);
    expect(order & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    expect(root(el).querySelector<HTMLInputElement>('#remember')!.checked).to.equal(false);
    // Its styles came with it: a flex row, the tooltip positioned and hidden.
    expect(getComputedStyle(row()!).display).to.equal('flex');
    const tip = root(el).querySelector<HTMLElement>('#remember-tip')!;
    expect(getComputedStyle(tip).display).to.equal('none');
    expect(getComputedStyle(tip).position).to.equal('absolute');
    await expect(el).to.be.accessible();
    // Ticked, then Start over: the row goes with Submit and comes back with the choice kept.
    root(el).querySelector<HTMLInputElement>('#remember')!.click();
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('[part="secondary-button"]')!.click();
    await el.updateComplete;
    expect(!!row(), 'a row after Start over').to.equal(false);
    await typeThree(el);
    expect(root(el).querySelector<HTMLInputElement>('#remember')!.checked).to.equal(true);
  });

  it('enroll: no Remember row, also once the attempts are recorded', async () => {
    const el = await mount(adapter, await pendingLogin(adapter, false), 'enroll');
    await typeThree(el);
    expect(submitButton(el)).to.exist;
    expect(!!root(el).querySelector('[part="remember"]')).to.equal(false);
  });

  it('verify: accepts the enrolled typist, stores the remembered device, fires pep-authenticated', async () => {
    const pending = await verifiedDelegateLogin(adapter);
    const store = memoryStore();
    const asked: boolean[] = [];
    const spy = new Proxy(adapter, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (prop === 'verifyTypingPattern') {
          return (req: { rememberDevice: boolean }, ...rest: unknown[]) => {
            asked.push(req.rememberDevice);
            return (v as (...a: unknown[]) => unknown).call(target, req, ...rest);
          };
        }
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const el = await mount(spy, pending, 'verify', store);
    await typeThree(el, TYPIST_A);
    root(el).querySelector<HTMLInputElement>('#remember')!.click();
    await expect(el).to.be.accessible();
    const auth = oneEvent(el, 'pep-authenticated');
    submitButton(el)!.click();
    const ev = await auth;
    expect(ev.detail.session.user.username).to.equal(DELEGATE.username);
    expect(asked).to.deep.equal([true]);
    expect(store.map.get(DELEGATE.username)?.token).to.be.a('string');
    // Verified, not enrolled: the last step says so (the pattern was not saved again).
    await el.updateComplete;
    expect(el.step).to.equal('done');
    expect(root(el).querySelector('[part="status"]')!.textContent).to.contain(
      'Your account is verified.',
    );
  });

  it('verify with no deviceStore set: the remembered device goes to localStorage', async () => {
    const key = DEVICE_KEY_PREFIX + DELEGATE.username;
    localStorage.removeItem(key);
    const el = await fixture<PepTypingPattern>(
      html`<pep-typing-pattern
        .adapter=${adapter}
        .pending=${await verifiedDelegateLogin(adapter)}
        mode="verify"
      ></pep-typing-pattern>`,
    );
    expect(el.deviceStore).to.equal(undefined);
    try {
      await typeThree(el);
      root(el).querySelector<HTMLInputElement>('#remember')!.click();
      const auth = oneEvent(el, 'pep-authenticated');
      submitButton(el)!.click();
      await auth;
      expect(localStorage.getItem(key)).to.contain('"token"');
    } finally {
      localStorage.removeItem(key);
    }
  });

  it('verify: rejects a different rhythm and asks for three new attempts', async () => {
    const pending = await verifiedDelegateLogin(adapter);
    const store = memoryStore();
    const el = await mount(adapter, pending, 'verify', store);
    await typeThree(el, TYPIST_B);
    submitButton(el)!.click();
    await until(() => alertText(el) !== '', 'the alert');
    expect(alertText(el)).to.contain('did not match');
    expect(alertText(el)).to.contain('2 attempts left');
    expect(progress(el)).to.contain('1 of 3');
    expect(store.map.size).to.equal(0);
  });

  it('a network failure keeps the attempts; Try again succeeds', async () => {
    const pending = await pendingLogin(adapter, false);
    let fail = true;
    const flaky = new Proxy(adapter, {
      get(target, prop, receiver) {
        if (prop === 'enrollTypingPattern' && fail) {
          return async () => {
            fail = false;
            throw adapterError('NETWORK');
          };
        }
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const el = await mount(flaky, pending, 'enroll');
    await typeThree(el);
    submitButton(el)!.click();
    await until(() => alertText(el) !== '', 'the alert');
    expect(alertText(el)).to.contain('could not reach the server');
    expect(progress(el)).to.contain('3 of 3');
    expect(submitButton(el)!.disabled).to.equal(false);
    const enrolled = oneEvent(el, 'pep-pattern-enrolled');
    root(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await enrolled;
  });

  it('keyboard only: real key presses complete enrollment', async () => {
    const el = await mount(adapter, await pendingLogin(adapter, false), 'enroll');
    input(el).focus();
    for (let i = 0; i < 3; i++) {
      await sendKeys({ type: SAMPLE });
      await el.updateComplete;
    }
    expect(progress(el)).to.contain('3 of 3');
    // focus moved to the heading of the ready step; Tab reaches Continue
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(submitButton(el));
    const enrolled = oneEvent(el, 'pep-pattern-enrolled');
    await sendKeys({ press: 'Enter' });
    await enrolled;
  });

  describe('reset()', () => {
    it('while the submission is pending: the call is abandoned, attempt 1 shows empty and enabled', async () => {
      const pending = await verifiedDelegateLogin(adapter);
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const spy = spying(adapter, (m) => (m === 'verifyTypingPattern' ? held : undefined));
      const el = await mount(spy, pending, 'verify');
      let authenticated = 0;
      el.addEventListener('pep-authenticated', () => authenticated++);
      await typeThree(el);
      await el.updateComplete;
      root(el).querySelector<HTMLInputElement>('#remember')!.click();
      submitButton(el)!.click();
      await until(() => !!submitButton(el)?.disabled, 'the pending submission');
      el.reset();
      await settle(el);
      expect(el.step).to.equal('typing');
      expect(progress(el)).to.contain('1 of 3');
      expect(input(el).disabled).to.equal(false);
      expect(input(el).value).to.equal('');
      expect(alertText(el)).to.equal('');
      expect(submitButton(el)).to.equal(null);
      // The abandoned call's answer changes nothing.
      release();
      await settle(el);
      expect(el.step).to.equal('typing');
      expect(authenticated).to.equal(0);
      // Nothing of the abandoned attempt stays: Remember is unchecked again.
      await typeThree(el);
      await el.updateComplete;
      expect(root(el).querySelector<HTMLInputElement>('#remember')!.checked).to.equal(false);
      expect(submitButton(el)!.disabled).to.equal(false);
    });

    it('an error already shown does not survive it', async () => {
      const el = await mount(adapter, await verifiedDelegateLogin(adapter), 'verify');
      await typeThree(el, TYPIST_B);
      submitButton(el)!.click();
      await until(() => alertText(el) !== '', 'the alert');
      el.reset();
      await settle(el);
      expect(alertText(el)).to.equal('');
      expect(progress(el)).to.contain('1 of 3');
    });
  });

  it('the remember tooltip opens on focus, is described by, and closes with Escape', async () => {
    const pending = await verifiedDelegateLogin(adapter);
    const el = await mount(adapter, pending, 'verify');
    await typeThree(el);
    const tip = root(el).querySelector<HTMLElement>('#remember-tip')!;
    const box = root(el).querySelector<HTMLInputElement>('#remember')!;
    const info = root(el).querySelector<HTMLButtonElement>('[part="tooltip-button"]')!;
    expect(box.getAttribute('aria-describedby')).to.equal('remember-tip');
    expect(info.getAttribute('aria-describedby')).to.equal('remember-tip');
    expect(tip.hidden).to.equal(true);
    info.focus();
    await el.updateComplete;
    expect(tip.hidden).to.equal(false);
    expect(getComputedStyle(tip).display).to.equal('block');
    expect(info.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(tip.hidden).to.equal(true);
  });
});
