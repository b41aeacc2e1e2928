/**
 * Every widget can be re-branded from the outside: --pep-color-primary and --pep-radius on the
 * host change its main action, `::part()` rules apply, dark defaults follow `theme`, and page
 * CSS neither leaks in (inherited text styles) nor do the widgets add anything to the page.
 */
import { expect, html } from '@open-wc/testing';
import { CASES } from '../a11y/cases.js';
import manifest from '../../custom-elements.json';
import type { PepElement } from '../../src/base/pep-element.js';

const part = (el: PepElement, name: string) => {
  const found = el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!found) throw new Error(`<${el.localName}> has no part "${name}"`);
  return found;
};

/** A document-level stylesheet, removed after the test. */
function pageStyle(cssText: string): () => void {
  const style = document.createElement('style');
  style.textContent = cssText;
  document.head.append(style);
  return () => style.remove();
}

describe('shared suites', () => {
  it('cover every pep-* element with a UI (from custom-elements.json)', () => {
    const tags = manifest.modules
      .flatMap((m) => (m.declarations ?? []) as { tagName?: string }[])
      .map((d) => d.tagName)
      .filter((t): t is string => !!t && t !== 'pep-auth-provider');
    expect(CASES.map((c) => c.tag).sort()).to.deep.equal([...new Set(tags)].sort());
  });
});

for (const c of CASES) {
  describe(`<${c.tag}> theming`, () => {
    const render = async (wrap?: Parameters<typeof c.render>[0]) => {
      const el = await c.render(wrap);
      await c.showPrimary?.(el);
      return el;
    };
    const colorProp = c.primaryProperty ?? 'background-color';
    const radiusPart = c.radiusPart ?? c.primaryPart;

    it(`--pep-color-primary and --pep-radius on the host restyle ${c.primaryPart}`, async () => {
      const el = await render();
      const before = getComputedStyle(part(el, c.primaryPart)).getPropertyValue(colorProp);
      el.style.setProperty('--pep-color-primary', 'rgb(200, 16, 46)');
      el.style.setProperty('--pep-radius', '13px');
      await el.updateComplete;
      const after = getComputedStyle(part(el, c.primaryPart)).getPropertyValue(colorProp);
      expect(after).to.equal('rgb(200, 16, 46)');
      expect(after).to.not.equal(before);
      expect(getComputedStyle(part(el, radiusPart)).borderTopLeftRadius).to.equal('13px');
    });

    it('takes the tokens from an ancestor too', async () => {
      const el = await render(
        (t) => html`<div style="--pep-color-primary: rgb(0, 90, 60); --pep-radius: 0px">${t}</div>`,
      );
      expect(getComputedStyle(part(el, c.primaryPart)).getPropertyValue(colorProp)).to.equal(
        'rgb(0, 90, 60)',
      );
      expect(getComputedStyle(part(el, radiusPart)).borderTopLeftRadius).to.equal('0px');
    });

    it(`applies ::part(${c.primaryPart}) rules from the page`, async () => {
      const remove = pageStyle(
        `${c.tag}::part(${c.primaryPart}) { outline: 4px dashed rgb(1, 2, 3); letter-spacing: 3px; }`,
      );
      try {
        const el = await render();
        const s = getComputedStyle(part(el, c.primaryPart));
        expect(s.outlineStyle).to.equal('dashed');
        expect(s.outlineColor).to.equal('rgb(1, 2, 3)');
        expect(s.letterSpacing).to.equal('3px');
      } finally {
        remove();
      }
    });

    it('switches to dark defaults with theme="dark" and back with theme="light"', async () => {
      const el = await render();
      el.setAttribute('theme', 'light');
      const light = getComputedStyle(el).color;
      el.setAttribute('theme', 'dark');
      const dark = getComputedStyle(el).color;
      expect(dark).to.not.equal(light);
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      el.style.setProperty('--pep-color-text', 'rgb(10, 20, 30)');
      expect(getComputedStyle(el).color, 'a host token wins over the dark default').to.equal(
        'rgb(10, 20, 30)',
      );
    });

    it('is axe-clean (colour contrast included) in the dark theme', async () => {
      const el = await render();
      el.setAttribute('theme', 'dark');
      await expect(el).to.be.accessible();
    });

    it('is not broken by inherited page text styles', async () => {
      const el = await render(
        (t) =>
          html`<div
            style="text-transform: uppercase; letter-spacing: 12px; white-space: nowrap; line-height: 5; text-align: center; font-style: italic; word-spacing: 20px"
          >
            ${t}
          </div>`,
      );
      const s = getComputedStyle(part(el, c.primaryPart));
      expect(s.textTransform).to.equal('none');
      expect(s.letterSpacing).to.equal('normal');
      expect(s.whiteSpace).to.not.equal('nowrap');
      expect(s.fontStyle).to.equal('normal');
      expect(getComputedStyle(el).textAlign).to.be.oneOf(['start', 'left']);
      expect(parseFloat(getComputedStyle(el).lineHeight)).to.be.below(40);
    });

    it('adds nothing to the page’s global styles', async () => {
      const sheets = document.styleSheets.length;
      const adopted = new Set(document.adoptedStyleSheets);
      const headNodes = document.head.childElementCount;
      const rootStyle = document.documentElement.getAttribute('style');
      await render();
      expect(document.styleSheets.length).to.equal(sheets);
      // Only the light-DOM credential form's sheet (shared/credential-form.ts), once per tag,
      // every rule under `<tag> > [data-pep-credentials]`.
      for (const sheet of document.adoptedStyleSheets.filter((s) => !adopted.has(s))) {
        const rules = [...sheet.cssRules].flatMap((r) =>
          r instanceof CSSMediaRule ? [...r.cssRules] : [r],
        );
        for (const r of rules)
          for (const sel of (r as CSSStyleRule).selectorText.split(/,(?![^(]*\))/))
            expect(sel.trim(), 'scoped').to.match(
              new RegExp(`^${c.tag} > \\[data-pep-credentials\\]`),
            );
      }
      expect(document.head.childElementCount).to.equal(headNodes);
      expect(document.documentElement.getAttribute('style')).to.equal(rootStyle);
    });
  });
}

describe('theme inherited from an ancestor', () => {
  const DARK_TEXT = 'rgb(230, 235, 240)';
  const LIGHT_TEXT = 'rgb(28, 36, 48)';

  it('follows theme="dark" on an ancestor, across shadow roots, and its own theme wins', async () => {
    const page = document.createElement('div');
    page.setAttribute('theme', 'dark');
    const outer = document.createElement('div');
    page.append(outer);
    document.body.append(page);
    try {
      // A widget inside another component's shadow root (as nested steps are).
      const root = outer.attachShadow({ mode: 'open' });
      const el = document.createElement('pep-forgot-username');
      root.append(el);
      await el.updateComplete;
      expect(getComputedStyle(el).color).to.equal(DARK_TEXT);
      expect(getComputedStyle(el).colorScheme).to.equal('dark');

      page.setAttribute('theme', 'light');
      await new Promise((r) => setTimeout(r));
      expect(getComputedStyle(el).color).to.equal(LIGHT_TEXT);

      page.setAttribute('theme', 'dark');
      el.setAttribute('theme', 'light');
      await new Promise((r) => setTimeout(r));
      expect(getComputedStyle(el).color, 'the element’s own theme wins').to.equal(LIGHT_TEXT);
    } finally {
      page.remove();
    }
  });
});
