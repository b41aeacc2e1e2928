/**
 * Every widget's first reachable step, in every engine: zero axe violations, every control
 * labelled, targets at least 24×24 px, reflow at 320 px without horizontal scrolling, and a
 * keyboard-only interaction.
 */
import { expect, html } from '@open-wc/testing';
import { CASES } from './cases.js';

/** Controls and their accessible-name sources inside a widget's shadow root. */
function controls(root: ShadowRoot): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('input, select, textarea')].filter(
    (c) => (c as HTMLInputElement).type !== 'hidden',
  );
}

function visible(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
}

/** True when `a`'s parent also holds other text on the line (a link inside a sentence). */
function inline(a: HTMLElement): boolean {
  const parent = a.parentElement;
  if (!parent) return false;
  const others = [...parent.childNodes].filter((n) => n !== a && n.textContent?.trim());
  return others.length > 0 && getComputedStyle(a).display === 'inline';
}

for (const c of CASES) {
  describe(`<${c.tag}> accessibility`, () => {
    it('has no axe violations', async () => {
      const el = await c.render();
      await expect(el).to.be.accessible();
    });

    it('binds a label to every control', async () => {
      const el = await c.render();
      const list = controls(el.shadowRoot!);
      for (const control of list) {
        const labels = (control as HTMLInputElement).labels;
        const named =
          (labels && labels.length > 0) ||
          control.hasAttribute('aria-label') ||
          control.hasAttribute('aria-labelledby');
        expect(named, `${control.outerHTML} has a label`).to.be.true;
      }
    });

    it('has targets of at least 24×24 px', async () => {
      const el = await c.render();
      const targets = [
        ...el.shadowRoot!.querySelectorAll<HTMLElement>(
          'button, input:not([type="hidden"]), select, a[href], [role="button"], [tabindex="0"]',
        ),
      ].filter(visible);
      expect(targets.length).to.be.greaterThan(0);
      for (const t of targets) {
        // WCAG 2.5.8 "inline" exception: a link within a line of other text.
        if (t.localName === 'a' && inline(t)) continue;
        const r = t.getBoundingClientRect();
        expect(r.width, `${t.outerHTML.slice(0, 80)} width`).to.be.at.least(24);
        expect(r.height, `${t.outerHTML.slice(0, 80)} height`).to.be.at.least(24);
      }
    });

    it('reflows at 320 px without horizontal scrolling', async () => {
      const el = await c.render((t) => html`<div style="width: 320px">${t}</div>`);
      const host = el.getBoundingClientRect();
      expect(host.width).to.be.at.most(320);
      for (const node of el.shadowRoot!.querySelectorAll('*')) {
        if (!visible(node) || node.closest('.visually-hidden')) continue;
        const r = node.getBoundingClientRect();
        expect(
          r.right,
          `<${node.localName} part="${node.getAttribute('part')}"> fits`,
        ).to.be.at.most(host.right + 1);
        // (Form controls scroll their own content; that is not page scrolling.)
        if (
          node instanceof HTMLElement &&
          !node.matches('input, select, textarea') &&
          getComputedStyle(node).overflowX !== 'visible'
        )
          expect(node.scrollWidth, `${node.localName} scrolls`).to.be.at.most(node.clientWidth + 1);
      }
    });

    it('keeps working with text at 200 % (rem-based sizes, no overflow at 640 px)', async () => {
      const root = document.documentElement;
      const before = root.style.fontSize;
      root.style.fontSize = '200%';
      try {
        const el = await c.render((t) => html`<div style="width: 640px">${t}</div>`);
        const label = el.shadowRoot!.querySelector('[part~="step-heading"], label, button')!;
        expect(parseFloat(getComputedStyle(label).fontSize)).to.be.at.least(28);
        const host = el.getBoundingClientRect();
        for (const node of el.shadowRoot!.querySelectorAll('*')) {
          if (!visible(node) || node.closest('.visually-hidden')) continue;
          expect(node.getBoundingClientRect().right, `<${node.localName}> fits`).to.be.at.most(
            host.right + 1,
          );
        }
      } finally {
        root.style.fontSize = before;
      }
    });

    it('completes a keyboard-only interaction', async () => {
      const el = await c.render();
      await c.keyboard(el);
    });
  });
}
