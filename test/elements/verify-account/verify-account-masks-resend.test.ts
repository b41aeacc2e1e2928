/** Issue 23 items 1, 7 and 10 on <pep-verify-account>. */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../src/elements/verify-account/pep-verify-account.js';
import type { PepVerifyAccount } from '../../../src/elements/verify-account/pep-verify-account.js';
import type { MemoryAdapter } from '../../../src/adapter/memory/memory-adapter.js';
import type { AuthAdapter, PendingLogin } from '../../../src/adapter/types.js';
import type { ManualClock } from '../../../src/core/clock.js';
import {
  memoryStore,
  pendingLogin,
  settle,
  setupDelegate,
  verifiedDelegateLogin,
} from '../../support/login.js';
import { until } from '../../support/registration.js';

const $ = <T extends Element = HTMLElement>(el: HTMLElement, sel: string) =>
  el.shadowRoot!.querySelector<T>(sel)!;
const alertText = (el: HTMLElement) => $(el, '[role="alert"]').textContent!.trim();

async function mount(adapter: AuthAdapter, pending: PendingLogin, lang = 'en') {
  return fixture<PepVerifyAccount>(
    html`<pep-verify-account
      lang=${lang}
      .adapter=${adapter}
      .pending=${pending}
      .deviceStore=${memoryStore()}
    ></pep-verify-account>`,
  );
}

/**
 * What a screen reader reads of the element: its shadow DOM's text, without `aria-hidden`
 * subtrees and what is not rendered (visually hidden text counts: it is read).
 */
function spokenText(el: HTMLElement): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.textContent!);
      return;
    }
    if (node instanceof Element) {
      if (node.getAttribute('aria-hidden') === 'true') return;
      if (node instanceof HTMLElement && getComputedStyle(node).display === 'none') return;
      if (node.tagName === 'STYLE') return;
    }
    node.childNodes.forEach(walk);
  };
  walk(el.shadowRoot!);
  return parts.join('').replace(/\s+/g, ' ');
}

const WORDS = {
  en: {
    email: 'the email address starting with d at a domain starting with e and ending in .com',
    phone: 'the mobile number ending in 0 1 0 1',
    choose: 'Send verification code in a SMS Text to',
  },
  es: {
    email:
      'la dirección de correo electrónico que empieza por d en un dominio que empieza por e y termina en .com',
    phone: 'número de celular que termina en 0 1 0 1',
    choose: 'Enviar el código de verificación en un mensaje de texto SMS al',
  },
};

describe('<pep-verify-account> (issue 23)', () => {
  let adapter: MemoryAdapter;
  let clock: ManualClock;

  beforeEach(async () => {
    ({ adapter, clock } = await setupDelegate());
  });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const lang of ['en', 'es'] as const) {
    it(`item 1: a screen reader hears the masks in words, not bullets (${lang})`, async () => {
      const el = await mount(adapter, await verifiedDelegateLogin(adapter), lang);
      const w = WORDS[lang];
      await until(() => $(el, 'fieldset').textContent!.includes(w.choose), 4000, lang);
      const radios = spokenText(el);
      expect(radios).to.contain(`${w.choose} ${w.phone}`);
      expect(radios).to.contain(w.email);
      expect(radios).not.to.contain('•');
      // The mask is still what one sees.
      expect($(el, 'label[for="method-sms"]').innerText).to.contain('•••-•••-0101');
      $<HTMLInputElement>(el, '#method-sms').click();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part="submit-button"]').click();
      await settle(el);
      expect(el.step).to.equal('code');
      const code = spokenText(el);
      expect(code).to.contain(w.phone);
      expect(code).not.to.contain('•');
      await expect(el).to.be.accessible();
    });
  }

  it('item 1: a mask of another shape (an adapter of its own) wraps at 320 px', async () => {
    await setViewport({ width: 320, height: 700 });
    const pending = await verifiedDelegateLogin(adapter);
    const long = `j${'x'.repeat(30)}@e${'x'.repeat(20)}.com`;
    const el = await mount(adapter, {
      ...pending,
      options: pending.options.map((o) => (o.method === 'email' ? { ...o, masked: long } : o)),
    });
    await el.updateComplete;
    expect($(el, 'label[for="method-email"]').textContent).to.contain(long);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
  });

  it('item 7: "resend it" is disabled with a countdown during the wait; no red error', async () => {
    const el = await mount(adapter, await pendingLogin(adapter));
    el.now = () => clock.now();
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    await settle(el);
    const resend = $<HTMLButtonElement>(el, '.resend [part="link"]');
    expect(resend.getAttribute('aria-disabled')).to.equal('true');
    expect(resend.getAttribute('aria-describedby')).to.equal('resend-countdown');
    expect($(el, '#resend-countdown').textContent!.trim()).to.equal(
      'You can resend the code in 0:30.',
    );
    const before = adapter.outbox.length;
    resend.click();
    await settle(el);
    expect(alertText(el)).to.equal('');
    expect(adapter.outbox.length).to.equal(before);
    clock.advance(31_000);
    el.requestUpdate();
    await el.updateComplete;
    expect(resend.getAttribute('aria-disabled')).to.equal('false');
    expect($(el, '#resend-countdown')).to.equal(null);
    resend.click();
    await settle(el);
    expect(adapter.outbox.length).to.equal(before + 1);
    expect($(el, '[part="status"]').textContent).to.contain('A new code was sent');
    // The new code starts a new wait.
    expect(resend.getAttribute('aria-disabled')).to.equal('true');
    expect($(el, '#resend-countdown').textContent).to.contain('0:30');
  });

  it('item 10: an invalid code submit fills the alert region, each time', async () => {
    const el = await mount(adapter, await pendingLogin(adapter));
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    await settle(el);
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#code'));
    expect(alertText(el)).to.equal('Please correct the highlighted fields.');
    const first = $(el, '[role="alert"] .alert');
    $<HTMLButtonElement>(el, '[part="submit-button"]').click();
    await settle(el);
    // A new node: the repeated message is announced again.
    expect($(el, '[role="alert"] .alert')).to.not.equal(first);
    expect(alertText(el)).to.equal('Please correct the highlighted fields.');
  });
});
