/**
 * Issue 23, item 15: on a phone, emails wrap at sensible points (after "@", before a dot), never
 * mid-word while a sensible point is left; phone numbers never break.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { MemoryAdapter } from '../../../src/adapter/memory/memory-adapter.js';
import { ManualClock } from '../../../src/core/clock.js';
import '../../../src/elements/my-delegates/pep-my-delegates.js';
import type { PepMyDelegates } from '../../../src/elements/my-delegates/pep-my-delegates.js';
import { JANE, producerAdapter, until } from '../../support/registration.js';

/** The rendered lines of `el`'s text (characters grouped by the top of their boxes). */
function lines(el: Element): string[] {
  const out = new Map<number, string>();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    for (let i = 0; i < text.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect || !text[i]!.trim()) continue;
      const top = Math.round(rect.top);
      out.set(top, (out.get(top) ?? '') + text[i]);
    }
  }
  return [...out.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t);
}

describe('<pep-my-delegates> on a phone', () => {
  let adapter: MemoryAdapter;
  beforeEach(async () => {
    adapter = await producerAdapter(new ManualClock());
    await adapter.addDelegate({
      ...JANE,
      email: 'hana.home.long.address@subdomain.example.com',
      mobile: '(312) 555-0133',
    });
  });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const lang of ['en', 'es']) {
    it(`wraps the email after "@" or before a dot; the phone stays on one line (${lang}, 320 px)`, async () => {
      await setViewport({ width: 320, height: 700 });
      const el = await fixture<PepMyDelegates>(
        html`<pep-my-delegates lang=${lang}></pep-my-delegates>`,
      );
      el.adapter = adapter;
      await until(() => !!el.shadowRoot!.querySelector('[part=delegate]'), 3000, 'listed');
      await el.updateComplete;
      const dds = [...el.shadowRoot!.querySelectorAll('[part=delegate] dd')];
      const email = dds.find((dd) => dd.textContent!.includes('@'))!;
      const phone = dds.find((dd) => dd.textContent!.includes('555'))!;
      const emailLines = lines(email);
      expect(emailLines.join('')).to.equal('hana.home.long.address@subdomain.example.com');
      expect(emailLines.length, 'it needs to wrap at this width').to.be.greaterThan(1);
      for (let i = 1; i < emailLines.length; i++) {
        const sensible = emailLines[i]!.startsWith('.') || emailLines[i - 1]!.endsWith('@');
        expect(sensible, `line break before "${emailLines[i]}"`).to.equal(true);
      }
      expect(lines(phone)).to.deep.equal(['(312)555-0133']);
      // Nothing sticks out of the card.
      const card = el.shadowRoot!.querySelector<HTMLElement>('[part=delegate]')!;
      expect(card.scrollWidth).to.be.at.most(card.clientWidth);
    });
  }
});
