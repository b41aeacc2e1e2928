/**
 * Every widget, in English and in Spanish: no raw message key is ever shown (a key missing
 * from the catalogues renders as the key itself), and switching to Spanish changes the text
 * of its first step while its state stays.
 */
import { expect } from '@open-wc/testing';
import { loadLocale } from '../../src/base/localize.js';
import type { PepElement } from '../../src/base/pep-element.js';
import { CASES } from '../a11y/cases.js';

const KEY =
  /\b(?:common|error|field|password|state|login|verify|typing|activity|add-delegate|delegate-admin|create-password|forgot-password|forgot-username|my-delegates|passkey|passkey-offer|passkeys|portal-home|report-issue|verify-email)\.[\w.-]*[a-z]/;

/** All text a user can perceive in the widget: text nodes and accessible-name attributes. */
function perceivable(el: PepElement): string {
  const parts: string[] = [el.shadowRoot!.textContent ?? ''];
  for (const n of el.shadowRoot!.querySelectorAll('*')) {
    for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
      const v = n.getAttribute(a);
      if (v) parts.push(v);
    }
  }
  return parts.join('\n');
}

describe('every widget in English and Spanish', () => {
  before(async () => {
    await loadLocale('es');
  });
  afterEach(() => {
    document.documentElement.lang = 'en';
  });

  for (const c of CASES) {
    it(`<${c.tag}> shows no raw message keys and switches its text`, async () => {
      const el = await c.render();
      const en = perceivable(el);
      expect(en).to.not.match(KEY);

      document.documentElement.lang = 'es';
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      const es = perceivable(el);
      expect(es).to.not.match(KEY);
      expect(es).to.not.equal(en);
      expect(el.shadowRoot!.textContent).to.match(/[áéíóúñ¿]/);
    });
  }
});
